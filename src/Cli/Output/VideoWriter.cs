using System.Diagnostics;
using RtfmGym.Env.Imaging;

namespace RtfmGym.Cli.Output;

/// <summary>
/// Collects an episode's frames and writes them as an H.264 mp4 through ffmpeg (frames scaled
/// up with nearest-neighbour so 64x64 pixels stay crisp), or as an animated PNG when ffmpeg
/// is missing or fails. Either way the file appears atomically.
/// </summary>
public sealed class VideoWriter(int width, int height, int framesPerSecond = 10)
{
    private readonly List<byte[]> _frames = new();

    public int Count => _frames.Count;

    /// <summary>The frames added so far (RGB, HWC).</summary>
    public IReadOnlyList<byte[]> Frames => _frames;

    public void Add(byte[] rgb) => _frames.Add(rgb);

    /// <summary>Writes the video next to <paramref name="pathWithoutExtension"/> and returns the path written.</summary>
    public string Write(string pathWithoutExtension)
    {
        if (_frames.Count == 0) throw new InvalidOperationException("No frames to write.");
        string mp4 = pathWithoutExtension + ".mp4";
        if (TryFfmpeg(mp4)) return mp4;
        string apng = pathWithoutExtension + ".apng.png";
        AtomicFile.WriteAllBytes(apng, PngWriter.EncodeAnimated(width, height, _frames, framesPerSecond));
        return apng;
    }

    private bool TryFfmpeg(string path)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string tmp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(path)}.{Environment.ProcessId}.tmp.mp4");
        int scale = Math.Max(1, 256 / Math.Max(width, height));
        var psi = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{width}x{height}", "-r", framesPerSecond.ToString(),
            "-i", "-", "-vf", $"scale={width * scale}:{height * scale}:flags=neighbor", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", tmp,
        })
        {
            psi.ArgumentList.Add(a);
        }
        try
        {
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException();
            Task<string> err = p.StandardError.ReadToEndAsync();
            Task<string> outp = p.StandardOutput.ReadToEndAsync();
            using (Stream stdin = p.StandardInput.BaseStream)
            {
                foreach (byte[] f in _frames) stdin.Write(f);
            }
            p.WaitForExit();
            _ = outp.Result;
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"rtfmgym: ffmpeg failed ({err.Result.Trim()}); writing an animated PNG instead.");
                File.Delete(tmp);
                return false;
            }
            File.Move(tmp, path, overwrite: true);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // ffmpeg is not installed
        }
    }
}
