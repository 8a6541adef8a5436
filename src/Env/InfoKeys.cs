namespace RtfmGym.Env;

/// <summary>
/// The keys of the info dictionary that <see cref="RtfmEnvironment"/> and its tasks write, each
/// with its value's type. Units: metres, radians; poses are x, y, z, qx, qy, qz, qw of the camera.
/// </summary>
public static class InfoKeys
{
    /// <summary>The camera pose after the step (double[7]: x, y, z, qx, qy, qz, qw), every step.</summary>
    public static readonly InfoKey<double[]> Pose = new("pose");

    /// <summary>Whether the step's motion was blocked by geometry (false at reset), every step.</summary>
    public static readonly InfoKey<bool> Collided = new("collided");

    /// <summary>Blocked steps so far in the episode, every step.</summary>
    public static readonly InfoKey<int> Collisions = new("collisions");

    /// <summary>Steps taken in the episode (0 at reset), every step.</summary>
    public static readonly InfoKey<int> Step = new("step");

    /// <summary>The episode's seed, every step.</summary>
    public static readonly InfoKey<long> EpisodeSeed = new("episode_seed");

    /// <summary>The world's seed, every step.</summary>
    public static readonly InfoKey<long> WorldSeed = new("world_seed");

    /// <summary>The frame source's name, every step.</summary>
    public static readonly InfoKey<string> FrameSource = new("frame_source");

    /// <summary>Entries in the spatial memory, when the environment keeps one.</summary>
    public static readonly InfoKey<int> MemorySize = new("memory_size");

    /// <summary>Ids of the memory entries retrieved for the frame, best first, when any were.</summary>
    public static readonly InfoKey<long[]> MemoryRetrieved = new("memory_retrieved");

    /// <summary>The retrieval scores of <see cref="MemoryRetrieved"/>, in the same order.</summary>
    public static readonly InfoKey<double[]> MemoryScores = new("memory_scores");

    /// <summary>PointNav: geodesic distance to the goal, metres, every step.</summary>
    public static readonly InfoKey<double> DistanceToGoal = new("distance_to_goal");

    /// <summary>PointNav: the goal (x, z), metres, every step.</summary>
    public static readonly InfoKey<double[]> Goal = new("goal");

    /// <summary>PointNav: metres travelled so far, every step.</summary>
    public static readonly InfoKey<double> PathLength = new("path_length");

    /// <summary>PointNav: whether the episode succeeded, at its end.</summary>
    public static readonly InfoKey<bool> Success = new("success");

    /// <summary>PointNav: success weighted by path length, at the episode's end.</summary>
    public static readonly InfoKey<double> Spl = new("spl");

    /// <summary>PointNav: soft SPL (progress weighted by path length), at the episode's end.</summary>
    public static readonly InfoKey<double> SoftSpl = new("soft_spl");

    /// <summary>PointNav: geodesic distance from the start to the goal, metres, at the episode's end.</summary>
    public static readonly InfoKey<double> StartDistance = new("start_distance");

    /// <summary>Explore: fraction of the world's floor seen so far, 0 to 1, every step.</summary>
    public static readonly InfoKey<double> Coverage = new("coverage");

    /// <summary>Explore: floor seen so far, square metres, every step.</summary>
    public static readonly InfoKey<double> SeenArea = new("seen_area");
}
