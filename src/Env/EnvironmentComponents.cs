using RtfmGym.Env.Frames;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Tasks;

namespace RtfmGym.Env;

/// <summary>
/// What an <see cref="RtfmEnvironment"/> is built from besides its scenario: the frame sources, tasks
/// and sensors it may pick by the names the scenario gives. Built once where the program is put
/// together (the CLI, the bridge server) and passed to every environment it makes; nothing here is
/// process-wide or mutable. <see cref="BuiltIn"/> holds Env's own.
/// </summary>
public sealed record EnvironmentComponents
{
    private readonly FrameSourceRegistry _frameSources = FrameSourceRegistry.BuiltIn;
    private readonly TaskRegistry _tasks = TaskRegistry.BuiltIn;
    private readonly SensorRegistry _sensors = SensorRegistry.BuiltIn;

    /// <summary>Env's own frame sources, tasks and sensors.</summary>
    public static EnvironmentComponents BuiltIn { get; } = new();

    /// <summary>Frame sources by name (the scenario's <c>frames</c>). Default <see cref="FrameSourceRegistry.BuiltIn"/>.</summary>
    public FrameSourceRegistry FrameSources { get => _frameSources; init => _frameSources = value ?? throw new ArgumentNullException(nameof(FrameSources)); }

    /// <summary>Tasks by kind (the scenario's <c>task.kind</c>). Default <see cref="TaskRegistry.BuiltIn"/>.</summary>
    public TaskRegistry Tasks { get => _tasks; init => _tasks = value ?? throw new ArgumentNullException(nameof(Tasks)); }

    /// <summary>Sensors by observation key (the scenario's <c>observations</c>). Default <see cref="SensorRegistry.BuiltIn"/>.</summary>
    public SensorRegistry Sensors { get => _sensors; init => _sensors = value ?? throw new ArgumentNullException(nameof(Sensors)); }
}
