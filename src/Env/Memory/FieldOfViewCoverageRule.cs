using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// The default rule: entries that together cover the most of the target view.
/// <para>The target view is cut into a <see cref="GridSize"/> x <see cref="GridSize"/> grid of
/// rays. A candidate (an entry within the memory's search radius) covers a ray when:
/// with depth in its frame, one of its depth points (sampled on a grid twice as fine) projects
/// into that ray's grid cell of the target image; without depth, the ray's point at
/// <see cref="NominalDepth"/> projects into the candidate's image. Both use the target's
/// intrinsics for every entry (one camera per environment).</para>
/// <para>Greedy selection: repeatedly take the candidate with the best gain = (rays it covers
/// that no chosen entry covers) / rays - <see cref="RecencyPenalty"/> * age in steps; ties to
/// the newer entry. It stops after K entries or when no candidate adds a ray, so it may return
/// fewer than K. The score is the gain at the time of choosing.</para>
/// </summary>
public sealed class FieldOfViewCoverageRule : IRetrievalRule
{
    /// <summary>Creates the rule. <paramref name="gridSize"/>: rays per image side, 2 to 8 (default 8);
    /// <paramref name="nominalDepth"/>: metres (default 2); <paramref name="recencyPenalty"/>: score per step of age (default 0.001).</summary>
    public FieldOfViewCoverageRule(int gridSize = 8, float nominalDepth = 2f, double recencyPenalty = 0.001)
    {
        // 8 x 8 rays fit one 64-bit mask per candidate.
        if (gridSize is < 2 or > 8) throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, "The grid must be 2 to 8 rays per side.");
        if (!(nominalDepth > 0 && float.IsFinite(nominalDepth))) throw new ArgumentOutOfRangeException(nameof(nominalDepth), nominalDepth, "The nominal depth must be a positive number of metres.");
        if (!(recencyPenalty >= 0)) throw new ArgumentOutOfRangeException(nameof(recencyPenalty), recencyPenalty, "The recency penalty must be non-negative.");
        (GridSize, NominalDepth, RecencyPenalty) = (gridSize, nominalDepth, recencyPenalty);
    }

    /// <summary>Rays per side of the target image. Default 8.</summary>
    public int GridSize { get; }

    /// <summary>Distance along the view axis of the points tested for entries without depth, metres. Default 2.</summary>
    public float NominalDepth { get; }

    /// <summary>Score taken off per step of an entry's age. Default 0.001.</summary>
    public double RecencyPenalty { get; }

    public string Name => "fov-coverage";

    public IReadOnlyList<ScoredEntry> Select(SpatialMemory memory, Pose target, CameraIntrinsics camera, int k)
    {
        IReadOnlyList<MemoryEntry> candidates = memory.Near(target.Position, memory.Options.SearchRadius);
        Vector3[] points = TargetPoints(target, camera);
        var masks = new ulong[candidates.Count];
        for (int i = 0; i < candidates.Count; i++)
            masks[i] = candidates[i].Frame.Depth is null ? NominalMask(candidates[i].Pose, points, camera) : DepthMask(candidates[i], target, camera);

        var picked = new List<ScoredEntry>(k);
        var used = new bool[candidates.Count];
        ulong covered = 0;
        double rays = GridSize * GridSize;
        while (picked.Count < k)
        {
            int best = -1;
            double bestGain = double.NegativeInfinity;
            for (int i = 0; i < candidates.Count; i++)
            {
                ulong fresh = masks[i] & ~covered;
                if (used[i] || fresh == 0) continue;
                double gain = ulong.PopCount(fresh) / rays - RecencyPenalty * (memory.LatestStep - candidates[i].Step);
                if (gain > bestGain || (gain == bestGain && candidates[i].Id > candidates[best].Id)) (best, bestGain) = (i, gain);
            }
            if (best < 0) break;
            used[best] = true;
            covered |= masks[best];
            picked.Add(new ScoredEntry(candidates[best], bestGain));
        }
        return picked;
    }

    /// <summary>The world points at the nominal depth along each grid ray of the target view, row-major.</summary>
    private Vector3[] TargetPoints(Pose target, CameraIntrinsics camera)
    {
        int g = GridSize;
        var points = new Vector3[g * g];
        for (int gy = 0; gy < g; gy++)
            for (int gx = 0; gx < g; gx++)
                points[gy * g + gx] = target.TransformPoint(camera.RayDirection((gx + 0.5f) * camera.Width / g, (gy + 0.5f) * camera.Height / g) * NominalDepth);
        return points;
    }

    private static ulong NominalMask(Pose entry, Vector3[] points, CameraIntrinsics camera)
    {
        ulong mask = 0;
        for (int i = 0; i < points.Length; i++)
            if (camera.Project(entry.InverseTransformPoint(points[i]), out float u, out float v) && u >= 0 && u < camera.Width && v >= 0 && v < camera.Height)
                mask |= 1UL << i;
        return mask;
    }

    private ulong DepthMask(MemoryEntry entry, Pose target, CameraIntrinsics camera)
    {
        int g = GridSize, samples = 2 * g;
        var frame = entry.Frame;
        float[] depth = frame.Depth!;
        ulong mask = 0;
        for (int sy = 0; sy < samples; sy++)
        {
            for (int sx = 0; sx < samples; sx++)
            {
                int px = (2 * sx + 1) * frame.Width / (2 * samples), py = (2 * sy + 1) * frame.Height / (2 * samples);
                float d = depth[py * frame.Width + px];
                if (!(d > 0 && float.IsFinite(d))) continue;
                // Pixel centre in the camera's pixel units (frames are the camera's size; the scale guards against one that is not).
                float u = (px + 0.5f) * camera.Width / frame.Width, v = (py + 0.5f) * camera.Height / frame.Height;
                Vector3 world = entry.Pose.TransformPoint(camera.RayDirection(u, v) * d);
                if (!camera.Project(target.InverseTransformPoint(world), out float tu, out float tv)) continue;
                if (tu < 0 || tu >= camera.Width || tv < 0 || tv >= camera.Height) continue;
                mask |= 1UL << ((int)(tv * g / camera.Height) * g + (int)(tu * g / camera.Width));
            }
        }
        return mask;
    }
}
