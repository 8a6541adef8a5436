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
/// <param name="GenerationDepth">
/// How many generations of a learned model's own frames stand between this frame and the ground truth:
/// 0 for a rendered frame, n + 1 for a frame a model drew from context whose shallowest frame was n deep.
/// A memory keeps the shallower frame of a slot and prefers it among equally covering entries.
/// </param>
public sealed record MemoryEntry(long Id, Pose Pose, Frame Frame, int Step, int GenerationDepth = 0)
{
    /// <summary>
    /// What <see cref="FieldOfViewCoverageRule"/> last derived from this entry (its points, for one camera and
    /// set of rule parameters, which it checks), kept on the entry so that each retrieval finds it without a
    /// lookup in a table: a table's lookup cost a tenth of a microsecond an entry, some 48 entries a step. Not
    /// part of the entry's value (see <see cref="Equals(MemoryEntry?)"/>); an entry made with <c>with</c>
    /// carries the reference, which the rule refuses as made for another entry.
    /// </summary>
    internal EntryFootprint? Footprint { get; set; }

    /// <summary>Whether <paramref name="other"/> has the same id, pose, frame, step and generation depth (the derived <see cref="Footprint"/> is left out).</summary>
    public bool Equals(MemoryEntry? other) => ReferenceEquals(this, other) || other is not null && Id == other.Id && Pose == other.Pose
        && EqualityComparer<Frame>.Default.Equals(Frame, other.Frame) && Step == other.Step && GenerationDepth == other.GenerationDepth;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Pose, Frame, Step, GenerationDepth);
}
