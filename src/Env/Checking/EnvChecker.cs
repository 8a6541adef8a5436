using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Checking;

/// <summary>
/// Gymnasium's <c>check_env</c> for RtfmGym environments: reset signature and return, every
/// observation inside the observation space, finite rewards and boolean flags, seeded
/// determinism of reset and of a stepped sequence, rejection of an out-of-space action
/// without corrupting the episode, step after close refused, and close twice allowed.
/// Usable on any <see cref="IEnvironment"/>, local or remote.
/// </summary>
public static class EnvChecker
{
    /// <summary>Runs every check on environments made by <paramref name="make"/> (it is called twice: determinism needs two instances) and returns the failures (empty when all pass).</summary>
    /// <param name="make">Creates a fresh environment.</param>
    /// <param name="steps">Steps per sequence (default 20).</param>
    /// <param name="seed">The seed for the determinism checks (default 123).</param>
    public static IReadOnlyList<EnvCheckFailure> Run(Func<IEnvironment> make, int steps = 20, long seed = 123)
    {
        ArgumentNullException.ThrowIfNull(make);
        var failures = new List<EnvCheckFailure>();
        void Try(string check, Action body)
        {
            try { body(); }
            catch (Exception e) when (e is not OutOfMemoryException) { failures.Add(new EnvCheckFailure(check, $"{e.GetType().Name}: {e.Message}")); }
        }
        void Require(bool ok, string check, string problem)
        {
            if (!ok) failures.Add(new EnvCheckFailure(check, problem));
        }

        using IEnvironment a = make();
        using IEnvironment b = make();
        Try("spaces", () =>
        {
            Require(a.ObservationSpace is not null && a.ActionSpace is not null, "spaces", "observation or action space is null");
            Require(a.ObservationSpace!.Contains(a.ObservationSpace.Sample()), "spaces", "a sample of the observation space is not in it");
            Require(a.ActionSpace!.Contains(a.ActionSpace.Sample()), "spaces", "a sample of the action space is not in it");
        });

        List<object>? actions = null;
        List<object>? trace = null;
        Try("reset", () =>
        {
            ResetResult r = a.Reset(seed);
            Require(r.Info is not null, "reset", "info is null");
            Require(a.ObservationSpace.Contains(r.Observation), "reset", $"the observation is not in the observation space: {a.ObservationSpace.Explain(r.Observation)}");
            a.ActionSpace.Seed((ulong)seed);
            actions = new List<object>();
            trace = [r.Observation];
            for (int i = 0; i < steps; i++)
            {
                object act = a.ActionSpace.Sample();
                actions.Add(act);
                StepResult s = a.Step(act);
                trace.Add(s.Observation);
                Require(a.ObservationSpace.Contains(s.Observation), "step", $"step {i}: observation not in the space: {a.ObservationSpace.Explain(s.Observation)}");
                Require(double.IsFinite(s.Reward), "step", $"step {i}: reward {s.Reward} is not finite");
                Require(s.Info is not null, "step", $"step {i}: info is null");
                if (s.Terminated || s.Truncated) { a.Reset(); break; }
            }
        });

        Try("determinism", () =>
        {
            if (actions is null || trace is null) return;
            ResetResult r = b.Reset(seed);
            Require(SameValue(r.Observation, trace[0]), "determinism", "two resets with the same seed gave different observations");
            for (int i = 0; i < actions.Count && i + 1 < trace.Count; i++)
            {
                StepResult s = b.Step(actions[i]);
                if (!SameValue(s.Observation, trace[i + 1]))
                {
                    failures.Add(new EnvCheckFailure("determinism", $"step {i}: the same seed and actions gave a different observation"));
                    break;
                }
                if (s.Terminated || s.Truncated) break;
            }
            ResetResult again = b.Reset(seed);
            Require(SameValue(again.Observation, trace[0]), "determinism", "reset(seed) after stepping differs from the first reset(seed)");
        });

        Try("invalid action", () =>
        {
            b.Reset(seed);
            object? bad = OutsideValue(b.ActionSpace);
            if (bad is null) return;
            try
            {
                b.Step(bad);
                failures.Add(new EnvCheckFailure("invalid action", $"the action {Space.Format(bad)} outside {b.ActionSpace} was accepted"));
            }
            catch (ActionOutOfSpaceException) { }
            StepResult s = b.Step(b.ActionSpace.Sample());
            Require(b.ObservationSpace.Contains(s.Observation), "invalid action", "after a rejected action the next step's observation is not in the space");
        });

        Try("close", () =>
        {
            a.Close();
            a.Close();
            try
            {
                a.Step(a.ActionSpace.Sample());
                failures.Add(new EnvCheckFailure("close", "step after close did not throw"));
            }
            catch (EnvironmentStateException) { }
            catch (RtfmGymException) { }
        });
        return failures;
    }

    /// <summary>Runs <see cref="Run"/> and throws <see cref="EnvCheckException"/> listing every failure.</summary>
    public static void Check(Func<IEnvironment> make, int steps = 20, long seed = 123)
    {
        var failures = Run(make, steps, seed);
        if (failures.Count > 0) throw new EnvCheckException(failures);
    }

    /// <summary>Structural equality of space values (arrays by content, dictionaries by key).</summary>
    public static bool SameValue(object? x, object? y) => (x, y) switch
    {
        (null, null) => true,
        (NDArray p, NDArray q) => p.Equals(q),
        (IReadOnlyDictionary<string, object> p, IReadOnlyDictionary<string, object> q) =>
            p.Count == q.Count && p.All(kv => q.TryGetValue(kv.Key, out object? v) && SameValue(kv.Value, v)),
        (Array p, Array q) => p.Length == q.Length && p.Cast<object?>().Zip(q.Cast<object?>()).All(t => SameValue(t.First, t.Second)),
        _ => Equals(x, y),
    };

    private static object? OutsideValue(Space space) => space switch
    {
        DiscreteSpace d => d.Start + d.N + 5,
        BoxSpace b when b.High.Any(double.IsFinite) => b.Make(b.High.Select(h => double.IsFinite(h) ? h + 1 : 0).ToArray()),
        MultiDiscreteSpace m => m.Nvec.Select(n => n + 1).ToArray(),
        _ => "not an action",
    };
}
