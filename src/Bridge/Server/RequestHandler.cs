using RtfmGym.Bridge.MessagePack;
using RtfmGym.Bridge.Protocol;
using RtfmGym.Env;
using RtfmGym.Env.Sensors;
using RtfmGym.Env.Vector;

namespace RtfmGym.Bridge.Server;

/// <summary>
/// Runs one request of one session and writes its reply. Called by a worker that owns the
/// session for the duration, so session state needs no lock; the counters shared across
/// sessions are updated atomically. Every failure becomes an error reply, never a throw.
/// </summary>
internal sealed class RequestHandler(IEnvironmentProvider provider, BridgeServerOptions options, BridgeLog log)
{
    private long _nextEnvId;
    private int _liveEnvs;
    private int _makesRunning;

    /// <summary>Environments open across all clients.</summary>
    public int LiveEnvironments => Volatile.Read(ref _liveEnvs);

    /// <summary>Raised after the live environment count changes (on a worker thread).</summary>
    public event Action? LiveEnvironmentsChanged;

    /// <summary>Runs <paramref name="item"/> (a step_batch: its next slice); returns false when no reply is due (internal items, unfinished batches).</summary>
    public bool Handle(ClientSession session, WorkItem item, MsgPackWriter w)
    {
        if (item.Op is null)
        {
            int closed = CloseAll(session);
            log.Info($"client {session.Name} silent for {options.SessionTimeout.TotalSeconds:0.#} s: closed {closed} environment(s)");
            return false;
        }
        try
        {
            Dispatch(session, item, w);
            if (item.Unfinished) return false;
        }
        catch (BridgeException e)
        {
            Fail(w, item.Id, e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (code, message) = Classify(e);
            if (code == ErrorCodes.Internal) log.Error($"client {session.Name} op {item.Op}: {e}");
            Fail(w, item.Id, code, message);
        }
        return true;
    }

    /// <summary>Closes every environment of <paramref name="session"/>; returns how many.</summary>
    public int CloseAll(ClientSession session)
    {
        int n = 0;
        foreach (var slot in session.Envs.Values)
        {
            CloseQuietly(slot);
            n++;
        }
        session.Envs.Clear();
        if (n > 0) Changed(-n);
        return n;
    }

    private static void Fail(MsgPackWriter w, object? id, string code, string message)
    {
        w.Reset();
        ReplyWriter.Error(w, id, code, message);
    }

    private static (string Code, string Message) Classify(Exception e) => e switch
    {
        ActionOutOfSpaceException => (ErrorCodes.InvalidAction, e.Message),
        EnvironmentStateException => (ErrorCodes.InvalidState, e.Message),
        RtfmGymException => (ErrorCodes.EnvError, e.Message),
        _ => (ErrorCodes.Internal, $"internal server error ({e.GetType().Name}); see the server log"),
    };

    private void Dispatch(ClientSession session, WorkItem item, MsgPackWriter w)
    {
        MsgPackMap req = item.Request!;
        switch (item.Op)
        {
            case Ops.ListScenarios:
                ReplyWriter.Ok(w, item.Id, new Dictionary<string, object?>
                {
                    ["scenarios"] = provider.ListScenarios().Select(s => new Dictionary<string, object?> { ["name"] = s.Name, ["description"] = s.Description }).ToArray(),
                });
                break;
            case Ops.Make: Make(session, item.Id, req, w); break;
            case Ops.Spec: ReplyWriter.OkRaw(w, item.Id, Slot(session, req).SpecMap.Span); break;
            case Ops.Reset: Reset(session, item.Id, req, w); break;
            case Ops.Step:
                var slot = Slot(session, req);
                ReplyWriter.Ok(w, item.Id, StepResultMap(slot, req.TryGetValue("action", out object? a) ? a : null, AutoresetMode.Disabled));
                break;
            case Ops.StepBatch: StepBatch(session, item, req, w); break;
            case Ops.Render:
                var r = Slot(session, req);
                // An environment that renders draws its last frame itself; others fall back to the last observation's rgb.
                object frame = (r.Env is IRenderableEnvironment renderable ? renderable.Render() : null)
                    ?? (r.LastObservation is IReadOnlyDictionary<string, object> obs && obs.TryGetValue(SensorRegistry.Rgb, out object? rgb) ? rgb : null)
                    ?? throw new BridgeException(ErrorCodes.InvalidState, "nothing to render: reset the environment first");
                ReplyWriter.Ok(w, item.Id, new Dictionary<string, object?> { ["frame"] = frame });
                break;
            case Ops.Snapshot: Snapshot(Slot(session, req), item.Id, w); break;
            case Ops.Restore: Restore(Slot(session, req), item.Id, req, w); break;
            case Ops.Close:
                var c = Slot(session, req);
                session.Envs.Remove(c.Id);
                CloseQuietly(c);
                Changed(-1);
                ReplyWriter.Ok(w, item.Id, new Dictionary<string, object?> { ["closed"] = true });
                break;
            default:
                throw new BridgeException(ErrorCodes.UnknownOp, $"unknown op '{item.Op}'; known: {string.Join(", ", Ops.All)}");
        }
    }

    private void Make(ClientSession session, object? id, MsgPackMap req, MsgPackWriter w)
    {
        if (session.Envs.Count >= options.MaxEnvsPerClient)
            throw new BridgeException(ErrorCodes.LimitExceeded, $"a client may hold at most {options.MaxEnvsPerClient} environments; close one first");
        string? name = OptionalString(req, "scenario");
        string? yaml = OptionalString(req, "scenario_yaml");
        if ((name is null) == (yaml is null))
            throw new BridgeException(ErrorCodes.BadMessage, "make needs exactly one of 'scenario' (a name) or 'scenario_yaml' (inline YAML)");
        AutoresetMode mode = ReadAutoresetMode(req);
        // Makes in progress count against the server-wide cap, so concurrent makes cannot pass it.
        if (Interlocked.Increment(ref _makesRunning) + LiveEnvironments > options.MaxEnvs)
        {
            Interlocked.Decrement(ref _makesRunning);
            throw new BridgeException(ErrorCodes.LimitExceeded, $"the server holds {options.MaxEnvs} environments (all clients), its limit; close one or retry later");
        }
        EnvSlot slot;
        try
        {
            IEnvironment env;
            try
            {
                env = provider.Make(name, yaml);
            }
            catch (Exception e) when (e is RtfmGymException or ArgumentException or IOException or FormatException)
            {
                throw new BridgeException(ErrorCodes.InvalidScenario, e.Message);
            }
            slot = new EnvSlot(Interlocked.Increment(ref _nextEnvId), env, name ?? "(inline)", mode);
            session.Envs.Add(slot.Id, slot);
            Changed(+1);
        }
        finally
        {
            Interlocked.Decrement(ref _makesRunning);
        }
        log.Info($"client {session.Name} made env {slot.Id} ({slot.Scenario}); it holds {session.Envs.Count}");
        w.WriteMapHeader(2);
        w.WriteString("id"); w.Write(id);
        w.WriteString("result");
        w.WriteMapHeader(1 + EnvSlot.SpecEntries);
        w.WriteString("env"); w.WriteInt(slot.Id);
        // The spec map's entries are spliced in after its one-byte header (a fixmap: fewer than 16 entries).
        var spec = slot.SpecMap.Span;
        w.WriteRaw(spec[1..]);
    }

    /// <summary>make's optional autoreset_mode: Gymnasium's name of a mode; the bridge's default is same-step.</summary>
    private static AutoresetMode ReadAutoresetMode(MsgPackMap req)
    {
        string? text = OptionalString(req, "autoreset_mode");
        if (text is null) return AutoresetMode.SameStep;
        foreach (AutoresetMode mode in Enum.GetValues<AutoresetMode>())
            if (mode.ToString() == text) return mode;
        throw new BridgeException(ErrorCodes.InvalidArgument,
            $"autoreset_mode '{(text.Length > 64 ? text[..64] + "..." : text)}' is not one of {string.Join(", ", Enum.GetValues<AutoresetMode>())} (Gymnasium's AutoresetMode values)");
    }

    private static void Reset(ClientSession session, object? id, MsgPackMap req, MsgPackWriter w)
    {
        var slot = Slot(session, req);
        long? seed = req.TryGetValue("seed", out object? s) && s is not null ? WireReader.AsLong(s, "seed") : null;
        if (seed < 0) throw new BridgeException(ErrorCodes.InvalidArgument, $"seed {seed} must be nil or an integer >= 0");
        IReadOnlyDictionary<string, object>? resetOptions = null;
        if (req.TryGetValue("options", out object? o) && o is not null)
        {
            resetOptions = WireReader.ToValue(o) as Dictionary<string, object>
                ?? throw new BridgeException(ErrorCodes.BadMessage, "options must be a map");
        }
        ResetResult result;
        try
        {
            result = slot.Autoreset.Reset(seed, resetOptions);
        }
        catch (ArgumentException e)
        {
            // The environment refused a seed or option, before changing anything (IEnvironment.Reset).
            throw new BridgeException(ErrorCodes.InvalidArgument, e.Message);
        }
        slot.LastObservation = result.Observation;
        ReplyWriter.Ok(w, id, new Dictionary<string, object?> { ["obs"] = result.Observation, ["info"] = result.Info });
    }

    /// <summary>Steps of a step_batch run in one turn; then other clients' requests get theirs before the next slice.</summary>
    public const int BatchStepsPerTurn = 16;

    // Runs the next slice of the batch; the reply is written once the last slice has run.
    private void StepBatch(ClientSession session, WorkItem item, MsgPackMap req, MsgPackWriter w)
    {
        if (!req.TryGetValue("steps", out object? s) || s is not object?[] steps)
            throw new BridgeException(ErrorCodes.BadMessage, "step_batch needs 'steps': a list of {env, action}");
        if (steps.Length > options.MaxBatchSize)
            throw new BridgeException(ErrorCodes.LimitExceeded, $"at most {options.MaxBatchSize} steps per batch");
        bool autoreset = false;
        if (req.TryGetValue("autoreset", out object? ar))
            autoreset = ar as bool? ?? throw new BridgeException(ErrorCodes.BadMessage, $"'autoreset' must be true or false (omit it for false), got {(ar is null ? "nil" : ar.GetType().Name)}");
        var results = item.BatchResults ??= new object?[steps.Length];
        int end = Math.Min(steps.Length, item.BatchDone + BatchStepsPerTurn);
        for (int i = item.BatchDone; i < end; i++)
        {
            try
            {
                if (steps[i] is not MsgPackMap one) throw new BridgeException(ErrorCodes.BadMessage, $"steps[{i}] is not a map");
                EnvSlot slot = Slot(session, one);
                results[i] = StepResultMap(slot, one.TryGetValue("action", out object? a) ? a : null, autoreset ? slot.Autoreset.Mode : AutoresetMode.Disabled);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var (code, message) = e is BridgeException be ? (be.Code, be.Message) : Classify(e);
                if (code == ErrorCodes.Internal) log.Error($"client {session.Name} step_batch[{i}]: {e}");
                results[i] = new Dictionary<string, object?> { ["error"] = new Dictionary<string, object?> { ["code"] = code, ["message"] = message } };
            }
        }
        item.BatchDone = end;
        if (item.Unfinished) return;
        ReplyWriter.Ok(w, item.Id, new Dictionary<string, object?> { ["results"] = results });
    }

    // Autoreset (the environment's one implementation) decides what an ended episode does under the mode.
    private static Dictionary<string, object?> StepResultMap(EnvSlot slot, object? actionWire, AutoresetMode mode)
    {
        object? action = WireReader.ToValue(actionWire, slot.Env.ActionSpace)
            ?? throw new BridgeException(ErrorCodes.BadMessage, "step needs an 'action'");
        StepResult r = slot.Autoreset.Step(action, mode);
        slot.LastObservation = r.Observation;
        return new Dictionary<string, object?>
        {
            ["obs"] = r.Observation, ["reward"] = r.Reward, ["terminated"] = r.Terminated, ["truncated"] = r.Truncated, ["info"] = r.Info,
        };
    }

    private static void Snapshot(EnvSlot slot, object? id, MsgPackWriter w)
    {
        if (slot.Env is not ISnapshotEnvironment env)
            throw new BridgeException(ErrorCodes.Unsupported, $"environment {slot.Id} ({slot.Scenario}) cannot take snapshots");
        long snapshotId = slot.AddSnapshot(env.Snapshot());
        ReplyWriter.Ok(w, id, new Dictionary<string, object?> { ["snapshot"] = snapshotId, ["kept"] = slot.SnapshotCount });
    }

    private static void Restore(EnvSlot slot, object? id, MsgPackMap req, MsgPackWriter w)
    {
        if (slot.Env is not ISnapshotEnvironment env)
            throw new BridgeException(ErrorCodes.Unsupported, $"environment {slot.Id} ({slot.Scenario}) cannot restore snapshots");
        if (!req.TryGetValue("snapshot", out object? s)) throw new BridgeException(ErrorCodes.BadMessage, "missing 'snapshot' (an id from the snapshot op)");
        long snapshotId = WireReader.AsLong(s, "snapshot");
        EnvironmentSnapshot snap = slot.TryGetSnapshot(snapshotId)
            ?? throw new BridgeException(ErrorCodes.BadMessage, $"environment {slot.Id} has no snapshot {snapshotId} (each keeps its last {EnvSlot.MaxSnapshots})");
        env.Restore(snap);
        slot.Autoreset.Resynchronize(snap.EpisodeOver);
        ReplyWriter.Ok(w, id, new Dictionary<string, object?> { ["restored"] = true, ["step"] = env.StepCount });
    }

    private static EnvSlot Slot(ClientSession session, MsgPackMap req)
    {
        if (!req.TryGetValue("env", out object? e)) throw new BridgeException(ErrorCodes.BadMessage, "missing 'env' (an environment id from make)");
        long id = WireReader.AsLong(e, "env");
        return session.Envs.TryGetValue(id, out var slot) ? slot
            : throw new BridgeException(ErrorCodes.UnknownEnv, $"no environment {id} belongs to this client (closed, expired, or another client's)");
    }

    private static string? OptionalString(MsgPackMap req, string key) =>
        !req.TryGetValue(key, out object? v) || v is null ? null
        : v as string ?? throw new BridgeException(ErrorCodes.BadMessage, $"'{key}' must be a string");

    private void CloseQuietly(EnvSlot slot)
    {
        try
        {
            slot.Env.Dispose();
        }
        catch (Exception e)
        {
            log.Error($"closing env {slot.Id}: {e.Message}");
        }
    }

    private void Changed(int delta)
    {
        Interlocked.Add(ref _liveEnvs, delta);
        LiveEnvironmentsChanged?.Invoke();
    }
}
