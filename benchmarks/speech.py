"""Read-aloud figures: how soon speech starts after a question appears, and what one turn says.

Start delay: the installed game runs in a pseudo-terminal with a stand-in `espeak-ng` first on
PATH (a two-line sh script that writes the clock when it starts, then reads its text). The
delay is the time from the question's heading arriving on the terminal to that stand-in
process running; both sides read the same wall clock. Medians over alternating plain and
interactive (arrow-key) games.

    python benchmarks/speech.py [RUNS]
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import EXE, machine, require_installed

STAND_IN = """#!/bin/sh
date +%s.%N >> "{log}"
cat > /dev/null
"""


def one_delay(args: list[str], folder: Path) -> float:
    """Milliseconds from 'Question 1 of' on screen to the stand-in synthesiser starting."""
    import pexpect

    log = folder / "starts.log"
    log.unlink(missing_ok=True)
    env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "TERM": "xterm-256color",
           "LANG": "C.UTF-8", "HEROES_QUIZ_HOME": str(folder / "home"),
           "HOME": str(folder / "user")}
    child = pexpect.spawn(EXE, args, env=env, encoding="utf-8", dimensions=(30, 80),
                          timeout=20)
    try:
        child.expect("Question 1 of")
        shown = time.time()
        deadline = time.monotonic() + 10
        while not log.exists() or not log.read_text().strip():
            if time.monotonic() > deadline:
                raise RuntimeError("the stand-in never started")
            with contextlib.suppress(pexpect.TIMEOUT):  # keep reading the terminal
                child.read_nonblocking(65536, timeout=0.01)
        started = float(log.read_text().split()[0])
    finally:
        child.terminate(force=True)
    return (started - shown) * 1000


def main() -> None:
    require_installed()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        program = folder / "espeak-ng"
        program.write_text(STAND_IN.format(log=folder / "starts.log"), encoding="utf-8")
        program.chmod(0o755)
        game = ["play", "--count", "1", "--name", "Ada", "--difficulty", "easy",
                "--no-timer", "--read-aloud"]
        plain, interactive = [], []
        for _ in range(runs):
            plain.append(one_delay([*game, "--plain"], folder))
            interactive.append(one_delay(game, folder))
    print(machine())
    for label, values in (("plain", plain), ("interactive", interactive)):
        print(f"start delay, {label:11}: median {statistics.median(values):5.1f} ms, "
              f"min {min(values):5.1f}, max {max(values):5.1f} ({runs} runs)")
    print("(negative: the synthesiser was already running when the heading reached the "
          "terminal reader)")


if __name__ == "__main__":
    main()
