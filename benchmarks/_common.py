"""Helpers shared by the benchmark scripts: alternating timed runs and medians."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PYTHON = sys.executable
EXE = str(Path(sys.executable).parent / "heroes-quiz")


def machine() -> str:
    """A one-line description of where the figures were taken."""
    return (f"{platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}"
            f" · {platform.system()} {platform.release()}")


def require_installed() -> None:
    """Stop with a hint when heroes-quiz is not installed next to this Python."""
    if not Path(EXE).exists() and not shutil.which("heroes-quiz"):
        sys.exit("install heroes-quiz into this environment first: pip install .")


def wall(cmd: Sequence[str], stdin: str | None = None, env: dict[str, str] | None = None) -> float:
    """Seconds one run takes, start to exit."""
    start = time.perf_counter()
    subprocess.run(cmd, input=stdin, text=True, capture_output=True, env=env, check=False)
    return time.perf_counter() - start


def alternate(runs: int, *commands: tuple[Sequence[str], str | None],
              env: dict[str, str] | None = None) -> list[float]:
    """Median seconds of each command, runs interleaved so load drifts hit all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for slot, (cmd, stdin) in zip(times, commands, strict=True):
            slot.append(wall(cmd, stdin, env))
    return [statistics.median(t) for t in times]


def report(label: str, value: float, baseline: float, goal: float) -> bool:
    """Print `label: 61.2 ms vs 55.0 ms = 1.11x (goal <= 1.25x) ok` and return whether it holds."""
    ratio = value / baseline
    verdict = "ok" if ratio <= goal else "MISSED"
    print(f"{label}: {value * 1000:.1f} ms vs {baseline * 1000:.1f} ms = {ratio:.2f}x "
          f"(goal <= {goal}x) {verdict}")
    return ratio <= goal
