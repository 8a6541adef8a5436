using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Rendering;

/// <summary>
/// The CPU ground-truth ray caster: the reference frames a learned frame model is trained on
/// and measured against. One primary ray per pixel centre (or a stratified grid with
/// <see cref="RendererOptions.Supersampling"/>) finds walls by a DDA over the layout grid,
/// props through a per-cell list, and the floor and ceiling planes; surfaces get procedural,
/// footprint-filtered textures, ambient light, Lambert light baked per world with hard
/// shadows, live Blinn-Phong highlights, and one mirror bounce on reflective materials.
/// Output depends only on the world and the request (never on thread count or timing).
/// </summary>
public sealed class GroundTruthRenderer : IFrameSource
{
    /// <summary>Image columns per parallel work item: small enough to balance two to sixteen cores on 64-pixel-wide frames.</summary>
    private const int ColumnsPerTask = 4;

    private PreparedScene? _scene;
    private TraceScratch? _scratch;

    /// <summary>A renderer with <paramref name="options"/> (default <see cref="RendererOptions.Default"/>).</summary>
    public GroundTruthRenderer(RendererOptions? options = null) => Options = options ?? RendererOptions.Default;

    /// <summary>Lighting, supersampling and thread settings, fixed for the renderer's life.</summary>
    public RendererOptions Options { get; }

    /// <inheritdoc />
    public string Name => "ground-truth";

    /// <summary>The world of the current episode, null before the first <see cref="BeginEpisode"/>.</summary>
    public World? World => _scene?.Geometry.World;

    /// <summary>
    /// Prepares <paramref name="world"/>: builds its ray-casting structures and bakes its
    /// lighting, or reuses them when this world instance was prepared before with the same
    /// lighting options. The seed is unused: the ground truth has no randomness.
    /// </summary>
    public void BeginEpisode(World world, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(world);
        _scene = SceneCache.Get(world, Options);
        _scratch = new TraceScratch(world.Props.Count);
    }

