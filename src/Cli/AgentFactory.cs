using System.Globalization;
using System.Numerics;
using RtfmGym.Agents;
using RtfmGym.Agents.Learning;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli;

/// <summary>Agents by their command-line names.</summary>
public static class AgentFactory
{
    /// <summary>The prefix of a trained policy's name: "policy:" and its folder.</summary>
    public const string PolicyPrefix = "policy:";

    /// <summary>The prefix of a trained policy that sees black instead of its colour image: "policy-no-rgb:" and its folder.</summary>
    public const string NoColourPolicyPrefix = "policy-no-rgb:";

    /// <summary>The names <c>--agent</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["oracle", "random", "replay", "waypoints", "depth-reactive", "policy:DIR", "policy-no-rgb:DIR"];

    /// <summary>The built-in agents' names: <see cref="Names"/> without the trained-policy forms.</summary>
    public static IEnumerable<string> BuiltInNames => Names.Where(n => !n.EndsWith(":DIR", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="name"/> names a trained policy ("policy:DIR" or "policy-no-rgb:DIR").</summary>
    public static bool IsPolicy(string name) =>
        name.StartsWith(PolicyPrefix, StringComparison.Ordinal) || name.StartsWith(NoColourPolicyPrefix, StringComparison.Ordinal);

    /// <summary>Creates the agent named <paramref name="name"/> for <paramref name="scenario"/>.</summary>
    /// <param name="name">oracle (the best scripted agent for the scenario's task: <see cref="OracleAgent"/> for PointNav,
    /// <see cref="FrontierExplorationAgent"/> for Explore), random, replay (plays the scenario's record.actions), waypoints,
    /// or depth-reactive (<see cref="DepthReactiveAgent"/>: PointNav by compass and depth image, no map).</param>
    /// <param name="scenario">The scenario (replay reads its recorded actions).</param>
    /// <param name="seed">Seed for the random agent.</param>
    /// <param name="waypoints">For "waypoints": "x,z;x,z;..." in metres.</param>
    /// <remarks>"policy:DIR" loads the policy <c>rtfmgym agent train</c> saved in DIR (a <see cref="PolicyAgent"/>, which holds native memory: dispose it);
    /// "policy-no-rgb:DIR" loads it seeing black instead of its colour image.</remarks>
    public static IAgent Create(string name, Scenario scenario, ulong seed = 0, string? waypoints = null) => name switch
    {
        _ when name.StartsWith(PolicyPrefix, StringComparison.Ordinal) => PolicyAgent.Load(name[PolicyPrefix.Length..]),
        _ when name.StartsWith(NoColourPolicyPrefix, StringComparison.Ordinal) => PolicyAgent.Load(name[NoColourPolicyPrefix.Length..], blankColour: true),
        "oracle" => scenario.Task.Kind switch
        {
            TaskKind.PointNav => new OracleAgent(),
            TaskKind.Explore => new FrontierExplorationAgent(),
            _ => throw new RtfmGymException($"Scenario '{scenario.Name}' has task kind {scenario.Task.Kind}, which no scripted agent solves (it has no goal); pick --agent random, waypoints or replay."),
        },
        "random" => new RandomAgent(seed),
        "depth-reactive" => new DepthReactiveAgent(),
        "replay" => new ReplayAgent(scenario.RecordedActions ?? throw new RtfmGymException($"Scenario '{scenario.Name}' has no record.actions to replay; add them or pick another --agent.")),
        "waypoints" => new WaypointAgent(ParseWaypoints(waypoints ?? throw new RtfmGymException("--agent waypoints needs --waypoints \"x,z;x,z;...\" (metres)."))),
        _ => throw new RtfmGymException($"Unknown agent '{name}'; choose one of: {string.Join(", ", Names)}."),
    };

    /// <summary>
    /// The agent name for an entry that is either a trained policy's folder or an agent name: "policy:DIR" stays as
    /// it is, a built-in agent's name (oracle, random, ...) is kept, anything else is taken as a policy folder.
    /// The policy's description is read at once, so a wrong folder fails before a long evaluation starts.
    /// </summary>
    /// <exception cref="RtfmGymException">The folder does not exist or holds no readable policy.</exception>
    public static string PolicyOrAgent(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsPolicy(entry) && Names.Contains(entry)) return entry;
        string prefix = entry.StartsWith(NoColourPolicyPrefix, StringComparison.Ordinal) ? NoColourPolicyPrefix : PolicyPrefix;
        string dir = IsPolicy(entry) ? entry[prefix.Length..] : entry;
        if (!Directory.Exists(dir))
            throw new RtfmGymException($"Policy folder '{dir}' does not exist; name a folder `rtfmgym agent train --out` wrote, or an agent: {string.Join(", ", BuiltInNames)}.");
        PolicyCheckpoint.Read(dir);
        return prefix + dir;
    }

    /// <summary>The agent <c>run</c> and <c>eval</c> use when none is named: the oracle where one solves the task (PointNav, Explore), else random.</summary>
    public static string DefaultFor(Scenario scenario) => scenario.Task.Kind is TaskKind.PointNav or TaskKind.Explore ? "oracle" : "random";

    /// <summary>Parses "x,z;x,z" into points.</summary>
    public static IReadOnlyList<Vector2> ParseWaypoints(string text)
    {
        var list = new List<Vector2>();
        foreach (string part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] xy = part.Split(',', StringSplitOptions.TrimEntries);
            if (xy.Length != 2 || !float.TryParse(xy[0], CultureInfo.InvariantCulture, out float x) || !float.TryParse(xy[1], CultureInfo.InvariantCulture, out float z))
                throw new RtfmGymException($"Waypoint '{part}' is not 'x,z' in metres.");
            list.Add(new Vector2(x, z));
        }
        if (list.Count == 0) throw new RtfmGymException("--waypoints is empty.");
        return list;
    }
}
