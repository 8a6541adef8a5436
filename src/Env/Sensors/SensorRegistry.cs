using System.Collections.Immutable;

namespace RtfmGym.Env.Sensors;

/// <summary>
/// Sensors by the observation key a scenario lists: an immutable value built where the program is put
/// together and handed to the environments it makes. Built in, in this order: "rgb" (always observed),
/// "depth", "pose" and "goal" (only when the task has a goal). <see cref="With"/> adds others.
/// </summary>
public sealed class SensorRegistry
{
    /// <summary>The key every observation holds, first.</summary>
    public const string Rgb = "rgb";

    private readonly ImmutableList<KeyValuePair<string, Func<SensorSetup, ISensor?>>> _factories;

    private SensorRegistry(ImmutableList<KeyValuePair<string, Func<SensorSetup, ISensor?>>> factories) => _factories = factories;

    /// <summary>The built-in sensors: rgb, depth, pose and goal.</summary>
    public static SensorRegistry BuiltIn { get; } = new SensorRegistry([])
        .With(Rgb, s => new RgbSensor(s.Camera.Width, s.Camera.Height))
        .With("depth", s => new DepthSensor(s.Camera.Width, s.Camera.Height))
        .With("pose", _ => new PoseSensor())
        .With("goal", s => s.Task.GoalSpace is { } g ? new GoalSensor(g) : null);

    /// <summary>The keys, in the order they were added.</summary>
    public IReadOnlyList<string> Names => _factories.Select(kv => kv.Key).ToArray();

    /// <summary>A registry like this one with sensor <paramref name="key"/> added or replaced (in place); this one is unchanged.</summary>
    /// <param name="key">The observation key.</param>
    /// <param name="factory">Makes the sensor for one environment; null when it does not apply there (the key is then left out of the observation).</param>
    public SensorRegistry With(string key, Func<SensorSetup, ISensor?> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(factory);
        int at = _factories.FindIndex(kv => kv.Key == key);
        var entry = new KeyValuePair<string, Func<SensorSetup, ISensor?>>(key, factory);
        return new SensorRegistry(at < 0 ? _factories.Add(entry) : _factories.SetItem(at, entry));
    }

    /// <summary>
    /// The sensors of one environment: "rgb" first, then the scenario's other observation keys in their
    /// order, less those whose factory declines.
    /// </summary>
    /// <exception cref="RtfmGymException">A listed key has no sensor, or a sensor's key is not the one it was made for.</exception>
    public SensorSuite Create(SensorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var sensors = new List<ISensor>();
        foreach (string key in setup.Scenario.Observations.Where(k => k != Rgb).Prepend(Rgb))
        {
            int at = _factories.FindIndex(kv => kv.Key == key);
            if (at < 0)
                throw new RtfmGymException($"Scenario '{setup.Scenario.Name}' observes '{key}', but no sensor has that key; available: {string.Join(", ", Names)}.");
            if (_factories[at].Value(setup) is not { } sensor) continue;
            if (sensor.Key != key)
                throw new RtfmGymException($"The sensor made for observation key '{key}' says its key is '{sensor.Key}'; a sensor must write the key it is registered under.");
            sensors.Add(sensor);
        }
        return new SensorSuite(sensors);
    }
}
