using System.Globalization;

namespace RtfmGym.Bridge.Protocol;

/// <summary>A semantic version (MAJOR.MINOR.PATCH) of the bridge protocol (docs/protocol.md).</summary>
public readonly record struct ProtocolVersion(int Major, int Minor, int Patch) : IComparable<ProtocolVersion>
{
    /// <summary>The protocol this build speaks.</summary>
    public static ProtocolVersion Current { get; } = new(1, 1, 0);

    /// <summary>Parses "1.2.3" (a pre-release or build suffix after '-' or '+' is ignored).</summary>
    public static bool TryParse(string? text, out ProtocolVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text)) return false;
        int cut = text.IndexOfAny(['-', '+']);
        string[] parts = (cut >= 0 ? text[..cut] : text).Split('.');
        if (parts.Length != 3) return false;
        var n = new int[3];
        for (int i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i])) return false;
        }
        version = new ProtocolVersion(n[0], n[1], n[2]);
        return true;
    }

    /// <summary>
    /// Whether a client speaking <paramref name="client"/> may talk to a server speaking
    /// <paramref name="server"/>: semver says the major versions must match, and below 1.0.0
    /// the minor versions too (0.x releases promise nothing). A newer client minor is
    /// accepted: the client learns from hello's capabilities which ops exist.
    /// </summary>
    public static VersionCheck Check(ProtocolVersion client, ProtocolVersion server)
    {
        if (client.Major != server.Major)
            return new VersionCheck(false, $"client speaks protocol {client}, server speaks {server}: major versions differ");
        if (client.Major == 0 && client.Minor != server.Minor)
            return new VersionCheck(false, $"client speaks protocol {client}, server speaks {server}: 0.x minor versions differ");
        if (client.Minor > server.Minor)
            return new VersionCheck(true, $"server protocol {server} is older than the client's {client}: newer ops may be missing");
        return new VersionCheck(true, null);
    }

    /// <summary>Orders by major, then minor, then patch number.</summary>
    public int CompareTo(ProtocolVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    /// <summary><c>major.minor.patch</c>, e.g. <c>1.2.0</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
