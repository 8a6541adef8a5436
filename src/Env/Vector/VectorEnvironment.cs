using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Vector;

/// <summary>
/// Several environments stepped as one batch, Gymnasium's vector environment. Sub-environments
/// must share their spaces. Each step (and reset) runs in three phases: every sub-environment moves
/// and scores its action, then the frames are drawn, then each finishes its observation. Sub-environments
/// that share one frame source (e.g. N learned worlds over one model) have their frames drawn in one
/// <see cref="IFrameSource.Draw"/> call, which the learned model serves with one batched forward pass;
/// the reset that same-step autoreset starts after an episode ends draws its first frame alone.
/// With <c>parallel</c> the sub-environments step on the thread pool (give each ground-truth renderer
/// one thread, so the batch, not the frame, is split across cores), except that sub-environments
/// sharing a source are never run at once; results are the same either way. Resets with a seed give
/// sub-environment i the seed + i.
/// </summary>
public sealed class VectorEnvironment : IDisposable
{
    private readonly IEnvironment[] _envs;
    private readonly Autoreset[] _autoresets;
    private readonly object[] _observations;
    private readonly bool _parallel;
    // A source serves one caller at a time: where sub-environments share one, their phases run one after the other.
    private readonly bool _sharedSource;
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
        _sharedSource = _envs.OfType<IStagedEnvironment>().GroupBy(e => e.Pipeline.Source, ReferenceEqualityComparer.Instance).Any(g => g.Count() > 1);
    }

    /// <summary>How many sub-environments step together; the length of every batched array.</summary>
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
        var staged = new StagedObservation<ResetResult>?[_envs.Length];
        For(i => staged[i] = mask is not null && !mask[i] ? null : _autoresets[i].BeginReset(seed + i));
        ObservedView?[] views = Draw(staged.Select(s => (s?.Pipeline, s?.Request)).ToArray());
        For(i =>
        {
            if (staged[i] is not { } stage)
            {
                infos[i] = new Dictionary<string, object?>();
                return;
            }
            ResetResult r = stage.Finish(views[i]);
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
        var staged = new StagedObservation<StepResult>[n];
        For(i => staged[i] = _autoresets[i].BeginStep(actions[i], Mode));
        ObservedView?[] views = Draw(staged.Select(s => (s.Pipeline, s.Request)).ToArray());
        For(i =>
        {
            StepResult s = staged[i].Finish(views[i]);
            (_observations[i], rewards[i], term[i], trunc[i], infos[i]) = (s.Observation, s.Reward, s.Terminated, s.Truncated, s.Info);
        });
        return new VectorStepResult(_observations.ToArray(), rewards, term, trunc, infos);
    }

    /// <summary>Disposes every sub-environment, once; later calls do nothing.</summary>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        foreach (IEnvironment e in _envs) e.Dispose();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    private void For(Action<int> body)
    {
        if (_parallel && !_sharedSource && _envs.Length > 1) Parallel.For(0, _envs.Length, body);
        else for (int i = 0; i < _envs.Length; i++) body(i);
    }

    /// <summary>Draws the staged views: one pipeline call per frame source, for all the views it draws (sources in parallel with <c>parallel</c>).</summary>
    private ObservedView?[] Draw((ObservationPipeline? Pipeline, ObservationRequest? Request)[] staged)
    {
        var views = new ObservedView?[staged.Length];
        int[][] groups = Enumerable.Range(0, staged.Length).Where(i => staged[i].Request is not null)
            .GroupBy(i => staged[i].Pipeline!.Source, ReferenceEqualityComparer.Instance)
            .Select(g => g.ToArray()).ToArray();
        void DrawGroup(int[] group)
        {
            IReadOnlyList<ObservedView> drawn = staged[group[0]].Pipeline!.Observe(group.Select(i => staged[i].Request!).ToArray());
            for (int k = 0; k < group.Length; k++) views[group[k]] = drawn[k];
        }
        if (_parallel && groups.Length > 1) Parallel.ForEach(groups, DrawGroup);
        else foreach (int[] group in groups) DrawGroup(group);
        return views;
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new EnvironmentStateException("The vector environment is closed.");
    }
}
