namespace RtfmGym.Bridge.Protocol;

/// <summary>The outcome of <see cref="ProtocolVersion.Check"/>: compatible or not, and a note (why not, or a caveat).</summary>
public sealed record VersionCheck(bool IsCompatible, string? Note);
