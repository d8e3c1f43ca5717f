"""Scoring rules, one test per rule, plus invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heroes_quiz import scoring
from heroes_quiz.models import Difficulty, Points, Verdict

RIGHT, WRONG, HALF = Verdict(correct=True), Verdict(correct=False), Verdict(False, partial=True)


@pytest.mark.parametrize(("level", "points"), [
    (Difficulty.EASY, 100), (Difficulty.MEDIUM, 200), (Difficulty.HARD, 300),
])
def test_base_points_by_difficulty(level: Difficulty, points: int) -> None:
    assert scoring.score_answer(level, RIGHT, streak=1).total == points


def test_wrong_answer_scores_nothing() -> None:
    assert scoring.score_answer(Difficulty.HARD, WRONG, streak=0).total == 0


def test_speed_scaling_kahoot_style() -> None:
    assert scoring.speed_points(200, 0.4, 20) == 200  # under half a second: full
    assert scoring.speed_points(200, 10, 20) == 150
    assert scoring.speed_points(200, 20, 20) == 100
    assert scoring.speed_points(200, 99, 20) == 100  # never below half
    assert scoring.speed_points(200, 10, None) == 200  # no timer: base points


def test_streak_bonus_grows_ten_percent_and_caps_at_fifty() -> None:
    bonuses = [scoring.score_answer(Difficulty.MEDIUM, RIGHT, streak=n).streak
               for n in range(1, 9)]
    assert bonuses == [0, 20, 40, 60, 80, 100, 100, 100]


def test_streak_resets_on_a_miss() -> None:
    assert scoring.next_streak(4, RIGHT) == 5
    assert scoring.next_streak(4, WRONG) == 0
    assert scoring.next_streak(4, HALF) == 0


def test_close_number_earns_half_without_streak() -> None:
    points = scoring.score_answer(Difficulty.MEDIUM, HALF, streak=0)
    assert points.total == 100 and points.streak == 0


def test_breakdown_text() -> None:
    from heroes_quiz.ui import render  # the sum is worded at the edge (--details)

    points = Points(base=200, time=-38, streak=40)
    assert render.breakdown(points) == "200 base · −38 time · +40 streak = 202"
    assert render.breakdown(Points()) == "0 points"


@given(st.sampled_from(list(Difficulty)), st.booleans(), st.booleans(),
       st.integers(0, 50), st.floats(-5, 500), st.none() | st.floats(0, 60))
def test_points_never_negative_nor_above_one_and_a_half_base(
    level: Difficulty, correct: bool, partial: bool, streak: int, elapsed: float,
    limit: float | None,
) -> None:
    points = scoring.score_answer(level, Verdict(correct, partial=partial), streak=streak,
                                  elapsed=elapsed, limit=limit)
    assert 0 <= points.total <= scoring.base_points(level) * 1.5


def test_readme_worked_example() -> None:
    """The medium game in README's "Scoring" section, answer by answer."""
    medium, limit = Difficulty.MEDIUM, 20.0
    skip, timeout = Verdict(False, skipped=True), Verdict(False, timed_out=True)
    plays = [(RIGHT, 5.0), (RIGHT, 0.4), (RIGHT, 10.0), (skip, 0.0), (RIGHT, 4.0),
             (timeout, 20.0), (Verdict(True, halved=True), 6.0)]
    streak, totals = 0, []
    for verdict, seconds in plays:
        streak = scoring.next_streak(streak, verdict)
        totals.append(scoring.score_answer(medium, verdict, streak=streak, elapsed=seconds,
                                           limit=limit).total)
    assert totals == [175, 220, 190, 0, 240, 0, 85]
    assert sum(totals) == 910