    /// <summary>
    /// Builds <paramref name="world"/>'s ray-casting structures and bakes its lighting under
    /// <paramref name="options"/> (on <see cref="RendererOptions.Threads"/> threads), bypassing the
    /// per-world cache, and discards the result: the work of a first <see cref="BeginEpisode"/> on a
    /// world, exposed so that benchmarks can time it even for a world prepared before.
    /// </summary>
    public static void PrepareUncached(World world, RendererOptions options)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        BakedLighting.Build(new SceneGeometry(world), options.Shadows, options.LightmapTexelsPerMetre, options.Threads);
    }

    /// <summary>Renders one frame using up to <see cref="RendererOptions.Threads"/> threads.</summary>
    /// <exception cref="EnvironmentStateException">Before <see cref="BeginEpisode"/>.</exception>
    public Frame Render(FrameRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PreparedScene scene = RequireScene();
        var target = new FrameTarget(request);
        int width = request.Camera.Width;
        int tasks = (width + ColumnsPerTask - 1) / ColumnsPerTask;
        if (Options.Threads == 1 || tasks == 1)
        {
            RenderColumns(scene, _scratch!, request, target, 0, width);
        }
        else
        {
            Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads },
                () => new TraceScratch(scene.Geometry.Props.Length),
                (k, _, scratch) =>
                {
                    RenderColumns(scene, scratch, request, target, k * ColumnsPerTask, Math.Min(width, (k + 1) * ColumnsPerTask));
                    return scratch;
                }, _ => { });
        }
        return target.ToFrame();
    }

    /// <summary>
    /// Renders each view in its episode's world, one after the other (a world other than the current one is
    /// prepared as by <see cref="BeginEpisode"/>; the context is not used). Observed and remembered frames are the same.
    /// </summary>
    public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var drawn = new DrawnView[requests.Count];
        for (int i = 0; i < drawn.Length; i++)
        {
            ViewRequest request = requests[i] ?? throw new ArgumentException($"Request {i} is null.", nameof(requests));
            if (!ReferenceEquals(World, request.Episode.World)) BeginEpisode(request.Episode.World, request.Episode.Seed);
            drawn[i] = new DrawnView(Render(request.Frame));
        }
        return drawn;
    }

    /// <summary>
    /// Renders several frames of the current world, one frame per thread, in request order.
    /// The frames are byte-identical to rendering each request alone.
    /// </summary>
    /// <exception cref="EnvironmentStateException">Before <see cref="BeginEpisode"/>.</exception>
    public IReadOnlyList<Frame> RenderBatch(IReadOnlyList<FrameRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        PreparedScene scene = RequireScene();
        var frames = new Frame[requests.Count];
        Parallel.For(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads },
            () => new TraceScratch(scene.Geometry.Props.Length),
            (k, _, scratch) =>
            {
                FrameRequest request = requests[k] ?? throw new ArgumentException($"Request {k} is null.", nameof(requests));
                var target = new FrameTarget(request);
                RenderColumns(scene, scratch, request, target, 0, request.Camera.Width);
                frames[k] = target.ToFrame();
                return scratch;
            }, _ => { });
        return frames;
    }

    /// <summary>Drops the prepared scene; baked worlds stay in the shared per-world cache.</summary>
    public void Dispose()
    {
        _scene = null;
        _scratch = null;
    }

    private PreparedScene RequireScene() =>
        _scene ?? throw new EnvironmentStateException("GroundTruthRenderer.Render called before BeginEpisode.");

    /// <summary>Renders image columns [<paramref name="columnStart"/>, <paramref name="columnEnd"/>), all rows.</summary>
    private void RenderColumns(PreparedScene scene, TraceScratch scratch, FrameRequest request, FrameTarget target, int columnStart, int columnEnd)
    {
        CameraIntrinsics cam = request.Camera;
        Quaternion q = request.Pose.Orientation;
        Vector3 origin = request.Pose.Position;
        Vector3 ex = Vector3.Transform(Vector3.UnitX, q), ey = Vector3.Transform(Vector3.UnitY, q), ez = Vector3.Transform(Vector3.UnitZ, q);
        int n = Options.Supersampling;
        float pixelAngle = Options.TextureFiltering ? 1f / (MathF.Min(cam.Fx, cam.Fy) * n) : 0f;
        bool wantGeometry = (request.Channels & (FrameChannels.Depth | FrameChannels.ObjectIds)) != 0;
        bool wantRgb = (request.Channels & FrameChannels.Rgb) != 0;
        bool reflect = Options.Reflections;
        float invSamples = 1f / (n * n);

        // A level camera's rays in one image column share their xz direction, so one grid walk
        // per column finds the walls and candidate props of all of them.
        bool level = n == 1 && MathF.Abs(ex.Y) < 1e-6f && MathF.Abs(ez.Y) < 1e-6f && origin.Y > 0 && origin.Y < scene.Geometry.CeilingHeight;
        for (int x = columnStart; x < columnEnd; x++)
        {
            float a = (x + 0.5f - cam.Cx) / cam.Fx;
            float dx = ex.X * a - ez.X, dz = ex.Z * a - ez.Z;
            if (level) scene.Geometry.WalkColumn(scratch, origin, dx, dz);
            for (int y = 0; y < cam.Height; y++)
            {
                int pixel = y * cam.Width + x;
                // Camera-space z is -1, so the ray parameter of a hit is its depth along -Z.
                Vector3 centre;
                bool centreHit = false;
                RayHit centreRay = default;
                if (level)
                {
                    centre = new Vector3(dx, ex.Y * a - ey.Y * ((y + 0.5f - cam.Cy) / cam.Fy) - ez.Y, dz);
                    centreHit = scene.Geometry.TraceInColumn(scratch, origin, centre, out centreRay);
                }
                else
                {
                    centre = CameraRay(cam, ex, ey, ez, x + 0.5f, y + 0.5f);
                    if (wantGeometry || n == 1) centreHit = scene.Geometry.Trace(scratch, origin, centre, float.PositiveInfinity, out centreRay);
                }
                if (wantGeometry) target.SetGeometry(pixel, centreHit ? centreRay.T : float.PositiveInfinity, centreHit ? scene.ObjectId(centreRay) : -1);
                if (!wantRgb) continue;

                Vector3 color;
                if (n == 1)
                {
                    color = centreHit ? scene.Shade(scratch, centreRay, origin, centre, 0f, pixelAngle, reflect) : Vector3.Zero;
                }
                else
                {
                    color = Vector3.Zero;
                    for (int sy = 0; sy < n; sy++)
                    for (int sx = 0; sx < n; sx++)
                    {
                        Vector3 d = CameraRay(cam, ex, ey, ez, x + (sx + 0.5f) / n, y + (sy + 0.5f) / n);
                        if (scene.Geometry.Trace(scratch, origin, d, float.PositiveInfinity, out RayHit h))
                            color += scene.Shade(scratch, h, origin, d, 0f, pixelAngle, reflect);
                    }
                    color *= invSamples;
                }
                target.SetColor(pixel, color);
            }
        }
    }

    /// <summary>World direction through image point (u, v) with unit camera-space depth.</summary>
    private static Vector3 CameraRay(CameraIntrinsics cam, Vector3 ex, Vector3 ey, Vector3 ez, float u, float v) =>
        ex * ((u - cam.Cx) / cam.Fx) - ey * ((v - cam.Cy) / cam.Fy) - ez;
}
