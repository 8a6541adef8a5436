using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Json;

namespace RtfmGym.Torch;

/// <summary>
/// Reads and writes the safetensors format (huggingface/safetensors), so checkpoints move freely
/// between this binding and Python: an 8-byte little-endian header length, a UTF-8 JSON header
/// <c>{"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}}</c> padded
/// with spaces to 8 bytes, then the raw little-endian row-major tensor bytes (offsets relative to them).
/// </summary>
public static class SafeTensors
{
    /// <summary>Refuses headers above this size (the reference implementation's limit) to fail fast on garbage.</summary>
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>
    /// Writes <paramref name="tensors"/> (any device; copied to the CPU) to <paramref name="path"/>. The file is
    /// written next to the target and renamed over it, so a crash never leaves a truncated checkpoint.
    /// </summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors writing assumes a little-endian machine");
        }
        var entries = tensors.ToList();
        var header = BuildHeader(entries, metadata);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (var (_, tensor) in entries)
                {
                    using var cpu = tensor.cpu();
                    stream.Write(cpu.ToBytes());
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static byte[] BuildHeader(List<KeyValuePair<string, Tensor>> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in entries)
            {
                var dtype = tensor.dtype;
                var shape = tensor.shape;
                var bytes = tensor.numel() * dtype.ElementSize();
                json.WriteStartObject(name);
                json.WriteString("dtype", DtypeName(dtype));
                json.WriteStartArray("shape");
                foreach (var size in shape)
                {
                    json.WriteNumberValue(size);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }
            json.WriteEndObject();
        }
        // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
        var header = buffer.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var result = new byte[padded];
        header.CopyTo(result, 0);
        result.AsSpan(header.Length).Fill((byte)' ');
        return result;
    }

    /// <summary>
    /// Reads every tensor of a safetensors file onto the CPU. The file is memory-mapped and each tensor copied
    /// straight from the mapping, so checkpoints larger than 2 GiB work. Dispose the result to free the tensors.
    /// </summary>
    public static unsafe SafeTensorsFile Load(string path)
    {
        var fileLength = new FileInfo(path).Length;
        if (fileLength < 8)
        {
            throw new TorchException($"{path} is not a safetensors file: {fileLength} bytes is shorter than the 8-byte header length");
        }
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* basePointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePointer);
        try
        {
            var start = basePointer + view.PointerOffset;
            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(start, 8));
            if (headerLength > MaxHeaderBytes || 8 + (long)headerLength > fileLength)
            {
                throw new TorchException($"{path} is not a safetensors file: header length {headerLength} does not fit the {fileLength}-byte file");
            }
            var header = new ReadOnlySpan<byte>(start + 8, (int)headerLength).ToArray();
            return ReadTensors(path, header, start + 8 + (long)headerLength, fileLength - 8 - (long)headerLength);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    private static unsafe SafeTensorsFile ReadTensors(string path, byte[] header, byte* data, long dataLength)
    {
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string>();
        try
        {
            using var doc = JsonDocument.Parse(header);
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    foreach (var item in entry.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.GetString() ?? string.Empty;
                    }
                    continue;
                }
                var dtype = ParseDtype(entry.Value.GetProperty("dtype").GetString() ?? string.Empty);
                var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var expected = shape.Aggregate(1L, (a, b) => a * b) * dtype.ElementSize();
                if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] > dataLength || offsets[1] - offsets[0] != expected)
                {
                    throw new TorchException($"{path}: tensor '{entry.Name}' has data_offsets [{string.Join(", ", offsets)}] that do not fit shape {Tensor.FormatShape(shape)} {dtype.TorchName()} in {dataLength} data bytes");
                }
                tensors[entry.Name] = torch.from_pointer(data + offsets[0], shape, dtype).DetachFromDisposeScope();
            }
        }
        catch (Exception e)
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
            if (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new TorchException($"{path} is not a valid safetensors file: {e.Message}", e);
            }
            throw;
        }
        return new SafeTensorsFile(tensors, metadata);
    }

    /// <summary>The safetensors dtype code, e.g. <c>F32</c>.</summary>
    public static string DtypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Float64 => "F64",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.UInt8 => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new TorchException($"{dtype} cannot be stored in safetensors"),
    };

    /// <summary>The <see cref="ScalarType"/> of a safetensors dtype name (<c>F32</c>, <c>BF16</c>, <c>I64</c>, ...); throws <see cref="TorchException"/> for names it cannot hold.</summary>
    public static ScalarType ParseDtype(string name) => name switch
    {
        "F32" => ScalarType.Float32,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "F64" => ScalarType.Float64,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "I16" => ScalarType.Int16,
        "I8" => ScalarType.Int8,
        "U8" => ScalarType.UInt8,
        "BOOL" => ScalarType.Bool,
        _ => throw new TorchException($"unsupported safetensors dtype '{name}'"),
    };
}
