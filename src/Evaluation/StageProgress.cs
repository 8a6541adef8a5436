namespace RtfmGym.Evaluation;

/// <summary>
/// Counts the units of one stage of an evaluation and reports each to an optional
/// <see cref="IProgress{T}"/> of <see cref="EvaluationProgress"/>; checks for cancellation at every unit, so a
/// long stage stops within one frame or step of being asked to.
/// </summary>
internal sealed class StageProgress
{
    private readonly IProgress<EvaluationProgress>? _progress;
    private readonly CancellationToken _cancel;
    private long _done;

    /// <summary>A stage named <paramref name="stage"/> of <paramref name="total"/> units; reports its start (0 done).</summary>
    public StageProgress(IProgress<EvaluationProgress>? progress, string stage, long total, CancellationToken cancel = default)
    {
        (_progress, Stage, Total, _cancel) = (progress, stage, Math.Max(1, total), cancel);
        _progress?.Report(new EvaluationProgress(Stage, 0, Total));
    }

    /// <summary>The stage's description.</summary>
    public string Stage { get; }

    /// <summary>Units of the stage.</summary>
    public long Total { get; }

    /// <summary>One more unit done.</summary>
    /// <exception cref="OperationCanceledException">The token given at construction was cancelled.</exception>
    public void Advance()
    {
        _cancel.ThrowIfCancellationRequested();
        _progress?.Report(new EvaluationProgress(Stage, Math.Min(++_done, Total), Total));
    }

    /// <summary>Reports the stage complete (a stage may take fewer units than planned, e.g. an episode that ends early).</summary>
    public void Finish() => _progress?.Report(new EvaluationProgress(Stage, Total, Total));
}
