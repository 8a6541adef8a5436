using System.Collections.Immutable;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Frames;

/// <summary>
/// Frame sources by name, as scenarios and the <c>--frames</c> option name them: an immutable value
/// built where the program is put together and handed to the environments it makes. Built in:
/// "ground-truth" (the ray caster) and "constant" (a trivial source for benchmarks); layers above
/// Env add theirs with <see cref="With"/> (the learned model), which keeps Env free of any
/// reference to them.
/// </summary>
public sealed class FrameSourceRegistry
{
    private readonly ImmutableSortedDictionary<string, Entry> _entries;

    private FrameSourceRegistry(ImmutableSortedDictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The built-in sources: "ground-truth" (default renderer options) and "constant".</summary>
    public static FrameSourceRegistry BuiltIn { get; } = new FrameSourceRegistry(ImmutableSortedDictionary.Create<string, Entry>(StringComparer.Ordinal))
        .With("ground-truth", _ => new GroundTruthRenderer(new RendererOptions()))
        .With("constant", _ => new ConstantFrameSource());

    /// <summary>The names, in ordinal order.</summary>
    public IReadOnlyList<string> Names => _entries.Keys.ToArray();

    /// <summary>True when a source is named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(name);

    /// <summary>A registry like this one with <paramref name="name"/> added or replaced; this one is unchanged.</summary>
    /// <param name="name">The source's name.</param>
    /// <param name="factory">Creates a source for a scenario; the caller owns (disposes) what it creates.</param>
    /// <param name="digest">Says what the sources it creates draw from (e.g. "sha256:..." of a model checkpoint), for episode records;
    /// null when the code alone decides their frames. Called only when a record is written or checked.</param>
    public FrameSourceRegistry With(string name, Func<Scenario, IFrameSource> factory, Func<string?>? digest = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        return new FrameSourceRegistry(_entries.SetItem(name, new Entry(factory, digest)));
    }

    /// <summary>The digest of what source <paramref name="name"/> draws from, or null when its frames depend on the code alone (or no such source exists).</summary>
    public string? Digest(string name) => _entries.TryGetValue(name, out Entry? e) ? e.Digest?.Invoke() : null;

    /// <summary>A new frame source named <paramref name="name"/> for <paramref name="scenario"/>.</summary>
    /// <exception cref="RtfmGymException">No source has that name; the message lists those that exist.</exception>
    public IFrameSource Create(string name, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!_entries.TryGetValue(name, out Entry? e))
            throw new RtfmGymException($"Unknown frame source '{name}'; available: {string.Join(", ", Names)}.");
        return e.Factory(scenario);
    }

    private sealed record Entry(Func<Scenario, IFrameSource> Factory, Func<string?>? Digest);
}
