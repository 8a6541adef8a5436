namespace RtfmGym.Torch;

/// <summary>
/// An error reported by libtorch (message passed through unchanged) or by this binding's own
/// checks (dtype/device mismatches, missing native library). The process stays usable afterwards.
/// </summary>
public class TorchException : Exception
{
    public TorchException(string message)
        : base(message)
    {
    }

    public TorchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
