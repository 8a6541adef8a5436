namespace RtfmGym.Torch;

/// <summary>A compute device: <c>cpu</c> or <c>cuda[:index]</c>. Index -1 means "the current one".</summary>
public sealed record Device(DeviceType Type, int Index = -1)
{
    /// <summary>The CPU.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);
    /// <summary>The current CUDA device (index -1); <see cref="Tensor.to(Device)"/> checks that one is available.</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public static Device Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var type = parts[0] switch
        {
            "cpu" => DeviceType.CPU,
            "cuda" => DeviceType.CUDA,
            _ => throw new ArgumentException($"unknown device '{text}' (expected cpu, cuda or cuda:N)", nameof(text)),
        };
        var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new Device(type, index);
    }

    /// <summary>Throws a <see cref="TorchException"/> when this is a CUDA device and CUDA cannot be used.</summary>
    public void EnsureAvailable()
    {
        if (Type == DeviceType.CUDA && !torch.cuda.is_available())
        {
            throw new TorchException(
                $"{this} requested but CUDA is not available (libtorch {torch.version}, {torch.cuda.device_count()} GPUs); " +
                "build native/ against a CUDA libtorch (docs/torch.md) on a machine with a GPU");
        }
    }

    /// <summary>PyTorch's spelling: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Type == DeviceType.CPU ? "cpu" : Index < 0 ? "cuda" : $"cuda:{Index}";
}
