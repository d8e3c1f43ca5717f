"""Practice, daily challenge, party and stats as plain functions returning frozen results."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from heroes_quiz import app, daily, engine, history, i18n, leitner, party, stats
from heroes_quiz.bank import Bank
from heroes_quiz.errors import BankError, UsageError
from heroes_quiz.models import Question

PRACTICE_COUNT = 10


@dataclass(frozen=True, slots=True, eq=False)
class PracticePlan:
    """What is waiting in a player's practice boxes on one bank."""

    name: str
    bank: Bank
    boxes: dict[str, int]
    due: tuple[Question, ...]  # this round's questions, lowest box first

    @property
    def waiting(self) -> tuple[int, ...]:
        """How many questions sit in box 1, 2 and 3."""
        return leitner.box_counts(self.boxes, self.bank.questions)


@dataclass(frozen=True, slots=True, eq=False)
class PracticeReport:
    """A practice round and what is still left to practise, box by box."""

    played: app.PlayReport
    waiting: tuple[int, ...]

    @property
    def still_due(self) -> int:
        """How many questions are still in boxes 1-3."""
        return sum(self.waiting)


def practice_plan(name: str, bank: Path | None, count: int = PRACTICE_COUNT) -> PracticePlan:
    """The player's boxes and up to `count` questions due, lowest box first."""
    loaded = app.load_bank(bank)
    boxes = history.boxes(app.store(), name, loaded.key)
    return PracticePlan(name, loaded, boxes, tuple(leitner.due(boxes, loaded.questions, count)))


def practice(plan: PracticePlan, prompter: engine.Prompter) -> PracticeReport:
    """Re-ask the planned questions and move them through the boxes."""
    result = engine.play(plan.due, prompter, random.Random(), name=plan.name,
                         difficulty=engine.MIXED,
                         rules=engine.Rules(lifelines=False, lang=i18n.language()))
    report = app.record(result, mode="practice", bank=plan.bank.key)
    boxes = plan.boxes
    if report.save.saved:  # the same moves the save just stored
        answered = [(o.turn.question.id, o.verdict.correct) for o in result.outcomes]
        boxes = {**boxes, **leitner.updates(boxes, answered)}
    return PracticeReport(report, leitner.box_counts(boxes, plan.bank.questions))


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


def _days_played(name: str, bank: str) -> list[date]:
    return [date.fromisoformat(d) for d in history.daily_days(app.store(), name, bank)]


def check_day(day: date, today: date | None = None) -> None:
    """Refuse a daily challenge from the future (UsageError, exit 2)."""
    today = today or date.today()
    if day > today:
        raise UsageError(i18n.N_("The daily challenge for {day} is not open yet: today is "
                                 "{today}."), day=day.isoformat(), today=today.isoformat())


def daily_challenge(name: str, day: date, bank: Path | None,
                    prompter: engine.Prompter) -> DailyReport:
    """Play the date's five questions once; a second attempt returns the first result."""
    check_day(day)
    loaded = app.load_bank(bank)
    earlier = history.daily_game(app.store(), name, day.isoformat(), loaded.key)
    if earlier is not None:
        streak = daily.day_streak(_days_played(name, loaded.key), day)
        return DailyReport(day, earlier.marks, earlier.score, streak)
    questions = daily.pick(loaded.questions, day)
    result = engine.play(questions, prompter, daily.rng(day), name=name, difficulty=engine.MIXED)
    report = app.record(result, mode="daily", day=day.isoformat(), bank=loaded.key)
    marks = tuple(o.verdict.correct for o in result.outcomes)
    saved = report.save.saved
    streak = daily.day_streak(_days_played(name, loaded.key), day) if saved else 1
    return DailyReport(day, marks, result.score, streak, report)


@dataclass(frozen=True, slots=True, eq=False)
class PartyReport:
    """A finished party and how saving went."""

    result: party.PartyResult
    saved: tuple[app.PlayReport, ...]


def party_game(names: list[str], rounds: int, difficulty: str, bank: Path | None,
               prompter: party.PartyPrompter, *, seed: int | None = None,
               rules: engine.Rules | None = None) -> PartyReport:
    """Hot-seat rounds: every player gets a question of their own each round."""
    loaded = app.load_bank(bank)
    rng = random.Random(seed)
    picked = app.select_from(loaded, rng, difficulty=difficulty,
                             count=rounds * len(names)).questions
    if len(picked) < len(names):
        raise BankError(i18n.N_("{bank}: not enough {level} questions for {count} players."),
                        bank=loaded.origin, level=difficulty, count=len(names))
    result = party.play_party(names, picked, prompter, rng, difficulty=difficulty, rules=rules)
    saved = tuple(app.record(g, mode="party", bank=loaded.key) for g in result.games)
    return PartyReport(result, saved)


def player_stats(name: str, today: date | None = None, bank: Path | None = None) -> stats.Stats:
    """Games, accuracy per category and level, best streak, answer time, daily streak."""
    today, key = today or date.today(), app.bank_key(bank)
    days = _days_played(name, key)
    # A streak is still alive today if yesterday was played.
    streak = daily.day_streak(days, today) or daily.day_streak(days, today - timedelta(days=1))
    return stats.compute(name, history.answers(app.store(), name, key), streak)

