using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// The copy path: each target patch attends over patch-sized windows of the context frames' own pixels,
/// taken every <c>stride</c> pixels, and reads their colours, detail and all; a learned per-pixel gate mixes
/// that reading into the network's own colour. A transformer token of 8x8 pixels holds 128 numbers, so
/// detail that must pass from a context frame to the target through the blocks is lost; this path passes
/// pixels through attention instead, so a view already seen can be drawn sharp, and a rollout that copies
/// from its own frames keeps their detail rather than averaging it away.
/// <para>
/// No geometry is computed: a window's key is a learned function of the context token features around it
/// plus its mean view direction as rotary angles (<see cref="RayRotary"/>); a target patch's query is a
/// learned function of its final token plus its own direction. The rotary parts start as a fixed kernel
/// that peaks where the two directions agree (exact for a camera that only turns), and training learns the
/// rest. The gate starts at zero, so a network given this path computes exactly what it did without it
/// until training opens the gate.
/// </para>
/// Keys depend on their own frame alone, so they are computed once when a frame enters memory.
/// </summary>
internal sealed class ContextPointer : nn.Module
{
    /// <summary>Content dimensions of a key or query.</summary>
    public const int ContentWidth = 32;

    /// <summary>Rotary frequencies (1, 2, 4, … radians per radian): 32 at the top, about a pixel's turn at 64 px.</summary>
    public const int Frequencies = 6;

    /// <summary>Width of a key or query: content plus two angles per frequency, each rotating a pair.</summary>
    public const int KeyWidth = ContentWidth + 4 * Frequencies;

    /// <summary>
    /// Size of each rotary pair at initialisation: the direction kernel's logit for a perfect match is
    /// 2·frequencies·scale²/√(key width), about 100, and falls by several units a pixel away, so the first
    /// reading is sharp enough to be a copy rather than a blur.
    /// </summary>
    private const double InitialRotaryScale = 8.0;

    /// <summary>The attention's logit scale, 1/√(key width), as scaled dot-product attention applies it.</summary>
    private static readonly double LogitScale = 1.0 / Math.Sqrt(KeyWidth);

    private readonly nn.Linear _key, _query, _rotaryKey, _rotaryQuery, _gate;
    private readonly int _width, _patch, _stride;
    private readonly Reprojection? _reprojection;
    private readonly bool _depthInTargetView;

    /// <param name="width">Token width.</param>
    /// <param name="patch">Patch side, pixels.</param>
    /// <param name="stride">Pixels between window origins; divides <paramref name="patch"/>.</param>
    /// <param name="generator">Initialisation randomness.</param>
    /// <param name="reprojection">How a target patch's query direction is found per context view (null: its own view direction).</param>
    /// <param name="readsDepth">Whether windows also hold their frame's depth input, and the gate mixes the depth read in.</param>
    /// <param name="depthInTargetView">Whether windows hold the world points their pixels see, so the depth read is the target camera's (needs <paramref name="reprojection"/>).</param>
    public ContextPointer(int width, int patch, int stride, Generator generator, Reprojection? reprojection = null, bool readsDepth = false, bool depthInTargetView = false)
    {
        if (depthInTargetView && (reprojection is null || !readsDepth)) throw new ArgumentException("Depth in the target's view needs a path that reprojects and reads depth.", nameof(depthInTargetView));
        (_width, _patch, _stride, _reprojection, ReadsDepth, _depthInTargetView) = (width, patch, stride, reprojection, readsDepth, depthInTargetView);
        _key = register_module("key", new nn.Linear(width, ContentWidth, generator: generator));
        _query = register_module("query", new nn.Linear(width, ContentWidth, generator: generator));
        _rotaryKey = register_module("rotary_key", new nn.Linear(width, 4 * Frequencies, generator: generator));
        _rotaryQuery = register_module("rotary_query", new nn.Linear(width, 4 * Frequencies, generator: generator));
        _gate = register_module("gate", new nn.Linear(width, patch * patch, generator: generator));
        using (no_grad())
        {
            // The first half of each rotary vector pairs with the second (RayRotary.Rotate): (s, 0) in every pair
            // gives q·k = s²·Σ cos(angle difference), largest where the two view directions agree.
            var pairs = new float[4 * Frequencies];
            for (int i = 0; i < 2 * Frequencies; i++) pairs[i] = (float)InitialRotaryScale;
            foreach (nn.Linear rotary in new[] { _rotaryKey, _rotaryQuery })
            {
                nn.init.uniform_(rotary.weight, 0, 0);
                using Tensor bias = tensor(pairs);
                rotary.bias!.copy_(bias);
            }
            nn.init.uniform_(_gate.weight, 0, 0);
            nn.init.uniform_(_gate.bias!, 0, 0);
        }
    }

