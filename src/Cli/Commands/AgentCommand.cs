using System.CommandLine;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym agent ...</c>: learned agents: training and evaluating them (<c>--agent policy:DIR</c> runs them elsewhere).</summary>
public static class AgentCommand
{
    /// <summary>The command and its subcommands.</summary>
    public static Command Create()
    {
        var cmd = new Command("agent", "Train and evaluate learned agents (use them with --agent policy:DIR in run, eval and replay).");
        cmd.Subcommands.Add(AgentTrainCommand.Create());
        cmd.Subcommands.Add(AgentEvalCommand.Create());
        cmd.Subcommands.Add(AgentCurveCommand.Create());
        return cmd;
    }
}
