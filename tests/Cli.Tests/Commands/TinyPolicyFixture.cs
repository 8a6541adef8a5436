namespace RtfmGym.Cli.Tests.Commands;

/// <summary>
/// What the policy evaluation tests share, made once per fixture in a temporary folder: a policy trained for one
/// 64-step rollout on constant frames ("policy") and a two-episode PointNav suite with near goals and a 30-step
/// limit (<see cref="Suite"/>) that ends in seconds.
/// </summary>
public abstract class TinyPolicyFixture
{
    /// <summary>The suite's file name in the test folder.</summary>
    protected const string Suite = "tiny-suite.yaml";

    /// <summary>The test folder (the working directory of the commands run).</summary>
    protected string Dir { get; private set; } = "";

    /// <summary>Trains the policy and writes the suite.</summary>
    [OneTimeSetUp]
    public void MakePolicyAndSuite()
    {
        Directory.CreateDirectory(Dir = Path.Combine(Path.GetTempPath(), $"rtfm-policy-cli-{Guid.NewGuid():N}"));
        var trained = CliRunner.Run(Dir, "agent", "train", "--steps", "64", "--frames", "constant", "--envs", "2", "--rollout-steps", "32", "--out", "policy");
        Assert.That(trained.ExitCode, Is.EqualTo(0), trained.Err);
        File.WriteAllText(Path.Combine(Dir, Suite), """
            name: tiny-suite
            max_steps: 30
            world:
              rooms: 2
              max_props_per_room: 1
            observations: [rgb, depth, pose, goal]
            action:
              kind: discrete
            task:
              kind: pointnav
              min_goal_distance: 1
              max_goal_distance: 2
            episodes:
              - {seed: 1, world_seed: 11}
              - {seed: 2, world_seed: 12}
            """);
    }

    /// <summary>Removes the folder.</summary>
    [OneTimeTearDown]
    public void RemoveDir() => Directory.Delete(Dir, recursive: true);
}