    /// <summary>
    /// A context frame's keys and values: <paramref name="features"/> [F, N, width] token features,
    /// <paramref name="tokens"/> [F, N, (3 + 6)·patch²] its colour and rays in token layout, <paramref name="columns"/>
    /// tokens per row, and for a path that reads depth <paramref name="depth"/> [F, N, 2·patch²] (encoded depth and known
    /// mark; null: unknown). Returns keys [F, 1, windows, <see cref="KeyWidth"/>] and values [F, 1, windows, channels·patch²].
    /// </summary>
    public (Tensor k, Tensor v) Encode(Tensor features, Tensor tokens, int columns, Tensor? depth = null)
    {
        int channels = FrameModelConfig.ContextChannels + FrameModelConfig.RayChannels;
        Tensor windows = Windows(tokens, channels, columns);
        Tensor at = Interpolate(nn.functional.layer_norm(features, [_width]), columns);
        RayRotary angles = RayRotary.FromTokens(windows, channels, FrameModelConfig.ContextChannels, Frequencies);
        Tensor k = cat([_key.call(at).unsqueeze(1), angles.Rotate(_rotaryKey.call(at).unsqueeze(1))], 3);
        if (_reprojection is not null)
        {
            // Each window's key carries its frame's camera centre in three trailing values, so a cached frame keeps it.
            Tensor centre = Reprojection.CameraCentres(tokens, channels, FrameModelConfig.ContextChannels);
            k = cat([k, centre.view([centre.shape[0], 1, 1, 3]).expand([centre.shape[0], 1, k.shape[2], 3])], 3);
        }
        return (k, Values(ValueTokens(tokens, depth), columns));
    }

    /// <summary>
    /// What a frame's windows hold, in token layout [F, N, channels·patch²]: its colour, then for a path that reads depth
    /// its depth input (zeros, i.e. unknown, when <paramref name="depth"/> is null), or the world points its pixels see
    /// (<see cref="Reprojection.WorldPoints"/>) for a path that reads depth in the target's view.
    /// </summary>
    public Tensor ValueTokens(Tensor tokens, Tensor? depth)
    {
        Tensor colour = tokens.narrow(2, 0, FrameModelConfig.ContextChannels * _patch * _patch);
        if (!ReadsDepth) return colour;
        depth ??= zeros([tokens.shape[0], tokens.shape[1], 2 * _patch * _patch], tokens.dtype, tokens.device);
        if (_depthInTargetView)
            depth = _reprojection!.WorldPoints(tokens, depth, FrameModelConfig.ContextChannels + FrameModelConfig.RayChannels, FrameModelConfig.ContextChannels, _patch);
        return cat([colour, depth], 2);
    }

    /// <summary>Whether windows also hold their frame's depth input (<see cref="FrameModelConfig.PointerReadsDepth"/>).</summary>
    public bool ReadsDepth { get; }

    /// <summary>Whether where the path reads depends on the target's depth (<see cref="FrameModelConfig.PointerReprojects"/>).</summary>
    public bool Reprojects => _reprojection is not null;

    /// <summary>The values [F, 1, windows, channels·patch²] of frames given as value tokens [F, N, channels·patch²] (<see cref="ValueTokens"/>), as <see cref="Encode"/> returns them.</summary>
    public Tensor Values(Tensor valueTokens, int columns) =>
        Windows(valueTokens, (int)(valueTokens.shape[2] / (_patch * _patch)), columns).unsqueeze(1);

