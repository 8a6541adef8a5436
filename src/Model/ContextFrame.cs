using RtfmGym.Env.Geometry;

namespace RtfmGym.Model;

/// <summary>
/// A context frame as the model keeps it: each block's keys and values for the frame's tokens (and, for a
/// model with the copy path, its window keys and what its windows hold, in token layout, as one more entry),
/// computed once by <see cref="FrameModel.EncodeContext(RtfmGym.Env.Frames.Frame, RtfmGym.Env.Geometry.Pose, RtfmGym.Env.Geometry.CameraIntrinsics, int)"/> when the frame enters memory, so that
/// later steps never re-encode it. Plain managed arrays (no native memory to free), so a memory
/// entry can hold, clone and drop it freely. Immutable once built.
/// </summary>
public sealed class ContextFrame
{
    internal ContextFrame(Pose pose, float[][] keys, float[][] values, int heads, int tokens, int headWidth, int keyWidth, int generationDepth = 0, int pointerWindows = 0)
    {
        (Pose, Keys, Values, Heads, Tokens, HeadWidth, KeyWidth, GenerationDepth, PointerWindows) = (pose, keys, values, heads, tokens, headWidth, keyWidth, generationDepth, pointerWindows);
    }

    /// <summary>The camera pose the frame was seen from (metres, world frame).</summary>
    public Pose Pose { get; }

    /// <summary>Per block, the keys as [heads, tokens, key width], row-major; then, with the copy path, its window keys [windows, pointer key width].</summary>
    internal float[][] Keys { get; }

    /// <summary>Per block, the values as [heads, tokens, head width], row-major; then, with the copy path, what its windows hold in token layout [tokens, channels·patch²]: colour, and depth input for a path that reads depth.</summary>
    internal float[][] Values { get; }

    /// <summary>Windows the copy path reads from this frame; 0 when the model has no copy path.</summary>
    public int PointerWindows { get; }

    /// <summary>
    /// How many generations of the model's own frames stand between this frame and the ground truth:
    /// 0 for a rendered (ground-truth) frame, 1 for a frame generated from ground-truth context, n + 1 for
    /// one generated from context whose shallowest frame is n deep.
    /// </summary>
    public int GenerationDepth { get; }

    /// <summary>Attention heads per block.</summary>
    public int Heads { get; }

    /// <summary>Tokens of the frame.</summary>
    public int Tokens { get; }

    /// <summary>Width of one head's values.</summary>
    public int HeadWidth { get; }

    /// <summary>Width of one head's keys: the head width plus the ray-direction rotary dimensions, if any.</summary>
    public int KeyWidth { get; }

    /// <summary>Number of blocks cached.</summary>
    public int Blocks => Keys.Length - (PointerWindows > 0 ? 1 : 0);

    /// <summary>Bytes of cached keys and values.</summary>
    public long SizeBytes => (Keys.Sum(k => (long)k.Length) + Values.Sum(v => (long)v.Length)) * sizeof(float);
}
