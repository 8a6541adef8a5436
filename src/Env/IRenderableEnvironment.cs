using RtfmGym.Env.Spaces;

namespace RtfmGym.Env;

/// <summary>An environment that draws its latest frame on request (Gymnasium's rgb_array render).</summary>
public interface IRenderableEnvironment : IEnvironment
{
    /// <summary>The latest frame's RGB as uint8 [H, W, 3], or null before the first reset.</summary>
    NDArray? Render();
}
