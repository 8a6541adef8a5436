using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// A picture an episode starts from instead of the frame source's ground-truth seed views: at reset it goes
/// into the spatial memory (step 0, generation depth 0) at its camera pose, and every frame of the episode,
/// the first included, is drawn by the frame source from it. Its size is the camera's; its field of view is
/// the camera's (the frame model reads every remembered frame with the episode's intrinsics).
/// </summary>
/// <param name="File">Where the picture came from, as the scenario names it (relative to the scenario file), or an upload's name.</param>
/// <param name="Png">The PNG file's bytes, kept so that episode records can embed them and replay without the file.</param>
/// <param name="Frame">The decoded picture (RGB, no depth).</param>
/// <param name="Pose">Where the camera stood, as a floor pose: the camera is placed there as the agent's would be (mount height and
/// pitch, or the pose's altitude for free flight); null for the episode's start pose.</param>
public sealed record StartImage(string File, byte[] Png, Frame Frame, FloorPose? Pose)
{
    /// <summary>The largest PNG file read, in bytes.</summary>
    public const int MaxFileBytes = 8 << 20;

    /// <summary>Decodes <paramref name="png"/> into a start image.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG that <see cref="PngReader"/> reads; the message says why.</exception>
    public static StartImage FromPng(string file, byte[] png, FloorPose? pose = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length > MaxFileBytes) throw new InvalidDataException($"the PNG is {png.Length:N0} bytes; at most {MaxFileBytes:N0} are read.");
        return new StartImage(file, png, PngReader.Decode(png), pose);
    }
}
