using RtfmGym.Env;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// Every hyperparameter of the reference PPO learner (<see cref="PpoLearner"/>), with the value CleanRL's
/// Atari PPO uses where one applies. Immutable; <see cref="Validate"/> names any value out of range.
/// </summary>
public sealed record PpoOptions
{
    /// <summary>Environments stepped side by side (the batch of one vector step). Default 8.</summary>
    public int Envs { get; init; } = 8;

    /// <summary>Steps each environment takes per rollout; a rollout is <see cref="Envs"/> x this transitions. Default 64.</summary>
    public int RolloutSteps { get; init; } = 64;

    /// <summary>Total environment transitions to train for (summed over environments). Default 100,000.</summary>
    public long TotalSteps { get; init; } = 100_000;

    /// <summary>Adam's learning rate at the start; it falls linearly to 0 over the run when <see cref="AnnealLearningRate"/>. Default 2.5e-4.</summary>
    public double LearningRate { get; init; } = 2.5e-4;

    /// <summary>Whether the learning rate falls linearly to 0 by <see cref="TotalSteps"/>. Default true.</summary>
    public bool AnnealLearningRate { get; init; } = true;

    /// <summary>Discount per step. Default 0.99.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>λ of generalised advantage estimation (GAE): 0 is one-step TD, 1 is Monte Carlo. Default 0.95.</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Passes over each rollout. Default 4.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Minibatches each pass is cut into (the rollout size must divide by it). Default 4.</summary>
    public int Minibatches { get; init; } = 4;

    /// <summary>PPO's clip range ε: the probability ratio is clipped to [1 − ε, 1 + ε]. Default 0.2.</summary>
    public double ClipRange { get; init; } = 0.2;

    /// <summary>Weight of the value loss, 0.5·(V − return)². Default 0.5.</summary>
    public double ValueCoefficient { get; init; } = 0.5;

    /// <summary>Weight of the entropy bonus (larger keeps the policy exploring longer). Default 0.01.</summary>
    public double EntropyCoefficient { get; init; } = 0.01;

    /// <summary>Gradients are scaled down to this global L2 norm. Default 0.5.</summary>
    public double MaxGradientNorm { get; init; } = 0.5;

    /// <summary>Whether advantages are normalised to mean 0, std 1 within each minibatch. Default true.</summary>
    public bool NormaliseAdvantages { get; init; } = true;

    /// <summary>
    /// Probability of the episode-ending action (stop) under the first policy, when the task has one. Default 0.01: a uniform
    /// start over 8 actions stops a random walk after 8 steps on average, before it ever meets a goal metres away.
    /// </summary>
    public double InitialEndingProbability { get; init; } = 0.01;

    /// <summary>Seed of the weights, the action sampling, the minibatch order and the environments' episode seeds. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Rollouts between checkpoints (and learning-curve rows written to disk). Default 10.</summary>
    public int CheckpointEvery { get; init; } = 10;

    /// <summary>Transitions in one rollout.</summary>
    public int RolloutSize => Envs * RolloutSteps;

    /// <summary>Rollouts the run takes (the last may overshoot <see cref="TotalSteps"/> by less than one rollout).</summary>
    public long Rollouts => (TotalSteps + RolloutSize - 1) / RolloutSize;

    /// <summary>Throws <see cref="RtfmGymException"/> naming the first value out of range and what it must be.</summary>
    public void Validate()
    {
        static void Require(bool ok, string what)
        {
            if (!ok) throw new RtfmGymException($"PPO option {what}.");
        }
        Require(Envs is >= 1 and <= 1024, $"envs must be 1 to 1024, got {Envs}");
        Require(RolloutSteps is >= 1 and <= 100_000, $"rollout steps must be 1 to 100000, got {RolloutSteps}");
        Require(TotalSteps >= 1, $"total steps must be at least 1, got {TotalSteps}");
        Require(LearningRate is > 0 and < 1, $"learning rate must be in (0, 1), got {LearningRate}");
        Require(Gamma is > 0 and <= 1, $"gamma must be in (0, 1], got {Gamma}");
        Require(GaeLambda is >= 0 and <= 1, $"GAE lambda must be in [0, 1], got {GaeLambda}");
        Require(Epochs is >= 1 and <= 100, $"epochs must be 1 to 100, got {Epochs}");
        Require(Minibatches >= 1 && RolloutSize % Minibatches == 0, $"minibatches must divide the rollout of {RolloutSize} transitions, got {Minibatches}");
        Require(ClipRange is > 0 and < 1, $"clip range must be in (0, 1), got {ClipRange}");
        Require(ValueCoefficient >= 0 && double.IsFinite(ValueCoefficient), $"value coefficient must be finite and non-negative, got {ValueCoefficient}");
        Require(EntropyCoefficient >= 0 && double.IsFinite(EntropyCoefficient), $"entropy coefficient must be finite and non-negative, got {EntropyCoefficient}");
        Require(MaxGradientNorm > 0 && double.IsFinite(MaxGradientNorm), $"max gradient norm must be positive, got {MaxGradientNorm}");
        Require(InitialEndingProbability is > 0 and < 1, $"initial ending probability must be in (0, 1), got {InitialEndingProbability}");
        Require(CheckpointEvery >= 1, $"checkpoint every must be at least 1 rollout, got {CheckpointEvery}");
    }
}
