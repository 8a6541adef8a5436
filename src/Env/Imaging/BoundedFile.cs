namespace RtfmGym.Env.Imaging;

/// <summary>Reads files that must be small, refusing before reading a larger one (a device such as /dev/zero included).</summary>
public static class BoundedFile
{
    /// <summary>
    /// The bytes of <paramref name="path"/>, or null when it holds more than <paramref name="maxBytes"/>
    /// (found from its length when it has one, else after reading one byte past the limit).
    /// </summary>
    public static byte[]? TryReadAllBytes(string path, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        if (stream.CanSeek && stream.Length > maxBytes) return null;
        var buffer = new byte[maxBytes + 1];
        int length = 0;
        for (int n; length < buffer.Length && (n = stream.Read(buffer, length, buffer.Length - length)) > 0;) length += n;
        return length > maxBytes ? null : buffer[..length];
    }
}
