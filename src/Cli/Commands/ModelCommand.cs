using System.CommandLine;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym model ...</c>: train and evaluate the learned frame model.</summary>
public static class ModelCommand
{
    /// <summary>The <c>model</c> command with its <c>train</c> and <c>eval</c> subcommands.</summary>
    public static Command Create()
    {
        var cmd = new Command("model", "Train and evaluate the learned frame model.");
        cmd.Subcommands.Add(ModelTrainCommand.Create());
        cmd.Subcommands.Add(ModelEvalCommand.Create());
        return cmd;
    }
}
