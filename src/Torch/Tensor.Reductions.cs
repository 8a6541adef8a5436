namespace RtfmGym.Torch;

/// <summary>Reductions over all elements or chosen dims (negative dims count from the end).</summary>
public sealed partial class Tensor
{
    /// <summary>Sum of all elements (0-dim tensor).</summary>
    public Tensor sum() => NativeMethods.Wrap(NativeMethods.rt_sum_all(Handle));

    /// <summary>Sum along <paramref name="dim"/>, which is dropped unless <paramref name="keepdim"/>.</summary>
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    /// <summary>Sum along each of <paramref name="dims"/>, which are dropped unless <paramref name="keepdim"/>.</summary>
    public unsafe Tensor sum(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims)
        {
            return NativeMethods.Wrap(NativeMethods.rt_sum(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    /// <summary>Mean of all elements (0-dim tensor); float dtypes only.</summary>
    public Tensor mean() => NativeMethods.Wrap(NativeMethods.rt_mean_all(Handle));

    /// <summary>Mean along <paramref name="dim"/>, which is dropped unless <paramref name="keepdim"/>.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

    /// <summary>Mean along each of <paramref name="dims"/>, which are dropped unless <paramref name="keepdim"/>.</summary>
    public unsafe Tensor mean(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims)
        {
            return NativeMethods.Wrap(NativeMethods.rt_mean(Handle, p, dims.Length, keepdim ? 1 : 0));
        }
    }

    /// <summary>Variance of all elements; <paramref name="unbiased"/> divides by n-1 (PyTorch's default).</summary>
    public Tensor var(bool unbiased = true) => NativeMethods.Wrap(NativeMethods.rt_var_all(Handle, unbiased ? 1 : 0));

    /// <summary>Variance along <paramref name="dim"/>: divided by n − 1 when <paramref name="unbiased"/>, else by n.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

    /// <summary>Variance along each of <paramref name="dims"/>: divided by n − 1 when <paramref name="unbiased"/>, else by n.</summary>
    public unsafe Tensor var(long[] dims, bool unbiased = true, bool keepdim = false)
    {
        fixed (long* p = dims)
        {
            return NativeMethods.Wrap(NativeMethods.rt_var(Handle, p, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0));
        }
    }

    /// <summary>Largest element (0-dim tensor).</summary>
    public Tensor max() => NativeMethods.Wrap(NativeMethods.rt_max_all(Handle));

    /// <summary>Smallest element (0-dim tensor).</summary>
    public Tensor min() => NativeMethods.Wrap(NativeMethods.rt_min_all(Handle));

    /// <summary>Largest values along <paramref name="dim"/> and their int64 positions.</summary>
    public unsafe (Tensor values, Tensor indices) max(long dim, bool keepdim = false)
    {
        IntPtr values;
        IntPtr indices;
        NativeMethods.Check(NativeMethods.rt_max_dim(Handle, dim, keepdim ? 1 : 0, &values, &indices));
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>int64 positions of the largest values along <paramref name="dim"/>.</summary>
    public Tensor argmax(long dim, bool keepdim = false) => NativeMethods.Wrap(NativeMethods.rt_argmax(Handle, dim, keepdim ? 1 : 0));

    /// <summary>L2 norm of all elements.</summary>
    public Tensor norm() => NativeMethods.Wrap(NativeMethods.rt_norm_all(Handle));
}
