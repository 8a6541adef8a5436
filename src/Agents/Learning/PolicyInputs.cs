using RtfmGym.Env;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// How observations become the policy network's inputs: an image [channels, H, W] of colour in [0, 1]
/// (from "rgb") and, when observed, depth as 1 − exp(−d / 2 m) (near things get the resolution; rays that
/// hit nothing give 1); plus a vector of the goal as (distance / 10 m, cos bearing, sin bearing) when the
/// task gives one. The pose is left out on purpose: a policy that sees its absolute pose can learn one map
/// by heart instead of learning to see.
/// </summary>
public sealed class PolicyInputs
{
    /// <summary>Metres over which encoded depth rises from 0 to 1 − 1/e.</summary>
    public const float DepthScale = 2f;

    /// <summary>Metres per unit of the encoded goal distance.</summary>
    public const float GoalScale = 10f;

    /// <summary>The smallest image side the policy's three strided convolutions can take, pixels.</summary>
    public const int MinSide = 24;

    private PolicyInputs(int height, int width, bool depth, bool goal) => (Height, Width, HasDepth, HasGoal) = (height, width, depth, goal);

    /// <summary>Image height, pixels.</summary>
    public int Height { get; }

    /// <summary>Image width, pixels.</summary>
    public int Width { get; }

    /// <summary>Whether a depth channel follows the colour.</summary>
    public bool HasDepth { get; }

    /// <summary>Whether the goal vector is part of the input.</summary>
    public bool HasGoal { get; }

    /// <summary>Image channels: 3, or 4 with depth.</summary>
    public int Channels => HasDepth ? 4 : 3;

    /// <summary>Values of one image.</summary>
    public int ImageValues => Channels * Height * Width;

    /// <summary>Values of the goal vector (0 without a goal).</summary>
    public int VectorValues => HasGoal ? 3 : 0;

    /// <summary>The inputs for observations of <paramref name="space"/> (a dict with "rgb" uint8 [H, W, 3], optionally "depth" [H, W, 1] and "goal" [2]).</summary>
    /// <exception cref="RtfmGymException">The space is not such a dict.</exception>
    public static PolicyInputs For(Space space)
    {
        Space? Entry(string key) => (space as DictSpace)?.Spaces.FirstOrDefault(kv => kv.Key == key).Value;
        if (Entry("rgb") is not BoxSpace { Shape: [int h, int w, 3] })
            throw new RtfmGymException($"The learner needs observations with an \"rgb\" image [H, W, 3]; this scenario observes {space}. Add rgb to the scenario's observations.");
        return Of(h, w, Entry("depth") is not null, Entry("goal") is not null);
    }

    /// <summary>The inputs described by a saved policy's layout.</summary>
    public static PolicyInputs Of(int height, int width, bool depth, bool goal)
    {
        if (height < MinSide || width < MinSide) throw new RtfmGymException($"Policy images must be at least {MinSide}x{MinSide}, got {width}x{height}.");
        return new PolicyInputs(height, width, depth, goal);
    }

    /// <summary>Writes one observation's image into <paramref name="image"/> (<see cref="ImageValues"/>) and goal into <paramref name="vector"/> (<see cref="VectorValues"/>).</summary>
    /// <exception cref="RtfmGymException">The observation lacks a key or has another shape than the layout.</exception>
    public void Write(object observation, Span<float> image, Span<float> vector)
    {
        if (observation is not IReadOnlyDictionary<string, object> obs)
            throw new RtfmGymException($"Expected a dict observation, got {observation?.GetType().Name ?? "null"}.");
        int pixels = Height * Width;
        ReadOnlySpan<byte> rgb = Array("rgb", obs, pixels * 3).AsSpan<byte>();
        for (int p = 0; p < pixels; p++)
        {
            for (int c = 0; c < 3; c++) image[c * pixels + p] = rgb[p * 3 + c] / 255f;
        }
        if (HasDepth)
        {
            ReadOnlySpan<float> depth = Array("depth", obs, pixels).AsSpan<float>();
            for (int p = 0; p < pixels; p++)
                image[3 * pixels + p] = float.IsFinite(depth[p]) ? 1f - MathF.Exp(-Math.Max(depth[p], 0f) / DepthScale) : 1f;
        }
        if (HasGoal)
        {
            NDArray goal = Array("goal", obs, 2);
            double distance = goal.GetDouble(0), bearing = goal.GetDouble(1);
            vector[0] = (float)(distance / GoalScale);
            vector[1] = (float)Math.Cos(bearing);
            vector[2] = (float)Math.Sin(bearing);
        }
    }

    private static NDArray Array(string key, IReadOnlyDictionary<string, object> obs, int length)
    {
        if (!obs.TryGetValue(key, out object? value) || value is not NDArray a)
            throw new RtfmGymException($"The observation has no \"{key}\" array; the policy was made for observations that do.");
        if (a.Length != length)
            throw new RtfmGymException($"The observation's \"{key}\" has {a.Length} values where the policy expects {length}; use the scenario (camera size) it was trained on.");
        return a;
    }
}
