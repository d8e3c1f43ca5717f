"""Validation of raw question records into Questions (pure).

Every problem is collected, so an author sees all of them at once.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from heroes_quiz import canon
from heroes_quiz.answers import normalize
from heroes_quiz.models import Difficulty, Kind, Question

COMMON = ("id", "category", "difficulty", "kind", "prompt", "answer", "explanation", "source")
EXTRA = {Kind.CHOICE: ("choices",), Kind.TEXT: ("accept",), Kind.NUMBER: ("tolerance", "unit")}
MIN_CHOICES, MAX_CHOICES = 3, 5
NEAR_MISS = 85.0
E = TypeVar("E", Difficulty, Kind)


class Record(NamedTuple):
    """A raw question and where it came from, for messages."""

    data: Mapping[str, Any]
    file: str
    position: int

    def label(self) -> str:
        """`question ID`, or `#N` when the id is missing."""
        qid = self.data.get("id")
        return f"question {qid}" if isinstance(qid, str) and qid.strip() else f"#{self.position}"


class Problems:
    """Collects `FILE: question ID: what is wrong` lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, record: Record, what: str) -> None:
        """Note one problem with a record."""
        self.lines.append(f"{record.file}: {record.label()}: {what}")


def _text(rec: Record, key: str, problems: Problems) -> str:
    value = rec.data.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.add(rec, f"'{key}' must be non-empty text")
        return ""
    return value.strip()


def _enum(rec: Record, key: str, enum: type[E], problems: Problems) -> E | None:
    value = rec.data.get(key)
    try:
        return enum(str(value))
    except ValueError:
        known = " | ".join(m.value for m in enum)
        problems.add(rec, f"'{key}' is {value!r}; expected {known}")
        return None


def _choices(rec: Record, answer: object, problems: Problems) -> tuple[str, ...]:
    raw = rec.data.get("choices")
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        problems.add(rec, "'choices' must be a list of non-empty texts")
        return ()
    choices = tuple(c.strip() for c in raw)
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        problems.add(rec, f"needs 3 to 5 choices, has {len(choices)}")
    if len({" ".join(c.casefold().split()) for c in choices}) != len(choices):
        problems.add(rec, "choices are not all different")
    if answer not in choices:
        problems.add(rec, f"answer {answer!r} is not among the choices")
    return choices


def _accept(rec: Record, problems: Problems) -> tuple[str, ...]:
    raw = rec.data.get("accept", [])
    if not isinstance(raw, list) or not all(isinstance(a, str) for a in raw):
        problems.add(rec, "'accept' must be a list of texts")
        return ()
    if any(not normalize(a) for a in raw):
        problems.add(rec, "'accept' has a blank entry")
    return tuple(a.strip() for a in raw if normalize(a))


def _number(rec: Record, key: str, problems: Problems, default: float | None = None) -> float:
    value = rec.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.add(rec, f"'{key}' must be a finite number")
        return 0.0
    return float(value)


def _unit(rec: Record, problems: Problems) -> str:
    value = rec.data.get("unit", "")
    if not isinstance(value, str):
        problems.add(rec, "'unit' must be text, such as \"million\" or \"minutes\"")
        return ""
    return value.strip()


def _answer(rec: Record, kind: Kind, problems: Problems) -> str | bool | float:
    if kind is Kind.TRUE_FALSE:
        value = rec.data.get("answer")
        if not isinstance(value, bool):
            problems.add(rec, "a true_false answer must be true or false")
        return bool(value)
    if kind is Kind.NUMBER:
        return _number(rec, "answer", problems)
    return _text(rec, "answer", problems)


def to_question(rec: Record, problems: Problems) -> Question | None:
    """Check one record; return its Question, or None if it has problems."""
    before = len(problems.lines)
    keys = ("id", "category", "prompt", "explanation", "source")
    fields = {k: _text(rec, k, problems) for k in keys}
    difficulty = _enum(rec, "difficulty", Difficulty, problems)
    kind = _enum(rec, "kind", Kind, problems)
    if kind is None or difficulty is None:
        return None
    unknown = set(rec.data) - set(COMMON) - set(EXTRA.get(kind, ()))
    if unknown:
        names = ", ".join(sorted(unknown))
        problems.add(rec, f"unexpected field(s) for a {kind} question: {names}")
    answer = _answer(rec, kind, problems)
    choices = _choices(rec, answer, problems) if kind is Kind.CHOICE else ()
    accept = _accept(rec, problems) if kind is Kind.TEXT else ()
    tolerance = _number(rec, "tolerance", problems, 0) if kind is Kind.NUMBER else 0.0
    if tolerance < 0:
        problems.add(rec, "'tolerance' must be 0 or more")
    unit = _unit(rec, problems) if kind is Kind.NUMBER else ""
    if len(problems.lines) > before:
        return None
    return Question(difficulty=difficulty, kind=kind, answer=answer, choices=choices,
                    accept=accept, tolerance=tolerance, unit=unit, **fields)


def trusted(data: Mapping[str, Any]) -> Question:
    """A Question from a record validated before (the wheel's compiled bank)."""
    kind = Kind(data["kind"])
    answer = data["answer"]
    return Question(
        id=data["id"], category=data["category"], difficulty=Difficulty(data["difficulty"]),
        kind=kind, prompt=data["prompt"], explanation=data["explanation"],
        source=data["source"], choices=tuple(data.get("choices", ())),
        accept=tuple(data.get("accept", ())), tolerance=float(data.get("tolerance", 0.0)),
        unit=str(data.get("unit", "")),
        answer=float(answer) if kind is Kind.NUMBER else answer)


def check_unique(records: Sequence[Record], problems: Problems) -> None:
    """Ids and prompts must be unique across a bank."""
    seen_ids: dict[str, Record] = {}
    seen_prompts: dict[str, Record] = {}
    for rec in records:
        qid, prompt = rec.data.get("id"), rec.data.get("prompt")
        if isinstance(qid, str) and qid.strip() and (
            first := seen_ids.setdefault(qid.strip(), rec)
        ) is not rec:
            problems.add(rec, f"duplicate id (first used at #{first.position} in {first.file})")
        key = " ".join(prompt.casefold().split()) if isinstance(prompt, str) else ""
        if key and (first := seen_prompts.setdefault(key, rec)) is not rec:
            problems.add(rec, f"same prompt as {first.label()}")


def _strings(question: Question) -> Iterable[str]:
    if isinstance(question.answer, str):
        yield question.answer
    yield from question.choices
    yield from question.accept


@functools.cache
def _canon_forms() -> tuple[dict[str, str], list[str]]:
    names = canon.all_names()
    normalized = {normalize(name): names[name] for name in names}
    return normalized, list(normalized)


def check_spelling(question: Question, rec: Record, problems: Problems) -> None:
    """Flag misspelt cast names and the articles' known typos (built-in bank only)."""
    from rapidfuzz import fuzz, process  # only the built-in bank's spelling check needs it

    normalized, choices = _canon_forms()
    for value in _strings(question):
        form = normalize(value)
        if form in normalized:
            continue
        near = process.extractOne(form, choices, scorer=fuzz.ratio, score_cutoff=NEAR_MISS)
        if near is not None:
            problems.add(rec, f"{value!r} looks like a misspelling of {normalized[near[0]]!r}")
    words = " ".join((question.prompt, question.explanation, *_strings(question))).casefold()
    for typo, right in canon.KNOWN_TYPOS.items():
        if typo in words:
            problems.add(rec, f"'{typo}' should be spelled {right!r}")
