namespace RtfmGym.Torch;

public static partial class torch
{
    /// <summary>Layers and their functional forms, shaped like PyTorch's <c>torch.nn</c>.</summary>
    public static partial class nn
    {
        /// <summary>
        /// 2-D convolution over (N, C, H, W) with a square kernel. Weight (out, in/groups, k, k) and bias are
        /// initialised like PyTorch: U(-1/√fanIn, 1/√fanIn) with fanIn = in/groups·k².
        /// </summary>
        public sealed class Conv2d : Module<Tensor, Tensor>
        {
            /// <summary>A convolution from <paramref name="inChannels"/> to <paramref name="outChannels"/> channels with a square kernel of <paramref name="kernelSize"/> pixels.</summary>
            /// <param name="inChannels">Input channels (divisible by <paramref name="groups"/>).</param>
            /// <param name="outChannels">Output channels (divisible by <paramref name="groups"/>).</param>
            /// <param name="kernelSize">Kernel side, pixels.</param>
            /// <param name="stride">Step between kernel positions, pixels.</param>
            /// <param name="padding">Zero padding on each side, pixels.</param>
            /// <param name="dilation">Spacing between kernel taps, pixels.</param>
            /// <param name="groups">Channel groups convolved separately (1: all channels mix).</param>
            /// <param name="hasBias">Whether to learn a per-channel bias.</param>
            /// <param name="device">Where the parameters live (default CPU).</param>
            /// <param name="generator">Seeded generator of the initial weights (default: libtorch's global one).</param>
            public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, long groups = 1,
                bool hasBias = true, Device? device = null, Generator? generator = null)
            {
                if (inChannels % groups != 0 || outChannels % groups != 0)
                {
                    throw new ArgumentException($"channels ({inChannels} in, {outChannels} out) must be divisible by groups ({groups})");
                }
                this.stride = stride;
                this.padding = padding;
                this.dilation = dilation;
                this.groups = groups;
                var bound = 1.0 / Math.Sqrt(inChannels / groups * kernelSize * kernelSize);
                weight = register_parameter(nameof(weight), init.uniform_(empty([outChannels, inChannels / groups, kernelSize, kernelSize], device), -bound, bound, generator));
                if (hasBias)
                {
                    bias = register_parameter(nameof(bias), init.uniform_(empty([outChannels], device), -bound, bound, generator));
                }
            }

            /// <summary>Step between kernel positions, pixels.</summary>
            public long stride { get; }

            /// <summary>Zero padding on each side, pixels.</summary>
            public long padding { get; }

            /// <summary>Spacing between kernel taps, pixels.</summary>
            public long dilation { get; }

            /// <summary>Channel groups convolved separately.</summary>
            public long groups { get; }

            /// <summary>Kernel weights, shape (out, in/groups, k, k).</summary>
            public Tensor weight { get; }

            /// <summary>Per-output-channel bias, or null when built without one.</summary>
            public Tensor? bias { get; }

            /// <summary>Convolves an (N, C, H, W) input into (N, out, H', W').</summary>
            public override Tensor forward(Tensor input) => functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
        }
    }
}
