namespace RtfmGym.Model.Training;

/// <summary>How the context views of a training or evaluation sample relate to its target.</summary>
public enum SampleKind
{
    /// <summary>Context from the last steps of a random walk, target the next view (what an agent's rollout looks like).</summary>
    Trajectory,

    /// <summary>Context near the target looking the same way (±40°): the target is well covered.</summary>
    Interpolation,

    /// <summary>Context near the target looking elsewhere (60° to 180° away): much of the target is unseen.</summary>
    Extrapolation,

    /// <summary>
    /// Interpolation context whose first view is the target's own view (in training, a share of them only
    /// near it: within 0.1 m and 5°, see <see cref="TrainingDataOptions.NearCopyShare"/>): a renderer must
    /// pass what it is shown through, detail and all.
    /// </summary>
    Copy,
}
