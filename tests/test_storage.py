"""SQLite scores: saving, ranking, migrations and broken files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_question

from heroes_quiz import storage
from heroes_quiz.errors import StorageError
from heroes_quiz.models import GameResult, Outcome, Points, Turn, Verdict
from heroes_quiz.storage import Store


def result(name: str = "Ada", score: int = 300, difficulty: str = "easy") -> GameResult:
    q = make_question()
    outcome = Outcome(Turn(1, 1, q, q.choices, 0), Verdict(True), Points(base=score), score, 1.5)
    return GameResult(name, difficulty, (outcome,))


def test_save_and_rank(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    assert store.save(result(score=100)).rank == 1
    assert store.save(result("Bo", 300)).rank == 1
    assert store.save(result("Cy", 200)).rank == 2
    assert store.save(result("Di", 200)).rank == 3  # ties: the earlier game ranks first
    rows = store.top("easy")
    assert [(r.rank, r.name, r.score) for r in rows] == [
        (1, "Bo", 300), (2, "Cy", 200), (3, "Di", 200), (4, "Ada", 100)]


def test_rank_zero_outside_top_ten_and_limit(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    for n in range(10):
        store.save(result(f"P{n}", 1000 + n))
    assert store.save(result("Low", 5)).rank == 0
    assert len(store.top("easy", limit=3)) == 3
    assert store.top("hard") == []


def test_tables_are_per_difficulty_and_mode(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.save(result("E", 100, "easy"))
    store.save(result("H", 900, "hard"))
    store.save(result("P", 999, "easy"), mode="party")
    assert [r.name for r in store.top()] == ["E", "H"]
    assert [r.name for r in store.top(mode="party")] == ["P"]


def test_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).save(result())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(storage.MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1


def test_old_schema_is_migrated_keeping_scores(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.executescript(storage.MIGRATIONS[0] + "PRAGMA user_version = 1;")
    conn.execute("INSERT INTO games VALUES (1, 'Old', 'play', 'easy', 50, 1, 1, '2021-01-01')")
    conn.commit()
    conn.close()
    store = Store(path)
    store.save(result("New", 60))
    assert [r.name for r in store.top("easy")] == ["New", "Old"]


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"\x00" * 5000])
def test_garbage_file_is_moved_aside_not_deleted(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "s.db"
    path.write_bytes(content)
    store = Store(path)
    assert store.save(result()).saved
    aside = list(tmp_path.glob("s.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert "moved to" in store.warnings[0] and str(aside[0]) in store.warnings[0]
    assert [r.name for r in store.top()] == ["Ada"]


def test_empty_file_is_a_fresh_database(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    path.touch()
    store = Store(path)
    store.save(result())
    assert store.warnings == [] and not list(tmp_path.glob("*.corrupt-*"))


def test_location_that_is_a_file_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot create"):
        Store(blocker / "s.db").save(result())


SAVER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_storage import result
from heroes_quiz.storage import Store
Store(Path({db!r})).save(result(sys.argv[1], int(sys.argv[2])))
"""


def test_concurrent_games_from_separate_processes_all_land(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code = SAVER.format(tests=str(Path(__file__).parent), db=str(db))
    procs = [subprocess.Popen([sys.executable, "-c", code, f"P{n}", str(n)]) for n in range(24)]
    assert [p.wait(timeout=120) for p in procs] == [0] * 24
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM games").fetchone()[0] == 24
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
