"""Python client for the RtfmGym bridge server (``rtfmgym serve``).

Protocol: docs/protocol.md in the RtfmGym repository (MessagePack maps over a ZeroMQ
DEALER socket). ``RemoteEnv`` is a ``gymnasium.Env`` when gymnasium is installed and a
plain class with the same methods otherwise; ``RemoteVectorEnv`` steps many environments
in one ``step_batch`` round trip.
"""

from .errors import BridgeError, BridgeTimeout
from .connection import Connection, PROTOCOL_VERSION
from .env import RemoteEnv
from .vector import RemoteVectorEnv

__all__ = ["BridgeError", "BridgeTimeout", "Connection", "PROTOCOL_VERSION", "RemoteEnv", "RemoteVectorEnv"]
