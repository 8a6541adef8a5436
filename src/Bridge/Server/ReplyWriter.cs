using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;

namespace RtfmGym.Bridge.Server;

/// <summary>Writes the two reply shapes: <c>{id, result}</c> and <c>{id, error: {code, message}}</c>.</summary>
internal static class ReplyWriter
{
    /// <summary>Writes <c>{id, result}</c>; the result goes through <see cref="WireWriter"/>.</summary>
    public static void Ok(MsgPackWriter w, object? id, object? result)
    {
        w.WriteMapHeader(2);
        w.WriteString("id"); w.Write(id);
        w.WriteString("result"); WireWriter.WriteValue(w, result);
    }

    /// <summary>Writes <c>{id, result}</c> where the result is already encoded.</summary>
    public static void OkRaw(MsgPackWriter w, object? id, ReadOnlySpan<byte> encodedResult)
    {
        w.WriteMapHeader(2);
        w.WriteString("id"); w.Write(id);
        w.WriteString("result"); w.WriteRaw(encodedResult);
    }

    public static void Error(MsgPackWriter w, object? id, string code, string message)
    {
        w.WriteMapHeader(2);
        w.WriteString("id"); w.Write(id);
        w.WriteString("error");
        WriteErrorMap(w, code, message);
    }

    public static void WriteErrorMap(MsgPackWriter w, string code, string message)
    {
        w.WriteMapHeader(2);
        w.WriteString("code"); w.WriteString(code);
        // Messages are capped so an echo of hostile input cannot blow up the reply.
        w.WriteString("message"); w.WriteString(message.Length > 2000 ? message[..2000] + "..." : message);
    }
}
