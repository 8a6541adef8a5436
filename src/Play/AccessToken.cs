using System.Security.Cryptography;
using System.Text;

namespace RtfmGym.Play;

/// <summary>
/// The secret a play server bound to anything but loopback asks of every page and socket: 32 random
/// bytes as lowercase hex, printed once at start. Presented tokens are compared in constant time
/// (over their SHA-256, so that not even the length leaks through timing).
/// </summary>
public sealed class AccessToken
{
    private readonly byte[] _digest;

    /// <summary>A token with the given text (tests, or a token chosen by the operator).</summary>
    /// <exception cref="ArgumentException">The text is empty or shorter than 16 characters.</exception>
    public AccessToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length < 16) throw new ArgumentException($"An access token needs at least 16 characters; this one has {value.Length}.", nameof(value));
        Value = value;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The token's text (what the page's URL carries as <c>?token=</c>).</summary>
    public string Value { get; }

    /// <summary>A fresh random token.</summary>
    public static AccessToken Generate() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Whether <paramref name="presented"/> is this token (null and empty never are), in time independent of where they differ.</summary>
    public bool Matches(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
