"""Frozen value types shared by the core and the edges."""


from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Difficulty(StrEnum):
    """How hard a question is; also selects a high-score table."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Kind(StrEnum):
    """How a question is answered."""

    CHOICE = "choice"
    TRUE_FALSE = "true_false"
    TEXT = "text"
    NUMBER = "number"


class Action(StrEnum):
    """Replies that are not answers: lifelines, and running out of time."""

    FIFTY = "50:50"
    SKIP = "skip"
    TIMEOUT = "timeout"


class Note(StrEnum):
    """Why a reply was judged as it was, for the UI to put in words."""

    WRONG_UNIT = "wrong_unit"  # the reply named another unit or scale; see Verdict.unit


#: What a player may give, once parsed: an option's index, a boolean, free text,
#: a number, or an Action.
Reply = Action | int | bool | str | float


class Question(NamedTuple):
    """One question of a bank; `answer` is str, bool or float by kind.

    A named tuple rather than a frozen dataclass: as immutable, and built five times faster,
    which a 100,000-question bank feels (`bank check`, issue 11)."""

    id: str
    category: str
    difficulty: Difficulty
    kind: Kind
    prompt: str
    answer: str | bool | float
    explanation: str
    source: str
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str = ""  # what a number question counts ("million", "minutes"); "" for none

    def answer_text(self) -> str:
        """The correct answer as a player would read it."""
        if self.kind is Kind.TRUE_FALSE:
            return "True" if self.answer else "False"
        if self.kind is Kind.NUMBER:
            return format_number(float(self.answer))
        return str(self.answer)


def format_number(value: float) -> str:
    """Show 44.0 as 44 and 2.5 as 2.5."""
    return str(int(value)) if value.is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True, eq=False)
class Turn:
    """A question as put to the player: options already in play order."""

    number: int
    total: int
    question: Question
    options: tuple[str, ...]
    score_so_far: int
    time_left: float | None = None
    lifelines: frozenset[Action] = frozenset()
    player: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class Verdict:
    """How a reply was judged."""

    correct: bool
    forgiven: bool = False
    partial: bool = False
    given: str = ""
    skipped: bool = False
    timed_out: bool = False
    halved: bool = False
    # What the judge read when it helped: "44 million" for "forty-four million", or the
    # accepted answer spelled right for a forgiven typo; "" when the reply speaks for itself.
    reading: str = ""
    note: Note | None = None
    unit: str = ""  # with Note.WRONG_UNIT: the unit the question counts in


@dataclass(frozen=True, slots=True, eq=False)
class Points:
    """The breakdown of one answer's points."""

    base: int = 0
    time: int = 0
    streak: int = 0
    partial: int = 0

    @property
    def total(self) -> int:
        """Points actually earned, never negative."""
        return max(0, self.base + self.time + self.streak + self.partial)


@dataclass(frozen=True, slots=True, eq=False)
class Outcome:
    """A finished turn: what was asked, how it went, and the running score."""

    turn: Turn
    verdict: Verdict
    points: Points
    score: int
    elapsed: float = 0.0
    streak: int = 0

    @property
    def missed(self) -> bool:
        """Whether the right answer was not given (wrong, close, skipped or timed out)."""
        return not self.verdict.correct


@dataclass(frozen=True, slots=True, eq=False)
class GameResult:
    """A finished game, ready to save and render."""

    name: str
    difficulty: str
    outcomes: tuple[Outcome, ...]

    @property
    def score(self) -> int:
        """The final score."""
        return self.outcomes[-1].score if self.outcomes else 0

    @property
    def correct(self) -> int:
        """How many answers were right."""
        return sum(1 for o in self.outcomes if o.verdict.correct)

    @property
    def total(self) -> int:
        """How many questions were asked."""
        return len(self.outcomes)

    @property
    def accuracy(self) -> float:
        """Share of right answers, 0.0 to 1.0."""
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True, eq=False)
class ScoreRow:
    """One row of the high-score table."""

    name: str
    score: int
    difficulty: str
    correct: int
    total: int
    played_at: str
    mode: str = "play"
    rank: int = 0
    day: str = ""  # the challenge date of a daily game


@dataclass(frozen=True, slots=True, eq=False)
class SaveReport:
    """What happened when a score was saved: rank (0 = not top 10) and any warning."""

    saved: bool
    rank: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
