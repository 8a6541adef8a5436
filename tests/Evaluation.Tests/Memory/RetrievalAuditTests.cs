using RtfmGym.Env;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Memory;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Tests;
using RtfmGym.Evaluation.Memory;
using static RtfmGym.Env.Tests.Memory.MemoryFixtures;

namespace RtfmGym.Evaluation.Tests.Memory;

public class RetrievalAuditTests
{
    [Test]
    public void Add_GroundTruthWalk_DefaultRuleReachesGoalAndBeatsBaselines()
    {
        // The retrieval goal: recall@4 of at least 0.8 for the default rule, on a seeded walk
        // through a generated world, scored against the covisibility oracle.
        var scenario = TestScenarios.Small("ground-truth", task: "free") with { MaxSteps = 1000 };
        using var env = new RtfmEnvironment(scenario, memory: new SpatialMemory());
        env.Reset(3);
        var audit = new RetrievalAudit([new FieldOfViewCoverageRule(), new NearestPoseRule(), new SlidingWindowRule()], [4, 8]);
        SpatialMemory mirror = env.Memory!.Clone();
        var rng = new Rng(11);
        long action = 1;
        for (int t = 1; t <= 300; t++)
        {
            if (rng.Chance(0.25)) action = rng.Pick(new long[] { 1, 1, 5, 6 });
            var r = env.Step(action);
            if (InfoKeys.Collided.ReadOr(r.Info, false)) action = 5;
            if (t % 5 == 0) audit.Add(mirror, env.Pose, env.LastFrame!, env.Camera, e => e.Frame);
            mirror.Insert(env.Pose, env.LastFrame!, t);
        }
        Assert.That(audit.Targets, Is.GreaterThan(50));
        double fov = audit.Recall("fov-coverage", 4);
        Assert.That(fov, Is.GreaterThanOrEqualTo(0.8));
        Assert.That(fov, Is.GreaterThan(audit.Recall("nearest-pose", 4)));
        Assert.That(fov, Is.GreaterThan(audit.Recall("sliding-window", 4)));
        Assert.That(audit.Results().Select(x => x.Rule), Is.EqualTo(new[] { "fov-coverage", "nearest-pose", "sliding-window" }));
    }

    [Test]
    public void Add_NothingCovisible_CountedApartAndLeftOutOfMeans()
    {
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0, 180), Flat(1, depth: 2), 0);
        var audit = new RetrievalAudit([new FieldOfViewCoverageRule()], [4]);
        audit.Add(memory, At(0, 0, 0), Flat(0, depth: 2), Camera, e => e.Frame);
        Assert.That((audit.Targets, audit.TargetsWithoutCovisible), Is.EqualTo((0, 1)));
        Assert.That(audit.Recall("fov-coverage", 4), Is.NaN);

        memory.Insert(At(0, 0.5f, 0), Flat(2, depth: 2.5f), 1);
        audit.Add(memory, At(0, 0, 0), Flat(0, depth: 2), Camera, e => e.Frame);
        Assert.That((audit.Targets, audit.TargetsWithoutCovisible), Is.EqualTo((1, 1)));
        Assert.That(audit.Recall("fov-coverage", 4), Is.EqualTo(1));
        Assert.That(audit.BeyondSearchRadius(4), Is.EqualTo(0));
    }

    [Test]
    public void Add_TruthOf_UsedForOracleNotForRules()
    {
        // Stored frames without depth (as a learned source may give) are scored by the oracle through their ground truth.
        var memory = new SpatialMemory();
        memory.Insert(At(0, 0.5f, 0), Flat(2), 0);
        var audit = new RetrievalAudit([new FieldOfViewCoverageRule()], [4]);
        Frame truth = Flat(2, depth: 2.5f);
        audit.Add(memory, At(0, 0, 0), Flat(0, depth: 2), Camera, _ => truth);
        Assert.That(audit.Targets, Is.EqualTo(1));
        Assert.That(audit.Recall("fov-coverage", 4), Is.EqualTo(1));
    }

    [Test]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => _ = new RetrievalAudit([], [4]));
        Assert.Throws<ArgumentException>(() => _ = new RetrievalAudit([new SlidingWindowRule()], [0]));
        var audit = new RetrievalAudit([new SlidingWindowRule()], [4]);
        Assert.Throws<ArgumentException>(() => audit.Recall("nope", 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => audit.Recall("sliding-window", 8));
    }
}
