using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Actions;

/// <summary>The outcome of one motion: the new pose, whether geometry blocked any part of it, and how far the body actually moved (metres).</summary>
public readonly record struct MoveResult(Pose Pose, bool Collided, float Distance);
