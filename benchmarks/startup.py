"""Start-up figures as ratios against bare imports, measured by alternating runs.

    python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

from _common import EXE, PYTHON, alternate, machine, report, require_installed


def main() -> int:
    require_installed()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    env = {**os.environ, "HEROES_QUIZ_HOME": tempfile.mkdtemp(prefix="hq-bench-")}
    print(f"start-up, median of {runs} alternating runs · {machine()}")
    version, typer_only = alternate(
        runs, ([EXE, "--version"], None), ([PYTHON, "-c", "import typer"], None), env=env)
    ok = report("--version vs `import typer`", version, typer_only, 1.25)
    game, rich_base = alternate(
        runs,
        ([EXE, "play", "--plain", "--count", "1", "--name", "Bench"], "1\n"),
        ([PYTHON, "-c", "import typer, rich.console"], None), env=env)
    ok &= report("1-question plain game vs `import typer, rich.console`", game, rich_base, 1.5)
    # The same game in Spanish: the only run that loads a translation catalog.
    spanish, rich_again = alternate(
        runs,
        ([EXE, "play", "--plain", "--count", "1", "--name", "Bench"], "1\n"),
        ([PYTHON, "-c", "import typer, rich.console"], None), env={**env, "HEROES_QUIZ_LANG": "es"})
    ok &= report("1-question plain game in Spanish vs `import typer, rich.console`", spanish,
                 rich_again, 1.5)
    # typer draws help with rich; before translations this was 2.35-2.44x on the README machine.
    helped, typer_base = alternate(
        runs, ([EXE, "--help"], None), ([PYTHON, "-c", "import typer"], None), env=env)
    ok &= report("--help vs `import typer`", helped, typer_base, 2.6)
    ok &= first_question(runs, env)
    complete, typer_again = alternate(
        runs, ([EXE], None), ([PYTHON, "-c", "import typer"], None),
        env={**env, "_HEROES_QUIZ_COMPLETE": "complete_bash", "COMP_WORDS": "heroes-quiz pl",
             "COMP_CWORD": "1"})
    ok &= report("shell completion (Tab) vs `import typer`", complete, typer_again, 1.25)
    return 0 if ok else 1


def until(cmd: list[str], text: str | None, env: dict[str, str]) -> float:
    """Seconds from starting `cmd` in an 80x30 pty until `text` shows (or it exits)."""
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(cmd[0], cmd[1:], env=env, dimensions=(30, 80), encoding="utf-8")
    child.expect(pexpect.EOF if text is None else text, timeout=30)
    took = time.perf_counter() - start
    child.terminate(force=True)
    return took


def first_question(runs: int, env: dict[str, str]) -> bool:
    """In a terminal: the first question on screen vs importing typer, rich and questionary."""
    # A fixed seed: its first question is a choice question, drawn as a list.
    game = [EXE, "play", "--difficulty", "easy", "--name", "Bench", "--no-timer", "--seed", "1"]
    base = [PYTHON, "-c", "import typer, rich.console, questionary"]
    shown, imports = [], []
    for _ in range(runs):
        # The options list, drawn at once; the "Your answer:" label waits out the 300 ms in
        # which a new question ignores keys, which is not start-up.
        shown.append(until(game, r"» 1\)", env))
        imports.append(until(base, None, env))
    return report("first question on screen in a pty vs `import typer, rich.console, "
                  "questionary`", statistics.median(shown), statistics.median(imports), 1.3)


if __name__ == "__main__":
    sys.exit(main())
