namespace RtfmGym.Torch;

/// <summary>
/// A seeded random generator. Samples are drawn on the CPU and then moved to the target device,
/// so one seed gives the same numbers everywhere.
/// </summary>
public sealed class Generator : IDisposable
{
    internal Generator(ulong seed)
    {
        var handle = NativeMethods.rt_generator_new(seed);
        if (handle == IntPtr.Zero)
        {
            NativeMethods.CheckForErrors();
        }
        Handle = new GeneratorHandle(handle);
        Seed = seed;
    }

    /// <summary>The seed the generator was created with.</summary>
    public ulong Seed { get; }

    internal GeneratorHandle Handle { get; }

    /// <summary>Frees the native generator.</summary>
    public void Dispose() => Handle.Dispose();
}
