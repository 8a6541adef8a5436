"""A protocol connection: one DEALER socket, pipelining, timeouts, lazy-pirate reconnect."""

import os

import zmq

from . import codec
from .errors import BridgeError, BridgeTimeout

PROTOCOL_VERSION = "1.1.0"

# Ops that change nothing on the server: safe to send again after a timeout.
_IDEMPOTENT = {"hello", "list_scenarios", "spec", "render"}


class Connection:
    """Talks to one ``rtfmgym serve``.

    endpoint: server address (default ``tcp://127.0.0.1:5555``).
    timeout: seconds to wait for each reply (default 30).
    retries: for idempotent ops, how many times to reconnect and resend after a timeout
        (default 3). Other ops (step, reset, make, close) are never resent, since the server
        may have run them: they raise :class:`BridgeTimeout` after reconnecting.
    curve: optional ``(server_public, client_public, client_secret)`` Z85 keys (str or bytes).

    The routing id is kept across reconnects, so the server keeps this client's
    environments (it hands the session over to the new connection).
    """

    def __init__(self, endpoint="tcp://127.0.0.1:5555", timeout=30.0, retries=3, curve=None, context=None):
        self.endpoint = endpoint
        self.timeout = float(timeout)
        self.retries = int(retries)
        self._curve = curve
        self._context = context or zmq.Context.instance()
        self._identity = b"py-" + os.urandom(8)
        self._next_id = 0
        self._early = {}
        self._pending = set()
        self._socket = None
        self._connect()
        self.server_info = self.call("hello", version=PROTOCOL_VERSION, client="rtfmgym-python")

    def _connect(self):
        s = self._context.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.ROUTING_ID, self._identity)
        s.setsockopt(zmq.HEARTBEAT_IVL, 2000)
        s.setsockopt(zmq.HEARTBEAT_TIMEOUT, 6000)
        if self._curve is not None:
            server_public, client_public, client_secret = (k.encode() if isinstance(k, str) else k for k in self._curve)
            s.curve_serverkey = server_public
            s.curve_publickey = client_public
            s.curve_secretkey = client_secret
        s.connect(self.endpoint)
        self._socket = s

    def _reconnect(self):
        self._socket.close(linger=0)
        self._early.clear()
        self._pending.clear()
        self._connect()

    def send(self, op, **fields):
        """Sends a request without waiting; returns its id (see :meth:`receive`)."""
        self._next_id += 1
        rid = self._next_id
        self._socket.send(codec.packb(dict(id=rid, op=op, **fields)), copy=False)
        self._pending.add(rid)
        return rid

    def receive(self, rid):
        """Waits for the reply to ``rid``; returns its result or raises :class:`BridgeError`."""
        reply = self._early.pop(rid, None)
        while reply is None:
            if not self._socket.poll(int(self.timeout * 1000), zmq.POLLIN):
                raise BridgeTimeout(f"no reply from {self.endpoint} within {self.timeout:g} s")
            frame = self._socket.recv(copy=False)
            msg = codec.unpackb(frame.buffer)
            got = msg.get("id")
            if got == rid:
                reply = msg
            elif got in self._pending:
                self._early[got] = msg  # pipelined: kept until asked for
            # anything else answers a request abandoned before a reconnect: dropped
        self._pending.discard(rid)
        if "error" in reply:
            e = reply["error"]
            raise BridgeError(e.get("code", "internal"), e.get("message", ""))
        return reply.get("result", {})

    def call(self, op, **fields):
        """Sends a request and waits for its result, reconnecting on timeout (lazy pirate)."""
        attempts = 1 + (self.retries if op in _IDEMPOTENT else 0)
        for attempt in range(attempts):
            try:
                return self.receive(self.send(op, **fields))
            except BridgeTimeout:
                self._reconnect()
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self._socket is not None:
            self._socket.close(linger=0)
            self._socket = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
