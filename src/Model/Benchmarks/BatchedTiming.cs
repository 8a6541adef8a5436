namespace RtfmGym.Model.Benchmarks;

/// <summary>Generation throughput when the model draws the frames of <paramref name="Envs"/> environments in one call.</summary>
/// <param name="Envs">Frames drawn per call (the environments of a vector environment sharing the model).</param>
/// <param name="FramesPerSecond">Generated frames per second (frames over the wall time of the calls; as <see cref="GenerationTiming.FramesPerSecond"/>, excludes encoding the new frames).</param>
/// <param name="FramesPerSecondWithEncoding">Frames per second including encoding the new frames' keys and values for the memory, as the model frame source does each step.</param>
/// <param name="SpeedupOverOne">Frames per second over the one-environment figure of the same run.</param>
/// <param name="FramesPerCpuSecond">
/// Generated frames per second of the process's processor time: what the work costs when the machine is shared
/// (a wall clock also counts the time other processes held the core, and long calls are interrupted more often).
/// </param>
/// <param name="RoundSpread">The slowest and fastest round's frames per second (generation only): the spread the shared machine gave.</param>
public sealed record BatchedTiming(int Envs, double FramesPerSecond, double FramesPerSecondWithEncoding, double SpeedupOverOne, double FramesPerCpuSecond, (double Min, double Max) RoundSpread);
