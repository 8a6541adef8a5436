using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Frames;

/// <summary>A posed frame (with the source's payload for it) that a memory-aware frame source puts into the memory at reset.</summary>
/// <param name="Pose">Camera pose of the frame (metres, world frame).</param>
/// <param name="Frame">The frame.</param>
/// <param name="Payload">The source's per-frame data (e.g. cached keys and values); null for none.</param>
public sealed record MemorySeed(Pose Pose, Frame Frame, object? Payload);
