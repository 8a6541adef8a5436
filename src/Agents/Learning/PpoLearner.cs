using System.Diagnostics;
using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Vector;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// Proximal policy optimisation (Schulman et al. 2017) with a clipped surrogate, GAE and an entropy
/// bonus, written to be read top to bottom like CleanRL's single-file PPO: <see cref="Rollout"/> collects
/// <see cref="PpoOptions.RolloutSteps"/> steps of every environment with the current policy, then
/// <see cref="Update"/> takes <see cref="PpoOptions.Epochs"/> passes of minibatch gradient steps over them.
/// Episodes end by termination or truncation alike (both cut the bootstrap), as CleanRL does. Everything
/// random (weights, actions, minibatch order, episode seeds) comes from <see cref="PpoOptions.Seed"/> and
/// the rollout's index, so a run is reproducible; a resumed run starts fresh episodes and otherwise
/// continues with the saved weights, optimiser moments and rollout count. Owns the
/// network's and optimiser's native memory: dispose it.
/// </summary>
public sealed class PpoLearner : IDisposable
{
    private readonly optim.AdamW _optimizer;
    private readonly RolloutBuffer _buffer;
    private readonly double[] _episodeReturn;
    private readonly int[] _episodeLength;
    private IReadOnlyList<object>? _observations;
    private long _actionStart;

    /// <param name="options">Hyperparameters (validated here).</param>
    /// <param name="inputs">What the policy sees (from the environments' observation space).</param>
    /// <param name="actions">Number of discrete actions.</param>
    /// <param name="endingAction">Index (from 0) of the action that ends an episode, such as PointNav's stop, which the first
    /// policy takes with probability <see cref="PpoOptions.InitialEndingProbability"/>; null when there is none.</param>
    public PpoLearner(PpoOptions options, PolicyInputs inputs, int actions, int? endingAction = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        using (var generator = torch.Generator(options.Seed)) Network = new PolicyNetwork(inputs, actions, generator, endingAction, options.InitialEndingProbability);
        // Adam without weight decay and eps 1e-5, CleanRL's choice for PPO.
        _optimizer = new optim.AdamW(Network.parameters(), options.LearningRate, eps: 1e-5, weightDecay: 0);
        _buffer = new RolloutBuffer(options.RolloutSteps, options.Envs, inputs);
        _episodeReturn = new double[options.Envs];
        _episodeLength = new int[options.Envs];
    }

    /// <summary>The hyperparameters.</summary>
    public PpoOptions Options { get; }

    /// <summary>The policy being trained.</summary>
    public PolicyNetwork Network { get; }

    /// <summary>The optimiser (its state is saved with checkpoints so a resumed run continues exactly).</summary>
    public optim.AdamW Optimizer => _optimizer;

    /// <summary>Rollouts done (each followed by its update).</summary>
    public long RolloutsDone { get; set; }

    /// <summary>Environment transitions so far.</summary>
    public long Steps => RolloutsDone * Options.RolloutSize;

    /// <summary>Whether the run has reached <see cref="PpoOptions.TotalSteps"/>.</summary>
    public bool Finished => RolloutsDone >= Options.Rollouts;

    /// <summary>
    /// Collects one rollout in <paramref name="envs"/> (which must run in <see cref="AutoresetMode.SameStep"/>,
    /// so an ended episode's last reward belongs to the step that ended it) and updates the policy on it.
    /// </summary>
    /// <exception cref="RtfmGymException">The vector environment does not match the options or the policy.</exception>
    public PpoProgress Train(VectorEnvironment envs)
    {
        ArgumentNullException.ThrowIfNull(envs);
        if (envs.Count != Options.Envs || envs.Mode != AutoresetMode.SameStep)
            throw new RtfmGymException($"The learner needs {Options.Envs} environments in SameStep autoreset mode; got {envs.Count} in {envs.Mode}.");
        if (envs.SingleActionSpace is not DiscreteSpace { N: var n } space || n != Network.Actions)
            throw new RtfmGymException($"The policy has {Network.Actions} discrete actions; the environments' action space is {envs.SingleActionSpace}. Train on a scenario with discrete actions.");
        _actionStart = space.Start;
        long start = Stopwatch.GetTimestamp();
        long rollout = RolloutsDone + 1;
        double lr = Options.AnnealLearningRate ? Options.LearningRate * (1.0 - (double)(rollout - 1) / Options.Rollouts) : Options.LearningRate;
        _optimizer.lr = lr;
        var (episodes, meanReturn, successRate, meanLength) = Rollout(envs, rollout);
        var (policyLoss, valueLoss, entropy, kl) = Update(rollout);
        RolloutsDone = rollout;
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new PpoProgress(rollout, Steps, Options.Rollouts * Options.RolloutSize, Options.RolloutSize / Math.Max(seconds, 1e-9),
            episodes, meanReturn, successRate, meanLength, policyLoss, valueLoss, entropy, kl, lr);
    }

