using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>
/// One entry of the observation dictionary: it declares the entry's space and writes its value, so the
/// observation space and the observation come from the same place. Made per environment by a
/// <see cref="SensorRegistry"/> from the scenario's <c>observations</c> list.
/// </summary>
public interface ISensor
{
    /// <summary>The observation key ("rgb", "depth", ...).</summary>
    string Key { get; }

    /// <summary>The space every value of <see cref="Observe"/> belongs to.</summary>
    Space Space { get; }

    /// <summary>The frame channels the sensor reads (none for sensors that read only the pose or the task); the frame source is asked for their union.</summary>
    FrameChannels Channels { get; }

    /// <summary>The value at this step, a member of <see cref="Space"/>.</summary>
    /// <exception cref="RtfmGymException">What the sensor reads is missing (e.g. a frame source that gave no depth).</exception>
    object Observe(ObservationContext context);
}
