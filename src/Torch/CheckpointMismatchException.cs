namespace RtfmGym.Torch;

/// <summary>
/// A checkpoint does not fit a module: each entry of <see cref="Problems"/> names one tensor
/// that is missing, unexpected, or differs in shape or dtype.
/// </summary>
public sealed class CheckpointMismatchException : TorchException
{
    public CheckpointMismatchException(IReadOnlyList<string> problems)
        : base("checkpoint does not match the module: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
