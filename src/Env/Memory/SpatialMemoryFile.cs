using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.IO;

namespace RtfmGym.Env.Memory;

/// <summary>
/// Saves and loads a <see cref="SpatialMemory"/> (format in docs/memory.md): magic "RTFMMEM1",
/// version, options, counters, the world seed (from version 2), entry count, entries (id, last use, pose, step, generation
/// depth (from version 3), size, RGB, optional depth), then a SHA-256 of every byte before it. All little-endian (depth is
/// copied as the host's floats, and every platform .NET 10 runs on here is little-endian). Writes are
/// atomic; a file that is truncated or corrupt is refused whole. Only frames are saved: a frame source that keeps per-frame data (a learned model's keys and values) derives it again from the frame.
/// </summary>
public static class SpatialMemoryFile
{
    /// <summary>
    /// The format version written. Version 2 added the world seed, version 3 each entry's generation depth; older files
    /// still load (version 1 with <see cref="SpatialMemory.WorldSeed"/> null, versions 1 and 2 with every entry taken as ground truth).
    /// </summary>
    public const int Version = 3;

    /// <summary>The oldest format version read.</summary>
    public const int OldestReadableVersion = 1;

    private static readonly byte[] Magic = "RTFMMEM1"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>Writes <paramref name="memory"/>, with its <see cref="SpatialMemory.WorldSeed"/>, to <paramref name="path"/> (temporary file, then rename).</summary>
    public static void Save(SpatialMemory memory, string path)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(memory.Options.CellSize);
            w.Write(memory.Options.HeadingBins);
            w.Write(memory.Options.Capacity);
            w.Write(memory.Options.RetrieveCount);
            w.Write(memory.Options.SearchRadius);
            var (nextId, clock) = memory.Counters;
            w.Write(nextId);
            w.Write(clock);
            w.Write(memory.LatestStep);
            w.Write(memory.WorldSeed is null ? (byte)0 : (byte)1);
            w.Write(memory.WorldSeed ?? 0UL);
            w.Write(memory.Count);
            foreach (MemoryEntry e in memory.Entries)
            {
                w.Write(e.Id);
                w.Write(memory.LastUse(e.Id));
                foreach (float f in e.Pose.ToArray()) w.Write(f);
                w.Write(e.Step);
                w.Write(e.GenerationDepth);
                w.Write(e.Frame.Width);
                w.Write(e.Frame.Height);
                w.Write(e.Frame.Depth is null ? (byte)0 : (byte)1);
                w.Write(e.Frame.Rgb);
                if (e.Frame.Depth is { } d) w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(d.AsSpan()));
            }
        }
        body.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        AtomicFile.WriteAllBytes(path, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>
    /// The largest |x|, |y| or |z| of a stored pose, metres: far beyond any generated world, and small
    /// enough that every grid cell index of the smallest cell size fits in an int.
    /// </summary>
    public const float MaxCoordinate = 1e6f;

    /// <summary>Reads a memory saved by <see cref="Save"/>, with retrieval <paramref name="rule"/> (default <see cref="FieldOfViewCoverageRule"/>).</summary>
    /// <exception cref="RtfmGymException">The file is not a memory file, has another version, is truncated or corrupt, or holds
    /// a pose or depth that is not a finite number in range; the message names the file and the problem.</exception>
    public static SpatialMemory Load(string path, IRetrievalRule? rule = null) => LoadWithDigest(path, rule).Memory;

    /// <summary>Reads a memory as <see cref="Load"/> does, with the SHA-256 of the file's bytes (lower-case hex), which episode records keep.</summary>
    /// <exception cref="RtfmGymException">As for <see cref="Load"/>.</exception>
    public static (SpatialMemory Memory, string Sha256) LoadWithDigest(string path, IRetrievalRule? rule = null)
    {
        // Checked against the file's size before anything is read, so /dev/zero or a huge file is refused at once.
        byte[] bytes = BoundedFile.ReadAllBytes(path, Array.MaxLength, "memory file");
        try
        {
            return (Parse(bytes, rule), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (FormatProblem p)
        {
            throw new RtfmGymException($"Memory file '{path}' is refused: {p.Message}. It was not written by this RtfmGym or was damaged since; save a new one with `rtfmgym run --memory-out FILE`.");
        }
    }

    private static SpatialMemory Parse(byte[] bytes, IRetrievalRule? rule)
    {
        if (bytes.Length < Magic.Length + 4) throw new FormatProblem($"it is {bytes.Length} bytes, too short for a header (truncated?)");
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw new FormatProblem("bad magic; it is not an RtfmGym memory file (RTFMMEM1)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        if (version is < OldestReadableVersion or > Version)
            throw new FormatProblem($"format version {version} is not supported (this build reads versions {OldestReadableVersion} to {Version})");
        if (bytes.Length < Magic.Length + 4 + HashLength) throw new FormatProblem("it ends before its checksum (truncated)");
        int bodyLength = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
            throw new FormatProblem("SHA-256 checksum mismatch; the file is corrupt or truncated");

        var r = new Reader(bytes, Magic.Length + 4, bodyLength);
        SpatialMemoryOptions options;
        try
        {
            options = new SpatialMemoryOptions
            {
                CellSize = r.Single(), HeadingBins = r.Int32(), Capacity = r.Int32(), RetrieveCount = r.Int32(), SearchRadius = r.Single(),
            }.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatProblem($"its options are invalid ({e.Message.Split('\n')[0]})");
        }
        long nextId = r.Int64(), clock = r.Int64();
        r.Int32(); // latest step: recomputed from the entries
        ulong? worldSeed = null;
        if (version >= 2)
        {
            byte hasSeed = r.Byte();
            ulong seed = r.UInt64();
            if (hasSeed > 1) throw new FormatProblem($"its world-seed flag is {hasSeed}, not 0 or 1");
            if (hasSeed == 1) worldSeed = seed;
        }
        int count = r.Int32();
        if (count < 0 || count > options.Capacity) throw new FormatProblem($"entry count {count} is outside 0..{options.Capacity}");
        var memory = new SpatialMemory(options, rule);
        Span<float> pose = stackalloc float[7];
        for (int i = 0; i < count; i++)
        {
            long id = r.Int64(), use = r.Int64();
            for (int j = 0; j < 7; j++) pose[j] = r.Single();
            int step = r.Int32();
            int generationDepth = version >= 3 ? r.Int32() : 0;
            if (generationDepth < 0) throw new FormatProblem($"entry {i} has a negative generation depth ({generationDepth})");
            int width = r.Int32(), height = r.Int32();
            byte hasDepth = r.Byte();
            if (width is < 1 or > CameraIntrinsics.MaxSize || height is < 1 or > CameraIntrinsics.MaxSize || hasDepth > 1)
                throw new FormatProblem($"entry {i} has an impossible header ({width}x{height}, depth flag {hasDepth})");
            byte[] rgb = r.Bytes(width * height * 3, i);
            float[]? depth = hasDepth == 1 ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(r.Bytes(width * height * 4, i)).ToArray() : null;
            for (int j = 0; j < 7; j++)
                if (!float.IsFinite(pose[j]) || (j < 3 && MathF.Abs(pose[j]) > MaxCoordinate))
                    throw new FormatProblem($"entry {i} has pose value {j} = {pose[j].ToString("R", CultureInfo.InvariantCulture)}, not a finite number{(j < 3 ? $" within ±{MaxCoordinate:0.#e0} m" : "")}");
            if (depth is not null && Array.FindIndex(depth, d => float.IsNaN(d) || d < 0) is var bad and >= 0)
                throw new FormatProblem($"entry {i} has depth {depth[bad].ToString("R", CultureInfo.InvariantCulture)} at pixel {bad}; depths are metres from 0 to +infinity (nothing hit)");
            Pose p;
            try { p = Pose.FromArray(pose); }
            catch (ArgumentException) { throw new FormatProblem($"entry {i} has an invalid pose (a zero rotation quaternion)"); }
            try { memory.Load(new MemoryEntry(id, p, new Frame(width, height, rgb, depth), step, GenerationDepth: generationDepth), use); }
            catch (RtfmGymException e) { throw new FormatProblem(e.Message); }
        }
        if (r.Position != bodyLength) throw new FormatProblem($"{bodyLength - r.Position} unexpected bytes after the last entry");
        memory.SetCounters(nextId, clock);
        memory.WorldSeed = worldSeed;
        return memory;
    }

    /// <summary>A problem with the file's contents, turned into an <see cref="RtfmGymException"/> naming the file.</summary>
    private sealed class FormatProblem(string message) : Exception(message);

    /// <summary>Reads little-endian values, refusing any that would run past the end of the body.</summary>
    private sealed class Reader(byte[] bytes, int position, int end)
    {
        public int Position => position;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));
        public byte Byte() => Take(1)[0];

        public byte[] Bytes(int n, int entry)
        {
            if (n > end - position) throw new FormatProblem($"entry {entry} needs {n} bytes but only {end - position} remain (lengths run past the end)");
            return Take(n).ToArray();
        }

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n > end - position) throw new FormatProblem($"a value at byte {position} runs past the end of the data at byte {end}");
            var span = bytes.AsSpan(position, n);
            position += n;
            return span;
        }
    }
}
