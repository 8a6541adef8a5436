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
    private readonly bool[] _needsReset;
    private readonly bool _parallel;
    private bool _closed;

    /// <param name="envs">The sub-environments (owned: disposed with this one).</param>
    /// <param name="mode">Autoreset mode. Default <see cref="AutoresetMode.NextStep"/>.</param>
    /// <param name="parallel">Step sub-environments concurrently. Default true.</param>
    public VectorEnvironment(IReadOnlyList<IEnvironment> envs, AutoresetMode mode = AutoresetMode.NextStep, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(envs);
        if (envs.Count == 0) throw new ArgumentException("A vector environment needs at least one environment.", nameof(envs));
        string obs = envs[0].ObservationSpace.ToString(), act = envs[0].ActionSpace.ToString();
        for (int i = 1; i < envs.Count; i++)
        {
            if (envs[i].ObservationSpace.ToString() != obs || envs[i].ActionSpace.ToString() != act)
                throw new ArgumentException($"Environment {i} has spaces {envs[i].ObservationSpace} / {envs[i].ActionSpace}, unlike environment 0's {obs} / {act}.", nameof(envs));
        }
        _envs = envs.ToArray();
        _needsReset = new bool[_envs.Length];
        Mode = mode;
        _parallel = parallel;
    }

    public int Count => _envs.Length;
    public AutoresetMode Mode { get; }

    /// <summary>The observation space of one sub-environment.</summary>
    public Space SingleObservationSpace => _envs[0].ObservationSpace;

    /// <summary>The action space of one sub-environment.</summary>
    public Space SingleActionSpace => _envs[0].ActionSpace;

    /// <summary>Resets every sub-environment; with a seed, sub-environment i gets seed + i.</summary>
    public (IReadOnlyList<object> Observations, IReadOnlyList<IReadOnlyDictionary<string, object?>> Infos) Reset(long? seed = null)
    {
        ThrowIfClosed();
        var results = new ResetResult[_envs.Length];
        For(i => results[i] = _envs[i].Reset(seed + i));
        Array.Clear(_needsReset);
        return (results.Select(r => r.Observation).ToArray(), results.Select(r => r.Info).ToArray());
    }

    /// <summary>Steps every sub-environment with its action. All actions are checked against the action space before any sub-environment moves.</summary>
    public VectorStepResult Step(IReadOnlyList<object> actions)
    {
        ThrowIfClosed();
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != _envs.Length) throw new ArgumentException($"Expected {_envs.Length} actions, got {actions.Count}.", nameof(actions));
        for (int i = 0; i < actions.Count; i++)
            if (!_needsReset[i]) SingleActionSpace.Require(actions[i], $"action of environment {i}");
        int n = _envs.Length;
        var obs = new object[n];
        var rewards = new double[n];
        var term = new bool[n];
        var trunc = new bool[n];
        var infos = new IReadOnlyDictionary<string, object?>[n];
        For(i =>
        {
            if (_needsReset[i])
            {
                ResetResult r = _envs[i].Reset();
                (obs[i], infos[i]) = (r.Observation, r.Info);
                _needsReset[i] = false;
                return;
            }
            StepResult s = _envs[i].Step(actions[i]);
            (obs[i], rewards[i], term[i], trunc[i], infos[i]) = (s.Observation, s.Reward, s.Terminated, s.Truncated, s.Info);
            if (!s.Done) return;
            if (Mode == AutoresetMode.NextStep)
            {
                _needsReset[i] = true;
                return;
            }
            ResetResult reset = _envs[i].Reset();
            var info = new Dictionary<string, object?>(reset.Info) { ["final_observation"] = s.Observation, ["final_info"] = s.Info };
            (obs[i], infos[i]) = (reset.Observation, info);
        });
        return new VectorStepResult(obs, rewards, term, trunc, infos);
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
