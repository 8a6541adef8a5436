"""Smoke test of examples/ppo_pointnav.py: a few hundred PPO steps against the served ground-truth PointNav scenario."""

import importlib.util
import math
import os
import unittest

try:
    import torch
except ImportError:  # the example needs Debian's python3-torch; scripts/setup.sh --tests installs it
    torch = None

ENDPOINT = os.environ.get("RTFMGYM_ENDPOINT", "tcp://127.0.0.1:5555")
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "ppo_pointnav.py")


def load_example():
    spec = importlib.util.spec_from_file_location("ppo_pointnav", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@unittest.skipIf(torch is None, "torch cannot be imported: install Debian's python3-torch (scripts/setup.sh --tests does) to run the PPO example")
class PpoExampleTests(unittest.TestCase):
    def test_train_fewHundredStepsOnGroundTruth_lossesFinite(self):
        ppo = load_example()
        args = ppo.Args(endpoint=ENDPOINT, scenario="pointnav-apartment", seed=3, total_steps=384, num_envs=4, num_steps=32)
        figures = ppo.train(args)
        self.assertEqual(figures["steps"], 384)
        for key in ("policy_loss", "value_loss", "entropy", "approx_kl"):
            self.assertTrue(math.isfinite(figures[key]), f"{key} = {figures[key]}")
        self.assertGreater(figures["entropy"], 0.0)
        print(f"ppo_pointnav smoke: {figures['steps']} steps at {figures['steps_per_second']:.0f} steps/s")

    def test_parseArgs_flags_overrideDefaults(self):
        ppo = load_example()
        args = ppo.parse_args(["--num-envs", "2", "--anneal-lr", "false", "--scenario", "pointnav-suite"])
        self.assertEqual((args.num_envs, args.anneal_lr, args.scenario), (2, False, "pointnav-suite"))
        self.assertEqual(args.gamma, ppo.Args().gamma)
