using System.Numerics;

namespace RtfmGym.Env.Scenarios;

/// <summary>A start pose: floor position (x, z) in metres, optional altitude for free flight (default the camera's mount height), heading in radians.</summary>
public sealed record StartPose(Vector2 Position, float Yaw, float? Altitude = null);
