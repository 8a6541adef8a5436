namespace RtfmGym.Torch;

/// <summary>Random tensors. Without a <see cref="Generator"/> libtorch's default one (see <see cref="manual_seed"/>) is used.</summary>
public static partial class torch
{
    /// <summary>A generator with its own state, seeded with <paramref name="seed"/>.</summary>
    public static Generator Generator(ulong seed) => new(seed);

    /// <summary>Standard normal samples.</summary>
    public static unsafe Tensor randn(long[] shape, Generator? generator = null, ScalarType dtype = float32, Device? device = null)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_randn(s, shape.Length, generator?.Handle ?? GeneratorHandle.Null, (int)dtype, (int)target.Type, target.Index));
        }
    }

    /// <summary>Uniform samples on [0, 1).</summary>
    public static unsafe Tensor rand(long[] shape, Generator? generator = null, ScalarType dtype = float32, Device? device = null)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_rand(s, shape.Length, generator?.Handle ?? GeneratorHandle.Null, (int)dtype, (int)target.Type, target.Index));
        }
    }

    /// <summary>Uniform integers on [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] shape, Generator? generator = null, ScalarType dtype = int64, Device? device = null)
    {
        var target = Target(device);
        fixed (long* s = shape)
        {
            return NativeMethods.Wrap(NativeMethods.rt_randint(low, high, s, shape.Length, generator?.Handle ?? GeneratorHandle.Null, (int)dtype, (int)target.Type, target.Index));
        }
    }
}
