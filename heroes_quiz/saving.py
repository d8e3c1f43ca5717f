"""A finished game as the rows the score file takes, and pending files: games the file could
not take (it stayed busy), kept as JSON beside it until the next run saves them. A finished
game is never silently lost."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from heroes_quiz import leitner
from heroes_quiz.models import GameResult

PREFIX = "pending-"


def keep(folder: Path, rows: dict[str, Any]) -> Path:
    """Write `rows` (one game, as storage writes it) to a new pending file; its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{PREFIX}{stamp}.json"
    scratch = target.with_suffix(".tmp")
    scratch.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    os.replace(scratch, target)  # a half-written file never looks like a pending game
    return target


def waiting(folder: Path) -> list[Path]:
    """Pending files, oldest first."""
    try:
        return sorted(folder.glob(f"{PREFIX}*.json"))
    except OSError:
        return []


def read(path: Path) -> dict[str, Any] | None:
    """A pending game's rows, or None if the file is not one (it is then left alone)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(rows, dict) and isinstance(rows.get("game"), dict) and \
        isinstance(rows.get("answers"), list) and isinstance(rows.get("answered"), list)
    return rows if ok else None


def time_used(result: GameResult) -> float:
    """Seconds spent answering, to the millisecond (a party's tie-break)."""
    return round(sum(o.elapsed for o in result.outcomes), 3)


GAME_COLUMNS = ("name", "mode", "bank", "difficulty", "score", "correct", "total",
                "played_at", "day", "time_used")


def game_rows(result: GameResult, where: tuple[str, str], when: str,
              day: str | None) -> dict[str, Any]:
    """One finished game as the rows it becomes (JSON-ready, for a pending file too)."""
    values = (result.name, *where, result.difficulty, result.score, result.correct,
              result.total, when, day, time_used(result))
    return {
        "game": dict(zip(GAME_COLUMNS, values, strict=True)),
        "answers": [[o.turn.question.id, o.turn.question.category, o.turn.question.difficulty,
                     int(o.verdict.correct), o.points.total, o.elapsed, int(o.verdict.skipped)]
                    for o in result.outcomes],
        "answered": [[o.turn.question.id, o.verdict.correct] for o in result.outcomes],
    }


def write_rows(conn: sqlite3.Connection, rows: dict[str, Any]) -> int:
    """Insert a game, its answers and its practice boxes (inside the caller's transaction)."""
    game = rows["game"]
    cur = conn.execute(
        f"INSERT INTO games ({', '.join(GAME_COLUMNS)})"
        f" VALUES ({', '.join('?' * len(GAME_COLUMNS))})",
        tuple(game[column] for column in GAME_COLUMNS))
    game_id = int(cur.lastrowid or 0)
    conn.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [(game_id, *answer) for answer in rows["answers"]])
    answered = [(str(qid), bool(right)) for qid, right in rows["answered"]]
    _update_boxes(conn, str(game["name"]), str(game["bank"]), answered)
    return game_id


def _update_boxes(conn: sqlite3.Connection, name: str, bank: str,
                  answered: list[tuple[str, bool]]) -> None:
    """Move every answered question through the player's Leitner boxes for this bank."""
    if not answered:
        return
    ids = sorted({qid for qid, _ in answered})
    marks = ",".join("?" * len(ids))
    boxes = dict(conn.execute(
        f"SELECT question_id, box FROM leitner WHERE bank = ? AND player = ?"
        f" AND question_id IN ({marks})", (bank, name, *ids)).fetchall())
    conn.executemany(
        "INSERT INTO leitner (bank, player, question_id, box) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (bank, player, question_id) DO UPDATE SET box = excluded.box",
        [(bank, name, qid, box)
         for qid, box in leitner.updates(boxes, answered).items()])
