namespace RtfmGym.Torch;

/// <summary>Elementwise functions, comparisons and matrix products.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise −x.</summary>
    public Tensor neg() => NativeMethods.Wrap(NativeMethods.rt_neg(Handle));

    /// <summary>Elementwise |x|.</summary>
    public Tensor abs() => NativeMethods.Wrap(NativeMethods.rt_abs(Handle));

    /// <summary>Elementwise eˣ.</summary>
    public Tensor exp() => NativeMethods.Wrap(NativeMethods.rt_exp(Handle));

    /// <summary>Natural logarithm.</summary>
    public Tensor log() => NativeMethods.Wrap(NativeMethods.rt_log(Handle));

    /// <summary>Elementwise square root (NaN for negative values).</summary>
    public Tensor sqrt() => NativeMethods.Wrap(NativeMethods.rt_sqrt(Handle));

    /// <summary>Elementwise 1/√x.</summary>
    public Tensor rsqrt() => NativeMethods.Wrap(NativeMethods.rt_rsqrt(Handle));

    /// <summary>Sine of values in radians.</summary>
    public Tensor sin() => NativeMethods.Wrap(NativeMethods.rt_sin(Handle));

    /// <summary>Cosine of values in radians.</summary>
    public Tensor cos() => NativeMethods.Wrap(NativeMethods.rt_cos(Handle));

    /// <summary>Elementwise hyperbolic tangent.</summary>
    public Tensor tanh() => NativeMethods.Wrap(NativeMethods.rt_tanh(Handle));

    /// <summary>Elementwise logistic function 1/(1 + e⁻ˣ).</summary>
    public Tensor sigmoid() => NativeMethods.Wrap(NativeMethods.rt_sigmoid(Handle));

    /// <summary>Elementwise max(x, 0).</summary>
    public Tensor relu() => NativeMethods.Wrap(NativeMethods.rt_relu(Handle));

    /// <summary>Elementwise NOT of a bool tensor (for other dtypes: true where the element is zero).</summary>
    public Tensor logical_not() => NativeMethods.Wrap(NativeMethods.rt_logical_not(Handle));

    /// <summary>Elementwise power with a tensor exponent (broadcasting).</summary>
    public Tensor pow(Tensor exponent) => NativeMethods.Wrap(NativeMethods.rt_pow(Handle, exponent.Handle));

    /// <summary>Elementwise xᵉ with one scalar exponent.</summary>
    public Tensor pow(double exponent) => NativeMethods.Wrap(NativeMethods.rt_pow_scalar(Handle, exponent));

    /// <summary>Elementwise larger of this and <paramref name="other"/> (broadcasting).</summary>
    public Tensor maximum(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_maximum(Handle, other.Handle));

    /// <summary>Elementwise smaller of this and <paramref name="other"/> (broadcasting).</summary>
    public Tensor minimum(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_minimum(Handle, other.Handle));

    /// <summary>Clamps to [min, max]; a null bound is not applied.</summary>
    public Tensor clamp(double? min = null, double? max = null) =>
        NativeMethods.Wrap(NativeMethods.rt_clamp(Handle, min.HasValue ? 1 : 0, min ?? 0, max.HasValue ? 1 : 0, max ?? 0));

    /// <summary>Matrix product with PyTorch's broadcasting rules (1-D, 2-D and batched).</summary>
    public Tensor matmul(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_matmul(Handle, other.Handle));

    /// <summary>Batched matrix product of (B, n, m) and (B, m, p), no broadcasting.</summary>
    public Tensor bmm(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_bmm(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this == <paramref name="other"/> (broadcasting).</summary>
    public Tensor eq(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_eq(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this != <paramref name="other"/> (broadcasting).</summary>
    public Tensor ne(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_ne(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this &lt; <paramref name="other"/> (broadcasting).</summary>
    public Tensor lt(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_lt(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this ≤ <paramref name="other"/> (broadcasting).</summary>
    public Tensor le(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_le(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this &gt; <paramref name="other"/> (broadcasting).</summary>
    public Tensor gt(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_gt(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this ≥ <paramref name="other"/> (broadcasting).</summary>
    public Tensor ge(Tensor other) => NativeMethods.Wrap(NativeMethods.rt_ge(Handle, other.Handle));

    /// <summary>Bool tensor: elementwise this == <paramref name="value"/>.</summary>
    public Tensor eq(double value) => NativeMethods.Wrap(NativeMethods.rt_eq_scalar(Handle, value));

    /// <summary>Bool tensor: elementwise this &lt; <paramref name="value"/>.</summary>
    public Tensor lt(double value) => NativeMethods.Wrap(NativeMethods.rt_lt_scalar(Handle, value));

    /// <summary>Bool tensor: elementwise this &gt; <paramref name="value"/>.</summary>
    public Tensor gt(double value) => NativeMethods.Wrap(NativeMethods.rt_gt_scalar(Handle, value));

    /// <summary>Sets elements where the bool <paramref name="mask"/> is true to <paramref name="value"/> (out of place).</summary>
    public Tensor masked_fill(Tensor mask, double value) => NativeMethods.Wrap(NativeMethods.rt_masked_fill(Handle, mask.Handle, value));

    /// <summary>The same values in row-major memory order (this tensor's data when already contiguous); views from permute or transpose need it before raw reads.</summary>
    public Tensor contiguous() => NativeMethods.Wrap(NativeMethods.rt_contiguous(Handle));

    /// <summary>A copy with its own storage that stays in the autograd graph.</summary>
    public Tensor clone() => NativeMethods.Wrap(NativeMethods.rt_clone(Handle));
}
