using RtfmGym.Env.Geometry;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// A way away from a pose and back (<see cref="RevisitPlanner.Plan"/>): <see cref="Poses"/>[0] is
/// the first visit, <see cref="Poses"/>[^1] the return (the same pose, bit for bit), one step apart
/// each, so there are gap + 1 poses.
/// </summary>
/// <param name="Poses">Floor poses, one per step, first visit and return included.</param>
/// <param name="TurnaroundStep">The step where the way out ends and the way back (the shortest path, then a turn to the first heading) begins.</param>
/// <param name="FarthestDistance">The largest straight-line distance from the first visit along the way, metres.</param>
public sealed record RevisitPlan(IReadOnlyList<FloorPose> Poses, int TurnaroundStep, float FarthestDistance)
{
    /// <summary>Steps between the first visit and the return.</summary>
    public int Gap => Poses.Count - 1;
}
