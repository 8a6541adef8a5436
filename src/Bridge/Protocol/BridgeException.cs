using RtfmGym.Env;

namespace RtfmGym.Bridge.Protocol;

/// <summary>A protocol-level error: carries one of the <see cref="ErrorCodes"/>. Raised by the server to make an error reply and by clients on receiving one.</summary>
public sealed class BridgeException : RtfmGymException
{
    /// <summary>An error with one of the <see cref="ErrorCodes"/> and a message for people.</summary>
    /// <param name="code">One of <see cref="ErrorCodes"/>, sent as <c>error.code</c>.</param>
    /// <param name="message">What went wrong and, where there is one, the fix; sent as <c>error.message</c>.</param>
    public BridgeException(string code, string message) : base(message) => Code = code;

    /// <summary>One of <see cref="ErrorCodes"/> (or a newer server's code).</summary>
    public string Code { get; }

    /// <summary>The code and message as one line, <c>code: message</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
