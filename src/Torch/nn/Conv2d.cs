namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// 2-D convolution over (N, C, H, W) with a square kernel. Weight (out, in/groups, k, k) and bias are
        /// initialised like PyTorch: U(-1/√fanIn, 1/√fanIn) with fanIn = in/groups·k².
        /// </summary>
        public sealed class Conv2d : Module<Tensor, Tensor>
        {
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

            public long stride { get; }

            public long padding { get; }

            public long dilation { get; }

            public long groups { get; }

            public Tensor weight { get; }

            public Tensor? bias { get; }

            public override Tensor forward(Tensor input) => functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
        }
    }
}
