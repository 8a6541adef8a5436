namespace RtfmGym.Env.Memory;

/// <summary>A retrieved entry and the score its rule gave it (higher is better; the scale is the rule's own).</summary>
public readonly record struct ScoredEntry(MemoryEntry Entry, double Score);
