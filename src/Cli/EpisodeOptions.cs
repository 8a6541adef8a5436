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
    /// <summary>The suite evaluated on when none is named.</summary>
    public const string DefaultSuite = "pointnav-suite";

    private readonly Option<string> _suite = new("--suite", "--scenario")
    {
        Description = "Suite (its own episodes) or single scenario (held-out worlds of its kind), file or shipped name.",
        DefaultValueFactory = _ => DefaultSuite,
    };

    private readonly Option<int?> _episodes = new("--episodes")
    {
        Description = $"Episodes: a suite's first N (default all), or N held-out worlds of a scenario (default {EvaluationEpisodes.DefaultCount}).",
    };

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
        EvaluationEpisodes.Select(ScenarioResolver.Load(parsed.GetValue(_suite)!), parsed.GetValue(_episodes), parsed.GetValue(_seed));
}
