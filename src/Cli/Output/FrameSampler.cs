namespace RtfmGym.Cli.Output;

/// <summary>
/// Keeps a few frames spread over a stream of unknown length, for a contact sheet: every frame whose index
/// is a multiple of a stride that doubles whenever more than twice <c>count</c> are kept, plus the last
/// frame. Memory stays bounded whatever the episode's length.
/// </summary>
public sealed class FrameSampler(int count)
{
    private readonly int _count = count >= 2 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "A sample needs at least 2 frames (the first and the last).");
    private readonly List<byte[]> _kept = new();
    private int _stride = 1, _seen;
    private byte[]? _last;

    /// <summary>Offers the next frame.</summary>
    public void Add(byte[] frame)
    {
        if (_seen++ % _stride == 0)
        {
            _kept.Add(frame);
            if (_kept.Count > 2 * _count)
            {
                for (int i = 1; i < _kept.Count; i++) _kept.RemoveAt(i); // every other frame: the stride doubles
                _stride *= 2;
            }
        }
        _last = frame;
    }

    /// <summary>Up to <c>count</c> frames in order, evenly spread over the kept ones, from the first frame to the last.</summary>
    public IReadOnlyList<byte[]> Pick()
    {
        if (_last is null) return [];
        var pool = new List<byte[]>(_kept);
        if (!ReferenceEquals(pool[^1], _last)) pool.Add(_last);
        if (pool.Count <= _count) return pool;
        return Enumerable.Range(0, _count).Select(k => pool[k * (pool.Count - 1) / (_count - 1)]).ToArray();
    }
}
