"""High scores in SQLite: WAL, busy timeout, BEGIN IMMEDIATE writes, numbered migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from heroes_quiz import saving
from heroes_quiz.bank import BUILTIN_KEY
from heroes_quiz.errors import StorageError
from heroes_quiz.i18n import N_, _
from heroes_quiz.models import Difficulty, GameResult, SaveReport, ScoreRow
from heroes_quiz.textclean import visible

BUSY_TIMEOUT_MS = 15_000
FIRST_TRY_MS = 2_000  # a save waits this long for a busy file before saying "saving…"
SAVE_PATIENCE = 60.0  # then keeps trying this long in all, then keeps a pending file
T = TypeVar("T")
TOP = 10
DIFFICULTIES = (*(d.value for d in Difficulty), "mixed")

# Append only: user_version N means the first N migrations have run.
MIGRATIONS = (
    """
    CREATE TABLE games (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'play',
        difficulty TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score >= 0),
        correct INTEGER NOT NULL,
        total INTEGER NOT NULL,
        played_at TEXT NOT NULL
    );
    CREATE INDEX games_rank ON games (mode, difficulty, score DESC, id);
    """,
    """
    CREATE TABLE answers (
        game_id INTEGER NOT NULL REFERENCES games (id),
        question_id TEXT NOT NULL,
        category TEXT NOT NULL,
        difficulty TEXT NOT NULL,
        correct INTEGER NOT NULL,
        points INTEGER NOT NULL,
        elapsed REAL NOT NULL
    );
    CREATE INDEX answers_game ON answers (game_id);
    """,
    """
    ALTER TABLE games ADD COLUMN day TEXT;
    CREATE UNIQUE INDEX games_daily ON games (name COLLATE NOCASE, day) WHERE mode = 'daily';
    CREATE INDEX games_player ON games (name COLLATE NOCASE, id);
    CREATE TABLE leitner (
        player TEXT NOT NULL COLLATE NOCASE,
        question_id TEXT NOT NULL,
        box INTEGER NOT NULL,
        PRIMARY KEY (player, question_id)
    );
    """,
    # A skip keeps the answer streak, so stats must tell it from a wrong answer.
    "ALTER TABLE answers ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;",
    # Every bank keeps its own tables (earlier rows were all played on the built-in bank);
    # party tables rank ties by time used, as the podium does.
    f"""
    ALTER TABLE games ADD COLUMN bank TEXT NOT NULL DEFAULT '{BUILTIN_KEY}';
    ALTER TABLE games ADD COLUMN time_used REAL NOT NULL DEFAULT 0;
    UPDATE games SET time_used = (SELECT ROUND(COALESCE(SUM(a.elapsed), 0), 3) FROM answers a
                                  WHERE a.game_id = games.id);
    DROP INDEX games_rank;
    CREATE INDEX games_rank ON games (bank, mode, difficulty, score DESC, id);
    DROP INDEX games_daily;
    CREATE UNIQUE INDEX games_daily ON games (bank, name COLLATE NOCASE, day)
        WHERE mode = 'daily';
    CREATE TABLE leitner_new (
        bank TEXT NOT NULL,
        player TEXT NOT NULL COLLATE NOCASE,
        question_id TEXT NOT NULL,
        box INTEGER NOT NULL,
        PRIMARY KEY (bank, player, question_id)
    );
    INSERT INTO leitner_new SELECT '{BUILTIN_KEY}', player, question_id, box FROM leitner;
    DROP TABLE leitner;
    ALTER TABLE leitner_new RENAME TO leitner;
    """,
)


class StorageBusy(StorageError):
    """Another program holds the score file's write lock."""


class StorageNewer(StorageError):
    """The score file was written by a newer heroes-quiz: it is read, never written."""


def _text(raw: bytes) -> str:
    # Every text read back (names, categories) may have been written by anyone: no controls.
    return visible(raw.decode("utf-8", "replace"))


