using System.Diagnostics;
using RtfmGym.Bridge.Client;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Bridge.Server;
using RtfmGym.Env;
using RtfmGym.Env.Randomness;
using RtfmGym.Env.Scenarios;

namespace RtfmGym.Bridge.Bench;

/// <summary>
/// Measures what the bridge costs: the same steps of a 64x64 RGB environment with constant
/// frames (so rendering does not hide the transport) in-process, then from the C# client
/// over tcp loopback to an in-process server, one step per round trip, then with step_batch;
/// beside them the floor, a bare ZeroMQ round trip with a reply of the same size.
/// A benchmark, not a test: <c>rtfmgym bench bridge --json</c> prints it.
/// </summary>
public static class BridgeBench
{
    /// <summary>
    /// The scenario measured: constant frames, 64x64 RGB and pose, a free-roaming task with a
    /// long time limit so that episode resets (world and task setup) stay out of the figures.
    /// </summary>
    public const string ScenarioYaml = """
        name: bridge-bench
        frames: constant
        camera: {width: 64, height: 64}
        observations: [rgb, pose]
        task: {kind: free}
        max_steps: 1000000
        """;

    /// <summary>The benchmark scenario with another frame source ("constant" or "ground-truth").</summary>
    public static string ScenarioYamlFor(string frames) => ScenarioYaml.Replace("frames: constant", $"frames: {frames}", StringComparison.Ordinal);

    /// <summary>Runs the three measurements of <paramref name="steps"/> steps each (default 5000; at least 100) with the given frame source (default constant).</summary>
    public static BridgeBenchResult Run(int steps = 5000, int batchEnvs = 8, string frames = "constant")
    {
        string yaml = ScenarioYamlFor(frames);
        if (steps < 100) throw new ArgumentOutOfRangeException(nameof(steps), steps, "At least 100 steps.");
        if (batchEnvs < 1) throw new ArgumentOutOfRangeException(nameof(batchEnvs), batchEnvs, "At least 1.");
        var scenario = ScenarioLoader.Parse(yaml, "bridge-bench");
        using var local = new RtfmEnvironment(scenario);
        var (localRate, localP50, localP99) = Measure(local, steps);

        using var server = new BridgeServer(new BridgeServerOptions(bind: "tcp://127.0.0.1:*", workers: 1), new ScenarioEnvironmentProvider(null));
        server.Start();
        using var client = new BridgeClient(new BridgeClientOptions(server.Endpoint));
        using var remote = RemoteEnvironment.MakeInline(client, yaml);
        var (remoteRate, remoteP50, remoteP99) = Measure(remote, steps);
        double batchRate = MeasureBatch(client, yaml, batchEnvs, steps);
        var (floorP50, floorP99) = TransportFloor.Measure(StepReplyBytes(client, remote.Id), steps);
        return new BridgeBenchResult($"uint8[64, 64, 3] rgb + float32[7] pose, {frames} frames", steps, localRate, localP50, localP99, remoteRate, remoteP50, remoteP99, batchEnvs, batchRate)
        {
            TransportFloorP50Us = floorP50,
            TransportFloorP99Us = floorP99,
        };
    }

    // The size of one step's reply on the wire (the floor's replies are made as large).
    private static int StepReplyBytes(BridgeClient client, long env)
    {
        var w = new RtfmGym.Bridge.MessagePack.MsgPackWriter();
        var result = client.Call(Ops.Step, new Dictionary<string, object?> { ["env"] = env, ["action"] = 0L });
        w.Write(result);
        return w.Written.Length + 16;
    }

    private static (double Rate, double P50Us, double P99Us) Measure(IEnvironment env, int steps)
    {
        var rng = new Rng(1);
        env.Reset(seed: 1);
        for (int i = 0; i < 200; i++) Step(env, rng); // warm-up: JIT, connection, caches
        var latencies = new double[steps];
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < steps; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            Step(env, rng);
            latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        return (steps / seconds, latencies[steps / 2], latencies[(int)(steps * 0.99)]);
    }

    private static void Step(IEnvironment env, Rng rng)
    {
        if (env.Step(env.ActionSpace.Sample(rng)).Done) env.Reset();
    }

    private static double MeasureBatch(BridgeClient client, string yaml, int envs, int steps)
    {
        var remotes = Enumerable.Range(0, envs).Select(_ => RemoteEnvironment.MakeInline(client, yaml)).ToList();
        try
        {
            var rng = new Rng(2);
            remotes.ForEach(e => e.Reset(seed: 1));
            int rounds = Math.Max(1, steps / envs);
            Dictionary<string, object?> Batch() => new()
            {
                ["steps"] = remotes.Select(e => new Dictionary<string, object?> { ["env"] = e.Id, ["action"] = e.ActionSpace.Sample(rng) }).ToArray(),
                ["autoreset"] = true,
            };
            for (int i = 0; i < 20; i++) client.Call(Ops.StepBatch, Batch());
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < rounds; i++) client.Call(Ops.StepBatch, Batch());
            return rounds * envs / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        finally
        {
            remotes.ForEach(e => e.Dispose());
        }
    }
}
