namespace RtfmGym.Model.Training;

/// <summary>How the squared error of the network's x₀ estimate counts at each noise level t.</summary>
public enum LossWeighting
{
    /// <summary>Every level alike. Since x_t → x₀ as t → 0, low levels then contribute almost nothing, and nothing rewards passing detail through.</summary>
    Flat,

    /// <summary>
    /// The error of the implied velocity v = ε − x₀: the x₀ error divided by max(t, 0.1)², so low noise
    /// levels, where the input already holds the detail, weigh as much as high ones (x-prediction with a
    /// v-loss, as in "Back to Basics: Let Denoising Generative Models Denoise", Li and He 2025).
    /// </summary>
    VSpace,
}
