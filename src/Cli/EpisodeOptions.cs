using System.CommandLine;
using RtfmGym.Agents;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli;

/// <summary>
/// The options that pick the fixed episodes a policy is evaluated on, shared by <c>agent eval</c> and <c>fidelity</c>:
/// <c>--suite</c> (alias <c>--scenario</c>), <c>--episodes</c> and <c>--seed</c> (see <see cref="EvaluationEpisodes"/>).
/// </summary>
internal sealed class EpisodeOptions
{
    /// <summary>The suite <c>agent eval</c> evaluates on when none is named.</summary>
    public const string DefaultSuite = "pointnav-suite";

    private readonly Option<string> _suite;
    private readonly Option<int?> _episodes;
    private readonly int? _defaultEpisodes;

    /// <param name="defaultSuite">The suite or scenario when <c>--suite</c> is left out.</param>
    /// <param name="defaultEpisodes">The episode count when <c>--episodes</c> is left out; null for a suite's all, or
    /// <see cref="EvaluationEpisodes.DefaultCount"/> held-out worlds of a scenario.</param>
    public EpisodeOptions(string defaultSuite = DefaultSuite, int? defaultEpisodes = null)
    {
        _defaultEpisodes = defaultEpisodes;
        _suite = new("--suite", "--scenario")
        {
            Description = "Suite (its own episodes) or single scenario (held-out worlds of its kind), file or shipped name.",
            DefaultValueFactory = _ => defaultSuite,
        };
        _episodes = new("--episodes")
        {
            Description = defaultEpisodes is { } n
                ? $"Episodes: a suite's first N, or N held-out worlds of a scenario (default {n})."
                : $"Episodes: a suite's first N (default all), or N held-out worlds of a scenario (default {EvaluationEpisodes.DefaultCount}).",
        };
    }

    private readonly Option<long?> _seed = new("--seed")
    {
        Description = $"First held-out world seed of a single scenario (its own world is skipped). Default {EvaluationEpisodes.DefaultFirstWorldSeed}.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_suite);
        command.Options.Add(_episodes);
        command.Options.Add(_seed);
    }

    /// <summary>The episodes the parsed options name.</summary>
    /// <exception cref="Env.RtfmGymException">The scenario does not exist, or the options do not fit it.</exception>
    public Scenario Select(ParseResult parsed) =>
        EvaluationEpisodes.Select(ScenarioResolver.Load(parsed.GetValue(_suite)!), parsed.GetValue(_episodes) ?? _defaultEpisodes, parsed.GetValue(_seed));
}
