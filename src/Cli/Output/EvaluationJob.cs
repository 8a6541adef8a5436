using RtfmGym.Agents;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli.Output;

/// <summary>One evaluation for <see cref="AgentEvaluations.Run"/>: an agent on a suite with a frame source.</summary>
/// <param name="Label">What the progress bar calls it.</param>
/// <param name="Suite">The episodes (see <see cref="EvaluationEpisodes"/>).</param>
/// <param name="Agent">An agent name for <see cref="AgentFactory.Create"/>.</param>
/// <param name="Frames">Frame source overriding the suite's, or null.</param>
/// <param name="Episodes">Episodes to run: the suite's first ones, or seeds Seed, Seed+1, ... of a single scenario (<see cref="Scenario.Expand"/>).</param>
internal sealed record EvaluationJob(string Label, Scenario Suite, string Agent, string? Frames, int Episodes);
