namespace RtfmGym.Play.Protocol;

/// <summary>Thrown when a page's message cannot be understood; its message says what was wrong and what is expected. The session goes on.</summary>
public sealed class PlayProtocolException(string message) : Exception(message);
