using RtfmGym.Env.Geometry;

namespace RtfmGym.Model;

/// <summary>One frame for <see cref="FrameModel.Generate(IReadOnlyList{GenerationRequest}, Sampling.SamplerSettings?)"/> to draw.</summary>
/// <param name="Context">Cached context frames, best first (any number; more than <see cref="FrameModelConfig.MaxContext"/> are cut).</param>
/// <param name="Target">The camera pose to draw from (metres, radians, the model's frame).</param>
/// <param name="Camera">The camera.</param>
/// <param name="Seed">The seed of the starting noise: the same context, pose, settings and seed give the same frame.</param>
public sealed record GenerationRequest(IReadOnlyList<ContextFrame> Context, Pose Target, CameraIntrinsics Camera, ulong Seed);
