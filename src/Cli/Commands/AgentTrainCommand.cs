using System.CommandLine;
using RtfmGym.Agents.Learning;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using RtfmGym.Env.Actions;
using RtfmGym.Env.Frames;
using RtfmGym.Env.Scenarios;
using RtfmGym.Env.Spaces;
using RtfmGym.Env.Vector;
using RtfmGym.Torch;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym agent train --scenario S --frames model|ground-truth --steps N --out DIR [--resume]</c>: trains the
/// reference PPO policy in vector environments of the scenario, with a progress bar, checkpoints, and a learning
/// curve (curve.csv, curve.png) in DIR; the policy runs with <c>--agent policy:DIR</c>.
/// </summary>
public static class AgentTrainCommand
{
    /// <summary>The learning curve's CSV file in the output folder.</summary>
    public const string CurveCsv = "curve.csv";

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario file or shipped name.", DefaultValueFactory = _ => "pointnav-apartment" };
        var frames = new Option<string?>("--frames") { Description = "Frame source the policy sees: model, ground-truth, ... Default: the scenario's." };
        var steps = new Option<long>("--steps") { Description = "Environment transitions to train for (over all environments; a resumed run continues up to this).", DefaultValueFactory = _ => 100_000 };
        var outDir = new Option<string>("--out") { Description = "Folder for the policy, its checkpoints and learning curve.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var envs = new Option<int>("--envs") { Description = "Environments stepped side by side.", DefaultValueFactory = _ => 8 };
        var rollout = new Option<int>("--rollout-steps") { Description = "Steps per environment per rollout.", DefaultValueFactory = _ => 64 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate (falls linearly to 0).", DefaultValueFactory = _ => 2.5e-4 };
        var entropy = new Option<double>("--entropy") { Description = "Weight of the entropy bonus (larger keeps the policy exploring longer).", DefaultValueFactory = _ => new PpoOptions().EntropyCoefficient };
        var seed = new Option<ulong>("--seed") { Description = "Seed of weights, actions, minibatches and episodes.", DefaultValueFactory = _ => 1 };
        var every = new Option<int>("--checkpoint-every") { Description = "Rollouts between checkpoints.", DefaultValueFactory = _ => 10 };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Frame-model checkpoint directory for --frames model. Default: the shipped models/small." };
        var cmd = new Command("train", "Train the reference PPO policy (CNN over RGB-D and the goal) in a scenario; Ctrl-C leaves a usable checkpoint.")
        {
            scenario, frames, steps, outDir, resume, envs, rollout, lr, entropy, seed, every, checkpoint,
        };
        cmd.SetAction((pr, ct) =>
        {
            var options = new PpoOptions
            {
                TotalSteps = pr.GetValue(steps), Envs = pr.GetValue(envs), RolloutSteps = pr.GetValue(rollout), LearningRate = pr.GetValue(lr), EntropyCoefficient = pr.GetValue(entropy),
                Seed = pr.GetValue(seed), CheckpointEvery = pr.GetValue(every),
            };
            EnvironmentComponents components = ModelFrames.Components(pr.GetValue(checkpoint));
            return Task.FromResult(Run(pr.GetValue(scenario)!, pr.GetValue(frames), options, pr.GetValue(outDir)!, pr.GetValue(resume), components, ct));
        });
        return cmd;
    }

    internal static int Run(string scenarioName, string? frames, PpoOptions options, string outDir, bool resume, EnvironmentComponents components, CancellationToken ct)
    {
        options.Validate();
        Scenario scenario = ScenarioResolver.Load(scenarioName);
        if (frames is not null) scenario = scenario with { Frames = frames };
        if (File.Exists(Path.Combine(outDir, PolicyCheckpoint.DescriptionFile)) && !resume)
            throw new RtfmGymException($"'{outDir}' already holds a policy; continue it with --resume or choose another --out.");
        Directory.CreateDirectory(outDir);
        torch.set_num_threads(torch.DefaultThreadCount());
        using IFrameSource source = components.FrameSources.Create(scenario.Frames, scenario);
        using VectorEnvironment vector = Environments(scenario, options.Envs, source, components);
        if (vector.SingleActionSpace is not DiscreteSpace actions)
            throw new RtfmGymException($"Scenario '{scenario.Name}' has {vector.SingleActionSpace} actions; the reference learner needs discrete ones (action.kind: discrete).");
        int? stop = scenario.Action.Kind == ActionKind.Discrete ? (int)((long)DiscreteAction.Stop - actions.Start) : null;
        using var learner = new PpoLearner(options, PolicyInputs.For(vector.SingleObservationSpace), (int)actions.N, stop);
        string csv = Path.Combine(outDir, CurveCsv);
        if (resume) PolicyCheckpoint.Resume(outDir, learner);
        KeepCurveUpTo(csv, learner.RolloutsDone);
        Consoles.Err.MarkupLine($"[grey]training PPO in {Markup.Escape(scenario.Name)} on {Markup.Escape(scenario.Frames)} frames, {options.Envs} environments, into {Markup.Escape(outDir)}; Ctrl-C stops with a checkpoint[/]");
        var pending = new List<string>();
        void Checkpoint()
        {
            PolicyCheckpoint.Save(outDir, learner, actions.Start, scenario.Name, scenario.Frames);
            PolicyCheckpoint.SaveStage(outDir);
            File.AppendAllLines(csv, pending);
            pending.Clear();
            LearningCurvePicture.Write(csv, Path.Combine(outDir, "curve.png"), $"PPO in {scenario.Name} ({scenario.Frames} frames)");
        }
        Train(learner, vector, pending, Checkpoint, ct);
        Checkpoint();
        Consoles.Out.MarkupLine($"trained to {learner.Steps:N0} steps; policy in {Markup.Escape(outDir)} (use --agent policy:{Markup.Escape(outDir)})");
        return ct.IsCancellationRequested ? 130 : 0;
    }

    /// <summary>
    /// The learner's environments. A source that draws from context (the learned model) is shared, so the vector
    /// environment draws every environment's frame in one batched call per step; others (the ray caster) get one
    /// source each and step in parallel.
    /// </summary>
    private static VectorEnvironment Environments(Scenario scenario, int count, IFrameSource shared, EnvironmentComponents components) =>
        shared.DrawsFromContext
            ? new(Enumerable.Range(0, count).Select(_ => (IEnvironment)new RtfmEnvironment(scenario, shared, components: components)).ToArray(), AutoresetMode.SameStep)
            : new(Enumerable.Range(0, count).Select(_ => (IEnvironment)new RtfmEnvironment(scenario, components: components)).ToArray(), AutoresetMode.SameStep);

    /// <summary>Rollouts until the run is done or cancelled, under a progress bar; each rollout's curve row goes to <paramref name="pending"/>.</summary>
    private static void Train(PpoLearner learner, VectorEnvironment vector, List<string> pending, Action checkpoint, CancellationToken ct) =>
        Consoles.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("ppo", maxValue: learner.Options.Rollouts * learner.Options.RolloutSize);
                task.Value = learner.Steps;
                while (!learner.Finished && !ct.IsCancellationRequested)
                {
                    PpoProgress p = learner.Train(vector);
                    pending.Add(p.ToCsv());
                    task.Value = p.Steps;
                    task.Description = $"{p.Steps:N0} steps {p.StepsPerSecond:F0}/s return {p.MeanReturn:F2} success {p.SuccessRate:P0} entropy {p.Entropy:F2}";
                    if (p.Rollout % learner.Options.CheckpointEvery == 0) checkpoint();
                }
            });

    /// <summary>Drops curve rows past the checkpoint a resumed run continues from (they are trained again), or all rows for a new run.</summary>
    private static void KeepCurveUpTo(string csv, long rollouts)
    {
        var rows = File.Exists(csv) && rollouts > 0
            ? File.ReadLines(csv).Skip(1).Where(l => long.TryParse(l.Split(',')[0], out long r) && r <= rollouts).ToList()
            : [];
        Env.IO.AtomicFile.WriteAllText(csv, string.Join('\n', rows.Prepend(PpoProgress.CsvHeader)) + "\n");
    }
}
