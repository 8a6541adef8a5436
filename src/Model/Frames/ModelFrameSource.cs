using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Rendering;
using RtfmGym.Env.Worlds;
using RtfmGym.Model.Geometry;
using RtfmGym.Model.Training;

namespace RtfmGym.Model.Frames;

/// <summary>
/// The learned model as the environment's frame source. At reset the world is seen through
/// ground-truth views (the first frame and <see cref="ModelFrameSourceOptions.SeedHeadingsDegrees"/>
/// around it, put into the spatial memory); from then on every frame is generated from the
/// memory entries the environment retrieves for the pose, and each generated frame is encoded
/// once (its keys and values become the entry's payload) and serves as context for later ones:
/// an autoregressive rollout whose world stays consistent through the memory. Each frame's
/// noise is seeded from the episode seed and step, so episodes replay bit for bit on the same
/// machine kind. Poses reach the model relative to the world's centre.
/// </summary>
public sealed class ModelFrameSource : IMemoryAwareFrameSource
{
    private readonly FrameModel _model;
    private readonly bool _ownsModel;
    private readonly GroundTruthRenderer _truth = new(new RendererOptions { Threads = 1 });
    private RigidMotion _centre = RigidMotion.Identity;
    private ulong _seed;
    private bool _begun;
    // Keys and values of entries that came without them (a memory loaded from a file, whose payloads are not
    // saved): encoded at their first retrieval and kept while the entry lives, instead of at every retrieval.
    // Emptied at each episode, whose world centre they depend on.
    private System.Runtime.CompilerServices.ConditionalWeakTable<MemoryEntry, ContextFrame> _encoded = new();
    private CameraIntrinsics? _encodedCamera;

    /// <param name="model">The model; disposed with this source when <paramref name="ownsModel"/>.</param>
    /// <param name="options">Start and sampling settings; null for the defaults.</param>
    /// <param name="ownsModel">Whether disposing the source disposes the model.</param>
    public ModelFrameSource(FrameModel model, ModelFrameSourceOptions? options = null, bool ownsModel = false)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Options = options ?? new ModelFrameSourceOptions();
        _ownsModel = ownsModel;
    }

    public ModelFrameSourceOptions Options { get; }

    /// <summary>The model that draws the frames.</summary>
    public FrameModel Model => _model;

    /// <summary>"model": the name the frame-source registry knows, so that episode records replay (the preset is in the checkpoint).</summary>
    public string Name => "model";

    public object? LastPayload { get; private set; }

    /// <summary>0 after the ground-truth first frame; for a generated frame, one more than the shallowest context frame it was drawn from.</summary>
    public int LastGenerationDepth { get; private set; }

    /// <summary>
    /// A generated frame without its depth (the ground-truth first frame keeps it): the model's depth is
    /// too rough for retrieval to judge by (with it, recall@4 against the oracle was 0.24; docs/memory.md).
    /// </summary>
    public Frame MemoryFrame(Frame drawn)
    {
        ArgumentNullException.ThrowIfNull(drawn);
        return LastGenerationDepth > 0 && drawn.Depth is not null ? new Frame(drawn.Width, drawn.Height, drawn.Rgb) : drawn;
    }

    public void BeginEpisode(World world, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(world);
        _truth.BeginEpisode(world, seed);
        _centre = new RigidMotion(0f, -TrainingDataGenerator.CentreOf(world));
        _seed = seed;
        _begun = true;
        LastPayload = null;
        LastGenerationDepth = 0;
        _encoded = new();
    }

    public IReadOnlyList<MemorySeed> SeedViews(Pose start, CameraIntrinsics camera)
    {
        RequireBegun();
        _model.Config.CheckImageSize(camera.Width, camera.Height);
        return Options.SeedHeadingsDegrees.Select(degrees =>
        {
            var pose = start with { Orientation = System.Numerics.Quaternion.Normalize(System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitY, degrees * MathF.PI / 180f) * start.Orientation) };
            Frame frame = _truth.Render(new FrameRequest(pose, camera, FrameChannels.Rgb | FrameChannels.Depth));
            return new MemorySeed(pose, frame, _model.EncodeContext(frame, _centre.Apply(pose), camera));
        }).ToArray();
    }

    /// <summary>Without a memory there is no context: the first frame is the ground truth, later ones are drawn from nothing.</summary>
    public Frame Render(FrameRequest request) => Render(request, []);

    public Frame Render(FrameRequest request, IReadOnlyList<MemoryEntry> context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        RequireBegun();
        Pose pose = _centre.Apply(request.Pose);
        Frame frame;
        int depth = 0;
        if (request.Step == 0 && Options.GroundTruthFirstFrame)
        {
            frame = _truth.Render(request with { Channels = request.Channels | FrameChannels.Depth });
        }
        else
        {
            var encoded = context.Take(_model.Config.MaxContext)
                .Select(e => e.Payload as ContextFrame ?? Encoded(e, request.Camera))
                .ToArray();
            frame = _model.Generate(encoded, pose, request.Camera, Options.Sampler, NoiseSeed(_seed, request.Step));
            // A frame is as far from the truth as the shallowest frame it was drawn from, plus one.
            depth = 1 + (encoded.Length == 0 ? 0 : encoded.Min(c => c.GenerationDepth));
        }
        LastGenerationDepth = depth;
        LastPayload = _model.EncodeContext(frame, pose, request.Camera, depth);
        return request.Channels.HasFlag(FrameChannels.Depth) ? frame : new Frame(frame.Width, frame.Height, frame.Rgb);
    }

    /// <summary>The seed of the starting noise of the frame at <paramref name="step"/> of the episode seeded <paramref name="episodeSeed"/>
    /// (a reference drawn with other context but the same noise uses it too).</summary>
    public static ulong NoiseSeed(ulong episodeSeed, long step) => Rng.Derive(episodeSeed, $"frame {step}").NextUInt64();

    /// <summary>Entries without a payload whose keys and values are cached now (this episode).</summary>
    internal int CachedEncodings => _encoded.Count();

    /// <summary>Drops the cached encodings (tests compare against encoding afresh).</summary>
    internal void ForgetEncodings() => _encoded = new();

    private ContextFrame Encoded(MemoryEntry entry, CameraIntrinsics camera)
    {
        if (camera != _encodedCamera) (_encoded, _encodedCamera) = (new(), camera);
        if (_encoded.TryGetValue(entry, out ContextFrame? cached)) return cached;
        ContextFrame fresh = _model.EncodeContext(entry.Frame, _centre.Apply(entry.Pose), camera, entry.GenerationDepth);
        _encoded.AddOrUpdate(entry, fresh);
        return fresh;
    }

    private void RequireBegun()
    {
        if (!_begun) throw new InvalidOperationException("BeginEpisode must be called before the model frame source draws.");
    }

    public void Dispose()
    {
        _truth.Dispose();
        if (_ownsModel) _model.Dispose();
    }
}
