namespace RtfmGym.Env.Actions;

/// <summary>How an agent's action becomes a pose change; chosen by the scenario.</summary>
public enum ActionKind
{
    /// <summary>Habitat-like keys: Discrete(8) = no-op, forward, back, strafe left, strafe right, turn left, turn right, stop.</summary>
    Discrete,

    /// <summary>A ground robot: Box(3) = forward velocity (m/s), strafe velocity (m/s, + is right), yaw rate (rad/s, + is left), held for one step.</summary>
    Continuous,

    /// <summary>A free-flying camera: Box(6) = forward, right, up velocities (m/s) and yaw, pitch, roll rates (rad/s), held for one step.</summary>
    Free6Dof,
}
