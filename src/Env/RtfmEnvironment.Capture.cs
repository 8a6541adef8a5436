using RtfmGym.Env.Geometry;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Worlds;

namespace RtfmGym.Env;

// A scenario's capture of the world (ground-truth views on a grid, for a source that draws from context). Kept apart
// from RtfmEnvironment.cs like the start images; Reset asks CapturePoses for the episode's.
public sealed partial class RtfmEnvironment
{
    // The latest world's capture: an environment's episodes mostly share a world, and a capture is hundreds of poses.
    private (World World, CaptureSettings Settings, CameraSettings Camera, IReadOnlyList<Pose> Poses)? _capture;

    /// <summary>
    /// The camera poses of <paramref name="scenario"/>'s capture of <paramref name="world"/>, each placed as the agent's camera
    /// would be there; empty when the scenario has no capture, the environment has no memory, or the frame source does not draw from context.
    /// </summary>
    /// <exception cref="RtfmGymException">The capture has more views than the memory holds.</exception>
    private IReadOnlyList<Pose> CapturePoses(Scenario scenario, World world)
    {
        if (scenario.Capture is not { } settings || Memory is null || !_frames.DrawsFromContext) return [];
        if (_capture is { } kept && ReferenceEquals(kept.World, world) && kept.Settings == settings && kept.Camera == scenario.Camera) return kept.Poses;
        IReadOnlyList<Pose> poses = scenario.CapturePoses(world);
        // Past the capacity the capture's own views would evict each other as they go in.
        if (poses.Count >= Memory.Options.Capacity)
            throw new RtfmGymException($"The capture of world {world.Seed} has {poses.Count:N0} views (spacing {settings.Spacing} m, {settings.Headings} headings), but the spatial memory " +
                $"holds {Memory.Options.Capacity:N0} entries; raise capture.spacing or lower capture.headings.");
        _capture = (world, settings, scenario.Camera, poses);
        return poses;
    }
}
