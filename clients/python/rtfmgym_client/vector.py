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


_MODES = ("NextStep", "SameStep", "Disabled")  # gymnasium.vector.AutoresetMode's values


class RemoteVectorEnv(_Base):
    """``num_envs`` copies of a scenario on one server, stepped with one ``step_batch``.

    ``autoreset_mode`` is one of gymnasium 1.x's modes (a ``gymnasium.vector.AutoresetMode`` or
    its value): ``"SameStep"`` (the default) resets an ended episode within the step that ends it,
    returning the new episode's first observation and the reset's info, with the ended episode's
    last observation and info in ``info["final_obs"]`` and ``info["final_info"]``; ``"NextStep"``
    resets on the following step (reward 0, its action ignored); ``"Disabled"`` never resets: call
    ``reset(options={"reset_mask": mask})``. The server does the resetting (one implementation for
    every client); ``metadata["autoreset_mode"]`` is the mode it declares. Other arguments as for
    :class:`RemoteEnv`.
    """

    metadata = {"render_modes": ["rgb_array"], "autoreset_mode": "SameStep"}

    def __init__(self, num_envs, scenario=None, scenario_yaml=None, endpoint="tcp://127.0.0.1:5555",
                 timeout=30.0, retries=3, curve=None, autoreset_mode="SameStep"):
        if (scenario is None) == (scenario_yaml is None):
            raise ValueError("give exactly one of scenario= or scenario_yaml=")
        mode = getattr(autoreset_mode, "value", autoreset_mode)
        if mode not in _MODES:
            raise ValueError(f"autoreset_mode must be one of {', '.join(_MODES)}, got {autoreset_mode!r}")
        self.connection = Connection(endpoint, timeout=timeout, retries=retries, curve=curve)
        fields = {"scenario": scenario} if scenario is not None else {"scenario_yaml": scenario_yaml}
        self.env_ids = []
        try:
            # Pipelined: all makes go out before the first reply is awaited.
            made = [self.connection.receive(rid) for rid in
                    [self.connection.send("make", autoreset_mode=mode, **fields) for _ in range(num_envs)]]
        except BaseException:
            self.connection.close()
            raise
        self.env_ids = [m["env"] for m in made]
        self.num_envs = num_envs
        self.single_observation_space = from_wire(made[0]["observation_space"])
        self.single_action_space = from_wire(made[0]["action_space"])
        declared = made[0].get("autoreset_mode", mode)
        self.autoreset_mode = declared
        if batch_space is not None:
            self.observation_space = batch_space(self.single_observation_space, num_envs)
            self.action_space = batch_space(self.single_action_space, num_envs)
            try:
                self.autoreset_mode = gymnasium.vector.AutoresetMode(declared)
            except (AttributeError, ValueError):  # a gymnasium without this mode: keep its name
                pass
        self.metadata = dict(self.metadata, autoreset_mode=self.autoreset_mode)
        self.render_mode = "rgb_array"
        self._last_obs = [None] * num_envs
        self._closed = False

    def reset(self, *, seed=None, options=None):
        """Resets every environment (seed: None, an int — env i gets seed+i — or a list), or with
        ``options["reset_mask"]`` (bool array, one per env) only those flagged; the others keep their
        last observation and add nothing to the info. The remaining options go to each reset."""
        seeds = seed if isinstance(seed, (list, tuple)) else [None if seed is None else seed + i for i in range(self.num_envs)]
        options = dict(options) if options else {}
        mask = options.pop("reset_mask", None)
        if mask is None:
            mask = np.ones(self.num_envs, dtype=bool)
        mask = np.asarray(mask)
        if mask.dtype != np.bool_ or mask.shape != (self.num_envs,) or not mask.any():
            raise ValueError(f"reset_mask must be a bool array of shape ({self.num_envs},) with at least one True, got {mask!r}")
        chosen = [i for i in range(self.num_envs) if mask[i]]
        rids = [self.connection.send("reset", env=self.env_ids[i], seed=seeds[i], options=options or None) for i in chosen]
        infos = [{} for _ in range(self.num_envs)]
        for i, rid in zip(chosen, rids):
            r = self.connection.receive(rid)
            self._last_obs[i], infos[i] = r["obs"], r["info"]
        return _stack(self._last_obs), _merge_infos(infos)

    def step(self, actions):
        """Steps every environment with its action (row i of ``actions``) in one round trip, under
        the declared autoreset mode."""
        steps = [{"env": e, "action": to_wire_action(self.single_action_space, a)} for e, a in zip(self.env_ids, self._rows(actions))]
        results = self.connection.call("step_batch", steps=steps, autoreset=True)["results"]
        for r in results:
            if "error" in r:
                raise BridgeError(r["error"]["code"], r["error"]["message"])
        self._last_obs = [r["obs"] for r in results]
        return (_stack(self._last_obs),
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
