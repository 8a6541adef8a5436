using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Tests.IO;

namespace RtfmGym.Env.Tests.Scenarios;

/// <summary>The start_images field of scenario files: read relative to the file, validated with file, line and field.</summary>
public class StartImagesTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("rtfmgym-start-images-").FullName;
        File.WriteAllBytes(Path.Combine(_dir, "view.png"), TestPng.Rgb(32, 32, seed: 5).Png);
        File.WriteAllBytes(Path.Combine(_dir, "small.png"), TestPng.Rgb(16, 16).Png);
        File.WriteAllText(Path.Combine(_dir, "notes.png"), "not an image");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A 32x32 scenario (world seed 3) with <paramref name="images"/> as its start_images block, written to the temporary folder.</summary>
    private string Write(string images)
    {
        string path = Path.Combine(_dir, "scene.yaml");
        File.WriteAllText(path, "name: scene\nworld: { seed: 3, rooms: 3 }\ncamera: { width: 32, height: 32 }\n" + images);
        return path;
    }

    [Test]
    public void Load_ImagesWithAndWithoutPose_ReadsPixelsAndPoses()
    {
        Scenario s = ScenarioLoader.Load(Write("""
            start_images:
              - file: view.png
              - file: view.png
                pose: { position: [4.5, 6], yaw_degrees: 90 }
                fov_degrees: 90
            """));
        Assert.That(s.StartImages, Has.Count.EqualTo(2));
        Assert.That(s.StartImages[0].Pose, Is.Null);
        Assert.That(s.StartImages[0].Frame.Rgb, Is.EqualTo(TestPng.Rgb(32, 32, seed: 5).Rgb));
        Assert.That(s.StartImages[1].Pose!.Value.Position, Is.EqualTo(new System.Numerics.Vector2(4.5f, 6f)));
        Assert.That(s.StartImages[1].Pose!.Value.Yaw, Is.EqualTo(MathF.PI / 2).Within(1e-6f));
        Assert.That(s.StartImages[1].File, Is.EqualTo("view.png"));
    }

    // Each bad start_images block: the text, the line and the field the error must name, and a word of the reason.
    private static IEnumerable<TestCaseData> BadImages()
    {
        yield return Case("missing file", "start_images:\n  - file: gone.png\n", 5, "start_images[0].file", "does not exist");
        yield return Case("wrong size", "start_images:\n  - file: small.png\n", 5, "start_images[0].file", "16x16 pixels, but the camera is 32x32");
        yield return Case("not a png", "start_images:\n  - file: notes.png\n", 5, "start_images[0].file", "not a PNG");
        yield return Case("no file field", "start_images:\n  - pose: { position: [1, 1] }\n", 5, "start_images[0].file", "missing");
        yield return Case("non-finite pose", "start_images:\n  - file: view.png\n    pose: { position: [.nan, 2] }\n", 6, "start_images[0].pose.position[0]", "expected a number");
        yield return Case("infinite yaw", "start_images:\n  - file: view.png\n    pose: { position: [1, 2], yaw_degrees: .inf }\n", 6, "start_images[0].pose.yaw_degrees", "expected a number");
        yield return Case("pose outside world", "start_images:\n  - file: view.png\n    pose: { position: [-3, 2] }\n", 6, "start_images[0].pose", "outside world seed 3");
        yield return Case("fov not the camera's", "start_images:\n  - file: view.png\n    fov_degrees: 60\n", 6, "start_images[0].fov_degrees", "differs from the camera's");
        yield return Case("fov out of range", "start_images:\n  - file: view.png\n    fov_degrees: 400\n", 6, "start_images[0].fov_degrees", "outside 10 to 150");
        yield return Case("unknown field", "start_images:\n  - file: view.png\n    size: 3\n", 6, "start_images[0].size", "unknown field");
        yield return Case("empty list", "start_images: []\n", 4, "start_images", "empty");
        yield return Case("not a list", "start_images: view.png\n", 4, "start_images", "expected a list");
        yield return Case("with a capture", "start_images:\n  - file: view.png\ncapture: { spacing: 1 }\n", 6, "capture", "cannot also take a capture");
        yield return Case("second entry bad", "start_images:\n  - file: view.png\n  - file: small.png\n", 6, "start_images[1].file", "16x16");
    }

    private static TestCaseData Case(string name, string images, int line, string field, string reason) =>
        new TestCaseData(images, line, field, reason).SetName($"Load_StartImages_{name.Replace(' ', '_')}_NamesLineAndField");

    [TestCaseSource(nameof(BadImages))]
    public void Load_BadStartImages_NamesFileLineAndField(string images, int line, string field, string reason)
    {
        string path = Write(images);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.That(e!.File, Is.EqualTo(path));
        Assert.That(e.Field, Is.EqualTo(field), e.Message);
        Assert.That(e.Line, Is.EqualTo(line), e.Message);
        Assert.That(e.Problem, Does.Contain(reason), e.Message);
    }

    [Test]
    public void Parse_InlineScenarioWithImages_AsksForAFile()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("name: a\nstart_images:\n  - file: view.png\n", "scenario_yaml"));
        Assert.That(e!.Field, Is.EqualTo("start_images[0].file"));
        Assert.That(e.Problem, Does.Contain("load the scenario from its file"));
    }

    [Test]
    public void Parse_WithImageReader_ReadsNoFile()
    {
        byte[] png = TestPng.Rgb(64, 64, seed: 2).Png;
        Scenario s = ScenarioLoader.Parse("name: a\nstart_images:\n  - file: elsewhere/view.png\n", "scenario_yaml",
            file => file == "elsewhere/view.png" ? png : throw new FileNotFoundException(file));
        Assert.That(s.StartImages.Single().Png, Is.SameAs(png));
    }
}
