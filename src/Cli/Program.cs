using System.CommandLine;
using RtfmGym.Cli.Commands;
using RtfmGym.Env;
using RtfmGym.Torch;

namespace RtfmGym.Cli;

/// <summary>The <c>rtfmgym</c> command line: one verb per file in Commands/.</summary>
public static class Program
{
    /// <summary>Exit code for errors in the user's input (a bad scenario, record or option).</summary>
    public const int InputError = 2;

    /// <summary>Exit code when a replay differs from its record.</summary>
    public const int ReplayMismatch = 3;

    /// <summary>
    /// Runs the verb named in <paramref name="args"/>. Errors in the user's input print
    /// <c>rtfmgym: error: ...</c> to standard error without a stack trace.
    /// </summary>
    /// <param name="args">The command line after the program name.</param>
    /// <returns>0 on success, <see cref="InputError"/> for bad input, <see cref="ReplayMismatch"/> when a replay differs, or the verb's own code.</returns>
    public static int Main(string[] args)
    {
        RootCommand root = Build();
        try
        {
            // Our own handler below maps errors to exit codes; the library's would print a stack trace and return 1.
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Unwrap(e) is RtfmGymException or ArgumentException or IOException or UnauthorizedAccessException or NativeLibraryMissingException)
        {
            Exception inner = Unwrap(e);
            Console.Error.WriteLine($"rtfmgym: error: {inner.Message}");
            return inner is ReplayMismatchException ? ReplayMismatch : InputError;
        }
    }

    /// <summary>The command tree (also used by the tests).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("RtfmGym: a gym of generated worlds for robot learning. Try `rtfmgym run` for the default scenario.");
        foreach (Command c in new[]
        {
            RunCommand.Create(), ReplayCommand.Create(), RenderCommand.Create(), EvalCommand.Create(),
            ScenariosCommand.Create(), BenchCommand.Create(), ServeCommand.Create(), ModelCommand.Create(), MemoryEvalCommand.Create(), AgentCommand.Create(), FidelityCommand.Create(), PlayCommand.Create(),
        })
        {
            root.Subcommands.Add(c);
        }
        return root;
    }

    // A missing native library can surface wrapped (a type initialiser that first called into it), so its whole chain is searched.
    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0])
        : e.InnerException is RtfmGymException ? e.InnerException
        : Chain(e).OfType<NativeLibraryMissingException>().FirstOrDefault() ?? (Exception)e;

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}
