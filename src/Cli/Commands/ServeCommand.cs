using System.CommandLine;
using System.Runtime.InteropServices;
using RtfmGym.Bridge.Server;
using RtfmGym.Bridge.Zmq;
using RtfmGym.Env;

namespace RtfmGym.Cli.Commands;

/// <summary>
/// <c>rtfmgym serve</c>: runs the bridge server (docs/protocol.md) so agents in other
/// processes or languages (clients/python) can use the environments. Logs to stderr,
/// reports live environments, stops cleanly on Ctrl-C or SIGTERM.
/// </summary>
public static class ServeCommand
{
    /// <summary>The <c>serve</c> command with its options.</summary>
    public static Command Create()
    {
        var bind = new Option<string>("--bind") { Description = "ZeroMQ endpoint to listen on; tcp://127.0.0.1:* picks a free port.", DefaultValueFactory = _ => BridgeServerOptions.DefaultBind };
        var workers = new Option<int>("--workers") { Description = "Threads running environment calls. Default: one per core.", DefaultValueFactory = _ => 0 };
        var maxEnvs = new Option<int>("--max-envs") { Description = "Environments one client may hold.", DefaultValueFactory = _ => 16 };
        var timeout = new Option<double>("--session-timeout") { Description = "Seconds of client silence after which its environments are closed.", DefaultValueFactory = _ => 300 };
        var maxMessage = new Option<int>("--max-message-mb") { Description = "Largest request in MiB; a bigger one disconnects its sender.", DefaultValueFactory = _ => 64 };
        var maxEnvsTotal = new Option<int>("--max-envs-total") { Description = "Environments all clients together may hold.", DefaultValueFactory = _ => 256 };
        var maxQueuedClient = new Option<int>("--max-queued-mb-per-client") { Description = "MiB of one client's requests received and not yet answered; more are refused with server_busy.", DefaultValueFactory = _ => 128 };
        var maxQueued = new Option<int>("--max-queued-mb") { Description = "MiB of requests received and not yet answered, all clients together; more are refused with server_busy.", DefaultValueFactory = _ => 512 };
        var serverKey = new Option<string>("--curve-server-key") { Description = "CURVE secret key file of the server (ZeroMQ certificate format); turns encryption on." };
        var allow = new Option<string>("--curve-allow") { Description = "Folder of client public key files (*.key) let in under CURVE; others are refused." };
        var keygen = new Option<string>("--curve-keygen") { Description = "Write server and client key pairs (server.key, server.key_secret, client.key, client.key_secret) into this folder and exit; existing keys are kept unless --force." };
        var force = new Option<bool>("--force") { Description = "With --curve-keygen: replace existing key files." };
        var cmd = new Command("serve", "Serve environments to external agents over ZeroMQ + MessagePack (see docs/protocol.md; Python client in clients/python).")
        {
            bind, workers, maxEnvs, maxEnvsTotal, timeout, maxMessage, maxQueuedClient, maxQueued, serverKey, allow, keygen, force,
        };
        cmd.SetAction(pr =>
        {
            if (pr.GetValue(keygen) is { } dir) return KeyGen(dir, pr.GetValue(force));
            string? secretFile = pr.GetValue(serverKey);
            string? allowDir = pr.GetValue(allow);
            if (allowDir is not null && secretFile is null) throw new ArgumentException("--curve-allow needs --curve-server-key.");
            var options = new BridgeServerOptions(
                bind: pr.GetValue(bind)!,
                workers: pr.GetValue(workers),
                maxEnvsPerClient: pr.GetValue(maxEnvs),
                maxMessageBytes: (long)pr.GetValue(maxMessage) << 20,
                maxEnvs: pr.GetValue(maxEnvsTotal),
                maxQueuedBytesPerClient: (long)pr.GetValue(maxQueuedClient) << 20,
                maxQueuedBytes: (long)pr.GetValue(maxQueued) << 20,
                sessionTimeout: TimeSpan.FromSeconds(pr.GetValue(timeout)),
                curveSecretKey: secretFile is null ? null : SecretKey(secretFile),
                curveAllowedClientKeys: allowDir is null ? null : AllowedClientKeys(allowDir));
            WarnIfOpen(options);
            return Serve(options);
        });
        return cmd;
    }

