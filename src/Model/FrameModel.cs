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
/// with no explicit 3D geometry. Context frames are encoded once (<see cref="EncodeContext"/>,
/// their per-block keys and values) and reused by every later <see cref="Generate"/> call.
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
    public ContextFrame EncodeContext(Frame frame, Pose pose, CameraIntrinsics camera, int generationDepth = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentOutOfRangeException.ThrowIfNegative(generationDepth);
        CheckFrame(frame, camera);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        int tokens = new TokenLayout(camera.Width, camera.Height, Config.PatchSize, 1).Tokens;
        Tensor input = tensor(ModelInputs.Context(frame, pose, camera, Config), [1, tokens, Config.ContextPatchValues]).to(Device);
        Tensor? generated = Network.HasProvenance ? tensor(new long[] { generationDepth > 0 ? 1 : 0 }, [1]).to(Device) : null;
        (Tensor k, Tensor v)[] kv = Network.EncodeContext(input, generated);
        var keys = new float[kv.Length][];
        var values = new float[kv.Length][];
        for (int i = 0; i < kv.Length; i++)
        {
            keys[i] = kv[i].k.contiguous().cpu().ToArray<float>();
            values[i] = kv[i].v.contiguous().cpu().ToArray<float>();
        }
        return new ContextFrame(pose, keys, values, Config.Heads, tokens, Config.Width / Config.Heads, generationDepth);
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
        settings ??= SamplerSettings.Default;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        profile?.Lap();
        int tokens = new TokenLayout(camera.Width, camera.Height, Config.PatchSize, 1).Tokens;
        IReadOnlyList<(Tensor k, Tensor v)>? kv = context.Count == 0 ? null : StackContext(context.Take(Config.MaxContext).ToArray(), tokens);
        Tensor rays = tensor(ModelInputs.Rays(target, camera, Config), [1, tokens, FrameModelConfig.RayChannels * Config.PatchSize * Config.PatchSize]).to(Device);
        Tensor noise;
        using (var generator = torch.Generator(seed)) noise = randn([1, tokens, Config.OutputPatchValues], generator).to(Device);
        if (profile is not null) profile.PrepareMs = profile.Lap();
        Tensor x0 = FlowSampler.Sample(Network, rays, kv, noise, settings, profile is null ? null : _ => profile.StepMs.Add(profile.Lap()));
        Frame frame = FrameEncoding.ReadFrame(x0.cpu().ToArray<float>(), ModelInputs.OutputLayout(camera.Width, camera.Height, Config), Config.DepthScale);
        if (profile is not null) profile.DecodeMs = profile.Lap();
        return frame;
    }

    private (Tensor k, Tensor v)[] StackContext(ContextFrame[] context, int tokens)
    {
        foreach (ContextFrame c in context)
        {
            if (c.Blocks != Network.Depth || c.Heads != Config.Heads || c.HeadWidth != Config.Width / Config.Heads || c.Tokens != tokens)
                throw new ArgumentException($"A context frame was encoded by another model or at another size ({c.Blocks} blocks, {c.Heads} heads, {c.Tokens} tokens); encode it with this model.", nameof(context));
        }
        long[] shape = [Config.Heads, tokens, Config.Width / Config.Heads];
        var kv = new (Tensor, Tensor)[Network.Depth];
        for (int b = 0; b < kv.Length; b++)
        {
            int block = b;
            Tensor Join(Func<ContextFrame, float[]> pick) =>
                cat(context.Select(c => tensor(pick(c), shape)).ToArray(), 1).unsqueeze(0).to(Device);
            kv[b] = (Join(c => c.Keys[block]), Join(c => c.Values[block]));
        }
        return kv;
    }

    private void CheckFrame(Frame frame, CameraIntrinsics camera)
    {
        Config.CheckImageSize(camera.Width, camera.Height);
        if (frame.Width != camera.Width || frame.Height != camera.Height)
            throw new ArgumentException($"The frame is {frame.Width}x{frame.Height} but the camera {camera.Width}x{camera.Height}.", nameof(frame));
    }

    public void Dispose() => Network.Dispose();
}
