using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Frames;

/// <summary>What a frame source is asked to draw: the camera pose and intrinsics, the channels wanted, and the episode step (0 at reset).</summary>
public sealed record FrameRequest(Pose Pose, CameraIntrinsics Camera, FrameChannels Channels = FrameChannels.Rgb, int Step = 0);