    private static string SecretKey(string file) =>
        CurveKeyFile.Load(file).SecretKey ?? throw new ArgumentException($"{file}: holds no secret-key; give the server's .key_secret file.");

    private static IReadOnlyList<string> AllowedClientKeys(string dir) =>
        CurveKeyFile.LoadPublicKeys(dir,
            skipped => Console.Error.WriteLine($"rtfmgym serve: warning: {skipped}: not a *.key file; skipped (only *.key files in --curve-allow are client keys)"));

    /// <summary>Warns when anyone on the network may use the server: bound beyond the loopback interface with CURVE off.</summary>
    private static void WarnIfOpen(BridgeServerOptions options)
    {
        if (options.CurveSecretKey is null && !BindEndpoint.IsLoopbackOnly(options.Bind))
        {
            Console.Error.WriteLine($"rtfmgym serve: WARNING: {options.Bind} is reachable from other machines and CURVE is off: anyone who can reach this port can run environments, read their observations and use this machine's memory and CPU. Bind 127.0.0.1, or add --curve-server-key and --curve-allow (see docs/protocol.md, Security).");
        }
    }

    private static int Serve(BridgeServerOptions options)
    {
        using var stop = new ManualResetEventSlim();
        void OnSignal(PosixSignalContext c)
        {
            c.Cancel = true;
            stop.Set();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var log = new BridgeLog(Console.Error);
        using var server = new BridgeServer(options, new ScenarioEnvironmentProvider(ScenarioResolver.ScenariosDirectory(), ModelFrames.Components(null)), log);
        try
        {
            server.Start();
        }
        catch (ZmqException e)
        {
            // Typically the port is taken or the endpoint is malformed: the user's input, not a crash.
            throw new RtfmGymException($"cannot listen on {options.Bind}: {e.Message}");
        }
        // Scripts wait for this line (or a hello round trip) to know the server is up.
        Console.Error.WriteLine($"rtfmgym serve: listening on {server.Endpoint}");
        (int Clients, int Envs, long RssMiB) last = (0, 0, 0);
        while (!stop.Wait(TimeSpan.FromSeconds(10)))
        {
            var now = (server.ClientCount, server.LiveEnvironments, RssMiB: Environment.WorkingSet >> 20);
            // A line when clients or environments change, or memory moves by a tenth.
            if (now.ClientCount != last.Clients || now.LiveEnvironments != last.Envs || Math.Abs(now.RssMiB - last.RssMiB) * 10 > last.RssMiB)
            {
                log.Info($"{now.ClientCount} client(s), {now.LiveEnvironments} live environment(s), {server.QueuedBytes >> 10} KiB of requests queued, RSS {now.RssMiB} MiB");
                last = now;
            }
        }
        log.Info("stopping (signal)");
        return 0;
    }

    private static int KeyGen(string dir, bool force)
    {
        if (!ZmqCurve.IsAvailable) throw new ArgumentException("This libzmq has no CURVE support.");
        string[] files = ["server.key", "server.key_secret", "client.key", "client.key_secret"];
        string[] existing = files.Select(f => Path.Combine(dir, f)).Where(File.Exists).ToArray();
        if (existing.Length > 0 && !force)
            throw new ArgumentException($"{string.Join(", ", existing)}: already exist; replacing them locks out every client holding the old keys. Add --force to replace them, or give another folder.");
        Directory.CreateDirectory(dir);
        foreach (string name in new[] { "server", "client" })
        {
            var (pub, sec) = ZmqCurve.GenerateKeyPair();
            CurveKeyFile.Save(Path.Combine(dir, name + ".key"), pub, null);
            CurveKeyFile.Save(Path.Combine(dir, name + ".key_secret"), pub, sec);
        }
        Console.Error.WriteLine($"rtfmgym serve: wrote server and client key pairs to {dir}; serve with --curve-server-key {Path.Combine(dir, "server.key_secret")} --curve-allow DIR-holding-client.key");
        return 0;
    }
}
