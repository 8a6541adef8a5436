namespace RtfmGym.Env.Rendering;

/// <summary>A light that reaches a prop, and the baked fraction of the prop's sample points that see it (0..1].</summary>
internal readonly record struct PropLight(int Light, float Visibility);
