namespace RtfmGym.Model.Training;

/// <summary>
/// Which procedural worlds are for training and which for evaluation. Evaluation worlds come
/// from a reserved range that training never draws from, so every evaluation figure is on worlds
/// the model has not seen.
/// </summary>
public static class WorldSeeds
{
    /// <summary>First evaluation world seed; evaluation uses seeds from here up to <see cref="HeldOutEnd"/> (exclusive).</summary>
    public const ulong HeldOutStart = 1_000_000, HeldOutEnd = 1_100_000;

    /// <summary>Training world seeds are drawn at or above this.</summary>
    public const ulong TrainingStart = 2_000_000;

    /// <summary>The <paramref name="index"/>th held-out world seed.</summary>
    public static ulong HeldOut(int index) => HeldOutStart + (ulong)index;

    /// <summary>True for seeds reserved for evaluation.</summary>
    public static bool IsHeldOut(ulong seed) => seed is >= HeldOutStart and < HeldOutEnd;

    /// <summary>A training seed from a 64-bit draw (never held out).</summary>
    public static ulong Training(ulong draw) => TrainingStart + draw % (1UL << 40);
}
