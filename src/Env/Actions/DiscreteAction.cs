namespace RtfmGym.Env.Actions;

/// <summary>The values of the <see cref="ActionKind.Discrete"/> action space.</summary>
public enum DiscreteAction
{
    /// <summary>Stay in place for the step.</summary>
    NoOp = 0,
    /// <summary>Move <see cref="ActionSettings.ForwardStep"/> metres forward along the heading.</summary>
    Forward = 1,
    /// <summary>Move <see cref="ActionSettings.ForwardStep"/> metres backward, keeping the heading.</summary>
    Back = 2,
    /// <summary>Move <see cref="ActionSettings.ForwardStep"/> metres to the left, keeping the heading.</summary>
    StrafeLeft = 3,
    /// <summary>Move <see cref="ActionSettings.ForwardStep"/> metres to the right, keeping the heading.</summary>
    StrafeRight = 4,
    /// <summary>Turn <see cref="ActionSettings.TurnStep"/> radians left (counter-clockwise seen from above, +yaw about +Y).</summary>
    TurnLeft = 5,
    /// <summary>Turn <see cref="ActionSettings.TurnStep"/> radians right (clockwise seen from above, -yaw about +Y).</summary>
    TurnRight = 6,
    /// <summary>Declare the episode done; PointNav counts success only when it is taken within the success radius of the goal.</summary>
    Stop = 7,
}
