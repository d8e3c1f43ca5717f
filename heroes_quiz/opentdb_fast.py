"""The fast path for an Open Trivia DB file: straight to checked Questions (pure).

A big file's texts are decoded a column at a time (every prompt, then every answer...), at C
speed where the encoding allows, and each plain result becomes its Question without the record
the full path builds for it. The rules are `fastcheck`'s (and, for choices beyond plain words,
the matcher's own reading), so every Question taken here is exactly what `opentdb.to_records`
and the full check would make; a result that is not plain is left to the full check, which
names every problem, and so is the whole file when its shape or encoding does not fit.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import hashlib
import html
import re
from collections.abc import Callable, Sequence
from itertools import chain, islice
from operator import itemgetter
from typing import Any
from urllib.parse import unquote

from heroes_quiz import answers, fastcheck
from heroes_quiz.errors import BankError
from heroes_quiz.models import Kind, Question
from heroes_quiz.opentdb import SOURCE, decoder, unescape
from heroes_quiz.opentdb import b64decode as opentdb_b64
from heroes_quiz.schema import MAX_CHOICES, MIN_CHOICES

_ITEM = itemgetter("type", "difficulty", "category", "question", "correct_answer",
                   "incorrect_answers")
_A2B = functools.partial(binascii.a2b_base64, strict_mode=True)
_LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")
Column = Callable[[Sequence[Any]], list[str]]


class _NotPlain(Exception):
    """A file the fast path leaves to records and the full check."""


def plain_questions(doc: dict[str, Any]) -> list[Question | None] | None:
    """Each result's Question when it is plain, None where it needs the full check; None
    for the whole file when its shape or encoding does not fit (then every result does)."""
    results = doc.get("results")
    if not isinstance(results, list) or not results:
        return None
    try:
        decode = _COLUMN[decoder(results[0] if isinstance(results[0], dict) else {})]
        kinds, levels, categories, prompts, rights, wrongs = zip(*map(_ITEM, results),
                                                                 strict=True)
        if not set(map(type, wrongs)) <= {list}:
            return None
        texts = [_few(categories, decode), decode(prompts), decode(rights)]
        flat = decode(list(chain.from_iterable(wrongs)))
        remaining = iter(flat)
        groups = [tuple(islice(remaining, len(wrong))) for wrong in wrongs]
        fields = zip(_few(kinds, decode), _few(levels, decode), *texts, groups, strict=True)
        questions = list(map(_plain_question, fields))
    except (_NotPlain, BankError, KeyError, TypeError, ValueError):  # ValueError: decoding
        return None
    given = [*texts[2], *flat]  # every choice, and the true/false answers as well
    if not fastcheck.plain([*texts[0], *texts[1], *given]):
        # Some text is not plain: find which results hold one (the rest stay checked).
        each = zip(questions, texts[0], texts[1], texts[2], groups, strict=True)
        questions = [question if question is not None and _plain_texts(parts) else None
                     for question, *parts in each]
    return _told_apart(questions, simple=fastcheck.simple(given))


def _plain_texts(parts: list[Any]) -> bool:
    """Whether one result's texts, as decoded (category, prompt, answer, wrong answers), are
    plain."""
    category, prompt, right, wrong = parts
    return fastcheck.plain([category, prompt, right, *wrong])


def _told_apart(questions: list[Question | None], simple: bool) -> list[Question | None]:
    """Keep each question whose choices a player can tell apart: plain words at once by
    their last words (`simple`: all of them are plain words), the rest ("Dr. Who?",
    "Pokémon", "Big Cat" and "Small Cat") by the matcher's own reading, all in one pass."""
    unsure = [(n, q.choices) for n, q in enumerate(questions)
              if q is not None and q.kind is Kind.CHOICE
              and not ((simple or fastcheck.simple(q.choices))
                       and fastcheck.last_words_differ(q.choices))]
    if not unsure:
        return questions
    forms = answers.normalize_all([choice for _, choices in unsure for choice in choices])
    remaining = iter(forms or ())
    kept = list(questions)
    for n, choices in unsure:
        read = {next(remaining, "") for _ in choices}
        if forms is None or "" in read or len(read) != len(choices):
            kept[n] = None
    return kept


def _plain_question(fields: tuple[Any, ...]) -> Question | None:
    """`opentdb._record` then `fastcheck.question`, for decoded texts; None where the full
    check must judge the result."""
    kind, level, category, prompt, right, wrong = fields
    difficulty = fastcheck.LEVELS.get(level)
    if difficulty is None:
        return None
    qid = "otdb-" + hashlib.sha1(f"{category}|{prompt}".encode()).hexdigest()[:10]
    explanation = f"The right answer is {right}."
    if kind == "boolean":
        return Question(qid, category.strip(), difficulty, Kind.TRUE_FALSE, prompt.strip(),
                        right.strip().lower() == "true", explanation, SOURCE)
    picks = (right.strip(), *map(str.strip, wrong))
    if kind != "multiple" or not MIN_CHOICES <= len(picks) <= MAX_CHOICES:
        return None
    # Whether a player can tell the choices apart is settled later, for all at once.
    return Question(qid, category.strip(), difficulty, Kind.CHOICE, prompt.strip(), picks[0],
                    explanation, SOURCE, picks)


def _few(column: Sequence[Any], decode: Column) -> list[str]:
    """A column of a few values repeated (kinds, levels, categories), each decoded once."""
    distinct = list(set(column))  # TypeError when one is not hashable
    table = dict(zip(distinct, decode(distinct), strict=True))
    return list(map(table.__getitem__, column))


def _texts(column: Sequence[Any]) -> None:
    if not set(map(type, column)) <= {str}:
        raise _NotPlain


def _html(column: Sequence[Any]) -> list[str]:
    """The whole column unescaped in one go: no entity spans a line break (the separator)."""
    return _joined(column, "&", unescape)


def _base64(column: Sequence[Any]) -> list[str]:
    """Strict base64 (binascii, called from C): it takes what b64decode(validate=True) takes
    or less; anything else, or bytes that are not UTF-8, is a ValueError."""
    _texts(column)
    return list(map(bytes.decode, map(_A2B, column)))


def _url(column: Sequence[Any]) -> list[str]:
    """RFC 3986 percent-decoding of a whole column (see `_percent_decoded`)."""
    return _joined(column, "%", _percent_decoded)


def _joined(column: Sequence[Any], mark: str, decode: Callable[[str], str]) -> list[str]:
    """`decode` once over the column's texts joined by line breaks, then split again: a
    line break typed or decoded in a text shows as a wrong count and leaves it to the full
    path. Without `mark` in any text there is nothing to decode."""
    _texts(column)
    joined = "\n".join(column)
    if mark not in joined:
        return list(column)
    decoded = decode(joined).split("\n")
    if len(decoded) != len(column):
        raise _NotPlain
    return decoded


def _percent_decoded(text: str) -> str:
    """`unquote(text)` at C speed: every %XX becomes the byte it names (the unicode_escape
    codec), and the bytes are read as UTF-8. Only for ASCII text without a backslash or a
    lone "%", where it decodes exactly as unquote does; bytes that are not UTF-8 raise."""
    if not text.isascii() or "\\" in text or _LONE_PERCENT.search(text):
        raise _NotPlain
    raw = codecs.decode(text.replace("%", "\\x"), "unicode_escape").encode("latin-1")
    return raw.decode("utf-8")  # UnicodeDecodeError is a ValueError


_COLUMN: dict[Callable[[str], str], Column] = {
    html.unescape: _html, opentdb_b64: _base64, unquote: _url}
