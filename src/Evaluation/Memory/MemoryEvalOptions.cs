using System.Globalization;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Settings of a <see cref="MemoryEvaluator"/> run (<c>rtfmgym memory-eval</c>), checked when built
/// (<see cref="Create"/>): every problem is an <see cref="ArgumentException"/> naming the command-line option
/// and what it accepts.
/// </summary>
public sealed record MemoryEvalOptions
{
    /// <summary>The gaps of the revisit measurement by default, steps.</summary>
    public static readonly IReadOnlyList<int> DefaultGaps = [16, 64, 256, 1024, 4096];

    /// <summary>Steps of the cost episode by default.</summary>
    public const int DefaultSteps = 10_000;

    /// <summary>Timing runs by default, for frame sources other than a model: the nine replays of the windows take 1,800 steps, a second with the ground truth.</summary>
    public const int DefaultTimingRuns = 10;

    /// <summary>Timing runs by default with a model's frames.</summary>
    public const int DefaultModelTimingRuns = 3;

    /// <summary>Length of the cost episode, steps (at least 1); also the largest gap run. Default <see cref="DefaultSteps"/>.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Revisit gaps, steps, ascending and distinct, each at least 1. Default <see cref="DefaultGaps"/>.</summary>
    public IReadOnlyList<int> Gaps { get; init; } = DefaultGaps;

    /// <summary>
    /// Timings of each step of the cost episode's latency windows (at least 1): the episode itself, then
    /// each window again from a snapshot (see <see cref="CostExperiment"/>); each step's latency is its
    /// least over them. Null: <see cref="DefaultTimingRuns"/>, or <see cref="DefaultModelTimingRuns"/> when
    /// the frames come from a model (its steps cost tens of times more and vary less with the machine's other work).
    /// </summary>
    public int? TimingRuns { get; init; }

    /// <summary>Where to write the picture of the memory (<see cref="MemoryMapPicture"/>) as PNG, atomically; null for none.</summary>
    public string? MapPath { get; init; }

    /// <summary>The gaps run: those no longer than <see cref="Steps"/>.</summary>
    public IReadOnlyList<int> GapsRun => Gaps.Where(g => g <= Steps).ToArray();

    /// <summary>The gaps skipped, each with the reason and the fix.</summary>
    public IReadOnlyList<(int Gap, string Reason)> SkippedGaps =>
        Gaps.Where(g => g > Steps).Select(g => (g, $"longer than --steps {Steps}; raise --steps to {g} or more to run it")).ToArray();

    /// <summary>The timing runs for frames from the source named <paramref name="frames"/>: <see cref="TimingRuns"/>, else the default for that source.</summary>
    public int TimingRunsFor(string frames) => TimingRuns ?? (frames == "model" ? DefaultModelTimingRuns : DefaultTimingRuns);

    /// <summary>Checked options from the command line's values; <paramref name="gaps"/> as <see cref="ParseGaps"/> reads it, null for the default.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the option.</exception>
    public static MemoryEvalOptions Create(int steps, string? gaps = null, int? timingRuns = null)
    {
        if (timingRuns is < 1) throw new ArgumentException($"--timing-runs {timingRuns} is not a positive number of runs; give at least 1 (default {DefaultTimingRuns}, {DefaultModelTimingRuns} with a model).");
        if (steps < 1) throw new ArgumentException($"--steps {steps} is not a positive number of steps; give at least 1 (default {DefaultSteps}).");
        return new MemoryEvalOptions { Steps = steps, Gaps = gaps is null ? DefaultGaps : ParseGaps(gaps), TimingRuns = timingRuns };
    }

    /// <summary>Parses "16,64,256": positive integers separated by commas; returned ascending without repeats.</summary>
    /// <exception cref="ArgumentException">A part is not a whole number, or not positive.</exception>
    public static IReadOnlyList<int> ParseGaps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
