namespace RtfmGym.Torch;

/// <summary>Arithmetic operators; tensor-tensor forms broadcast like NumPy/PyTorch.</summary>
public sealed partial class Tensor
{
    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_add(a.Handle, b.Handle));

    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_sub(a.Handle, b.Handle));

    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_mul(a.Handle, b.Handle));

    /// <summary>Elementwise quotient with broadcasting (true division: integer inputs give floats).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_div(a.Handle, b.Handle));

    /// <summary>Elementwise negation.</summary>
    public static Tensor operator -(Tensor a) => NativeMethods.Wrap(NativeMethods.rt_neg(a.Handle));

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_add_scalar(a.Handle, s));

    /// <summary>Adds a scalar to every element.</summary>
    public static Tensor operator +(double s, Tensor a) => a + s;

    /// <summary>Subtracts a scalar from every element.</summary>
    public static Tensor operator -(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_add_scalar(a.Handle, -s));

    /// <summary>The scalar minus each element.</summary>
    public static Tensor operator -(double s, Tensor a) => NativeMethods.Wrap(NativeMethods.rt_rsub_scalar(a.Handle, s));

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_mul_scalar(a.Handle, s));

    /// <summary>Multiplies every element by a scalar.</summary>
    public static Tensor operator *(double s, Tensor a) => a * s;

    /// <summary>Divides every element by a scalar.</summary>
    public static Tensor operator /(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_div_scalar(a.Handle, s));

    /// <summary>The scalar divided by each element.</summary>
    public static Tensor operator /(double s, Tensor a) => NativeMethods.Wrap(NativeMethods.rt_rdiv_scalar(a.Handle, s));

    /// <summary>Elementwise sum with broadcasting (the <c>+</c> operator).</summary>
    public Tensor add(Tensor other) => this + other;

    /// <summary>Elementwise difference with broadcasting (the <c>-</c> operator).</summary>
    public Tensor sub(Tensor other) => this - other;

    /// <summary>Elementwise product with broadcasting (the <c>*</c> operator).</summary>
    public Tensor mul(Tensor other) => this * other;

    /// <summary>Elementwise quotient with broadcasting (the <c>/</c> operator).</summary>
    public Tensor div(Tensor other) => this / other;
}
