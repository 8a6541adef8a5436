namespace RtfmGym.Torch;

/// <summary>How a loss combines per-element values; values are libtorch's <c>at::Reduction</c> codes.</summary>
public enum Reduction
{
    /// <summary>One loss per element, no reduction.</summary>
    None = 0,
    /// <summary>The mean of the per-element losses.</summary>
    Mean = 1,
    /// <summary>The sum of the per-element losses.</summary>
    Sum = 2,
}
