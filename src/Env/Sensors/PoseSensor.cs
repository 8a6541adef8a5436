using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>"pose": the camera pose as float32 [7]: x, y, z (metres), qx, qy, qz, qw (world frame, y up).</summary>
public sealed class PoseSensor : ISensor
{
    /// <inheritdoc/>
    public string Key => "pose";

    /// <inheritdoc/>
    public Space Space { get; } = new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [7], DType.Float32);

    /// <inheritdoc/>
    public FrameChannels Channels => 0;

    /// <inheritdoc/>
    public object Observe(ObservationContext context) => NDArray.From<float>(context.Pose.ToArray(), 7);
}
