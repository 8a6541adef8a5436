using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>"depth": metres along the camera's view axis, float32 [H, W, 1]; +infinity where nothing is hit.</summary>
public sealed class DepthSensor(int width, int height) : ISensor
{
    /// <inheritdoc/>
    public string Key => "depth";

    /// <inheritdoc/>
    public Space Space { get; } = new BoxSpace(0, double.PositiveInfinity, [height, width, 1], DType.Float32);

    /// <inheritdoc/>
    public FrameChannels Channels => FrameChannels.Depth;

    /// <inheritdoc/>
    public object Observe(ObservationContext context) =>
        NDArray.From<float>(context.Frame.Depth ?? throw new RtfmGymException($"Frame source '{context.FrameSource}' gave no depth."), height, width, 1);
}
