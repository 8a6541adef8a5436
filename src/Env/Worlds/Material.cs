using System.Numerics;

namespace RtfmGym.Env.Worlds;

/// <summary>
/// A surface material: two linear-RGB colours (components in [0, 1]) mixed by a procedural
/// pattern repeating every <see cref="Scale"/> metres, plus a mirror-like reflectivity.
/// </summary>
/// <param name="Id">Index in <see cref="World.Materials"/>.</param>
/// <param name="Name">Human-readable name ("oak floor", "chrome").</param>
/// <param name="ColorA">Primary colour, linear RGB.</param>
/// <param name="ColorB">Secondary colour, linear RGB.</param>
/// <param name="Pattern">How the two colours are laid out.</param>
/// <param name="Scale">Pattern period in metres.</param>
/// <param name="Reflectivity">Fraction of light taken from one mirror bounce, 0 (matte) to 1 (perfect mirror).</param>
/// <param name="Specular">Strength of point-light highlights, 0 to 1.</param>
public sealed record Material(int Id, string Name, Vector3 ColorA, Vector3 ColorB, MaterialPattern Pattern, float Scale, float Reflectivity, float Specular);
