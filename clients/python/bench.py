"""Python-side bridge benchmark: round trips/s and p50/p99 step latency with a 64x64 RGB
observation (constant frames), one step per round trip, then with RemoteVectorEnv.

    /usr/bin/python3 bench.py [--endpoint tcp://127.0.0.1:5555] [--steps 5000] [--envs 8] [--json]

Needs a running `rtfmgym serve`. A benchmark, not a test.
"""

import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rtfmgym_client import RemoteEnv, RemoteVectorEnv  # noqa: E402

# The shipped scenario scenarios/bridge-bench.yaml (the same settings as the C# BridgeBench).
SCENARIO = "bridge-bench"


def bench_single(endpoint, steps):
    env = RemoteEnv(scenario=SCENARIO, endpoint=endpoint)
    try:
        env.reset(seed=1)
        env.action_space.seed(1)
        for _ in range(200):  # warm-up
            env.step(env.action_space.sample())
        lat = np.empty(steps)
        start = time.perf_counter()
        for i in range(steps):
            t0 = time.perf_counter()
            _, _, term, trunc, _ = env.step(env.action_space.sample())
            lat[i] = time.perf_counter() - t0
            if term or trunc:
                env.reset()
        total = time.perf_counter() - start
    finally:
        env.close()
    return {"round_trips_per_s": steps / total, "p50_us": float(np.percentile(lat, 50) * 1e6), "p99_us": float(np.percentile(lat, 99) * 1e6)}


def bench_vector(endpoint, steps, envs):
    venv = RemoteVectorEnv(envs, scenario=SCENARIO, endpoint=endpoint)
    try:
        venv.reset(seed=1)
        rounds = max(1, steps // envs)
        rng = np.random.default_rng(1)
        n = venv.single_action_space.n
        for _ in range(20):
            venv.step(rng.integers(n, size=envs))
        start = time.perf_counter()
        for _ in range(rounds):
            venv.step(rng.integers(n, size=envs))
        total = time.perf_counter() - start
    finally:
        venv.close()
    return {"envs": envs, "steps_per_s": rounds * envs / total}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--endpoint", default="tcp://127.0.0.1:5555")
    p.add_argument("--steps", type=int, default=5000)
    p.add_argument("--envs", type=int, default=8)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    result = {"observation": "uint8[64,64,3] rgb + float32[7] pose", "steps": a.steps,
              "single": bench_single(a.endpoint, a.steps), "vector": bench_vector(a.endpoint, a.steps, a.envs)}
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        s, v = result["single"], result["vector"]
        print(f"single env: {s['round_trips_per_s']:.0f} round trips/s, p50 {s['p50_us']:.0f} us, p99 {s['p99_us']:.0f} us")
        print(f"vector env ({v['envs']} envs, step_batch): {v['steps_per_s']:.0f} steps/s")


if __name__ == "__main__":
    main()
