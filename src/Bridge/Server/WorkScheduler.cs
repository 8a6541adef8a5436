namespace RtfmGym.Bridge.Server;

/// <summary>
/// Hands work to the server's threads (leader/followers). Sessions with work wait in one FIFO,
/// so every client gets a turn in arrival order however much another one asks for. A thread
/// with nothing to run becomes the leader (the one that waits on the socket) if nobody is; the
/// others sleep until there is a session to run or the leader's place is free. The thread that
/// receives a request usually runs it itself, so a request crosses no thread hand-off of ours.
/// There is one thread more than may run turns at once, so while every worker is busy one
/// thread still receives (and refuses what goes over the limits) instead of leaving requests
/// unread in the socket.
/// </summary>
internal sealed class WorkScheduler(int maxRunning)
{
    /// <summary>
    /// How long a sleeping thread waits before looking again. A leader that runs a short request
    /// itself wakes nobody; should that request run long, a sleeper finds the leader's place free
    /// within this time and goes on receiving.
    /// </summary>
    public const int RecheckMs = 20;

    private readonly Queue<ClientSession> _ready = new();
    private readonly object _gate = new();
    private int _running;
    private bool _leaderTaken;
    private bool _stopped;

    /// <summary>Threads to start: one per turn that may run at once, and one to keep receiving.</summary>
    public int Threads => maxRunning + 1;

    /// <summary>
    /// Waits for work: true with a session whose turn the caller runs (then calls
    /// <see cref="TurnDone"/>), true with null when the caller is now the leader, false once stopped.
    /// </summary>
    public bool Next(out ClientSession? session)
    {
        lock (_gate)
        {
            while (true)
            {
                session = null;
                if (_stopped) return false;
                if (_running < maxRunning && _ready.TryDequeue(out session))
                {
                    _running++;
                    return true;
                }
                if (!_leaderTaken)
                {
                    _leaderTaken = true;
                    return true;
                }
                Monitor.Wait(_gate, RecheckMs);
            }
        }
    }

    /// <summary>
    /// Queues sessions that have work and wakes a sleeping thread for each; with
    /// <paramref name="callerRunsOne"/> (the leader, about to take one itself) one fewer.
    /// </summary>
    public void Add(IReadOnlyList<ClientSession> sessions, bool callerRunsOne)
    {
        if (sessions.Count == 0) return;
        lock (_gate)
        {
            foreach (var s in sessions) _ready.Enqueue(s);
            for (int i = callerRunsOne ? 1 : 0; i < sessions.Count; i++) Monitor.Pulse(_gate);
        }
    }

    /// <summary>
    /// For the leader: takes the ready session when it is the only one and a worker is free,
    /// without giving the leader's place up yet (the caller decides how, then runs the turn).
    /// </summary>
    public bool TryTakeOnly(out ClientSession? session)
    {
        lock (_gate)
        {
            session = null;
            if (_running >= maxRunning || _ready.Count != 1) return false;
            session = _ready.Dequeue();
            _running++;
            return true;
        }
    }

    /// <summary>Ends a turn; a session with work left goes to the back of the line.</summary>
    public void TurnDone(ClientSession session, bool workLeft)
    {
        lock (_gate)
        {
            _running--;
            if (workLeft) _ready.Enqueue(session);
            // A waiting session may now run; the caller itself may be the one to take it.
            if (_ready.Count > 1) Monitor.Pulse(_gate);
        }
    }

    /// <summary>
    /// The leader gives its place up to run what it received; with <paramref name="wakeSuccessor"/>
    /// a sleeping thread takes it at once, otherwise the next thread to look for work does
    /// (the leader itself after a short request, saving a wake-up per request).
    /// </summary>
    public void EndLeadership(bool wakeSuccessor = true)
    {
        lock (_gate)
        {
            _leaderTaken = false;
            if (wakeSuccessor) Monitor.Pulse(_gate);
        }
    }

    /// <summary>Wakes every thread and makes <see cref="Next"/> return false from now on.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }
}
