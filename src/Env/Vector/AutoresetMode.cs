namespace RtfmGym.Env.Vector;

/// <summary>
/// When an environment whose episode ended is reset without being asked: Gymnasium 1.x's
/// <c>gymnasium.vector.AutoresetMode</c>, member for member. The names (<c>ToString()</c>) are
/// Gymnasium's values, "NextStep", "SameStep" and "Disabled", as the bridge sends them in
/// <c>autoreset_mode</c>. <see cref="Autoreset"/> is the one implementation.
/// </summary>
public enum AutoresetMode
{
    /// <summary>
    /// The step that ends an episode returns its last observation and info; the next step ignores
    /// its action, resets and returns the first observation and the reset's info with reward 0 and
    /// terminated and truncated false (NEXT_STEP, Gymnasium's default).
    /// </summary>
    NextStep,

    /// <summary>
    /// The step that ends an episode resets at once: it returns the new episode's first observation
    /// and the reset's info, with the step's own reward, terminated and truncated; the ended episode's
    /// last observation and info are in that info under "final_obs" and "final_info" (SAME_STEP).
    /// </summary>
    SameStep,

    /// <summary>No automatic reset: stepping an ended episode fails until the caller resets it (DISABLED).</summary>
    Disabled,
}
