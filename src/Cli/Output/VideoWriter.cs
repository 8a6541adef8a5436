using System.Diagnostics;
using RtfmGym.Env.IO;
using RtfmGym.Imaging;

namespace RtfmGym.Cli.Output;

/// <summary>
/// Streams an episode's frames into a video as they come, holding none of them: an H.264 mp4 through
/// ffmpeg (frames scaled up with nearest-neighbour so 64x64 pixels stay crisp) and, beside it, an
/// animated PNG that is kept only when ffmpeg is missing or fails. Both go to temporary files
/// (see <see cref="AtomicFile.TemporaryPath"/>) that <see cref="Finish"/> renames and <see cref="Dispose"/> removes.
/// </summary>
public sealed class VideoWriter : IDisposable
{
    private readonly string _mp4, _apng;
    private readonly int _width, _height, _framesPerSecond;
    private FileStream? _apngFile;
    private ApngWriter? _animation;
    private string? _apngTemp, _mp4Temp;
    private Process? _ffmpeg;
    private Task<string>? _ffmpegErrors;
    private bool _ffmpegBroken;

    /// <param name="pathWithoutExtension">Where the video goes: ".mp4" or ".apng.png" is added.</param>
    /// <param name="width">Frame width, pixels.</param>
    /// <param name="height">Frame height, pixels.</param>
    /// <param name="framesPerSecond">Playback rate.</param>
    public VideoWriter(string pathWithoutExtension, int width, int height, int framesPerSecond = 10)
    {
        string full = Path.GetFullPath(pathWithoutExtension);
        (_mp4, _apng, _width, _height, _framesPerSecond) = (full + ".mp4", full + ".apng.png", width, height, framesPerSecond);
    }

    /// <summary>Frames added so far.</summary>
    public int Count => _animation?.Count ?? 0;

    /// <summary>Appends one frame (RGB bytes, HWC).</summary>
    public void Add(byte[] rgb)
    {
        if (_animation is null) Start();
        _animation!.Add(rgb);
        if (_ffmpeg is null || _ffmpegBroken) return;
        try
        {
            _ffmpeg.StandardInput.BaseStream.Write(rgb);
        }
        catch (IOException)
        {
            _ffmpegBroken = true; // ffmpeg quit early; its message is reported by Finish, and the animated PNG is kept
        }
    }

    /// <summary>Ends the video and returns the path written: the mp4, or the animated PNG when ffmpeg is missing or failed.</summary>
    public string Finish()
    {
        if (_animation is null) throw new InvalidOperationException("No frames to write.");
        _animation.Finish();
        _apngFile!.Flush(flushToDisk: true);
        _apngFile.Dispose();
        _apngFile = null;
        if (_ffmpeg is { } p && FinishFfmpeg(p))
        {
            File.Move(_mp4Temp!, _mp4, overwrite: true);
            _mp4Temp = null;
            return _mp4;
        }
        File.Move(_apngTemp!, _apng, overwrite: true);
        _apngTemp = null;
        return _apng;
    }

    /// <summary>Stops ffmpeg if it still runs and removes the temporary files of an unfinished video.</summary>
    public void Dispose()
    {
        _apngFile?.Dispose();
        if (_ffmpeg is { } p)
        {
            if (!p.HasExited)
            {
                try { p.Kill(); } catch (InvalidOperationException) { }
                p.WaitForExit();
            }
            p.Dispose();
            _ffmpeg = null;
        }
        foreach (string? tmp in new[] { _apngTemp, _mp4Temp }) if (tmp is not null) File.Delete(tmp);
        _apngTemp = _mp4Temp = null;
    }

    private void Start()
    {
        _apngTemp = AtomicFile.TemporaryPath(_apng);
        _apngFile = new FileStream(_apngTemp, FileMode.CreateNew, FileAccess.ReadWrite);
        _animation = new ApngWriter(_apngFile, _width, _height, _framesPerSecond);
        _mp4Temp = AtomicFile.TemporaryPath(_mp4);
        _ffmpeg = StartFfmpeg(_mp4Temp);
        if (_ffmpeg is null) _mp4Temp = null;
        else
        {
            _ffmpegErrors = _ffmpeg.StandardError.ReadToEndAsync();
            _ = _ffmpeg.StandardOutput.ReadToEndAsync();
        }
    }

    private Process? StartFfmpeg(string output)
    {
        int scale = Math.Max(1, 256 / Math.Max(_width, _height));
        var psi = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true, // drained below: ffmpeg must never write into `run --json`'s output
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{_width}x{_height}", "-r", _framesPerSecond.ToString(),
            "-i", "-", "-vf", $"scale={_width * scale}:{_height * scale}:flags=neighbor", "-c:v", "libx264", "-pix_fmt", "yuv420p",
            "-movflags", "+faststart", "-f", "mp4", output,
        })
        {
            psi.ArgumentList.Add(a);
        }
        try
        {
            return Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // ffmpeg is not installed
        }
    }

    private bool FinishFfmpeg(Process p)
    {
        try
        {
            p.StandardInput.BaseStream.Dispose();
        }
        catch (IOException)
        {
            _ffmpegBroken = true;
        }
        p.WaitForExit();
        if (p.ExitCode == 0 && !_ffmpegBroken) return true;
        Console.Error.WriteLine($"rtfmgym: ffmpeg failed ({_ffmpegErrors?.Result.Trim()}); writing an animated PNG instead.");
        File.Delete(_mp4Temp!);
        _mp4Temp = null;
        return false;
    }
}
