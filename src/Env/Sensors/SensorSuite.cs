using RtfmGym.Env.Frames;
using RtfmGym.Env.Spaces;

namespace RtfmGym.Env.Sensors;

/// <summary>An environment's sensors, in observation order: the observation space, the frame channels they read, and the observation of one step.</summary>
public sealed class SensorSuite
{
    private readonly ISensor[] _sensors;

    /// <summary>A suite of <paramref name="sensors"/>, in the order the observation lists them.</summary>
    /// <exception cref="ArgumentException">No sensors, or two with the same key.</exception>
    public SensorSuite(IEnumerable<ISensor> sensors)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        _sensors = sensors.ToArray();
        foreach (ISensor s in _sensors) ArgumentNullException.ThrowIfNull(s, nameof(sensors));
        Space = new DictSpace(_sensors.Select(s => new KeyValuePair<string, Space>(s.Key, s.Space)));
        Channels = _sensors.Aggregate(FrameChannels.Rgb, (c, s) => c | s.Channels);
    }

    /// <summary>The sensors, in observation order.</summary>
    public IReadOnlyList<ISensor> Sensors => _sensors;

    /// <summary>The observation space: a dict of each sensor's space under its key.</summary>
    public DictSpace Space { get; }

    /// <summary>The frame channels to ask the frame source for: RGB (always drawn: records checksum it) and what the sensors read.</summary>
    public FrameChannels Channels { get; }

    /// <summary>The observation: each sensor's value under its key.</summary>
    public Dictionary<string, object> Observe(ObservationContext context)
    {
        var obs = new Dictionary<string, object>(_sensors.Length);
        foreach (ISensor s in _sensors) obs[s.Key] = s.Observe(context);
        return obs;
    }
}
