namespace RtfmGym.Torch;

/// <summary>Arithmetic operators; tensor-tensor forms broadcast like NumPy/PyTorch.</summary>
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_add(a.Handle, b.Handle));

    public static Tensor operator -(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_sub(a.Handle, b.Handle));

    public static Tensor operator *(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_mul(a.Handle, b.Handle));

    public static Tensor operator /(Tensor a, Tensor b) => NativeMethods.Wrap(NativeMethods.rt_div(a.Handle, b.Handle));

    public static Tensor operator -(Tensor a) => NativeMethods.Wrap(NativeMethods.rt_neg(a.Handle));

    public static Tensor operator +(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_add_scalar(a.Handle, s));

    public static Tensor operator +(double s, Tensor a) => a + s;

    public static Tensor operator -(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_add_scalar(a.Handle, -s));

    public static Tensor operator -(double s, Tensor a) => NativeMethods.Wrap(NativeMethods.rt_rsub_scalar(a.Handle, s));

    public static Tensor operator *(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_mul_scalar(a.Handle, s));

    public static Tensor operator *(double s, Tensor a) => a * s;

    public static Tensor operator /(Tensor a, double s) => NativeMethods.Wrap(NativeMethods.rt_div_scalar(a.Handle, s));

    public static Tensor operator /(double s, Tensor a) => NativeMethods.Wrap(NativeMethods.rt_rdiv_scalar(a.Handle, s));

    public Tensor add(Tensor other) => this + other;

    public Tensor sub(Tensor other) => this - other;

    public Tensor mul(Tensor other) => this * other;

    public Tensor div(Tensor other) => this / other;
}
