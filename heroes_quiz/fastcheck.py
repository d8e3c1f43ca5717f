"""A fast path for `schema` over the common record (pure).

Most questions in a big bank are plain: ASCII printable text, a known level and kind, no extra
fields. Such a record passes every check of `schema.to_question` by construction, and here it
is recognised with a few C-level string operations instead of one Python call per field. A
record that is not plain in any way returns None and gets the full check, so what is reported
(and how) never changes: this module only decides faster that there is nothing to report.
`opentdb.plain_questions` uses the same rules on a whole Open Trivia DB file, column by column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import filterfalse
from typing import Any

from heroes_quiz.folding import MAX_INPUT
from heroes_quiz.models import Difficulty, Kind, Question
from heroes_quiz.schema import COMMON, EXTRA, MAX_CHOICES, MIN_CHOICES, Record

LEVELS = {m.value: m for m in Difficulty}
_KINDS = {m.value: m for m in (Kind.CHOICE, Kind.TRUE_FALSE)}
_ALLOWED = {kind: frozenset(COMMON + EXTRA.get(kind, ())) for kind in _KINDS.values()}
_ASCII_WORD = re.compile("[A-Za-z0-9]")
# A question's choices, joined by line breaks, stay within what the matcher reads.
_LONGEST_CHOICE = (MAX_INPUT - (MAX_CHOICES - 1)) // MAX_CHOICES


def plain(values: list[str]) -> bool:
    """Printable text with no blank value: what `schema._text` takes as it is.

    Printable text holds no control or format character and no space but " ", so printable
    ASCII is blank only when it is all spaces; other text must hold an ASCII letter or digit,
    which stays visible whatever the matcher's folding does to the rest. Each value is judged
    on its own, so one call serves a record or a whole column of a bank."""
    try:
        joined = "".join(values)
    except TypeError:  # one is not text
        return False
    if not joined.isprintable() or not all(map(str.strip, values)):
        return False
    return joined.isascii() or all(map(_ASCII_WORD.search, filterfalse(str.isascii, values)))


def distinct(choices: tuple[str, ...]) -> bool:
    """Whether the choices surely differ as the matcher reads them.

    For letters, digits and spaces alone the matcher's form ends with the last word (leading
    articles are all it drops), so different last words mean different choices; anything else
    is left to the full check."""
    return simple(choices) and last_words_differ(choices)


def simple(choices: Sequence[str]) -> bool:
    """Whether every choice is ASCII letters, digits and spaces, short enough that the
    matcher reads all of a question's choices (MAX_INPUT)."""
    joined = "".join(choices)
    if not joined.isascii() or not joined.replace(" ", "").isalnum():
        return not choices
    return max(map(len, choices)) <= _LONGEST_CHOICE


def last_words_differ(choices: tuple[str, ...]) -> bool:
    """Whether the choices' last words, case folded, all differ (see `distinct`)."""
    return len({choice.rpartition(" ")[2] for choice in map(str.lower, choices)}) == len(choices)


def question(rec: Record) -> Question | None:
    """The record's Question when it is plain and right; None sends it to the full check."""
    data = rec.data
    try:  # an unhashable level or kind is a TypeError, a missing field a KeyError
        difficulty, kind = LEVELS[data["difficulty"]], _KINDS[data["kind"]]
        values = [data["id"], data["category"], data["prompt"], data["explanation"],
                  data["source"]]
        if not data.keys() <= _ALLOWED[kind]:
            return None
        if kind is Kind.CHOICE:
            return _choice(data, difficulty, values)
        answer = data["answer"]
        if type(answer) is not bool or not plain(values):
            return None
    except (KeyError, TypeError):
        return None
    qid, category, prompt, explanation, source = map(str.strip, values)
    return Question(qid, category, difficulty, kind, prompt, answer, explanation, source)


def _choice(data: Mapping[str, Any], difficulty: Difficulty, values: list[str]
            ) -> Question | None:
    raw = data.get("choices")
    if type(raw) is not list or not MIN_CHOICES <= len(raw) <= MAX_CHOICES:
        return None
    values += [data["answer"], *raw]
    if not plain(values):
        return None
    qid, category, prompt, explanation, source, answer, *choices = map(str.strip, values)
    picks = tuple(choices)
    if answer not in picks or not distinct(picks):
        return None
    return Question(qid, category, difficulty, Kind.CHOICE, prompt, answer, explanation,
                    source, picks)


def unique(records: Sequence[Record]) -> bool:
    """Whether ids and prompts surely repeat nowhere (else `schema.check_unique` says where)."""
    try:
        return unique_keys([rec.data["id"] for rec in records],
                           [rec.data["prompt"] for rec in records])
    except KeyError:
        return False


def unique_keys(ids: Sequence[Any], prompts: Sequence[Any], *, printable: bool = False) -> bool:
    """Whether these ids and prompts surely repeat nowhere, as `schema.check_unique` compares
    (`printable`: the caller has already checked that every one is printable text)."""
    try:
        id_lines, prompt_lines = "\n".join(ids), "\n".join(prompts)
    except TypeError:  # one is not text
        return False
    if not printable and not (id_lines + prompt_lines).replace("\n", "").isprintable():
        return False
    count = len(ids)
    # Printable text holds no space but " ": stripped, an id is the full check's key.
    return len(set(map(str.strip, ids))) == count and _distinct_prompts(prompts, prompt_lines)


def _distinct_prompts(prompts: Sequence[str], lines: str) -> bool:
    """Whether printable prompts (joined as `lines`) differ as `schema.check_unique` keys
    them: case folded, spaces squeezed. Without a space at either end or two in a row, the
    case-folded prompt is that key; otherwise coarser keys (every space dropped) that all
    differ mean the full keys differ too."""
    if lines[:1] != " " and lines[-1:] != " " and not any(
            gap in lines for gap in ("  ", " \n", "\n ")):
        return len(set(map(str.casefold, prompts))) == len(prompts)
    return len(set(lines.casefold().replace(" ", "").split("\n"))) == len(prompts)
