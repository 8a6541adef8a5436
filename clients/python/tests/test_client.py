"""Tests of rtfmgym_client against a live server (endpoint in $RTFMGYM_ENDPOINT; run_tests.py starts one)."""

import os
import time
import unittest

import numpy as np
import zmq

from rtfmgym_client import BridgeError, BridgeTimeout, Connection, RemoteEnv, RemoteVectorEnv, codec
from rtfmgym_client.spaces import from_wire

ENDPOINT = os.environ.get("RTFMGYM_ENDPOINT", "tcp://127.0.0.1:5555")

CONSTANT = """
name: python-test
frames: constant
camera: {width: 64, height: 64}
observations: [rgb, depth, pose]
max_steps: 5
"""


class ConnectionTests(unittest.TestCase):
    def test_hello_connected_reportsProtocolAndLimits(self):
        with Connection(ENDPOINT) as c:
            self.assertEqual(c.server_info["protocol"].split(".")[:2], ["1", "1"])
            self.assertIn("step_batch", c.server_info["capabilities"]["ops"])
            self.assertGreater(c.server_info["limits"]["max_envs_per_client"], 0)

    def test_hello_otherMajor_versionMismatch(self):
        with Connection(ENDPOINT) as c:
            with self.assertRaises(BridgeError) as e:
                c.call("hello", version="2.0.0")
            self.assertEqual(e.exception.code, "version_mismatch")

    def test_requests_pipelined_repliesMatchedById(self):
        with Connection(ENDPOINT) as c:
            env = c.call("make", scenario_yaml=CONSTANT.replace("max_steps: 5", "max_steps: 100"))["env"]
            c.call("reset", env=env, seed=1)
            ids = [c.send("step", env=env, action=1) for _ in range(20)]
            steps = [c.receive(i)["info"]["step"] for i in reversed(ids)]
            self.assertEqual(steps, list(range(20, 0, -1)))

    def test_garbage_rawSocket_badMessageWithoutId(self):
        s = zmq.Context.instance().socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.connect(ENDPOINT)
        try:
            s.send(b"\xc1\xff garbage")
            self.assertTrue(s.poll(10000))
            reply = codec.unpackb(s.recv())
            self.assertIsNone(reply["id"])
            self.assertEqual(reply["error"]["code"], "bad_message")
        finally:
            s.close()

    def test_unknownOp_rawRequest_unknownOp(self):
        with Connection(ENDPOINT) as c:
            with self.assertRaises(BridgeError) as e:
                c.call("fly_to_the_moon")
            self.assertEqual(e.exception.code, "unknown_op")

    def test_noServer_timeout_raisesBridgeTimeoutAfterRetries(self):
        ctx = zmq.Context.instance()
        probe = ctx.socket(zmq.ROUTER)  # bound but never answers: a hung server
        port = probe.bind_to_random_port("tcp://127.0.0.1")
        try:
            start = time.monotonic()
            with self.assertRaises(BridgeTimeout):
                Connection(f"tcp://127.0.0.1:{port}", timeout=0.2, retries=2)
            self.assertLess(time.monotonic() - start, 5.0)
        finally:
            probe.close(linger=0)


