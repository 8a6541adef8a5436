namespace RtfmGym.Torch;

/// <summary>The contents of a safetensors file: CPU tensors by name and the string metadata. Owns the tensors.</summary>
public sealed class SafeTensorsFile : IDisposable
{
    internal SafeTensorsFile(Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
    }

    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public void Dispose()
    {
        foreach (var tensor in Tensors.Values)
        {
            tensor.Dispose();
        }
    }
}
