using RtfmGym.Env.Actions;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Cli.MemoryEval;

/// <summary>
/// The seeded walk of the cost episode. With discrete keys it repeats forward, turn-left or
/// turn-right for runs of 1 to 8 steps (forward half the time), and turns after bumping into
/// something, so it wanders through rooms instead of dithering in one place; it never stops.
/// Other action kinds sample their action space.
/// </summary>
public sealed class RandomWalkPolicy(ActionModel actions, Space space, Rng rng)
{
    private long _current = (long)DiscreteAction.Forward;
    private int _left;

    /// <summary>The next action; <paramref name="collided"/> is whether the last step bumped into something.</summary>
    public object Next(bool collided)
    {
        if (actions.Settings.Kind != ActionKind.Discrete) return space.Sample(rng);
        if (collided && _current == (long)DiscreteAction.Forward) _left = 0;
        if (_left-- <= 0)
        {
            _current = !collided && rng.Chance(0.5) ? (long)DiscreteAction.Forward : rng.Chance(0.5) ? (long)DiscreteAction.TurnLeft : (long)DiscreteAction.TurnRight;
            _left = rng.NextInt(1, 9) - 1;
        }
        return _current;
    }
}
