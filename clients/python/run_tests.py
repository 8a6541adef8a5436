"""Runs the client tests against a fresh `rtfmgym serve` on a free port, then stops it.

The server is the built CLI (src/Cli/bin/<config>/net10.0/rtfmgym.dll, config from
$RTFMGYM_CONFIG, default Release). Readiness is a hello round trip, not a sleep.
Prints "N passed, N failed" last; exits non-zero when anything failed.
"""

import os
import socket
import subprocess
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(endpoint, server, deadline_s=60.0):
    from rtfmgym_client import BridgeError, Connection

    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"rtfmgym serve exited with {server.returncode}")
        try:
            Connection(endpoint, timeout=0.5, retries=0).close()
            return
        except BridgeError:
            continue  # not listening yet: the hello timed out; try again
    raise RuntimeError(f"rtfmgym serve not answering hello on {endpoint} within {deadline_s:g} s")


def main():
    dll = os.path.join(ROOT, "src", "Cli", "bin", os.environ.get("RTFMGYM_CONFIG", "Release"), "net10.0", "rtfmgym.dll")
    if not os.path.exists(dll):
        print(f"run_tests: {dll} not built (run scripts/setup.sh --tests)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    log = open(os.path.join(HERE, "serve-test.log"), "w")
    server = subprocess.Popen(["dotnet", dll, "serve", "--bind", endpoint], stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, RTFMGYM_HOME=ROOT))
    try:
        wait_ready(endpoint, server)
        os.environ["RTFMGYM_ENDPOINT"] = endpoint
        suite = unittest.defaultTestLoader.discover(os.path.join(HERE, "tests"), top_level_dir=HERE)
        result = unittest.TextTestRunner(verbosity=2).run(suite)
        failed = len(result.failures) + len(result.errors)
        passed = result.testsRun - failed - len(result.skipped)
    except RuntimeError as e:
        print(f"run_tests: {e}", file=sys.stderr)
        passed, failed = 0, 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    if server.returncode not in (0, -15):
        print(f"run_tests: server exited with {server.returncode} (see clients/python/serve-test.log)", file=sys.stderr)
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
