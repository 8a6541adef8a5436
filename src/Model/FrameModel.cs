using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Network;
using RtfmGym.Model.Sampling;
using RtfmGym.Torch;
using static RtfmGym.Torch.torch;

namespace RtfmGym.Model;

/// <summary>
/// The learned frame model: renders the view from a camera pose given posed context frames,
/// with no explicit 3D geometry. Context frames are encoded once (<see cref="EncodeContext(Frame, Pose, CameraIntrinsics, int)"/>,
/// their per-block keys and values) and reused by every later <see cref="Generate(IReadOnlyList{GenerationRequest}, SamplerSettings?)"/> (one frame or a batch) call.
/// Owns its network's native memory: dispose it. Not thread-safe.
/// </summary>
public sealed class FrameModel : IDisposable
{
    private FrameModel(FrameModelConfig config, FrameTransformer network, Device device)
    {
        (Config, Network, Device) = (config, network, device);
    }

    /// <summary>The model's shape.</summary>
    public FrameModelConfig Config { get; }

    /// <summary>Where the network runs.</summary>
    public Device Device { get; }

    internal FrameTransformer Network { get; }

    /// <summary>
    /// A diagnostic: opens the copy path's gate fully, so that every colour drawn from now on is what the path reads
    /// from the context, alone. Irreversible for this instance (load the checkpoint again to undo).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no copy path (<see cref="FrameModelConfig.PointerStride"/> 0).</exception>
    public void OpenCopyGate() => Network.OpenCopyGate();

    /// <summary>Number of trainable values.</summary>
    public long ParameterCount => Network.parameters().Sum(p => p.numel());

    /// <summary>A freshly initialised model (the same seed gives the same weights).</summary>
    public static FrameModel Create(FrameModelConfig config, ulong seed = 0, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        using var generator = torch.Generator(seed);
        var network = new FrameTransformer(config, generator);
        Device target = device ?? Device.CPU;
        if (target.Type != DeviceType.CPU) network.to(target);
        return new FrameModel(config, network, target);
    }

    /// <summary>Wraps an already loaded network (used by checkpoints).</summary>
    internal static FrameModel Wrap(FrameModelConfig config, FrameTransformer network, Device device) => new(config, network, device);

    /// <summary>
    /// Encodes a context frame seen from <paramref name="pose"/>: its keys and values in every block,
    /// computed once so that later steps never re-encode it. <paramref name="generationDepth"/> is 0 for a
    /// ground-truth frame and the frame's <see cref="ContextFrame.GenerationDepth"/> for one the model drew;
    /// a model with <see cref="FrameModelConfig.Provenance"/> encodes the two differently.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The image size does not suit the model, or the depth is negative.</exception>
    public ContextFrame EncodeContext(Frame frame, Pose pose, CameraIntrinsics camera, int generationDepth = 0) =>
        EncodeContext([new ContextRequest(frame, pose, camera, generationDepth)])[0];

    /// <summary>
    /// Encodes several context frames (see <see cref="EncodeContext(Frame, Pose, CameraIntrinsics, int)"/>) with one
    /// forward pass per camera: each equals the frame encoded alone to float rounding, and exactly for a list of one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An image size does not suit the model, or a depth is negative.</exception>
    public IReadOnlyList<ContextFrame> EncodeContext(IReadOnlyList<ContextRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (ContextRequest r in requests)
        {
            ArgumentNullException.ThrowIfNull(r);
            ArgumentNullException.ThrowIfNull(r.Frame);
            ArgumentNullException.ThrowIfNull(r.Camera);
            ArgumentOutOfRangeException.ThrowIfNegative(r.GenerationDepth);
            CheckFrame(r.Frame, r.Camera);
        }
        var encoded = new ContextFrame[requests.Count];
        foreach (int[] group in Groups(requests.Count, i => requests[i].Camera))
        {
            ContextFrame[] batch = EncodeBatch(group.Select(i => requests[i]).ToArray());
            for (int k = 0; k < group.Length; k++) encoded[group[k]] = batch[k];
        }
        return encoded;
    }

