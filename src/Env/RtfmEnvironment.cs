using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Tasks;
using RtfmGym.Env.Vector;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

/// <summary>
/// The RtfmGym environment: an agent with a camera in a generated indoor world. Each action
/// becomes a pose delta (see <see cref="ActionKind"/>), the body moves with collision, the
/// frame source draws the view from the new camera pose, and the task scores the step.
/// <para>Observation: a dict written by the sensors the scenario's <c>observations</c> pick (see
/// <see cref="SensorRegistry"/>): "rgb" (uint8 [H, W, 3]) and, as the scenario asks, "depth"
/// (float32 [H, W, 1], metres along the view axis), "pose" (float32 [7]: x, y, z, qx, qy, qz, qw
/// of the camera) and "goal" (PointNav: float32 [2], distance in metres and bearing in
/// radians, + to the left).</para>
/// <para>Info, every step (keys and types in <see cref="InfoKeys"/>): "pose" (double[7]), "collided",
/// "collisions", "step", "episode_seed", "world_seed", "frame_source", plus the task's figures
/// ("distance_to_goal", "success", "spl", "soft_spl", "coverage", ...).</para>
/// <para>The frame source, task and sensors come by name from the <see cref="EnvironmentComponents"/>
/// it is given; the action model decides how the body moves (ground or free flight).</para>
/// <para>With a <see cref="Memory"/>, each observed frame is stored with its pose and step (the
/// memory is emptied at every reset, since the world may change), and info gains "memory_size"
/// and, when entries were retrieved for the frame, "memory_retrieved" (long[] ids, best first)
/// and "memory_scores" (double[]). A source that draws from context (<see cref="IFrameSource.DrawsFromContext"/>)
/// receives the retrieved entries; for others retrieval is informational only. Frames are drawn, and stored, by an
/// <see cref="ObservationPipeline"/>; a <see cref="Vector.VectorEnvironment"/> of environments sharing one source draws
/// all their frames of a step in one call.</para>
/// <para>With start images (the scenario's <c>start_images</c>, or <see cref="StartFromImages"/>), every reset puts them into the
/// memory instead of the source's ground-truth seed views, and the source draws every frame from them (see <see cref="FrameEpisode.StartViews"/>);
/// the world (motion, collision, the task) is still the scenario's. A source that does not draw from context ignores them.</para>
/// <para>Reset options: "world_seed" (integer), "start" ([x, z, yaw_radians]), "goal" ([x, z]); see <see cref="ResetOptions"/>.</para>
/// <para>Seeding: Reset(seed) restarts every stream from the seed: world layout comes from the
/// scenario's world seed, the start and goal from the episode seed. Reset() without a seed
/// takes the next episode seed from the environment's own stream, so an unseeded sequence of
/// resets is still reproducible from the first seed.</para>
/// </summary>
public sealed partial class RtfmEnvironment : ISnapshotEnvironment, IRenderableEnvironment, IWorldEnvironment, IStagedEnvironment
{
    private readonly IFrameSource _frames;
    private readonly ObservationPipeline _pipeline;
    private readonly bool _ownsFrames;
    private readonly ActionModel _actions;
    private readonly INavigationTask _task;
    private readonly SensorSuite _sensors;
    private readonly CameraIntrinsics _camera;
    private readonly FrameChannels _channels;
    private readonly EnvironmentComponents _components;
    private Rng? _streams;
    private Pose _pose;
    private float _yaw;
    private bool _closed, _episodeOver, _started;
    private int _collisions;
    private IReadOnlyList<ScoredEntry>? _retrieved;
    private FrameEpisode? _episode;

    /// <summary>Creates an environment for <paramref name="scenario"/>. With no <paramref name="frames"/>, the scenario's frame source is created (and owned)
    /// from <paramref name="components"/>. With a <paramref name="memory"/>, observed frames are stored in it and retrieved from it (see the class remarks);
    /// null (default) keeps none, unless the source draws from context (<see cref="IFrameSource.DrawsFromContext"/>), which gets a default <see cref="SpatialMemory"/>.
    /// Several environments may share one source (a vector environment then draws their frames in one call).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="frames">An explicit frame source (not owned), or null for the scenario's.</param>
    /// <param name="memory">The spatial memory, or null.</param>
    /// <param name="components">Where the frame source, task and sensors come from, by the names the scenario gives; default <see cref="EnvironmentComponents.BuiltIn"/>.</param>
    /// <exception cref="RtfmGymException">The scenario names a frame source, task kind or observation key that <paramref name="components"/> lacks.</exception>
    public RtfmEnvironment(Scenario scenario, IFrameSource? frames = null, SpatialMemory? memory = null, EnvironmentComponents? components = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        _components = components ?? EnvironmentComponents.BuiltIn;
        _actions = ActionModel.Create(scenario.Action);
        _task = _components.Tasks.Create(scenario);
        _camera = scenario.Camera.Intrinsics();
        _sensors = _components.Sensors.Create(new SensorSetup(scenario, _camera, _task));
        _channels = _sensors.Channels;
        _ownsFrames = frames is null;
        _frames = frames ?? _components.FrameSources.Create(scenario.Frames, scenario);
        _pipeline = new ObservationPipeline(_frames);
        World = WorldCache.Get(scenario.World);
        // A source that draws from context (the learned model) is useless without a memory to retrieve it from.
        Memory = memory ?? (_frames.DrawsFromContext ? new SpatialMemory() : null);
        CheckStartImages(scenario.StartImages); // RtfmEnvironment.StartImages.cs
    }

