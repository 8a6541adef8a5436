namespace RtfmGym.Torch;

/// <summary>dtype and device conversion (always a new tensor, sharing data when nothing changes).</summary>
public sealed partial class Tensor
{
    /// <summary>A copy in dtype <paramref name="type"/> on the same device (this tensor's data when nothing changes).</summary>
    public Tensor to(ScalarType type) => to(type, device);

    /// <summary>A copy on <paramref name="target"/> in the same dtype; CUDA targets are checked for availability first.</summary>
    public Tensor to(Device target) => to(dtype, target);

    /// <summary>Converts dtype and device at once; CUDA targets are checked for availability first.</summary>
    public Tensor to(ScalarType type, Device target)
    {
        target.EnsureAvailable();
        return NativeMethods.Wrap(NativeMethods.rt_tensor_to(Handle, (int)type, (int)target.Type, target.Index));
    }

    /// <summary>The tensor on the CPU (this tensor's data when it is there already).</summary>
    public Tensor cpu() => to(Device.CPU);

    /// <summary>The tensor on the current CUDA device; throws <see cref="TorchException"/> when none is available.</summary>
    public Tensor cuda() => to(Device.CUDA);

    /// <summary>Converts in place: the same .NET object (and handle) now holds the converted data; keeps requires_grad.</summary>
    internal void ConvertInPlace(ScalarType type, Device target)
    {
        target.EnsureAvailable();
        NativeMethods.Check(NativeMethods.rt_tensor_to_inplace(Handle, (int)type, (int)target.Type, target.Index));
    }
}
