namespace RtfmGym.Model.Geometry;

/// <summary>
/// Where a pixel's channel lives in a frame cut into patch tokens: tokens in row-major patch
/// order, each token's values ordered channel, then row, then column within the patch. The
/// network sees a frame as a [tokens, channels × patch²] matrix in exactly this order.
/// </summary>
public readonly record struct TokenLayout(int Width, int Height, int Patch, int Channels)
{
    /// <summary>Patches per row.</summary>
    public int PatchesX => Width / Patch;

    /// <summary>Number of tokens.</summary>
    public int Tokens => (Width / Patch) * (Height / Patch);

    /// <summary>Values per token.</summary>
    public int TokenValues => Channels * Patch * Patch;

    /// <summary>Values in the whole frame.</summary>
    public int Length => Tokens * TokenValues;

    /// <summary>Index of channel <paramref name="c"/> of pixel (<paramref name="u"/>, <paramref name="v"/>), u right, v down.</summary>
    public int Index(int u, int v, int c)
    {
        int token = (v / Patch) * PatchesX + u / Patch;
        return token * TokenValues + (c * Patch + v % Patch) * Patch + u % Patch;
    }
}
