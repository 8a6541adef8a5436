using System.CommandLine;
using RtfmGym.Cli.Output;
using RtfmGym.Env;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary><c>rtfmgym scenarios</c>: lists the shipped scenarios and validates each.</summary>
public static class ScenariosCommand
{
    /// <summary>The <c>scenarios</c> command.</summary>
    public static Command Create()
    {
        var cmd = new Command("scenarios", "List the shipped scenarios (scenarios/*.yaml) with their task, action kind and episode count; each is validated.");
        cmd.SetAction(_ =>
        {
            var table = new Table();
            foreach (string c in new[] { "name", "task", "action", "frames", "episodes", "description" }) table.AddColumn(c);
            int bad = 0;
            foreach (string name in ScenarioResolver.ShippedNames())
            {
                try
                {
                    var s = ScenarioResolver.Load(name);
                    table.AddRow(Markup.Escape(name), s.Task.Kind.ToString(), s.Action.Kind.ToString(), Markup.Escape(s.Frames), Math.Max(1, s.Episodes.Count).ToString(), Markup.Escape(s.Description));
                }
                catch (RtfmGymException e)
                {
                    bad++;
                    table.AddRow(Markup.Escape(name), "[red]invalid[/]", "", "", "", Markup.Escape(e.Message));
                }
            }
            Consoles.Out.Write(table);
            return bad == 0 ? 0 : Program.InputError;
        });
        return cmd;
    }
}
