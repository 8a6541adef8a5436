using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env.Memory.Evaluation;

/// <summary>
/// Where a ground robot stands and which way it faces: floor position (x, z) in metres and
/// heading in radians (0 looks along world -z, positive turns left, as <see cref="Pose.Yaw"/>).
/// </summary>
/// <param name="Position">Floor position, metres (X = world x, Y = world z).</param>
/// <param name="Yaw">Heading, radians, in (-pi, pi].</param>
public readonly record struct FloorPose(Vector2 Position, float Yaw)
{
    /// <summary>The camera pose of a robot standing here, with the scenario's mount height and pitch (the same pose <see cref="RtfmEnvironment"/> builds).</summary>
    public Pose ToCamera(CameraSettings camera) => RtfmEnvironment.CameraPose(Position, Yaw, camera);

    /// <summary>The floor pose under a camera pose (height, pitch and roll dropped).</summary>
    public static FloorPose Of(Pose camera) => new(new Vector2(camera.Position.X, camera.Position.Z), camera.Yaw);

    /// <summary>The heading that looks from <paramref name="from"/> towards <paramref name="to"/>, radians.</summary>
    public static float HeadingTowards(Vector2 from, Vector2 to) => MathF.Atan2(-(to.X - from.X), -(to.Y - from.Y));
}
