using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Model.Geometry;

/// <summary>
/// Builds the network's inputs in token layout. A context token holds colour (channels 0-2) and
/// rays (3-8); a target token holds noisy RGB-D (0-3) and rays (4-9), which is exactly the
/// concatenation of an RGB-D token and a ray token, so the sampler can keep the two apart.
/// </summary>
public static class ModelInputs
{
    /// <summary>Context input of one frame: [tokens × (3 + 6)·patch²] values.</summary>
    public static float[] Context(Frame frame, Pose pose, CameraIntrinsics camera, FrameModelConfig config)
    {
        const int channels = FrameModelConfig.ContextChannels + FrameModelConfig.RayChannels;
        var layout = new TokenLayout(camera.Width, camera.Height, config.PatchSize, channels);
        var values = new float[layout.Length];
        FrameEncoding.WriteFrame(frame, layout, values);
        PluckerRays.Write(pose, camera, config.PositionScale, config.PatchSize, values, channels, FrameModelConfig.ContextChannels);
        return values;
    }

    /// <summary>
    /// Depth input of one context frame (<see cref="FrameModelConfig.ContextDepth"/>): [tokens × 2·patch²] values, channel 0
    /// the depth encoded as the target's is, channel 1 one where it is known; all zero for a frame without depth.
    /// </summary>
    public static float[] ContextDepth(Frame frame, FrameModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var layout = new TokenLayout(frame.Width, frame.Height, config.PatchSize, 2);
        var values = new float[layout.Length];
        if (frame.Depth is not { } depth) return values;
        for (int v = 0; v < frame.Height; v++)
            for (int u = 0; u < frame.Width; u++)
            {
                values[layout.Index(u, v, 0)] = FrameEncoding.EncodeDepth(depth[v * frame.Width + u], config.DepthScale);
                values[layout.Index(u, v, 1)] = 1f;
            }
        return values;
    }

    /// <summary>Rays of a target pose: [tokens × 6·patch²] values.</summary>
    public static float[] Rays(Pose pose, CameraIntrinsics camera, FrameModelConfig config)
    {
        var values = new float[RayLayout(camera, config).Length];
        PluckerRays.Write(pose, camera, config.PositionScale, config.PatchSize, values, FrameModelConfig.RayChannels, 0);
        return values;
    }

    /// <summary>A clean RGB-D target (the frame needs depth): [tokens × 4·patch²] values.</summary>
    public static float[] CleanTarget(Frame frame, FrameModelConfig config)
    {
        var layout = OutputLayout(frame.Width, frame.Height, config);
        var values = new float[layout.Length];
        FrameEncoding.WriteFrame(frame, layout, values, config.DepthScale);
        return values;
    }

    /// <summary>Layout of the generated RGB-D.</summary>
    public static TokenLayout OutputLayout(int width, int height, FrameModelConfig config) =>
        new(width, height, config.PatchSize, FrameModelConfig.OutputChannels);

    private static TokenLayout RayLayout(CameraIntrinsics camera, FrameModelConfig config) =>
        new(camera.Width, camera.Height, config.PatchSize, FrameModelConfig.RayChannels);
}