class RemoteEnvTests(unittest.TestCase):
    def test_listScenarios_shipped_namesPointnav(self):
        names = [s["name"] for s in RemoteEnv.list_scenarios(ENDPOINT)]
        self.assertIn("pointnav-apartment", names)

    def test_resetStep_constantScenario_observationsInSpaceWithoutCopy(self):
        env = RemoteEnv(scenario_yaml=CONSTANT, endpoint=ENDPOINT)
        try:
            obs, info = env.reset(seed=3)
            self.assertEqual(obs["rgb"].shape, (64, 64, 3))
            self.assertEqual(obs["rgb"].dtype, np.uint8)
            self.assertEqual(obs["depth"].dtype, np.float32)
            self.assertFalse(obs["rgb"].flags.owndata)  # a view on the received message
            self.assertTrue(env.observation_space.contains(obs))
            obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
            self.assertIsInstance(reward, float)
            self.assertEqual(info["step"], 1)
        finally:
            env.close()

    def test_restore_afterSnapshot_sameContinuation(self):
        env = RemoteEnv(scenario="pointnav-apartment", endpoint=ENDPOINT)
        try:
            env.reset(seed=2)
            env.step(1)
            snap = env.snapshot()
            actions = [1, 5, 1, 1, 6]
            first = [env.step(a) for a in actions]
            env.restore(snap)
            second = [env.step(a) for a in actions]
            for (o1, r1, *_), (o2, r2, *_) in zip(first, second):
                np.testing.assert_array_equal(o1["rgb"], o2["rgb"])
                self.assertEqual(r1, r2)
        finally:
            env.close()

    def test_reset_sameSeed_sameObservation(self):
        env = RemoteEnv(scenario="pointnav-apartment", endpoint=ENDPOINT)
        try:
            a, _ = env.reset(seed=7)
            b, _ = env.reset(seed=7)
            np.testing.assert_array_equal(a["rgb"], b["rgb"])
            np.testing.assert_array_equal(a["pose"], b["pose"])
        finally:
            env.close()

    def test_step_actionOutsideSpace_invalidAction(self):
        env = RemoteEnv(scenario_yaml=CONSTANT, endpoint=ENDPOINT)
        try:
            env.reset(seed=1)
            with self.assertRaises(BridgeError) as e:
                env.step(99)
            self.assertEqual(e.exception.code, "invalid_action")
            env.step(np.int64(1))  # numpy scalars are fine
        finally:
            env.close()

    def test_make_unknownScenario_invalidScenario(self):
        with self.assertRaises(BridgeError) as e:
            RemoteEnv(scenario="no-such-scenario", endpoint=ENDPOINT)
        self.assertEqual(e.exception.code, "invalid_scenario")

    def test_render_afterReset_equalsObservationRgb(self):
        env = RemoteEnv(scenario_yaml=CONSTANT, endpoint=ENDPOINT)
        try:
            obs, _ = env.reset(seed=2)
            np.testing.assert_array_equal(env.render(), obs["rgb"])
        finally:
            env.close()

    def test_close_twice_noError(self):
        env = RemoteEnv(scenario_yaml=CONSTANT, endpoint=ENDPOINT)
        env.close()
        env.close()


class RemoteVectorEnvTests(unittest.TestCase):
    def test_step_pastEpisodeEnd_autoresetsWithFinalObs(self):
        venv = RemoteVectorEnv(4, scenario_yaml=CONSTANT, endpoint=ENDPOINT)
        try:
            obs, infos = venv.reset(seed=10)
            self.assertEqual(obs["rgb"].shape, (4, 64, 64, 3))
            ended = 0
            for _ in range(12):
                actions = np.array([venv.single_action_space.sample() for _ in range(4)])
                obs, rewards, terminated, truncated, infos = venv.step(actions)
                self.assertEqual(rewards.shape, (4,))
                done = terminated | truncated
                if done.any():
                    ended += int(done.sum())
                    self.assertTrue(infos["_final_obs"][done].all())
            self.assertGreaterEqual(ended, 8)  # max_steps 5: every env ended at least twice
        finally:
            venv.close()

    def _two(self, mode):
        venv = RemoteVectorEnv(2, scenario_yaml=CONSTANT, endpoint=ENDPOINT, autoreset_mode=mode)
        venv.reset(seed=10)
        for _ in range(4):  # max_steps 5: the fifth step ends both episodes (truncated)
            venv.step(np.array([0, 0]))
        return venv

    def test_step_sameStepMode_resetInfoOnTopFinalObsAndFinalInfo(self):
        venv = self._two("SameStep")
        try:
            self.assertEqual(str(getattr(venv.metadata["autoreset_mode"], "value", venv.metadata["autoreset_mode"])), "SameStep")
            obs, rewards, terminated, truncated, infos = venv.step(np.array([0, 0]))
            self.assertTrue(truncated.all())
            self.assertEqual(list(infos["step"]), [0, 0])  # the reset's info
            self.assertEqual([fi["step"] for fi in infos["final_info"]], [5, 5])
            self.assertTrue(infos["_final_obs"].all())
            self.assertEqual(infos["final_obs"][0]["rgb"].shape, (64, 64, 3))
            self.assertNotIn("reset_info", infos)
        finally:
            venv.close()

    def test_step_nextStepMode_resetOnFollowingStepWithZeroReward(self):
        venv = self._two("NextStep")
        try:
            _, _, _, truncated, infos = venv.step(np.array([0, 0]))
            self.assertTrue(truncated.all())
            self.assertEqual(list(infos["step"]), [5, 5])
            self.assertNotIn("final_obs", infos)
            _, rewards, terminated, truncated, infos = venv.step(np.array([0, 0]))
            self.assertEqual(list(rewards), [0.0, 0.0])
            self.assertFalse(terminated.any() or truncated.any())
            self.assertEqual(list(infos["step"]), [0, 0])
        finally:
            venv.close()

    def test_step_disabledMode_refusedUntilMaskedReset(self):
        venv = self._two("Disabled")
        try:
            obs, _, _, truncated, _ = venv.step(np.array([0, 0]))
            self.assertTrue(truncated.all())
            with self.assertRaises(BridgeError) as e:
                venv.step(np.array([0, 0]))
            self.assertEqual(e.exception.code, "invalid_state")
            again, infos = venv.reset(options={"reset_mask": np.array([True, False])})
            self.assertEqual(list(infos["_step"]), [True, False])
            np.testing.assert_array_equal(again["pose"][1], obs["pose"][1])  # env 1 keeps its last observation
            venv.reset(options={"reset_mask": np.array([False, True])})
            _, _, _, _, infos = venv.step(np.array([0, 0]))
            self.assertEqual(list(infos["step"]), [1, 1])
        finally:
            venv.close()

    def test_init_unknownAutoresetMode_valueError(self):
        with self.assertRaises(ValueError):
            RemoteVectorEnv(1, scenario_yaml=CONSTANT, endpoint=ENDPOINT, autoreset_mode="same-step")


