namespace RtfmGym.Play;

/// <summary>What a session answers one message with: a binary frame packet or a JSON text message.</summary>
public readonly record struct PlayReply(byte[]? Binary, string? Text)
{
    /// <summary>A binary frame packet (see <see cref="Protocol.FramePacket"/>).</summary>
    public static PlayReply Frame(byte[] packet) => new(packet, null);

    /// <summary>A JSON text message.</summary>
    public static PlayReply Json(System.Text.Json.Nodes.JsonObject message) => new(null, message.ToJsonString());

    /// <summary>An error message: <c>{"type":"error","code":...,"message":...}</c>; the page shows it.</summary>
    public static PlayReply Error(string code, string message) => Json(new() { ["type"] = "error", ["code"] = code, ["message"] = message });
}
