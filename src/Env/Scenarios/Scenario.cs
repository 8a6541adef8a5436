using RtfmGym.Env.Actions;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Scenarios;

/// <summary>
/// A scenario: the world, camera, action kind, task, start, limits and seed of an episode (or
/// of a suite of episodes), optionally with a recorded action list and frame checksums for
/// replay. Loaded and validated by <see cref="ScenarioLoader"/>; the file format is in docs/scenarios.md.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name (a shipped scenario's file name without .yaml).</summary>
    public required string Name { get; init; }
    /// <summary>One line for people, shown by <c>rtfmgym scenarios</c>. Default empty.</summary>
    public string Description { get; init; } = "";

    /// <summary>The file it came from (or a source name for inline scenarios).</summary>
    public string Source { get; init; } = "<inline>";

    /// <summary>The YAML text it was parsed from, kept so records can embed it.</summary>
    public string Text { get; init; } = "";

    /// <summary>How the world is generated (seed, size, rooms, props, lights).</summary>
    public WorldOptions World { get; init; } = new();

    /// <summary>
    /// Worlds an episode draws from (<c>world.pool</c>): 1 (default) keeps every episode in <see cref="World"/>; N &gt; 1 gives each
    /// episode the world of seed <c>World.Seed + k</c>, k in [0, N) drawn from the episode seed, so a policy trains over N worlds and
    /// a replay finds its world again. An episode that names its own world (a suite episode, the <c>world_seed</c> reset option, a
    /// record) uses that one.
    /// </summary>
    public int WorldPool { get; init; } = 1;

    /// <summary>Frame source name: "ground-truth" (default), "constant", or one registered from above (the learned model).</summary>
    public string Frames { get; init; } = "ground-truth";

    /// <summary>The agent's camera: image size, field of view, height and pitch.</summary>
    public CameraSettings Camera { get; init; } = new();

    /// <summary>Observation keys: any of "rgb", "depth", "pose", "goal". Default just "rgb".</summary>
    public IReadOnlyList<string> Observations { get; init; } = ["rgb"];

    /// <summary>The action kind (discrete, continuous on the ground, or free 6-DoF flight) and its step sizes and limits.</summary>
    public ActionSettings Action { get; init; } = new();

    /// <summary>Body radius for collision, metres. Default 0.18.</summary>
    public float AgentRadius { get; init; } = 0.18f;

    /// <summary>The task (PointNav, Explore or Free), its goal and success rules.</summary>
    public TaskSettings Task { get; init; } = new();

    /// <summary>Start pose; null draws one from the episode seed.</summary>
    public FloorPose? Start { get; init; }

    /// <summary>
    /// Pictures every episode starts from (<c>start_images</c>): at reset they go into the spatial memory instead of the frame
    /// source's ground-truth seed views, and every frame is drawn from them. Empty (default) for none. The world's geometry
    /// (motion, collision, the task) still comes from <see cref="World"/>.
    /// </summary>
    public IReadOnlyList<StartImage> StartImages { get; init; } = [];

    /// <summary>
    /// A capture of the world (<c>capture</c>): ground-truth views on a grid over the free floor, put into the spatial memory at
    /// reset, so that a learned frame source reconstructs every frame from true views near it instead of generating from its own
    /// frames. Null (default) for none: the source starts from its seed views around the start alone.
    /// </summary>
    public CaptureSettings? Capture { get; init; }

    /// <summary>
    /// The camera poses of the <see cref="Capture"/> of <paramref name="world"/> (this scenario's world or a suite episode's), each
    /// placed as the agent's camera would be standing there; empty without a capture.
    /// </summary>
    public IReadOnlyList<Pose> CapturePoses(World world)
    {
        if (Capture is not { } capture) return [];
        ActionModel actions = ActionModel.Create(Action);
        return capture.Poses(world, AgentRadius).Select(p => actions.Place(p, Camera).Camera).ToArray();
    }

    /// <summary>Steps before the episode is truncated. Default 500.</summary>
    public int MaxSteps { get; init; } = 500;

    /// <summary>Seed of the first episode. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Suite episodes; empty for a single-episode scenario.</summary>
    public IReadOnlyList<ScenarioEpisode> Episodes { get; init; } = [];

    /// <summary>A recorded action list (for the replay agent); null when none.</summary>
    public IReadOnlyList<object>? RecordedActions { get; init; }

    /// <summary>Expected frame checksums, index 0 for the reset frame; null when none.</summary>
    public IReadOnlyList<string>? Checksums { get; init; }

    /// <summary>The scenario as it applies to one suite episode (world seed, start and goal overridden where given).</summary>
    public Scenario ForEpisode(ScenarioEpisode e) => InWorld(e.WorldSeed) with
    {
        Seed = e.Seed,
        Start = e.Start ?? Start,
        Task = e.Goal is { } g ? Task with { Goal = g } : Task,
        Episodes = [],
    };

    /// <summary>
    /// The scenario in the world of seed <paramref name="worldSeed"/>, which it then always uses (its pool is left); itself when
    /// null. How a suite episode, the <c>world_seed</c> reset option and a record name their own world.
    /// </summary>
    public Scenario InWorld(ulong? worldSeed) => worldSeed is { } ws ? this with { World = World with { Seed = ws }, WorldPool = 1 } : this;

    /// <summary>The scenario with the world the episode of <paramref name="episodeSeed"/> draws from its <see cref="WorldPool"/> (itself when the pool is 1).</summary>
    public Scenario InPooledWorld(long episodeSeed)
    {
        if (WorldPool <= 1) return this;
        ulong k = Randomness.Rng.Derive((ulong)episodeSeed, "world").NextUInt64() % (ulong)WorldPool;
        return InWorld(World.Seed + k);
    }

    /// <summary>True when the world of seed <paramref name="seed"/> is one an episode of this scenario can draw.</summary>
    public bool DrawsWorld(ulong seed) => seed >= World.Seed && seed - World.Seed < (ulong)WorldPool;

    /// <summary>The episodes to run: the suite's, or <paramref name="count"/> episodes with seeds Seed, Seed+1, ...</summary>
    public IReadOnlyList<Scenario> Expand(int count) =>
        Episodes.Count > 0
            ? Episodes.Take(count).Select(ForEpisode).ToArray()
            : Enumerable.Range(0, count).Select(i => this with { Seed = Seed + i }).ToArray();
}
