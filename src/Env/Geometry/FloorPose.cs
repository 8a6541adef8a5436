using System.Numerics;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Geometry;

/// <summary>
/// Where a body stands (or starts) and which way it faces: floor position (x, z) in metres and
/// heading in radians (0 looks along world -z, positive turns left, as <see cref="Pose.Yaw"/>).
/// The one type for a pose on the floor: scenario and episode starts, reset options, revisit loops.
/// </summary>
/// <param name="Position">Floor position, metres (X = world x, Y = world z).</param>
/// <param name="Yaw">Heading, radians.</param>
/// <param name="Altitude">For a free-flying body, the camera's starting height in metres; null (the default)
/// for the camera's mount height. Ground robots always carry the camera at the mount height.</param>
public readonly record struct FloorPose(Vector2 Position, float Yaw, float? Altitude = null)
{
    /// <summary>The camera pose of a ground robot standing here, with the scenario's mount height and pitch (the pose the environment gives it).</summary>
    public Pose ToCamera(CameraSettings camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return Pose.FromYawPitchRoll(Position.X, camera.MountHeight, Position.Y, Yaw, camera.Pitch);
    }

    /// <summary>The floor pose under a camera pose (height, pitch and roll dropped).</summary>
    public static FloorPose Of(Pose camera) => new(new Vector2(camera.Position.X, camera.Position.Z), camera.Yaw);

    /// <summary>The heading that looks from <paramref name="from"/> towards <paramref name="to"/>, radians.</summary>
    public static float HeadingTowards(Vector2 from, Vector2 to) => MathF.Atan2(-(to.X - from.X), -(to.Y - from.Y));
}
