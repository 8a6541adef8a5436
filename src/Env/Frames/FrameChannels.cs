namespace RtfmGym.Env.Frames;

/// <summary>Which images a frame source is asked to produce.</summary>
[Flags]
public enum FrameChannels
{
    /// <summary>Colour, 8-bit sRGB, HWC.</summary>
    Rgb = 1,

    /// <summary>Depth along the camera's -Z axis in metres (not distance along the ray).</summary>
    Depth = 2,

    /// <summary>The world object seen at each pixel (-1 where nothing is hit).</summary>
    ObjectIds = 4,

    /// <summary>Colour, depth and object ids together.</summary>
    All = Rgb | Depth | ObjectIds,
}