    /// <summary>Step 1: act in every environment for <see cref="PpoOptions.RolloutSteps"/> steps, keeping what the update needs.</summary>
    private (int Episodes, double MeanReturn, double SuccessRate, double MeanLength) Rollout(VectorEnvironment envs, long rollout)
    {
        // The first rollout of a run (or of a resumed run) starts fresh episodes, seeded from the run's seed.
        _observations ??= envs.Reset(seed: (long)(Rng.Derive(Options.Seed ^ (ulong)rollout, "episodes").NextUInt64() >> 2)).Observations;
        var rng = Rng.Derive(Options.Seed ^ (ulong)rollout, "actions");
        int nEnvs = Options.Envs;
        var returns = new List<double>();
        var lengths = new List<int>();
        int successes = 0;
        var actions = new object[nEnvs];
        for (int t = 0; t < Options.RolloutSteps; t++)
        {
            for (int e = 0; e < nEnvs; e++) _buffer.Inputs.Write(_observations[e], _buffer.Image(t * nEnvs + e), _buffer.Vector(t * nEnvs + e));
            using (NewDisposeScope())
            using (no_grad())
            {
                var (logits, values) = Evaluate(t * nEnvs, nEnvs);
                float[] logp = nn.functional.log_softmax(logits, 1).ToArray<float>();
                float[] v = values.ToArray<float>();
                for (int e = 0; e < nEnvs; e++)
                {
                    int i = t * nEnvs + e;
                    int a = Sample(logp.AsSpan(e * Network.Actions, Network.Actions), rng);
                    (_buffer.Actions[i], _buffer.LogProbs[i], _buffer.Values[i]) = (a, logp[e * Network.Actions + a], v[e]);
                    actions[e] = _actionStart + a;
                }
            }
            VectorStepResult step = envs.Step(actions);
            for (int e = 0; e < nEnvs; e++)
            {
                int i = t * nEnvs + e;
                bool done = step.Terminated[e] || step.Truncated[e];
                (_buffer.Rewards[i], _buffer.Dones[i]) = ((float)step.Rewards[e], done);
                _episodeReturn[e] += step.Rewards[e];
                _episodeLength[e]++;
                if (!done) continue;
                returns.Add(_episodeReturn[e]);
                lengths.Add(_episodeLength[e]);
                if (step.Infos[e].TryGetValue(Autoreset.FinalInfoKey, out object? f) && f is IReadOnlyDictionary<string, object?> final
                    && final.TryGetValue("success", out object? s) && s is true) successes++;
                (_episodeReturn[e], _episodeLength[e]) = (0, 0);
            }
            _observations = step.Observations;
        }
        // Step 2: advantages, bootstrapped from the value of the observation after the rollout.
        var scratch = new RolloutBuffer(1, nEnvs, _buffer.Inputs);
        for (int e = 0; e < nEnvs; e++) _buffer.Inputs.Write(_observations[e], scratch.Image(e), scratch.Vector(e));
        float[] last;
        using (NewDisposeScope())
        using (no_grad())
            last = Network.Forward(Images(scratch.Images, nEnvs), Vectors(scratch.Vectors, nEnvs)).Values.ToArray<float>();
        _buffer.Finish(last, Options.Gamma, Options.GaeLambda);
        int count = returns.Count;
        return (count, count == 0 ? double.NaN : returns.Average(), count == 0 ? double.NaN : (double)successes / count, count == 0 ? double.NaN : lengths.Average());
    }

