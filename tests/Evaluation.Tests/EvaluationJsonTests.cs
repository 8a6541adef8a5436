using System.Text.Json.Nodes;

namespace RtfmGym.Evaluation.Tests;

public class EvaluationJsonTests
{
    private sealed record Figures(double MeanPsnr, double? Missing, int SampleCount);

    [Test]
    public void Append_Record_SnakeCaseKeysAfterTheHeaderNonFiniteAsNames()
    {
        var doc = EvaluationJson.Append(new JsonObject { ["checkpoint"] = "c" }, new Figures(double.PositiveInfinity, null, 3));
        Assert.That(doc.Select(p => p.Key), Is.EqualTo(new[] { "checkpoint", "mean_psnr", "missing", "sample_count" }));
        Assert.That(doc.ToJsonString(EvaluationJson.Options), Does.Contain("\"mean_psnr\": \"Infinity\""));
    }

    [Test]
    public void Write_NewFolder_WritesIndentedTextAndReturnsIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"rtfm-evaljson-{Guid.NewGuid():N}");
        try
        {
            string path = Path.Combine(dir, "sub", "report.json");
            string text = EvaluationJson.Write(path, new JsonObject { ["steps"] = 2 });
            Assert.That(File.ReadAllText(path), Is.EqualTo(text));
            Assert.That(text, Is.EqualTo("{\n  \"steps\": 2\n}").Or.EqualTo("{\r\n  \"steps\": 2\r\n}"));
            Assert.That(Directory.GetFiles(Path.Combine(dir, "sub")), Has.Length.EqualTo(1), "no temporary file left");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
