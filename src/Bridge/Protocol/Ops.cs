namespace RtfmGym.Bridge.Protocol;

/// <summary>The op names of protocol 1.x requests.</summary>
public static class Ops
{
    public const string Hello = "hello";
    public const string ListScenarios = "list_scenarios";
    public const string Make = "make";
    public const string Spec = "spec";
    public const string Reset = "reset";
    public const string Step = "step";
    public const string StepBatch = "step_batch";
    public const string Render = "render";
    public const string Snapshot = "snapshot";
    public const string Restore = "restore";
    public const string Close = "close";

    /// <summary>Every op, in the order hello advertises them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Hello, ListScenarios, Make, Spec, Reset, Step, StepBatch, Render, Snapshot, Restore, Close];
}
