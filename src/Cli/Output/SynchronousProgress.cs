namespace RtfmGym.Cli.Output;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler on the reporting thread at once
/// (the framework's Progress posts to the thread pool, so reports could arrive late or out of order).</summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <summary>Calls the handler with <paramref name="value"/> before returning.</summary>
    public void Report(T value) => handler(value);
}
