"""A stand-in `espeak-ng` for tests: records what it was asked to say, and can take its time.

`FakeSynth(tmp_path)` writes an executable `espeak-ng` into a folder of its own; put
`synth.path_env()` first on PATH and every utterance the game starts lands in a JSON-lines log
(argv, the text read from stdin, pid, process group). With `synth.sleep(seconds)` each utterance
then "speaks" that long, so a test can see whether it was stopped: a finished utterance logs a
second, "done" line; a killed one never does.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCRIPT = """#!{python}
import json, os, sys, time
here = {here!r}
text = sys.stdin.buffer.read().decode("utf-8", "replace")
with open(os.path.join(here, "sleep")) as f:
    seconds = float(f.read() or 0)
record = {{"pid": os.getpid(), "pgid": os.getpgid(0), "argv": sys.argv[1:], "text": text,
          "at": time.time()}}
with open(os.path.join(here, "log.jsonl"), "a", encoding="utf-8") as f:
    f.write(json.dumps(record) + "\\n")
time.sleep(seconds)
with open(os.path.join(here, "log.jsonl"), "a", encoding="utf-8") as f:
    f.write(json.dumps({{"pid": os.getpid(), "done": True}}) + "\\n")
"""


class FakeSynth:
    """An `espeak-ng` stand-in in `folder`/bin."""

    def __init__(self, folder: Path, name: str = "espeak-ng") -> None:
        self.bin = folder / "fake-synth"
        self.bin.mkdir(parents=True, exist_ok=True)
        self.log = self.bin / "log.jsonl"
        self.program = self.bin / name
        self.program.write_text(SCRIPT.format(python=sys.executable, here=str(self.bin)),
                                encoding="utf-8")
        self.program.chmod(0o755)
        self.sleep(0)

    def sleep(self, seconds: float) -> None:
        """How long each later utterance lasts."""
        (self.bin / "sleep").write_text(str(seconds), encoding="utf-8")

    def path_env(self, rest: str | None = None) -> str:
        """A PATH with the stand-in first."""
        rest = os.environ.get("PATH", os.defpath) if rest is None else rest
        return f"{self.bin}{os.pathsep}{rest}"

    def lines(self) -> list[dict[str, Any]]:
        """Every log line so far."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines() if line]

    def said(self) -> list[dict[str, Any]]:
        """One record per utterance started, in order."""
        return [line for line in self.lines() if "text" in line]

    def finished(self, pid: int) -> bool:
        """Whether that utterance ran to its end (was not stopped)."""
        return any(line.get("done") and line["pid"] == pid for line in self.lines())

    def wait_said(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until `count` utterances have started; fail with what was said otherwise."""
        return wait_for(lambda: len(self.said()) >= count, timeout,
                        lambda: f"{count} utterances, got {self.said()}") and self.said()


def wait_for(check: Callable[[], bool], timeout: float, what: Callable[[], str]) -> bool:
    """Poll `check` until it holds (a condition, not a fixed sleep); AssertionError after
    `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what()}")
        time.sleep(0.01)
    return True


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def group_alive(pgid: int) -> bool:
    """Whether any process of that process group is left (zombies included)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
