"""Validation of raw question records into Questions (pure).

Every problem of every record is collected in one pass, so an author sees all of them at once,
and text is judged with the matcher's own folding: what a player cannot type or tell apart is
a problem here, not a prompt that re-asks forever.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from heroes_quiz.answers import normalize
from heroes_quiz.folding import blank, fold
from heroes_quiz.models import Difficulty, Kind, Question

COMMON = ("id", "category", "difficulty", "kind", "prompt", "answer", "explanation", "source")
EXTRA = {Kind.CHOICE: ("choices",), Kind.TEXT: ("accept",), Kind.NUMBER: ("tolerance", "unit")}
MIN_CHOICES, MAX_CHOICES = 3, 5
NEAR_MISS = 85.0
LANGUAGES = ("en", "es")  # what a bank may declare: the languages the judge reads
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
    if not isinstance(value, str) or blank(value):  # invisible characters alone are blank too
        problems.add(rec, f"'{key}' must be non-empty text")
        return ""
    return value.strip()


def _typed_answer(rec: Record, problems: Problems) -> str:
    answer = _text(rec, "answer", problems)
    if answer and not normalize(answer):
        problems.add(rec, f"answer {answer!r} has no letters or digits a player could type")
    return answer


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
    if not isinstance(raw, list) or not all(isinstance(c, str) and not blank(c) for c in raw):
        problems.add(rec, "'choices' must be a list of non-empty texts")
        return ()
    choices = tuple(c.strip() for c in raw)
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        problems.add(rec, f"needs 3 to 5 choices, has {len(choices)}")
    # Compared as the game reads a typed pick: "Ａ", "A" and "á" are one choice to a player.
    if len({normalize(c) or fold(c) for c in choices}) != len(choices):
        problems.add(rec, "choices are not all different (ignoring case, accents and width)")
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
    words = normalize(value) if isinstance(value, str) else ""
    if "unit" in rec.data and (not words or any(c.isdigit() for c in words)):
        problems.add(rec, "'unit' must be a word, such as \"million\" or \"minutes\"")
        return ""
    return str(value).strip()


def _answer(rec: Record, kind: Kind, problems: Problems) -> str | bool | float:
    if kind is Kind.TRUE_FALSE:
        value = rec.data.get("answer")
        if not isinstance(value, bool):
            problems.add(rec, "a true_false answer must be true or false")
        return bool(value)
    if kind is Kind.NUMBER:
        return _number(rec, "answer", problems)
    return _typed_answer(rec, problems) if kind is Kind.TEXT else _text(rec, "answer", problems)


class _Parts(NamedTuple):
    """What a question's kind adds to the common fields."""

    answer: str | bool | float = ""
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float = 0.0
    unit: str = ""


def _unexpected(rec: Record, kind: Kind | None, problems: Problems) -> None:
    allowed = set(COMMON) | set(EXTRA.get(kind, ()) if kind else sum(EXTRA.values(), ()))
    unknown = set(rec.data) - allowed
    if unknown:
        names = ", ".join(sorted(unknown))
        what = f"a {kind} question" if kind else "any question"
        field = "field" if len(unknown) == 1 else "fields"
        problems.add(rec, f"unexpected {field} for {what}: {names}")


def _parts(rec: Record, kind: Kind | None, problems: Problems) -> _Parts:
    if kind is None:  # the kind is wrong, but a missing answer is worth saying now too
        if "answer" not in rec.data:
            problems.add(rec, "'answer' is missing")
        return _Parts()
    answer = _answer(rec, kind, problems)
    if kind is Kind.CHOICE:
        return _Parts(answer, choices=_choices(rec, answer, problems))
    if kind is Kind.TEXT:
        return _Parts(answer, accept=_accept(rec, problems))
    if kind is not Kind.NUMBER:
        return _Parts(answer)
    tolerance = _number(rec, "tolerance", problems, 0)
    if tolerance < 0:
        problems.add(rec, "'tolerance' must be 0 or more")
    return _Parts(answer, tolerance=tolerance, unit=_unit(rec, problems))


def to_question(rec: Record, problems: Problems) -> Question | None:
    """Check one record; return its Question, or None if it has problems.

    Nothing stops the check early: a wrong kind or level still lets every other field be
    checked, so one `bank check` lists every problem.
    """
    before = len(problems.lines)
    keys = ("id", "category", "prompt", "explanation", "source")
    fields = {k: _text(rec, k, problems) for k in keys}
    difficulty = _enum(rec, "difficulty", Difficulty, problems)
    kind = _enum(rec, "kind", Kind, problems)
    _unexpected(rec, kind, problems)
    parts = _parts(rec, kind, problems)
    if kind is None or difficulty is None or len(problems.lines) > before:
        return None
    return Question(difficulty=difficulty, kind=kind, answer=parts.answer, choices=parts.choices,
                    accept=parts.accept, tolerance=parts.tolerance, unit=parts.unit, **fields)


def bank_language(declared: Sequence[tuple[str, object]]) -> tuple[str, list[str]]:
    """A bank's language from its files' top-level `language` (file, value or None): "" when
    none declares one, and a `FILE: what is wrong` line for each unknown or conflicting value."""
    problems: list[str] = []
    found: dict[str, str] = {}  # language -> the first file declaring it
    for file, value in declared:
        code = value.strip().casefold() if isinstance(value, str) else ""
        if code in LANGUAGES:
            found.setdefault(code, file)
        elif value is not None:
            problems.append(f"{file}: 'language' is {value!r}; expected {' | '.join(LANGUAGES)}")
    (first, where), *others = found.items() or [("", "")]
    problems.extend(f"{file}: 'language' is {code!r}, but {where} says {first!r}"
                    for code, file in others)
    return first, problems


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


def _strings(rec: Record) -> Iterable[str]:
    """The answer, choices and accepted answers of a raw record, whatever else is wrong."""
    answer, choices, accept = (rec.data.get(k) for k in ("answer", "choices", "accept"))
    if isinstance(answer, str):
        yield answer
    for values in (choices, accept):
        if isinstance(values, list):
            yield from (v for v in values if isinstance(v, str))


@functools.cache
def _canon_forms() -> tuple[dict[str, str], list[str]]:
    from heroes_quiz import canon  # only the built-in bank's spelling check needs it

    names = canon.all_names()
    normalized = {normalize(name): names[name] for name in names}
    return normalized, list(normalized)


def check_spelling(rec: Record, problems: Problems) -> None:
    """Flag misspelt cast names and the articles' known typos (built-in bank only).

    Reads the raw record, so its spelling is checked in the same pass as everything else.
    """
    from rapidfuzz import fuzz, process  # only the built-in bank's spelling check needs it

    from heroes_quiz import canon

    normalized, choices = _canon_forms()
    strings = list(_strings(rec))
    for value in strings:
        form = normalize(value)
        if form in normalized:
            continue
        near = process.extractOne(form, choices, scorer=fuzz.ratio, score_cutoff=NEAR_MISS)
        if near is not None:
            problems.add(rec, f"{value!r} looks like a misspelling of {normalized[near[0]]!r}")
    texts = [rec.data.get(k) for k in ("prompt", "explanation")]
    words = " ".join(t for t in (*texts, *strings) if isinstance(t, str)).casefold()
    for typo, right in canon.KNOWN_TYPOS.items():
        if typo in words:
            problems.add(rec, f"'{typo}' should be spelled {right!r}")
