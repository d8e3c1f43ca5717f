"""The twin rule (pure): a translated bank asks the English bank's questions, one for one.

Every English question has a twin with the same id, kind and difficulty, and the same number
answer and tolerance, true/false answer and number of choices; the wording, choices, accepted
answers, unit word and category are the translation's own. Problems come back as
`FILE: question ID: what is wrong` lines, every one of them in one pass, as `bank check` shows them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from heroes_quiz.models import Kind, Question, format_number

MAX_SHOWN = 50  # as many lines as `bank check` shows of a bank's own problems


def compare(english: Sequence[Question], twins: Sequence[Question], label: str) -> list[str]:
    """Every way `twins` (the translated bank, named `label`) fails to twin `english`."""
    found = {q.id: q for q in twins}
    lines = []
    for original in english:
        twin = found.get(original.id)
        if twin is None:
            lines.append(f"{label}: question {original.id}: missing (no twin of the English "
                         f"{original.difficulty.value} {original.kind.value} question)")
        else:
            lines.extend(f"{label}: question {twin.id}: {what}"
                         for what in mismatches(original, twin))
    known = {q.id for q in english}
    lines.extend(f"{label}: question {q.id}: no English question has this id"
                 for q in twins if q.id not in known)
    return lines


def mismatches(original: Question, twin: Question) -> Iterator[str]:
    """What differs between an English question and its twin where the two must agree."""
    if twin.kind is not original.kind:
        yield f"kind is {twin.kind.value!r}; the English question's is {original.kind.value!r}"
    if twin.difficulty is not original.difficulty:
        yield (f"difficulty is {twin.difficulty.value!r}; the English question's is "
               f"{original.difficulty.value!r}")
    if twin.kind is original.kind:  # a different kind already says it all about the answer
        yield from _answers(original, twin)


def _answers(original: Question, twin: Question) -> Iterator[str]:
    if original.kind is Kind.NUMBER:
        yield from _numbers(original, twin)
    elif original.kind is Kind.TRUE_FALSE and twin.answer != original.answer:
        yield (f"answer is {_truth(twin.answer)}; the English question's is "
               f"{_truth(original.answer)}")
    elif original.kind is Kind.CHOICE and len(twin.choices) != len(original.choices):
        yield (f"has {len(twin.choices)} choices; the English question has "
               f"{len(original.choices)}")


def _numbers(original: Question, twin: Question) -> Iterator[str]:
    mine, theirs = float(twin.answer), float(original.answer)
    if mine != theirs:
        yield f"answer is {format_number(mine)}; the English question's is {format_number(theirs)}"
    if twin.tolerance != original.tolerance:
        yield (f"tolerance is {format_number(twin.tolerance)}; the English question's is "
               f"{format_number(original.tolerance)}")


def _truth(value: object) -> str:
    return "true" if value else "false"


def summary(lines: Sequence[str], limit: int = MAX_SHOWN) -> str:
    """The twin problems as `bank check` prints them: the first `limit`, then a count."""
    shown = list(lines[:limit])
    more = len(lines) - len(shown)
    if more:
        shown.append(f"... and {more} more twin {_problems(more)}")
    return "\n".join([*shown, f"{len(lines)} twin {_problems(len(lines))} found."])


def _problems(count: int) -> str:
    return "problem" if count == 1 else "problems"
