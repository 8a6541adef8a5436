using RtfmGym.Env.Frames;
using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Geometry;

namespace RtfmGym.Model.Training;

/// <summary>One sample: posed context frames and the target frame with its pose, all ground truth (the generator renders them all with depth; the network sees the context's colour only).</summary>
/// <param name="Kind">How the context relates to the target.</param>
/// <param name="WorldSeed">The procedural world it was rendered in.</param>
/// <param name="Camera">Intrinsics shared by every view.</param>
/// <param name="ContextPoses">Camera poses of the context frames (metres, world frame).</param>
/// <param name="ContextFrames">The context frames, in the same order.</param>
/// <param name="TargetPose">Camera pose of the target.</param>
/// <param name="Target">The ground-truth target frame, with depth.</param>
/// <param name="WorldCentre">Centre of the world's floor plan (metres); generation moves poses by minus this (see <see cref="Centred"/>).</param>
public sealed record TrainingExample(SampleKind Kind, ulong WorldSeed, CameraIntrinsics Camera,
    IReadOnlyList<Pose> ContextPoses, IReadOnlyList<Frame> ContextFrames, Pose TargetPose, Frame Target, Vector3 WorldCentre)
{
    /// <summary>The motion that puts the world's centre at the origin, as the frame source does for every episode.</summary>
    public RigidMotion Centred => new(0f, -WorldCentre);
}
