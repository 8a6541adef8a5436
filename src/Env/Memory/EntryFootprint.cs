using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// What <see cref="FieldOfViewCoverageRule"/> needs of one stored entry, in world coordinates,
/// computed once per entry and camera (entries are immutable) so that retrieval does not redo it
/// at every step.
/// <para><see cref="Samples"/>: the 3D points of a <c>s</c> x <c>s</c> grid of the entry's depth
/// pixels (row-major; NaN where the depth is missing), or null for a frame without depth.
/// <see cref="Probes"/>: a coarse subset of them for the cheap first pass (for a frame without depth,
/// points at the rule's nominal depth along a coarse grid of rays), with their centre
/// <see cref="Centre"/> and the radius <see cref="Reach"/> of the ball around it that holds them all.</para>
/// </summary>
internal sealed class EntryFootprint
{
    // What it was made from, for Fits: the entry itself (by reference), and the rule's parameters.
    private readonly MemoryEntry _entry;
    private readonly int _samplesPerSide, _probeStride;
    private readonly float _nominalDepth;

    private EntryFootprint(MemoryEntry entry, int samplesPerSide, int probeStride, float nominalDepth,
        CameraIntrinsics camera, Matrix4x4 worldToCamera, PointBatch? samples, float[]? sampleDepths, PointBatch probes, Vector3 centre, float reach)
    {
        (_entry, _samplesPerSide, _probeStride, _nominalDepth) = (entry, samplesPerSide, probeStride, nominalDepth);
        (Camera, WorldToCamera, Samples, SampleDepths, Probes, Centre, Reach) = (camera, worldToCamera, samples, sampleDepths, probes, centre, reach);
    }

    /// <summary>Whether this is what <see cref="Of"/> makes of <paramref name="entry"/> (this very object, not an equal one) with these arguments.</summary>
    public bool Fits(MemoryEntry entry, CameraIntrinsics camera, int samplesPerSide, int probeStride, float nominalDepth) =>
        ReferenceEquals(entry, _entry) && camera == Camera && samplesPerSide == _samplesPerSide && probeStride == _probeStride && nominalDepth == _nominalDepth;

    /// <summary>The camera the points were computed with.</summary>
    public CameraIntrinsics Camera { get; }

    /// <summary>World-to-camera of the entry's pose as a row-vector matrix (<see cref="Vector3.Transform(Vector3, Matrix4x4)"/> of a world point gives it in the entry's camera frame).</summary>
    public Matrix4x4 WorldToCamera { get; }

    /// <summary>World points of the depth samples, row-major, NaN where invalid; null without depth.</summary>
    public PointBatch? Samples { get; }

    /// <summary>
    /// The entry's depth at the sample pixels, row-major (metres; 0 where invalid); null without depth. A
    /// 1 KB copy of what the cheap pass needs, so that it reads no full-size depth image (those, hundreds
    /// of kilobytes over a neighbourhood, would not stay in the cache).
    /// </summary>
    public float[]? SampleDepths { get; }

    /// <summary>Samples per side of <see cref="Samples"/> and <see cref="SampleDepths"/>.</summary>
    public int SamplesPerSide => (int)Math.Sqrt(SampleDepths?.Length ?? 0);

    /// <summary>Valid world points of the coarse probe grid (metres).</summary>
    public PointBatch Probes { get; }

    /// <summary>Mean of <see cref="Probes"/> (metres, world).</summary>
    public Vector3 Centre { get; }

    /// <summary>Largest distance from <see cref="Centre"/> to a probe, metres.</summary>
    public float Reach { get; }

    /// <summary>The footprint of <paramref name="entry"/> seen through <paramref name="camera"/>.</summary>
    /// <param name="entry">The stored view (frame and camera pose); kept by reference for <see cref="Fits"/>.</param>
    /// <param name="camera">Intrinsics to unproject the entry's pixels with.</param>
    /// <param name="samplesPerSide">Depth samples per side.</param>
    /// <param name="probeStride">Every how many samples (per side) a probe is taken.</param>
    /// <param name="nominalDepth">Metres along the view axis of the probes of a frame without depth.</param>
    public static EntryFootprint Of(MemoryEntry entry, CameraIntrinsics camera, int samplesPerSide, int probeStride, float nominalDepth)
    {
        int s = samplesPerSide, w = entry.Frame.Width, h = entry.Frame.Height;
        float[]? depth = entry.Frame.Depth;
        var probes = new List<Vector3>();
        Vector3[]? samples = depth is null ? null : new Vector3[s * s];
        float[]? sampleDepths = depth is null ? null : new float[s * s];
        for (int sy = 0; sy < s; sy++)
        {
            for (int sx = 0; sx < s; sx++)
            {
                int px = (2 * sx + 1) * w / (2 * s), py = (2 * sy + 1) * h / (2 * s);
                // Pixel centre in the camera's pixel units (frames are the camera's size; the scale guards against one that is not).
                Vector3 ray = camera.RayDirection((px + 0.5f) * camera.Width / w, (py + 0.5f) * camera.Height / h);
                bool probe = sx % probeStride == probeStride / 2 && sy % probeStride == probeStride / 2;
                if (depth is null)
                {
                    if (probe) probes.Add(entry.Pose.TransformPoint(ray * nominalDepth));
                    continue;
                }
                float d = depth[py * w + px];
                Vector3 world = d > 0 && float.IsFinite(d) ? entry.Pose.TransformPoint(ray * d) : new Vector3(float.NaN);
                samples![sy * s + sx] = world;
                sampleDepths![sy * s + sx] = float.IsNaN(world.X) ? 0 : d;
                if (probe && !float.IsNaN(world.X)) probes.Add(world);
            }
        }
        Vector3 centre = Vector3.Zero;
        foreach (Vector3 p in probes) centre += p;
        centre = probes.Count > 0 ? centre / probes.Count : entry.Pose.Position;
        float reach = 0;
        foreach (Vector3 p in probes) reach = MathF.Max(reach, Vector3.Distance(p, centre));
        return new EntryFootprint(entry, samplesPerSide, probeStride, nominalDepth, camera, FieldOfViewCoverageRule.ToLocal(entry.Pose), samples is null ? null : PointBatch.Of(samples), sampleDepths, PointBatch.Of(probes), centre, reach);
    }
}
