namespace RtfmGym.Env.Frames;

/// <summary>
/// A trivial frame source: a flat colour that encodes the step index (and a constant depth of
/// 1 m). It costs next to nothing, so benchmarks of everything around the renderer (the
/// bridge, vector envs) measure that and not the renderer.
/// </summary>
public sealed class ConstantFrameSource : IFrameSource
{
    /// <inheritdoc/>
    public string Name => "constant";

    /// <inheritdoc/>
    public IReadOnlyList<DrawnView> Draw(IReadOnlyList<ViewRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var drawn = new DrawnView[requests.Count];
        for (int i = 0; i < drawn.Length; i++) drawn[i] = new DrawnView(Render(requests[i].Frame));
        return drawn;
    }

    private static Frame Render(FrameRequest request)
    {
        int w = request.Camera.Width, h = request.Camera.Height;
        var rgb = new byte[w * h * 3];
        rgb.AsSpan().Fill((byte)(request.Step * 7 % 256));
        float[]? depth = null;
        if ((request.Channels & FrameChannels.Depth) != 0)
        {
            depth = new float[w * h];
            depth.AsSpan().Fill(1f);
        }
        int[]? ids = (request.Channels & FrameChannels.ObjectIds) != 0 ? new int[w * h] : null;
        return new Frame(w, h, rgb, depth, ids);
    }

    /// <inheritdoc/>
    public void Dispose() { }
}