    /// <summary>
    /// Generates the RGB-D frame at <paramref name="target"/> from the cached <paramref name="context"/>
    /// (any number up to <see cref="FrameModelConfig.MaxContext"/>; more are cut, best first). The same
    /// context, pose, settings and <paramref name="seed"/> give the same frame.
    /// </summary>
    /// <exception cref="ArgumentException">A context frame was encoded by a model of another shape or at another size.</exception>
    public Frame Generate(IReadOnlyList<ContextFrame> context, Pose target, CameraIntrinsics camera, SamplerSettings? settings = null, ulong seed = 0, GenerationProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(camera);
        Config.CheckImageSize(camera.Width, camera.Height);
        return GenerateBatch([new GenerationRequest(context, target, camera, seed)], settings ?? SamplerSettings.Default, profile)[0];
    }

    /// <summary>
    /// Generates several frames (see <see cref="Generate(IReadOnlyList{ContextFrame}, Pose, CameraIntrinsics, SamplerSettings?, ulong, GenerationProfile?)"/>)
    /// with one batched forward pass per denoising step for all requests of the same camera and context count (a vector
    /// environment's steady state: one pass). Each frame equals the one generated alone to float rounding, and exactly for a list of one.
    /// </summary>
    /// <exception cref="ArgumentException">A context frame was encoded by a model of another shape or at another size.</exception>
    public IReadOnlyList<Frame> Generate(IReadOnlyList<GenerationRequest> requests, SamplerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (GenerationRequest r in requests)
        {
            ArgumentNullException.ThrowIfNull(r);
            ArgumentNullException.ThrowIfNull(r.Context);
            ArgumentNullException.ThrowIfNull(r.Camera);
            Config.CheckImageSize(r.Camera.Width, r.Camera.Height);
        }
        settings ??= SamplerSettings.Default;
        var frames = new Frame[requests.Count];
        // Samples attend to their own context only; the same number of context frames makes their keys line up without a mask.
        foreach (int[] group in Groups(requests.Count, i => (requests[i].Camera, Math.Min(requests[i].Context.Count, Config.MaxContext))))
        {
            Frame[] batch = GenerateBatch(group.Select(i => requests[i]).ToArray(), settings, null);
            for (int k = 0; k < group.Length; k++) frames[group[k]] = batch[k];
        }
        return frames;
    }

    /// <summary>Indices 0..<paramref name="count"/> grouped by <paramref name="key"/>, groups in order of their first index.</summary>
    private static IEnumerable<int[]> Groups<TKey>(int count, Func<int, TKey> key) =>
        Enumerable.Range(0, count).GroupBy(key).Select(g => g.ToArray());

