namespace RtfmGym.Model.Benchmarks;

/// <summary>
/// One environment stepping a scenario with seeded random actions (stop excluded, so episodes run to
/// their time limit), with the ground-truth renderer and with the learned model, side by side in one run.
/// Times in milliseconds are medians over the model's measured steps.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Size">Camera side, pixels (width x height as the scenario says; this is the width).</param>
/// <param name="GroundTruthStepsPerSecond">Env steps/s with the ground-truth renderer (its default threads).</param>
/// <param name="ModelStepsPerSecond">Env steps/s with the model frame source and the default spatial memory.</param>
/// <param name="SamplerSteps">Denoising steps per generated frame.</param>
/// <param name="ModelStepMs">One env step with the model.</param>
/// <param name="ModelRenderMs">Of which the frame source: generating the frame and encoding it for the memory.</param>
/// <param name="RetrievalMicroseconds">Retrieving the context entries from the spatial memory, microseconds (measured again on a copy of the final memory).</param>
/// <param name="MemoryInsertMicroseconds">Inserting a frame into the spatial memory, microseconds (likewise; the frame's encoding is in <paramref name="ModelRenderMs"/>).</param>
/// <param name="MemoryEntries">Entries in the memory at the end.</param>
public sealed record EnvironmentTiming(string Scenario, int Size, double GroundTruthStepsPerSecond, double ModelStepsPerSecond, int SamplerSteps,
    double ModelStepMs, double ModelRenderMs, double RetrievalMicroseconds, double MemoryInsertMicroseconds, int MemoryEntries);
