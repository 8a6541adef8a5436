using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace RtfmGym.Env.IO;

/// <summary>
/// Writes files through a temporary name in the same folder and a rename, so readers never see half a file.
/// Temporary names are unique (".NAME.PID.GUID.tmp") and removed when a write fails; a process killed
/// mid-write leaves its temporary file behind, so the first write into a folder by a process removes
/// those of its temporary files that nobody has touched for <see cref="StaleAfter"/>.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>How long a temporary file must lie untouched before it counts as left by a crashed write: one hour.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private static readonly ConcurrentDictionary<string, bool> SweptFolders = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, creating the folder if
    /// needed. With <paramref name="unixCreateMode"/> the file has that mode from the moment it exists
    /// (for secrets: never readable by others, not even before a chmod).
    /// </summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, UnixFileMode? unixCreateMode = null)
    {
        string full = Path.GetFullPath(path);
        string tmp = TemporaryPath(full);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (unixCreateMode is { } mode && !OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
            using (var fs = new FileStream(tmp, options))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    /// <summary>Writes text as UTF-8 (no BOM) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// A new unique temporary name beside <paramref name="fullPath"/>, for writers that stream into a file and rename
    /// it when done (delete it on failure). Creates the folder, and sweeps it of stale temporary files once per process.
    /// </summary>
    public static string TemporaryPath(string fullPath)
    {
        string dir = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{fullPath}' has no folder.", nameof(fullPath));
        Directory.CreateDirectory(dir);
        if (SweptFolders.TryAdd(dir, true)) RemoveStaleTemporaries(dir, StaleAfter);
        return Path.Combine(dir, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// Deletes the temporary files of this class in <paramref name="folder"/> last written more than <paramref name="olderThan"/> ago;
    /// files it cannot delete are left. Returns how many it deleted.
    /// </summary>
    public static int RemoveStaleTemporaries(string folder, TimeSpan olderThan)
    {
        int removed = 0;
        DateTime cutoff = DateTime.UtcNow - olderThan;
        try
        {
            foreach (string file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (!TemporaryName().IsMatch(Path.GetFileName(file)) || File.GetLastWriteTimeUtc(file) > cutoff) continue;
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another process may be removing it too, or it is not ours to remove; either way it is not this write's business.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return removed;
        }
        return removed;
    }

    /// <summary>
    /// Checks that <paramref name="path"/> can be written (its folder exists or can be made, and a file can be created
    /// in it; the path is not a folder), so a command can refuse a bad output path before it does any work.
    /// </summary>
    /// <param name="path">The output file.</param>
    /// <param name="option">The option that named it, for the message ("--memory-out").</param>
    /// <exception cref="RtfmGymException">The path cannot be written; the message names it, the reason and the option.</exception>
    public static void CheckWritable(string path, string option)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
            if (Directory.Exists(full)) throw new RtfmGymException($"{option} '{path}' is a folder; give a file name, e.g. {Path.Combine(path, "memory.rtfmmem")}.");
            string tmp = TemporaryPath(full);
            using (new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new RtfmGymException($"{option} '{path}' cannot be written ({e.Message}); choose a file in a folder you can write to.", e);
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9]+\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
