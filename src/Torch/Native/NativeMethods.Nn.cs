using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial IntPtr rt_softmax(TensorHandle a, long dim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_log_softmax(TensorHandle a, long dim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_layer_norm(TensorHandle a, long* shape, int n, TensorHandle weight, TensorHandle bias, double eps);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_group_norm(TensorHandle a, long groups, TensorHandle weight, TensorHandle bias, double eps);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_linear(TensorHandle a, TensorHandle weight, TensorHandle bias);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_conv2d(TensorHandle a, TensorHandle weight, TensorHandle bias, long* stride, long* padding, long* dilation, long groups);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_conv_transpose2d(TensorHandle a, TensorHandle weight, TensorHandle bias, long* stride, long* padding, long* outputPadding, long groups, long* dilation);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_embedding(TensorHandle weight, TensorHandle indices);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_dropout(TensorHandle a, double p, int train);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_interpolate(TensorHandle a, long height, long width, int mode, int alignCorners);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_scaled_dot_product_attention(TensorHandle q, TensorHandle k, TensorHandle v, TensorHandle mask, double dropoutP, int causal);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_attention_reference(TensorHandle q, TensorHandle k, TensorHandle v, TensorHandle mask, int causal);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_mse_loss(TensorHandle input, TensorHandle target, int reduction);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, double labelSmoothing);
}
