using RtfmGym.Agents.Learning;
using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Vector;
using RtfmGym.Torch;

namespace RtfmGym.Agents.Tests.Learning;

public class PpoLearnerTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        torch.set_num_threads(1);
        _dir = Path.Combine(Path.GetTempPath(), "rtfmgym-ppo-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly PpoOptions Quick = new()
    {
        Envs = 8, RolloutSteps = 8, TotalSteps = 8 * 8 * 30, LearningRate = 1e-3, Minibatches = 2, Seed = 3,
    };

    private static VectorEnvironment Cues(int n) =>
        new(Enumerable.Range(0, n).Select(_ => (IEnvironment)new CueEnvironment()).ToArray(), AutoresetMode.SameStep, parallel: false);

    private static PpoLearner Learner(PpoOptions options, VectorEnvironment envs) =>
        new(options, PolicyInputs.For(envs.SingleObservationSpace), 2);

    [Test]
    public void Train_ColourCue_LearnsToSee()
    {
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick, envs);
        PpoProgress first = learner.Train(envs), last = first;
        while (!learner.Finished) last = learner.Train(envs);
        Assert.That(first.SuccessRate, Is.InRange(0.2, 0.8), "an untrained policy guesses");
        Assert.That(last.SuccessRate, Is.GreaterThan(0.9), "the trained one reads the colour");
        Assert.That(last.Steps, Is.EqualTo(Quick.TotalSteps));
        Assert.That(new[] { last.PolicyLoss, last.ValueLoss, last.Entropy, last.ApproxKl }.All(double.IsFinite), Is.True);
    }

    [Test]
    public void Train_SameSeed_SameProgress()
    {
        PpoProgress Run()
        {
            using VectorEnvironment envs = Cues(Quick.Envs);
            using PpoLearner learner = Learner(Quick, envs);
            learner.Train(envs);
            return learner.Train(envs) with { StepsPerSecond = 0 };
        }
        Assert.That(Run(), Is.EqualTo(Run()));
    }

    [Test]
    public void Train_Rollouts_LeaveNoTensorBehind()
    {
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick, envs);
        learner.Train(envs); // the optimiser's moments are made by the first step
        long live = Tensor.LiveCount;
        learner.Train(envs);
        learner.Train(envs);
        Assert.That(Tensor.LiveCount, Is.EqualTo(live));
    }

    [Test]
    public void Train_ContinuousActions_ClearError()
    {
        using var envs = new VectorEnvironment([new ContinuousStub()], AutoresetMode.SameStep, parallel: false);
        using var learner = new PpoLearner(Quick with { Envs = 1 }, PolicyInputs.For(new CueEnvironment().ObservationSpace), 2);
        var e = Assert.Throws<RtfmGymException>(() => learner.Train(envs));
        Assert.That(e!.Message, Does.Contain("discrete"));
    }

    [Test]
    public void Train_OtherAutoresetMode_ClearError()
    {
        using var envs = new VectorEnvironment(Enumerable.Range(0, 8).Select(_ => (IEnvironment)new CueEnvironment()).ToArray(), AutoresetMode.NextStep, parallel: false);
        using PpoLearner learner = Learner(Quick, envs);
        var e = Assert.Throws<RtfmGymException>(() => learner.Train(envs));
        Assert.That(e!.Message, Does.Contain("SameStep"));
    }

    [Test]
    public void Sample_UniformDraws_FollowTheProbabilities()
    {
        var rng = new Rng(5);
        float[] logp = [MathF.Log(0.1f), MathF.Log(0.6f), MathF.Log(0.3f)];
        var counts = new int[3];
        for (int i = 0; i < 20_000; i++) counts[PpoLearner.Sample(logp, rng)]++;
        Assert.That(counts.Select(c => c / 20_000.0), Is.EqualTo(new[] { 0.1, 0.6, 0.3 }).Within(0.015));
    }

    [TestCase(0.01)]
    [TestCase(0.3)]
    public void Constructor_EndingAction_StartsWithItsProbability(double probability)
    {
        var inputs = PolicyInputs.Of(32, 32, depth: true, goal: true);
        using var learner = new PpoLearner(Quick with { InitialEndingProbability = probability }, inputs, 8, endingAction: 7);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (logits, _) = learner.Network.Forward(torch.zeros([4, 4, 32, 32]), torch.zeros([4, 3]));
        float[] p = torch.nn.functional.softmax(logits, 1).ToArray<float>();
        for (int row = 0; row < 4; row++)
        {
            Assert.That(p[row * 8 + 7], Is.EqualTo(probability).Within(0.02), "the ending action");
            Assert.That(p[row * 8], Is.EqualTo((1 - probability) / 7).Within(0.02), "every other action alike");
        }
    }

    [TestCase(-1)]
    [TestCase(8)]
    public void Constructor_EndingActionOutOfRange_Throws(int action) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PpoLearner(Quick, PolicyInputs.Of(32, 32, true, true), 8, action).Dispose());

    [Test]
    public void SaveStage_AfterSave_IsAPolicyOfThatStep()
    {
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick with { TotalSteps = 8 * 8 * 2 }, envs);
        learner.Train(envs);
        PolicyCheckpoint.Save(_dir, learner, 0, "cue", "test");
        string stage = PolicyCheckpoint.SaveStage(_dir);
        Assert.That(stage, Is.EqualTo(Path.Combine(_dir, PolicyCheckpoint.StagesDir, "step-000000064")));
        learner.Train(envs);
        PolicyCheckpoint.Save(_dir, learner, 0, "cue", "test");
        PolicyCheckpoint.SaveStage(_dir);
        Assert.That(PolicyCheckpoint.Read(stage).Steps, Is.EqualTo(64));
        Assert.That(Directory.GetDirectories(Path.Combine(_dir, PolicyCheckpoint.StagesDir)), Has.Length.EqualTo(2));
        using PolicyAgent agent = PolicyAgent.Load(stage);
        Assert.That(agent, Is.Not.Null);
    }

    [Test]
    public void SaveLoad_TrainedPolicy_AgentActsAsTheNetworkDoes()
    {
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick, envs);
        while (!learner.Finished) learner.Train(envs);
        PolicyCheckpoint.Save(_dir, learner, 0, "cue", "test");
        using PolicyAgent agent = PolicyAgent.Load(_dir);
        using var env = new CueEnvironment();
        int right = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            ResetResult r = env.Reset(seed);
            agent.Reset(new AgentContext(env.ActionSpace, env.ObservationSpace, seed), r.Observation, r.Info);
            if (env.Step(agent.Act(r.Observation, r.Info)).Reward > 0) right++;
        }
        Assert.That(right, Is.GreaterThanOrEqualTo(19));
        Assert.That(PolicyCheckpoint.Read(_dir).Steps, Is.EqualTo(Quick.TotalSteps));

        // The same policy shown black instead of colour cannot read the cue: it acts alike on both colours.
        using PolicyAgent blind = PolicyAgent.Load(_dir, blankColour: true);
        Assert.That(blind.Name, Does.StartWith("policy-no-rgb:"));
        int blindRight = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            ResetResult r = env.Reset(seed);
            blind.Reset(new AgentContext(env.ActionSpace, env.ObservationSpace, seed), r.Observation, r.Info);
            if (env.Step(blind.Act(r.Observation, r.Info)).Reward > 0) blindRight++;
        }
        Assert.That(blindRight, Is.InRange(8, 32), "about chance without the colour");
    }

    [Test]
    public void Resume_SavedRun_RestoresWeightsMomentsAndCount()
    {
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick, envs);
        learner.Train(envs);
        learner.Train(envs);
        PolicyCheckpoint.Save(_dir, learner, 0, "cue", "test");
        using PpoLearner resumed = Learner(Quick, envs);
        PolicyCheckpoint.Resume(_dir, resumed);
        Assert.That(resumed.RolloutsDone, Is.EqualTo(2));
        var a = learner.Network.state_dict();
        var b = resumed.Network.state_dict();
        foreach (var (name, t) in a) Assert.That(b[name].ToArray<float>(), Is.EqualTo(t.ToArray<float>()), name);
        Assert.That(resumed.Optimizer.StepCount, Is.EqualTo(learner.Optimizer.StepCount));
    }

    [TestCase(null, "missing", TestName = "Resume_NothingSaved_SaysSo")]
    [TestCase("{ \"rollouts\": -3 }", "Cannot resume", TestName = "Resume_NegativeRollouts_Damaged")]
    [TestCase("not json", "Cannot resume", TestName = "Resume_GarbageState_Damaged")]
    public void Resume_BadState_ClearError(string? state, string expected)
    {
        if (state is not null)
        {
            Directory.CreateDirectory(Path.Combine(_dir, "train"));
            File.WriteAllText(Path.Combine(_dir, "train", "state.json"), state);
        }
        using VectorEnvironment envs = Cues(Quick.Envs);
        using PpoLearner learner = Learner(Quick, envs);
        var e = Assert.Throws<RtfmGymException>(() => PolicyCheckpoint.Resume(_dir, learner));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [TestCase(null, "holds no policy", TestName = "Load_NoPolicy_SaysHowToTrainOne")]
    [TestCase("{}", "not an RtfmGym policy", TestName = "Load_EmptyDescription_NotAPolicy")]
    [TestCase("[1,2", "damaged", TestName = "Load_TruncatedDescription_Damaged")]
    public void Load_BadPolicy_ClearError(string? description, string expected)
    {
        Directory.CreateDirectory(_dir);
        if (description is not null) File.WriteAllText(Path.Combine(_dir, PolicyCheckpoint.DescriptionFile), description);
        var e = Assert.Throws<RtfmGymException>(() => PolicyAgent.Load(_dir));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    private sealed class ContinuousStub : IEnvironment
    {
        private readonly CueEnvironment _inner = new();
        public Env.Spaces.Space ObservationSpace => _inner.ObservationSpace;
        public Env.Spaces.Space ActionSpace { get; } = new Env.Spaces.BoxSpace(-1, 1, [2], Env.Spaces.DType.Float32);
        public ResetResult Reset(long? seed = null, IReadOnlyDictionary<string, object>? options = null) => _inner.Reset(seed, options);
        public StepResult Step(object action) => _inner.Step(0L);
        public void Close() => _inner.Close();
        public void Dispose() => Close();
    }
}
