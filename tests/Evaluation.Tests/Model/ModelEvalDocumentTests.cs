using RtfmGym.Evaluation.Model;
using RtfmGym.Model.Checkpoints;

namespace RtfmGym.Evaluation.Tests.Model;

public class ModelEvalDocumentTests
{
    private static ModelEvalResult Empty => new("tiny", 32, 2, 1, 5, 1, [], null, null, null, null, 0.5, ModelEvalSummary.From([], null, null));

    [Test]
    public void Build_Result_HeaderFirstThenFiguresEndingWithSummary()
    {
        var training = new TrainingSummary(800, 0.25, 60, 16, "cpu", "test machine");
        var doc = ModelEvalDocument.Build(Empty, "models/tiny", training, "cpu", 1, new RunProvenance("a machine", "abc1234"));
        Assert.That(doc.Select(p => p.Key).Take(8), Is.EqualTo(new[] { "checkpoint", "trained_steps", "training_loss", "device", "torch_threads", "machine", "commit", "preset" }));
        Assert.That(doc.Last().Key, Is.EqualTo("summary"));
        Assert.That(doc["trained_steps"]!.GetValue<long>(), Is.EqualTo(800));
        Assert.That(doc["commit"]!.GetValue<string>(), Is.EqualTo("abc1234"));
    }

    [Test]
    public void Build_NoTrainingSummary_TrainingFiguresNull()
    {
        var doc = ModelEvalDocument.Build(Empty, "c", null, "cpu", 2, new RunProvenance("m", "unknown"));
        Assert.That(doc["trained_steps"], Is.Null);
        Assert.That(doc["training_loss"], Is.Null);
        Assert.That(doc.ContainsKey("trained_steps"), Is.True, "the key stays, so scripts find it");
    }
}
