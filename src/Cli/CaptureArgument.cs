using System.Globalization;
using RtfmGym.Env;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Cli;

/// <summary>Reads a command-line capture spacing: metres between the ground-truth views of a world's capture, or "none".</summary>
internal static class CaptureArgument
{
    /// <summary>
    /// The capture <paramref name="value"/> asks for: null for "none", else <see cref="CaptureSettings"/> of that spacing
    /// (metres, invariant culture) and the default headings.
    /// </summary>
    /// <exception cref="RtfmGymException">The value is neither "none" nor a spacing in range; the message names <paramref name="option"/>.</exception>
    public static CaptureSettings? Parse(string value, string option)
    {
        if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase)) return null;
        if (float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float spacing) && spacing is >= CaptureSettings.MinSpacing and <= CaptureSettings.MaxSpacing)
            return new CaptureSettings(spacing);
        throw new RtfmGymException(FormattableString.Invariant(
            $"{option} takes 'none' or the metres between capture views, {CaptureSettings.MinSpacing} to {CaptureSettings.MaxSpacing}; '{value}' is neither."));
    }
}
