namespace RtfmGym.Evaluation.Memory;

/// <summary>Cost of the long episode at one step.</summary>
/// <param name="Step">The step (1-based count of env steps taken).</param>
/// <param name="WindowSteps">Steps the latency figures cover: those up to and including <paramref name="Step"/>, at most 50.</param>
/// <param name="P50Ms">Median latency of one env step, milliseconds (each step's least over <see cref="CostResult.TimingRuns"/> timings: the episode, then its window again from a snapshot).</param>
/// <param name="P95Ms">95th-percentile latency of one env step, milliseconds (likewise).</param>
/// <param name="RetrievalP50Ms">
/// Median time of the step spent choosing its context in the spatial memory (<see cref="RtfmGym.Env.Memory.SpatialMemory.LastRetrievalTime"/>),
/// milliseconds, each step's least over the runs: the memory's share of <paramref name="P50Ms"/>, which also holds the frame source's
/// work (the ground-truth renderer's cost varies with what is in view, so the step latency does even without a memory).
/// </param>
/// <param name="RenderP50Ms">
/// Median time of the step spent by the frame source making the frame (<see cref="RtfmGym.Env.RtfmEnvironment.LastRenderTime"/>),
/// milliseconds, each step's least over the runs. What is left of <paramref name="P50Ms"/> besides it and the retrieval is the
/// environment's own work: the move, storing the frame, the info.
/// </param>
/// <param name="BankSize">Entries in the spatial memory.</param>
/// <param name="WorkingSetMiB">The process's working set, MiB.</param>
/// <param name="GcHeapMiB">Live managed heap after a full collection (GC.GetTotalMemory(true)), MiB.</param>
/// <param name="MeanRetrieved">
/// Mean number of entries retrieved as context per step over the window. A learned source's step costs
/// more with more context, up to the memory's retrieve count (8), which early steps may not reach.
/// </param>
public sealed record CostCheckpoint(int Step, int WindowSteps, double P50Ms, double P95Ms, double RetrievalP50Ms, double RenderP50Ms, int BankSize, double WorkingSetMiB, double GcHeapMiB, double MeanRetrieved);
