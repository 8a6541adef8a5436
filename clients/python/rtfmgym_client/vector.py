"""RemoteVectorEnv: many environments of one scenario, stepped in one round trip."""

import numpy as np

from .connection import Connection
from .errors import BridgeError
from .spaces import from_wire, gymnasium, to_wire_action

if gymnasium is not None:
    from gymnasium.vector import VectorEnv as _Base
    from gymnasium.vector.utils import batch_space
else:
    _Base = object
    batch_space = None


def _stack(items):
    """Stacks per-environment observations (dicts of arrays, or arrays) along a new axis 0."""
    first = items[0]
    if isinstance(first, dict):
        return {k: _stack([it[k] for it in items]) for k in first}
    return np.stack([np.asarray(it) for it in items])


def _merge_infos(infos):
    """Gymnasium's vector info layout: info[key] is an array over envs, info["_key"] a mask of who set it."""
    out = {}
    n = len(infos)
    for i, info in enumerate(infos):
        for k, v in info.items():
            if k not in out:
                out[k] = np.empty(n, dtype=object)
                out["_" + k] = np.zeros(n, dtype=bool)
            out[k][i] = v
            out["_" + k][i] = True
    return out


class RemoteVectorEnv(_Base):
    """``num_envs`` copies of a scenario on one server, stepped with one ``step_batch``.

    Episodes reset automatically in the same step they end (gymnasium's SAME_STEP autoreset):
    the returned observation starts the next episode and ``info["final_obs"]`` holds the
    last one of the ended episode. Arguments as for :class:`RemoteEnv`.
    """

    metadata = {"render_modes": ["rgb_array"], "autoreset_mode": "same-step"}

    def __init__(self, num_envs, scenario=None, scenario_yaml=None, endpoint="tcp://127.0.0.1:5555",
                 timeout=30.0, retries=3, curve=None):
        if (scenario is None) == (scenario_yaml is None):
            raise ValueError("give exactly one of scenario= or scenario_yaml=")
        self.connection = Connection(endpoint, timeout=timeout, retries=retries, curve=curve)
        fields = {"scenario": scenario} if scenario is not None else {"scenario_yaml": scenario_yaml}
        self.env_ids = []
        try:
            # Pipelined: all makes go out before the first reply is awaited.
            made = [self.connection.receive(rid) for rid in [self.connection.send("make", **fields) for _ in range(num_envs)]]
        except BaseException:
            self.connection.close()
            raise
        self.env_ids = [m["env"] for m in made]
        self.num_envs = num_envs
        self.single_observation_space = from_wire(made[0]["observation_space"])
        self.single_action_space = from_wire(made[0]["action_space"])
        if batch_space is not None:
            self.observation_space = batch_space(self.single_observation_space, num_envs)
            self.action_space = batch_space(self.single_action_space, num_envs)
            if hasattr(gymnasium.vector, "AutoresetMode"):
                self.metadata = dict(self.metadata, autoreset_mode=gymnasium.vector.AutoresetMode.SAME_STEP)
        self.render_mode = "rgb_array"
        self._closed = False

    def reset(self, *, seed=None, options=None):
        """Resets every environment (seed: None, an int — env i gets seed+i — or a list)."""
        seeds = seed if isinstance(seed, (list, tuple)) else [None if seed is None else seed + i for i in range(self.num_envs)]
        rids = [self.connection.send("reset", env=e, seed=s, options=options) for e, s in zip(self.env_ids, seeds)]
        results = [self.connection.receive(r) for r in rids]
        return _stack([r["obs"] for r in results]), _merge_infos([r["info"] for r in results])

    def step(self, actions):
        """Steps every environment with its action (row i of ``actions``) in one round trip."""
        steps = [{"env": e, "action": to_wire_action(self.single_action_space, a)} for e, a in zip(self.env_ids, self._rows(actions))]
        results = self.connection.call("step_batch", steps=steps, autoreset=True)["results"]
        for r in results:
            if "error" in r:
                raise BridgeError(r["error"]["code"], r["error"]["message"])
        return (_stack([r["obs"] for r in results]),
                np.array([r["reward"] for r in results], dtype=np.float64),
                np.array([r["terminated"] for r in results], dtype=bool),
                np.array([r["truncated"] for r in results], dtype=bool),
                _merge_infos([r["info"] for r in results]))

    def render(self):
        """The last frame of each environment, stacked: uint8 [N, H, W, 3]."""
        rids = [self.connection.send("render", env=e) for e in self.env_ids]
        return np.stack([self.connection.receive(r)["frame"] for r in rids])

    def _rows(self, actions):
        if isinstance(actions, dict):
            return [{k: v[i] for k, v in actions.items()} for i in range(self.num_envs)]
        return list(actions)

    def close(self, **kwargs):
        if getattr(self, "_closed", True):
            return
        self._closed = True
        try:
            rids = [self.connection.send("close", env=e) for e in self.env_ids]
            for r in rids:
                self.connection.receive(r)
        except Exception:  # already gone: nothing left to free
            pass
        finally:
            self.connection.close()
