namespace RtfmGym.Torch;

/// <summary>How a loss combines per-element values; values are libtorch's <c>at::Reduction</c> codes.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}
