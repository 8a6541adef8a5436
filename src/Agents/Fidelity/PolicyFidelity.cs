namespace RtfmGym.Agents.Fidelity;

/// <summary>One policy evaluated on the same episodes in the ground-truth world and in the learned world (generated frames).</summary>
/// <param name="Policy">What the policy was named on the command line (a policy folder or an agent name).</param>
/// <param name="GroundTruth">Its figures with ground-truth frames.</param>
/// <param name="Learned">Its figures with the learned model's frames.</param>
public sealed record PolicyFidelity(string Policy, EvaluationReport GroundTruth, EvaluationReport Learned);
