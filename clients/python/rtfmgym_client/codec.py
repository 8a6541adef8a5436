"""MessagePack encoding with numpy arrays in the msgpack-numpy convention.

An array travels as ``{b"nd": True, b"type": dtype.str, b"kind": b"", b"shape": [...],
b"data": raw bytes}``; decoding wraps the received bytes with ``np.frombuffer`` (no copy;
the array is read-only).
"""

import msgpack
import numpy as np


def _default(obj):
    if isinstance(obj, np.ndarray):
        a = np.ascontiguousarray(obj)
        if a.dtype.byteorder == ">":  # the wire is little-endian
            a = a.astype(a.dtype.newbyteorder("<"))
        return {b"nd": True, b"type": a.dtype.str, b"kind": b"", b"shape": list(a.shape), b"data": a.tobytes()}
    if isinstance(obj, np.bool_):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    raise TypeError(f"cannot send {type(obj).__name__} over the bridge")


def _object_hook(m):
    nd = m.get(b"nd", m.get("nd"))
    if nd is True:
        get = lambda k: m[k.encode()] if k.encode() in m else m[k]  # noqa: E731
        return np.frombuffer(get("data"), dtype=np.dtype(get("type"))).reshape(get("shape"))
    return m


def packb(obj):
    """Encodes ``obj`` (dicts, lists, numbers, str, bytes, numpy arrays and scalars)."""
    return msgpack.packb(obj, default=_default, use_bin_type=True)


def unpackb(data):
    """Decodes one message; numpy maps become read-only arrays viewing ``data``."""
    return msgpack.unpackb(data, object_hook=_object_hook, raw=False, strict_map_key=False)
