namespace RtfmGym.Env.IO;

/// <summary>
/// Reads a whole input file with a size limit checked before reading, so that a huge file, a device
/// (<c>/dev/zero</c>) or a pipe is refused with a clear message instead of exhausting memory.
/// </summary>
public static class BoundedFile
{
    /// <summary>Reads <paramref name="path"/> if it is a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="maxBytes">The largest size accepted, in bytes.</param>
    /// <param name="what">What the file should be, for messages ("memory file", "episode record").</param>
    /// <exception cref="RtfmGymException">The file is missing, unreadable, too large, or yields more bytes than its size
    /// (a device or a pipe); the message names the file and the limit.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        try
        {
            if (Directory.Exists(path)) throw new RtfmGymException($"The {what} '{path}' is a folder; give the path of a {what} file.");
            var info = new FileInfo(path);
            if (!info.Exists) throw new RtfmGymException($"The {what} '{path}' does not exist.");
            if (info.Length > maxBytes)
                throw new RtfmGymException($"The {what} '{path}' is {info.Length:N0} bytes, more than the {maxBytes:N0} a {what} may be; is it the right file?");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // Read one byte past the size the file system reports: a device or pipe reports 0 and keeps going.
            byte[] bytes = new byte[info.Length];
            int total = 0, n;
            while (total < bytes.Length && (n = stream.Read(bytes, total, bytes.Length - total)) > 0) total += n;
            if (total < bytes.Length || stream.ReadByte() >= 0)
                throw new RtfmGymException($"The {what} '{path}' is not a regular file (a device or a pipe?) or changed while it was read; give the path of a saved {what}.");
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RtfmGymException($"The {what} '{path}' cannot be read: {e.Message}", e);
        }
    }

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
