namespace RtfmGym.Env.Episodes;

/// <summary>One recorded step: the action taken and what followed (reward, flags, camera pose as x, y, z, qx, qy, qz, qw, and the frame checksum).</summary>
public sealed record RecordedStep(object Action, double Reward, bool Terminated, bool Truncated, float[] Pose, string Checksum, bool Collided);
