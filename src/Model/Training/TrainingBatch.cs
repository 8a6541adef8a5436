using System.Numerics;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Randomness;
using RtfmGym.Model.Geometry;

namespace RtfmGym.Model.Training;

/// <summary>
/// A batch in the network's token layout, as managed arrays: context inputs [B·views, N, context values],
/// clean RGB-D targets [B, N, output values] and target rays [B, N, ray values].
/// </summary>
public sealed class TrainingBatch
{
    /// <summary>Horizontal range of the random translation, metres either way (covers worlds up to about 24 m across, centred).</summary>
    public const float TranslationRange = 12f;

    /// <summary>
    /// Share of context views whose depth is withheld (marked unknown) for models that take context depth, so the network
    /// also learns to draw from frames without it (start images, memories loaded from files).
    /// </summary>
    public const double ContextDepthDropout = 0.2;

    private TrainingBatch(int size, int views, int tokens, float[] context, float[] targets, float[] rays, int[]? correspondence, float[]? contextDepth,
        bool[]? degraded)
    {
        (Size, Views, Tokens, Context, Targets, Rays, Correspondence, ContextDepth, Degraded) =
            (size, views, tokens, context, targets, rays, correspondence, contextDepth, degraded);
    }

    /// <summary>B: samples in the batch.</summary>
    public int Size { get; }
    /// <summary>Context frames per sample.</summary>
    public int Views { get; }
    /// <summary>N: tokens (image patches) per frame.</summary>
    public int Tokens { get; }
    /// <summary>Context inputs, [B·views, N, context values], row-major.</summary>
    public float[] Context { get; }
    /// <summary>Clean RGB-D targets the network learns to predict, [B, N, output values], row-major.</summary>
    public float[] Targets { get; }
    /// <summary>Per-token camera rays of the targets (Plücker coordinates), [B, N, ray values], row-major.</summary>
    public float[] Rays { get; }
    /// <summary>
    /// For models with the copy path: where each target patch's surface appears in each context view, as a window
    /// index or <see cref="PointerCorrespondence.None"/> ([B, N, views], row-major; see <see cref="PointerCorrespondence"/>).
    /// Null without the path or where a sample was rendered without depth.
    /// </summary>
    public int[]? Correspondence { get; }

    /// <summary>
    /// For models that take context depth (<see cref="FrameModelConfig.ContextDepth"/>): each context view's depth input,
    /// [B·views, N, 2·patch²] row-major (<see cref="ModelInputs.ContextDepth"/>), with <see cref="ContextDepthDropout"/> of the
    /// views marked unknown; null otherwise.
    /// </summary>
    public float[]? ContextDepth { get; }

    /// <summary>
    /// Which context views were degraded as a rollout degrades the model's frames (<see cref="ContextDegradation"/>), [B·views];
    /// the network sees them marked generated. Null when none was.
    /// </summary>
    public bool[]? Degraded { get; }

    /// <summary>
    /// Builds the batch. With <paramref name="augment"/>, every sample's poses are moved by one random
    /// <see cref="RigidMotion"/> (centred on the target, random heading, offset within
    /// ±<see cref="TranslationRange"/> m); without, poses are used as given. With <paramref name="augment"/> and a model with
    /// <see cref="FrameModelConfig.Provenance"/>, each context view is degraded (<see cref="ContextDegradation"/>) with chance
    /// <paramref name="degradedShare"/>.
    /// </summary>
    public static TrainingBatch Build(IReadOnlyList<TrainingExample> examples, FrameModelConfig config, Rng? augment, double degradedShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(examples.Count);
        int views = examples[0].ContextFrames.Count;
        if (examples.Any(e => e.ContextFrames.Count != views))
            throw new ArgumentException("Every sample of a batch needs the same number of context views.", nameof(examples));
        var camera = examples[0].Camera;
        int tokens = new TokenLayout(camera.Width, camera.Height, config.PatchSize, 1).Tokens;
        int c = tokens * config.ContextPatchValues, o = tokens * config.OutputPatchValues, r = tokens * FrameModelConfig.RayChannels * config.PatchSize * config.PatchSize;
        var context = new float[examples.Count * views * c];
        var targets = new float[examples.Count * o];
        var rays = new float[examples.Count * r];
        bool pointer = config.PointerStride > 0 && views > 0;
        int[]? correspondence = pointer ? new int[examples.Count * tokens * views] : null;
        var motions = examples.Select(e => augment is null ? RigidMotion.Identity : Random(augment, e.TargetPose.Position)).ToArray();
        // Drawn after the motions, so a run with context depth sees the same poses as one without.
        bool[]? withheld = config.ContextDepth ? Enumerable.Range(0, examples.Count * views).Select(_ => augment?.Chance(ContextDepthDropout) ?? false).ToArray() : null;
        // Drawn after those too, and only when asked for, so batches stay paired with a run that degrades nothing.
        bool[]? degraded = augment is not null && config.Provenance && degradedShare > 0
            ? Enumerable.Range(0, examples.Count * views).Select(_ => augment.Chance(degradedShare)).ToArray() : null;
        Rng[]? degradations = degraded is null ? null : examples.Select(_ => new Rng(augment!.NextUInt64())).ToArray();
        int d = tokens * config.ContextDepthPatchValues;
        float[]? contextDepth = withheld is null ? null : new float[examples.Count * views * d];
        Parallel.For(0, examples.Count, i =>
        {
            TrainingExample e = examples[i];
            RigidMotion m = motions[i];
            for (int v = 0; v < views; v++)
            {
                Frame frame = degraded?[i * views + v] == true ? ContextDegradation.Apply(e.ContextFrames[v], degradations![i]) : e.ContextFrames[v];
                ModelInputs.Context(frame, m.Apply(e.ContextPoses[v]), e.Camera, config).CopyTo(context, (i * views + v) * c);
                if (withheld is not null && !withheld[i * views + v]) ModelInputs.ContextDepth(frame, config).CopyTo(contextDepth!, (i * views + v) * d);
            }
            ModelInputs.CleanTarget(e.Target, config).CopyTo(targets, i * o);
            ModelInputs.Rays(m.Apply(e.TargetPose), e.Camera, config).CopyTo(rays, i * r);
            // Geometry is the same before and after the rigid augmentation, so the original poses serve.
            if (!pointer) return;
            int[]? found = PointerCorrespondence.Compute(e, config.PatchSize, config.PointerStride);
            if (found is null) pointer = false;
            else found.CopyTo(correspondence!, i * tokens * views);
        });
        return new TrainingBatch(examples.Count, views, tokens, context, targets, rays, pointer ? correspondence : null, contextDepth,
            degraded is not null && degraded.Any(x => x) ? degraded : null);
    }

    private static RigidMotion Random(Rng rng, Vector3 centre)
    {
        float yaw = (float)rng.Uniform(-Math.PI, Math.PI);
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw);
        var offset = new Vector3((float)rng.Uniform(-TranslationRange, TranslationRange), 0f, (float)rng.Uniform(-TranslationRange, TranslationRange));
        // Rotate about the target, then move it to a random place: translation = offset - R·centre (height unchanged).
        Vector3 rotated = Vector3.Transform(centre, q);
        return new RigidMotion(yaw, new Vector3(offset.X - rotated.X, 0f, offset.Z - rotated.Z));
    }
}
