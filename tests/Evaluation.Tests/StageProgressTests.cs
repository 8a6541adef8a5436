namespace RtfmGym.Evaluation.Tests;

public class StageProgressTests
{
    [Test]
    public void Advance_ThreeOfThree_ReportsStartEachUnitAndNeverPastTheTotal()
    {
        var recorder = new ProgressRecorder();
        var stage = new StageProgress(recorder, "loops", 3);
        for (int i = 0; i < 4; i++) stage.Advance();
        Assert.That(recorder.Reports.Select(r => r.Done), Is.EqualTo(new long[] { 0, 1, 2, 3, 3 }));
        Assert.That(recorder.Reports.Select(r => (r.Stage, r.Total)).Distinct(), Is.EqualTo(new[] { ("loops", 3L) }));
    }

    [Test]
    public void Finish_FewerUnitsThanPlanned_ReportsComplete()
    {
        var recorder = new ProgressRecorder();
        var stage = new StageProgress(recorder, "episode", 10);
        stage.Advance();
        stage.Finish();
        Assert.That(recorder.Reports[^1], Is.EqualTo(new EvaluationProgress("episode", 10, 10)));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Constructor_NoUnits_CountsAsOne(long total) =>
        Assert.That(new StageProgress(null, "empty", total).Total, Is.EqualTo(1));

    [Test]
    public void Advance_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var stage = new StageProgress(null, "loops", 3, cancel.Token);
        stage.Advance();
        cancel.Cancel();
        Assert.That(stage.Advance, Throws.InstanceOf<OperationCanceledException>());
    }
}
