"""Read-aloud: the only module that starts a speech synthesiser (espeak-ng, or espeak).

An edge module. Speech runs as a background process in its own process group, so a reply,
a new question, Ctrl-C, SIGTERM or the end of the program can stop it at once; nothing here
ever waits for speech unless asked to (`wait`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from types import FrameType
from typing import Any, Protocol

from heroes_quiz.i18n import N_

PROGRAMS = ("espeak-ng", "espeak")
VOICES = {"en": "en-us", "es": "es-419"}  # Latin American Spanish, like the Spanish bank
RATE = 140  # words a minute: calm and a little slower than espeak's 175
MAX_CHARS = 4000  # far more than any turn; keeps the pipe write from ever blocking
STOP_GRACE = 0.5  # seconds a stopped synthesiser gets before SIGKILL
ENV = "HEROES_QUIZ_READ_ALOUD"
SETTING = "read_aloud"
ON_WORDS, OFF_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off")

# Marked for translation; the UI shows them through _().
ADVICE = {
    "linux": N_("Read aloud needs espeak-ng: sudo apt install espeak-ng (or your system's "
                "package manager). Playing without a voice."),
    "darwin": N_("Read aloud needs espeak-ng: brew install espeak-ng. Playing without a voice."),
    "win32": N_("Read aloud needs espeak-ng: get the Windows installer (.msi) from "
                "https://github.com/espeak-ng/espeak-ng/releases. Playing without a voice."),
}


class Speaker(Protocol):
    """What the game needs from a voice."""

    def say(self, text: str) -> None:
        """Start speaking `text` in the background, stopping anything still being said."""
        ...

    def stop(self) -> None:
        """Stop speaking at once."""
        ...

    def wait(self, timeout: float) -> bool:
        """Block until the current speech ends (True) or `timeout` seconds pass (False)."""
        ...

    def speaking(self) -> bool:
        """Whether something is being said right now."""
        ...

    def close(self) -> None:
        """Stop and release everything; later calls do nothing."""
        ...


class NullSpeaker:
    """Read-aloud off, or no synthesiser: says nothing."""

    enabled = False

    def say(self, text: str) -> None:
        """Say nothing."""

    def stop(self) -> None:
        """Nothing to stop."""

    def wait(self, timeout: float) -> bool:
        """Nothing is ever being said."""
        return True

    def speaking(self) -> bool:
        """Never."""
        return False

    def close(self) -> None:
        """Nothing to release."""


def find_program(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The synthesiser on PATH: espeak-ng, else espeak, else None."""
    for name in PROGRAMS:
        found = which(name)
        if found:
            return found
    return None


def install_advice(platform: str = sys.platform) -> str:
    """One line (untranslated) telling how to get a synthesiser on this kind of system."""
    return ADVICE.get(platform, ADVICE["linux"])


def voice_for(lang: str) -> str:
    """The espeak voice for a game language ("en", "es", "es_MX"...); English otherwise."""
    return VOICES.get(lang.replace("_", "-").split("-")[0].casefold(), VOICES["en"])


def command(program: str, lang: str = "en", rate: int = RATE, wav: str | None = None
            ) -> list[str]:
    """The synthesiser's argument list; the text always comes on stdin (never as an argument,
    so text starting with "-" is never read as an option)."""
    args = [program, "-v", voice_for(lang), "-s", str(rate), "-b", "1"]
    if wav is not None:
        args += ["-w", wav]
    return [*args, "--stdin"]


# Every synthesiser process still running, held strongly: a speaker may be garbage by the
# time the program exits (after Ctrl-C unwinds the game), its process must still be stopped.
_RUNNING: set[subprocess.Popen[bytes]] = set()


def stop_all() -> None:
    """Stop every synthesiser this process started (at exit and on SIGTERM/SIGHUP)."""
    for proc in list(_RUNNING):
        _stop_process(proc)


atexit.register(stop_all)


