"""A player's statistics from stored answers (pure)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from heroes_quiz.records import AnswerRow


@dataclass(frozen=True, slots=True, eq=False)
class Accuracy:
    """Right answers out of asked."""

    correct: int
    total: int

    @property
    def percent(self) -> int:
        """Whole-number percentage."""
        return round(100 * self.correct / self.total) if self.total else 0


@dataclass(frozen=True, slots=True, eq=False)
class Stats:
    """Everything `heroes-quiz stats` shows."""

    name: str
    games: int
    answers: int
    categories: dict[str, Accuracy]
    difficulties: dict[str, Accuracy]
    best_streak: int
    average_time: float
    daily_streak: int

    def to_json(self) -> dict[str, Any]:
        """Plain data for `--json`."""
        def table(rows: dict[str, Accuracy]) -> dict[str, dict[str, int]]:
            return {k: {"correct": v.correct, "total": v.total, "percent": v.percent}
                    for k, v in rows.items()}

        return {"name": self.name, "games": self.games, "answers": self.answers,
                "categories": table(self.categories), "difficulties": table(self.difficulties),
                "best_streak": self.best_streak, "average_time": round(self.average_time, 2),
                "daily_streak": self.daily_streak}


def _accuracy(rows: Sequence[AnswerRow], key: str) -> dict[str, Accuracy]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        counts = tally[getattr(row, key)]
        counts[0] += row.correct
        counts[1] += 1
    return {k: Accuracy(*tally[k]) for k in sorted(tally)}


def longest_run(marks: Sequence[bool | None]) -> int:
    """The longest run of True; None (a skip) neither extends nor breaks a run."""
    best = run = 0
    for ok in marks:
        if ok is None:
            continue
        run = run + 1 if ok else 0
        best = max(best, run)
    return best


def compute(name: str, rows: Sequence[AnswerRow], daily_streak: int) -> Stats:
    """Fold stored answers into statistics; streaks do not run across games."""
    by_game: dict[int, list[bool | None]] = defaultdict(list)
    for row in rows:
        by_game[row.game_id].append(None if row.skipped else row.correct)
    timed = [r.elapsed for r in rows if r.elapsed > 0]
    return Stats(
        name=name, games=len(by_game), answers=len(rows),
        categories=_accuracy(rows, "category"), difficulties=_accuracy(rows, "difficulty"),
        best_streak=max((longest_run(m) for m in by_game.values()), default=0),
        average_time=sum(timed) / len(timed) if timed else 0.0, daily_streak=daily_streak,
    )
