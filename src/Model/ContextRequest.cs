using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Model;

/// <summary>One frame for <see cref="FrameModel.EncodeContext(IReadOnlyList{ContextRequest})"/> to encode.</summary>
/// <param name="Frame">The frame (its colour is encoded; depth is not used).</param>
/// <param name="Pose">The camera pose it was seen from (metres, radians, the model's frame).</param>
/// <param name="Camera">The camera.</param>
/// <param name="GenerationDepth">0 for a ground-truth frame; the frame's <see cref="ContextFrame.GenerationDepth"/> for one the model drew.</param>
public sealed record ContextRequest(Frame Frame, Pose Pose, CameraIntrinsics Camera, int GenerationDepth = 0);
