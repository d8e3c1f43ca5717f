"""Stored history as read back for stats and the daily challenge (pure value types)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, eq=False)
class AnswerRow:
    """One stored answer, oldest first."""

    game_id: int
    category: str
    difficulty: str
    correct: bool
    elapsed: float
    skipped: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class DailyGame:
    """A player's stored daily game."""

    day: str
    score: int
    marks: tuple[bool, ...]
