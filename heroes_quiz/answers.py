"""Forgiving answer matching and parsing of typed replies (pure, no I/O)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from heroes_quiz.models import Kind, Question, Reply, Verdict, format_number

# Zero-width, bidi and other format characters a paste can smuggle in.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\x00]")
_NOT_WORD = re.compile(r"[^\w\s]|_")
# Combining marks left by NFKD (accents and the like), in every block Unicode keeps them.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_EDGES = re.compile(r"^[^\w-]+|[^\w]+$")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?")
_TRUE = {"y", "yes", "t", "true", "1"}
_FALSE = {"n", "no", "f", "false", "2"}
MAX_INPUT = 1000


def clean(text: str) -> str:
    """Fold full-width forms, drop invisible characters and surrounding space."""
    text = text[:MAX_INPUT]
    if text.isascii():  # the common case needs no Unicode folding
        return text.replace("\x00", "").strip()
    text = unicodedata.normalize("NFKC", text)
    return _INVISIBLE.sub("", text).strip()


def normalize(text: str) -> str:
    """Reduce text to lowercase unaccented words for comparison."""
    text = clean(text).casefold().replace("&", " and ")
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    words = _NOT_WORD.sub(" ", text.replace("'", "").replace("\u2019", "")).split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def allowed_typos(answer: str) -> int:
    """How many edits a typed answer of this normalized length may have."""
    size = len(answer.replace(" ", ""))
    if size <= 4 or any(c.isdigit() for c in answer):
        return 0
    if size <= 8:
        return 1
    return 2 if size <= 15 else 3


def _forms(text: str) -> tuple[str, str]:
    norm = normalize(text)
    return norm, " ".join(sorted(norm.split()))


def match_text(reply: str, candidates: Sequence[str]) -> Verdict:
    """Judge a typed reply against the accepted answers, forgiving small typos."""
    given, given_sorted = _forms(reply)
    if not given:
        return Verdict(correct=False, given=clean(reply))
    forms = [_forms(cand) for cand in candidates]
    for norm, norm_sorted in forms:
        if given in (norm, norm_sorted) or given_sorted == norm_sorted:
            return Verdict(correct=True, given=clean(reply))
    for norm, norm_sorted in forms:
        limit = allowed_typos(norm)
        if not limit or abs(len(given) - len(norm)) > limit:
            continue  # too far apart to be a typo
        from rapidfuzz.distance import Levenshtein  # only near misses need it

        if (
            Levenshtein.distance(given, norm, score_cutoff=limit) <= limit
            or Levenshtein.distance(given_sorted, norm_sorted, score_cutoff=limit) <= limit
        ):
            return Verdict(correct=True, forgiven=True, given=clean(reply))
    return Verdict(correct=False, given=clean(reply))


def parse_number(text: str) -> float | None:
    """Read a finite number from a reply ("1,914", "44 million", "１９１４"); None if not one."""
    words = clean(text).lower().replace(",", "").replace("_", "").split()
    if not words or not _NUMBER.fullmatch(words[0]):
        return None
    if any(not w.isalpha() for w in words[1:]):
        return None
    value = float(words[0])
    return value if math.isfinite(value) else None


def parse_bool(text: str) -> bool | None:
    """Read yes/no, true/false, y/n, t/f or 1/2; None if it is none of them."""
    # Stray symbols around the word are forgiven, but not a leading minus: "-1" is not "1".
    word = _EDGES.sub("", clean(text).casefold())
    if word in _TRUE:
        return True
    return False if word in _FALSE else None


def parse_choice(text: str, options: Sequence[str]) -> int | None:
    """Read an option by its number (1-based) or its text; None if unclear."""
    raw = clean(text)
    if raw.isdigit() and len(raw) < 4 and 0 < int(raw) <= len(options):
        return int(raw) - 1
    given = normalize(raw)  # options that are themselves numbers can still be typed
    if not given:
        return None
    exact = [i for i, o in enumerate(options) if normalize(o) == given]
    if len(exact) == 1:
        return exact[0]
    close = [i for i, o in enumerate(options) if match_text(raw, [o]).correct]
    return close[0] if len(close) == 1 else None


def judge(question: Question, reply: Reply, options: Sequence[str] = ()) -> Verdict:
    """Decide whether a parsed reply answers the question."""
    if question.kind is Kind.CHOICE:
        assert isinstance(reply, int) and not isinstance(reply, bool)
        pick = options[reply]
        return Verdict(correct=pick == question.answer, given=pick)
    if question.kind is Kind.TRUE_FALSE:
        assert isinstance(reply, bool)
        return Verdict(correct=reply is question.answer, given="True" if reply else "False")
    if question.kind is Kind.NUMBER:
        assert isinstance(reply, float | int) and not isinstance(reply, bool)
        return _judge_number(question, float(reply))
    return match_text(str(reply), (str(question.answer), *question.accept))


def _judge_number(question: Question, value: float) -> Verdict:
    miss = abs(value - float(question.answer))
    tol = question.tolerance
    given = format_number(value)
    if miss <= tol:
        return Verdict(correct=True, given=given)
    if tol > 0 and miss <= 2 * tol:
        return Verdict(correct=False, partial=True, given=given)
    return Verdict(correct=False, given=given)


def parse_reply(kind: Kind, text: str, options: Sequence[str]) -> Reply | None:
    """Turn a typed line into a reply for this kind of question; None means ask again."""
    if kind is Kind.CHOICE:
        return parse_choice(text, options)
    if kind is Kind.TRUE_FALSE:
        return parse_bool(text)
    if kind is Kind.NUMBER:
        return parse_number(text)
    cleaned = clean(text)
    return cleaned if normalize(cleaned) else None
