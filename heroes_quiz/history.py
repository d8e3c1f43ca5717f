"""What a player has done before on one bank: seen questions, practice boxes, daily games,
answers."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from heroes_quiz.storage import Store

if TYPE_CHECKING:
    from heroes_quiz.records import AnswerRow, DailyGame


def seen(store: Store, player: str, bank: str) -> dict[str, int]:
    """Question id → recency (higher = seen more recently) for this player."""
    return dict(store.run(lambda conn: conn.execute(
        "SELECT a.question_id, MAX(a.rowid) FROM answers a JOIN games g ON g.id = a.game_id"
        " WHERE g.name = ? COLLATE NOCASE AND g.bank = ? GROUP BY a.question_id",
        (player, bank)).fetchall()))


def boxes(store: Store, player: str, bank: str) -> dict[str, int]:
    """Question id → Leitner box for this player."""
    return dict(store.run(lambda conn: conn.execute(
        "SELECT question_id, box FROM leitner WHERE player = ? AND bank = ?",
        (player, bank)).fetchall()))


def _daily(conn: sqlite3.Connection, player: str, day: str, bank: str) -> DailyGame | None:
    row = conn.execute("SELECT id, score FROM games WHERE mode = 'daily' AND day = ?"
                       " AND name = ? COLLATE NOCASE AND bank = ?", (day, player, bank)).fetchone()
    if row is None:
        return None
    from heroes_quiz.records import DailyGame  # a plain game never reads these back

    marks = conn.execute("SELECT correct FROM answers WHERE game_id = ? ORDER BY rowid",
                         (row[0],)).fetchall()
    return DailyGame(day, int(row[1]), tuple(bool(m[0]) for m in marks))


def daily_game(store: Store, player: str, day: str, bank: str) -> DailyGame | None:
    """The player's daily game for `day`, if played."""
    return store.run(lambda conn: _daily(conn, player, day, bank))


def daily_days(store: Store, player: str, bank: str) -> list[str]:
    """Every date on which the player has a daily game."""
    return [r[0] for r in store.run(lambda conn: conn.execute(
        "SELECT DISTINCT day FROM games WHERE mode = 'daily' AND name = ? COLLATE NOCASE"
        " AND bank = ?", (player, bank)).fetchall())]


def answers(store: Store, player: str, bank: str) -> list[AnswerRow]:
    """All the player's stored answers, oldest first."""
    rows = store.run(lambda conn: conn.execute(
        "SELECT g.id, a.category, a.difficulty, a.correct, a.elapsed, a.skipped"
        " FROM games g JOIN answers a ON a.game_id = g.id WHERE g.name = ? COLLATE NOCASE"
        " AND g.bank = ? ORDER BY g.id, a.rowid", (player, bank)).fetchall())
    from heroes_quiz.records import AnswerRow

    return [AnswerRow(int(r[0]), r[1], r[2], bool(r[3]), float(r[4]), bool(r[5])) for r in rows]
