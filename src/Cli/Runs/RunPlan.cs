using RtfmGym.Env;
using RtfmGym.Env.Episodes;
using RtfmGym.Env.IO;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli.Runs;

/// <summary>
/// A <c>rtfmgym run</c> with its inputs read and checked: the scenario with the command line's frame source and seed,
/// the agent's name, the output folder and the preloaded memory. Inputs are read and checked before anything runs,
/// so a bad file or path costs no run.
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(RunOptions options, Scenario suite, string agentName, string root, SpatialMemory? remembered, PreloadedMemoryFile? preloaded) =>
        (Options, Suite, AgentName, Root, Remembered, Preloaded) = (options, suite, agentName, root, remembered, preloaded);

    /// <summary>The validated options.</summary>
    public RunOptions Options { get; }

    /// <summary>The scenario the episodes come from.</summary>
    public Scenario Suite { get; }

    /// <summary>The agent to run.</summary>
    public string AgentName { get; }

    /// <summary>The output folder (absolute; created).</summary>
    public string Root { get; }

    /// <summary>The memory copied into every episode's environment at reset, or null.</summary>
    public SpatialMemory? Remembered { get; }

    /// <summary>What the episode records say about <see cref="Remembered"/>'s file, or null.</summary>
    public PreloadedMemoryFile? Preloaded { get; }

    /// <summary>The episodes, in order.</summary>
    public IReadOnlyList<Scenario> Episodes => Suite.Expand(Options.Episodes);

    /// <summary>Validates <paramref name="options"/>, reads the memory and scenario and creates the output folder.</summary>
    /// <exception cref="RtfmGymException">The memory comes from another world than an episode.</exception>
    public static RunPlan Prepare(RunOptions options)
    {
        options.Validate();
        (SpatialMemory Memory, string Sha256)? loaded = options.MemoryIn is null ? null : SpatialMemoryFile.LoadWithDigest(options.MemoryIn);
        PreloadedMemoryFile? preloaded = loaded is { } l ? new PreloadedMemoryFile(Path.GetFullPath(options.MemoryIn!), l.Sha256, l.Memory.Count) : null;
        Scenario suite = ScenarioResolver.Load(options.Scenario);
        // The learned model is run's default frame source; "scenario" keeps the file's own choice.
        if (options.Frames != "scenario") suite = suite with { Frames = options.Frames ?? ModelFrames.SourceName };
        if (options.Seed is { } s) suite = suite with { Seed = s };
        string agentName = options.Agent ?? AgentFactory.DefaultFor(suite);
        if (loaded?.Memory.WorldSeed is { } worldSeed && suite.Expand(options.Episodes).FirstOrDefault(e => e.World.Seed != worldSeed) is { } other)
            throw new RtfmGymException($"--memory-in '{options.MemoryIn}' was recorded in world seed {worldSeed}, but the episode with seed {other.Seed} runs in world seed {other.World.Seed}; use a memory saved in that world (run it with --memory-out).");
        string root = Path.GetFullPath(options.OutDir ?? Path.Combine("runs", suite.Name));
        Directory.CreateDirectory(root);
        return new RunPlan(options, suite, agentName, root, loaded?.Memory, preloaded);
    }

    /// <summary>
    /// The environment of <paramref name="episode"/>, with the preloaded memory. A memory only when asked for (or when the
    /// source needs one): it changes info and costs time.
    /// </summary>
    public RtfmEnvironment CreateEnvironment(Scenario episode, EnvironmentComponents components)
    {
        var env = new RtfmEnvironment(episode, memory: Remembered is not null || Options.MemoryOut is not null ? new SpatialMemory(Remembered?.Options) : null, components: components);
        if (Remembered is not null) env.PreloadMemory(Remembered);
        return env;
    }
}
