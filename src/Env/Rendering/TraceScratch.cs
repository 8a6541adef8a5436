namespace RtfmGym.Env.Rendering;

/// <summary>
/// Per-thread scratch for ray traversal: the prop mailbox, so a prop spanning several layout
/// cells is intersected once per ray. Never shared between threads.
/// </summary>
internal sealed class TraceScratch
{
    private readonly int[] _mailbox;
    private int _ray;

    public TraceScratch(int propCount) => _mailbox = new int[Math.Max(1, propCount)];

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
