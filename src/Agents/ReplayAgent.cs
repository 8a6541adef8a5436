namespace RtfmGym.Agents;

/// <summary>Plays a recorded action list in order (from a scenario's record or an episode record).</summary>
public sealed class ReplayAgent(IReadOnlyList<object> actions) : IAgent
{
    private int _next;

    /// <inheritdoc />
    public string Name => "replay";

    /// <summary>True when every recorded action has been played.</summary>
    public bool Exhausted => _next >= actions.Count;

    /// <inheritdoc />
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info) => _next = 0;

    /// <inheritdoc />
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        if (Exhausted) throw new InvalidOperationException($"The recorded action list ({actions.Count} actions) is exhausted but the episode goes on.");
        return actions[_next++];
    }
}
