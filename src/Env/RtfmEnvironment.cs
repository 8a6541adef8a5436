using System.Numerics;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Tasks;
using RtfmGym.Env.Vector;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

/// <summary>
/// The RtfmGym environment: an agent with a camera in a generated indoor world. Each action
/// becomes a pose delta (see <see cref="ActionKind"/>), the body moves with collision, the
/// frame source draws the view from the new camera pose, and the task scores the step.
/// <para>Observation: a dict with "rgb" (uint8 [H, W, 3]) and, as the scenario asks, "depth"
/// (float32 [H, W, 1], metres along the view axis), "pose" (float32 [7]: x, y, z, qx, qy, qz, qw
/// of the camera) and "goal" (PointNav: float32 [2], distance in metres and bearing in
/// radians, + to the left).</para>
/// <para>Info, every step: "pose" (double[7]), "collided", "collisions", "step", "episode_seed",
/// "world_seed", "frame_source", plus the task's figures ("distance_to_goal", "success", "spl",
/// "soft_spl", "coverage", ...).</para>
/// <para>With a <see cref="Memory"/>, each observed frame is stored with its pose and step (the
/// memory is emptied at every reset, since the world may change), and info gains "memory_size"
/// and, when entries were retrieved for the frame, "memory_retrieved" (long[] ids, best first)
/// and "memory_scores" (double[]). A source that draws from context (<see cref="IFrameSource.DrawsFromContext"/>)
/// receives the retrieved entries; for others retrieval is informational only. Frames are drawn, and stored, by an
/// <see cref="ObservationPipeline"/>; a <see cref="Vector.VectorEnvironment"/> of environments sharing one source draws
/// all their frames of a step in one call.</para>
/// <para>Reset options: "world_seed" (integer), "start" ([x, z, yaw_radians]), "goal" ([x, z]); see <see cref="ResetOptions"/>.</para>
/// <para>Seeding: Reset(seed) restarts every stream from the seed: world layout comes from the
/// scenario's world seed, the start and goal from the episode seed. Reset() without a seed
/// takes the next episode seed from the environment's own stream, so an unseeded sequence of
/// resets is still reproducible from the first seed.</para>
/// </summary>
public sealed partial class RtfmEnvironment : IEnvironment, IStagedEnvironment
{
    private readonly IFrameSource _frames;
    private readonly ObservationPipeline _pipeline;
    private readonly bool _ownsFrames;
    private readonly ActionModel _actions;
    private readonly INavigationTask _task;
    private readonly DictSpace _observationSpace;
    private readonly CameraIntrinsics _camera;
    private readonly FrameChannels _channels;
    private Rng? _streams;
    private Pose _pose;
    private float _yaw;
    private bool _closed, _episodeOver, _started;
    private int _collisions;
    private IReadOnlyList<ScoredEntry>? _retrieved;
    private FrameEpisode? _episode;

    /// <summary>Creates an environment for <paramref name="scenario"/>. With no <paramref name="frames"/>, the scenario's frame source is created (and owned).
    /// With a <paramref name="memory"/>, observed frames are stored in it and retrieved from it (see the class remarks); null (default) keeps none,
    /// unless the source draws from context (<see cref="IFrameSource.DrawsFromContext"/>), which gets a default <see cref="SpatialMemory"/>.
    /// Several environments may share one source (a vector environment then draws their frames in one call).</summary>
    public RtfmEnvironment(Scenario scenario, IFrameSource? frames = null, SpatialMemory? memory = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        _ownsFrames = frames is null;
        _frames = frames ?? FrameSources.Create(scenario.Frames, scenario);
        _pipeline = new ObservationPipeline(_frames);
        _actions = ActionModel.Create(scenario.Action);
        _task = scenario.Task.Kind switch
        {
            TaskKind.PointNav => new PointNavTask(),
            TaskKind.Explore => new ExploreTask(),
            _ => new FreeTask(),
        };
        _camera = scenario.Camera.Intrinsics();
        _channels = FrameChannels.Rgb | (scenario.Observations.Contains("depth") ? FrameChannels.Depth : 0);
        _observationSpace = BuildObservationSpace();
        World = WorldCache.Get(scenario.World);
        // A source that draws from context (the learned model) is useless without a memory to retrieve it from.
        Memory = memory ?? (_frames.DrawsFromContext ? new SpatialMemory() : null);
    }