class ContractTests(unittest.TestCase):
    def test_reset_badOption_invalidArgumentWithTheEnvironmentsMessage(self):
        env = RemoteEnv(scenario="pointnav-apartment", endpoint=ENDPOINT)
        try:
            cases = [({"world_seed": -1}, "world_seed"), ({"start": [2.0, 2.0]}, "3 numbers"),
                     ({"start": [float("nan"), 2.0, 0.0]}, "finite"), ({"colour": 3}, "colour"),
                     ({"goal": [1000.0, 1000.0]}, "not on the floor")]
            for options, expected in cases:
                with self.assertRaises(BridgeError, msg=str(options)) as e:
                    env.reset(seed=1, options=options)
                self.assertEqual(e.exception.code, "invalid_argument", options)
                self.assertIn(expected, e.exception.message)
        finally:
            env.close()

    def test_reset_refused_nextStepsSameAsUntouchedTwin(self):
        env = RemoteEnv(scenario="pointnav-apartment", endpoint=ENDPOINT)
        twin = RemoteEnv(scenario="pointnav-apartment", endpoint=ENDPOINT)
        try:
            env.reset(seed=2)
            twin.reset(seed=2)
            for a in (1, 2, 1):
                env.step(a)
                twin.step(a)
            with self.assertRaises(BridgeError):
                env.reset(seed=7, options={"world_seed": 5, "goal": [1000.0, 1000.0]})
            for a in (1, 3, 1):
                o1, r1, *_, i1 = env.step(a)
                o2, r2, *_, i2 = twin.step(a)
                np.testing.assert_array_equal(o1["rgb"], o2["rgb"])
                self.assertEqual((r1, i1["world_seed"], i1["step"]), (r2, i2["world_seed"], i2["step"]))
        finally:
            env.close()
            twin.close()

    def test_stepBatch_autoresetNotBool_badMessage(self):
        with Connection(ENDPOINT) as c:
            env = c.call("make", scenario_yaml=CONSTANT)["env"]
            c.call("reset", env=env, seed=1)
            for value in (1, "true", None):
                with self.assertRaises(BridgeError) as e:
                    c.call("step_batch", steps=[{"env": env, "action": 1}], autoreset=value)
                self.assertEqual(e.exception.code, "bad_message", value)

    def test_spec_rgbBoundsCompact_maxStepsAndAutoresetMode(self):
        with Connection(ENDPOINT) as c:
            env = c.call("make", scenario_yaml=CONSTANT)["env"]
            spec = c.call("spec", env=env)
            self.assertEqual((spec["max_steps"], spec["autoreset_mode"]), (5, "SameStep"))
            rgb = spec["observation_space"]["spaces"]["rgb"]
            self.assertEqual((rgb["low"], rgb["high"]), (0.0, 255.0))
            space = from_wire(rgb)
            self.assertEqual(space.low.shape, (64, 64, 3))
            self.assertTrue((space.high == 255).all())


class FromWireTests(unittest.TestCase):
    def test_box_scalarOrArrayBounds_sameSpace(self):
        scalar = from_wire({"type": "box", "dtype": "uint8", "shape": [2, 3], "low": 0.0, "high": 255.0})
        array = from_wire({"type": "box", "dtype": "uint8", "shape": [2, 3],
                           "low": np.zeros((2, 3)), "high": np.full((2, 3), 255.0)})
        for space in (scalar, array):
            self.assertEqual(space.low.shape, (2, 3))
            self.assertEqual(space.low.dtype, np.uint8)
            self.assertTrue((space.high == 255).all())
        mixed = from_wire({"type": "box", "dtype": "float32", "shape": [2], "low": np.array([0.0, -np.pi]), "high": np.inf})
        self.assertEqual(list(mixed.low), [0.0, np.float32(-np.pi)])
        self.assertTrue(np.isinf(mixed.high).all())


if __name__ == "__main__":
    unittest.main()
