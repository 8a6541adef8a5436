using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Env;

// Starting episodes from pictures (a scenario's start_images, or an upload on the play page). Kept apart
// from RtfmEnvironment.cs like preloading; Reset calls StartViews once to make the episode's start views.
public sealed partial class RtfmEnvironment
{
    private IReadOnlyList<StartImage>? _startImages;

    /// <summary>The pictures every reset starts from: those given to <see cref="StartFromImages"/>, else the scenario's (often none).</summary>
    public IReadOnlyList<StartImage> StartImages => _startImages ?? Scenario.StartImages;

    /// <summary>Whether the frame source draws from the memory's context (<see cref="IFrameSource.DrawsFromContext"/>), so from start images; the ground truth does not, and ignores them.</summary>
    public bool FrameSourceDrawsFromContext => _frames.DrawsFromContext;

    /// <summary>
    /// Makes every following reset start from <paramref name="images"/> instead of the scenario's start images (an empty
    /// list: from none, so from the frame source's own seed views); null goes back to the scenario's. The images are put
    /// into the memory at reset, at their poses (a pose-less image at the episode's start pose), and every frame is drawn from them.
    /// </summary>
    /// <exception cref="RtfmGymException">An image's size is not the camera's.</exception>
    public void StartFromImages(IReadOnlyList<StartImage>? images)
    {
        ThrowIfClosed();
        if (images is not null) CheckStartImages(images);
        _startImages = images?.ToArray();
    }

    /// <summary>The posed frames an episode of <paramref name="scenario"/> starting with the camera at <paramref name="start"/> begins from.</summary>
    private IReadOnlyList<MemorySeed> StartViews(Scenario scenario, Pose start) =>
        StartImages.Select(i => new MemorySeed(i.Pose is { } p ? _actions.Place(p, scenario.Camera).Camera : start, i.Frame)).ToArray();

    private void CheckStartImages(IReadOnlyList<StartImage> images)
    {
        foreach (StartImage i in images)
        {
            ArgumentNullException.ThrowIfNull(i, nameof(images));
            if (i.Frame.Width != _camera.Width || i.Frame.Height != _camera.Height)
                throw new RtfmGymException($"The start image '{i.File}' is {i.Frame.Width}x{i.Frame.Height} pixels, but the camera is {_camera.Width}x{_camera.Height}; resize it to the camera's size.");
        }
    }
}
