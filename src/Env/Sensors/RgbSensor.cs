using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>"rgb": the frame's colour, uint8 [H, W, 3], row 0 at the top.</summary>
public sealed class RgbSensor(int width, int height) : ISensor
{
    /// <inheritdoc/>
    public string Key => "rgb";

    /// <inheritdoc/>
    public Space Space { get; } = new BoxSpace(0, 255, [height, width, 3], DType.UInt8);

    /// <inheritdoc/>
    public FrameChannels Channels => FrameChannels.Rgb;

    /// <inheritdoc/>
    /// <remarks>The array wraps the frame's bytes without a copy; frames are read-only once drawn.</remarks>
    public object Observe(ObservationContext context) => new NDArray(DType.UInt8, [height, width, 3], context.Frame.Rgb);
}