    /// <inheritdoc/>
    public Scenario Scenario { get; }

    /// <summary>The spatial memory of posed frames, or null when the environment keeps none.</summary>
    public SpatialMemory? Memory { get; }

    /// <inheritdoc/>
    public Space ObservationSpace => _sensors.Space;

    /// <inheritdoc/>
    public Space ActionSpace => _actions.Space;

    /// <summary>The action model (its kind, settings and whether it can stop).</summary>
    public ActionModel Actions => _actions;

    /// <summary>The current episode's world.</summary>
    public World World { get; private set; }

    /// <summary>The camera pose now.</summary>
    public Pose Pose => _pose;

    /// <summary>The task (cast to <see cref="PointNavTask"/> or <see cref="ExploreTask"/> for its figures).</summary>
    public INavigationTask Task => _task;

    /// <summary>The camera intrinsics of every frame.</summary>
    public CameraIntrinsics Camera => _camera;

    /// <summary>Steps taken in this episode.</summary>
    public int StepCount { get; private set; }

    /// <summary>The seed of the current episode.</summary>
    public long EpisodeSeed { get; private set; }

    /// <summary>The latest frame (for rendering and records).</summary>
    public Frame? LastFrame { get; private set; }

    /// <summary>
    /// Wall-clock time the frame source took to make the latest observation's frame (its <c>Draw</c> call
    /// alone: not the memory's retrieval, which <see cref="SpatialMemory.LastRetrievalTime"/> reports; in a vector
    /// environment whose sub-environments share the source, the one call that drew them all); zero before the
    /// first reset. For cost reports: memory-eval splits a step's latency with it. A measurement, not part of
    /// the environment's state: never snapshotted.
    /// </summary>
    public TimeSpan LastRenderTime { get; private set; }

    /// <summary>The frame source's name.</summary>
    public string FrameSourceName => _frames.Name;

    /// <summary>What the frame source draws from (e.g. "sha256:..." of a model checkpoint) as the components' registry says for its name, for episode records; null when the code alone decides its frames.</summary>
    public string? FrameSourceDigest => _components.FrameSources.Digest(_frames.Name);

    /// <inheritdoc/>
    /// <remarks>Options: see <see cref="ResetOptions"/>. Everything that can be refused (a bad seed or option, a
    /// start or goal that does not fit the world, a preloaded memory of another world, no start that reaches the
    /// goal) is found before anything changes: after a refused reset the environment is exactly as it was.</remarks>
    public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => BeginReset(seed, options).Complete();

    /// <summary><see cref="Reset"/> up to drawing the first frame, which the returned stage draws and finishes.</summary>
    StagedObservation<ResetResult> IStagedEnvironment.BeginReset(long? seed, IReadOnlyDictionary<string, object>? options) => BeginReset(seed, options);

    private StagedObservation<ResetResult> BeginReset(long? seed, IReadOnlyDictionary<string, object>? options)
    {
        ThrowIfClosed();
        if (seed is < 0) throw new ArgumentOutOfRangeException(nameof(seed), seed, "Seeds must be non-negative.");
        Scenario scenario = ResetOptions.Parse(options).ApplyTo(Scenario);
        // The streams are advanced on a copy, kept only once the reset is sure to succeed.
        Rng streams = seed is { } s ? new Rng((ulong)s) : _streams is { } current ? new Rng(current.State) : new Rng((ulong)Scenario.Seed);
        long episodeSeed = seed ?? (_started ? streams.NextLong(long.MaxValue) : Scenario.Seed);
        scenario = scenario.InPooledWorld(episodeSeed);
        World world = WorldCache.Get(scenario.World);
        if (_preload is not null) ThrowIfOtherWorld(_preload, world.Seed);
        FloorPose start = scenario.Start ?? DrawStart(scenario, Rng.Derive((ulong)episodeSeed, "start"));
        BodyState body = _actions.Place(start, scenario.Camera);
        IReadOnlyList<MemorySeed> startViews = StartViews(scenario, body.Camera);
        // Start images are the episode's only source; a capture would add ground truth to a world drawn from pictures.
        IReadOnlyList<Pose> capture = startViews.Count > 0 ? [] : CapturePoses(scenario, world);
        object taskBefore = _task.Capture();
        try
        {
            _task.Reset(new TaskContext(world, scenario, _actions.HasStop, Rng.Derive((ulong)episodeSeed, "task")), body.Camera);
        }
        catch
        {
            _task.Restore(taskBefore);
            throw;
        }

        (_streams, EpisodeSeed, _started, World) = (streams, episodeSeed, true, world);
        (_pose, _yaw, StepCount, _collisions, _episodeOver) = (body.Camera, body.Heading, 0, 0, false);
        _episode = new FrameEpisode(World, (ulong)EpisodeSeed) { StartViews = startViews, CapturePoses = capture };
        Memory?.Clear();
        ApplyPreloadedMemory(); // RtfmEnvironment.Preload.cs
        // The start images, or else the views the source starts the episode from (e.g. ground-truth views around the start), go in before the first frame.
        _pipeline.Seed(Memory, _episode, _pose, _camera);
        return Stage(view => new ResetResult(Accept(view), BuildInfo(collided: false)));
    }

