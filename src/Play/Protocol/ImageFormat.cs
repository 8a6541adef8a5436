namespace RtfmGym.Play.Protocol;

/// <summary>How a frame's pixels travel in a frame packet.</summary>
public enum ImageFormat
{
    /// <summary>Raw RGBA bytes, row 0 at the top (what the page's ImageData takes as is); the default, faster at 64x64 (BENCHMARKS.md).</summary>
    Rgba,

    /// <summary>A PNG file (smaller, but encoded on the server and decoded in the browser).</summary>
    Png,
}
