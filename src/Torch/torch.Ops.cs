namespace RtfmGym.Torch;

/// <summary>Functions of several tensors, and function forms of common tensor methods.</summary>
public static partial class torch
{
    /// <summary>Concatenates along an existing dim.</summary>
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: false);

    /// <summary>Stacks along a new dim.</summary>
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, stack: true);

    private static unsafe Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = tensors[i].Handle.DangerousGetHandle();
        }
        IntPtr result;
        fixed (IntPtr* p = handles)
        {
            result = stack ? NativeMethods.rt_stack(p, handles.Length, dim) : NativeMethods.rt_cat(p, handles.Length, dim);
        }
        // The raw pointers above are only valid while the tensors are reachable.
        GC.KeepAlive(tensors);
        return NativeMethods.Wrap(result);
    }

    /// <summary>Elementwise <c>condition ? a : b</c> with broadcasting; condition is bool.</summary>
    public static Tensor where(Tensor condition, Tensor a, Tensor b) =>
        NativeMethods.Wrap(NativeMethods.rt_where(condition.Handle, a.Handle, b.Handle));

    /// <summary>Matrix product with broadcasting over batch dims (PyTorch's <c>matmul</c>).</summary>
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);

    /// <summary>Batched matrix product of (B, n, m) and (B, m, p) into (B, n, p).</summary>
    public static Tensor bmm(Tensor a, Tensor b) => a.bmm(b);

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/> (each slice sums to 1).</summary>
    public static Tensor softmax(Tensor input, long dim) => nn.functional.softmax(input, dim);

    /// <summary>Limits each element to [<paramref name="min"/>, <paramref name="max"/>]; a null bound is open.</summary>
    public static Tensor clamp(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);

    /// <summary>Elementwise eˣ.</summary>
    public static Tensor exp(Tensor input) => input.exp();

    /// <summary>Elementwise natural logarithm.</summary>
    public static Tensor log(Tensor input) => input.log();

    /// <summary>Elementwise square root.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();

    /// <summary>Elementwise sine of radians.</summary>
    public static Tensor sin(Tensor input) => input.sin();

    /// <summary>Elementwise cosine of radians.</summary>
    public static Tensor cos(Tensor input) => input.cos();

    /// <summary>Elementwise |x|.</summary>
    public static Tensor abs(Tensor input) => input.abs();

    /// <summary>Elementwise xᵉ with one scalar exponent.</summary>
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
}
