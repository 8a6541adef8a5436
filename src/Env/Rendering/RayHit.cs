using System.Numerics;

namespace RtfmGym.Env.Rendering;

/// <summary>The closest surface along a ray, as found by <see cref="SceneGeometry.Trace"/>.</summary>
internal struct RayHit
{
    /// <summary>Ray parameter of the hit, in units of the ray direction's length.</summary>
    public float T;

    /// <summary>Unit surface normal on the side the ray came from.</summary>
    public Vector3 Normal;

    public SurfaceKind Kind;

    /// <summary>
    /// Room whose materials apply: the floor/ceiling cell's room, or for a wall the room of the
    /// floor cell the ray came from; -1 when unknown (a camera inside a wall).
    /// </summary>
    public int Room;

    /// <summary>Prop index for <see cref="SurfaceKind.Prop"/>, otherwise -1.</summary>
    public int Prop;

    /// <summary>Layout cell of the floor/ceiling hit, or the floor cell in front of a wall face.</summary>
    public int CellI, CellJ;

    /// <summary>For walls: which face of cell (CellI, CellJ) was hit, 0 = -X, 1 = +X, 2 = -Z, 3 = +Z.</summary>
    public int Face;
}
