"""RemoteEnv: one environment living in an ``rtfmgym serve`` process."""

from .connection import Connection
from .spaces import from_wire, gymnasium, to_wire_action

_Base = gymnasium.Env if gymnasium is not None else object


class RemoteEnv(_Base):
    """A gymnasium-style environment served by ``rtfmgym serve``.

    Give exactly one of ``scenario`` (a shipped scenario name, see :meth:`list_scenarios`)
    or ``scenario_yaml`` (an inline scenario). ``endpoint``, ``timeout`` (seconds),
    ``retries`` and ``curve`` are passed to :class:`Connection`; or pass an existing
    ``connection`` to share one socket between environments.

    Observations are dicts of read-only numpy arrays that view the received message (no
    copy); copy them before writing into them.
    """

    metadata = {"render_modes": ["rgb_array"]}

    def __init__(self, scenario=None, scenario_yaml=None, endpoint="tcp://127.0.0.1:5555", timeout=30.0,
                 retries=3, curve=None, connection=None):
        if (scenario is None) == (scenario_yaml is None):
            raise ValueError("give exactly one of scenario= or scenario_yaml=")
        self._owns = connection is None
        self.connection = connection or Connection(endpoint, timeout=timeout, retries=retries, curve=curve)
        fields = {"scenario": scenario} if scenario is not None else {"scenario_yaml": scenario_yaml}
        try:
            made = self.connection.call("make", **fields)
        except BaseException:
            if self._owns:
                self.connection.close()
            raise
        self.env_id = made["env"]
        self.observation_space = from_wire(made["observation_space"])
        self.action_space = from_wire(made["action_space"])
        self.max_steps = made.get("max_steps")  # steps before truncation; None when the server does not know
        self.render_mode = "rgb_array"
        self._closed = False

    @staticmethod
    def list_scenarios(endpoint="tcp://127.0.0.1:5555", timeout=30.0):
        """The shipped scenarios: a list of {name, description}."""
        with Connection(endpoint, timeout=timeout) as c:
            return c.call("list_scenarios")["scenarios"]

    def reset(self, *, seed=None, options=None):
        """Starts an episode; returns (obs, info). A seed makes the episode reproducible."""
        if gymnasium is not None:
            super().reset(seed=seed)
        r = self.connection.call("reset", env=self.env_id, seed=seed, options=options)
        return r["obs"], r["info"]

    def step(self, action):
        """Applies one action; returns (obs, reward, terminated, truncated, info)."""
        r = self.connection.call("step", env=self.env_id, action=to_wire_action(self.action_space, action))
        return r["obs"], float(r["reward"]), bool(r["terminated"]), bool(r["truncated"]), r["info"]

    def snapshot(self):
        """Saves the whole environment state on the server (pose, task, memory, random streams);
        returns an id for restore(). The server keeps the last 64 per environment."""
        return int(self.connection.call("snapshot", env=self.env_id)["snapshot"])

    def restore(self, snapshot_id):
        """Returns the environment to a snapshot; the same actions then give the same results."""
        self.connection.call("restore", env=self.env_id, snapshot=int(snapshot_id))

    def render(self):
        """The last frame as a uint8 array [H, W, 3]."""
        return self.connection.call("render", env=self.env_id)["frame"]

    def close(self):
        if getattr(self, "_closed", True):
            return
        self._closed = True
        try:
            self.connection.call("close", env=self.env_id)
        except Exception:  # already gone (expired, server stopped): nothing left to free
            pass
        finally:
            if self._owns:
                self.connection.close()