    /// <inheritdoc/>
    public StepResult Step(object action) => BeginStep(action).Complete();

    /// <summary><see cref="Step"/> up to drawing the frame, which the returned stage draws and finishes.</summary>
    StagedObservation<StepResult> IStagedEnvironment.BeginStep(object action) => BeginStep(action);

    /// <summary>The pipeline that draws this environment's frames.</summary>
    ObservationPipeline IStagedEnvironment.Pipeline => _pipeline;

    private StagedObservation<StepResult> BeginStep(object action)
    {
        ThrowIfClosed();
        if (!_started) throw new EnvironmentStateException("Step was called before Reset; call Reset(seed) first.");
        if (_episodeOver) throw new EnvironmentStateException("The episode is over (terminated or truncated); call Reset before stepping again.");
        BodyMotion motion = _actions.Interpret(action); // throws before anything changes

        (BodyState body, MoveResult move) = _actions.Move(World, new BodyState(_pose, _yaw), motion, Scenario.AgentRadius, Scenario.Camera);
        (_pose, _yaw) = (body.Camera, body.Heading);
        if (move.Collided) _collisions++;
        StepCount++;
        TaskStep t = _task.Step(_pose, move, motion.Stop);
        bool truncated = !t.Terminated && StepCount >= Scenario.MaxSteps;
        _episodeOver = t.Terminated || truncated;
        return Stage(view => new StepResult(Accept(view), t.Reward, t.Terminated, truncated, BuildInfo(move.Collided)));
    }

    /// <summary>
    /// Captures the environment's whole state (see <see cref="EnvironmentSnapshot"/>), so that
    /// <see cref="Restore"/> followed by the same actions gives bit-identical observations,
    /// rewards and infos. The frame source is not captured: every request carries its episode (world
    /// and seed) and its context, which is all a source's frames may depend on.
    /// </summary>
    public EnvironmentSnapshot Snapshot()
    {
        ThrowIfClosed();
        return new EnvironmentSnapshot(Scenario, World, _task.GetType(), _task.Capture())
        {
            Pose = _pose,
            Yaw = _yaw,
            StepCount = StepCount,
            Collisions = _collisions,
            Started = _started,
            EpisodeOver = _episodeOver,
            EpisodeSeed = EpisodeSeed,
            Streams = _streams?.State,
            Memory = Memory?.Clone(),
            Retrieved = _retrieved,
            LastFrame = LastFrame,
            Episode = _episode,
        };
    }

    /// <summary>Puts back the state captured by <see cref="Snapshot"/> (of this or another environment of an equal scenario).</summary>
    /// <exception cref="RtfmGymException">The snapshot is of another scenario or another task type, or one of the two environments has a memory and the other none.</exception>
    public void Restore(EnvironmentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ThrowIfClosed();
        if (!SameScenario(snapshot.Scenario, Scenario))
            throw new RtfmGymException($"The snapshot is of scenario '{snapshot.Scenario.Name}' ({snapshot.Scenario.Source}); this environment runs '{Scenario.Name}' ({Scenario.Source}) with other settings, so it cannot restore it.");
        if ((snapshot.Memory is null) != (Memory is null))
            throw new RtfmGymException(Memory is null
                ? "The snapshot holds a spatial memory but this environment has none; create it with a SpatialMemory."
                : "The snapshot has no spatial memory but this environment has one; create it without a memory.");
        if (snapshot.TaskType != _task.GetType())
            throw new RtfmGymException($"The snapshot's task is {snapshot.TaskType.Name}, but this environment's is {_task.GetType().Name}; make both environments with the same task registry.");
        if (Memory is not null && snapshot.Memory!.Options != Memory.Options)
            throw new RtfmGymException($"The snapshot's memory options ({snapshot.Memory.Options}) differ from this environment's ({Memory.Options}).");

        World = snapshot.World;
        (_pose, _yaw, StepCount, _collisions) = (snapshot.Pose, snapshot.Yaw, snapshot.StepCount, snapshot.Collisions);
        (_started, _episodeOver, EpisodeSeed) = (snapshot.Started, snapshot.EpisodeOver, snapshot.EpisodeSeed);
        _streams = snapshot.Streams is { } st ? new Rng(st) : null;
        _task.Restore(snapshot.TaskState);
        Memory?.CopyFrom(snapshot.Memory!);
        _retrieved = snapshot.Retrieved;
        LastFrame = snapshot.LastFrame;
        _episode = _started ? snapshot.Episode ?? new FrameEpisode(World, (ulong)EpisodeSeed) : null;
    }

