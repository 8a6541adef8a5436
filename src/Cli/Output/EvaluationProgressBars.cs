using RtfmGym.Evaluation;
using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>Shows an evaluation's progress on standard error: one bar per stage, with elapsed and remaining time.</summary>
public static class EvaluationProgressBars
{
    /// <summary>
    /// Runs <paramref name="work"/>, drawing the progress it reports; returns what it returns. With
    /// <paramref name="keep"/> the bars stay on the screen when done (their times are part of the result), else they are cleared.
    /// </summary>
    public static T Run<T>(bool keep, Func<IProgress<EvaluationProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        Consoles.Err.Progress().AutoClear(!keep)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                result = work(new SynchronousProgress<EvaluationProgress>(p =>
                {
                    if (!bars.TryGetValue(p.Stage, out ProgressTask? bar)) bars[p.Stage] = bar = context.AddTask(Markup.Escape(p.Stage), maxValue: p.Total);
                    bar.MaxValue = p.Total;
                    bar.Value = p.Done;
                }));
            });
        return result;
    }
}
