"""The process's streams and terminal: closed descriptors, a reader that left, signals.

Everything here is about the edges of the process, so the rest of the game can print and read
without asking whether stdout still has a reader or stdin was ever open.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, TextIO

# The exit status of a process ended by signal N is 128 + N (SIGHUP 129, SIGINT 130, SIGTERM 143).
SIGNAL_BASE = 128


class Started:
    """How the process was started (set once by prepare())."""

    stdin_closed = False


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (restoring the terminal), then exit 128 + signum."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Unbreakable:
    """stdout that survives its reader leaving (`| head`): the rest of the output is dropped,
    so a game whose answers are all in still finishes and saves."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def _drop_the_rest(self) -> None:
        self.broken = True
        try:  # point fd 1 at /dev/null: later flushes (and the one at exit) then succeed
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass

    def write(self, text: str) -> int:
        """Write, or drop silently once the reader has gone."""
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._drop_the_rest()
            return len(text)

    def flush(self) -> None:
        """Flush, or drop silently once the reader has gone."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._drop_the_rest()
            with contextlib.suppress(BrokenPipeError, OSError, ValueError):
                self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _occupy(fd: int) -> None:
    # A closed 0/1/2 would be handed to the next file opened (the score database): hold it.
    try:
        os.fstat(fd)
    except OSError:
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)


def prepare() -> None:
    """Make the standard streams safe to use, whatever the shell handed us."""
    Started.stdin_closed = sys.stdin is None
    for fd in (0, 1, 2):
        _occupy(fd)
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    if sys.stdout is not None and not isinstance(sys.stdout, _Unbreakable):
        sys.stdout = _Unbreakable(sys.stdout)


def write_utf8(text: str) -> None:
    """Write `text` to stdout as UTF-8 bytes, whatever encoding the locale asks for."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a test's captured stream
        sys.stdout.write(text)
        return
    try:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    except BrokenPipeError:
        sys.stdout.flush()  # lets the wrapper point fd 1 at /dev/null


def can_encode(text: str, stream: Any) -> bool:
    """Whether `stream` can show `text` as it is (an ASCII locale cannot show 🟩)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


class Terminal:
    """The terminal's modes as they were at the start, to put back however the game ends."""

    def __init__(self) -> None:
        self.saved: list[Any] | None = None
        try:
            import termios

            if sys.stdin.isatty():
                self.saved = termios.tcgetattr(sys.stdin.fileno())
        except (ImportError, OSError, ValueError, AttributeError):
            self.saved = None

    def restore(self) -> None:
        """Echo, line editing and Ctrl-C back as they were; the cursor shown again."""
        if self.saved is None:
            return
        try:
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, self.saved)
            if sys.stdout.isatty():
                # Show the cursor, leave bracketed paste: a prompt may have been cut short.
                sys.stdout.write("\x1b[?25h\x1b[?2004l")
                sys.stdout.flush()
        except (ImportError, OSError, ValueError):
            pass


#: Set while a full-screen prompt runs: ends that prompt with the exception instead. Raised
#: in the middle of the prompt's own redraw, Stopped was caught by prompt_toolkit, which then
#: printed "Exception 15 / Press ENTER to continue..." instead of exiting.
stop_prompt: Callable[[Stopped], bool] | None = None


def _stop(signum: int, frame: FrameType | None) -> None:
    stopped = Stopped(signum)
    if stop_prompt is None or not stop_prompt(stopped):
        raise stopped


def catch_stops() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C does (main thread only; others keep the default)."""
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            if signal.getsignal(sig) == signal.SIG_DFL:
                signal.signal(sig, _stop)
        except (ValueError, OSError):
            continue
