using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// One posed frame in a <see cref="SpatialMemory"/>. Entries are immutable; replacing the
/// frame of a slot makes a new entry with a new id.
/// </summary>
/// <param name="Id">Unique within its memory, increasing with insertion order (so a larger id is newer).</param>
/// <param name="Pose">The camera pose the frame was seen from (metres, world frame).</param>
/// <param name="Frame">The frame; treat its arrays as read-only.</param>
/// <param name="Step">The episode step the frame was observed at (0 at reset).</param>
/// <param name="Payload">
/// Opaque per-entry data from the frame source (for the learned model, e.g. the frame's cached
/// keys and values); null for sources that keep none. Payloads are not saved to disk: the
/// frame source recomputes them from the frame.
/// </param>
public sealed record MemoryEntry(long Id, Pose Pose, Frame Frame, int Step, object? Payload = null);
