namespace RtfmGym.Agents.Learning;

/// <summary>Where a PPO run stands after one rollout and its update.</summary>
/// <param name="Rollout">Rollouts done (1-based).</param>
/// <param name="Steps">Environment transitions so far (over all environments).</param>
/// <param name="TotalSteps">Transitions the run trains for.</param>
/// <param name="StepsPerSecond">Transitions per second of wall-clock time, collection and update together, over the latest rollout.</param>
/// <param name="Episodes">Episodes finished in the latest rollout.</param>
/// <param name="MeanReturn">Mean undiscounted return of those episodes (NaN when none finished).</param>
/// <param name="SuccessRate">Share of those episodes whose final info said "success" (NaN when none finished).</param>
/// <param name="MeanLength">Mean length of those episodes in steps (NaN when none finished).</param>
/// <param name="PolicyLoss">Clipped surrogate loss, mean over the update's minibatches.</param>
/// <param name="ValueLoss">0.5·(V − return)², mean over the update's minibatches.</param>
/// <param name="Entropy">Policy entropy in nats, mean over the update's minibatches.</param>
/// <param name="ApproxKl">Estimate of KL(old ‖ new) after the update ((ratio − 1) − log ratio, mean).</param>
/// <param name="LearningRate">The learning rate of the update.</param>
public sealed record PpoProgress(
    long Rollout, long Steps, long TotalSteps, double StepsPerSecond, int Episodes, double MeanReturn, double SuccessRate, double MeanLength,
    double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl, double LearningRate)
{
    /// <summary>The header of the learning-curve CSV whose rows <see cref="ToCsv"/> writes.</summary>
    public const string CsvHeader = "rollout,steps,steps_per_s,episodes,mean_return,success_rate,mean_length,policy_loss,value_loss,entropy,approx_kl,lr";

    /// <summary>One learning-curve CSV row (invariant culture; empty cells where no episode finished).</summary>
    public string ToCsv()
    {
        static string F(double v) => double.IsFinite(v) ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "";
        return string.Join(',', Rollout, Steps, F(StepsPerSecond), Episodes, F(MeanReturn), F(SuccessRate), F(MeanLength), F(PolicyLoss), F(ValueLoss), F(Entropy), F(ApproxKl), F(LearningRate));
    }
}
