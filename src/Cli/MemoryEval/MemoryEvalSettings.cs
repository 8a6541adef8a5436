using System.Globalization;

namespace RtfmGym.Cli.MemoryEval;

/// <summary>
/// The settings of <c>rtfmgym memory-eval</c>, checked when built (<see cref="Create"/>): every
/// problem is an <see cref="ArgumentException"/> naming the option and what it accepts, which the
/// CLI turns into exit code 2.
/// </summary>
public sealed record MemoryEvalSettings
{
    /// <summary>The gaps of the revisit measurement by default, steps.</summary>
    public static readonly IReadOnlyList<int> DefaultGaps = [16, 64, 256, 1024, 4096];

    /// <summary>Steps of the cost episode by default.</summary>
    public const int DefaultSteps = 10_000;

    /// <summary>Scenario file or shipped name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Frame source name; null: "model" with a checkpoint, else the scenario's.</summary>
    public string? Frames { get; init; }

    /// <summary>Checkpoint folder of the learned frame model, or null.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>Length of the cost episode, steps (at least 1); also the largest gap run.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Revisit gaps, steps, ascending and distinct, each at least 1.</summary>
    public IReadOnlyList<int> Gaps { get; init; } = DefaultGaps;

    /// <summary>Folder for the map picture and report.json.</summary>
    public string OutDir { get; init; } = Path.Combine("runs", "memory-eval");

    /// <summary>Print one JSON document instead of tables.</summary>
    public bool Json { get; init; }

    /// <summary>
    /// Timings of each step of the cost episode's latency windows (at least 1): the episode itself, then
    /// each window again from a snapshot (see <see cref="CostExperiment"/>); each step's latency is its
    /// least over them. Null: <see cref="DefaultTimingRuns"/>, or <see cref="DefaultModelTimingRuns"/> when
    /// the frames come from a model (its steps cost tens of times more and vary less with the machine's other work).
    /// </summary>
    public int? TimingRuns { get; init; }

    /// <summary>Timing runs by default, for frame sources other than a model: the nine replays of the windows take 1,800 steps, a second with the ground truth.</summary>
    public const int DefaultTimingRuns = 10;

    /// <summary>Timing runs by default with a model's frames.</summary>
    public const int DefaultModelTimingRuns = 3;

    /// <summary>Checked settings from the command line's values.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the option.</exception>
    public static MemoryEvalSettings Create(string scenario, string? frames, string? checkpoint, int steps, string? gaps, string? outDir, bool json, int? timingRuns = null)
    {
        if (timingRuns is < 1) throw new ArgumentException($"--timing-runs {timingRuns} is not a positive number of runs; give at least 1 (default {DefaultTimingRuns}, {DefaultModelTimingRuns} with a model).");
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        if (steps < 1) throw new ArgumentException($"--steps {steps} is not a positive number of steps; give at least 1 (default {DefaultSteps}).");
        if (frames is not null && string.IsNullOrWhiteSpace(frames)) throw new ArgumentException("--frames needs a frame source name, e.g. ground-truth.");
        return new MemoryEvalSettings
        {
            Scenario = scenario,
            Frames = frames,
            Checkpoint = checkpoint,
            Steps = steps,
            Gaps = gaps is null ? DefaultGaps : ParseGaps(gaps),
            OutDir = outDir ?? Path.Combine("runs", "memory-eval"),
            Json = json,
            TimingRuns = timingRuns,
        };
    }

    /// <summary>Parses "16,64,256": positive integers separated by commas; returned ascending without repeats.</summary>
    public static IReadOnlyList<int> ParseGaps(string text)
    {
        var gaps = new SortedSet<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int g))
                throw new ArgumentException($"--gaps '{text}': '{part}' is not a whole number of steps; give positive integers separated by commas, e.g. 16,64,256.");
            if (g < 1) throw new ArgumentException($"--gaps '{text}': a gap of {g} steps is not positive; every gap must be at least 1 step.");
            gaps.Add(g);
        }
        return gaps.ToArray();
    }
}
