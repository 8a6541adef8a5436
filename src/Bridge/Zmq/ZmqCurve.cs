using System.Text;
using static RtfmGym.Bridge.Zmq.NativeMethods;

namespace RtfmGym.Bridge.Zmq;

/// <summary>CURVE key helpers: key pairs and Z85 text (40 characters for a 32-byte key).</summary>
public static unsafe class ZmqCurve
{
    /// <summary>True when libzmq supports CURVE (built with libsodium/tweetnacl).</summary>
    public static bool IsAvailable => ZmqContext.Has("curve");

    /// <summary>A new key pair as Z85 text.</summary>
    public static (string PublicKey, string SecretKey) GenerateKeyPair()
    {
        byte* pub = stackalloc byte[41];
        byte* sec = stackalloc byte[41];
        ZmqException.ThrowIfFailed(zmq_curve_keypair(pub, sec), "zmq_curve_keypair");
        return (Encoding.ASCII.GetString(pub, 40), Encoding.ASCII.GetString(sec, 40));
    }

    /// <summary>The public key (Z85) that belongs to a secret key (Z85).</summary>
    public static string PublicKeyOf(string secretKeyZ85)
    {
        byte* pub = stackalloc byte[41];
        byte* sec = stackalloc byte[41];
        CopyZ85(secretKeyZ85, sec);
        ZmqException.ThrowIfFailed(zmq_curve_public(pub, sec), "zmq_curve_public");
        return Encoding.ASCII.GetString(pub, 40);
    }

    /// <summary>Decodes a 40-character Z85 key into its 32 bytes.</summary>
    /// <exception cref="FormatException">Not 40 valid Z85 characters.</exception>
    public static byte[] Decode(string z85)
    {
        byte* text = stackalloc byte[41];
        CopyZ85(z85, text);
        var key = new byte[32];
        fixed (byte* k = key)
        {
            if (zmq_z85_decode(k, text) == null) throw new FormatException("Not a valid Z85 key.");
        }
        return key;
    }

    /// <summary>Encodes a 32-byte key as 40 Z85 characters.</summary>
    public static string Encode(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32) throw new ArgumentException("A CURVE key has 32 bytes.", nameof(key));
        byte* text = stackalloc byte[41];
        fixed (byte* k = key)
        {
            if (zmq_z85_encode(text, k, 32) == null) throw new FormatException("Z85 encoding failed.");
        }
        return Encoding.ASCII.GetString(text, 40);
    }

    private static void CopyZ85(string z85, byte* destination)
    {
        if (z85.Length != 40 || z85.Any(c => c > 127)) throw new FormatException("A Z85 key has 40 ASCII characters.");
        for (int i = 0; i < 40; i++) destination[i] = (byte)z85[i];
        destination[40] = 0;
    }
}
