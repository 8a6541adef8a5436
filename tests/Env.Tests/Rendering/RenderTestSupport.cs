using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Tests.Rendering;

/// <summary>Shorthands shared by the renderer tests.</summary>
internal static class RenderTestSupport
{
    /// <summary>A square camera with a 90 degree vertical field of view (focal length = half the size).</summary>
    public static CameraIntrinsics Camera(int size = 64) => CameraIntrinsics.FromVerticalFov(size, size, MathF.PI / 2);

    public static Frame Render(World world, Pose pose, int size = 64, FrameChannels channels = FrameChannels.All, RendererOptions? options = null)
    {
        using var renderer = new GroundTruthRenderer(options ?? RendererOptions.Default with { Threads = 1 });
        renderer.BeginEpisode(world, 1);
        return renderer.Render(new FrameRequest(pose, Camera(size), channels));
    }

    /// <summary>Linear-ish brightness of pixel (x, y): the mean of its three sRGB bytes.</summary>
    public static float Brightness(Frame f, int x, int y)
    {
        int k = (y * f.Width + x) * 3;
        return (f.Rgb[k] + f.Rgb[k + 1] + f.Rgb[k + 2]) / 3f;
    }

    /// <summary>The RGB bytes of pixel (x, y).</summary>
    public static (byte R, byte G, byte B) Pixel(Frame f, int x, int y)
    {
        int k = (y * f.Width + x) * 3;
        return (f.Rgb[k], f.Rgb[k + 1], f.Rgb[k + 2]);
    }
}
