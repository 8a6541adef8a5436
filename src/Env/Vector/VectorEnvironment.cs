using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Vector;

/// <summary>
/// Several environments stepped as one batch, Gymnasium's vector environment. Sub-environments
/// must share their spaces. With <c>parallel</c> the sub-environments step on the thread pool
/// (give each ground-truth renderer one thread, so the batch, not the frame, is split across cores);
/// results are the same either way. Resets with a seed give sub-environment i the seed + i.
/// </summary>
public sealed class VectorEnvironment : IDisposable
{
    private readonly IEnvironment[] _envs;
    private readonly Autoreset[] _autoresets;
    private readonly object[] _observations;
    private readonly bool _parallel;
    private bool _closed;

    /// <param name="envs">The sub-environments (owned: disposed with this one).</param>
    /// <param name="mode">Autoreset mode. Default <see cref="AutoresetMode.NextStep"/>, Gymnasium's.</param>
    /// <param name="parallel">Step sub-environments concurrently. Default true.</param>
    public VectorEnvironment(IReadOnlyList<IEnvironment> envs, AutoresetMode mode = AutoresetMode.NextStep, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(envs);
        if (envs.Count == 0) throw new ArgumentException("A vector environment needs at least one environment.", nameof(envs));
        Space obs = envs[0].ObservationSpace, act = envs[0].ActionSpace;
        for (int i = 1; i < envs.Count; i++)
        {
            if (!envs[i].ObservationSpace.Equals(obs) || !envs[i].ActionSpace.Equals(act))
                throw new ArgumentException($"Environment {i} has spaces {envs[i].ObservationSpace} / {envs[i].ActionSpace}, unlike environment 0's {obs} / {act}.", nameof(envs));
        }
        _envs = envs.ToArray();
        _autoresets = _envs.Select(e => new Autoreset(e, mode)).ToArray();
        _observations = new object[_envs.Length];
        Mode = mode;
        _parallel = parallel;
    }

    public int Count => _envs.Length;

    /// <summary>The autoreset mode (Gymnasium's <c>metadata["autoreset_mode"]</c>).</summary>
    public AutoresetMode Mode { get; }

    /// <summary>The observation space of one sub-environment.</summary>
    public Space SingleObservationSpace => _envs[0].ObservationSpace;

    /// <summary>The action space of one sub-environment.</summary>
    public Space SingleActionSpace => _envs[0].ActionSpace;

    /// <summary>
    /// Resets every sub-environment, or with a <paramref name="mask"/> (one flag per sub-environment, at least
    /// one set; Gymnasium's <c>reset_mask</c>, the way to restart ended episodes in disabled mode) only those
    /// flagged. With a seed, sub-environment i gets seed + i. Sub-environments left alone keep their last
    /// observation and get an empty info.
    /// </summary>
    public (IReadOnlyList<object> Observations, IReadOnlyList<IReadOnlyDictionary<string, object?>> Infos) Reset(long? seed = null, IReadOnlyList<bool>? mask = null)
    {
        ThrowIfClosed();
        if (mask is not null && (mask.Count != _envs.Length || !mask.Contains(true)))
            throw new ArgumentException($"A reset mask needs {_envs.Length} flags with at least one set, got [{string.Join(", ", mask)}].", nameof(mask));
        var infos = new IReadOnlyDictionary<string, object?>[_envs.Length];
        For(i =>
        {
            if (mask is not null && !mask[i])
            {
                infos[i] = new Dictionary<string, object?>();
                return;
            }
            ResetResult r = _autoresets[i].Reset(seed + i);
            (_observations[i], infos[i]) = (r.Observation, r.Info);
        });
        return (_observations.ToArray(), infos);
    }

    /// <summary>
    /// Steps every sub-environment with its action under <see cref="Mode"/> (see <see cref="Autoreset"/>). All actions are
    /// checked against the action space, and in disabled mode every episode checked to be running, before any sub-environment moves.
    /// </summary>
    public VectorStepResult Step(IReadOnlyList<object> actions)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != _envs.Length) throw new ArgumentException($"Expected {_envs.Length} actions, got {actions.Count}.", nameof(actions));
        for (int i = 0; i < actions.Count; i++)
        {
            if (_autoresets[i].ResetsOnNextStep) continue; // its action is ignored
            if (_autoresets[i].EpisodeEnded)
                throw new EnvironmentStateException($"The episode of environment {i} is over and autoreset mode {Mode} does not reset it; reset it (with a mask) first.");
            SingleActionSpace.Require(actions[i], $"action of environment {i}");
        }
        int n = _envs.Length;
        var rewards = new double[n];
        var term = new bool[n];
        var trunc = new bool[n];
        var infos = new IReadOnlyDictionary<string, object?>[n];
        For(i =>
        {
            StepResult s = _autoresets[i].Step(actions[i]);
            (_observations[i], rewards[i], term[i], trunc[i], infos[i]) = (s.Observation, s.Reward, s.Terminated, s.Truncated, s.Info);
        });
        return new VectorStepResult(_observations.ToArray(), rewards, term, trunc, infos);
    }

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        foreach (IEnvironment e in _envs) e.Dispose();
    }

    public void Dispose() => Close();

    private void For(Action<int> body)
    {
        if (_parallel && _envs.Length > 1) Parallel.For(0, _envs.Length, body);
        else for (int i = 0; i < _envs.Length; i++) body(i);
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new EnvironmentStateException("The vector environment is closed.");
    }
}
