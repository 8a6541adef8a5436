using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents;

/// <summary>
/// A seeded walk that covers ground. With discrete keys it repeats forward, turn-left or turn-right for
/// runs of 1 to 8 steps (forward half the time), and turns after bumping into something, so it wanders
/// through rooms instead of dithering in one place; it never stops. Other action kinds sample their
/// action space. It draws from <paramref name="rng"/>, which it does not reseed: a second episode
/// continues the stream (each reset restarts only the current run).
/// </summary>
/// <param name="rng">The generator every choice comes from.</param>
public sealed class RandomWalkAgent(Rng rng) : IAgent
{
    private readonly Rng _rng = rng ?? throw new ArgumentNullException(nameof(rng));
    private Space? _space;
    private long _current;
    private int _left;

    /// <inheritdoc/>
    public string Name => "random-walk";

    /// <inheritdoc/>
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        ArgumentNullException.ThrowIfNull(context);
        (_space, _current, _left) = (context.ActionSpace, (long)DiscreteAction.Forward, 0);
    }

    /// <inheritdoc/>
    /// <remarks>Reads <see cref="InfoKeys.Collided"/> from <paramref name="info"/>: whether the last step bumped into something.</remarks>
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        Space space = _space ?? throw new InvalidOperationException("Reset the agent first.");
        // Discrete keys are the only discrete action space; every other kind is a box to sample.
        if (space is not DiscreteSpace) return space.Sample(_rng);
        bool collided = InfoKeys.Collided.ReadOr(info, false);
        if (collided && _current == (long)DiscreteAction.Forward) _left = 0;
        if (_left-- <= 0)
        {
            _current = !collided && _rng.Chance(0.5) ? (long)DiscreteAction.Forward : _rng.Chance(0.5) ? (long)DiscreteAction.TurnLeft : (long)DiscreteAction.TurnRight;
            _left = _rng.NextInt(1, 9) - 1;
        }
        return _current;
    }
}
