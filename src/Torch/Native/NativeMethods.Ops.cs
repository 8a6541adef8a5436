using System.Runtime.InteropServices;

namespace RtfmGym.Torch;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial IntPtr rt_neg(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_abs(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_exp(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_log(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sqrt(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_rsqrt(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sin(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_cos(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_tanh(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sigmoid(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_relu(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_silu(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_contiguous(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_clone(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_detach(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_logical_not(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sum_all(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_mean_all(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_max_all(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_min_all(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_norm_all(TensorHandle a);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_gelu(TensorHandle a, int tanhApprox);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_add(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sub(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_mul(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_div(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_pow(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_maximum(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_minimum(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_matmul(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_bmm(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_eq(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_ne(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_lt(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_le(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_gt(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_ge(TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_add_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_mul_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_div_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_pow_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_rsub_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_rdiv_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_eq_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_lt_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_gt_scalar(TensorHandle a, double s);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_where(TensorHandle cond, TensorHandle a, TensorHandle b);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_clamp(TensorHandle a, int hasMin, double min, int hasMax, double max);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_reshape(TensorHandle a, long* shape, int n);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_view(TensorHandle a, long* shape, int n);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_expand(TensorHandle a, long* shape, int n);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_permute(TensorHandle a, long* order, int n);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_transpose(TensorHandle a, long d0, long d1);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_unsqueeze(TensorHandle a, long dim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_squeeze(TensorHandle a, long dim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_flatten(TensorHandle a, long start, long end);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_cat(IntPtr* handles, int n, long dim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_stack(IntPtr* handles, int n, long dim);

    [LibraryImport(Lib)]
    internal static partial int rt_chunk(TensorHandle a, long chunks, long dim, IntPtr* output, int capacity);

    [LibraryImport(Lib)]
    internal static partial int rt_split(TensorHandle a, long size, long dim, IntPtr* output, int capacity);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_narrow(TensorHandle a, long dim, long start, long length);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_select(TensorHandle a, long dim, long index);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_index_select(TensorHandle a, long dim, TensorHandle index);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_slice(TensorHandle a, long dim, long start, long end, long step);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_masked_fill(TensorHandle a, TensorHandle mask, double value);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_sum(TensorHandle a, long* dims, int n, int keepdim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_mean(TensorHandle a, long* dims, int n, int keepdim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_var(TensorHandle a, long* dims, int n, int unbiased, int keepdim);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_var_all(TensorHandle a, int unbiased);

    [LibraryImport(Lib)]
    internal static partial IntPtr rt_argmax(TensorHandle a, long dim, int keepdim);

    [LibraryImport(Lib)]
    internal static partial int rt_max_dim(TensorHandle a, long dim, int keepdim, IntPtr* values, IntPtr* indices);
}
