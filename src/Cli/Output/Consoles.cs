using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>Where the CLI writes: tables and JSON to standard output, progress and logs to standard error (so --json output stays clean).</summary>
public static class Consoles
{
    /// <summary>Progress bars and notes.</summary>
    public static IAnsiConsole Err { get; } = Make(Console.Error, Console.IsErrorRedirected);

    /// <summary>Results.</summary>
    public static IAnsiConsole Out { get; } = Make(Console.Out, Console.IsOutputRedirected);

    // Redirected output (a file, a pipe, CI) has no terminal width; Spectre would wrap tables at 80 columns.
    private static IAnsiConsole Make(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected) console.Profile.Width = 160;
        return console;
    }
}
