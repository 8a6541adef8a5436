namespace RtfmGym.Torch;

/// <summary>
/// The libtorch shim (librtfmtorch.so) or libtorch itself could not be found or loaded. This is a set-up
/// problem rather than a bug: the message says where it looked and which script installs it, so a command
/// line reports it as an error of its input (exit code 2) without a stack trace.
/// </summary>
public sealed class NativeLibraryMissingException : TorchException
{
    /// <summary>An error with <paramref name="message"/>, which names the paths tried and the fix.</summary>
    public NativeLibraryMissingException(string message)
        : base(message)
    {
    }
}
