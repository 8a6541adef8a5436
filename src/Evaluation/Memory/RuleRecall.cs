using RtfmGym.Env.Memory;

namespace RtfmGym.Evaluation.Memory;

/// <summary>One rule's figures in a <see cref="RetrievalAudit"/>.</summary>
/// <param name="Rule">The rule's name ("fov-coverage", ...).</param>
/// <param name="RecallAtK">Mean recall at each K audited, 0 to 1 (see <see cref="CovisibilityOracle.RecallAtK(IEnumerable{long}, IReadOnlyDictionary{long, double}, int)"/>).</param>
/// <param name="MeanRetrieved">Mean number of entries the rule returned when asked for the largest K (rules may return fewer).</param>
public sealed record RuleRecall(string Rule, IReadOnlyDictionary<int, double> RecallAtK, double MeanRetrieved);
