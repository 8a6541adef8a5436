using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model.Network;

/// <summary>
/// The pose-conditioned diffusion transformer. Frames are cut into patch tokens carrying colour
/// and Plücker rays; a stack of <see cref="FrameBlock"/>s runs two streams with shared weights:
/// clean context frames, each attending only within itself, and the noisy target, attending to
/// itself and to all context frames of the same block. The output is the target's clean RGB-D
/// (x-prediction) in token layout. No learned positions: each token knows where it looks from its rays.
/// </summary>
internal sealed class FrameTransformer : nn.Module
{
    private readonly nn.Linear _contextEmbed, _targetEmbed, _finalAda, _output;
    private readonly TimestepEmbedding _time;
    private readonly Tensor _contextCondition;
    private readonly nn.Embedding? _provenance;
    private readonly nn.ModuleList<FrameBlock> _blocks;
    private readonly ContextPointer? _pointer;
    private readonly nn.Linear? _contextDepthEmbed;
    private readonly int _heads, _width, _rayRopeFrequencies;
    private readonly bool _pointerReadsDrawnDepth;

    public FrameTransformer(FrameModelConfig config, Generator generator)
    {
        (_heads, _width, _rayRopeFrequencies) = (config.Heads, config.Width, config.RayRopeFrequencies);
        _contextEmbed = register_module("context_embed", new nn.Linear(config.ContextPatchValues, config.Width, generator: generator));
        _targetEmbed = register_module("target_embed", new nn.Linear(config.TargetPatchValues, config.Width, generator: generator));
        _time = register_module("time", new TimestepEmbedding(config.Width, generator));
        _contextCondition = register_parameter("context_condition", nn.init.normal_(zeros([1, config.Width]), 0, 0.02, generator));
        if (config.Provenance)
        {
            // Row 0: ground truth, row 1: generated. Zero at first, so a network warm-started from one without
            // provenance computes exactly what it did until training teaches the difference.
            _provenance = register_module("provenance", new nn.Embedding(2, config.Width, generator: generator));
            using (no_grad()) nn.init.uniform_(_provenance.weight, 0, 0);
        }
        _blocks = register_module("blocks", new nn.ModuleList<FrameBlock>(
            Enumerable.Range(0, config.Depth).Select(_ => new FrameBlock(config.Width, config.Heads, config.MlpRatio, config.RayRopeFrequencies, generator)).ToArray()));
        _finalAda = register_module("final_ada", new nn.Linear(config.Width, 2 * config.Width, generator: generator));
        _output = register_module("output", new nn.Linear(config.Width, config.OutputPatchValues, generator: generator));
        using (no_grad())
        {
            foreach (Tensor t in new[] { _finalAda.weight, _finalAda.bias!, _output.weight, _output.bias! }) nn.init.uniform_(t, 0, 0);
        }
        // Registered last, so every other weight draws the same initial values as in a network without it.
        if (config.PointerStride > 0)
            _pointer = register_module("pointer", new ContextPointer(config.Width, config.PatchSize, config.PointerStride, generator,
                config.PointerReprojects ? new Reprojection(config.PositionScale, config.DepthScale) : null, config.PointerReadsDepth, config.PointerDepthInTargetView));
        _pointerReadsDrawnDepth = config.PointerReadsDrawnDepth;
        if (config.ContextDepth)
        {
            // Zero at first, and registered after every other weight: a warm-started network computes what it did.
            _contextDepthEmbed = register_module("context_depth_embed", new nn.Linear(config.ContextDepthPatchValues, config.Width, generator: generator));
            using (no_grad())
            {
                nn.init.uniform_(_contextDepthEmbed.weight, 0, 0);
                nn.init.uniform_(_contextDepthEmbed.bias!, 0, 0);
            }
        }
    }

    /// <summary>Whether context frames give their depth (<see cref="FrameModelConfig.ContextDepth"/>).</summary>
    public bool HasContextDepth => _contextDepthEmbed is not null;

    /// <summary>Number of blocks (each has its own keys and values per context frame).</summary>
    public int Depth => _blocks.Count;

    /// <summary>Values per window of the copy path's cached keys (<see cref="ContextPointer.StoredKeyWidth"/>); 0 without the path.</summary>
    public int PointerKeyWidth => _pointer?.StoredKeyWidth ?? 0;

    /// <summary>Whether the network has the copy path (<see cref="FrameModelConfig.PointerStride"/>).</summary>
    public bool HasPointer => _pointer is not null;

