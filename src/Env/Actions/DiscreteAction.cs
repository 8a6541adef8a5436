namespace RtfmGym.Env.Actions;

/// <summary>The values of the <see cref="ActionKind.Discrete"/> action space.</summary>
public enum DiscreteAction
{
    NoOp = 0,
    Forward = 1,
    Back = 2,
    StrafeLeft = 3,
    StrafeRight = 4,
    TurnLeft = 5,
    TurnRight = 6,
    Stop = 7,
}
