using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Tests.Learning;

/// <summary>
/// A one-step task a seeing policy can learn and a blind one cannot: the image is all red or all blue
/// (drawn from the seed), and the action that matches the colour (0 red, 1 blue) earns 1, the other 0.
/// Its "goal" vector is constant, so only the pixels tell the answer.
/// </summary>
internal sealed class CueEnvironment : IEnvironment
{
    public const int Side = 24;
    private Rng _rng = new(0);
    private bool _blue;

    public Space ObservationSpace { get; } = new DictSpace(
    [
        new("rgb", new BoxSpace(0, 255, [Side, Side, 3], DType.UInt8)),
        new("goal", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [2], DType.Float32)),
    ]);

    public Space ActionSpace { get; } = new DiscreteSpace(2);

    public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null)
    {
        if (seed is { } s) _rng = new Rng((ulong)s);
        _blue = _rng.Chance(0.5);
        return new ResetResult(Observation(), new Dictionary<string, object?>());
    }

    public StepResult Step(object action)
    {
        bool right = Convert.ToInt64(action) == (_blue ? 1 : 0);
        return new StepResult(Observation(), right ? 1 : 0, true, false, new Dictionary<string, object?> { ["success"] = right });
    }

    public void Close()
    {
    }

    public void Dispose() => Close();

    private Dictionary<string, object> Observation()
    {
        var rgb = new byte[Side * Side * 3];
        for (int p = 0; p < Side * Side; p++) rgb[p * 3 + (_blue ? 2 : 0)] = 200;
        return new Dictionary<string, object>
        {
            ["rgb"] = new NDArray(DType.UInt8, [Side, Side, 3], rgb),
            ["goal"] = NDArray.Vector(3f, 0f),
        };
    }
}
