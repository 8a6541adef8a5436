using RtfmGym.Env.Geometry;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The copy baseline of the fidelity table: instead of generating the target view, show the
/// context frame whose pose is nearest the target's. Nearness is
/// <c>|p − p_target| + <see cref="MetresPerRadian"/> · angle(q, q_target)</c>: the straight-line distance
/// between camera positions in metres plus the rotation angle between the orientations in radians,
/// so a metre of offset weighs as much as a radian (57°) of turn. Ties go to the earlier frame.
/// </summary>
public static class NearestFrame
{
    /// <summary>Metres of position offset that count as one radian of rotation.</summary>
    public const float MetresPerRadian = 1f;

    /// <summary>How far <paramref name="a"/> is from <paramref name="b"/> by the measure above (metres).</summary>
    public static float Distance(Pose a, Pose b) => System.Numerics.Vector3.Distance(a.Position, b.Position) + MetresPerRadian * a.AngleTo(b);

    /// <summary>Index of the pose in <paramref name="context"/> nearest <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">The context is empty.</exception>
    public static int Index(IReadOnlyList<Pose> context, Pose target)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Count == 0) throw new ArgumentException("The nearest-frame baseline needs at least one context pose.", nameof(context));
        int best = 0;
        float bestDistance = Distance(context[0], target);
        for (int i = 1; i < context.Count; i++)
        {
            float d = Distance(context[i], target);
            if (d < bestDistance) (best, bestDistance) = (i, d);
        }
        return best;
    }
}
