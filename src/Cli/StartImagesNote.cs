using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;
using Spectre.Console;

namespace RtfmGym.Cli;

/// <summary>
/// Says when a scenario's start images change nothing: a frame source that never reads the memory (the ground truth,
/// the constant source) draws the scenario's own world, so the pictures are ignored. A note, not an error: comparing
/// with the truth of the world an image scenario walks in is a fair thing to want.
/// </summary>
internal static class StartImagesNote
{
    /// <summary>Writes the note to stderr when <paramref name="scenario"/> has start images that its frame source (from <paramref name="components"/>) ignores.</summary>
    public static void WriteIfIgnored(Scenario scenario, EnvironmentComponents components)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(components);
        if (scenario.StartImages.Count == 0) return;
        using (IFrameSource source = components.FrameSources.Create(scenario.Frames, scenario))
            if (source.DrawsFromContext) return;
        int n = scenario.StartImages.Count;
        Consoles.Err.MarkupLine($"[yellow]note:[/] {Markup.Escape(scenario.Name)} starts from {n} image{(n == 1 ? "" : "s")}, but frames from " +
            $"'{Markup.Escape(scenario.Frames)}' never read the memory: you see the scenario's own world and the images change nothing. " +
            "Use --frames model (the default) to walk the world grown from them.");
    }
}
