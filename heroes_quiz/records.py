"""Stored history as read back for stats and the daily challenge (pure value types)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, eq=False)
class AnswerRow:
    """One stored answer, oldest first."""

    game_id: int
    mode: str
    day: str | None
    category: str
    difficulty: str
    correct: bool
    elapsed: float


@dataclass(frozen=True, slots=True, eq=False)
class DailyGame:
    """A player's stored daily game."""

    day: str
    score: int
    marks: tuple[bool, ...]
