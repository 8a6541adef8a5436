using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NUnit.Framework;
using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Tests.Support;

namespace RtfmGym.Bridge.Tests.MessagePack;

/// <summary>Every case of the msgpack-test-suite npm package (installed by scripts/setup.sh from package.json).</summary>
[TestFixture]
public sealed class MsgPackConformanceTests
{
    private static readonly string SuitePath =
        Path.Combine(RepoPaths.Root, "node_modules", "msgpack-test-suite", "dist", "msgpack-test-suite.json");

    public static IEnumerable<TestCaseData> Cases()
    {
        if (!File.Exists(SuitePath))
        {
            yield return new TestCaseData("missing", null, Array.Empty<string>()).SetName("Suite_NotInstalled_Fails");
            yield break;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(SuitePath));
        foreach (var file in doc.RootElement.EnumerateObject())
        {
            int i = 0;
            foreach (var c in file.Value.EnumerateArray())
            {
                string[] forms = c.GetProperty("msgpack").EnumerateArray().Select(e => e.GetString()!).ToArray();
                yield return new TestCaseData(file.Name, Expected(c), forms).SetName($"Suite_{file.Name}_{i++}_Conforms");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Suite_Case_DecodesEveryFormAndEncodesAnAcceptedOne(string file, object? expected, string[] forms)
    {
        Assert.That(File.Exists(SuitePath), Is.True, $"{SuitePath} missing: run `npm ci` (scripts/setup.sh --tests does)");
        foreach (string hex in forms)
        {
            object? decoded = MsgPackReader.Decode(Hex(hex));
            Assert.That(MsgPackValues.DeepEquals(expected, decoded), Is.True, $"{file}: {hex} decoded to {Describe(decoded)}");
        }
        string encoded = ToHex(MsgPackWriter.Encode(expected));
        Assert.That(forms, Does.Contain(encoded), $"{file}: encoded as {encoded}");
    }

    // The value of a case: the suite names the kind by the key (nil, bool, binary, number,
    // bignum, string, array, map, timestamp, ext); bignum wins over number when both exist.
    private static object? Expected(JsonElement c)
    {
        if (c.TryGetProperty("bignum", out var big)) return Narrow(BigInteger.Parse(big.GetString()!, CultureInfo.InvariantCulture));
        foreach (var p in c.EnumerateObject())
        {
            switch (p.Name)
            {
                case "nil": return null;
                case "bool": return p.Value.GetBoolean();
                case "binary": return Hex(p.Value.GetString()!);
                case "timestamp":
                    return new MsgPackTimestamp(p.Value[0].GetInt64(), p.Value[1].GetUInt32());
                case "ext":
                    return new MsgPackExtension((sbyte)p.Value[0].GetInt32(), Hex(p.Value[1].GetString()!));
                case "number" or "string" or "array" or "map": return FromJson(p.Value);
            }
        }
        throw new InvalidOperationException("case without a value: " + c);
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out long l) ? (object)l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromJson).ToArray(),
        JsonValueKind.Object => new MsgPackMap(e.EnumerateObject().Select(p => new KeyValuePair<object?, object?>(p.Name, FromJson(p.Value))).ToArray()),
        _ => throw new InvalidOperationException(e.ValueKind.ToString()),
    };

    private static object Narrow(BigInteger b) => b >= long.MinValue && b <= long.MaxValue ? (long)b : (ulong)b;

    private static byte[] Hex(string dashed) =>
        dashed.Length == 0 ? [] : dashed.Split('-').Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();

    private static string ToHex(byte[] bytes) => string.Join("-", bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    private static string Describe(object? v) => v switch
    {
        null => "null",
        ReadOnlyMemory<byte> m => "bin " + ToHex(m.ToArray()),
        _ => $"{v} ({v.GetType().Name})",
    };
}
