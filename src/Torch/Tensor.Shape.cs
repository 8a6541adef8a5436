namespace RtfmGym.Torch;

/// <summary>Views, reshaping, splitting and indexing. Negative dims count from the end.</summary>
public sealed partial class Tensor
{
    /// <summary>Same data with a new shape (one entry may be -1); copies only when the layout needs it.</summary>
    public unsafe Tensor reshape(long[] shape)
    {
        fixed (long* p = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_reshape(Handle, p, shape.Length));
        }
    }

    /// <summary>Like <see cref="reshape"/> but never copies; fails on incompatible strides.</summary>
    public unsafe Tensor view(long[] shape)
    {
        fixed (long* p = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_view(Handle, p, shape.Length));
        }
    }

    /// <summary>Broadcasts size-1 dims to <paramref name="shape"/> without copying (-1 keeps a size).</summary>
    public unsafe Tensor expand(long[] shape)
    {
        fixed (long* p = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_expand(Handle, p, shape.Length));
        }
    }

    /// <summary>A view with the dimensions reordered: output dim i is input dim <c>order[i]</c>.</summary>
    public unsafe Tensor permute(long[] order)
    {
        fixed (long* p = order)
        {
            return NativeMethods.Wrap(NativeMethods.rt_permute(Handle, p, order.Length));
        }
    }

    /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped.</summary>
    public Tensor transpose(long dim0, long dim1) => NativeMethods.Wrap(NativeMethods.rt_transpose(Handle, dim0, dim1));

    /// <summary>Transpose of a 2-D tensor.</summary>
    public Tensor t() => transpose(0, 1);

    /// <summary>A view with a new dimension of size 1 inserted at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim) => NativeMethods.Wrap(NativeMethods.rt_unsqueeze(Handle, dim));

    /// <summary>Removes <paramref name="dim"/> if its size is 1.</summary>
    public Tensor squeeze(long dim) => NativeMethods.Wrap(NativeMethods.rt_squeeze(Handle, dim));

    /// <summary>Merges dimensions <paramref name="startDim"/> to <paramref name="endDim"/> (inclusive, negative counts from the end) into one.</summary>
    public Tensor flatten(long startDim = 0, long endDim = -1) => NativeMethods.Wrap(NativeMethods.rt_flatten(Handle, startDim, endDim));

    /// <summary>Splits into <paramref name="chunks"/> nearly equal parts (the last may be smaller, there may be fewer).</summary>
    public unsafe Tensor[] chunk(long chunks, long dim = 0)
    {
        if (chunks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunks), chunks, "chunks must be positive");
        }
        return Parts((output, capacity) => NativeMethods.rt_chunk(Handle, chunks, dim, output, capacity), (int)chunks);
    }

    /// <summary>Splits into parts of <paramref name="splitSize"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] split(long splitSize, long dim = 0)
    {
        if (splitSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(splitSize), splitSize, "split size must be positive");
        }
        var length = size((int)dim);
        var capacity = (int)Math.Max(1, (length + splitSize - 1) / splitSize);
        return Parts((output, cap) => NativeMethods.rt_split(Handle, splitSize, dim, output, cap), capacity);
    }

    private unsafe delegate int PartsCall(IntPtr* output, int capacity);

    private static unsafe Tensor[] Parts(PartsCall call, int capacity)
    {
        var handles = new IntPtr[capacity];
        int count;
        fixed (IntPtr* p = handles)
        {
            count = call(p, capacity);
        }
        NativeMethods.Check(count);
        var parts = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = new Tensor(handles[i]);
        }
        return parts;
    }

    /// <summary>A view of <paramref name="length"/> entries starting at <paramref name="start"/> along <paramref name="dim"/>.</summary>
    public Tensor narrow(long dim, long start, long length) => NativeMethods.Wrap(NativeMethods.rt_narrow(Handle, dim, start, length));

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, which is removed.</summary>
    public Tensor select(long dim, long index) => NativeMethods.Wrap(NativeMethods.rt_select(Handle, dim, index));

    /// <summary>Gathers entries along <paramref name="dim"/> at the positions in a 1-D int64 <paramref name="index"/> (copies).</summary>
    public Tensor index_select(long dim, Tensor index) => NativeMethods.Wrap(NativeMethods.rt_index_select(Handle, dim, index.Handle));

    /// <summary>Python's <c>t[..., start:end:step, ...]</c> on one dim; end is exclusive, negatives count from the end, <c>long.MaxValue</c> means "to the end".</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => NativeMethods.Wrap(NativeMethods.rt_slice(Handle, dim, start, end, step));

    /// <summary><c>t[i]</c>: selects along the first dim.</summary>
    public Tensor this[long index] => select(0, index);

    /// <summary>
    /// Python-style multi-dim indexing, e.g. <c>t[TensorIndex.Colon, TensorIndex.Slice(1, 3), 0]</c>.
    /// Indices apply to leading dims in order; integer indices remove their dim.
    /// </summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get
        {
            var current = this;
            long dim = 0;
            foreach (var index in indices)
            {
                var next = index.IsSingle
                    ? current.select(dim, index.Start)
                    : current.slice(dim, index.Start, index.End, index.Step);
                if (!index.IsSingle)
                {
                    dim++;
                }
                if (!ReferenceEquals(current, this))
                {
                    current.Dispose();
                }
                current = next;
            }
            return ReferenceEquals(current, this) ? current.slice(0, 0, long.MaxValue) : current;
        }
    }
}
