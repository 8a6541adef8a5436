namespace RtfmGym.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Stateless forms of the layers (PyTorch's <c>torch.nn.functional</c>).</summary>
        public static class functional
        {
            /// <summary><c>x W^T + b</c>: weight is (out, in), bias (out) or null.</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                NativeMethods.Wrap(NativeMethods.rt_linear(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null));

            /// <summary>Elementwise max(x, 0).</summary>
            public static Tensor relu(Tensor input) => input.relu();

            /// <summary>GELU; <paramref name="tanhApproximation"/> selects PyTorch's <c>approximate="tanh"</c>.</summary>
            public static Tensor gelu(Tensor input, bool tanhApproximation = false) =>
                NativeMethods.Wrap(NativeMethods.rt_gelu(input.Handle, tanhApproximation ? 1 : 0));

            /// <summary>x * sigmoid(x).</summary>
            public static Tensor silu(Tensor input) => NativeMethods.Wrap(NativeMethods.rt_silu(input.Handle));

            /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/> (each slice sums to 1).</summary>
            public static Tensor softmax(Tensor input, long dim) => NativeMethods.Wrap(NativeMethods.rt_softmax(input.Handle, dim));

            /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
            public static Tensor log_softmax(Tensor input, long dim) => NativeMethods.Wrap(NativeMethods.rt_log_softmax(input.Handle, dim));

            /// <summary>Normalises over the trailing <paramref name="normalizedShape"/> dims (biased variance), then scales and shifts.</summary>
            public static unsafe Tensor layer_norm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
            {
                fixed (long* p = normalizedShape)
                {
                    return NativeMethods.Wrap(NativeMethods.rt_layer_norm(input.Handle, p, normalizedShape.Length,
                        weight?.Handle ?? TensorHandle.Null, bias?.Handle ?? TensorHandle.Null, eps));
                }
            }

            /// <summary>Normalises (N, C, ...) over groups of C/<paramref name="groups"/> channels; weight/bias are per channel.</summary>
            public static Tensor group_norm(Tensor input, long groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                NativeMethods.Wrap(NativeMethods.rt_group_norm(input.Handle, groups, weight?.Handle ?? TensorHandle.Null, bias?.Handle ?? TensorHandle.Null, eps));

            /// <summary>2-D convolution of (N, C, H, W) with weight (out, C/groups, kH, kW).</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1)
            {
                long* s = stackalloc long[] { stride, stride };
                long* p = stackalloc long[] { padding, padding };
                long* d = stackalloc long[] { dilation, dilation };
                return NativeMethods.Wrap(NativeMethods.rt_conv2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null, s, p, d, groups));
            }

            /// <summary>Transposed 2-D convolution ("deconvolution"); weight is (C, out/groups, kH, kW).</summary>
            public static unsafe Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long outputPadding = 0, long groups = 1, long dilation = 1)
            {
                long* s = stackalloc long[] { stride, stride };
                long* p = stackalloc long[] { padding, padding };
                long* o = stackalloc long[] { outputPadding, outputPadding };
                long* d = stackalloc long[] { dilation, dilation };
                return NativeMethods.Wrap(NativeMethods.rt_conv_transpose2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null, s, p, o, groups, d));
            }

            /// <summary>Rows of <paramref name="weight"/> picked by int64 <paramref name="indices"/>.</summary>
            public static Tensor embedding(Tensor indices, Tensor weight) =>
                NativeMethods.Wrap(NativeMethods.rt_embedding(weight.Handle, indices.Handle));

            /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p) when <paramref name="training"/>.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true) =>
                NativeMethods.Wrap(NativeMethods.rt_dropout(input.Handle, p, training ? 1 : 0));

            /// <summary>Resizes (N, C, H, W) to (N, C, height, width) by nearest or bilinear sampling.</summary>
            public static Tensor interpolate(Tensor input, long height, long width, InterpolationMode mode = InterpolationMode.Bilinear, bool alignCorners = false) =>
                NativeMethods.Wrap(NativeMethods.rt_interpolate(input.Handle, height, width, (int)mode, alignCorners ? 1 : 0));

            /// <summary>
            /// softmax(Q Kᵀ / √d + mask) V over (..., L, d) tensors. <paramref name="mask"/>: bool (true = may attend)
            /// or additive float. Uses libtorch's fused kernel from 2.0 on, an equivalent composite on 1.13.
            /// </summary>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? mask = null, double dropoutP = 0, bool isCausal = false) =>
                NativeMethods.Wrap(NativeMethods.rt_scaled_dot_product_attention(query.Handle, key.Handle, value.Handle, mask?.Handle ?? TensorHandle.Null, dropoutP, isCausal ? 1 : 0));

            /// <summary>Mean (or sum/none) of squared differences.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                NativeMethods.Wrap(NativeMethods.rt_mse_loss(input.Handle, target.Handle, (int)reduction));

            /// <summary>Cross entropy of logits (N, C) against int64 class indices (N); entries equal to <paramref name="ignoreIndex"/> are skipped.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0) =>
                NativeMethods.Wrap(NativeMethods.rt_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null, (int)reduction, ignoreIndex, labelSmoothing));
        }
    }
}
