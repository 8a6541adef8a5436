namespace RtfmGym.Torch;

/// <summary>
/// Mixed precision for this thread until disposed: on CUDA, eligible ops (matmul, conv, attention)
/// run in the chosen dtype (bfloat16 by default). On the CPU it does nothing, so the same code runs
/// in full precision there.
/// </summary>
public sealed class AutocastScope : IDisposable
{
    private readonly int _previous = -1;
    private bool _disposed;

    internal AutocastScope(ScalarType dtype, Device device)
    {
        if (device.Type != DeviceType.CUDA)
        {
            return;
        }
        device.EnsureAvailable();
        _previous = NativeMethods.rt_autocast_enter((int)dtype);
        NativeMethods.Check(_previous);
    }

    /// <summary>Whether CUDA autocast is on for this thread right now.</summary>
    public static bool IsEnabled => NativeMethods.rt_autocast_is_enabled() == 1;

    /// <summary>Restores the autocast state that was in force before this scope; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (_disposed || _previous < 0)
        {
            return;
        }
        _disposed = true;
        NativeMethods.Check(NativeMethods.rt_autocast_exit(_previous));
    }
}
