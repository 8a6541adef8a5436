using System.Numerics;
using RtfmGym.Bridge.MessagePack;

namespace RtfmGym.Bridge.Tests.Support;

/// <summary>Deep equality of decoded MessagePack values, numbers compared by value across widths.</summary>
internal static class MsgPackValues
{
    public static bool DeepEquals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (IsInteger(a) && IsInteger(b)) return ToBig(a) == ToBig(b);
        if (IsNumber(a) && IsNumber(b)) return ToDouble(a).Equals(ToDouble(b));
        switch (a)
        {
            case string s: return b is string t && s == t;
            case bool x: return b is bool y && x == y;
            case byte[] ba: return DeepEquals(new ReadOnlyMemory<byte>(ba), b);
            case ReadOnlyMemory<byte> m:
                return b switch
                {
                    ReadOnlyMemory<byte> n => m.Span.SequenceEqual(n.Span),
                    byte[] nb => m.Span.SequenceEqual(nb),
                    _ => false,
                };
            case MsgPackTimestamp ts: return b is MsgPackTimestamp tt && ts == tt;
            case MsgPackExtension e: return b is MsgPackExtension f && e.Equals(f);
            case MsgPackMap ma:
                if (b is not MsgPackMap mb || ma.Count != mb.Count) return false;
                for (int i = 0; i < ma.Count; i++)
                {
                    if (!DeepEquals(ma[i].Key, mb[i].Key) || !DeepEquals(ma[i].Value, mb[i].Value)) return false;
                }
                return true;
            case object?[] xa:
                if (b is not object?[] xb || xa.Length != xb.Length) return false;
                for (int i = 0; i < xa.Length; i++)
                {
                    if (!DeepEquals(xa[i], xb[i])) return false;
                }
                return true;
            default: return a.Equals(b);
        }
    }

    private static bool IsInteger(object v) => v is long or ulong or int or uint or short or ushort or byte or sbyte or BigInteger;

    private static bool IsNumber(object v) => IsInteger(v) || v is float or double;

    private static BigInteger ToBig(object v) => v switch
    {
        BigInteger b => b,
        ulong u => u,
        _ => Convert.ToInt64(v),
    };

    private static double ToDouble(object v) => v switch
    {
        BigInteger b => (double)b,
        ulong u => u,
        float f => f,
        double d => d,
        _ => Convert.ToInt64(v),
    };
}
