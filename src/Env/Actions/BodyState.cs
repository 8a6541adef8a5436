using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Actions;

/// <summary>Where the body is: its camera's pose (metres, world frame) and its heading (radians, as <see cref="Pose.Yaw"/>); for a ground robot the heading is kept apart because the camera may be pitched.</summary>
/// <param name="Camera">The camera pose.</param>
/// <param name="Heading">The body's heading, radians.</param>
public readonly record struct BodyState(Pose Camera, float Heading);
