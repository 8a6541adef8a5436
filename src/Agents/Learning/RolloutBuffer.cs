namespace RtfmGym.Agents.Learning;

/// <summary>
/// One rollout of a PPO run, time-major ([step, env]) in managed arrays: the encoded observations,
/// the actions taken, their log-probabilities and values under the policy that took them, rewards,
/// episode ends, and (after <see cref="Finish"/>) advantages and value targets.
/// </summary>
internal sealed class RolloutBuffer
{
    public RolloutBuffer(int steps, int envs, PolicyInputs inputs)
    {
        (Steps, Envs, Inputs) = (steps, envs, inputs);
        int n = steps * envs;
        Images = new float[(long)n * inputs.ImageValues];
        Vectors = new float[n * inputs.VectorValues];
        (Actions, LogProbs, Values, Rewards, Dones, Advantages, Returns) = (new int[n], new float[n], new float[n], new float[n], new bool[n], new float[n], new float[n]);
    }

    public int Steps { get; }
    public int Envs { get; }
    public PolicyInputs Inputs { get; }
    public int Count => Steps * Envs;
    public float[] Images { get; }
    public float[] Vectors { get; }
    public int[] Actions { get; }
    public float[] LogProbs { get; }
    public float[] Values { get; }
    public float[] Rewards { get; }
    public bool[] Dones { get; }
    public float[] Advantages { get; }
    public float[] Returns { get; }

    /// <summary>The image slot of transition <paramref name="i"/> (step · envs + env).</summary>
    public Span<float> Image(int i) => Images.AsSpan(i * Inputs.ImageValues, Inputs.ImageValues);

    /// <summary>The goal-vector slot of transition <paramref name="i"/>.</summary>
    public Span<float> Vector(int i) => Vectors.AsSpan(i * Inputs.VectorValues, Inputs.VectorValues);

    /// <summary>Computes advantages and returns with the values of the observations after the rollout.</summary>
    public void Finish(ReadOnlySpan<float> lastValues, double gamma, double lambda) =>
        AdvantageEstimator.Compute(Rewards, Values, Dones, lastValues, Envs, gamma, lambda, Advantages, Returns);
}
