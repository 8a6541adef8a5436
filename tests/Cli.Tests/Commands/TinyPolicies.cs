namespace RtfmGym.Cli.Tests.Commands;

/// <summary>What the policy evaluation tests share: an untrained-to-barely-trained policy and a two-episode suite that ends in seconds.</summary>
internal static class TinyPolicies
{
    /// <summary>The suite's file name in the test folder.</summary>
    public const string Suite = "tiny-suite.yaml";

    /// <summary>
    /// Trains a policy for one 64-step rollout on constant frames into <paramref name="dir"/>/<paramref name="name"/>,
    /// and writes a two-episode PointNav suite with near goals and a 30-step limit into <paramref name="dir"/>.
    /// </summary>
    public static void Create(string dir, string name = "policy")
    {
        var trained = CliRunner.Run(dir, "agent", "train", "--steps", "64", "--frames", "constant", "--envs", "2", "--rollout-steps", "32", "--out", name);
        Assert.That(trained.ExitCode, Is.EqualTo(0), trained.Err);
        File.WriteAllText(Path.Combine(dir, Suite), """
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
}
