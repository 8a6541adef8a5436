using System.Globalization;
using System.Text.Json.Nodes;
using RtfmGym.Model.Benchmarks;
using RtfmGym.Model.Sampling;

namespace RtfmGym.Cli.Output;

/// <summary>The JSON of <c>rtfmgym bench model</c>'s figures, one method per kind of measurement; BENCHMARKS.md quotes these names.</summary>
internal static class BenchModelJson
{
    /// <summary>The key of one latency measurement, e.g. <c>64px_1_steps</c>.</summary>
    public static string Key(GenerationTiming t) => string.Create(CultureInfo.InvariantCulture, $"{t.Size}px_{t.SamplerSteps}_steps");

    /// <summary>One latency measurement.</summary>
    public static JsonObject Generation(GenerationTiming t) => new()
    {
        ["frames_per_s"] = t.FramesPerSecond,
        ["frame_ms"] = t.FrameMs,
        ["encode_context_frame_ms"] = t.EncodeContextMs,
        ["prepare_ms"] = t.PrepareMs,
        ["step_ms"] = new JsonArray(t.StepMs.Select(s => (JsonNode)s).ToArray()),
        ["decode_ms"] = t.DecodeMs,
    };

    /// <summary>The batched measurements, one entry per environments-per-call count.</summary>
    public static JsonArray Batched(IEnumerable<BatchedTiming> batched, int size) => new(batched.Select(b => (JsonNode)new JsonObject
    {
        ["envs"] = b.Envs,
        ["frames_per_s"] = b.FramesPerSecond,
        ["frames_per_s_with_encoding"] = b.FramesPerSecondWithEncoding,
        ["speedup_over_one"] = b.SpeedupOverOne,
        ["frames_per_cpu_s"] = b.FramesPerCpuSecond,
        ["round_frames_per_s_min"] = b.RoundSpread.Min,
        ["round_frames_per_s_max"] = b.RoundSpread.Max,
        ["size"] = size,
        ["sampler_steps"] = SamplerSettings.Default.Steps,
    }).ToArray());

    /// <summary>Env steps/s with the learned model beside the ground truth.</summary>
    public static JsonObject Environment(EnvironmentTiming env) => new()
    {
        ["scenario"] = env.Scenario,
        ["size"] = env.Size,
        ["sampler_steps"] = env.SamplerSteps,
        ["steps_per_s_ground_truth"] = env.GroundTruthStepsPerSecond,
        ["steps_per_s_model"] = env.ModelStepsPerSecond,
        ["ground_truth_over_model"] = Math.Round(env.GroundTruthStepsPerSecond / env.ModelStepsPerSecond, 1),
        ["model_step_ms"] = env.ModelStepMs,
        ["model_frame_ms"] = env.ModelRenderMs,
        ["memory_retrieval_us"] = env.RetrievalMicroseconds,
        ["memory_insert_us"] = env.MemoryInsertMicroseconds,
        ["memory_entries"] = env.MemoryEntries,
    };
}
