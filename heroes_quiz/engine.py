"""Question selection and turn flow (pure: prompter, rng and clock are injected)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from heroes_quiz import answers, scoring
from heroes_quiz.errors import BankError
from heroes_quiz.models import Difficulty, GameResult, Kind, Outcome, Question, Reply, Turn

MIXED = "mixed"
TRUE_FALSE_OPTIONS = ("True", "False")


class Prompter(Protocol):
    """What the engine needs from a user interface."""

    def ask(self, turn: Turn) -> Reply:
        """Put the turn to the player and return the parsed reply."""
        ...

    def feedback(self, outcome: Outcome) -> None:
        """Show how the turn went."""
        ...


@dataclass(frozen=True, slots=True)
class Selection:
    """The questions drawn for a game, and how many short of the request."""

    questions: tuple[Question, ...]
    requested: int

    @property
    def short_of(self) -> int:
        """How many fewer questions matched than were asked for."""
        return max(0, self.requested - len(self.questions))


def matches(question: Question, difficulty: str, categories: frozenset[str]) -> bool:
    """Whether a question fits the chosen difficulty and categories."""
    if difficulty not in (MIXED, question.difficulty):
        return False
    return not categories or question.category.casefold() in categories


def select(
    bank: Iterable[Question],
    rng: random.Random,
    *,
    difficulty: str = MIXED,
    categories: Sequence[str] = (),
    count: int = 10,
) -> Selection:
    """Draw up to `count` distinct questions at random; linear in the bank."""
    wanted = frozenset(c.casefold() for c in categories)
    pool = [q for q in bank if matches(q, difficulty, wanted)]
    if not pool:
        raise BankError(_nothing_matches(difficulty, categories))
    picked = rng.sample(pool, min(count, len(pool)))
    return Selection(tuple(picked), count)


def _nothing_matches(difficulty: str, categories: Sequence[str]) -> str:
    what = f"difficulty {difficulty}"
    if categories:
        what += " and category " + ", ".join(categories)
    return f"No questions match {what}. Try `heroes-quiz bank list` to see what there is."


def options_for(question: Question, rng: random.Random) -> tuple[str, ...]:
    """The options in play order: shuffled choices, or True/False."""
    if question.kind is Kind.CHOICE:
        return tuple(rng.sample(question.choices, len(question.choices)))
    if question.kind is Kind.TRUE_FALSE:
        return TRUE_FALSE_OPTIONS
    return ()


def play(
    questions: Sequence[Question],
    prompter: Prompter,
    rng: random.Random,
    *,
    name: str = "Player",
    difficulty: str = MIXED,
    clock: Callable[[], float] = time.monotonic,
    short_of: int = 0,
) -> GameResult:
    """Ask every question in turn and return the finished game."""
    outcomes: list[Outcome] = []
    score = streak = 0
    for number, question in enumerate(questions, start=1):
        turn = Turn(number, len(questions), question, options_for(question, rng), score, streak)
        started = clock()
        reply = prompter.ask(turn)
        elapsed = clock() - started
        verdict = answers.judge(question, reply, turn.options)
        streak = scoring.next_streak(streak, verdict)
        points = scoring.score_answer(Difficulty(question.difficulty), verdict, streak=streak)
        score += points.total
        outcome = Outcome(turn, verdict, points, score, elapsed)
        outcomes.append(outcome)
        prompter.feedback(outcome)
    return GameResult(name, difficulty, tuple(outcomes), short_of)
