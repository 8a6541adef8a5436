namespace RtfmGym.Evaluation.Model;

/// <summary>
/// The drift path walked again with a capture of its world in memory (<see cref="RtfmGym.Env.Scenarios.CaptureSettings"/>,
/// as a scenario's <c>capture</c> gives the environment): ground-truth views on a floor grid, so the model reconstructs each
/// frame from true views near it instead of generating from its own frames. Same path, retrieval and noise per step as the
/// rollout; its gap is against the same ground-truth-memory reference.
/// </summary>
/// <param name="SpacingMetres">Metres between capture points.</param>
/// <param name="Headings">Views per capture point.</param>
/// <param name="Views">Capture views put into memory.</param>
/// <param name="Drift">The figures of the walk (<see cref="DriftResult"/>).</param>
public sealed record CapturedDrift(float SpacingMetres, int Headings, int Views, DriftResult Drift);
