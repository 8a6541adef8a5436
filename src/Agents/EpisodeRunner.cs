using RtfmGym.Env;
using RtfmGym.Env.Episodes;

namespace RtfmGym.Agents;

/// <summary>Runs one episode of an agent in an environment, from reset to termination or truncation.</summary>
public static class EpisodeRunner
{
    /// <summary>Runs an episode.</summary>
    /// <param name="env">The environment (local or remote).</param>
    /// <param name="agent">The agent.</param>
    /// <param name="seed">The episode seed (null: the environment's next).</param>
    /// <param name="afterReset">Called after the reset (e.g. to start a recorder).</param>
    /// <param name="afterStep">Called after every step with the action and its result.</param>
    /// <param name="cancellation">Stops between steps; the partial episode is reported as truncated.</param>
    public static EpisodeResult Run(IEnvironment env, IAgent agent, long? seed = null,
        Action<ResetResult>? afterReset = null, Action<object, StepResult>? afterStep = null, CancellationToken cancellation = default)
    {
        ResetResult reset = env.Reset(seed);
        afterReset?.Invoke(reset);
        long episodeSeed = InfoKeys.EpisodeSeed.TryRead(reset.Info, out long l) ? l : seed ?? 0;
        agent.Reset(new AgentContext(env.ActionSpace, env.ObservationSpace, episodeSeed, env as IWorldEnvironment), reset.Observation, reset.Info);
        object obs = reset.Observation;
        IReadOnlyDictionary<string, object?> info = reset.Info;
        double total = 0;
        int steps = 0, collisions = 0;
        bool terminated = false, truncated = false;
        while (!terminated && !truncated)
        {
            if (cancellation.IsCancellationRequested) { truncated = true; break; }
            object action = agent.Act(obs, info);
            StepResult r = env.Step(action);
            afterStep?.Invoke(action, r);
            (obs, info, terminated, truncated) = (r.Observation, r.Info, r.Terminated, r.Truncated);
            total += r.Reward;
            steps++;
            if (InfoKeys.Collided.ReadOr(r.Info, false)) collisions++;
        }
        string name = env is IWorldEnvironment local ? local.Scenario.Name : "remote";
        var (success, spl, softSpl, coverage) = EpisodeSummary.ReadFigures(info);
        return new EpisodeResult(name, episodeSeed, steps, total, terminated, truncated, collisions, success, spl, softSpl, coverage);
    }
}
