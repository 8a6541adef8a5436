using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Agents;

/// <summary>
/// The fixed episodes a policy is evaluated on: a suite's own list, or, for a single scenario, held-out worlds
/// (worlds a policy trained in that scenario never saw) of the scenario's kind, so an evaluation is the same
/// every time it is run and never measures the world a policy was trained in.
/// </summary>
public static class EvaluationEpisodes
{
    /// <summary>Episodes drawn for a single scenario when no count is given.</summary>
    public const int DefaultCount = 24;

    /// <summary>The first held-out world seed when none is given.</summary>
    public const long DefaultFirstWorldSeed = 1000;

    /// <summary>
    /// A suite of <paramref name="count"/> episodes. A suite keeps its own episodes (the first
    /// <paramref name="count"/>, default all). A single scenario gets <paramref name="count"/> (default
    /// <see cref="DefaultCount"/>) episodes in worlds <paramref name="firstWorldSeed"/> (default
    /// <see cref="DefaultFirstWorldSeed"/>), +1, ..., skipping the scenario's own world (every world of its <see cref="Scenario.WorldPool"/>); each episode's seed
    /// (start and goal) is its world seed.
    /// </summary>
    /// <exception cref="RtfmGymException">A count below 1; a world seed given for a suite (it fixes its own episodes);
    /// a negative world seed; or a single scenario whose fixed start or goal belongs to its own world.</exception>
    public static Scenario Select(Scenario scenario, int? count = null, long? firstWorldSeed = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (count is < 1) throw new RtfmGymException($"--episodes must be at least 1, not {count}.");
        if (scenario.Episodes.Count > 0)
        {
            if (firstWorldSeed is not null)
                throw new RtfmGymException($"Suite '{scenario.Name}' fixes its own episodes; leave out --seed, or name a single scenario to draw held-out worlds from.");
            return scenario with { Episodes = scenario.Episodes.Take(count ?? scenario.Episodes.Count).ToArray() };
        }
        if (scenario.Start is not null || scenario.Task.Goal is not null)
            throw new RtfmGymException($"Scenario '{scenario.Name}' fixes its start or goal, which only fit its own world; evaluate on a suite, or on a scenario that draws start and goal.");
        long first = firstWorldSeed ?? DefaultFirstWorldSeed;
        if (first < 0) throw new RtfmGymException($"--seed must be at least 0, not {first}.");
        var episodes = new List<ScenarioEpisode>();
        for (long seed = first; episodes.Count < (count ?? DefaultCount); seed++)
            if (!scenario.DrawsWorld((ulong)seed)) episodes.Add(new ScenarioEpisode(seed, (ulong)seed, null, null, 0));
        return scenario with { Episodes = episodes };
    }
}
