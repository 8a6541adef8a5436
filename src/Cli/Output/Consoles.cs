using Spectre.Console;

namespace RtfmGym.Cli.Output;

/// <summary>Where the CLI writes: tables and JSON to standard output, progress and logs to standard error (so --json output stays clean).</summary>
public static class Consoles
{
    /// <summary>Progress bars and notes.</summary>
    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Results.</summary>
    public static IAnsiConsole Out => AnsiConsole.Console;
}
