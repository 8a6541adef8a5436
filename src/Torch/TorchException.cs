namespace RtfmGym.Torch;

/// <summary>
/// An error reported by libtorch (message passed through unchanged) or by this binding's own
/// checks (dtype/device mismatches, missing native library). The process stays usable afterwards.
/// </summary>
public class TorchException : Exception
{
    /// <summary>An error with <paramref name="message"/>.</summary>
    /// <param name="message">What failed, as libtorch or the binding's check said it.</param>
    public TorchException(string message)
        : base(message)
    {
    }

    /// <summary>An error with <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="inner">The underlying error.</param>
    public TorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