    /// <summary>
    /// What each target patch reads: <paramref name="features"/> [B, N, width] the final target features,
    /// <paramref name="targetTokens"/> the target's input tokens (noisy RGB-D and rays), and the context's keys and
    /// values grouped per sample [B, 1, M, ...]. Returns the colours [B, N, 3·patch²] in token layout, with what
    /// training needs to supervise where they were read from. With <paramref name="depthOnly"/> (a path that reads depth)
    /// only the depth is read and the colours are zero: what a reading that only places the next one needs.
    /// </summary>
    public PointerReading Read(Tensor features, Tensor targetTokens, Tensor keys, Tensor values, Tensor output, bool depthOnly = false)
    {
        int channels = FrameModelConfig.OutputChannels + FrameModelConfig.RayChannels;
        long colourValues = FrameModelConfig.ContextChannels * _patch * _patch;
        if (depthOnly)
        {
            if (!ReadsDepth) throw new InvalidOperationException("Only a path that reads depth can read depth alone.");
            values = values.narrow(3, colourValues, values.shape[3] - colourValues);
        }
        if (_reprojection is null)
        {
            RayRotary angles = RayRotary.FromTokens(targetTokens, channels, FrameModelConfig.OutputChannels, Frequencies);
            Tensor q = cat([_query.call(features).unsqueeze(1), angles.Rotate(_rotaryQuery.call(features).unsqueeze(1))], 3);
            return new PointerReading(WithColour(nn.functional.scaled_dot_product_attention(q, keys, values).squeeze(1), depthOnly), _patch * _patch,
                () => q.matmul(keys.transpose(2, 3)).squeeze(1) * LogitScale);
        }
        // Per context view, the query looks from that view's camera centre towards the target patch's surface point,
        // so the direction kernel finds where that view sees it: a move forward or sideways is followed, not only a turn.
        long b = features.shape[0], n = features.shape[1], m = keys.shape[2];
        long side = (long)Math.Round(Math.Sqrt(n)), perView = WindowCount(_patch, _stride, (int)side, (int)side), views = m / perView;
        if (side * side != n || views * perView != m) throw new ArgumentException($"The copy path's reprojection needs square frames: {n} tokens, {m} windows.", nameof(keys));
        Tensor k = keys.narrow(3, 0, KeyWidth).view([b, views, perView, KeyWidth]);
        Tensor centres = keys.narrow(3, KeyWidth, 3).view([b, views, perView, 3]).select(2, 0);
        Tensor points = _reprojection.SurfacePoints(targetTokens, output, channels, _patch);
        RayRotary towards = RayRotary.FromDirections(points.unsqueeze(1) - centres.unsqueeze(2), Frequencies);
        Tensor content = _query.call(features).unsqueeze(1);
        Tensor rotary = towards.Rotate(_rotaryQuery.call(features).unsqueeze(1));
        Tensor query = cat([content.expand([b, views, n, ContentWidth]), rotary], 3);
        Tensor logits = query.matmul(k.transpose(2, 3)).permute([0, 2, 1, 3]).reshape([b, n, m]) * LogitScale;
        Tensor read = WithColour(nn.functional.softmax(logits, 2).matmul(values.squeeze(1)), depthOnly);
        if (_depthInTargetView)
        {
            // The points read become the depth the target's camera would measure of them, as PointerReading expects.
            long pixels = _patch * _patch, colour = FrameModelConfig.ContextChannels * pixels;
            Tensor known = read.narrow(2, colour + 3 * pixels, pixels);
            Tensor depth = _reprojection.KnownDepthInView(targetTokens, read.narrow(2, colour, 3 * pixels), known, channels, _patch);
            read = cat([read.narrow(2, 0, colour), depth, known], 2);
        }
        return new PointerReading(read, _patch * _patch, () => logits);
    }

    /// <summary>A reading with zero colours in front of it when it read depth alone, so it has the layout of a whole one.</summary>
    private Tensor WithColour(Tensor read, bool depthOnly) =>
        depthOnly ? cat([zeros([read.shape[0], read.shape[1], FrameModelConfig.ContextChannels * _patch * _patch], read.dtype, read.device), read], 2) : read;

    /// <summary>
    /// The network's RGB-D <paramref name="output"/> [B, N, 4·patch²] (colour, then encoded depth) with its colour moved towards what
    /// <paramref name="reading"/> (<see cref="Read"/>) read by the gate, a per-pixel function of <paramref name="features"/>;
    /// for a path that reads depth, its depth too, by the same gate times the share of the reading whose depth is known.
    /// </summary>
    public Tensor Mix(Tensor output, Tensor features, PointerReading reading)
    {
        long colour = FrameModelConfig.ContextChannels * _patch * _patch, pixels = _patch * _patch;
        Tensor gate = _gate.call(features);
        Tensor rgb = output.narrow(2, 0, colour);
        Tensor mixed = rgb + cat([gate, gate, gate], 2) * (reading.Colour - rgb);
        Tensor depth = output.narrow(2, colour, pixels);
        // d + g·k·(read − d), with read = Σ a·m·d_ctx / k: the known share k weighs out windows whose depth is unknown.
        if (reading.KnownDepth is { } known && reading.Known is { } share) depth = depth + gate * (known - share * depth);
        return cat([mixed, depth], 2);
    }

    /// <summary>Values per window of the keys <see cref="Encode"/> returns: <see cref="KeyWidth"/>, plus the frame's camera centre with reprojection.</summary>
    public int StoredKeyWidth => KeyWidth + (_reprojection is null ? 0 : 3);

