using System.Diagnostics;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;

namespace RtfmGym.Env.Frames;

/// <summary>
/// The one path from camera poses to observed frames, used by the environment, the vector environment, the
/// memory and drift rollouts and the cost experiment alike. For a batch of views it runs, in this order:
/// <list type="number">
/// <item>retrieve: each view's context from its episode's <see cref="SpatialMemory"/> (before drawing, so a
/// frame is never its own context; views of one batch never see each other's frames);</item>
/// <item>draw: one <see cref="IFrameSource.Draw"/> call for the whole batch;</item>
/// <item>insert: what the source says the memory keeps (<see cref="DrawnView.Remembered"/>, with its generation
/// depth) into each view's memory, at the view's pose and step.</item>
/// </list>
/// At reset, <see cref="Seed"/> puts the episode's start views (its start images), or else the source's seed views, into the
/// memory before the first frame.
/// Holds no state of its own beyond the source; not thread-safe (one caller at a time, as the source).
/// </summary>
public sealed class ObservationPipeline
{
    /// <summary>A pipeline drawing with <paramref name="source"/> (not owned: disposing it stays the caller's job).</summary>
    public ObservationPipeline(IFrameSource source) => Source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The frame source.</summary>
    public IFrameSource Source { get; }

    /// <summary>
    /// Puts the episode's <see cref="FrameEpisode.StartViews"/>, or when it has none the source's seed views for an episode
    /// starting at <paramref name="start"/>, into <paramref name="memory"/> (step 0, generation depth 0); nothing when there
    /// are none or there is no memory.
    /// </summary>
    public void Seed(SpatialMemory? memory, FrameEpisode episode, Pose start, CameraIntrinsics camera)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(camera);
        if (memory is null) return;
        foreach (MemorySeed view in episode.StartsFromImages ? episode.StartViews : Source.SeedViews(episode, start, camera))
            memory.Insert(view.Pose, view.Frame, 0);
    }

    /// <summary>Retrieves, draws and stores one view (a batch of one).</summary>
    public ObservedView Observe(ObservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Observe([request])[0];
    }

    /// <summary>Retrieves, draws (one source call) and stores every view of <paramref name="requests"/>; one result per request, in order.</summary>
    /// <exception cref="RtfmGymException">The source drew another number of views, or a frame of another size than its camera's.</exception>
    public IReadOnlyList<ObservedView> Observe(IReadOnlyList<ObservationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int n = requests.Count;
        if (n == 0) return [];
        var retrieved = new IReadOnlyList<ScoredEntry>?[n];
        var views = new ViewRequest[n];
        for (int i = 0; i < n; i++)
        {
            ObservationRequest r = requests[i] ?? throw new ArgumentException($"Request {i} is null.", nameof(requests));
            SpatialMemory? memory = r.Memory;
            retrieved[i] = memory is { Count: > 0 } ? memory.Retrieve(r.Frame.Pose, r.Frame.Camera) : null;
            views[i] = new ViewRequest(r.Frame, r.Episode, retrieved[i] is { } found ? Entries(found) : []);
        }
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<DrawnView> drawn = Source.Draw(views);
        TimeSpan drawTime = Stopwatch.GetElapsedTime(start);
        if (drawn.Count != n)
            throw new RtfmGymException($"Frame source '{Source.Name}' drew {drawn.Count} views for {n} requests.");
        // Every frame is checked before any is stored, so a refused batch leaves the memories as retrieval left them.
        for (int i = 0; i < n; i++)
        {
            CameraIntrinsics camera = requests[i].Frame.Camera;
            Frame frame = drawn[i]?.Observed ?? throw new RtfmGymException($"Frame source '{Source.Name}' drew no view for request {i}.");
            if (frame.Width != camera.Width || frame.Height != camera.Height)
                throw new RtfmGymException($"Frame source '{Source.Name}' returned {frame.Width}x{frame.Height}, expected {camera.Width}x{camera.Height}.");
        }
        var observed = new ObservedView[n];
        for (int i = 0; i < n; i++)
        {
            FrameRequest r = requests[i].Frame;
            DrawnView d = drawn[i];
            requests[i].Memory?.Insert(r.Pose, d.Remembered, r.Step, d.GenerationDepth);
            observed[i] = new ObservedView(d.Observed, retrieved[i], drawTime);
        }
        return observed;
    }

    private static MemoryEntry[] Entries(IReadOnlyList<ScoredEntry> scored)
    {
        var entries = new MemoryEntry[scored.Count];
        for (int i = 0; i < entries.Length; i++) entries[i] = scored[i].Entry;
        return entries;
    }
}