def _fresh_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.text_factory = _text
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            # Switching needs an exclusive lock; WAL persists, so only a new file pays for it.
            conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL never corrupts and survives a killed process; only a power cut
        # can lose the very last game, and it saves an fsync per game.
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except BaseException:
        conn.close()  # never leave a handle on a file that is about to be moved aside
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE takes the write lock up front."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def newer(conn: sqlite3.Connection) -> bool:
    """Whether a newer heroes-quiz made this file (it has migrations we do not know)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) > len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date; safe when several processes race."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= len(MIGRATIONS):
        return
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in filter(str.strip, script.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")


class Store:
    """The score database at one path; broken files are moved aside, never deleted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self._conn: sqlite3.Connection | None = None
        self.on_wait: Callable[[], None] | None = None  # the UI's "saving…", when it waits
        self._replayed = False

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(N_("cannot create {folder} ({reason})"), folder=self.path.parent,
                               reason=exc.strerror) from None
        return _fresh_connection(self.path)

    def _move_aside(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.rename(target)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.rename(target.with_name(target.name + suffix))
        except OSError as exc:
            raise StorageError(N_("{path} is damaged and cannot be moved aside ({reason})"),
                               path=self.path, reason=exc.strerror) from None
        # A warning waits to be shown: worded now, in the game's language (storage is an edge).
        self.warnings.append(_("The score file was damaged; it was moved to {target} and a new "
                               "one was started.").format(target=target))

    def take_warnings(self) -> tuple[str, ...]:
        """Warnings not yet shown to the player (each is handed out once)."""
        taken, self.warnings = tuple(self.warnings), []
        return taken

    def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on an open, migrated connection.

        A file found damaged mid-way is moved aside and `work` runs once more on a fresh file;
        any other sqlite error becomes StorageError.
        """
        for attempt in (1, 2):
            opening = self._conn is None
            try:
                return work(self._connection())
            except sqlite3.Error as exc:
                self.close()
                if _is_busy(exc):
                    raise StorageBusy(N_("{path} is busy ({error})"), path=self.path,
                                      error=exc) from None
                if attempt == 2 or not _is_corrupt(exc):
                    where = N_("cannot open {path} ({error})") if opening else "{path} ({error})"
                    raise StorageError(where, path=self.path, error=exc) from None
                self._move_aside()  # found damaged opening it or mid-query: start afresh
        raise AssertionError("unreachable")

    def _connection(self) -> sqlite3.Connection:
        # One connection for the whole process: opening and migrating costs more than a game.
        if self._conn is None:
            self._conn = self._open()
            if not self._replayed:
                self._replayed = True
                self._save_pending(self._conn)
        return self._conn

    def close(self) -> None:
        """Close the connection (a later call opens a new one)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def save(self, result: GameResult, mode: str = "play", day: str | None = None,
             bank: str = BUILTIN_KEY) -> SaveReport:
        """Write one finished game and its practice boxes in one transaction; report its rank.

        A busy file is tried again for SAVE_PATIENCE seconds (`on_wait` is told once), then the
        game is kept in a pending file for the next run; a newer file is never written.
        """
        played_at = datetime.now(UTC).isoformat(timespec="seconds")
        rows = saving.game_rows(result, (mode, bank), played_at, day)
        rank = self._patiently(rows)
        return SaveReport(saved=True, rank=rank if rank <= TOP else 0,
                          warnings=self.take_warnings())

    def _write(self, rows: dict[str, Any], wait_ms: int) -> int:
        def work(conn: sqlite3.Connection) -> int:
            if newer(conn):
                raise StorageNewer(N_("{path} was made by a newer heroes-quiz; upgrade "
                                      "heroes-quiz (pip install -U heroes-quiz) to save scores"),
                                   path=self.path)
            conn.execute(f"PRAGMA busy_timeout = {max(int(wait_ms), 1)}")
            with transaction(conn):
                game_id = saving.write_rows(conn, rows)
            return _rank(conn, game_id)

        return self.run(work)

    def _patiently(self, rows: dict[str, Any]) -> int:
        give_up = time.monotonic() + SAVE_PATIENCE
        wait_ms = FIRST_TRY_MS
        while True:
            try:
                return self._write(rows, wait_ms)
            except StorageBusy as exc:
                left = give_up - time.monotonic()
                if left <= 0:
                    raise self._keep(rows, exc) from None
                if wait_ms == FIRST_TRY_MS and self.on_wait is not None:
                    self.on_wait()
                wait_ms = int(min(BUSY_TIMEOUT_MS, left * 1000))

    def _keep(self, rows: dict[str, Any], exc: StorageError) -> StorageError:
        try:
            kept = saving.keep(self.path.parent, rows)
        except OSError:
            return exc
        return StorageError(N_("the score file stayed busy (another program is using it), so "
                               "the game was kept in {kept}; it will be saved next time"),
                            kept=kept)

    def _save_pending(self, conn: sqlite3.Connection) -> None:
        """Save games kept in pending files by an earlier run (quietly left for later if the
        file is still busy)."""
        for path in saving.waiting(self.path.parent):
            rows = saving.read(path)
            if rows is None or newer(conn):
                continue
            try:
                with transaction(conn):
                    saving.write_rows(conn, rows)
                path.unlink()
            except (sqlite3.Error, OSError, KeyError, TypeError, ValueError):
                continue
            self.warnings.append(_("A game kept earlier in {file} was saved now.").format(
                file=path.name))

    def top(self, difficulty: str | None = None, limit: int = TOP,
            mode: str = "play", bank: str = BUILTIN_KEY) -> list[ScoreRow]:
        """Best games per difficulty of one bank, best first, each with its rank."""
        wanted = (difficulty,) if difficulty else DIFFICULTIES
        return self.run(lambda conn: [row for level in wanted
                                      for row in _top_for(conn, (bank, mode, level), limit)])


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_corrupt(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def _rank(conn: sqlite3.Connection, game_id: int) -> int:
    """1-based rank in the game's own table (bank, mode, level), counting at most TOP above.

    Equal scores: a party ranks less time used first, like its podium; else the earlier game.
    """
    row = conn.execute(
        "SELECT 1 + (SELECT COUNT(*) FROM (SELECT 1 FROM games o WHERE o.bank = g.bank"
        " AND o.mode = g.mode AND o.difficulty = g.difficulty AND (o.score > g.score"
        " OR (o.score = g.score AND (g.mode = 'party' AND o.time_used < g.time_used"
        " OR (o.time_used = g.time_used OR g.mode != 'party') AND o.id < g.id))) LIMIT ?))"
        " FROM games g WHERE g.id = ?",
        (TOP, game_id),
    ).fetchone()
    return int(row[0])


def _top_for(conn: sqlite3.Connection, table: tuple[str, str, str],
             limit: int) -> list[ScoreRow]:
    tie = "time_used, id" if table[1] == "party" else "id"
    rows = conn.execute(
        "SELECT name, score, difficulty, correct, total, played_at, mode, day, time_used"
        " FROM games WHERE bank = ? AND mode = ? AND difficulty = ?"
        f" ORDER BY score DESC, {tie} LIMIT ?", (*table, limit)).fetchall()
    out: list[ScoreRow] = []
    for n, (name, score, level, right, total, played, mode, day, used) in enumerate(rows, 1):
        # A party's exact tie (same score, same time) shares a place, as on its podium.
        same = mode == "party" and n > 1 and rows[n - 2][1] == score and rows[n - 2][8] == used
        out.append(ScoreRow(name, score, level, right, total, played, mode,
                            rank=out[-1].rank if same else n, day=day or ""))
    return out