    /// <summary>The latest frame's RGB as uint8 [H, W, 3] (Gymnasium's rgb_array render), or null before the first reset.</summary>
    public NDArray? Render() => LastFrame is { } f ? NDArray.From<byte>(f.Rgb, f.Height, f.Width, 3) : null;

    /// <inheritdoc/>
    public void Close()
    {
        if (_closed) return;
        _closed = true;
        if (_ownsFrames) _frames.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    /// <summary>Whether two scenarios describe the same environment (the same parsed text, or equal settings field by field).</summary>
    private static bool SameScenario(Scenario a, Scenario b) =>
        ReferenceEquals(a, b) ||
        (a.Name == b.Name && a.Text == b.Text && a.World == b.World && a.Frames == b.Frames && a.Camera == b.Camera
         && a.Observations.SequenceEqual(b.Observations) && a.Action == b.Action && a.AgentRadius == b.AgentRadius
         && a.Task == b.Task && a.Start == b.Start && a.MaxSteps == b.MaxSteps && a.Seed == b.Seed);

    private static FloorPose DrawStart(Scenario s, Rng rng)
    {
        World w = WorldCache.Get(s.World);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (!w.Navigation.TrySampleFree(rng, s.AgentRadius, out Vector2 p))
                throw new RtfmGymException($"World seed {s.World.Seed} has no free floor for an agent of radius {s.AgentRadius} m.");
            float yaw = (float)rng.Uniform(-Math.PI, Math.PI);
            if (s.Task.Kind != TaskKind.PointNav || s.Task.Goal is not { } g || w.Navigation.IsReachable(p, g, s.AgentRadius))
                return new FloorPose(p, yaw);
        }
        throw new RtfmGymException($"No start in world seed {s.World.Seed} reaches the goal; check task.goal.");
    }

    /// <summary>The view of the current pose and step, drawn through the pipeline, and what to make of it.</summary>
    private StagedObservation<T> Stage<T>(Func<ObservedView, T> finish) =>
        new(_pipeline, new ObservationRequest(new FrameRequest(_pose, _camera, _channels, StepCount), _episode!, Memory), view => finish(view!));

    /// <summary>Takes the drawn view as the latest frame and builds the observation from it.</summary>
    private object Accept(ObservedView view)
    {
        LastRenderTime = view.DrawTime;
        _retrieved = view.Retrieved;
        LastFrame = view.Frame;
        return ObservationOf(view.Frame);
    }


    /// <summary>The observation of <paramref name="frame"/>, drawn from the current pose: what the sensors write.</summary>
    private Dictionary<string, object> ObservationOf(Frame frame) => _sensors.Observe(new ObservationContext(frame, _pose, _task, _frames.Name));

    private Dictionary<string, object?> BuildInfo(bool collided)
    {
        float[] p = _pose.ToArray();
        var info = new Dictionary<string, object?>();
        InfoKeys.Pose.Write(info, p.Select(x => (double)x).ToArray());
        InfoKeys.Collided.Write(info, collided);
        InfoKeys.Collisions.Write(info, _collisions);
        InfoKeys.Step.Write(info, StepCount);
        InfoKeys.EpisodeSeed.Write(info, EpisodeSeed);
        InfoKeys.WorldSeed.Write(info, (long)World.Seed);
        InfoKeys.FrameSource.Write(info, _frames.Name);
        _task.WriteInfo(info, _episodeOver);
        if (Memory is not null)
        {
            InfoKeys.MemorySize.Write(info, Memory.Count);
            if (_retrieved is { } r)
            {
                InfoKeys.MemoryRetrieved.Write(info, r.Select(s => s.Entry.Id).ToArray());
                InfoKeys.MemoryScores.Write(info, r.Select(s => s.Score).ToArray());
            }
        }
        return info;
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new EnvironmentStateException("The environment is closed; create a new one.");
    }
}
