using System.Diagnostics;
using RtfmGym.Env;

namespace RtfmGym.Evaluation.Memory;

/// <summary>
/// The per-step latencies of <see cref="CostExperiment"/>'s episode: each step's time in
/// <see cref="RtfmEnvironment.Step"/>, the memory's retrieval and the frame source's render within it, in
/// milliseconds, each the least over every time the step was taken; and the context retrieved per step.
/// </summary>
internal sealed class StepTimings
{
    private readonly double[] _latencies, _retrievals, _renders;
    private readonly int[] _contexts;
    private readonly Stopwatch _clock = new();

    /// <summary>Room for <paramref name="steps"/> steps, none timed yet.</summary>
    public StepTimings(int steps)
    {
        _latencies = Untimed(steps);
        _retrievals = Untimed(steps);
        _renders = Untimed(steps);
        _contexts = new int[steps];
    }

    /// <summary>Takes <paramref name="action"/> in <paramref name="env"/> as step <paramref name="step"/> (0-based), timing only the step itself.</summary>
    public StepResult Take(RtfmEnvironment env, int step, object action)
    {
        _clock.Restart();
        StepResult result = env.Step(action);
        _clock.Stop();
        _latencies[step] = Math.Min(_latencies[step], _clock.Elapsed.TotalMilliseconds);
        _retrievals[step] = Math.Min(_retrievals[step], env.Memory!.LastRetrievalTime.TotalMilliseconds);
        _renders[step] = Math.Min(_renders[step], env.LastRenderTime.TotalMilliseconds);
        return result;
    }

    /// <summary>Notes that step <paramref name="step"/> (0-based) retrieved <paramref name="entries"/> entries as context.</summary>
    public void Retrieved(int step, int entries) => _contexts[step] = entries;

    /// <summary>The figures of the latency window that ends with <paramref name="step"/> steps taken (at most <paramref name="window"/> steps), with the memory figures measured there.</summary>
    public CostCheckpoint Checkpoint(int step, int window, int bankSize, double workingSetMiB, double gcHeapMiB)
    {
        int from = Math.Max(0, step - window);
        double[] latencies = _latencies[from..step];
        return new CostCheckpoint(step, latencies.Length, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), Percentiles.Of(_retrievals[from..step], 50),
            Percentiles.Of(_renders[from..step], 50), bankSize, workingSetMiB, gcHeapMiB, _contexts[from..step].Average());
    }

    private static double[] Untimed(int steps)
    {
        var times = new double[steps];
        Array.Fill(times, double.PositiveInfinity);
        return times;
    }
}
