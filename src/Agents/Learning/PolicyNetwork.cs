using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Agents.Learning;

/// <summary>
/// The reference policy: a small convolutional encoder of the image (three strided convolutions,
/// as in the Nature DQN / CleanRL Atari network, sized for 64x64), joined with the goal vector,
/// then one hidden layer shared by the actor (logits over the discrete actions) and the critic
/// (the state value). The actor's output layer starts near zero so the first policy is close to
/// uniform, except that an action which ends the episode (PointNav's stop) can start rare: under a
/// uniform start over 8 actions a random walk stops after 8 steps on average and never sees a goal
/// metres away. The critic's output layer starts at unit scale.
/// </summary>
public sealed class PolicyNetwork : nn.Module
{
    /// <summary>Width of the shared hidden layer.</summary>
    public const int Hidden = 128;

    private readonly nn.Conv2d _conv1, _conv2, _conv3;
    private readonly nn.Linear _image, _joint, _actor, _critic;
    private readonly int _flat;

    /// <param name="inputs">What the network sees.</param>
    /// <param name="actions">Number of discrete actions.</param>
    /// <param name="generator">Seeds the initial weights.</param>
    /// <param name="endingAction">Index of the action that ends the episode, which starts with probability
    /// <paramref name="endingProbability"/>; null starts every action alike.</param>
    /// <param name="endingProbability">The ending action's probability under the first policy, in (0, 1).</param>
    public PolicyNetwork(PolicyInputs inputs, int actions, Generator generator, int? endingAction = null, double endingProbability = 0.01)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(actions, 2);
        (Inputs, Actions) = (inputs, actions);
        _conv1 = register_module("conv1", new nn.Conv2d(inputs.Channels, 16, 5, stride: 2, generator: generator));
        _conv2 = register_module("conv2", new nn.Conv2d(16, 32, 3, stride: 2, generator: generator));
        _conv3 = register_module("conv3", new nn.Conv2d(32, 32, 3, stride: 2, generator: generator));
        int h = Out(Out(Out(inputs.Height, 5), 3), 3), w = Out(Out(Out(inputs.Width, 5), 3), 3);
        _flat = 32 * h * w;
        _image = register_module("image", new nn.Linear(_flat, Hidden, generator: generator));
        _joint = register_module("joint", new nn.Linear(Hidden + inputs.VectorValues, Hidden, generator: generator));
        _actor = register_module("actor", new nn.Linear(Hidden, actions, generator: generator));
        _critic = register_module("critic", new nn.Linear(Hidden, 1, generator: generator));
        using (no_grad())
        {
            nn.init.normal_(_actor.weight, 0, 0.01, generator);
            nn.init.uniform_(_actor.bias!, 0, 0);
            if (endingAction is { } end)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(end);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(end, actions);
                if (endingProbability is not (> 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(endingProbability), endingProbability, "must be in (0, 1)");
                // Softmax with the other actions' logits at 0: p = e^b / (actions − 1 + e^b), so b = ln(p (actions − 1) / (1 − p)).
                float bias = (float)Math.Log(endingProbability * (actions - 1) / (1 - endingProbability));
                var biases = new float[actions];
                biases[end] = bias;
                using Tensor b = tensor(biases, [actions]);
                _actor.bias!.copy_(b);
            }
        }
    }

    /// <summary>What the network sees.</summary>
    public PolicyInputs Inputs { get; }

    /// <summary>Number of discrete actions.</summary>
    public int Actions { get; }

    /// <summary>
    /// Action logits [B, actions] and state values [B] for images [B, channels, H, W] and goal vectors
    /// [B, vector values] (null when the inputs have no goal).
    /// </summary>
    public (Tensor Logits, Tensor Values) Forward(Tensor images, Tensor? vectors)
    {
        Tensor x = nn.functional.relu(_conv1.call(images));
        x = nn.functional.relu(_conv2.call(x));
        x = nn.functional.relu(_conv3.call(x));
        x = nn.functional.relu(_image.call(x.reshape([x.shape[0], _flat])));
        if (vectors is not null) x = cat([x, vectors], 1);
        x = nn.functional.relu(_joint.call(x));
        return (_actor.call(x), _critic.call(x).squeeze(1));
    }

    private static int Out(int size, int kernel) => (size - kernel) / 2 + 1;
}
