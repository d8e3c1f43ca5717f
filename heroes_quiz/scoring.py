"""Scoring rules (pure). README's "Scoring" section mirrors this module."""

from __future__ import annotations

from heroes_quiz.models import Difficulty, Points, Verdict

BASE_POINTS = {Difficulty.EASY: 100, Difficulty.MEDIUM: 200, Difficulty.HARD: 300}
STREAK_STEP = 0.10
STREAK_CAP = 5
FULL_SPEED_SECONDS = 0.5


def base_points(difficulty: Difficulty) -> int:
    """Points a right answer is worth before speed and streak."""
    return BASE_POINTS[difficulty]


def speed_points(base: int, elapsed: float, limit: float | None) -> int:
    """Kahoot-style: round(base × (1 − (t / limit) / 2)); full points without a limit."""
    if limit is None or limit <= 0 or elapsed < FULL_SPEED_SECONDS:
        return base
    share = min(max(elapsed, 0.0) / limit, 1.0)
    return round(base * (1 - share / 2))


def next_streak(streak: int, verdict: Verdict) -> int:
    """Consecutive right answers after this one; a skip keeps the streak as it is."""
    if verdict.skipped:
        return streak
    return streak + 1 if verdict.correct else 0


def score_answer(
    difficulty: Difficulty,
    verdict: Verdict,
    *,
    streak: int = 0,
    elapsed: float = 0.0,
    limit: float | None = None,
) -> Points:
    """Points for one answer; `streak` counts right answers in a row including this one."""
    base = base_points(difficulty)
    if not (verdict.correct or verdict.partial):
        return Points()
    earned = speed_points(base, elapsed, limit)
    bonus = 0
    if verdict.correct:
        bonus = round(base * STREAK_STEP * min(max(streak - 1, 0), STREAK_CAP))
    whole = earned + bonus
    halve = verdict.partial or verdict.halved
    return Points(base=base, time=earned - base, streak=bonus,
                  partial=-(whole - whole // 2) if halve else 0)
