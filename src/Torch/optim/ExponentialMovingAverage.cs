namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Exponential moving average of a module's parameters and buffers (shadow ← decay·shadow + (1 − decay)·value),
        /// the usual weights used for sampling from diffusion models. The shadow copies live on the model's device.
        /// </summary>
        public sealed class ExponentialMovingAverage : IDisposable
        {
            private readonly nn.Module _model;
            private readonly Dictionary<string, Tensor> _shadow = new();

            /// <summary>An average starting from copies of <paramref name="model"/>'s current parameters and buffers.</summary>
            /// <param name="model">The module whose state is averaged; <see cref="update"/> reads it.</param>
            /// <param name="decay">Weight of the old average per update, in [0, 1] (0.999 averages over about 1000 steps).</param>
            public ExponentialMovingAverage(nn.Module model, double decay = 0.999)
            {
                if (decay is < 0 or > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(decay), decay, "decay must be in [0, 1]");
                }
                _model = model;
                Decay = decay;
                using (no_grad())
                {
                    foreach (var (name, tensor) in model.state_dict())
                    {
                        _shadow[name] = tensor.detach().clone().DetachFromDisposeScope();
                    }
                }
            }

            /// <summary>Weight of the old average per <see cref="update"/>, in [0, 1].</summary>
            public double Decay { get; }

            /// <summary>The averaged tensors by the model's dotted names (for saving with <see cref="SafeTensors"/>).</summary>
            public IReadOnlyDictionary<string, Tensor> Shadow => _shadow;

            /// <summary>Folds the model's current values into the average (call after each optimiser step).</summary>
            public void update()
            {
                foreach (var (name, tensor) in _model.state_dict())
                {
                    if (tensor.dtype.IsFloatingPoint())
                    {
                        NativeMethods.Check(NativeMethods.rt_ema_update(_shadow[name].Handle, tensor.Handle, Decay));
                    }
                    else
                    {
                        _shadow[name].copy_(tensor);
                    }
                }
            }

            /// <summary>Copies the averaged values into <paramref name="target"/> (same architecture).</summary>
            public void copy_to(nn.Module target) => target.load_state_dict(_shadow);

            /// <summary>Frees the shadow copies.</summary>
            public void Dispose()
            {
                foreach (var tensor in _shadow.Values)
                {
                    tensor.Dispose();
                }
            }
        }
    }
}
