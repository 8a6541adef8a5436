using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>What an <see cref="ObservationPipeline"/> gives back for one <see cref="ObservationRequest"/>.</summary>
/// <param name="Frame">The frame the agent observes.</param>
/// <param name="Retrieved">The memory entries retrieved as the view's context, best first; null when there was no memory or it was empty.</param>
/// <param name="DrawTime">
/// Wall-clock time of the frame source's one call that drew this view and the others of its batch (not the
/// retrieval, which <see cref="SpatialMemory.LastRetrievalTime"/> reports). A measurement, not state.
/// </param>
public sealed record ObservedView(Frame Frame, IReadOnlyList<ScoredEntry>? Retrieved, TimeSpan DrawTime);
