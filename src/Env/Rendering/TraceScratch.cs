namespace RtfmGym.Env.Rendering;

/// <summary>
/// Per-thread scratch for ray traversal: the prop mailbox, so a prop spanning several layout
/// cells is intersected once per ray, and the current image column's walk (see
/// <see cref="SceneGeometry.WalkColumn"/>). Never shared between threads.
/// </summary>
internal sealed class TraceScratch
{
    private readonly int[] _mailbox;
    private int _ray;

    public TraceScratch(int propCount)
    {
        _mailbox = new int[Math.Max(1, propCount)];
        ColumnProps = new int[Math.Max(1, propCount)];
    }

    /// <summary>The wall that ends the current column's walk (T is its ray parameter); Kind is None when the walk found no wall.</summary>
    public RayHit ColumnWall;

    /// <summary>Props in the cells the current column's walk crossed, each once; the first <see cref="ColumnPropCount"/> are valid.</summary>
    public readonly int[] ColumnProps;

    public int ColumnPropCount;

    /// <summary>Starts a new ray; returns its stamp.</summary>
    public int NextRay()
    {
        if (++_ray == int.MaxValue)
        {
            Array.Clear(_mailbox);
            _ray = 1;
        }
        return _ray;
    }

    /// <summary>True the first time <paramref name="prop"/> is seen during ray <paramref name="ray"/>.</summary>
    public bool FirstVisit(int prop, int ray)
    {
        if (_mailbox[prop] == ray) return false;
        _mailbox[prop] = ray;
        return true;
    }
}
