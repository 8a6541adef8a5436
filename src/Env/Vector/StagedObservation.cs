using RtfmGym.Env.Frames;

namespace RtfmGym.Env.Vector;

/// <summary>
/// A step or reset split around drawing its view: everything before the draw has happened, <see cref="Request"/>
/// is the view still to draw (null when there is none: the result is already known), and <see cref="Finish"/>
/// does the rest with the drawn view. A vector environment gathers the requests of all its sub-environments and
/// draws those that share a frame source in one call; <see cref="Complete"/> draws one alone.
/// </summary>
/// <typeparam name="T">The result: a <see cref="StepResult"/> or a <see cref="ResetResult"/>.</typeparam>
internal sealed class StagedObservation<T>
{
    private readonly Func<ObservedView?, T> _finish;

    /// <summary>A stage that draws <paramref name="request"/> with <paramref name="pipeline"/>, then <paramref name="finish"/>es with the view.</summary>
    public StagedObservation(ObservationPipeline? pipeline, ObservationRequest? request, Func<ObservedView?, T> finish)
    {
        if ((pipeline is null) != (request is null)) throw new ArgumentException("A stage has both a pipeline and a request, or neither.");
        (Pipeline, Request, _finish) = (pipeline, request, finish ?? throw new ArgumentNullException(nameof(finish)));
    }

    /// <summary>The pipeline that draws the view; null when there is no view to draw.</summary>
    public ObservationPipeline? Pipeline { get; }

    /// <summary>The view to draw; null when there is none.</summary>
    public ObservationRequest? Request { get; }

    /// <summary>A stage with nothing left to draw: its result is <paramref name="result"/>.</summary>
    public static StagedObservation<T> Done(T result) => new(null, null, _ => result);

    /// <summary>Finishes with <paramref name="view"/>, the view drawn for <see cref="Request"/> (null when it has none).</summary>
    public T Finish(ObservedView? view)
    {
        if ((view is null) != (Request is null)) throw new ArgumentException(Request is null ? "This stage has no view to draw." : "This stage needs its drawn view.", nameof(view));
        return _finish(view);
    }

    /// <summary>Draws the view alone (if any) and finishes.</summary>
    public T Complete() => Finish(Request is null ? null : Pipeline!.Observe(Request));

    /// <summary>The same stage, with <paramref name="next"/> applied to its result when it finishes.</summary>
    public StagedObservation<TNext> Then<TNext>(Func<T, TNext> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new StagedObservation<TNext>(Pipeline, Request, view => next(_finish(view)));
    }
}
