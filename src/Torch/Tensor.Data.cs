namespace RtfmGym.Torch;

public sealed partial class Tensor
{
    /// <summary>
    /// Copies the elements (row-major) into <paramref name="destination"/>, which must have exactly
    /// <see cref="numel"/> elements. The tensor must live on the CPU and have the element type of
    /// <typeparamref name="T"/>; convert first with <c>cpu()</c> / <c>to(dtype)</c>.
    /// </summary>
    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        var expected = ScalarTypes.Of<T>();
        var actual = dtype;
        if (actual != expected)
        {
            throw new TorchException($"cannot read a {actual.TorchName()} tensor as {typeof(T).Name} ({expected.TorchName()}); convert it with to(ScalarType.{expected}) first");
        }
        var place = device;
        if (place.Type != DeviceType.CPU)
        {
            throw new TorchException($"cannot read a tensor on {place} as a span; copy it to the CPU with cpu() first");
        }
        var count = numel();
        if (destination.Length != count)
        {
            throw new ArgumentException($"destination has {destination.Length} elements but the tensor {FormatShape(shape)} has {count}", nameof(destination));
        }
        fixed (T* p = destination)
        {
            NativeMethods.Check(NativeMethods.rt_tensor_copy_to(Handle, p, count * sizeof(T)));
        }
    }

    /// <summary>A new array with the elements in row-major order (see <see cref="CopyTo{T}"/> for requirements).</summary>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        var result = new T[numel()];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>The raw little-endian bytes of a CPU tensor, any dtype (checkpoint writer).</summary>
    internal unsafe byte[] ToBytes()
    {
        var place = device;
        if (place.Type != DeviceType.CPU)
        {
            throw new TorchException($"cannot read a tensor on {place} as bytes; copy it to the CPU with cpu() first");
        }
        var bytes = new byte[numel() * dtype.ElementSize()];
        fixed (byte* p = bytes)
        {
            NativeMethods.Check(NativeMethods.rt_tensor_copy_to(Handle, p, bytes.Length));
        }
        return bytes;
    }

    /// <summary>The value of a one-element tensor (any device, any dtype convertible to <typeparamref name="T"/>).</summary>
    public T item<T>()
        where T : unmanaged
    {
        var count = numel();
        if (count != 1)
        {
            throw new TorchException($"item() needs a tensor with one element, this one has shape {FormatShape(shape)} ({count} elements)");
        }
        if (typeof(T) == typeof(long) || typeof(T) == typeof(int))
        {
            var integer = NativeMethods.rt_tensor_item_long(Handle);
            NativeMethods.CheckForErrors();
            return typeof(T) == typeof(long) ? (T)(object)integer : (T)(object)checked((int)integer);
        }
        var value = NativeMethods.rt_tensor_item_double(Handle);
        NativeMethods.CheckForErrors();
        if (typeof(T) == typeof(double)) return (T)(object)value;
        if (typeof(T) == typeof(float)) return (T)(object)(float)value;
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)value;
        if (typeof(T) == typeof(bool)) return (T)(object)(value != 0);
        throw new TorchException($"item<{typeof(T).Name}>() is not supported; use float, double, Half, long, int or bool");
    }

    /// <summary>Copies <paramref name="source"/> into this tensor in place (broadcasting, converting dtype/device); not recorded by autograd.</summary>
    public Tensor copy_(Tensor source)
    {
        NativeMethods.Check(NativeMethods.rt_tensor_copy_(Handle, source.Handle));
        return this;
    }

    internal static string FormatShape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
