using System.Text.Json.Nodes;
using RtfmGym.Model.Checkpoints;

namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The JSON document of one <c>rtfmgym model eval</c> run (<c>eval.json</c>, and <c>--json</c>'s output): what was
/// evaluated and where (checkpoint, its training, device, threads, machine, commit), then the figures of
/// <see cref="ModelEvalResult"/> in its order, snake_case, ending with the summary.
/// </summary>
public static class ModelEvalDocument
{
    /// <summary>The document of <paramref name="result"/>.</summary>
    /// <param name="result">The figures.</param>
    /// <param name="checkpoint">The checkpoint folder, as given.</param>
    /// <param name="training">The checkpoint's training summary; null when it has none.</param>
    /// <param name="device">The device the model ran on, e.g. "cpu".</param>
    /// <param name="torchThreads">libtorch's intra-op threads during the run.</param>
    /// <param name="provenance">The machine and commit.</param>
    public static JsonObject Build(ModelEvalResult result, string checkpoint, TrainingSummary? training, string device, int torchThreads, RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(provenance);
        var doc = new JsonObject
        {
            ["checkpoint"] = checkpoint,
            ["trained_steps"] = training?.Steps,
            ["training_loss"] = training?.Loss,
            ["device"] = device,
            ["torch_threads"] = torchThreads,
            ["machine"] = provenance.Machine,
            ["commit"] = provenance.Commit,
        };
        return EvaluationJson.Append(doc, result);
    }
}
