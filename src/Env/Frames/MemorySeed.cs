using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Frames;

/// <summary>A posed frame that a frame source puts into the spatial memory at reset, before the first frame is drawn (a ground-truth view, generation depth 0).</summary>
/// <param name="Pose">Camera pose of the frame (metres, world frame).</param>
/// <param name="Frame">The frame.</param>
public sealed record MemorySeed(Pose Pose, Frame Frame);