    /// <summary>Sets the gate fully open everywhere, so the colour drawn is the reading alone: a diagnostic of what the path reads.</summary>
    public void OpenGate()
    {
        using (no_grad())
        {
            nn.init.uniform_(_gate.weight, 0, 0);
            nn.init.uniform_(_gate.bias!, 1, 1);
        }
    }

    /// <summary>Window origins per axis for <paramref name="patches"/> patches: offset 0 gives all of them, later offsets one fewer.</summary>
    private IEnumerable<(int Offset, int Count)> Origins(int patches) => Origins(_patch, _stride, patches);

    private static IEnumerable<(int Offset, int Count)> Origins(int patch, int stride, int patches) =>
        Enumerable.Range(0, patch / stride).Select(i => (i * stride, i == 0 ? patches : patches - 1));

    /// <summary>Windows per frame of <paramref name="columns"/> x <paramref name="rows"/> patches (841 for 8x8 patches every 2 px).</summary>
    public static int WindowCount(int patch, int stride, int columns, int rows) =>
        Origins(patch, stride, rows).Sum(y => y.Count) * Origins(patch, stride, columns).Sum(x => x.Count);

    /// <summary>
    /// Where the window whose top-left pixel is (<paramref name="originX"/>, <paramref name="originY"/>) lies in a
    /// frame's list of windows (<see cref="Windows"/>). Origins are multiples of the stride, from 0 to the image side
    /// minus a patch.
    /// </summary>
    public static int WindowIndex(int patch, int stride, int columns, int rows, int originX, int originY)
    {
        if (originX % stride != 0 || originY % stride != 0 || originX < 0 || originY < 0 || originX > (columns - 1) * patch || originY > (rows - 1) * patch)
            throw new ArgumentOutOfRangeException(nameof(originX), $"No window starts at ({originX}, {originY}) with stride {stride}.");
        int iy = originY % patch / stride, ix = originX % patch / stride;
        var ys = Origins(patch, stride, rows).ToArray();
        var xs = Origins(patch, stride, columns).ToArray();
        int rowOfBlocks = xs.Sum(x => x.Count);
        int index = ys.Take(iy).Sum(y => y.Count) * rowOfBlocks + ys[iy].Count * xs.Take(ix).Sum(x => x.Count);
        return index + originY / patch * xs[ix].Count + originX / patch;
    }

    /// <summary>
    /// Patch-sized windows every stride pixels of frames given in token layout [F, N, channels·patch²]: [F, windows,
    /// channels·patch²] in the same layout, grouped by offset (row offset, then column offset), row-major within each.
    /// </summary>
    internal Tensor Windows(Tensor tokens, int channels, int columns)
    {
        long f = tokens.shape[0];
        int rows = (int)tokens.shape[1] / columns, p = _patch;
        Tensor image = tokens.reshape([f, rows, columns, channels, p, p]).permute([0, 3, 1, 4, 2, 5]).reshape([f, channels, rows * p, columns * p]);
        var parts = new List<Tensor>();
        foreach (var (oy, ny) in Origins(rows))
            foreach (var (ox, nx) in Origins(columns))
            {
                Tensor crop = image.narrow(2, oy, ny * p).narrow(3, ox, nx * p);
                parts.Add(crop.reshape([f, channels, ny, p, nx, p]).permute([0, 2, 4, 1, 3, 5]).reshape([f, ny * nx, channels * p * p]));
            }
        return parts.Count == 1 ? parts[0] : cat(parts.ToArray(), 1);
    }

    /// <summary>Token features [F, N, width] interpolated (bilinearly) to the centres of <see cref="Windows"/>: [F, windows, width].</summary>
    private Tensor Interpolate(Tensor features, int columns)
    {
        long f = features.shape[0];
        int rows = (int)features.shape[1] / columns;
        Tensor grid = features.reshape([f, rows, columns, _width]);
        var parts = new List<Tensor>();
        foreach (var (oy, ny) in Origins(rows))
        {
            Tensor byRow = Shift(grid, 1, oy, ny);
            foreach (var (ox, nx) in Origins(columns))
                parts.Add(Shift(byRow, 2, ox, nx).reshape([f, ny * nx, _width]));
        }
        return parts.Count == 1 ? parts[0] : cat(parts.ToArray(), 1);
    }

    /// <summary>The grid moved <paramref name="offset"/> pixels along <paramref name="dim"/>: a blend of neighbouring tokens.</summary>
    private Tensor Shift(Tensor grid, int dim, int offset, int count)
    {
        if (offset == 0) return grid;
        double a = offset / (double)_patch;
        return grid.narrow(dim, 0, count) * (1 - a) + grid.narrow(dim, 1, count) * a;
    }
}
