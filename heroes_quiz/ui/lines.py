"""Line input for plain mode, with an optional deadline (POSIX select on the raw fd).

Memory stays bounded whatever arrives: a line longer than MAX_LINE is read as an empty line
(one unreadable reply), and at most MAX_SKIP more bytes of it are skipped before the next read.
"""

from __future__ import annotations

import os
import select
import time
from typing import TextIO

MAX_LINE = 1 << 20  # longer than any answer; a 100,000-character reply is still judged
MAX_SKIP = 8 * MAX_LINE  # an endless line (`< /dev/zero`) counts again after this much
CHUNK = 65536
UNREADABLE = "\n"  # what an over-long line reads as: an empty line


class Lines:
    """Reads lines from a text stream; `read(timeout)` returns None when time runs out.

    Timed reads need a real file descriptor; they bypass the stream's own buffer, so once a
    timed read has happened every later read goes through the descriptor too.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = b""
        self.raw = False
        self.skipping = False  # the rest of an over-long line is still to come
        self.skipped = 0

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
            return self._from_stream()
        self.raw = True
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            line = self._from_buffer()
            if line is not None:
                return line
            if deadline is not None and time.monotonic() >= deadline:
                return None  # input that never ends a line must not outlast the clock
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], wait)[0]:
                return None
            chunk = os.read(fd, CHUNK)
            if not chunk:
                rest, self.buffer = self.buffer, b""
                return "" if self.skipping or not rest else rest.decode("utf-8", "replace")
            self.buffer += chunk

    def _from_buffer(self) -> str | None:
        """A complete line from the bytes read so far, or None if more are needed."""
        end = self.buffer.find(b"\n")
        if self.skipping:
            if end < 0:
                self.skipped += len(self.buffer)
                self.buffer = b""
                if self.skipped < MAX_SKIP:
                    return None
                self.skipped = 0
                return UNREADABLE  # still no end of line: that counts as another reply
            self.skipping, self.skipped, self.buffer = False, 0, self.buffer[end + 1:]
            end = self.buffer.find(b"\n")
        if end >= 0:
            line, self.buffer = self.buffer[:end + 1], self.buffer[end + 1:]
            return line.decode("utf-8", errors="replace")
        if len(self.buffer) >= MAX_LINE:
            self.buffer, self.skipping = b"", True
            return UNREADABLE
        return None

    def _from_stream(self) -> str:
        line = self.stream.readline(MAX_LINE)
        if len(line) < MAX_LINE or line.endswith("\n"):
            return line
        skipped = 0  # an over-long line: skip the rest of it, but never for ever
        while skipped < MAX_SKIP:
            rest = self.stream.readline(MAX_LINE)
            if not rest or rest.endswith("\n"):
                break
            skipped += len(rest)
        return UNREADABLE
