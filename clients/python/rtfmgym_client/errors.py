"""Errors raised by the client."""


class BridgeError(Exception):
    """An error reply from the server: ``code`` is one of docs/protocol.md's error codes."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class BridgeTimeout(BridgeError):
    """No reply in time; the connection was reset (lazy pirate) and may be used again."""

    def __init__(self, message):
        super().__init__("timeout", message)
