using RtfmGym.Agents;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>Runs evaluations one after the other under one progress display on standard error, a bar each.</summary>
internal static class AgentEvaluations
{
    /// <summary>
    /// The report of each job, in order. A cancelled run stops between steps; the reports then hold the episodes
    /// finished so far, and jobs not started hold none.
    /// </summary>
    public static IReadOnlyList<EvaluationReport> Run(IReadOnlyList<EvaluationJob> jobs, ulong agentSeed, EnvironmentComponents components, CancellationToken ct)
    {
        var reports = new List<EvaluationReport>();
        Consoles.Err.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(progress =>
        {
            var tasks = jobs.Select(j => progress.AddTask(Markup.Escape(j.Label), autoStart: false, maxValue: j.Episodes)).ToArray();
            for (int i = 0; i < jobs.Count; i++)
            {
                EvaluationJob job = jobs[i];
                ProgressTask task = tasks[i];
                task.StartTask();
                reports.Add(Evaluator.Evaluate(job.Suite, () => AgentFactory.Create(job.Agent, job.Suite, agentSeed), job.Episodes, job.Frames,
                    progress: (_, _) => task.Increment(1), cancellation: ct, components: components));
                task.StopTask();
            }
        });
        return reports;
    }
}