    /// <summary>Encodes frames of one camera in one pass; a batch of one runs exactly the single-frame computation.</summary>
    private ContextFrame[] EncodeBatch(ContextRequest[] batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        CameraIntrinsics camera = batch[0].Camera;
        int tokens = new TokenLayout(camera.Width, camera.Height, Config.PatchSize, 1).Tokens;
        float[] values = Concat(batch.Select(r => ModelInputs.Context(r.Frame, r.Pose, camera, Config)).ToArray());
        Tensor input = tensor(values, [batch.Length, tokens, Config.ContextPatchValues]).to(Device);
        Tensor? generated = Network.HasProvenance ? tensor(batch.Select(r => r.GenerationDepth > 0 ? 1L : 0L).ToArray(), [batch.Length]).to(Device) : null;
        int columns = camera.Width / Config.PatchSize;
        Tensor? depth = Network.HasContextDepth
            ? tensor(Concat(batch.Select(r => ModelInputs.ContextDepth(r.Frame, Config)).ToArray()), [batch.Length, tokens, Config.ContextDepthPatchValues]).to(Device)
            : null;
        (Tensor k, Tensor v)[] kv = Network.EncodeContext(input, columns, generated, depth);
        // A cached frame keeps its value tokens (colour, and depth for a path that reads it) in place of the copy path's windows (they repeat each pixel up to
        // (patch / stride)² times); the windows are cut again when the frame is used.
        if (Network.HasPointer) kv[^1] = (kv[^1].k, Network.PointerValueTokens(input, depth, generated));
        var keys = new float[kv.Length][];
        var vals = new float[kv.Length][];
        for (int i = 0; i < kv.Length; i++)
        {
            keys[i] = kv[i].k.contiguous().cpu().ToArray<float>();
            vals[i] = kv[i].v.contiguous().cpu().ToArray<float>();
        }
        int headWidth = Config.Width / Config.Heads, keyWidth = Config.KeyHeadWidth;
        int windows = Network.HasPointer ? (int)kv[^1].k.shape[2] : 0;
        var encoded = new ContextFrame[batch.Length];
        for (int b = 0; b < batch.Length; b++)
        {
            float[][] k = batch.Length == 1 ? keys : keys.Select(a => Slice(a, b, batch.Length)).ToArray();
            float[][] v = batch.Length == 1 ? vals : vals.Select(a => Slice(a, b, batch.Length)).ToArray();
            encoded[b] = new ContextFrame(batch[b].Pose, k, v, Config.Heads, tokens, headWidth, keyWidth, batch[b].GenerationDepth, windows);
        }
        return encoded;
    }

