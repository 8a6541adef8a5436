using System.Numerics;
using RtfmGym.Env.Geometry;

namespace RtfmGym.Env.Memory;

/// <summary>
/// The default rule: the entries that see the most of the target view, estimated from the
/// memory alone, the way the <see cref="CovisibilityOracle"/> measures it with the target's true depth.
/// <para>Two passes, so that a step costs about the same however full the memory is around the
/// target. The cheap pass examines at most <see cref="ExamineLimit"/> entries: of those within the
/// memory's search radius whose heading is within 90 degrees of the target's, the ones that look
/// nearest where the target looks (their points <see cref="LookAhead"/> metres ahead). It guesses
/// the target's surfaces from their <see cref="ProbesPerSide"/> x <see cref="ProbesPerSide"/> probe
/// points (3D points each saw, from its depth; points at <see cref="NominalDepth"/> along its rays
/// without depth) on a coarse 6 x 6 grid of the view, and scores each entry with a probe in view by
/// the coarse cells it covers, the way the full score does (below), reading its depth at 16 x 16
/// sample pixels. The <see cref="CandidateLimit"/> best (ties to the newer) are scored in full. Each
/// entry's points are computed once, when it is first examined, and kept with it.</para>
/// <para>The full score: the target view is cut into a <see cref="GridSize"/> x <see cref="GridSize"/>
/// grid of cells. First the target's surfaces are guessed: the depth samples of every shortlisted
/// entry with depth (<see cref="SamplesPerSide"/> x <see cref="SamplesPerSide"/> of them) are
/// projected into the target view, and each cell keeps the nearest point that lands in it (the
/// front-most surface any of them saw there; farther points are hidden behind it from the target).
/// Then each entry with depth covers a cell when that point projects into its image and its depth
/// there is within <see cref="DepthTolerance"/> of the point's (so it saw that very surface, not
/// something in front of it); an entry without depth covers a cell when the cell's point (or, for a
/// cell no one saw, the point at <see cref="NominalDepth"/> along the cell's central ray) projects
/// into its image. All use the target's intrinsics for every entry (one camera per environment).</para>
/// <para>Score = covered cells / all cells - <see cref="RecencyPenalty"/> * age in steps; the
/// best k with at least one covered cell are returned, ties to the newer entry. When fewer than k
/// cover a cell, <see cref="Fill"/> (on by default) tops the list up with the newest examined
/// entries, which cover nothing and so score -<see cref="RecencyPenalty"/> * age.</para>
/// <para>Why not the greedy set cover it once was: the audit (docs/memory.md, "memory-eval")
/// measures recall of the entries that each see the most of the view; a cover picks one view and
/// then views of whatever it missed, which reached a recall@4 of 0.14 where this estimate
/// reaches 0.86, and it often returned two entries when eight were asked for.</para>
/// </summary>
public sealed class FieldOfViewCoverageRule : IRetrievalRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="gridSize">Cells per side of the target view, 2 to 64 (default 16).</param>
    /// <param name="samplesPerSide">Depth samples per side of each entry's frame, 2 to 256 (default 16).</param>
    /// <param name="nominalDepth">Metres along the view axis of the points tested for cells no stored frame saw, for entries without depth (default 2).</param>
    /// <param name="recencyPenalty">Score taken off per step of an entry's age (default 1e-6: 10,000 steps weigh as much as 2.5 of 256 cells, so an old view that sees more still wins).</param>
    /// <param name="depthTolerance">Largest depth difference still counted as the same surface, metres (default 0.1, as the oracle's).</param>
    /// <param name="candidateLimit">Entries scored in full after the cheap pass, 1 to 4096 (default 16).</param>
    /// <param name="probesPerSide">Probe points per side of each entry for the cheap pass, 1 to <paramref name="samplesPerSide"/> (default 8: 64 points, enough to guess the surfaces the shortlist is chosen by).</param>
    /// <param name="examineLimit">Entries the cheap pass examines at most, those facing the target's way that look nearest where it looks, 1 to 1,000,000 (default 48).</param>
    /// <param name="fill">Whether entries that cover no cell fill the places left when fewer than k cover some (default true).</param>
    /// <param name="lookAhead">Metres in front of each camera of the point by which the cheap pass ranks entries, 0 (rank by camera position) to 100 (default 3).</param>
    /// <param name="groundTruthShare">Share of the places kept for ground-truth views (generation depth 0) that cover a cell, 0 (none: by score alone) to 1 (default 0.5).</param>
    public FieldOfViewCoverageRule(int gridSize = 16, int samplesPerSide = 16, float nominalDepth = 2f, double recencyPenalty = 1e-6, float depthTolerance = 0.1f,
        int candidateLimit = 16, int probesPerSide = 8, int examineLimit = 48, bool fill = true, float lookAhead = 3f, double groundTruthShare = 0.5)
    {
        if (gridSize is < 2 or > 64) throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, "The grid must be 2 to 64 cells per side.");
        if (samplesPerSide is < 2 or > 256) throw new ArgumentOutOfRangeException(nameof(samplesPerSide), samplesPerSide, "Samples per side must be 2 to 256.");
        if (!(nominalDepth > 0 && float.IsFinite(nominalDepth))) throw new ArgumentOutOfRangeException(nameof(nominalDepth), nominalDepth, "The nominal depth must be a positive number of metres.");
        if (!(recencyPenalty >= 0)) throw new ArgumentOutOfRangeException(nameof(recencyPenalty), recencyPenalty, "The recency penalty must be non-negative.");
        if (!(depthTolerance > 0 && float.IsFinite(depthTolerance))) throw new ArgumentOutOfRangeException(nameof(depthTolerance), depthTolerance, "The depth tolerance must be a positive number of metres.");
        if (candidateLimit is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(candidateLimit), candidateLimit, "The candidate limit must be 1 to 4096 entries.");
        if (probesPerSide < 1 || probesPerSide > samplesPerSide) throw new ArgumentOutOfRangeException(nameof(probesPerSide), probesPerSide, $"Probes per side must be 1 to the samples per side ({samplesPerSide}).");
        if (examineLimit is < 1 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(examineLimit), examineLimit, "The examine limit must be 1 to 1,000,000 entries.");
        if (!(lookAhead is >= 0 and <= 100)) throw new ArgumentOutOfRangeException(nameof(lookAhead), lookAhead, "The look-ahead must be 0 to 100 metres.");
        if (!(groundTruthShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(groundTruthShare), groundTruthShare, "The ground-truth share must be 0 to 1.");
        (GridSize, SamplesPerSide, NominalDepth, RecencyPenalty, DepthTolerance, CandidateLimit, ProbesPerSide, ExamineLimit, Fill, LookAhead, GroundTruthShare) =
            (gridSize, samplesPerSide, nominalDepth, recencyPenalty, depthTolerance, candidateLimit, probesPerSide, examineLimit, fill, lookAhead, groundTruthShare);
    }

    /// <summary>Cells per side of the target view. Default 16.</summary>
    public int GridSize { get; }

    /// <summary>Depth samples per side of each entry's frame. Default 16.</summary>
    public int SamplesPerSide { get; }

    /// <summary>Distance along the view axis of the points tested for unseen cells by entries without depth, metres. Default 2.</summary>
    public float NominalDepth { get; }

    /// <summary>Score taken off per step of an entry's age. Default 1e-6.</summary>
    public double RecencyPenalty { get; }

    /// <summary>Largest depth difference still counted as the same surface, metres. Default 0.1.</summary>
    public float DepthTolerance { get; }

    /// <summary>Most entries scored in full for one target, after the cheap pass; bounds the cost of a step. Default 16.</summary>
    public int CandidateLimit { get; }

    /// <summary>Probe points per side of each entry for the cheap pass. Default 8.</summary>
    public int ProbesPerSide { get; }

    /// <summary>Most entries the cheap pass examines for one target: of those within the search radius that face the target's way, the ones whose <see cref="LookAhead"/> points lie nearest the target's. Default 48.</summary>
    public int ExamineLimit { get; }

    /// <summary>
    /// Distance in front of a camera, metres, of the point (on the floor plane) by which the cheap pass
    /// ranks entries: the nearer an entry's point to the target's, the sooner it is examined. 0 ranks by
    /// camera position. Default 3, about the depth of a room's far wall.
    /// </summary>
    public float LookAhead { get; }

    /// <summary>
    /// Whether entries that cover no cell of the view fill the places left when fewer than k cover
    /// some: the newest first, from the entries the cheap pass examined (near, facing the target's
    /// way), each scored -<see cref="RecencyPenalty"/> * age like any entry that covers nothing. A
    /// learned frame source then gets the same number of context frames at every step (its cost per
    /// step grows with that number), and recent frames of the walk besides. Default true.
    /// </summary>
    public bool Fill { get; }

    /// <summary>
    /// Share of the places (of the k returned, and of the cheap pass's shortlist) kept for ground-truth views:
    /// up to round(share x k) go first to the best-scored entries at generation depth 0 that cover a cell,
    /// whatever the drawn frames around them score. 0 ranks by score alone. Default 0.5: true views for detail,
    /// the walk's recent frames for what the true views do not see.
    /// </summary>
    public double GroundTruthShare { get; }

    /// <inheritdoc/>
    public string Name => "fov-coverage";

    /// <inheritdoc/>
    public IReadOnlyList<ScoredEntry> Select(SpatialMemory memory, Pose target, CameraIntrinsics camera, int k)
    {
        if (k <= 0) return [];
        // Points live in the target camera's frame; one matrix per entry maps between the two cameras.
        Matrix4x4 targetToWorld = ToWorld(target), worldToTarget = ToLocal(target);
        var toTarget = new PointProjector(worldToTarget, camera);
        List<MemoryEntry> near = Examined(memory, target);
        List<(MemoryEntry Entry, EntryFootprint Footprint)> shortlist = Shortlist(near, camera, targetToWorld, toTarget);
        (PointBatch points, bool[] seen, _) = Surface(shortlist.Select(c => c.Footprint.Samples).ToArray(), toTarget, camera, GridSize);
        double cells = GridSize * GridSize;
        var scored = new List<ScoredEntry>(shortlist.Count);
        foreach (var (e, f) in shortlist)
        {
            var toEntry = new PointProjector(targetToWorld * f.WorldToCamera, camera);
            int covered = Covered(toEntry, points, seen, e.Frame.Depth, e.Frame.Width, e.Frame.Height, 0);
            if (covered > 0) scored.Add(new ScoredEntry(e, covered / cells - RecencyPenalty * (memory.LatestStep - e.Step)));
        }
        scored.Sort(BestFirst);
        if (scored.Count >= k) return Chosen(scored, k);
        if (Fill) FillUp(scored, near, memory.LatestStep, k);
        return scored;
    }

    /// <summary>Highest score first; ties to the frame nearer the ground truth (the smaller generation depth), then to the newer entry (the larger id).</summary>
    internal static int BestFirst(ScoredEntry a, ScoredEntry b) =>
        b.Score != a.Score ? b.Score.CompareTo(a.Score)
        : a.Entry.GenerationDepth != b.Entry.GenerationDepth ? a.Entry.GenerationDepth.CompareTo(b.Entry.GenerationDepth)
        : b.Entry.Id.CompareTo(a.Entry.Id);

    /// <summary>
    /// The k places from <paramref name="scored"/> (more than k, best first): the best ground-truth entries
    /// up to the share kept for them, then the best of the rest, in best-first order.
    /// </summary>
    private List<ScoredEntry> Chosen(List<ScoredEntry> scored, int k)
    {
        int kept = (int)Math.Round(GroundTruthShare * k, MidpointRounding.AwayFromZero);
        if (kept == 0) return scored.GetRange(0, k);
        var chosen = new bool[scored.Count];
        for (int i = 0, n = 0; i < scored.Count && n < kept; i++)
            if (scored[i].Entry.GenerationDepth == 0) (chosen[i], n) = (true, n + 1);
        for (int i = 0, n = chosen.Count(c => c); i < scored.Count && n < k; i++)
            if (!chosen[i]) (chosen[i], n) = (true, n + 1);
        return scored.Where((_, i) => chosen[i]).ToList();
    }

    /// <summary>Appends to <paramref name="scored"/> (fewer than <paramref name="k"/>) the newest of <paramref name="examined"/> not in it, scored as covering nothing, until it holds k.</summary>
    private void FillUp(List<ScoredEntry> scored, List<MemoryEntry> examined, int latestStep, int k)
    {
        var taken = scored.Select(s => s.Entry.Id).ToHashSet();
        var rest = new List<ScoredEntry>();
        foreach (MemoryEntry e in examined)
            if (!taken.Contains(e.Id)) rest.Add(new ScoredEntry(e, -RecencyPenalty * (latestStep - e.Step)));
        // By step, not score, so that a zero penalty still prefers the newest; ties (entries of one step) to the larger id.
        rest.Sort((a, b) => a.Entry.Step != b.Entry.Step ? b.Entry.Step.CompareTo(a.Entry.Step) : b.Entry.Id.CompareTo(a.Entry.Id));
        scored.AddRange(rest.Take(k - scored.Count));
    }

    /// <summary>
    /// The cheap pass: the same estimate as the full score, on a coarse grid of the target view. The
    /// surface is guessed from the probe points of every entry within the search radius whose probes
    /// may reach into the view (front-most probe per coarse cell); each such entry is scored by the
    /// coarse cells it covers, judged by its depth at its sample pixels. The <see cref="CandidateLimit"/>
    /// best (at least one cell; ties to the newer) go on, in id order, and with them the best ground-truth views up to
    /// <see cref="GroundTruthShare"/> of that limit.
    /// </summary>
    private List<(MemoryEntry, EntryFootprint)> Shortlist(List<MemoryEntry> near, CameraIntrinsics camera, Matrix4x4 targetToWorld, PointProjector toTarget)
    {
        Span<Vector3> planes = stackalloc Vector3[4];
        FrustumPlanes(camera, planes);
        var inReach = new List<(MemoryEntry Entry, EntryFootprint Footprint)>();
        foreach (MemoryEntry e in near)
        {
            EntryFootprint f = Footprint(e, camera);
            if (MayBeInView(toTarget.ToCamera(f.Centre), f.Reach, planes)) inReach.Add((e, f));
        }
        // Only measured points shape the surface, as in the full score: the probes of a frame without depth stand at the
        // nominal depth, and in front of a farther true surface they would hide it from the very views that measured it.
        (PointBatch points, bool[] seen, int[] inView) = Surface(inReach.Select(c => c.Footprint.Probes).ToArray(), toTarget, camera, CoarseGrid,
            inReach.Select(c => c.Footprint.Samples is not null).ToArray());
        var reach = inReach.Where((_, i) => inView[i] > 0);
        // Ground-truth views also compete among themselves for the share of places kept for them.
        int truthLimit = (int)Math.Round(GroundTruthShare * CandidateLimit, MidpointRounding.AwayFromZero);
        // The worst of the best so far on top: (coarse cells covered, step, id) ascending.
        var best = new PriorityQueue<(MemoryEntry, EntryFootprint), (int, int, long)>(CandidateLimit + 1);
        var truth = new PriorityQueue<(MemoryEntry, EntryFootprint), (int, int, long)>(truthLimit + 1);
        foreach (var (e, f) in reach)
        {
            var toEntry = new PointProjector(targetToWorld * f.WorldToCamera, camera);
            int covered = Covered(toEntry, points, seen, f.SampleDepths, f.SamplesPerSide, f.SamplesPerSide, CoarseDepthSlack);
            if (covered == 0) continue;
            var key = (covered, e.Step, e.Id);
            KeepBest(best, CandidateLimit, (e, f), key);
            if (e.GenerationDepth == 0) KeepBest(truth, truthLimit, (e, f), key);
        }
        var list = new List<(MemoryEntry Entry, EntryFootprint Footprint)>(best.Count + truth.Count);
        var listed = new HashSet<long>();
        foreach (var queue in new[] { best, truth })
            while (queue.TryDequeue(out var item, out _))
                if (listed.Add(item.Item1.Id)) list.Add(item);
        // Id order, so the surface guess does not depend on the order the index lists entries in.
        list.Sort((a, b) => a.Entry.Id.CompareTo(b.Entry.Id));
        return list;
    }

    /// <summary>Keeps <paramref name="item"/> in <paramref name="queue"/> (worst on top) when it holds fewer than <paramref name="limit"/> or item's key beats the worst.</summary>
    private static void KeepBest(PriorityQueue<(MemoryEntry, EntryFootprint), (int, int, long)> queue, int limit, (MemoryEntry, EntryFootprint) item, (int, int, long) key)
    {
        if (limit == 0) return;
        if (queue.Count < limit) queue.Enqueue(item, key);
        else if (queue.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0) queue.EnqueueDequeue(item, key);
    }

    /// <summary>
    /// The entries the cheap pass examines: those within the search radius that face the target's way
    /// (heading within 90 degrees: views that face away from each other share little), and of these at
    /// most <see cref="ExamineLimit"/>, those whose look-ahead points (<see cref="LookAhead"/> metres in
    /// front of the camera, on the floor plane) lie nearest the target's (ties to the smaller id). The
    /// limit is what keeps the cost of a step flat once the neighbourhood is full; ranking by where the
    /// views look rather than where they stand keeps the entries that see the most within it (an entry a
    /// few metres behind the target, looking the same way, sees all of its view).
    /// </summary>
    private List<MemoryEntry> Examined(SpatialMemory memory, Pose target) =>
        LookAhead == SpatialMemory.ViewPointDistance
            ? NearestViews.ByViewPoint(memory, target, ExamineLimit)
            : NearestViews.ByPosition(memory, target, LookAhead, ExamineLimit);

    /// <summary>Cells per side of the cheap pass's grid (36 points to test per entry, against 256 in the full score).</summary>
    private const int CoarseGrid = 6;

    /// <summary>How much the depth tolerance of the cheap pass grows per metre of depth: it reads the depth at the nearest sample pixel, which may lie a few pixels from where the point lands.</summary>
    private const float CoarseDepthSlack = 0.1f;

    private EntryFootprint Footprint(MemoryEntry entry, CameraIntrinsics camera)
    {
        int probeStride = Math.Max(1, SamplesPerSide / ProbesPerSide);
        // Kept on the entry (immutable, so its points are too); rules with other parameters or cameras each make their own.
        if (entry.Footprint is { } kept && kept.Fits(entry, camera, SamplesPerSide, probeStride, NominalDepth)) return kept;
        return entry.Footprint = EntryFootprint.Of(entry, camera, SamplesPerSide, probeStride, NominalDepth);
    }

    /// <summary>Inward normals of the four side planes of the view's frustum (through the camera centre), camera frame.</summary>
    private static void FrustumPlanes(CameraIntrinsics camera, Span<Vector3> planes)
    {
        Vector3 tl = camera.RayDirection(0, 0), tr = camera.RayDirection(camera.Width, 0);
        Vector3 br = camera.RayDirection(camera.Width, camera.Height), bl = camera.RayDirection(0, camera.Height);
        Vector3 axis = new(0, 0, -1);
        ReadOnlySpan<(Vector3 A, Vector3 B)> edges = [(tl, tr), (tr, br), (br, bl), (bl, tl)];
        for (int i = 0; i < 4; i++)
        {
            Vector3 n = Vector3.Normalize(Vector3.Cross(edges[i].A, edges[i].B));
            planes[i] = Vector3.Dot(n, axis) >= 0 ? n : -n;
        }
    }

    /// <summary>Whether a ball at <paramref name="centre"/> (target camera frame) of <paramref name="radius"/> metres may reach into the view.</summary>
    private static bool MayBeInView(Vector3 centre, float radius, ReadOnlySpan<Vector3> planes)
    {
        if (centre.Z > radius) return false; // wholly behind the camera
        foreach (Vector3 n in planes)
            if (Vector3.Dot(n, centre) < -radius) return false;
        return true;
    }

    /// <summary>
    /// The guess of the target's surfaces on a <paramref name="grid"/> x <paramref name="grid"/> grid of
    /// its view (row-major), in the target camera's frame: per cell the nearest of the world points
    /// (NaN: none) that lands in it (seen = true), or the point at the nominal depth on the cell's
    /// central ray when none does (seen = false); and per point set, how many of its points landed in the view.
    /// Only the sets <paramref name="shapes"/> marks (null: all) compete for the cells.
    /// </summary>
    private (PointBatch Points, bool[] Seen, int[] InView) Surface(IReadOnlyList<PointBatch?> pointSets, PointProjector toTarget, CameraIntrinsics camera, int grid,
        IReadOnlyList<bool>? shapes = null)
    {
        int cells = grid * grid;
        var nearest = new float[cells];
        Array.Fill(nearest, float.PositiveInfinity);
        // Where the nearest point came from rather than the point itself: a copy of it per update costs more.
        var (fromSet, fromPoint) = (new int[cells], new int[cells]);
        var inView = new int[pointSets.Count];
        int most = 0;
        foreach (PointBatch? set in pointSets) most = Math.Max(most, set?.Length ?? 0);
        GridScratch scratch = GridScratch.For(most);
        for (int i = 0; i < pointSets.Count; i++)
        {
            if (pointSets[i] is not PointBatch set) continue;
            toTarget.ToGrid(set, grid, grid, scratch.Cells, scratch.Depths);
            bool competes = shapes is null || shapes[i];
            ReadOnlySpan<int> cellOf = scratch.Cells.AsSpan(0, set.Length);
            ReadOnlySpan<float> depthOf = scratch.Depths.AsSpan(0, set.Length);
            int landed = 0;
            for (int j = 0; j < cellOf.Length; j++)
            {
                int cell = cellOf[j];
                if (cell < 0) continue;
                landed++;
                if (!competes) continue;
                // Strictly nearer: of equally near points the first keeps the cell.
                float d = depthOf[j];
                if (d < nearest[cell]) (nearest[cell], fromSet[cell], fromPoint[cell]) = (d, i, j);
            }
            inView[i] = landed;
        }
        var winner = new Vector3[cells];
        var seen = new bool[cells];
        for (int cell = 0; cell < cells; cell++)
        {
            seen[cell] = nearest[cell] < float.PositiveInfinity;
            winner[cell] = seen[cell] ? toTarget.ToCamera(pointSets[fromSet[cell]]![fromPoint[cell]])
                : camera.RayDirection((cell % grid + 0.5f) * camera.Width / grid, (cell / grid + 0.5f) * camera.Height / grid) * NominalDepth;
        }
        return (PointBatch.Of(winner), seen, inView);
    }

    /// <summary>
    /// How many of the target's surface <paramref name="points"/> (target camera frame) the entry
    /// saw. With a depth image (<paramref name="depth"/>, <paramref name="depthWidth"/> x
    /// <paramref name="depthHeight"/>, spanning the entry's view; 0 or less where invalid) a seen point
    /// counts when it lands in the entry's view and the depth at that pixel is within the
    /// <see cref="DepthTolerance"/> (+ <paramref name="slackPerMetre"/> per metre of depth) of its
    /// own; without one, any point (seen or not) that lands in the view counts.
    /// </summary>
    private int Covered(PointProjector toEntry, PointBatch points, bool[] seen, float[]? depth, int depthWidth, int depthHeight, float slackPerMetre)
    {
        GridScratch scratch = GridScratch.For(points.Length);
        Span<int> pixels = scratch.Cells.AsSpan(0, points.Length);
        if (depth is null)
        {
            // Without depth only whether a point lands matters; a one-by-one grid is the cheapest question.
            toEntry.ToGrid(points, 1, 1, pixels, scratch.Depths);
            int landed = 0;
            foreach (int pixel in pixels) landed += pixel >= 0 ? 1 : 0;
            return landed;
        }
        toEntry.ToGrid(points, depthWidth, depthHeight, pixels, scratch.Depths);
        return SurfaceMatches.Count(pixels, scratch.Depths.AsSpan(0, points.Length), seen, depth, DepthTolerance, slackPerMetre);
    }

    /// <summary>Camera-to-world as a row-vector matrix (Vector3.Transform(local, m) = world).</summary>
    private static Matrix4x4 ToWorld(Pose pose) => Matrix4x4.CreateFromQuaternion(pose.Orientation) * Matrix4x4.CreateTranslation(pose.Position);

    /// <summary>World-to-camera as a row-vector matrix.</summary>
    internal static Matrix4x4 ToLocal(Pose pose) => Matrix4x4.CreateTranslation(-pose.Position) * Matrix4x4.CreateFromQuaternion(Quaternion.Conjugate(pose.Orientation));
}
