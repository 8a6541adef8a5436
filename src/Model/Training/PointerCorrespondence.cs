using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Network;

namespace RtfmGym.Model.Training;

/// <summary>
/// Where the copy path ought to read, from ground-truth geometry: for each target patch and each context view,
/// the window (its index in the copy path's list of windows) centred nearest to where the surface at the patch's
/// centre appears in that view, or <see cref="None"/> where the view does not see it (outside the image, behind
/// the camera, or hidden behind something nearer). Training supervises the path's attention with it, so that
/// the path learns parallax and occlusion from the renderer; at inference the path sees only posed colour frames.
/// </summary>
public static class PointerCorrespondence
{
    /// <summary>The mark of a view that does not see a patch's surface.</summary>
    public const int None = -1;

    /// <summary>A point counts as seen when the view's depth there is within this share of the point's own depth.</summary>
    private const float DepthTolerance = 0.05f;

    /// <summary>... or within this many metres, whichever is larger (depth is rendered per pixel, the point lies inside one).</summary>
    private const float DepthToleranceFloor = 0.05f;

    /// <summary>
    /// Window indices [N, views] row-major (N target patches in token order), or null when the sample has no depth for
    /// its target or for a context view (then there is nothing to supervise with).
    /// </summary>
    /// <param name="example">A sample rendered with depth for its target and context views.</param>
    /// <param name="patch">Patch side, pixels.</param>
    /// <param name="stride">Pixels between window origins (<see cref="FrameModelConfig.PointerStride"/>).</param>
    public static int[]? Compute(TrainingExample example, int patch, int stride)
    {
        ArgumentNullException.ThrowIfNull(example);
        int columns = example.Camera.Width / patch, rows = example.Camera.Height / patch;
        return Origins(example, patch, stride)?.Select(o => o is { } at ? ContextPointer.WindowIndex(patch, stride, columns, rows, at.X, at.Y) : None).ToArray();
    }

    /// <summary>
    /// As <see cref="Compute"/>, as the top-left pixel of each right window ([N, views] row-major, null where the view does
    /// not see the patch's surface), or null when the sample lacks depth.
    /// </summary>
    public static (int X, int Y)?[]? Origins(TrainingExample example, int patch, int stride)
    {
        ArgumentNullException.ThrowIfNull(example);
        CameraIntrinsics camera = example.Camera;
        if (example.Target.Depth is not { } targetDepth || example.ContextFrames.Any(f => f.Depth is null)) return null;
        int columns = camera.Width / patch, rows = camera.Height / patch, views = example.ContextFrames.Count;
        var result = new (int X, int Y)?[columns * rows * views];
        for (int token = 0; token < columns * rows; token++)
        {
            // The pixel just below and right of the patch centre stands for the patch.
            int u = token % columns * patch + patch / 2, v = token / columns * patch + patch / 2;
            float depth = targetDepth[v * camera.Width + u];
            if (!(float.IsFinite(depth) && depth > 0)) continue;
            Vector3 point = example.TargetPose.TransformPoint(camera.RayDirection(u + 0.5f, v + 0.5f) * depth);
            for (int view = 0; view < views; view++)
                result[token * views + view] = Window(point, example.ContextPoses[view], example.ContextFrames[view], camera, patch, stride);
        }
        return result;
    }

    /// <summary>The origin of the window of <paramref name="frame"/> centred nearest to where it sees <paramref name="point"/>, or null.</summary>
    private static (int X, int Y)? Window(Vector3 point, Pose pose, Frame frame, CameraIntrinsics camera, int patch, int stride)
    {
        Vector3 local = pose.InverseTransformPoint(point);
        if (!camera.Project(local, out float u, out float v) || u < 0 || v < 0 || u >= camera.Width || v >= camera.Height) return null;
        float seen = frame.Depth![(int)v * camera.Width + (int)u], depth = -local.Z;
        if (!(MathF.Abs(seen - depth) <= MathF.Max(DepthToleranceFloor, DepthTolerance * depth))) return null;
        int Origin(float at, int side) => Math.Clamp((int)MathF.Round((at - patch / 2f) / stride) * stride, 0, side - patch);
        return (Origin(u, camera.Width), Origin(v, camera.Height));
    }
}
