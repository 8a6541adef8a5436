using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Evaluation.Memory;

/// <summary>What the long episode of <see cref="CostExperiment"/> measured and left behind.</summary>
/// <param name="Checkpoints">Latency, bank size and process memory at steps 10, 100, 1000, 10000 (those reached) and the last step.</param>
/// <param name="Audit">The retrieval audit over targets along the episode.</param>
/// <param name="Steps">Steps taken (fewer than asked only if the episode ended early).</param>
/// <param name="World">The episode's world.</param>
/// <param name="Memory">The environment's memory at the end.</param>
/// <param name="FinalPose">The camera pose after the last step.</param>
/// <param name="FinalRetrieved">Ids of the entries retrieved for the last frame, best first.</param>
/// <param name="TimingRuns">Timings each step's latency is the least over: the episode, then the latency windows again from snapshots (see <see cref="CostExperiment"/>).</param>
public sealed record CostResult(IReadOnlyList<CostCheckpoint> Checkpoints, RetrievalAudit Audit, int Steps, World World, SpatialMemory Memory, Pose FinalPose, IReadOnlyList<long> FinalRetrieved, int TimingRuns = 1);
