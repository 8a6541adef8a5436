using RtfmGym.Env.Randomness;

namespace RtfmGym.Agents;

/// <summary>Uniformly random actions from the action space, from its own seeded generator (the episode seed mixed with <paramref name="seed"/>).</summary>
public sealed class RandomAgent(ulong seed = 0) : IAgent
{
    private Rng _rng = new(seed);
    private AgentContext? _context;

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        _context = context;
        _rng = Rng.Derive(seed ^ (ulong)context.Seed, "random-agent");
    }

    /// <inheritdoc />
    public object Act(object observation, IReadOnlyDictionary<string, object?> info) =>
        (_context ?? throw new InvalidOperationException("Reset the agent first.")).ActionSpace.Sample(_rng);
}
