namespace RtfmGym.Play.Protocol;

/// <summary>Save the walk since the last reset as an episode record: <c>{"type":"record"}</c>.</summary>
public sealed record RecordMessage : ClientMessage;
