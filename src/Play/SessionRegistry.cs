namespace RtfmGym.Play;

/// <summary>
/// Bounds the play server's sessions: at most <see cref="MaxSessions"/> open at once (one more is refused
/// with a message saying so), and each one silent for <see cref="IdleTimeout"/> is closed by
/// <see cref="CloseIdle"/>. Thread-safe: sockets open, touch and leave sessions from many threads.
/// </summary>
public sealed class SessionRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<int, Lease> _open = [];
    private readonly TimeProvider _clock;
    private int _nextId;

    /// <summary>A registry for at most <paramref name="maxSessions"/> sessions, closing those idle for <paramref name="idleTimeout"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public SessionRegistry(int maxSessions, TimeSpan idleTimeout, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSessions, 1);
        if (idleTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(idleTimeout), idleTimeout, "The idle timeout must be positive.");
        (MaxSessions, IdleTimeout, _clock) = (maxSessions, idleTimeout, clock ?? TimeProvider.System);
    }

    /// <summary>The most sessions open at once.</summary>
    public int MaxSessions { get; }

    /// <summary>How long a session may stay silent before it is closed.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Sessions open now.</summary>
    public int Count
    {
        get { lock (_gate) return _open.Count; }
    }

    /// <summary>Opens a session, or returns null with the reason when <see cref="MaxSessions"/> are open.</summary>
    public Lease? TryOpen(out string? refusal)
    {
        lock (_gate)
        {
            if (_open.Count >= MaxSessions)
            {
                refusal = $"This play server already has {_open.Count} sessions open, its limit (--max-sessions {MaxSessions}); close another tab or wait until one is closed, then reload.";
                return null;
            }
            var lease = new Lease(this, ++_nextId, _clock.GetUtcNow());
            _open.Add(lease.Id, lease);
            refusal = null;
            return lease;
        }
    }

    /// <summary>Closes (cancels) every session silent for longer than <see cref="IdleTimeout"/>; returns how many.</summary>
    public int CloseIdle()
    {
        Lease[] idle;
        DateTimeOffset now = _clock.GetUtcNow();
        lock (_gate) idle = _open.Values.Where(l => now - l.LastActivity > IdleTimeout).ToArray();
        foreach (Lease l in idle) l.CloseIdle();
        return idle.Length;
    }

    private void Release(Lease lease)
    {
        lock (_gate) _open.Remove(lease.Id);
    }

    /// <summary>One open session's place: touch it on every message, dispose it when the socket closes.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly SessionRegistry _owner;
        private readonly CancellationTokenSource _idle = new();
        private long _lastTicks;
        private int _disposed;

        internal Lease(SessionRegistry owner, int id, DateTimeOffset now) => (_owner, Id, _lastTicks) = (owner, id, now.UtcTicks);

        /// <summary>The session's number, unique in the registry.</summary>
        public int Id { get; }

        /// <summary>When the page last sent something.</summary>
        public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

        /// <summary>Cancelled when the session is closed for being idle.</summary>
        public CancellationToken Idle => _idle.Token;

        /// <summary>Whether the session was closed for being idle.</summary>
        public bool ClosedIdle => _idle.IsCancellationRequested;

        /// <summary>Marks the session as active now.</summary>
        public void Touch() => Interlocked.Exchange(ref _lastTicks, _owner._clock.GetUtcNow().UtcTicks);

        internal void CloseIdle()
        {
            try { _idle.Cancel(); }
            catch (ObjectDisposedException) { } // it closed on its own meanwhile
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _owner.Release(this);
            _idle.Dispose();
        }
    }
}
