namespace RtfmGym.Torch;

/// <summary>Tensor factories. dtype defaults to float32 and device to the CPU.</summary>
public static partial class torch
{
    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major) with <paramref name="shape"/> (default: 1-D).</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        shape ??= [data.Length];
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length)
        {
            throw new ArgumentException($"shape {Tensor.FormatShape(shape)} needs {count} elements but {data.Length} were given", nameof(shape));
        }
        var target = device ?? Device.CPU;
        target.EnsureAvailable();
        Tensor result;
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            result = NativeMethods.Wrap(NativeMethods.rt_tensor_from_data(p, s, shape.Length, (int)ScalarTypes.Of<T>(), (int)target.Type, target.Index));
        }
        return requires_grad ? result.requires_grad_() : result;
    }

    /// <inheritdoc cref="tensor{T}(ReadOnlySpan{T}, long[], Device, bool)"/>
    public static Tensor tensor<T>(T[] data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged => tensor<T>(data.AsSpan(), shape, device, requires_grad);

    /// <summary>A 0-dim tensor holding <paramref name="value"/>.</summary>
    public static Tensor scalar_tensor(double value, ScalarType dtype = float32, Device? device = null) =>
        full([], value, dtype, device);

    /// <summary>A CPU tensor copied from raw little-endian row-major data (checkpoint reader).</summary>
    internal static unsafe Tensor from_pointer(byte* data, long[] shape, ScalarType dtype)
    {
        fixed (long* s = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_tensor_from_data(data, s, shape.Length, (int)dtype, 0, -1));
        }
    }

    /// <summary>A tensor of <paramref name="shape"/> filled with 0, on <paramref name="device"/> (default CPU); a leaf that tracks gradients when <paramref name="requires_grad"/>.</summary>
    public static unsafe Tensor zeros(long[] shape, ScalarType dtype = float32, Device? device = null, bool requires_grad = false)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return Grad(NativeMethods.Wrap(NativeMethods.rt_zeros(s, shape.Length, (int)dtype, (int)target.Type, target.Index)), requires_grad);
        }
    }

    /// <summary>A tensor of <paramref name="shape"/> filled with 1, on <paramref name="device"/> (default CPU); a leaf that tracks gradients when <paramref name="requires_grad"/>.</summary>
    public static unsafe Tensor ones(long[] shape, ScalarType dtype = float32, Device? device = null, bool requires_grad = false)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return Grad(NativeMethods.Wrap(NativeMethods.rt_ones(s, shape.Length, (int)dtype, (int)target.Type, target.Index)), requires_grad);
        }
    }

    /// <summary>A tensor of <paramref name="shape"/> filled with <paramref name="value"/>, on <paramref name="device"/> (default CPU); a leaf that tracks gradients when <paramref name="requires_grad"/>.</summary>
    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = float32, Device? device = null, bool requires_grad = false)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return Grad(NativeMethods.Wrap(NativeMethods.rt_full(s, shape.Length, value, (int)dtype, (int)target.Type, target.Index)), requires_grad);
        }
    }

    /// <summary>Zeros with the shape, dtype and device of <paramref name="like"/>.</summary>
    public static Tensor zeros_like(Tensor like) => zeros(like.shape, like.dtype, like.device);

    /// <summary>Ones with the shape, dtype and device of <paramref name="like"/>.</summary>
    public static Tensor ones_like(Tensor like) => ones(like.shape, like.dtype, like.device);

    /// <summary>Values start, start+step, ... below <paramref name="end"/> (exclusive). Default dtype int64 like PyTorch for integral use.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = int64, Device? device = null)
    {
        var target = Target(device);
        return NativeMethods.Wrap(NativeMethods.rt_arange(start, end, step, (int)dtype, (int)target.Type, target.Index));
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end, both inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType dtype = float32, Device? device = null)
    {
        var target = Target(device);
        return NativeMethods.Wrap(NativeMethods.rt_linspace(start, end, steps, (int)dtype, (int)target.Type, target.Index));
    }

    private static Device Target(Device? device)
    {
        var target = device ?? Device.CPU;
        target.EnsureAvailable();
        return target;
    }

    private static Tensor Grad(Tensor t, bool requiresGrad) => requiresGrad ? t.requires_grad_() : t;
}
