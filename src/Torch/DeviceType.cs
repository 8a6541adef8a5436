namespace RtfmGym.Torch;

/// <summary>Device kinds; values are libtorch's <c>c10::DeviceType</c> codes.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}
