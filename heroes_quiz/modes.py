"""Practice, daily challenge, party and stats as plain functions returning frozen results."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from heroes_quiz import app, daily, engine, history, leitner, party, stats
from heroes_quiz.errors import BankError

PRACTICE_COUNT = 10


@dataclass(frozen=True, slots=True, eq=False)
class PracticeReport:
    """A practice round and what is still left to practise."""

    played: app.PlayReport
    still_due: int


def practice(name: str, bank: Path | None, prompter: engine.Prompter,
             count: int = PRACTICE_COUNT) -> PracticeReport | None:
    """Re-ask the player's missed questions, lowest Leitner box first; None if none are due."""
    loaded = app.load_bank(bank)
    boxes = history.boxes(app.store(), name)
    due = leitner.due(boxes, loaded.questions, count)
    if not due:
        return None
    result = engine.play(due, prompter, random.Random(), name=name, difficulty=engine.MIXED,
                         rules=engine.Rules(lifelines=False))
    report = app.record(result, mode="practice")
    if report.save.saved:  # the same moves the save just stored
        answered = [(o.turn.question.id, o.verdict.correct) for o in result.outcomes]
        boxes = {**boxes, **leitner.updates(boxes, answered)}
    return PracticeReport(report, leitner.still_due(boxes, loaded.questions))


@dataclass(frozen=True, slots=True, eq=False)
class DailyReport:
    """Today's daily challenge: played now, or played before (then nothing was asked)."""

    day: date
    marks: tuple[bool, ...]
    score: int
    streak: int
    played: app.PlayReport | None = None

    @property
    def card(self) -> str:
        """The share card."""
        return daily.share_card(self.day, self.marks, self.streak)


def _days_played(name: str) -> list[date]:
    return [date.fromisoformat(d) for d in history.daily_days(app.store(), name)]


def daily_challenge(name: str, day: date, bank: Path | None,
                    prompter: engine.Prompter) -> DailyReport:
    """Play the date's five questions once; a second attempt returns the first result."""
    loaded = app.load_bank(bank)
    earlier = history.daily_game(app.store(), name, day.isoformat())
    if earlier is not None:
        streak = daily.day_streak(_days_played(name), day)
        return DailyReport(day, earlier.marks, earlier.score, streak)
    questions = daily.pick(loaded.questions, day)
    result = engine.play(questions, prompter, daily.rng(day), name=name, difficulty=engine.MIXED)
    report = app.record(result, mode="daily", day=day.isoformat())
    marks = tuple(o.verdict.correct for o in result.outcomes)
    streak = daily.day_streak(_days_played(name), day) if report.save.saved else 1
    return DailyReport(day, marks, result.score, streak, report)


@dataclass(frozen=True, slots=True, eq=False)
class PartyReport:
    """A finished party and how saving went."""

    result: party.PartyResult
    saved: tuple[app.PlayReport, ...]


def party_game(names: list[str], rounds: int, difficulty: str, bank: Path | None,
               prompter: party.PartyPrompter, *, seed: int | None = None) -> PartyReport:
    """Hot-seat rounds: every player gets a question of their own each round."""
    loaded = app.load_bank(bank)
    rng = random.Random(seed)
    picked = app.select_from(loaded, rng, difficulty=difficulty,
                             count=rounds * len(names)).questions
    if len(picked) < len(names):
        raise BankError(f"{loaded.origin}: not enough {difficulty} questions for "
                        f"{len(names)} players.")
    result = party.play_party(names, picked, prompter, rng, difficulty=difficulty)
    return PartyReport(result, tuple(app.record(g, mode="party") for g in result.games))


def player_stats(name: str, today: date | None = None) -> stats.Stats:
    """Games, accuracy per category and level, best streak, answer time, daily streak."""
    today = today or date.today()
    days = _days_played(name)
    # A streak is still alive today if yesterday was played.
    streak = daily.day_streak(days, today) or daily.day_streak(days, today - timedelta(days=1))
    return stats.compute(name, history.answers(app.store(), name), streak)