    /// <summary>Step 3: <see cref="PpoOptions.Epochs"/> passes of shuffled minibatches, each one clipped-surrogate gradient step.</summary>
    private (double PolicyLoss, double ValueLoss, double Entropy, double ApproxKl) Update(long rollout)
    {
        var rng = Rng.Derive(Options.Seed ^ (ulong)rollout, "minibatches");
        int n = _buffer.Count, size = n / Options.Minibatches;
        int[] order = Enumerable.Range(0, n).ToArray();
        double policySum = 0, valueSum = 0, entropySum = 0, kl = 0;
        int batches = 0;
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            for (int i = n - 1; i > 0; i--)
            {
                int j = (int)rng.NextLong(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (int start = 0; start < n; start += size)
            {
                using var scope = NewDisposeScope();
                var batch = Minibatch(order.AsSpan(start, size));
                var (logits, values) = Network.Forward(batch.Images, batch.Vectors);
                Tensor logp = nn.functional.log_softmax(logits, 1);
                Tensor newLogp = (logp * batch.OneHot).sum(1);
                Tensor entropy = -(logp.exp() * logp).sum(1).mean();
                Tensor logRatio = newLogp - batch.OldLogProbs;
                Tensor ratio = logRatio.exp();
                // The clipped surrogate: the pessimistic of the plain and the clipped ratio, so a step gains
                // nothing from moving the policy further than the clip range allows.
                Tensor policyLoss = (-batch.Advantages * ratio).maximum(-batch.Advantages * ratio.clamp(1 - Options.ClipRange, 1 + Options.ClipRange)).mean();
                Tensor valueLoss = 0.5 * (values - batch.Returns).pow(2).mean();
                Tensor loss = policyLoss - Options.EntropyCoefficient * entropy + Options.ValueCoefficient * valueLoss;
                _optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(Network.parameters(), Options.MaxGradientNorm);
                _optimizer.step();
                using (no_grad()) kl = ((ratio - 1) - logRatio).mean().item<float>();
                (policySum, valueSum, entropySum) = (policySum + policyLoss.item<float>(), valueSum + valueLoss.item<float>(), entropySum + entropy.item<float>());
                batches++;
            }
        }
        return (policySum / batches, valueSum / batches, entropySum / batches, kl);
    }

    private (Tensor Images, Tensor? Vectors, Tensor OneHot, Tensor OldLogProbs, Tensor Advantages, Tensor Returns) Minibatch(ReadOnlySpan<int> index)
    {
        int m = index.Length, iv = _buffer.Inputs.ImageValues, vv = _buffer.Inputs.VectorValues, a = Network.Actions;
        var images = new float[(long)m * iv];
        var vectors = new float[m * vv];
        var oneHot = new float[m * a];
        var (old, adv, ret) = (new float[m], new float[m], new float[m]);
        for (int k = 0; k < m; k++)
        {
            int i = index[k];
            _buffer.Image(i).CopyTo(images.AsSpan(k * iv, iv));
            _buffer.Vector(i).CopyTo(vectors.AsSpan(k * vv, vv));
            oneHot[k * a + _buffer.Actions[i]] = 1f;
            (old[k], adv[k], ret[k]) = (_buffer.LogProbs[i], _buffer.Advantages[i], _buffer.Returns[i]);
        }
        if (Options.NormaliseAdvantages && m > 1)
        {
            double mean = adv.Average(x => (double)x);
            double std = Math.Sqrt(adv.Sum(x => (x - mean) * (x - mean)) / (m - 1));
            for (int k = 0; k < m; k++) adv[k] = (float)((adv[k] - mean) / (std + 1e-8));
        }
        return (Images(images, m), Vectors(vectors, m), tensor(oneHot, [m, a]), tensor(old, [m]), tensor(adv, [m]), tensor(ret, [m]));
    }

    private (Tensor Logits, Tensor Values) Evaluate(int first, int count) =>
        Network.Forward(Images(_buffer.Images.AsSpan(first * _buffer.Inputs.ImageValues, count * _buffer.Inputs.ImageValues).ToArray(), count),
            Vectors(_buffer.Vectors.AsSpan(first * _buffer.Inputs.VectorValues, count * _buffer.Inputs.VectorValues).ToArray(), count));

    private Tensor Images(float[] values, int count) =>
        tensor(values, [count, _buffer.Inputs.Channels, _buffer.Inputs.Height, _buffer.Inputs.Width]);

    private Tensor? Vectors(float[] values, int count) =>
        _buffer.Inputs.VectorValues == 0 ? null : tensor(values, [count, _buffer.Inputs.VectorValues]);

    /// <summary>Draws an action from log-probabilities (inverse CDF on one uniform draw).</summary>
    internal static int Sample(ReadOnlySpan<float> logProbs, Rng rng)
    {
        double u = rng.NextDouble(), sum = 0;
        for (int a = 0; a < logProbs.Length; a++)
        {
            sum += Math.Exp(logProbs[a]);
            if (u < sum) return a;
        }
        return logProbs.Length - 1;
    }

    /// <summary>Forgets the environments' current observations, so the next rollout starts fresh episodes (after a resume).</summary>
    public void Restart() => _observations = null;

    /// <inheritdoc/>
    public void Dispose()
    {
        _optimizer.Dispose();
        Network.Dispose();
    }
}