    public Scenario Scenario { get; }

    /// <summary>The spatial memory of posed frames, or null when the environment keeps none.</summary>
    public SpatialMemory? Memory { get; }

    public Space ObservationSpace => _observationSpace;

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
        World world = WorldCache.Get(scenario.World);
        if (_preload is not null) ThrowIfOtherWorld(_preload, world.Seed);
        StartPose start = scenario.Start ?? DrawStart(scenario, Rng.Derive((ulong)episodeSeed, "start"));
        Pose pose = _actions.Settings.Kind == ActionKind.Free6Dof
            ? Pose.FromYawPitchRoll(start.Position.X, start.Altitude ?? scenario.Camera.MountHeight, start.Position.Y, start.Yaw)
            : CameraPose(start.Position, start.Yaw, scenario.Camera);
        var task = (ISnapshotTask)_task;
        object taskBefore = task.Capture();
        try
        {
            _task.Reset(new TaskContext(world, scenario, _actions.HasStop, Rng.Derive((ulong)episodeSeed, "task")), pose);
        }
        catch
        {
            task.Restore(taskBefore);
            throw;
        }

        (_streams, EpisodeSeed, _started, World) = (streams, episodeSeed, true, world);
        (_yaw, _pose, StepCount, _collisions, _episodeOver) = (start.Yaw, pose, 0, 0, false);
        _episode = new FrameEpisode(World, (ulong)EpisodeSeed);
        Memory?.Clear();
        ApplyPreloadedMemory(); // RtfmEnvironment.Preload.cs
        // Views the source starts the episode from (e.g. ground-truth views around the start) go in before the first frame.
        _pipeline.Seed(Memory, _episode, _pose, _camera);
        return Stage(view => new ResetResult(Accept(view), BuildInfo(collided: false)));
    }

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

        MoveResult move;
        if (_actions.Settings.Kind == ActionKind.Free6Dof)
        {
            move = Kinematics.MoveFree(World, _pose, motion, Scenario.AgentRadius);
        }
        else
        {
            move = Kinematics.MoveGround(World, _pose.Position, _yaw, motion, Scenario.AgentRadius, out float yaw);
            _yaw = yaw;
            move = move with { Pose = CameraPose(new Vector2(move.Pose.Position.X, move.Pose.Position.Z), _yaw, Scenario.Camera) };
        }
        _pose = move.Pose;
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
        return new EnvironmentSnapshot(Scenario, World, ((ISnapshotTask)_task).Capture())
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
        };
    }

    /// <summary>Puts back the state captured by <see cref="Snapshot"/> (of this or another environment of an equal scenario).</summary>
    /// <exception cref="RtfmGymException">The snapshot is of another scenario, or one of the two environments has a memory and the other none.</exception>
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
        if (Memory is not null && snapshot.Memory!.Options != Memory.Options)
            throw new RtfmGymException($"The snapshot's memory options ({snapshot.Memory.Options}) differ from this environment's ({Memory.Options}).");

        World = snapshot.World;
        (_pose, _yaw, StepCount, _collisions) = (snapshot.Pose, snapshot.Yaw, snapshot.StepCount, snapshot.Collisions);
        (_started, _episodeOver, EpisodeSeed) = (snapshot.Started, snapshot.EpisodeOver, snapshot.EpisodeSeed);
        _streams = snapshot.Streams is { } st ? new Rng(st) : null;
        ((ISnapshotTask)_task).Restore(snapshot.TaskState);
        Memory?.CopyFrom(snapshot.Memory!);
        _retrieved = snapshot.Retrieved;
        LastFrame = snapshot.LastFrame;
        _episode = _started ? new FrameEpisode(World, (ulong)EpisodeSeed) : null;
    }

    /// <summary>The latest frame's RGB as uint8 [H, W, 3] (Gymnasium's rgb_array render), or null before the first reset.</summary>
    public NDArray? Render() => LastFrame is { } f ? NDArray.From<byte>(f.Rgb, f.Height, f.Width, 3) : null;

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        if (_ownsFrames) _frames.Dispose();
    }

    public void Dispose() => Close();

    /// <summary>The camera pose of a ground robot standing at <paramref name="xz"/> with heading <paramref name="yaw"/>.</summary>
    public static Pose CameraPose(Vector2 xz, float yaw, CameraSettings camera) =>
        Pose.FromYawPitchRoll(xz.X, camera.MountHeight, xz.Y, yaw, camera.Pitch);

    /// <summary>Whether two scenarios describe the same environment (the same parsed text, or equal settings field by field).</summary>
    private static bool SameScenario(Scenario a, Scenario b) =>
        ReferenceEquals(a, b) ||
        (a.Name == b.Name && a.Text == b.Text && a.World == b.World && a.Frames == b.Frames && a.Camera == b.Camera
         && a.Observations.SequenceEqual(b.Observations) && a.Action == b.Action && a.AgentRadius == b.AgentRadius
         && a.Task == b.Task && a.Start == b.Start && a.MaxSteps == b.MaxSteps && a.Seed == b.Seed);

    private static StartPose DrawStart(Scenario s, Rng rng)
    {
        World w = WorldCache.Get(s.World);
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (!w.Navigation.TrySampleFree(rng, s.AgentRadius, out Vector2 p))
                throw new RtfmGymException($"World seed {s.World.Seed} has no free floor for an agent of radius {s.AgentRadius} m.");
            float yaw = (float)rng.Uniform(-Math.PI, Math.PI);
            if (s.Task.Kind != TaskKind.PointNav || s.Task.Goal is not { } g || w.Navigation.IsReachable(p, g, s.AgentRadius))
                return new StartPose(p, yaw);
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
        return BuildObservation(view.Frame);
    }

    private Dictionary<string, object> BuildObservation(Frame frame)
    {
        var obs = new Dictionary<string, object>(4)
        {
            ["rgb"] = new NDArray(DType.UInt8, [_camera.Height, _camera.Width, 3], frame.Rgb),
        };
        foreach (string key in Scenario.Observations)
        {
            switch (key)
            {
                case "depth":
                    obs["depth"] = NDArray.From<float>(frame.Depth ?? throw new RtfmGymException($"Frame source '{_frames.Name}' gave no depth."), _camera.Height, _camera.Width, 1);
                    break;
                case "pose":
                    obs["pose"] = NDArray.From<float>(_pose.ToArray(), 7);
                    break;
                case "goal" when _task.GoalObservation(_pose) is { } g:
                    obs["goal"] = g;
                    break;
            }
        }
        return obs;
    }

    private Dictionary<string, object?> BuildInfo(bool collided)
    {
        float[] p = _pose.ToArray();
        var info = new Dictionary<string, object?>
        {
            ["pose"] = p.Select(x => (double)x).ToArray(),
            ["collided"] = collided,
            ["collisions"] = _collisions,
            ["step"] = StepCount,
            ["episode_seed"] = EpisodeSeed,
            ["world_seed"] = (long)World.Seed,
            ["frame_source"] = _frames.Name,
        };
        _task.WriteInfo(info, _episodeOver);
        if (Memory is not null)
        {
            info["memory_size"] = Memory.Count;
            if (_retrieved is { } r)
            {
                info["memory_retrieved"] = r.Select(s => s.Entry.Id).ToArray();
                info["memory_scores"] = r.Select(s => s.Score).ToArray();
            }
        }
        return info;
    }

    private DictSpace BuildObservationSpace()
    {
        int w = Scenario.Camera.Width, h = Scenario.Camera.Height;
        var spaces = new List<KeyValuePair<string, Space>> { new("rgb", new BoxSpace(0, 255, [h, w, 3], DType.UInt8)) };
        foreach (string key in Scenario.Observations)
        {
            switch (key)
            {
                case "depth": spaces.Add(new("depth", new BoxSpace(0, double.PositiveInfinity, [h, w, 1], DType.Float32))); break;
                case "pose": spaces.Add(new("pose", new BoxSpace(double.NegativeInfinity, double.PositiveInfinity, [7], DType.Float32))); break;
                case "goal" when _task.GoalSpace is { } g: spaces.Add(new("goal", g)); break;
            }
        }
        return new DictSpace(spaces);
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new EnvironmentStateException("The environment is closed; create a new one.");
    }
}
