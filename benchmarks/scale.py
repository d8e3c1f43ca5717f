"""Scale figures: a 100,000-question Open Trivia DB bank and a 1,000,000-game score table.

    python benchmarks/scale.py [OUT_DIR]

Each figure is printed with its goal, and as a ratio against a baseline taken in the same
run (reading the same JSON file with the standard library; `heroes-quiz --version`).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from _common import EXE, PYTHON, alternate, machine, require_installed
from make_inputs import encoded, opentdb, punctuated

GAMES = 1_000_000


def measure(cmd: Sequence[str], stdin: str = "", env: dict[str, str] | None = None
            ) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    assert proc.stdin is not None
    proc.stdin.write(stdin.encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def line(label: str, seconds: float, goal: float, base: float, mb: float | None = None) -> bool:
    """Print one figure; return whether it meets its goal."""
    memory = f", peak {mb:.0f} MB (goal <= 300 MB)" if mb is not None else ""
    ok = seconds <= goal and (mb is None or mb <= 300)
    print(f"{label}: {seconds * 1000:.0f} ms (goal <= {goal * 1000:.0f} ms){memory}; "
          f"{seconds / base:.1f}x the baseline — {'ok' if ok else 'MISSED'}")
    return ok


CHECK_RATIO = 4.0
RUNS = 5


def check_ratio(bank: Path, env: dict[str, str], form: str = "html entities") -> bool:
    """`bank check` against `json.load` of the same file, runs alternated, medians compared."""
    load = [PYTHON, "-c", f"import json; json.load(open({str(bank)!r}, encoding='utf-8'))"]
    base, check = alternate(RUNS, (load, None), ([EXE, "bank", "check", str(bank)], None),
                            env=env)
    ratio = check / base
    print(f"bank check vs json.load, 100k questions, {form} (median of {RUNS}, alternated): "
          f"{check * 1000:.0f} ms vs {base * 1000:.0f} ms = {ratio:.1f}x "
          f"(goal <= {CHECK_RATIO:.0f}x) — {'ok' if ratio <= CHECK_RATIO else 'MISSED'}")
    return ratio <= CHECK_RATIO


def fill_scores(db: Path) -> None:
    """Create the schema with the game itself, then add GAMES rows in one transaction."""
    env = {**os.environ, "HEROES_QUIZ_HOME": str(db.parent)}
    subprocess.run([EXE, "scores", "--json"], env=env, check=True, capture_output=True)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    conn = sqlite3.connect(db)
    levels = ("easy", "medium", "hard", "mixed")
    conn.executemany(
        "INSERT INTO games (name, mode, difficulty, score, correct, total, played_at)"
        " VALUES (?, 'play', ?, ?, 5, 10, ?)",
        ((f"P{n}", levels[n % 4], (n * 7919) % 30000, when) for n in range(GAMES)))
    conn.commit()
    conn.close()


def main() -> int:
    require_installed()
    out = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="hq-scale-"))
    out.mkdir(parents=True, exist_ok=True)
    bank = out / "opentdb-100k.json"
    if not bank.exists():
        import json

        bank.write_text(json.dumps(opentdb(100_000)), encoding="utf-8")
    home = out / "home"
    env = {**os.environ, "HEROES_QUIZ_HOME": str(home)}
    print(f"scale · {machine()}")
    base, _ = measure([PYTHON, "-c", f"import json; json.load(open({str(bank)!r}))"])
    print(f"baseline: json.load of the 100k file {base * 1000:.0f} ms")
    secs, mb = measure([EXE, "bank", "check", str(bank)], env=env)
    ok = line("bank check, 100k questions", secs, 3.0, base, mb)
    ok &= check_ratio(bank, env)
    for encoding in ("base64", "url3986"):  # Open Trivia DB's other `encode=` options
        other = out / f"opentdb-100k-{encoding}.json"
        if not other.exists():
            import json

            doc = json.loads(bank.read_text(encoding="utf-8"))
            other.write_text(json.dumps(encoded(doc, encoding)), encoding="utf-8")
        ok &= check_ratio(other, env, encoding)
    # Answers as real quizzes write them (punctuation, accents), told apart as the matcher
    # reads them rather than by the plain-word shortcut.
    real = out / "opentdb-100k-punctuated.json"
    if not real.exists():
        import json

        real.write_text(json.dumps(punctuated(json.loads(bank.read_text(encoding="utf-8")))),
                        encoding="utf-8")
    ok &= check_ratio(real, env, "a third of the answers punctuated or accented")
    secs, mb = measure([EXE, "play", "--plain", "--count", "5", "--difficulty", "mixed",
                        "--name", "Bench", "--bank", str(bank)], "1\n" * 20, env)
    ok &= line("5-question plain game from the 100k bank", secs, 3.0, base, mb)
    db = home / "scores.db"
    fill_scores(db)
    version, _ = measure([EXE, "--version"], env=env)
    secs, _ = measure([EXE, "scores"], env=env)
    print(f"`heroes-quiz scores` with {GAMES:,} games: {secs * 1000:.0f} ms in all, "
          f"{secs / version:.2f}x `heroes-quiz --version` ({version * 1000:.0f} ms)")
    ok &= query_time(db)
    return 0 if ok else 1


def query_time(db: Path) -> bool:
    """The top-10-per-level query itself, in process, against a full table scan."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from heroes_quiz.storage import Store

    store = Store(db)
    store.top()  # open and migrate outside the timing
    start = time.perf_counter()
    rows = store.top()
    took = time.perf_counter() - start
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    conn.execute("SELECT MAX(score) FROM games NOT INDEXED").fetchone()
    scan = time.perf_counter() - start
    ok = took <= 0.05 and len(rows) == 40
    print(f"scores query, {GAMES:,} games: {took * 1000:.1f} ms (goal <= 50 ms); "
          f"{took / scan:.3f}x one full table scan ({scan * 1000:.0f} ms) — "
          f"{'ok' if ok else 'MISSED'}")
    return ok


if __name__ == "__main__":
    sys.exit(main())
