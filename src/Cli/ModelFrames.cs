using RtfmGym.Env;

namespace RtfmGym.Cli;

/// <summary>
/// Makes the learned frame model available as the frame source named "model" (what
/// <c>--frames model</c> and scenarios with <c>frames: model</c> ask for).
/// </summary>
internal static class ModelFrames
{
    /// <summary>Registers frame source "model" loaded from <paramref name="checkpointDir"/> (null: the shipped checkpoint).</summary>
    /// <exception cref="RtfmGymException">The checkpoint is missing or does not match this build.</exception>
    public static void Use(string? checkpointDir) =>
        throw new RtfmGymException("The learned frame model is not built into this version yet; use --frames ground-truth.");
}
