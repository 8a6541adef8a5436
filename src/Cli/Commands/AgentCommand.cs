using System.CommandLine;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym agent ...</c>: learned agents (training now; <c>--agent policy:DIR</c> runs them).</summary>
public static class AgentCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create()
    {
        var cmd = new Command("agent", "Train learned agents (use them with --agent policy:DIR in run, eval and replay).");
        cmd.Subcommands.Add(AgentTrainCommand.Create());
        return cmd;
    }
}
