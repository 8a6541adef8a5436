using RtfmGym.Env.IO;

namespace RtfmGym.Cli.Runs;

/// <summary>What <c>rtfmgym run</c> was asked to do, as given on the command line (see <see cref="Commands.RunCommand"/>).</summary>
internal sealed record RunOptions
{
    /// <summary>Scenario file or shipped name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Agent name; null picks the scenario's default (<see cref="AgentFactory.DefaultFor"/>).</summary>
    public string? Agent { get; init; }

    /// <summary>Episodes to run, at least 1. Default 1.</summary>
    public int Episodes { get; init; } = 1;

    /// <summary>Output folder; null means <c>runs/&lt;scenario&gt;</c>.</summary>
    public string? OutDir { get; init; }

    /// <summary>Frame source name; null means the learned model, "scenario" the scenario file's own.</summary>
    public string? Frames { get; init; }

    /// <summary>Seed of the first episode; null keeps the scenario's.</summary>
    public long? Seed { get; init; }

    /// <summary>Print one JSON document instead of a table.</summary>
    public bool Json { get; init; }

    /// <summary>Skip writing a PNG per step.</summary>
    public bool NoFrames { get; init; }

    /// <summary>For the waypoints agent: "x,z;x,z;..." in metres.</summary>
    public string? Waypoints { get; init; }

    /// <summary>Spatial memory file preloaded at every reset, or null.</summary>
    public string? MemoryIn { get; init; }

    /// <summary>File the last episode's spatial memory is saved to, or null.</summary>
    public string? MemoryOut { get; init; }

    /// <summary>Checks the options that need no file read, and that <see cref="MemoryOut"/> can be written, before anything runs.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public RunOptions Validate()
    {
        if (Episodes < 1) throw new ArgumentException("--episodes must be at least 1.");
        if (MemoryOut is not null) AtomicFile.CheckWritable(MemoryOut, "--memory-out");
        return this;
    }
}
