using RtfmGym.Env.Rendering;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Frames;

/// <summary>
/// Frame sources by name, as scenarios and the <c>--frames</c> option name them. Built in:
/// "ground-truth" (the ray caster) and "constant" (a trivial source for benchmarks). Layers
/// above Env (the learned model) register theirs with <see cref="Register"/>, which keeps Env
/// free of any reference to them.
/// </summary>
public static class FrameSources
{
    private static readonly Dictionary<string, Func<Scenario, IFrameSource>> Factories = new(StringComparer.Ordinal)
    {
        ["ground-truth"] = _ => new GroundTruthRenderer(new RendererOptions()),
        ["constant"] = _ => new ConstantFrameSource(),
    };

    private static readonly Dictionary<string, Func<string?>> Digests = new(StringComparer.Ordinal);

    private static readonly object Gate = new();

    /// <summary>The registered names.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Gate) return Factories.Keys.Order().ToArray(); }
    }

    /// <summary>Adds or replaces the factory for <paramref name="name"/>.</summary>
    /// <param name="name">The source's name.</param>
    /// <param name="factory">Creates a source for a scenario.</param>
    /// <param name="digest">Says what the sources it creates draw from (e.g. "sha256:..." of a model checkpoint), for episode records;
    /// null when the code alone decides their frames.</param>
    public static void Register(string name, Func<Scenario, IFrameSource> factory, Func<string?>? digest = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            Factories[name] = factory;
            if (digest is null) Digests.Remove(name);
            else Digests[name] = digest;
        }
    }

    /// <summary>The digest of what source <paramref name="name"/> draws from, or null when its frames depend on the code alone (or no such source is registered).</summary>
    public static string? Digest(string name)
    {
        Func<string?>? digest;
        lock (Gate) Digests.TryGetValue(name, out digest);
        return digest?.Invoke();
    }

    /// <summary>A new frame source named <paramref name="name"/> for <paramref name="scenario"/>.</summary>
    /// <exception cref="RtfmGymException">No source has that name; the message lists those that exist.</exception>
    public static IFrameSource Create(string name, Scenario scenario)
    {
        Func<Scenario, IFrameSource>? factory;
        lock (Gate) Factories.TryGetValue(name, out factory);
        if (factory is null)
            throw new RtfmGymException($"Unknown frame source '{name}'; available: {string.Join(", ", Names)}.");
        return factory(scenario);
    }
}
