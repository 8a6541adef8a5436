using System.Collections;
using System.Globalization;
using System.Numerics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

/// <summary>
/// The reset options of <see cref="RtfmEnvironment"/>, read and checked in full before a reset
/// changes anything, so a refused reset leaves the environment exactly as it was:
/// <list type="bullet">
/// <item>"world_seed": an integer ≥ 0, the seed of the world's layout.</item>
/// <item>"start": [x, z, yaw]: metres, metres, radians; a free point of the world.</item>
/// <item>"goal": [x, z], metres; on the floor, reachable from a given start; PointNav only.</item>
/// </list>
/// Numbers are integers or floats (lists or 1-D arrays for start and goal) and must be finite.
/// Every refusal is an <see cref="ArgumentException"/> naming the option and what it accepts.
/// </summary>
public sealed record ResetOptions
{
    /// <summary>The option keys.</summary>
    public const string WorldSeedKey = "world_seed", StartKey = "start", GoalKey = "goal";

    private const string Accepted = "options are world_seed (integer >= 0), start ([x, z, yaw_radians]) and goal ([x, z], PointNav)";

    /// <summary>The world's layout seed; null keeps the scenario's.</summary>
    public ulong? WorldSeed { get; init; }

    /// <summary>The start pose; null keeps the scenario's (or draws one from the episode seed).</summary>
    public FloorPose? Start { get; init; }

    /// <summary>The goal (x, z), metres; null keeps the scenario's (or draws one).</summary>
    public Vector2? Goal { get; init; }

    /// <summary>Reads <paramref name="options"/> (null: none); checks types and ranges, not the world.</summary>
    /// <exception cref="ArgumentException">An unknown key, or a value of the wrong type, length or range.</exception>
    public static ResetOptions Parse(IReadOnlyDictionary<string, object>? options)
    {
        var parsed = new ResetOptions();
        if (options is null) return parsed;
        foreach (var (key, value) in options)
        {
            parsed = key switch
            {
                WorldSeedKey => parsed with { WorldSeed = ReadWorldSeed(value) },
                StartKey => parsed with { Start = ReadStart(value) },
                GoalKey => parsed with { Goal = ReadGoal(value) },
                _ => throw new ArgumentException($"Reset option '{key}' is not understood; {Accepted}."),
            };
        }
        return parsed;
    }

    /// <summary>
    /// <paramref name="scenario"/> with these options applied, after checking them against the world they
    /// select: the start free, the goal on the floor and reachable from a given start.
    /// </summary>
    /// <exception cref="ArgumentException">The start or goal does not fit the world, or a goal is given for a task other than PointNav.</exception>
    public Scenario ApplyTo(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (WorldSeed is null && Start is null && Goal is null) return scenario;
        if (Goal is not null && scenario.Task.Kind != TaskKind.PointNav)
            throw new ArgumentException($"Reset option goal applies to PointNav; this scenario's task is {scenario.Task.Kind}.");
        if (WorldSeed is null && scenario.WorldPool > 1)
            throw new ArgumentException($"Reset options start and goal fit one world, and this scenario draws its world from a pool of {scenario.WorldPool}; give world_seed with them.");
        Scenario s = scenario.InWorld(WorldSeed) with
        {
            Start = Start ?? scenario.Start,
            Task = Goal is { } g ? scenario.Task with { Goal = g } : scenario.Task,
        };
        World world = WorldCache.Get(s.World);
        // The scenario's own start and goal were checked in its own world; a new world or start checks them again.
        if (s.Start is { } start && EpisodePlacement.StartProblem(world, start, s.AgentRadius) is { } startProblem)
            throw new ArgumentException($"Reset option {(Start is null ? "world_seed: the scenario's start" : "start")} {startProblem}");
        if (s.Task.Kind == TaskKind.PointNav && s.Task.Goal is { } goal && EpisodePlacement.GoalProblem(world, goal, s.Start, s.AgentRadius) is { } goalProblem)
            throw new ArgumentException($"Reset option {(Goal is null ? "world_seed or start: the scenario's goal" : "goal")} {goalProblem}");
        return s;
    }

    private static ulong ReadWorldSeed(object? value) =>
        value is not bool && DiscreteSpace.TryAsLong(value, out long seed) && seed >= 0
            ? (ulong)seed
            : throw new ArgumentException($"Reset option world_seed = {Space.Format(value)} must be an integer >= 0.");

    private static FloorPose ReadStart(object? value)
    {
        double[] v = ReadNumbers(value, 3, StartKey, "[x, z, yaw_radians]");
        return new FloorPose(new Vector2((float)v[0], (float)v[1]), (float)v[2]);
    }

    private static Vector2 ReadGoal(object? value)
    {
        double[] v = ReadNumbers(value, 2, GoalKey, "[x, z]");
        return new Vector2((float)v[0], (float)v[1]);
    }

    /// <summary>Exactly <paramref name="count"/> finite numbers (that stay finite as float32) from a list or a 1-D array.</summary>
    private static double[] ReadNumbers(object? value, int count, string key, string form)
    {
        double[]? numbers = BoxSpace.AsArray(value) is { Shape.Count: 1 } array ? array.ToDoubleArray()
            : value is IEnumerable list and not string and not IDictionary ? ToDoubles(list)
            : null;
        if (numbers is null || numbers.Length != count)
            throw new ArgumentException($"Reset option {key} = {Space.Format(value)} must be {count} numbers {form}.");
        for (int i = 0; i < count; i++)
        {
            if (!float.IsFinite((float)numbers[i]))
                throw new ArgumentException($"Reset option {key} = {Space.Format(value)}: element {i} is not a finite number.");
        }
        return numbers;
    }

    private static double[]? ToDoubles(IEnumerable list)
    {
        var numbers = new List<double>();
        foreach (object? x in list)
        {
            switch (x)
            {
                case double d: numbers.Add(d); break;
                case float f: numbers.Add(f); break;
                case long or int or short or sbyte or byte or ushort or uint or ulong:
                    numbers.Add(Convert.ToDouble(x, CultureInfo.InvariantCulture)); break;
                default: return null;
            }
            if (numbers.Count > 16) return null; // far past any option's length: no need to read a hostile list to its end
        }
        return numbers.ToArray();
    }
}
