namespace RtfmGym.Env.Actions;

/// <summary>
/// Action settings from a scenario. Defaults follow Habitat (0.25 m steps, 10 degree turns)
/// and a slow indoor robot; angles in radians, speeds in m/s and rad/s, time in seconds.
/// </summary>
public sealed record ActionSettings
{
    /// <summary>The action kind. Default <see cref="ActionKind.Discrete"/>.</summary>
    public ActionKind Kind { get; init; } = ActionKind.Discrete;

    /// <summary>Discrete move distance per step, metres. Default 0.25.</summary>
    public float ForwardStep { get; init; } = 0.25f;

    /// <summary>Discrete turn per step, radians. Default 10 degrees.</summary>
    public float TurnStep { get; init; } = 10f * MathF.PI / 180f;

    /// <summary>Duration one continuous or 6-DoF action is held, seconds. Default 0.25.</summary>
    public float Dt { get; init; } = 0.25f;

    /// <summary>Largest forward speed, m/s (backwards is limited to half). Default 1.</summary>
    public float MaxSpeed { get; init; } = 1f;

    /// <summary>Largest turn rate, rad/s. Default 90 degrees per second.</summary>
    public float MaxTurnRate { get; init; } = MathF.PI / 2f;

    /// <summary>When true, continuous actions outside the limits are clipped to them instead of rejected. Default false.</summary>
    public bool ClipActions { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public ActionSettings Validate()
    {
        if (!(ForwardStep > 0 && ForwardStep <= 2)) throw new ArgumentException($"forward_step {ForwardStep} must be in (0, 2] metres.", nameof(ForwardStep));
        if (!(TurnStep > 0 && TurnStep <= MathF.PI)) throw new ArgumentException($"turn step {TurnStep} rad must be in (0, pi].", nameof(TurnStep));
        if (!(Dt > 0 && Dt <= 2)) throw new ArgumentException($"dt {Dt} must be in (0, 2] seconds.", nameof(Dt));
        if (!(MaxSpeed > 0 && MaxSpeed <= 5)) throw new ArgumentException($"max_speed {MaxSpeed} must be in (0, 5] m/s.", nameof(MaxSpeed));
        if (!(MaxTurnRate > 0 && MaxTurnRate <= 4 * MathF.PI)) throw new ArgumentException($"max_turn_rate {MaxTurnRate} must be in (0, 4 pi] rad/s.", nameof(MaxTurnRate));
        return this;
    }
}
