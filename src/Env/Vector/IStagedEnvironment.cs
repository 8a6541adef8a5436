using RtfmGym.Env.Frames;

namespace RtfmGym.Env.Vector;

/// <summary>
/// An environment whose steps and resets can be split around drawing their view (<see cref="StagedObservation{T}"/>),
/// so that a <see cref="VectorEnvironment"/> draws the views of all its sub-environments that share a frame source in one call.
/// </summary>
internal interface IStagedEnvironment : IEnvironment
{
    /// <summary>The pipeline that draws this environment's views (its <see cref="ObservationPipeline.Source"/> tells which share one).</summary>
    ObservationPipeline Pipeline { get; }

    /// <summary><see cref="IEnvironment.Reset"/> up to the draw.</summary>
    StagedObservation<ResetResult> BeginReset(long? seed, IReadOnlyDictionary<string, object>? options);

    /// <summary><see cref="IEnvironment.Step"/> up to the draw.</summary>
    StagedObservation<StepResult> BeginStep(object action);
}
