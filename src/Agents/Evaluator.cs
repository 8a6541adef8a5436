using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents;

/// <summary>Evaluates an agent over the episodes of a scenario suite, one fresh environment per episode.</summary>
public static class Evaluator
{
    /// <summary>Runs every episode of <paramref name="suite"/> (or <paramref name="episodes"/> seeds of a single scenario).</summary>
    /// <param name="suite">The scenario or suite.</param>
    /// <param name="makeAgent">Creates the agent (called once; reset per episode).</param>
    /// <param name="episodes">Episodes to run (default: the whole suite, or 1).</param>
    /// <param name="frames">Frame source name overriding the scenario's, or null.</param>
    /// <param name="progress">Called after each episode with its index and result.</param>
    /// <param name="cancellation">Stops between steps.</param>
    /// <param name="components">Where the environments' frame sources, tasks and sensors come from; default <see cref="EnvironmentComponents.BuiltIn"/>.</param>
    public static EvaluationReport Evaluate(Scenario suite, Func<IAgent> makeAgent, int? episodes = null, string? frames = null,
        Action<int, EpisodeResult>? progress = null, CancellationToken cancellation = default, EnvironmentComponents? components = null)
    {
        IAgent agent = makeAgent();
        using var owned = agent as IDisposable; // a learned policy holds native memory
        int count = episodes ?? Math.Max(1, suite.Episodes.Count);
        var results = new List<EpisodeResult>();
        IReadOnlyList<Scenario> runs = suite.Expand(count);
        for (int i = 0; i < runs.Count && !cancellation.IsCancellationRequested; i++)
        {
            Scenario s = frames is null ? runs[i] : runs[i] with { Frames = frames };
            using var env = new RtfmEnvironment(s, components: components);
            EpisodeResult r = EpisodeRunner.Run(env, agent, s.Seed, cancellation: cancellation);
            results.Add(r);
            progress?.Invoke(i, r);
        }
        return new EvaluationReport(agent.Name, suite.Name, results);
    }
}
