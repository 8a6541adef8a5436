using System.Globalization;

namespace RtfmGym.Env.Episodes;

/// <summary>
/// An episode's end-of-episode figures as a name-to-number map ("steps", "return", "collisions", and
/// "success", "spl", "soft_spl", "coverage" where the task reports them): what records store and what
/// replay recomputes and compares, so the names and readings live in one place.
/// </summary>
public static class EpisodeSummary
{
    /// <summary>The task's figures read from an episode's last info (null where the task does not report one).</summary>
    public static (bool? Success, double? Spl, double? SoftSpl, double? Coverage) ReadFigures(IReadOnlyDictionary<string, object?> info)
    {
        ArgumentNullException.ThrowIfNull(info);
        bool? success = InfoKeys.Success.TryRead(info, out bool b) ? b : null;
        return (success, Number(info, InfoKeys.Spl), Number(info, InfoKeys.SoftSpl), Number(info, InfoKeys.Coverage));
    }

    /// <summary>The map of figures; null ones are left out. Success is 1 or 0.</summary>
    public static IReadOnlyDictionary<string, double> Of(int steps, double episodeReturn, int collisions, bool? success, double? spl, double? softSpl, double? coverage)
    {
        var d = new Dictionary<string, double> { ["steps"] = steps, ["return"] = episodeReturn, ["collisions"] = collisions };
        if (success is { } ok) d["success"] = ok ? 1 : 0;
        if (spl is { } v) d["spl"] = v;
        if (softSpl is { } soft) d["soft_spl"] = soft;
        if (coverage is { } cov) d["coverage"] = cov;
        return d;
    }

    /// <summary>The map of figures of an episode that took <paramref name="steps"/> steps and ended with <paramref name="lastInfo"/>.</summary>
    public static IReadOnlyDictionary<string, double> FromLastInfo(int steps, double episodeReturn, int collisions, IReadOnlyDictionary<string, object?> lastInfo)
    {
        var (success, spl, softSpl, coverage) = ReadFigures(lastInfo);
        return Of(steps, episodeReturn, collisions, success, spl, softSpl, coverage);
    }

    // Read by conversion, not by type: over the bridge a figure may arrive as another numeric type.
    private static double? Number(IReadOnlyDictionary<string, object?> info, InfoKey<double> key) =>
        info.TryGetValue(key.Name, out object? v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;
}
