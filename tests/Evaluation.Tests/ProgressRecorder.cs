namespace RtfmGym.Evaluation.Tests;

/// <summary>Keeps every progress report, in order, on the reporting thread.</summary>
internal sealed class ProgressRecorder : IProgress<EvaluationProgress>
{
    /// <summary>The reports so far.</summary>
    public List<EvaluationProgress> Reports { get; } = [];

    /// <summary>The last report of each stage, in the order the stages began.</summary>
    public IReadOnlyList<EvaluationProgress> LastOfEachStage => Reports.GroupBy(p => p.Stage).Select(g => g.Last()).ToArray();

    public void Report(EvaluationProgress value) => Reports.Add(value);
}
