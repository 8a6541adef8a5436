using RtfmGym.Env.Frames;
using RtfmGym.Env.Geometry;
using RtfmGym.Env.Memory;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// Scores retrieval rules against the <see cref="CovisibilityOracle"/>: for each
/// target view added, every rule picks from the same memory (through
/// <see cref="IRetrievalRule.Select"/>, so usage and eviction order are untouched) and its first K
/// are compared with the oracle's K most covisible entries. Targets that no stored entry saw
/// (nothing to recall) are counted apart and left out of the means, so empty memories do not
/// inflate them.
/// </summary>
public sealed class RetrievalAudit
{
    private readonly int[] _ks;
    private readonly float _tolerance;
    private readonly double[,] _recallSums;
    private readonly double[] _retrievedSums;
    private readonly double[] _beyondSums;

    /// <summary>An audit of <paramref name="rules"/> at each of <paramref name="ks"/> (each at least 1).</summary>
    /// <param name="rules">The retrieval rules to compare, at least one; each is asked for K entries per target.</param>
    /// <param name="ks">The numbers of entries retrieved per target to audit at; duplicates are dropped, each at least 1.</param>
    /// <param name="tolerance">The oracle's depth tolerance, metres (default 0.1).</param>
    public RetrievalAudit(IReadOnlyList<IRetrievalRule> rules, IReadOnlyList<int> ks, float tolerance = 0.1f)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(ks);
        if (rules.Count == 0) throw new ArgumentException("Audit at least one rule.", nameof(rules));
        if (ks.Count == 0 || ks.Any(k => k < 1)) throw new ArgumentException("Every K must be at least 1.", nameof(ks));
        Rules = rules.ToArray();
        _ks = ks.Distinct().Order().ToArray();
        _tolerance = tolerance;
        _recallSums = new double[Rules.Count, _ks.Length];
        _retrievedSums = new double[Rules.Count];
        _beyondSums = new double[_ks.Length];
    }

    /// <summary>The rules audited.</summary>
    public IReadOnlyList<IRetrievalRule> Rules { get; }

    /// <summary>The K values, ascending.</summary>
    public IReadOnlyList<int> Ks => _ks;

    /// <summary>Targets scored: those with at least one covisible entry.</summary>
    public int Targets { get; private set; }

    /// <summary>Targets no stored entry saw (left out of the means).</summary>
    public int TargetsWithoutCovisible { get; private set; }

    /// <summary>
    /// Audits the view from <paramref name="target"/> against <paramref name="memory"/>'s entries.
    /// <paramref name="targetTruth"/> is the ground-truth frame at the target, with depth;
    /// <paramref name="truthOf"/> gives the ground-truth frame, with depth, of a stored entry
    /// (the entry's own frame when it is ground truth with depth).
    /// </summary>
    public void Add(SpatialMemory memory, Pose target, Frame targetTruth, CameraIntrinsics camera, Func<MemoryEntry, Frame> truthOf)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(truthOf);
        var truthEntries = memory.Entries.Select(e => e with { Frame = truthOf(e) }).ToArray();
        Dictionary<long, double> oracle = CovisibilityOracle.Fractions(targetTruth, target, camera, truthEntries, _tolerance);
        if (!oracle.Values.Any(v => v > 0))
        {
            TargetsWithoutCovisible++;
            return;
        }
        Targets++;
        var poseOf = truthEntries.ToDictionary(e => e.Id, e => e.Pose);
        for (int j = 0; j < _ks.Length; j++)
        {
            long[] best = Best(oracle, _ks[j]);
            _beyondSums[j] += (double)best.Count(id => Horizontal(poseOf[id], target) > memory.Options.SearchRadius) / best.Length;
        }
        for (int r = 0; r < Rules.Count; r++)
        {
            IReadOnlyList<ScoredEntry> picked = Rules[r].Select(memory, target, camera, _ks[^1]);
            _retrievedSums[r] += picked.Count;
            for (int j = 0; j < _ks.Length; j++)
                _recallSums[r, j] += CovisibilityOracle.RecallAtK(picked, oracle, _ks[j]);
        }
    }

    /// <summary>Mean recall at <paramref name="k"/> of rule <paramref name="rule"/> over the scored targets; NaN before any.</summary>
    public double Recall(string rule, int k)
    {
        int r = IndexOf(rule), j = Array.IndexOf(_ks, k);
        if (j < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"K {k} was not audited; audited: {string.Join(", ", _ks)}.");
        return Targets == 0 ? double.NaN : _recallSums[r, j] / Targets;
    }

    /// <summary>
    /// Share of the oracle's K best entries (ties at the K-th included) that lie farther (horizontally)
    /// from the target than the memory's search radius, so no radius-limited rule can return them;
    /// mean over scored targets.
    /// </summary>
    public double BeyondSearchRadius(int k)
    {
        int j = Array.IndexOf(_ks, k);
        if (j < 0) throw new ArgumentOutOfRangeException(nameof(k), k, $"K {k} was not audited; audited: {string.Join(", ", _ks)}.");
        return Targets == 0 ? double.NaN : _beyondSums[j] / Targets;
    }

    /// <summary>Every rule's figures, in the order of <see cref="Rules"/>.</summary>
    public IReadOnlyList<RuleRecall> Results() =>
        Rules.Select((rule, r) => new RuleRecall(
            rule.Name,
            _ks.ToDictionary(k => k, k => Recall(rule.Name, k)),
            Targets == 0 ? double.NaN : _retrievedSums[r] / Targets)).ToArray();

    /// <summary>The ids reaching the covisibility of the oracle's <paramref name="k"/>-th best (ties included, covisible only), as <see cref="CovisibilityOracle.RecallAtK(IEnumerable{long}, IReadOnlyDictionary{long, double}, int)"/> counts hits.</summary>
    private static long[] Best(Dictionary<long, double> oracle, int k)
    {
        double bar = oracle.Values.Where(v => v > 0).OrderDescending().Take(k).Last();
        return oracle.Where(p => p.Value > 0 && p.Value >= bar).Select(p => p.Key).ToArray();
    }

    private static float Horizontal(Pose a, Pose b)
    {
        float dx = a.Position.X - b.Position.X, dz = a.Position.Z - b.Position.Z;
        return MathF.Sqrt(dx * dx + dz * dz);
    }

    private int IndexOf(string rule)
    {
        for (int r = 0; r < Rules.Count; r++)
            if (Rules[r].Name == rule) return r;
        throw new ArgumentException($"Rule '{rule}' is not audited; audited: {string.Join(", ", Rules.Select(x => x.Name))}.", nameof(rule));
    }
}
