namespace RtfmGym.Bridge.Protocol;

/// <summary>The op names of protocol 1.x requests.</summary>
public static class Ops
{
    /// <summary>Opens a session: version check; replies with protocol, server version, capabilities and limits.</summary>
    public const string Hello = "hello";
    /// <summary>Lists the scenarios the server ships (name and description).</summary>
    public const string ListScenarios = "list_scenarios";
    /// <summary>Creates an environment from a shipped scenario or inline YAML; replies with its id and spaces.</summary>
    public const string Make = "make";
    /// <summary>An environment's spaces, step limit and autoreset mode.</summary>
    public const string Spec = "spec";
    /// <summary>Starts an episode (optional seed and options); replies with observation and info.</summary>
    public const string Reset = "reset";
    /// <summary>Applies one action; replies with observation, reward, terminated, truncated and info.</summary>
    public const string Step = "step";
    /// <summary>Steps several environments in one request, optionally autoresetting ended episodes.</summary>
    public const string StepBatch = "step_batch";
    /// <summary>The current frame of an environment as RGB bytes.</summary>
    public const string Render = "render";
    /// <summary>Captures an environment's whole state (pose, task, memory, random streams) under an id.</summary>
    public const string Snapshot = "snapshot";
    /// <summary>Returns an environment to a snapshot, after which the same actions give bit-identical steps.</summary>
    public const string Restore = "restore";
    /// <summary>Closes an environment and frees its resources on the server.</summary>
    public const string Close = "close";

    /// <summary>Every op, in the order hello advertises them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Hello, ListScenarios, Make, Spec, Reset, Step, StepBatch, Render, Snapshot, Restore, Close];
}