    /// <summary>
    /// Encodes clean context frames: <paramref name="tokens"/> [F, N, context patch values], <paramref name="columns"/>
    /// tokens per row. Returns each block's keys [F, heads, N, width/heads plus the rotary dimensions] and values
    /// [F, heads, N, width/heads] and, with the copy path, one more pair after them: its keys and values
    /// (<see cref="ContextPointer.Encode"/>). All depend on each frame alone.
    /// <paramref name="generated"/> [F] int64, 1 for frames the model drew and 0 for ground truth; ignored
    /// (may be null) when the model has no provenance embedding, and null means all ground truth.
    /// <paramref name="depth"/> [F, N, 2·patch²]: each frame's encoded depth and its known mark
    /// (<see cref="Geometry.ModelInputs.ContextDepth"/>); ignored when the model takes no context depth, and null means unknown.
    /// </summary>
    public (Tensor k, Tensor v)[] EncodeContext(Tensor tokens, int columns, Tensor? generated = null, Tensor? depth = null)
    {
        Tensor h = _contextEmbed.call(tokens);
        if (_contextDepthEmbed is not null && depth is not null) h = h + _contextDepthEmbed.call(depth);
        Tensor cond = _provenance is null ? _contextCondition
            : _contextCondition + _provenance.call(generated ?? zeros([tokens.shape[0]], ScalarType.Int64, tokens.device));
        RayRotary? rotary = Rotary(tokens, FrameModelConfig.ContextChannels + FrameModelConfig.RayChannels, FrameModelConfig.ContextChannels);
        var kv = new (Tensor, Tensor)[_blocks.Count + (_pointer is null ? 0 : 1)];
        for (int i = 0; i < _blocks.Count; i++)
        {
            // The copy path reads the features entering the last block: the last block's context output is never computed.
            if (_pointer is not null && i == _blocks.Count - 1) kv[_blocks.Count] = _pointer.Encode(h, tokens, columns, PointerDepth(depth, generated));
            var (next, k, v) = _blocks[i].Context(h, cond, rotary, needOutput: i < _blocks.Count - 1);
            kv[i] = (k, v);
            h = next!;
        }
        return kv;
    }

    /// <summary>Opens the copy path's gate fully (<see cref="ContextPointer.OpenGate"/>): frames then show what the path reads, alone.</summary>
    public void OpenCopyGate() => (_pointer ?? throw new InvalidOperationException("This network has no copy path.")).OpenGate();

    /// <summary>The copy path's values of frames given as value tokens [F, N, channels·patch²] (what a cached frame keeps in their place; see <see cref="PointerValueTokens"/>).</summary>
    public Tensor PointerValues(Tensor valueTokens, int columns) =>
        (_pointer ?? throw new InvalidOperationException("This network has no copy path.")).Values(valueTokens, columns);

    /// <summary>
    /// What the copy path's windows hold of frames given as context tokens [F, N, (3 + 6)·patch²], their depth input (or
    /// null) and provenance (as <see cref="EncodeContext"/> takes them): [F, N, channels·patch²].
    /// </summary>
    public Tensor PointerValueTokens(Tensor tokens, Tensor? depth, Tensor? generated) =>
        (_pointer ?? throw new InvalidOperationException("This network has no copy path.")).ValueTokens(tokens, PointerDepth(depth, generated));

    /// <summary>
    /// The depth input the copy path may read: unless <see cref="FrameModelConfig.PointerReadsDrawnDepth"/>, a frame the
    /// model drew gives none (marked unknown). Its depth is the model's own estimate, which a rollout would otherwise read
    /// back and pass on; the network's other layers still see it.
    /// </summary>
    private Tensor? PointerDepth(Tensor? depth, Tensor? generated) =>
        depth is null || generated is null || _pointerReadsDrawnDepth ? depth : depth * generated.eq(0).to(depth.dtype).view([-1, 1, 1]);

    /// <summary>
    /// Predicts the clean target: <paramref name="tokens"/> [B, N, target patch values] (noisy RGB-D and rays),
    /// <paramref name="t"/> [B] noise levels, <paramref name="context"/> per block [B, heads, M, width/heads]
    /// (M context tokens per sample), then the copy path's pair when the network has one, or null. Returns [B, N, output patch values].
    /// </summary>
    public Tensor Denoise(Tensor tokens, Tensor t, IReadOnlyList<(Tensor k, Tensor v)>? context) => Denoise(tokens, t, context, out _);

