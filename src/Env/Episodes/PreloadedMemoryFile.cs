namespace RtfmGym.Env.Episodes;

/// <summary>
/// The memory file an episode started from (<c>rtfmgym run --memory-in</c>): where it was, the SHA-256 of
/// its bytes (lower-case hex) and its entry count. Replay needs the same bytes, since remembered frames
/// change what a memory-aware frame source draws.
/// </summary>
public sealed record PreloadedMemoryFile(string Path, string Sha256, int Entries);
