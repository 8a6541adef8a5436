namespace RtfmGym.Torch;

/// <summary>
/// A checkpoint does not fit a module: each entry of <see cref="Problems"/> names one tensor
/// that is missing, unexpected, or differs in shape or dtype.
/// </summary>
public sealed class CheckpointMismatchException : TorchException
{
    /// <summary>A mismatch listing every <paramref name="problems"/> entry in the message.</summary>
    /// <param name="problems">One line per tensor that is missing, unexpected, or of the wrong shape or dtype.</param>
    public CheckpointMismatchException(IReadOnlyList<string> problems)
        : base("checkpoint does not match the module: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>One line per mismatched tensor, naming it and what differs.</summary>
    public IReadOnlyList<string> Problems { get; }
}
