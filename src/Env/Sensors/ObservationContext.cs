using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Env.Sensors;

/// <summary>What a sensor reads at one step: the frame just drawn, the camera pose it was drawn from (metres, world frame), the task, and the frame source's name (for error messages).</summary>
public readonly record struct ObservationContext(Frame Frame, Pose Pose, INavigationTask Task, string FrameSource);
