using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// A trained policy as an agent (<c>--agent policy:DIR</c>): it encodes each observation as it was trained
/// to see it and draws its action from the policy's distribution, as it acted in training (and as Habitat's
/// PPO baselines evaluate). The most probable action alone would never stop: the policy learns to stop by
/// giving stop a share of the probability near the goal, rarely the largest. Draws come from the episode
/// seed, so an evaluation is reproducible. Owns the network's native memory: dispose it.
/// </summary>
public sealed class PolicyAgent : IAgent, IDisposable
{
    private readonly PolicyNetwork _network;
    private readonly PolicyCheckpoint.Description _description;
    private readonly float[] _image, _vector;
    private readonly bool _blankColour;
    private Rng? _rng;

    private PolicyAgent(PolicyNetwork network, PolicyCheckpoint.Description description, string directory, bool blankColour)
    {
        (_network, _description, _blankColour) = (network, description, blankColour);
        _image = new float[network.Inputs.ImageValues];
        _vector = new float[network.Inputs.VectorValues];
        Name = $"{(blankColour ? "policy-no-rgb" : "policy")}:{Path.GetFileName(Path.TrimEndingDirectorySeparator(directory))}";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Loads the policy saved in <paramref name="directory"/> by <c>rtfmgym agent train</c>.</summary>
    /// <param name="directory">The policy's folder.</param>
    /// <param name="blankColour">Whether the policy sees black instead of its colour image (depth and goal unchanged): a
    /// control that says how much of what a policy does comes from the colour frames.</param>
    /// <exception cref="RtfmGymException">The folder holds no policy or a damaged one.</exception>
    public static PolicyAgent Load(string directory, bool blankColour = false)
    {
        PolicyCheckpoint.Description d = PolicyCheckpoint.Read(directory);
        var inputs = PolicyInputs.Of(d.Height, d.Width, d.Depth, d.Goal);
        PolicyNetwork? network = null;
        try
        {
            using (var generator = torch.Generator(0)) network = new PolicyNetwork(inputs, d.Actions, generator);
            network.load(Path.Combine(directory, PolicyCheckpoint.WeightsFile));
            network.eval();
            return new PolicyAgent(network, d, directory, blankColour);
        }
        catch (Exception e) when (e is TorchException or IOException or InvalidDataException or CheckpointMismatchException)
        {
            network?.Dispose();
            throw new RtfmGymException($"Cannot load the policy in '{directory}': {e.Message}. Train it again with `rtfmgym agent train`.");
        }
    }

    /// <inheritdoc/>
    public void Reset(AgentContext context, object observation, IReadOnlyDictionary<string, object?> info)
    {
        ArgumentNullException.ThrowIfNull(context);
        _rng = Rng.Derive((ulong)context.Seed, "policy actions");
    }

    /// <inheritdoc/>
    public object Act(object observation, IReadOnlyDictionary<string, object?> info)
    {
        _network.Inputs.Write(observation, _image, _vector);
        if (_blankColour) _image.AsSpan(0, 3 * _network.Inputs.Height * _network.Inputs.Width).Clear();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        PolicyInputs i = _network.Inputs;
        Tensor? vector = i.VectorValues == 0 ? null : tensor(_vector, [1, i.VectorValues]);
        Rng rng = _rng ?? throw new InvalidOperationException("Reset the agent before it acts.");
        Tensor logits = _network.Forward(tensor(_image, [1, i.Channels, i.Height, i.Width]), vector).Logits;
        float[] logProbs = nn.functional.log_softmax(logits, 1).ToArray<float>();
        return _description.ActionStart + PpoLearner.Sample(logProbs, rng);
    }

    /// <inheritdoc/>
    public void Dispose() => _network.Dispose();
}
