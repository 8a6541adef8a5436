using RtfmGym.Env;

namespace RtfmGym.Bridge.Protocol;

/// <summary>A protocol-level error: carries one of the <see cref="ErrorCodes"/>. Raised by the server to make an error reply and by clients on receiving one.</summary>
public sealed class BridgeException : RtfmGymException
{
    public BridgeException(string code, string message) : base(message) => Code = code;

    /// <summary>One of <see cref="ErrorCodes"/> (or a newer server's code).</summary>
    public string Code { get; }

    public override string ToString() => $"{Code}: {Message}";
}
