namespace RtfmGym.Env;

/// <summary>Thrown when a scenario (or episode record) is malformed or impossible; the message names the file, line and field.</summary>
public sealed class ScenarioException : RtfmGymException
{
    /// <summary>An error at <paramref name="field"/> of <paramref name="file"/>, line <paramref name="line"/>.</summary>
    /// <param name="file">The file (or source name) that holds the error.</param>
    /// <param name="line">1-based line of the field, 0 when unknown.</param>
    /// <param name="field">Dotted path of the field, e.g. "task.goal".</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    public ScenarioException(string file, int line, string field, string problem)
        : base($"{file}:{(line > 0 ? line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (or source name) that holds the error.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending field, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>Dotted path of the field ("task.goal", "episodes[3].start").</summary>
    public string Field { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Problem { get; }
}
