using System.Runtime.CompilerServices;
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
/// The learned model as a frame source. At reset the world is seen through ground-truth views (the first
/// frame and <see cref="ModelFrameSourceOptions.SeedHeadingsDegrees"/> around it, put into the spatial
/// memory); from then on every frame is generated from the memory entries retrieved for the pose, and each
/// generated frame is encoded once (its keys and values, kept by this source for the frame the memory keeps)
/// and serves as context for later ones: an autoregressive rollout whose world stays consistent through the
/// memory. Each frame's noise is seeded from the episode seed and step (<see cref="NoiseSeed"/>), so episodes
/// replay bit for bit on the same machine kind. Poses reach the model relative to the world's centre.
/// <para>One source serves any number of environments: every request carries its episode and context, and
/// <see cref="Draw"/> generates all the frames of a call in one batched forward pass per context count (one in
/// a vector environment's steady state), then encodes them in one more. A call of one request computes exactly
/// what drawing that frame alone always has, so records replay unchanged; frames drawn in a batch equal them
/// to float rounding.</para>
/// </summary>
public sealed class ModelFrameSource : IFrameSource
{
    private readonly FrameModel _model;
    private readonly bool _ownsModel;
    private readonly GroundTruthRenderer _truth = new(new RendererOptions { Threads = 1 });
    // Keys and values by the frame instance a memory keeps (memory clones, snapshots and preloads share the
    // instances, and a frame is immutable): stored when this source draws or seeds a frame, and computed at the
    // first retrieval of a frame that came without them (a memory loaded from a file, which keeps frames only).
    // Each is checked against the entry's pose in the model's frame, the camera and the generation depth, so the
    // one table serves every episode and world. Weak keys: an encoding lives as long as its frame.
    private readonly ConditionalWeakTable<Frame, Encoding> _encoded = new();
    // The latest world's capture views: the frames (shared by every memory they go into) keep their encodings alive with them.
    private (World World, CameraIntrinsics Camera, MemorySeed[] Views)? _capture;

