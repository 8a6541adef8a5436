using System.Numerics;
using RtfmGym.Env.Frames;

namespace RtfmGym.Env.Rendering;

/// <summary>The output arrays of one frame being rendered; each pixel is written by exactly one thread.</summary>
internal sealed class FrameTarget
{
    private readonly int _width, _height;
    private readonly byte[] _rgb;
    private readonly float[]? _depth;
    private readonly int[]? _ids;

    public FrameTarget(FrameRequest request)
    {
        (_width, _height) = (request.Camera.Width, request.Camera.Height);
        int pixels = _width * _height;
        _rgb = new byte[pixels * 3];
        if ((request.Channels & FrameChannels.Depth) != 0) _depth = new float[pixels];
        if ((request.Channels & FrameChannels.ObjectIds) != 0) _ids = new int[pixels];
    }

    public void SetGeometry(int pixel, float depth, int objectId)
    {
        if (_depth is not null) _depth[pixel] = depth;
        if (_ids is not null) _ids[pixel] = objectId;
    }

    /// <summary>Stores linear RGB tone-mapped to sRGB bytes.</summary>
    public void SetColor(int pixel, Vector3 linear)
    {
        int k = pixel * 3;
        _rgb[k] = ToneMapper.Encode(linear.X);
        _rgb[k + 1] = ToneMapper.Encode(linear.Y);
        _rgb[k + 2] = ToneMapper.Encode(linear.Z);
    }

    /// <summary>The finished frame; RGB stays black where it was not requested.</summary>
    public Frame ToFrame() => new(_width, _height, _rgb, _depth, _ids);
}
