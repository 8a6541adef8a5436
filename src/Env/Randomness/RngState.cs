namespace RtfmGym.Env.Randomness;

/// <summary>The four 64-bit words of an <see cref="Rng"/>; a value that can be stored and restored.</summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3);
