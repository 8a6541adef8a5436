"""Space maps from the server as gymnasium spaces, or as small stand-ins without gymnasium."""

import numpy as np

try:
    import gymnasium
    from gymnasium import spaces as _gs
except ImportError:  # gymnasium is optional
    gymnasium = None
    _gs = None


class Box:
    """Stand-in for gymnasium.spaces.Box (used when gymnasium is not installed)."""

    def __init__(self, low, high, shape, dtype):
        self.low, self.high, self.shape, self.dtype = low, high, tuple(shape), np.dtype(dtype)
        self._rng = np.random.default_rng()

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)

    def sample(self):
        lo = np.where(np.isfinite(self.low), self.low, -1.0)
        hi = np.where(np.isfinite(self.high), self.high, 1.0)
        if np.issubdtype(self.dtype, np.integer):
            return self._rng.integers(lo, hi, endpoint=True).astype(self.dtype)
        return self._rng.uniform(lo, hi).astype(self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.low) and np.all(x <= self.high))

    def __repr__(self):
        return f"Box({self.shape}, {self.dtype})"


class Discrete:
    """Stand-in for gymnasium.spaces.Discrete."""

    def __init__(self, n, start=0):
        self.n, self.start = int(n), int(start)
        self._rng = np.random.default_rng()

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)

    def sample(self):
        return int(self.start + self._rng.integers(self.n))

    def contains(self, x):
        return float(x).is_integer() and self.start <= int(x) < self.start + self.n

    def __repr__(self):
        return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"


class MultiDiscrete:
    """Stand-in for gymnasium.spaces.MultiDiscrete."""

    def __init__(self, nvec):
        self.nvec = np.asarray(nvec, dtype=np.int64)
        self._rng = np.random.default_rng()

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)

    def sample(self):
        return self._rng.integers(self.nvec)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.nvec.shape and bool(np.all(x >= 0) and np.all(x < self.nvec))

    def __repr__(self):
        return f"MultiDiscrete({self.nvec.tolist()})"


class Dict:
    """Stand-in for gymnasium.spaces.Dict (keeps the server's key order)."""

    def __init__(self, spaces):
        self.spaces = dict(spaces)

    def seed(self, seed=None):
        for i, s in enumerate(self.spaces.values()):
            s.seed(None if seed is None else seed + i)

    def sample(self):
        return {k: s.sample() for k, s in self.spaces.items()}

    def contains(self, x):
        return isinstance(x, dict) and x.keys() == self.spaces.keys() and all(s.contains(x[k]) for k, s in self.spaces.items())

    def __getitem__(self, key):
        return self.spaces[key]

    def __repr__(self):
        return "Dict(" + ", ".join(f"{k!r}: {s!r}" for k, s in self.spaces.items()) + ")"


def from_wire(m):
    """Builds a space from its map form (docs/protocol.md, "Spaces")."""
    kind = m["type"]
    if kind == "box":
        shape = tuple(m["shape"])
        dtype = np.dtype(m["dtype"])
        # A bound is a float64 scalar when uniform (protocol 1.1) or an array of the box's shape (1.0).
        low = np.broadcast_to(np.asarray(m["low"], dtype=np.float64), shape)
        high = np.broadcast_to(np.asarray(m["high"], dtype=np.float64), shape)
        low, high = low.astype(dtype), high.astype(dtype)  # integer boxes have finite bounds
        return _gs.Box(low=low, high=high, shape=shape, dtype=dtype) if _gs else Box(low, high, shape, dtype)
    if kind == "discrete":
        n, start = int(m["n"]), int(m.get("start", 0))
        return _gs.Discrete(n, start=start) if _gs else Discrete(n, start)
    if kind == "multi_discrete":
        return _gs.MultiDiscrete(np.asarray(m["nvec"], dtype=np.int64)) if _gs else MultiDiscrete(m["nvec"])
    if kind == "dict":
        subs = {k: from_wire(v) for k, v in m["spaces"].items()}
        return _gs.Dict(subs) if _gs else Dict(subs)
    raise ValueError(f"unknown space type {kind!r}")


def to_wire_action(space, action):
    """Turns an action into what the server expects: int for Discrete, arrays otherwise."""
    if isinstance(action, (np.integer,)):
        return int(action)
    if isinstance(action, np.ndarray) and action.shape == () and np.issubdtype(action.dtype, np.integer):
        return int(action)
    if isinstance(action, (list, tuple)) and type(space).__name__ == "Box":
        return np.asarray(action, dtype=space.dtype)
    return action
