namespace RtfmGym.Agents;

/// <summary>An agent: told when an episode starts, then asked for one action per observation.</summary>
public interface IAgent
{
    /// <summary>A short name for tables and records.</summary>
    string Name { get; }

    /// <summary>Starts an episode (called after the environment's reset).</summary>
    void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info);

    /// <summary>The action for the latest observation and info.</summary>
    object Act(object observation, IReadOnlyDictionary<string, object?> info);
}
