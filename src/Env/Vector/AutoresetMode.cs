namespace RtfmGym.Env.Vector;

/// <summary>How a <see cref="VectorEnvironment"/> restarts finished sub-environments (Gymnasium 1.0's modes).</summary>
public enum AutoresetMode
{
    /// <summary>
    /// The step that ends an episode returns its final observation; the next step ignores that
    /// sub-environment's action, resets it and returns the reset observation with reward 0
    /// (Gymnasium's default, NEXT_STEP).
    /// </summary>
    NextStep,

    /// <summary>
    /// The step that ends an episode resets at once and returns the reset observation; the final
    /// observation and info go into the info under "final_observation" and "final_info" (SAME_STEP).
    /// </summary>
    SameStep,
}
