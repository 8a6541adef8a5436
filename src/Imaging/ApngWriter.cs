using System.Buffers.Binary;

namespace RtfmGym.Imaging;

/// <summary>
/// Writes an animated PNG (APNG) frame by frame into a seekable stream, so a long animation never has to
/// be held in memory: the frame count in the header is filled in by <see cref="Finish"/>. Loops forever.
/// </summary>
public sealed class ApngWriter
{
    private readonly Stream _output;
    private readonly int _width, _height, _framesPerSecond;
    private readonly long _controlPosition;
    private int _frames, _sequence;
    private bool _finished;

    /// <param name="output">A seekable stream positioned where the PNG starts.</param>
    /// <param name="width">Frame width, pixels.</param>
    /// <param name="height">Frame height, pixels.</param>
    /// <param name="framesPerSecond">Playback rate, 1 to 100.</param>
    public ApngWriter(Stream output, int width, int height, int framesPerSecond = 10)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek) throw new ArgumentException("An APNG is written to a seekable stream (its frame count comes last).", nameof(output));
        if (framesPerSecond is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "1 to 100 frames a second.");
        (_output, _width, _height, _framesPerSecond) = (output, width, height, framesPerSecond);
        PngWriter.WriteHeader(output, width, height);
        _controlPosition = output.Position;
        WriteAnimationControl();
    }

    /// <summary>Frames written so far.</summary>
    public int Count => _frames;

    /// <summary>Appends one frame (RGB bytes, HWC).</summary>
    public void Add(ReadOnlySpan<byte> rgb)
    {
        if (_finished) throw new InvalidOperationException("The animation is finished.");
        Span<byte> fctl = stackalloc byte[26];
        BinaryPrimitives.WriteInt32BigEndian(fctl, _sequence++);
        BinaryPrimitives.WriteInt32BigEndian(fctl[4..], _width);
        BinaryPrimitives.WriteInt32BigEndian(fctl[8..], _height);
        BinaryPrimitives.WriteInt32BigEndian(fctl[12..], 0);
        BinaryPrimitives.WriteInt32BigEndian(fctl[16..], 0);
        BinaryPrimitives.WriteInt16BigEndian(fctl[20..], 1);
        BinaryPrimitives.WriteInt16BigEndian(fctl[22..], (short)_framesPerSecond);
        fctl[24] = 0; fctl[25] = 0; // dispose none, blend source
        PngWriter.WriteChunk(_output, "fcTL", fctl);
        byte[] data = PngWriter.Compress(_width, _height, rgb);
        if (_frames == 0)
        {
            PngWriter.WriteChunk(_output, "IDAT", data);
        }
        else
        {
            var fdat = new byte[data.Length + 4];
            BinaryPrimitives.WriteInt32BigEndian(fdat, _sequence++);
            data.CopyTo(fdat, 4);
            PngWriter.WriteChunk(_output, "fdAT", fdat);
        }
        _frames++;
    }

    /// <summary>Writes the frame count into the header and ends the file; the stream is left at its end.</summary>
    public void Finish()
    {
        if (_frames == 0) throw new InvalidOperationException("An animation needs at least one frame.");
        if (_finished) return;
        _finished = true;
        PngWriter.WriteChunk(_output, "IEND", []);
        long end = _output.Position;
        _output.Position = _controlPosition;
        WriteAnimationControl();
        _output.Position = end;
    }

    private void WriteAnimationControl()
    {
        Span<byte> actl = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(actl, _frames);
        BinaryPrimitives.WriteInt32BigEndian(actl[4..], 0); // loop forever
        PngWriter.WriteChunk(_output, "acTL", actl);
    }
}
