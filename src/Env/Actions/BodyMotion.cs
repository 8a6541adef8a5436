namespace RtfmGym.Env.Actions;

/// <summary>
/// A pose delta in the body frame for one step: translations in metres (forward along the
/// camera's heading, right, up) and rotations in radians (yaw about +Y, + turns left; pitch,
/// + looks up; roll). <see cref="Stop"/> is the agent declaring the episode done.
/// </summary>
public readonly record struct BodyMotion(float Forward, float Right, float Up, float Yaw, float Pitch, float Roll, bool Stop)
{
    /// <summary>No motion.</summary>
    public static BodyMotion None => default;
}
