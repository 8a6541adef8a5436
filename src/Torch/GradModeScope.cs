namespace RtfmGym.Torch;

/// <summary>Sets autograd recording for this thread until disposed, then restores the previous state.</summary>
public sealed class GradModeScope : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal GradModeScope(bool enabled)
    {
        _previous = NativeMethods.rt_set_grad_enabled(enabled ? 1 : 0) == 1;
    }

    /// <summary>Restores the gradient mode that was in force before this scope.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            NativeMethods.rt_set_grad_enabled(_previous ? 1 : 0);
        }
    }
}
