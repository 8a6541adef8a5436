using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Bridge.Tests.Support;

/// <summary>
/// A deterministic stand-in for the lead's environments: a 64x64 RGB frame whose bytes
/// depend on (seed, step), a float32 pose, Discrete(4) actions, episodes of
/// <see cref="EpisodeLength"/> steps. <see cref="Gate"/>, when set, blocks each step until released.
/// </summary>
internal sealed class FakeEnvironment(int episodeLength = 5) : IEnvironment
{
    private long _seed;
    private int _step = -1;

    public static int Disposed;

    public int EpisodeLength { get; } = episodeLength;

    public SemaphoreSlim? Gate { get; init; }

    /// <summary>Called at the start of every step (tests observe what else has happened by then).</summary>
    public Action? OnStep { get; init; }

    public bool IsClosed { get; private set; }

    public Space ObservationSpace { get; } = new DictSpace(
    [
        new("rgb", new BoxSpace(0, 255, [64, 64, 3], DType.UInt8)),
        new("pose", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [7], DType.Float32)),
    ]);

    public Space ActionSpace { get; } = new DiscreteSpace(4);

    public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null)
    {
        Check();
        if (seed is not null) _seed = seed.Value;
        _step = 0;
        var info = new Dictionary<string, object?> { ["seed"] = _seed };
        if (options is not null && options.TryGetValue("tag", out object? tag)) info["tag"] = tag;
        return new ResetResult(Observation(), info);
    }

    public StepResult Step(object action)
    {
        Check();
        ActionSpace.Require(action);
        if (_step < 0) throw new EnvironmentStateException("step before reset");
        OnStep?.Invoke();
        Gate?.Wait();
        _step++;
        bool done = _step >= EpisodeLength;
        return new StepResult(Observation(), Convert.ToInt64(action) * 0.5, done, false, new Dictionary<string, object?> { ["step"] = (long)_step });
    }

    public void Close()
    {
        if (!IsClosed) Interlocked.Increment(ref Disposed);
        IsClosed = true;
    }

    public void Dispose() => Close();

    private void Check()
    {
        if (IsClosed) throw new EnvironmentStateException("closed");
    }

    private Dictionary<string, object> Observation()
    {
        var rgb = new byte[64 * 64 * 3];
        var rng = new Random(unchecked((int)(_seed * 7919 + _step)));
        rng.NextBytes(rgb);
        return new Dictionary<string, object>
        {
            ["rgb"] = new NDArray(DType.UInt8, [64, 64, 3], rgb),
            ["pose"] = NDArray.Vector(_step, 0f, 0f, 1f, 0f, 0f, 0f),
        };
    }
}
