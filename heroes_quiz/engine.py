"""Question selection and turn flow (pure: prompter, rng and clock are injected)."""

import dataclasses
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from heroes_quiz import answers, scoring
from heroes_quiz.errors import NothingMatches
from heroes_quiz.models import (
    Action,
    Difficulty,
    GameResult,
    Kind,
    Outcome,
    Question,
    Reply,
    Turn,
    Verdict,
)

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


class Selection(NamedTuple):
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
    seen: Mapping[str, int] | None = None,
) -> Selection:
    """Draw up to `count` distinct questions at random.

    With `seen` (question id → how recently the player saw it, higher is more recent),
    unseen questions come first, then the longest unseen.
    """
    wanted = frozenset(c.casefold() for c in categories)
    pool = [q for q in bank if matches(q, difficulty, wanted)]
    if not pool:
        raise NothingMatches()  # the caller words it: the core builds no sentences
    size = min(count, len(pool))
    if not seen:
        return Selection(tuple(rng.sample(pool, size)), count)
    rng.shuffle(pool)
    pool.sort(key=lambda q: seen.get(q.id, -1))
    picked = pool[:size]
    rng.shuffle(picked)
    return Selection(tuple(picked), count)




def options_for(question: Question, rng: random.Random) -> tuple[str, ...]:
    """The options in play order: shuffled choices, or True/False."""
    if question.kind is Kind.CHOICE:
        return tuple(rng.sample(question.choices, len(question.choices)))
    if question.kind is Kind.TRUE_FALSE:
        return TRUE_FALSE_OPTIONS
    return ()


@dataclass
class Player:
    """One player's running game (mutable; the engine alone changes it)."""

    name: str
    score: int = 0
    streak: int = 0
    lifelines: set[Action] = field(default_factory=lambda: {Action.FIFTY, Action.SKIP})
    outcomes: list[Outcome] = field(default_factory=list)

    def result(self, difficulty: str) -> GameResult:
        """The finished game."""
        return GameResult(self.name, difficulty, tuple(self.outcomes))


DEFAULT_LIMITS = {Difficulty.EASY: 30.0, Difficulty.MEDIUM: 20.0, Difficulty.HARD: 15.0}


@dataclass(frozen=True, slots=True, eq=False)
class Rules:
    """Settings that shape every turn: seconds allowed per level (none: no timer)."""

    time_limits: Mapping[Difficulty, float] | None = None
    lifelines: bool = True
    hot_seat: bool = False
    clock: Callable[[], float] = time.monotonic
    lang: str = "en"  # the judge reads number words, dates and yes/no in this language first

    @classmethod
    def timed(cls, seconds: float | None = None, **kw: Any) -> "Rules":
        """A timer of `seconds` for every level, or the per-level defaults."""
        limits = dict.fromkeys(Difficulty, seconds) if seconds else DEFAULT_LIMITS
        return cls(time_limits=limits, **kw)

    def limit_for(self, question: Question) -> float | None:
        """Seconds allowed for this question, if timed."""
        return None if self.time_limits is None else self.time_limits[question.difficulty]


def fifty_fifty(question: Question, options: tuple[str, ...], rng: random.Random
                ) -> tuple[str, ...]:
    """Remove two wrong options (always leaving at least two), keeping the order."""
    wrong = [o for o in options if o != question.answer]
    drop = set(rng.sample(wrong, min(2, len(options) - 2)))
    return tuple(o for o in options if o not in drop)


def _available(player: Player, options: tuple[str, ...], rules: Rules) -> frozenset[Action]:
    if not rules.lifelines:
        return frozenset()
    usable = set(player.lifelines)
    if len(options) <= 2:
        usable.discard(Action.FIFTY)
    return frozenset(usable)


def _verdict(question: Question, reply: Reply, options: tuple[str, ...], halved: bool,
             lang: str) -> Verdict:
    if reply is Action.SKIP:
        return Verdict(correct=False, skipped=True)
    if reply is Action.TIMEOUT:
        return Verdict(correct=False, timed_out=True)
    verdict = answers.judge(question, reply, options, lang)
    return dataclasses.replace(verdict, halved=halved and verdict.correct)


def _ask(player: Player, question: Question, place: tuple[int, int], prompter: Prompter,
         *, rng: random.Random, rules: Rules) -> tuple[Turn, Reply, bool, float]:
    """Put the question until it gets an answer, a skip or a timeout; 50:50 re-asks.

    Returns the last turn shown, the reply, whether a 50:50 was used and the seconds taken.
    """
    options, halved = options_for(question, rng), False
    started, limit = rules.clock(), rules.limit_for(question)
    while True:
        left = None if limit is None else limit - (rules.clock() - started)
        turn = Turn(place[0], place[1], question, options, player.score, left,
                    _available(player, options, rules), player.name if rules.hot_seat else "")
        reply = prompter.ask(turn)
        # Action is a str enum: compare by type, or a typed answer "skip" would match.
        if isinstance(reply, Action) and reply is not Action.TIMEOUT:
            if reply not in turn.lifelines:
                continue
            player.lifelines.discard(reply)
        if reply is not Action.FIFTY:
            return turn, reply, halved, rules.clock() - started
        options, halved = fifty_fifty(question, options, rng), True


def take_turn(player: Player, question: Question, place: tuple[int, int], prompter: Prompter,
              *, rng: random.Random, rules: Rules) -> Outcome:
    """Ask one question (with any lifeline the player uses), judge it and score it."""
    turn, reply, halved, elapsed = _ask(player, question, place, prompter, rng=rng, rules=rules)
    verdict = _verdict(question, reply, turn.options, halved, rules.lang)
    player.streak = scoring.next_streak(player.streak, verdict)
    points = scoring.score_answer(question.difficulty, verdict, streak=player.streak,
                                  elapsed=elapsed, limit=rules.limit_for(question))
    player.score += points.total
    outcome = Outcome(turn, verdict, points, player.score, elapsed, player.streak)
    player.outcomes.append(outcome)
    prompter.feedback(outcome)
    return outcome


def play(
    questions: Sequence[Question],
    prompter: Prompter,
    rng: random.Random,
    *,
    name: str = "Player",
    difficulty: str = MIXED,
    rules: Rules | None = None,
) -> GameResult:
    """Ask every question in turn and return the finished game."""
    player, rules = Player(name), rules or Rules()
    for number, question in enumerate(questions, start=1):
        take_turn(player, question, (number, len(questions)), prompter, rng=rng, rules=rules)
    return player.result(difficulty)
