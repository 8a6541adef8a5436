using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

/// <summary>
/// The whole state of an <see cref="RtfmEnvironment"/> at one moment, from
/// <see cref="RtfmEnvironment.Snapshot"/>: pose and heading, step and collision counts, episode
/// flags and seed, the environment's random stream, the task's state, the memory's contents and
/// the last frame. Immutable: restoring it any number of times gives the same continuation.
/// It lives in memory only; it is not a file format.
/// </summary>
public sealed class EnvironmentSnapshot
{
    internal EnvironmentSnapshot(Scenario scenario, World world, Type taskType, object taskState) =>
        (Scenario, World, TaskType, TaskState) = (scenario, world, taskType, taskState);

    /// <summary>The scenario of the environment it was taken from; only an environment of an equal scenario accepts it.</summary>
    public Scenario Scenario { get; }

    /// <summary>The camera pose (metres, world frame).</summary>
    public Pose Pose { get; internal init; }

    /// <summary>Steps taken in the episode.</summary>
    public int StepCount { get; internal init; }

    /// <summary>The episode's seed.</summary>
    public long EpisodeSeed { get; internal init; }

    /// <summary>True when the episode had ended (terminated or truncated) and awaited a reset.</summary>
    public bool EpisodeOver { get; internal init; }

    /// <summary>The frame last observed, or null before the first reset.</summary>
    public Frame? LastFrame { get; internal init; }

    internal World World { get; }
    internal float Yaw { get; init; }
    internal int Collisions { get; init; }
    internal bool Started { get; init; }

    internal RngState? Streams { get; init; }
    internal Type TaskType { get; }
    internal object TaskState { get; }
    internal SpatialMemory? Memory { get; init; }
    internal IReadOnlyList<ScoredEntry>? Retrieved { get; init; }

    /// <summary>The episode the frames were drawn for (its start views included), or null before the first reset.</summary>
    internal FrameEpisode? Episode { get; init; }
}
