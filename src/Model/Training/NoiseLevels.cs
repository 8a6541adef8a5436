namespace RtfmGym.Model.Training;

/// <summary>How training draws the noise level t in (0, 1) of each sample.</summary>
public enum NoiseLevels
{
    /// <summary>Uniform in [0, 1).</summary>
    Uniform,

    /// <summary>t = sigmoid(n), n standard normal: most samples at middle levels, few at the ends (Esser et al. 2024).</summary>
    LogitNormal,
}
