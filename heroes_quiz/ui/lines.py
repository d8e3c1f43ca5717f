"""Line input for plain mode, with an optional deadline (POSIX select on the raw fd)."""

from __future__ import annotations

import os
import select
import time
from typing import TextIO

MAX_LINE = 1 << 20


class Lines:
    """Reads lines from a text stream; `read(timeout)` returns None when time runs out.

    Timed reads need a real file descriptor; they bypass the stream's own buffer, so once a
    timed read has happened every later read goes through the descriptor too.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = b""
        self.raw = False

    def _fd(self) -> int | None:
        try:
            return self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            return None

    def can_time(self) -> bool:
        """Whether deadlines can be honoured on this stream."""
        return os.name == "posix" and self._fd() is not None

    def read(self, timeout: float | None = None) -> str | None:
        """One line ('' at end of input), or None if `timeout` seconds pass first."""
        fd = self._fd()
        if fd is None or (timeout is None and not self.raw):
            return self.stream.readline()
        self.raw = True
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer and len(self.buffer) < MAX_LINE:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], wait)[0]:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            self.buffer += chunk
        line, sep, self.buffer = self.buffer.partition(b"\n")
        return (line + sep).decode("utf-8", errors="replace")
