namespace RtfmGym.Env.Vector;

/// <summary>
/// One environment stepped under an <see cref="AutoresetMode"/>: the single implementation of
/// Gymnasium 1.x's autoreset rules, used for each sub-environment of a <see cref="VectorEnvironment"/>
/// and for each environment the bridge serves. It remembers whether the last step it returned ended
/// an episode, so every step and reset of the environment must go through it. Not thread-safe: one
/// caller at a time (distinct instances may step concurrently).
/// </summary>
public sealed class Autoreset
{
    /// <summary>The info key holding the ended episode's last observation (same-step mode).</summary>
    public const string FinalObsKey = "final_obs";

    /// <summary>The info key holding the ended episode's last info (same-step mode).</summary>
    public const string FinalInfoKey = "final_info";

    /// <param name="environment">The environment (not owned: closing it stays the caller's job).</param>
    /// <param name="mode">The mode <see cref="Step(object)"/> follows.</param>
    public Autoreset(IEnvironment environment, AutoresetMode mode)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!Enum.IsDefined(mode)) throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an autoreset mode.");
        Environment = environment;
        Mode = mode;
    }

    /// <summary>The environment stepped.</summary>
    public IEnvironment Environment { get; }

    /// <summary>The mode of <see cref="Step(object)"/>.</summary>
    public AutoresetMode Mode { get; }

    /// <summary>True when the last step returned ended an episode and no reset has followed yet.</summary>
    public bool EpisodeEnded { get; private set; }

    /// <summary>True when the next <see cref="Step(object)"/> resets and ignores its action (next-step mode after an episode's end).</summary>
    public bool ResetsOnNextStep => EpisodeEnded && Mode == AutoresetMode.NextStep;

    /// <summary>Resets the environment (see <see cref="IEnvironment.Reset"/>); a refused reset leaves <see cref="EpisodeEnded"/> as it was.</summary>
    public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => BeginReset(seed, options).Complete();

    /// <summary><see cref="Reset"/> split around drawing the first frame (a staged environment's), for a batched draw.</summary>
    internal StagedObservation<ResetResult> BeginReset(long? seed = null, IReadOnlyDictionary<string, object>? options = null)
    {
        StagedObservation<ResetResult> reset = Environment is IStagedEnvironment staged
            ? staged.BeginReset(seed, options)
            : StagedObservation<ResetResult>.Done(Environment.Reset(seed, options));
        return reset.Then(r =>
        {
            EpisodeEnded = false;
            return r;
        });
    }

    /// <summary>Steps under <see cref="Mode"/>.</summary>
    public StepResult Step(object action) => Step(action, Mode);

    /// <summary>Steps under <paramref name="mode"/> (the bridge's plain <c>step</c> uses <see cref="AutoresetMode.Disabled"/>).</summary>
    /// <exception cref="EnvironmentStateException">The episode ended and <paramref name="mode"/> is not <see cref="AutoresetMode.NextStep"/>.</exception>
    public StepResult Step(object action, AutoresetMode mode) => BeginStep(action, mode).Complete();

    /// <summary>
    /// <see cref="Step(object, AutoresetMode)"/> split around drawing the frame (a staged environment's), for a batched
    /// draw. The reset of same-step mode, after an episode ends, draws its first frame alone when the stage finishes.
    /// </summary>
    internal StagedObservation<StepResult> BeginStep(object action, AutoresetMode mode)
    {
        if (EpisodeEnded)
        {
            // Same-step mode never leaves an ended episode behind; one ended under another mode waits for a reset.
            if (mode != AutoresetMode.NextStep)
                throw new EnvironmentStateException($"The episode is over (terminated or truncated) and autoreset mode {mode} does not reset it here; call Reset before stepping again.");
            return BeginReset().Then(first => new StepResult(first.Observation, 0, false, false, first.Info));
        }
        StagedObservation<StepResult> step = Environment is IStagedEnvironment staged
            ? staged.BeginStep(action)
            : StagedObservation<StepResult>.Done(Environment.Step(action));
        return step.Then(s =>
        {
            EpisodeEnded = s.Done;
            if (!s.Done || mode != AutoresetMode.SameStep) return s;
            ResetResult reset = Reset();
            var info = new Dictionary<string, object?>(reset.Info) { [FinalObsKey] = s.Observation, [FinalInfoKey] = s.Info };
            return s with { Observation = reset.Observation, Info = info };
        });
    }

    /// <summary>
    /// Says the environment's state was replaced without a step or reset through this object (a snapshot
    /// restored): <paramref name="episodeOver"/> is whether the restored episode has ended.
    /// </summary>
    public void Resynchronize(bool episodeOver) => EpisodeEnded = episodeOver;
}
