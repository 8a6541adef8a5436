using RtfmGym.Env.Worlds;

namespace RtfmGym.Env.Frames;

/// <summary>
/// Produces the frame seen from a camera pose. The ground-truth ray caster is one
/// implementation; the learned frame model (src/Model) is another, plugged in from above so
/// that the environment never depends on it. A source is used by one environment at a time.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>A short name for logs and records ("ground-truth", "constant", "model:small").</summary>
    string Name { get; }

    /// <summary>Called at every reset, before the first <see cref="Render"/>, with the episode's world and seed.</summary>
    void BeginEpisode(World world, ulong seed);

    /// <summary>Draws one frame. Must be deterministic given the world, seed and the sequence of requests since <see cref="BeginEpisode"/>.</summary>
    Frame Render(FrameRequest request);
}
