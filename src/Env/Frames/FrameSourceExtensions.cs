namespace RtfmGym.Env.Frames;

/// <summary>Conveniences over <see cref="IFrameSource"/>.</summary>
public static class FrameSourceExtensions
{
    /// <summary>Draws one view (a list of one through <see cref="IFrameSource.Draw"/>).</summary>
    public static DrawnView DrawOne(this IFrameSource source, ViewRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<DrawnView> drawn = source.Draw([request]);
        return drawn.Count == 1 ? drawn[0] : throw new RtfmGymException($"Frame source '{source.Name}' drew {drawn.Count} views for one request.");
    }
}