class EspeakSpeaker:
    """Speaks through an espeak-ng (or espeak) process per utterance."""

    enabled = True

    def __init__(self, program: str, lang: str = "en", rate: int = RATE) -> None:
        self.argv = command(program, lang, rate)
        self.proc: subprocess.Popen[bytes] | None = None
        self.start_delays: list[float] = []  # seconds from say() to the process running
        self.closed = False
        _guard_signals()

    def say(self, text: str) -> None:
        """Start speaking `text` in the background, stopping anything still being said."""
        called = time.perf_counter()
        self.stop()
        text = text.strip()[:MAX_CHARS]
        if self.closed or not text:
            return
        try:
            # A session of its own: the terminal's Ctrl-C reaches the game, which stops the
            # whole group; and a group kill takes any helper the synthesiser started.
            self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
        except OSError:
            return  # the program vanished or cannot run: play on silently
        self.start_delays.append(time.perf_counter() - called)
        _RUNNING.add(self.proc)
        assert self.proc.stdin is not None
        # It may have died already (no audio device); its stdin is closed when stopped anyway.
        with contextlib.suppress(OSError):
            self.proc.stdin.write(text.encode("utf-8", errors="replace"))
            self.proc.stdin.close()

    def stop(self) -> None:
        """Stop speaking at once: the whole process group, then reap it (no orphan, no zombie)."""
        proc, self.proc = self.proc, None
        if proc is not None:
            _stop_process(proc)

    def wait(self, timeout: float) -> bool:
        """Block until the current speech ends (True) or `timeout` seconds pass (False)."""
        if self.proc is None:
            return True
        try:
            self.proc.wait(max(timeout, 0.0))
        except subprocess.TimeoutExpired:
            return False
        return True

    def speaking(self) -> bool:
        """Whether something is being said right now."""
        return self.proc is not None and self.proc.poll() is None

    def close(self) -> None:
        """Stop and refuse to speak again."""
        self.stop()
        self.closed = True


def _stop_process(proc: subprocess.Popen[bytes]) -> None:
    """Stop one synthesiser's whole process group at once, then reap it (no zombie)."""
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            _signal_group(proc, getattr(signal, "SIGKILL", signal.SIGTERM))
            proc.wait()
    if proc.stdin is not None:
        with contextlib.suppress(OSError):
            proc.stdin.close()
    _RUNNING.discard(proc)


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    try:
        os.killpg(proc.pid, sig)  # the child leads its own group (start_new_session)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(OSError):
            proc.send_signal(sig)
    except AttributeError:  # Windows has no process groups here
        proc.kill()


_GUARDED: set[int] = set()


def _guard_signals() -> None:
    """On SIGTERM/SIGHUP, stop speech first, then do what the signal would have done."""
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None or int(sig) in _GUARDED:
            continue
        try:
            previous = signal.getsignal(sig)
            signal.signal(sig, _chain(sig, previous))
        except (ValueError, OSError):  # not the main thread: atexit still cleans up
            continue
        _GUARDED.add(int(sig))


def _chain(sig: signal.Signals, previous: Any) -> Callable[[int, FrameType | None], None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        stop_all()
        if callable(previous):
            previous(signum, frame)
        elif previous != signal.SIG_IGN:
            signal.signal(sig, signal.SIG_DFL)
            os.kill(os.getpid(), sig)
    return handler


_REQUEST = {"read_aloud": False}  # --read-aloud on this command line


def request(on: bool) -> None:
    """Remember --read-aloud for this process (the option's callback calls this)."""
    _REQUEST["read_aloud"] = bool(on)


def requested() -> bool:
    """Whether --read-aloud was given."""
    return _REQUEST["read_aloud"]


def wanted(flag: bool, env: Mapping[str, str], setting: object, terminal: bool) -> bool:
    """Whether to read aloud: the flag or the env variable always; the menu setting in a
    terminal only (so a remembered "on" never speaks a piped or logged game)."""
    if flag:
        return True
    word = env.get(ENV, "").strip().casefold()
    if word in ON_WORDS:
        return True
    if word in OFF_WORDS:
        return False
    return setting is True and terminal


def read_aloud_wanted(flag: bool | None = None) -> bool:
    """`wanted` with this process's flag, environment, settings.json and terminal."""
    from heroes_quiz import settings

    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    flag = requested() if flag is None else flag
    # settings.json is read only when it could matter (a terminal); pipes skip the file.
    setting = settings.get(SETTING, False) if terminal else False
    return wanted(flag, os.environ, setting, terminal)


def remembered() -> bool:
    """The menu's read-aloud choice on this machine."""
    from heroes_quiz import settings

    return settings.get(SETTING, False) is True


def remember(on: bool) -> bool:
    """Save the menu's read-aloud choice for this machine; False if it could not be saved."""
    from heroes_quiz import settings

    return settings.put(SETTING, bool(on))


def make_speaker(on: bool, lang: str = "en") -> tuple[Speaker, str]:
    """A speaker, and a line of advice when reading aloud was wanted but nothing can speak."""
    if not on:
        return NullSpeaker(), ""
    program = find_program()
    if program is None:
        return NullSpeaker(), install_advice()
    return EspeakSpeaker(program, lang), ""
