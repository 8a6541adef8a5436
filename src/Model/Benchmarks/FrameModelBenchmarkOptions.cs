using RtfmGym.Model.Sampling;

namespace RtfmGym.Model.Benchmarks;

/// <summary>Settings of <see cref="FrameModelBenchmark"/> (<c>rtfmgym bench model</c>). Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record FrameModelBenchmarkOptions
{
    /// <summary>Frames generated per measurement (after <see cref="WarmupFrames"/>). Default 20.</summary>
    public int Frames { get; init; } = 20;

    /// <summary>Frames generated first and not timed (JIT, allocator, caches). Default 2.</summary>
    public int WarmupFrames { get; init; } = 2;

    /// <summary>Square image sides measured, pixels. Default 64 and 128.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [64, 128];

    /// <summary>Denoising step counts measured. Default 4 and 1 (the interactive default, <see cref="SamplerSettings.DefaultSteps"/>).</summary>
    public IReadOnlyList<int> SamplerSteps { get; init; } = [4, 1];

    /// <summary>Context frames each generated frame attends to. Default 8 (the memory's retrieval count).</summary>
    public int ContextFrames { get; init; } = 8;

    /// <summary>Environments per call of the batched measurement (<see cref="FrameModelBenchmark.RunBatched"/>); the first is the baseline of the speed-ups. Default 1, 8 and 32.</summary>
    public IReadOnlyList<int> BatchEnvs { get; init; } = [1, 8, 32];

    /// <summary>Square image side of the batched measurement, pixels. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public FrameModelBenchmarkOptions Validate()
    {
        if (Frames is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(Frames), Frames, "Frames must be 1 to 100,000 (--frames).");
        if (WarmupFrames is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(WarmupFrames), WarmupFrames, "Warm-up frames must be 0 to 1000.");
        if (Sizes is null || Sizes.Count == 0) throw new ArgumentOutOfRangeException(nameof(Sizes), "At least one image size is needed.");
        if (SamplerSteps is null || SamplerSteps.Count == 0 || SamplerSteps.Any(s => s is < 1 or > 1000)) throw new ArgumentOutOfRangeException(nameof(SamplerSteps), "Sampler steps must be 1 to 1000.");
        if (ContextFrames is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(ContextFrames), ContextFrames, "Context frames must be 0 to 64.");
        if (BatchEnvs is null || BatchEnvs.Count == 0 || BatchEnvs.Any(n => n is < 1 or > 256)) throw new ArgumentOutOfRangeException(nameof(BatchEnvs), "Batched measurements need 1 to 256 environments each.");
        if (BatchSize is < 8 or > 1024) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batched measurement's image side must be 8 to 1024 pixels.");
        return this;
    }
}