    /// <param name="model">The model; disposed with this source when <paramref name="ownsModel"/>.</param>
    /// <param name="options">Start and sampling settings; null for the defaults.</param>
    /// <param name="ownsModel">Whether disposing the source disposes the model.</param>
    public ModelFrameSource(FrameModel model, ModelFrameSourceOptions? options = null, bool ownsModel = false)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        Options = options ?? new ModelFrameSourceOptions();
        _ownsModel = ownsModel;
    }

    /// <summary>How frames are drawn: the sampler settings, whether the first frame is rendered ground truth, and the seed view headings (degrees).</summary>
    public ModelFrameSourceOptions Options { get; }

    /// <summary>The model that draws the frames.</summary>
    public FrameModel Model => _model;

    /// <summary>"model": the name the frame-source registry knows, so that episode records replay (the preset is in the checkpoint).</summary>
    public string Name => "model";

    /// <summary>True: frames are generated from the retrieved context.</summary>
    public bool DrawsFromContext => true;

    /// <summary>
    /// Ground-truth views at the start pose turned by each of <see cref="ModelFrameSourceOptions.SeedHeadingsDegrees"/>, with depth,
    /// each encoded; then, when the episode has a capture (<see cref="FrameEpisode.CapturePoses"/>), a ground-truth view with depth
    /// from each of its poses. Capture views are rendered once per world and camera (kept until another world's are asked for) and
    /// encoded when first retrieved: a capture holds hundreds of views, and a walk reads a few of them.
    /// </summary>
    public IReadOnlyList<MemorySeed> SeedViews(FrameEpisode episode, Pose start, CameraIntrinsics camera)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(camera);
        _model.Config.CheckImageSize(camera.Width, camera.Height);
        RigidMotion centre = CentreOf(episode.World);
        MemorySeed[] seeds = Options.SeedHeadingsDegrees.Select(degrees =>
        {
            var pose = start with { Orientation = System.Numerics.Quaternion.Normalize(System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitY, degrees * MathF.PI / 180f) * start.Orientation) };
            Frame frame = TrueView(pose, camera, episode);
            Remember(frame, _model.EncodeContext(frame, centre.Apply(pose), camera), camera);
            return new MemorySeed(pose, frame);
        }).ToArray();
        return episode.CapturePoses.Count == 0 ? seeds : [.. seeds, .. Captured(episode, camera)];
    }

    /// <summary>The ground-truth view, with depth, from <paramref name="pose"/> in the episode's world.</summary>
    private Frame TrueView(Pose pose, CameraIntrinsics camera, FrameEpisode episode) =>
        _truth.DrawOne(new ViewRequest(new FrameRequest(pose, camera, FrameChannels.Rgb | FrameChannels.Depth), episode)).Observed;

    /// <summary>The views of the episode's capture: the kept ones when they are of the same world, camera and poses, else rendered now.</summary>
    private IReadOnlyList<MemorySeed> Captured(FrameEpisode episode, CameraIntrinsics camera)
    {
        if (_capture is { } kept && ReferenceEquals(kept.World, episode.World) && kept.Camera == camera && kept.Views.Select(v => v.Pose).SequenceEqual(episode.CapturePoses))
            return kept.Views;
        MemorySeed[] views = episode.CapturePoses.Select(pose => new MemorySeed(pose, TrueView(pose, camera, episode))).ToArray();
        _capture = (episode.World, camera, views);
        return views;
    }

    /// <summary>
    /// Draws every view: the reset frame (step 0) is the ground truth (<see cref="ModelFrameSourceOptions.GroundTruthFirstFrame"/>),
    /// unless the episode starts from images (<see cref="FrameEpisode.StartViews"/>, which the pipeline seeds the memory with instead of
    /// <see cref="SeedViews"/>); every other is generated from its context (the first <see cref="FrameModelConfig.MaxContext"/> entries), all in one
    /// batched pass per context count. The memory keeps a generated frame without its depth (the ground truth keeps it):
    /// the model's depth is too rough for retrieval to judge by (with it, recall@4 against the oracle was 0.24; docs/memory.md).
    /// </summary>
    public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int n = requests.Count;
        var frames = new Frame[n];
        var poses = new Pose[n];
        var depths = new int[n];
        var generated = new List<int>();
        var asks = new List<GenerationRequest>();
        for (int i = 0; i < n; i++)
        {
            ViewRequest request = requests[i] ?? throw new ArgumentException($"Request {i} is null.", nameof(requests));
            FrameRequest frame = request.Frame;
            RigidMotion centre = CentreOf(request.Episode.World);
            poses[i] = centre.Apply(frame.Pose);
            if (frame.Step == 0 && Options.GroundTruthFirstFrame && !request.Episode.StartsFromImages)
            {
                frames[i] = _truth.DrawOne(new ViewRequest(frame with { Channels = frame.Channels | FrameChannels.Depth }, request.Episode)).Observed;
                continue;
            }
            ContextFrame[] context = request.Context.Take(_model.Config.MaxContext).Select(e => Encoded(e, frame.Camera, centre)).ToArray();
            // A frame is as far from the truth as the shallowest frame it was drawn from, plus one.
            depths[i] = 1 + (context.Length == 0 ? 0 : context.Min(c => c.GenerationDepth));
            generated.Add(i);
            asks.Add(new GenerationRequest(context, poses[i], frame.Camera, NoiseSeed(request.Episode.Seed, frame.Step)));
        }
        if (asks.Count > 0)
        {
            IReadOnlyList<Frame> drawn = _model.Generate(asks, Options.Sampler);
            for (int k = 0; k < drawn.Count; k++) frames[generated[k]] = drawn[k];
        }
        // Every new frame is encoded now, in one pass, for when it is retrieved as context.
        IReadOnlyList<ContextFrame> encoded = _model.EncodeContext(
            Enumerable.Range(0, n).Select(i => new ContextRequest(frames[i], poses[i], requests[i].Frame.Camera, depths[i])).ToArray());
        var views = new DrawnView[n];
        for (int i = 0; i < n; i++)
        {
            Frame full = frames[i];
            Frame observed = requests[i].Frame.Channels.HasFlag(FrameChannels.Depth) ? full : new Frame(full.Width, full.Height, full.Rgb);
            Frame remembered = depths[i] > 0 && observed.Depth is not null ? new Frame(full.Width, full.Height, full.Rgb) : observed;
            Remember(remembered, encoded[i], requests[i].Frame.Camera);
            views[i] = new DrawnView(observed, remembered, depths[i]);
        }
        return views;
    }

    /// <summary>The seed of the starting noise of the frame at <paramref name="step"/> of the episode seeded <paramref name="episodeSeed"/>.</summary>
    public static ulong NoiseSeed(ulong episodeSeed, long step) => Rng.Derive(episodeSeed, $"frame {step}").NextUInt64();

    /// <summary>Frames whose keys and values are kept now.</summary>
    internal int CachedEncodings => _encoded.Count();

    /// <summary>Whether the keys and values of <paramref name="frame"/> are kept.</summary>
    internal bool HasEncoding(Frame frame) => _encoded.TryGetValue(frame, out _);

    /// <summary>Drops the kept encodings (tests compare against encoding afresh).</summary>
    internal void ForgetEncodings() => _encoded.Clear();

    /// <summary>The motion taking world coordinates to the model's (relative to the world's centre).</summary>
    private static RigidMotion CentreOf(World world) => new(0f, -TrainingDataGenerator.CentreOf(world));

    private void Remember(Frame frame, ContextFrame context, CameraIntrinsics camera) => _encoded.AddOrUpdate(frame, new Encoding(context, camera));

    /// <summary>The kept keys and values of <paramref name="entry"/>'s frame, encoded now (and kept) when there are none that fit.</summary>
    private ContextFrame Encoded(MemoryEntry entry, CameraIntrinsics camera, RigidMotion centre)
    {
        Pose pose = centre.Apply(entry.Pose);
        if (_encoded.TryGetValue(entry.Frame, out Encoding? kept) && kept.Camera == camera && kept.Context.Pose == pose && kept.Context.GenerationDepth == entry.GenerationDepth)
            return kept.Context;
        ContextFrame fresh = _model.EncodeContext(entry.Frame, pose, camera, entry.GenerationDepth);
        Remember(entry.Frame, fresh, camera);
        return fresh;
    }

    /// <summary>Frees the ground-truth renderer, and the model when the source owns it.</summary>
    public void Dispose()
    {
        _truth.Dispose();
        if (_ownsModel) _model.Dispose();
    }

    /// <summary>A frame's keys and values and the camera they were computed for.</summary>
    private sealed record Encoding(ContextFrame Context, CameraIntrinsics Camera);
}
