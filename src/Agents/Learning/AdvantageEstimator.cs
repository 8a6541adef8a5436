namespace RtfmGym.Agents.Learning;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016) over a rollout laid out time-major,
/// [step, env]: A_t = δ_t + γλ(1 − done_t)·A_{t+1}, with δ_t = r_t + γ(1 − done_t)·V_{t+1} − V_t,
/// where done_t says the episode ended at step t (so nothing after it is credited to it) and
/// V after the last step is the bootstrap value of the observation that follows the rollout.
/// Returns (the value targets) are A + V.
/// </summary>
public static class AdvantageEstimator
{
    /// <summary>Fills <paramref name="advantages"/> and <paramref name="returns"/> (each steps x envs, time-major).</summary>
    /// <param name="rewards">Reward of each transition.</param>
    /// <param name="values">The critic's value of each transition's observation.</param>
    /// <param name="dones">Whether the episode ended with that transition (terminated or truncated).</param>
    /// <param name="lastValues">Value of the observation after the rollout, per environment.</param>
    /// <param name="envs">Environments (the inner dimension).</param>
    /// <param name="gamma">Discount per step.</param>
    /// <param name="lambda">GAE λ.</param>
    /// <param name="advantages">Output advantages.</param>
    /// <param name="returns">Output value targets.</param>
    public static void Compute(ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones, ReadOnlySpan<float> lastValues,
        int envs, double gamma, double lambda, Span<float> advantages, Span<float> returns)
    {
        int n = rewards.Length;
        if (envs <= 0 || n % envs != 0 || values.Length != n || dones.Length != n || advantages.Length != n || returns.Length != n || lastValues.Length != envs)
            throw new ArgumentException($"A rollout of {n} transitions over {envs} environments needs equal lengths (values {values.Length}, dones {dones.Length}, outputs {advantages.Length}/{returns.Length}) and {envs} last values (got {lastValues.Length}).");
        int steps = n / envs;
        for (int e = 0; e < envs; e++)
        {
            double next = 0, nextValue = lastValues[e];
            for (int t = steps - 1; t >= 0; t--)
            {
                int i = t * envs + e;
                double live = dones[i] ? 0 : 1;
                double delta = rewards[i] + gamma * live * nextValue - values[i];
                next = delta + gamma * lambda * live * next;
                advantages[i] = (float)next;
                returns[i] = (float)(next + values[i]);
                nextValue = values[i];
            }
        }
    }
}