    /// <summary>As <see cref="Denoise(Tensor, Tensor, IReadOnlyList{ValueTuple{Tensor, Tensor}}?)"/>, also giving the copy path's
    /// reading (null without the path or without context): training supervises it directly.</summary>
    public Tensor Denoise(Tensor tokens, Tensor t, IReadOnlyList<(Tensor k, Tensor v)>? context, out PointerReading? reading)
    {
        Tensor h = _targetEmbed.call(tokens);
        Tensor cond = _time.call(t);
        RayRotary? rotary = Rotary(tokens, FrameModelConfig.OutputChannels + FrameModelConfig.RayChannels, FrameModelConfig.OutputChannels);
        for (int i = 0; i < _blocks.Count; i++)
        {
            // A block's temporaries (attention weights over the whole context, the MLP's hidden layer) are freed when it
            // is done, so a pass holds one block's at a time rather than every block's: a batch's peak heap grows with
            // the batch alone, and the next block reuses the same warm memory.
            using DisposeScope block = NewDisposeScope();
            h = block.MoveToOuter(_blocks[i].Target(h, cond, rotary, context?[i].k, context?[i].v));
        }
        Tensor[] mod = _finalAda.call(nn.functional.silu(cond)).unsqueeze(1).chunk(2, 2);
        Tensor features = nn.functional.layer_norm(h, [_width]) * (mod[1] + 1.0) + mod[0];
        Tensor output = _output.call(features);
        reading = null;
        if (_pointer is null || context is null) return output;
        var (pk, pv) = context[_blocks.Count];
        // Without reprojection where the path reads does not depend on depth, so one reading is all a second would be.
        if (!_pointer.ReadsDepth || !_pointer.Reprojects)
        {
            reading = _pointer.Read(features, tokens, pk, pv, output);
            return _pointer.Mix(output, features, reading);
        }
        // The first reading's depth places the target's surfaces better than the network's own, so the path reads again
        // from there: after a step forward it then looks where the context sees the nearer surface. Only the depth of the
        // first reading is used, so it reads depth alone.
        Tensor placed = _pointer.Mix(output, features, _pointer.Read(features, tokens, pk, pv, output, depthOnly: true));
        reading = _pointer.Read(features, tokens, pk, pv, placed);
        return _pointer.Mix(output, features, reading);
    }

    /// <summary>
    /// Training and batch evaluation: B samples with <paramref name="views"/> context frames each.
    /// <paramref name="contextTokens"/> [B·views, N, ...] grouped by sample; the rest as in <see cref="Denoise(Tensor, Tensor, IReadOnlyList{ValueTuple{Tensor, Tensor}}?)"/>.
    /// </summary>
    /// <param name="contextTokens">[B·views, N, context patch values]: the context frames' tokens, grouped by sample.</param>
    /// <param name="columns">Tokens per row of every frame.</param>
    /// <param name="views">Context frames per sample; 0 denoises without context.</param>
    /// <param name="targetTokens">[B, N, target patch values]: noisy RGB-D and rays of each target, as in <see cref="Denoise(Tensor, Tensor, IReadOnlyList{ValueTuple{Tensor, Tensor}}?)"/>.</param>
    /// <param name="t">[B] noise levels, as in <see cref="Denoise(Tensor, Tensor, IReadOnlyList{ValueTuple{Tensor, Tensor}}?)"/>.</param>
    /// <param name="generated">[B·views] int64 provenance of each context frame (see <see cref="EncodeContext"/>), or null for all ground truth.</param>
    /// <param name="depth">[B·views, N, 2·patch²] each context frame's depth input (see <see cref="EncodeContext"/>), or null.</param>
    public Tensor Forward(Tensor contextTokens, int columns, int views, Tensor targetTokens, Tensor t, Tensor? generated = null, Tensor? depth = null) =>
        Forward(contextTokens, columns, views, targetTokens, t, generated, depth, out _);

    /// <summary>As <see cref="Forward(Tensor, int, int, Tensor, Tensor, Tensor?, Tensor?)"/>, also giving the copy path's reading (see <see cref="Denoise(Tensor, Tensor, IReadOnlyList{ValueTuple{Tensor, Tensor}}?, out PointerReading?)"/>).</summary>
    public Tensor Forward(Tensor contextTokens, int columns, int views, Tensor targetTokens, Tensor t, Tensor? generated, Tensor? depth, out PointerReading? reading)
    {
        reading = null;
        if (views == 0) return Denoise(targetTokens, t, null);
        return Denoise(targetTokens, t, GroupContext(EncodeContext(contextTokens, columns, generated, depth), views), out reading);
    }

    private RayRotary? Rotary(Tensor tokens, int channels, int directionChannel) =>
        _rayRopeFrequencies == 0 ? null : RayRotary.FromTokens(tokens, channels, directionChannel, _rayRopeFrequencies);

    /// <summary>Whether context frames carry their provenance (<see cref="FrameModelConfig.Provenance"/>).</summary>
    public bool HasProvenance => _provenance is not null;

    /// <summary>Regroups per-frame keys and values [B·views, heads, N, d] into per-sample [B, heads, views·N, d] (the copy path's pair too).</summary>
    public static (Tensor k, Tensor v)[] GroupContext((Tensor k, Tensor v)[] perFrame, int views) =>
        perFrame.Select(kv => (Group(kv.k, views), Group(kv.v, views))).ToArray();

    private static Tensor Group(Tensor x, int views)
    {
        long f = x.shape[0], heads = x.shape[1], n = x.shape[2], d = x.shape[3];
        return x.view([f / views, views, heads, n, d]).permute([0, 2, 1, 3, 4]).reshape([f / views, heads, views * n, d]);
    }
}
