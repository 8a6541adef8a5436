using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents;

/// <summary>
/// A scripted PointNav agent that sees: it heads for the goal by its compass (the "goal" observation:
/// distance in metres, bearing in radians, + to the left) and steers by its depth image alone, with no
/// map and no pose. When the band of the image straight ahead (middle third of the columns, middle third
/// of the rows) shows something nearer than <see cref="Clearance"/>, or the last step bumped into
/// something, it turns towards the half of that band that is deeper and keeps turning that way until the
/// way ahead is clear, then walks <see cref="Detour"/> steps before it heads for the goal again. It stops
/// within <see cref="StopDistance"/> of the goal. Deterministic; discrete keys only. Its figures depend on
/// the depth it is shown, so generated frames change them: the scripted member of a fidelity ranking.
/// </summary>
public sealed class DepthReactiveAgent : IAgent
{
    /// <summary>Free depth needed straight ahead to step forward, metres (body radius 0.18 m, a 0.25 m step and a margin).</summary>
    public const float Clearance = 0.6f;

    /// <summary>Distance to the goal at which it stops, metres (inside the default 0.25 m success radius).</summary>
    public const float StopDistance = 0.2f;

    /// <summary>Bearing to the goal beyond which it turns rather than walks, radians (about 11°).</summary>
    public const float BearingTolerance = 0.2f;

    /// <summary>Steps it walks straight on after turning away from an obstacle, before it heads for the goal again.</summary>
    public const int Detour = 4;

    private DiscreteAction? _avoiding;
    private int _detour;

    /// <inheritdoc/>
    public string Name => "depth-reactive";

    /// <inheritdoc/>
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionSpace is not DiscreteSpace)
            throw new RtfmGymException($"The depth-reactive agent needs discrete keys (action: {{kind: discrete}}); this scenario has {context.ActionSpace}.");
        (_avoiding, _detour) = (null, 0);
    }

    /// <inheritdoc/>
    /// <remarks>Reads "depth" ([H, W, 1] metres) and "goal" from the observation and <see cref="InfoKeys.Collided"/> from the info.</remarks>
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        var obs = observation as IReadOnlyDictionary<string, object> ?? throw new RtfmGymException("The depth-reactive agent needs dict observations with \"depth\" and \"goal\".");
        if (!obs.TryGetValue("depth", out object? d) || d is not NDArray { Shape: [int height, int width, ..] } depth
            || !obs.TryGetValue("goal", out object? g) || g is not NDArray goal)
            throw new RtfmGymException("The depth-reactive agent needs \"depth\" and \"goal\" observations; add them to the scenario's observations.");
        double distance = goal.GetDouble(0), bearing = goal.GetDouble(1);
        if (distance < StopDistance) return (long)DiscreteAction.Stop;
        (float left, float right, float nearest) = AheadBand(depth.AsSpan<float>(), height, width);
        bool blocked = nearest < Clearance || InfoKeys.Collided.ReadOr(info, false);
        if (blocked)
        {
            // Keep turning the way it started, so it does not swing back and forth in front of a wall.
            _avoiding ??= left >= right ? DiscreteAction.TurnLeft : DiscreteAction.TurnRight;
            _detour = Detour;
            return (long)_avoiding;
        }
        _avoiding = null;
        if (_detour > 0)
        {
            _detour--;
            return (long)DiscreteAction.Forward;
        }
        if (Math.Abs(bearing) > BearingTolerance) return (long)(bearing > 0 ? DiscreteAction.TurnLeft : DiscreteAction.TurnRight);
        return (long)DiscreteAction.Forward;
    }

    /// <summary>Mean depth of the left and right halves of the band ahead, and its nearest depth; rays that hit nothing count as far.</summary>
    private static (float Left, float Right, float Nearest) AheadBand(ReadOnlySpan<float> depth, int height, int width)
    {
        const float Far = 100f;
        int x0 = width / 3, x1 = width - width / 3, y0 = height / 3, y1 = height - height / 3, mid = width / 2;
        double left = 0, right = 0;
        int nLeft = 0, nRight = 0;
        float nearest = float.PositiveInfinity;
        for (int y = y0; y < y1; y++)
        {
            for (int x = x0; x < x1; x++)
            {
                float v = depth[y * width + x];
                v = float.IsFinite(v) ? Math.Clamp(v, 0f, Far) : Far;
                nearest = Math.Min(nearest, v);
                if (x < mid) { left += v; nLeft++; }
                else { right += v; nRight++; }
            }
        }
        return ((float)(left / Math.Max(1, nLeft)), (float)(right / Math.Max(1, nRight)), nearest);
    }
}
