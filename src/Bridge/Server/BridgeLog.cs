namespace RtfmGym.Bridge.Server;

/// <summary>Timestamped log lines for the server (stderr by default); thread-safe.</summary>
public sealed class BridgeLog(TextWriter? writer)
{
    private readonly object _gate = new();

    /// <summary>A log that drops everything.</summary>
    public static BridgeLog None { get; } = new(null);

    /// <summary>Writes an <c>info</c> line: a normal event (start, session opened or closed).</summary>
    public void Info(string message) => Write("info", message);

    /// <summary>Writes an <c>error</c> line: a failure the server survived.</summary>
    public void Error(string message) => Write("error", message);

    private void Write(string level, string message)
    {
        if (writer is null) return;
        lock (_gate)
        {
            writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [bridge] {level}: {message}");
            writer.Flush();
        }
    }
}
