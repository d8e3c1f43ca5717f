"""SQLite scores: saving, ranking, migrations and broken files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_question

from heroes_quiz import paths, storage
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
    report = store.save(result())
    assert report.saved
    aside = list(tmp_path.glob("s.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert "moved to" in report.warnings[0] and str(aside[0]) in report.warnings[0]
    assert store.take_warnings() == ()  # shown once
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
    procs = [subprocess.Popen([sys.executable, "-c", code, f"P{n}", str(n)],
                              stderr=subprocess.PIPE, text=True) for n in range(24)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 24, "".join(errors)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM games").fetchone()[0] == 24
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def damage_a_page(path: Path) -> None:
    """Overwrite the middle of the file, leaving the header readable."""
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 2 * page
    data[page:2 * page] = b"\xde\xad\xbe\xef" * (page // 4)
    path.write_bytes(bytes(data))


def test_damaged_page_is_moved_aside_and_play_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = Store(path)
    for n in range(300):
        store.save(result(f"Player number {n:04d} with a long name", n))
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damage_a_page(path)
    fresh = Store(path)
    report = fresh.save(result("After", 5))
    assert report.saved and "damaged" in report.warnings[0]
    assert len(list(tmp_path.glob("s.db.corrupt-*Z"))) == 1
    assert [r.name for r in fresh.top()] == ["After"]


KILLER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_storage import result
from heroes_quiz.storage import Store
store = Store(Path({db!r}))
for n in range(100_000):
    store.save(result(f"P{{n}}", n))
    print(n, flush=True)
"""


def test_sigkill_while_saving_keeps_every_earlier_score(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code = KILLER.format(tests=str(Path(__file__).parent), db=str(db))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if int(line) >= 40:
            break
    proc.kill()  # SIGKILL, most likely in the middle of the next save
    proc.wait(timeout=30)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    names = {row[0] for row in conn.execute("SELECT name FROM games")}
    assert {f"P{n}" for n in range(41)} <= names


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root ignores file permissions")
def test_read_only_file_is_a_storage_error_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).save(result("Kept"))
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StorageError):
            Store(path).save(result("New"))
    finally:
        tmp_path.chmod(0o755)
    assert [r.name for r in Store(path).top()] == ["Kept"]


@pytest.mark.parametrize("xdg", ["", "relative/dir"])
def test_empty_or_relative_xdg_data_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: str,
) -> None:
    monkeypatch.delenv("HEROES_QUIZ_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", xdg)
    db = paths.database()
    assert db.is_absolute()
    assert db == tmp_path / ".local" / "share" / "heroes-quiz" / "scores.db"


def test_heroes_quiz_home_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEROES_QUIZ_HOME", str(tmp_path / "here"))
    assert paths.database() == tmp_path / "here" / "scores.db"


def _schema_4_with_rows(path: Path) -> None:
    """A database as heroes-quiz wrote it before per-bank tables (user_version 4)."""
    conn = sqlite3.connect(path)
    conn.executescript("".join(storage.MIGRATIONS[:4]) + "PRAGMA user_version = 4;")
    conn.executemany(
        "INSERT INTO games (id, name, mode, difficulty, score, correct, total, played_at, day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(1, "Mia", "play", "easy", 400, 4, 5, "2026-01-01T10:00:00+00:00", None),
         (2, "Mia", "daily", "mixed", 300, 3, 5, "2026-01-02T10:00:00+00:00", "2026-01-02"),
         (3, "Ada", "party", "easy", 200, 2, 3, "2026-01-03T10:00:00+00:00", None),
         (4, "Bo", "party", "easy", 200, 2, 3, "2026-01-03T10:00:01+00:00", None)])
    conn.executemany("INSERT INTO answers VALUES (?, ?, 'cast', 'easy', 1, 100, ?, 0)",
                     [(1, "q1", 2.0), (3, "q2", 9.5), (4, "q3", 4.25)])
    conn.executemany("INSERT INTO leitner VALUES (?, ?, ?)", [("Mia", "q7", 2), ("Ada", "q8", 1)])
    conn.commit()
    conn.close()


def test_migration_5_keeps_every_row_on_the_built_in_bank(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _schema_4_with_rows(path)
    store = Store(path)
    assert [(r.name, r.score) for r in store.top("easy")] == [("Mia", 400)]
    daily = store.top("mixed", mode="daily")
    assert [(r.name, r.day) for r in daily] == [("Mia", "2026-01-02")]
    # Bo spent less time than Ada on the same score: Bo ranks first, as on the podium.
    assert [(r.rank, r.name) for r in store.top("easy", mode="party")] == [(1, "Bo"), (2, "Ada")]
    assert store.top("easy", bank="id:other") == []
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 5 == len(storage.MIGRATIONS)
    assert conn.execute("SELECT DISTINCT bank FROM games").fetchall() == [("builtin",)]
    assert sorted(conn.execute("SELECT bank, player, question_id, box FROM leitner")) == [
        ("builtin", "Ada", "q8", 1), ("builtin", "Mia", "q7", 2)]
    assert conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 3


def test_each_bank_keeps_its_own_tables(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.save(result("Ada", 100))
    assert store.save(result("Mine", 50), bank="id:family").rank == 1
    assert [r.name for r in store.top("easy")] == ["Ada"]
    assert [r.name for r in store.top("easy", bank="id:family")] == ["Mine"]


def test_party_ties_rank_by_time_like_the_podium(tmp_path: Path) -> None:
    def timed(name: str, seconds: float) -> GameResult:
        q = make_question()
        done = Outcome(Turn(1, 1, q, q.choices, 0), Verdict(True), Points(base=100), 100, seconds)
        return GameResult(name, "easy", (done,))

    store = Store(tmp_path / "s.db")
    store.save(timed("Slow", 19.0), mode="party")
    assert store.save(timed("Cy", 14.0), mode="party").rank == 1
    store.save(timed("Twin", 14.0), mode="party")
    assert [(r.rank, r.name) for r in store.top("easy", mode="party")] == [
        (1, "Cy"), (1, "Twin"), (3, "Slow")]
