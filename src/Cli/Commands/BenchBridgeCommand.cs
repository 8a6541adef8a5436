using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RtfmGym.Bridge.Bench;
using RtfmGym.Cli.Output;
using Spectre.Console;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym bench bridge [--json]</c>: what the bridge costs per step (64x64 RGB, constant
/// frames by default, --frames ground-truth for the renderer): in-process steps/s beside round trips/s and p50/p99 latency from the C# client, and
/// step_batch throughput. A benchmark, not a test.
/// </summary>
public static class BenchBridgeCommand
{
    /// <summary>The <c>bench bridge</c> subcommand with its options, for <see cref="BenchCommand"/>.</summary>
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var steps = new Option<int>("--steps") { Description = "Steps per measurement.", DefaultValueFactory = _ => 5000 };
        var batch = new Option<int>("--batch-envs") { Description = "Environments per step_batch.", DefaultValueFactory = _ => 8 };
        var frames = new Option<string>("--frames") { Description = "Frame source: constant (the bridge alone) or ground-truth.", DefaultValueFactory = _ => "constant" };
        var cmd = new Command("bridge", "Measure bridge round trips/s and latency beside in-process steps.") { json, steps, batch, frames };
        cmd.SetAction(pr =>
        {
            BridgeBenchResult r = null!;
            Consoles.Err.Status().Start("bridge round trips ...", _ => r = BridgeBench.Run(pr.GetValue(steps), pr.GetValue(batch), pr.GetValue(frames)!));
            var doc = new JsonObject { ["machine"] = Machine.Describe(), ["commit"] = Machine.Commit(), ["bridge"] = JsonSerializer.SerializeToNode(r) };
            BenchCommand.Print(doc, pr.GetValue(json));
            return 0;
        });
        return cmd;
    }
}
