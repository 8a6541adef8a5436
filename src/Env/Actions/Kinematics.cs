using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Actions;

/// <summary>
/// Moves a body (a disc of radius r in the floor plane; a sphere when flying) through a world.
/// Motion is split into sub-steps of at most 5 cm; a blocked sub-step slides along whichever
/// axis is still free, as Habitat's sliding does, so motion never passes through geometry.
/// </summary>
public static class Kinematics
{
    private const float SubStep = 0.05f;

    /// <summary>Moves a ground robot: the heading turns by <c>motion.Yaw</c> (pitch and roll ignored), then the body translates in the plane along the mean heading.</summary>
    /// <param name="world">The world to collide with.</param>
    /// <param name="position">Camera position (y is the camera height, kept).</param>
    /// <param name="yaw">Heading in radians before the move.</param>
    /// <param name="motion">The body-frame delta.</param>
    /// <param name="radius">Body radius, metres.</param>
    /// <param name="newYaw">Heading after the move, wrapped into (-pi, pi].</param>
    public static MoveResult MoveGround(World world, Vector3 position, float yaw, BodyMotion motion, float radius, out float newYaw)
    {
        newYaw = WrapAngle(yaw + motion.Yaw);
        float mid = yaw + motion.Yaw * 0.5f;
        var forward = new Vector2(-MathF.Sin(mid), -MathF.Cos(mid));
        var right = new Vector2(MathF.Cos(mid), -MathF.Sin(mid));
        Vector2 delta = forward * motion.Forward + right * motion.Right;
        var from = new Vector2(position.X, position.Z);
        Vector2 to = Slide(from, delta, p => world.Navigation.IsFree(p, radius), out bool collided);
        var pose = Pose.FromYawPitchRoll(to.X, position.Y, to.Y, newYaw);
        return new MoveResult(pose, collided, Vector2.Distance(from, to));
    }

    /// <summary>Moves a free-flying body: yaw turns about world +Y, pitch and roll about the body's axes; translation is in the body frame; altitude stays within the room.</summary>
    public static MoveResult MoveFree(World world, Pose pose, BodyMotion motion, float radius)
    {
        Quaternion q = Quaternion.Normalize(
            Quaternion.CreateFromAxisAngle(Vector3.UnitY, motion.Yaw) * pose.Orientation *
            Quaternion.CreateFromYawPitchRoll(0, motion.Pitch, motion.Roll));
        Vector3 delta = pose.Forward * motion.Forward + pose.Right * motion.Right + pose.Up * motion.Up;
        float floor = radius, ceiling = world.CeilingHeight - radius;
        bool Free(Vector3 p) => p.Y >= floor && p.Y <= ceiling && world.Navigation.IsFree(new Vector2(p.X, p.Z), radius, p.Y - radius);
        Vector3 at = pose.Position;
        bool collided = false;
        int n = Math.Max(1, (int)MathF.Ceiling(delta.Length() / SubStep));
        Vector3 step = delta / n;
        for (int k = 0; k < n; k++)
        {
            Vector3 next = at + step;
            if (Free(next)) { at = next; continue; }
            collided = true;
            Vector3 slid = at;
            foreach (Vector3 axis in (ReadOnlySpan<Vector3>)[Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ])
            {
                Vector3 candidate = slid + step * axis;
                if (Free(candidate)) slid = candidate;
            }
            at = slid;
        }
        return new MoveResult(new Pose(at, q), collided, Vector3.Distance(pose.Position, at));
    }

    /// <summary>Wraps an angle into (-pi, pi].</summary>
    public static float WrapAngle(float a)
    {
        a = MathF.IEEERemainder(a, 2f * MathF.PI);
        return a <= -MathF.PI ? a + 2f * MathF.PI : a;
    }

    private static Vector2 Slide(Vector2 from, Vector2 delta, Func<Vector2, bool> free, out bool collided)
    {
        collided = false;
        int n = Math.Max(1, (int)MathF.Ceiling(delta.Length() / SubStep));
        Vector2 step = delta / n;
        Vector2 at = from;
        for (int k = 0; k < n; k++)
        {
            Vector2 next = at + step;
            if (free(next)) { at = next; continue; }
            collided = true;
            if (step.X != 0 && free(at + new Vector2(step.X, 0))) at += new Vector2(step.X, 0);
            else if (step.Y != 0 && free(at + new Vector2(0, step.Y))) at += new Vector2(0, step.Y);
        }
        return at;
    }
}