    /// <summary>Generates frames of one camera and context count in one batched pass; a batch of one runs exactly the single-frame computation.</summary>
    private Frame[] GenerateBatch(GenerationRequest[] batch, SamplerSettings settings, GenerationProfile? profile)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        profile?.Lap();
        CameraIntrinsics camera = batch[0].Camera;
        int tokens = new TokenLayout(camera.Width, camera.Height, Config.PatchSize, 1).Tokens;
        ContextFrame[][] context = batch.Select(r => r.Context.Take(Config.MaxContext).ToArray()).ToArray();
        IReadOnlyList<(Tensor k, Tensor v)>? kv = context[0].Length == 0 ? null : StackContext(context, tokens, camera.Width / Config.PatchSize);
        float[] rays = Concat(batch.Select(r => ModelInputs.Rays(r.Target, camera, Config)).ToArray());
        Tensor rayTensor = tensor(rays, [batch.Length, tokens, FrameModelConfig.RayChannels * Config.PatchSize * Config.PatchSize]).to(Device);
        var noises = new Tensor[batch.Length];
        for (int b = 0; b < batch.Length; b++)
        {
            using var generator = torch.Generator(batch[b].Seed);
            noises[b] = randn([1, tokens, Config.OutputPatchValues], generator);
        }
        Tensor noise = (batch.Length == 1 ? noises[0] : cat(noises, 0)).to(Device);
        if (profile is not null) profile.PrepareMs = profile.Lap();
        Tensor x0 = FlowSampler.Sample(Network, rayTensor, kv, noise, settings, profile is null ? null : _ => profile.StepMs.Add(profile.Lap()));
        float[] output = x0.cpu().ToArray<float>();
        TokenLayout layout = ModelInputs.OutputLayout(camera.Width, camera.Height, Config);
        int perFrame = tokens * Config.OutputPatchValues;
        var frames = new Frame[batch.Length];
        for (int b = 0; b < batch.Length; b++)
            frames[b] = FrameEncoding.ReadFrame(output.AsSpan(b * perFrame, perFrame), layout, Config.DepthScale);
        if (profile is not null) profile.DecodeMs = profile.Lap();
        return frames;
    }

    /// <summary>Frame <paramref name="index"/>'s share of an array holding <paramref name="frames"/> frames' values one after the other.</summary>
    private static float[] Slice(float[] all, int index, int frames)
    {
        int each = all.Length / frames;
        return all.AsSpan(index * each, each).ToArray();
    }

    /// <summary>The arrays one after the other (the array itself for one).</summary>
    private static float[] Concat(float[][] parts)
    {
        if (parts.Length == 1) return parts[0];
        var all = new float[parts.Sum(p => p.Length)];
        int at = 0;
        foreach (float[] p in parts)
        {
            p.CopyTo(all, at);
            at += p.Length;
        }
        return all;
    }

    /// <summary>
    /// Per block, the samples' context keys and values [B, heads, frames·tokens, head width] (every sample has the same
    /// number of frames); then, with the copy path, its keys and windows [B, 1, frames·windows, ...].
    /// </summary>
    private (Tensor k, Tensor v)[] StackContext(ContextFrame[][] context, int tokens, int columns)
    {
        int windows = Network.HasPointer ? context[0][0].PointerWindows : 0;
        foreach (ContextFrame c in context.SelectMany(x => x))
        {
            if (c.Blocks != Network.Depth || c.Heads != Config.Heads || c.HeadWidth != Config.Width / Config.Heads || c.KeyWidth != Config.KeyHeadWidth
                || c.Tokens != tokens || (c.PointerWindows > 0) != Network.HasPointer || c.PointerWindows != windows)
                throw new ArgumentException($"A context frame was encoded by another model or at another size ({c.Blocks} blocks, {c.Heads} heads, {c.Tokens} tokens); encode it with this model.", nameof(context));
        }
        long[] keyShape = [Config.Heads, tokens, Config.KeyHeadWidth], valueShape = [Config.Heads, tokens, Config.Width / Config.Heads];
        var kv = new (Tensor, Tensor)[Network.Depth + (Network.HasPointer ? 1 : 0)];
        for (int b = 0; b < kv.Length; b++)
        {
            int block = b;
            Tensor Sample(ContextFrame[] frames, Func<ContextFrame, float[]> pick, long[] shape) => cat(frames.Select(c => tensor(pick(c), shape)).ToArray(), 1).unsqueeze(0);
            Tensor Join(Func<ContextFrame, float[]> pick, long[] shape)
            {
                // The per-frame and per-sample pieces go once joined: only the joined keys and values stay for the pass.
                using DisposeScope pieces = NewDisposeScope();
                return pieces.MoveToOuter((context.Length == 1 ? Sample(context[0], pick, shape) : cat(context.Select(f => Sample(f, pick, shape)).ToArray(), 0)).to(Device));
            }
            if (block < Network.Depth)
            {
                kv[b] = (Join(c => c.Keys[block], keyShape), Join(c => c.Values[block], valueShape));
                continue;
            }
            int values = Config.PointerValueChannels * Config.PatchSize * Config.PatchSize;
            Tensor pointerKeys = Join(c => c.Keys[block], [1, windows, Network.PointerKeyWidth]);
            using (DisposeScope cut = NewDisposeScope())
            {
                // [B, 1, frames·tokens, values] → one frame a row, its windows cut, then grouped back per sample.
                Tensor tokenValues = Join(c => c.Values[block], [1, tokens, values]);
                Tensor perFrame = Network.PointerValues(tokenValues.reshape([-1, tokens, values]), columns);
                kv[b] = (pointerKeys, cut.MoveToOuter(perFrame.reshape([context.Length, 1, -1, values])));
            }
        }
        return kv;
    }

    private void CheckFrame(Frame frame, CameraIntrinsics camera)
    {
        Config.CheckImageSize(camera.Width, camera.Height);
        if (frame.Width != camera.Width || frame.Height != camera.Height)
            throw new ArgumentException($"The frame is {frame.Width}x{frame.Height} but the camera {camera.Width}x{camera.Height}.", nameof(frame));
    }

    /// <summary>Frees the network's native tensors; the model cannot draw afterwards.</summary>
    public void Dispose() => Network.Dispose();
}
