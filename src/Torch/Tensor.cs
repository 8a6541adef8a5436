namespace RtfmGym.Torch;

/// <summary>
/// A libtorch tensor owned by .NET. Dispose it (or create it inside a <see cref="DisposeScope"/>)
/// to free native memory deterministically; the finalizer is only a safety net.
/// Method names follow PyTorch/TorchSharp (<c>reshape</c>, <c>sum</c>, ...).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;
    private long[]? _shape;

    internal Tensor(IntPtr handle)
    {
        _handle = new TensorHandle(handle);
        DisposeScope.Current?.Attach(this);
    }

    /// <summary>Native tensors currently alive (created and neither disposed nor finalized), process-wide.</summary>
    public static long LiveCount => TensorHandle.Live;

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    public DisposeScope? OwningScope { get; internal set; }

    /// <summary>True once the native tensor is freed (by <see cref="Dispose"/>, its scope, or the finalizer); using it then throws.</summary>
    public bool IsDisposed => _handle.IsClosed;

    internal TensorHandle Handle
    {
        get
        {
            if (_handle.IsClosed)
            {
                throw new ObjectDisposedException(nameof(Tensor),
                    "this tensor was already disposed (directly or by the DisposeScope that owned it); " +
                    "call MoveToOuterDisposeScope()/DetachFromDisposeScope() to keep a tensor beyond its scope");
            }
            return _handle;
        }
    }

    /// <summary>Sizes of each dimension.</summary>
    public unsafe long[] shape
    {
        get
        {
            if (_shape is null)
            {
                var dims = NativeMethods.rt_tensor_dim(Handle);
                NativeMethods.Check(dims);
                var sizes = new long[dims];
                fixed (long* p = sizes)
                {
                    NativeMethods.Check(NativeMethods.rt_tensor_shape(Handle, p));
                }
                _shape = sizes;
            }
            return (long[])_shape.Clone();
        }
    }

    /// <summary>Size of one dimension (negative counts from the end).</summary>
    public long size(int dim)
    {
        var s = shape;
        return s[dim < 0 ? dim + s.Length : dim];
    }

    /// <summary>Number of dimensions (0 for a scalar tensor).</summary>
    public int dim() => shape.Length;

    /// <summary>Number of elements.</summary>
    public long numel() => shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Element type.</summary>
    public ScalarType dtype
    {
        get
        {
            var code = NativeMethods.rt_tensor_dtype(Handle);
            NativeMethods.Check(code);
            return (ScalarType)code;
        }
    }

    /// <summary>Where the data lives; a CPU device has index -1.</summary>
    public Device device
    {
        get
        {
            var type = NativeMethods.rt_tensor_device_type(Handle);
            NativeMethods.Check(type);
            return new Device((DeviceType)type, type == 0 ? -1 : NativeMethods.rt_tensor_device_index(Handle));
        }
    }

    /// <summary>Frees the native tensor now. Idempotent.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }
        _handle.Dispose();
        OwningScope?.Forget(this);
    }

    /// <summary>Hands this tensor to the scope enclosing its current one (or none), so it survives the current scope.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = OwningScope?.Outer;
        OwningScope?.Forget(this);
        outer?.Attach(this);
        return this;
    }

    /// <summary>Removes this tensor from any scope; the caller disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Forget(this);
        return this;
    }
}
