"""Forgiving answer matching and parsing of typed replies (pure, no I/O).

Numbers are read by `numbers` (digits, English and Spanish words, scale and unit words) and
dates by `dates`; this module decides what a reply is worth.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from heroes_quiz.folding import MAX_INPUT, clean, fold, fold_lines
from heroes_quiz.models import Kind, Note, Question, Reply, Verdict, format_number

__all__ = ["MAX_INPUT", "clean", "judge", "match_text", "normalize", "normalize_all",
           "parse_bool", "parse_choice", "parse_number", "parse_reply"]

_NOT_WORD = re.compile(r"[^\w\s]|_")
_EDGES = re.compile(r"^[^\w-]+|[^\w]+$")
_DIGITS = re.compile(r"\d+")
_REPEATS = re.compile(r"([a-z])\1+$")  # "yesss", "nooo"
# Leading articles are ignored like "the": "La Paz" is "Paz" (English and Spanish); so is the
# "on"/"in"/"en" a child repeats from "On what…?" / "¿En qué…?" ("en Navidad", "on Netflix").
_ARTICLES = frozenset({"the", "a", "an", "el", "la", "los", "las", "un", "una",
                       "on", "in", "en"})
_TRUE = frozenset({"y", "yes", "yea", "yeah", "yep", "yup", "sure", "t", "true", "1",
                   "si", "s", "v", "verdadero", "verdad", "cierto", "claro"})
_FALSE = frozenset({"n", "no", "nop", "nope", "nah", "f", "false", "2", "falso", "falsa",
                    "mentira"})
# Sequel numbers however they are typed: "Spy Kids Two" is "Spy Kids 2", never "Spy Kids 3".
_SEQUEL = {word: str(n) for n, words in enumerate((
    "", "", "two dos ii", "three tres iii", "four cuatro iv", "five cinco", "six seis vi",
    "seven siete vii", "eight ocho viii", "nine nueve ix", "ten diez"), start=0)
    for word in words.split()}


def normalize(text: str) -> str:
    """Reduce text to lowercase unaccented words for comparison."""
    return _joined_words(_spaced(fold(text.replace("&", " and "))))


def _joined_words(spaced: str) -> str:
    words = spaced.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _spaced(folded: str) -> str:
    """Folded text with apostrophes dropped and every other mark a space."""
    return _NOT_WORD.sub(" ", folded.replace("'", "").replace("\u2019", ""))


def normalize_all(texts: Sequence[str]) -> list[str] | None:
    """`normalize` of each of `texts`, folding all of them in one pass. None when a text is
    longer than the matcher reads, or holds a line break."""
    if not texts:
        return []
    if max(map(len, texts)) > MAX_INPUT:
        return None
    lines = _spaced(fold_lines("\n".join(texts).replace("&", " and "))).split("\n")
    return list(map(_joined_words, lines)) if len(lines) == len(texts) else None


def allowed_typos(answer: str) -> int:
    """How many edits a typed answer of this normalized length may have."""
    size = len(answer.replace(" ", ""))
    if size < 4:
        return 0
    if size <= 8:
        return 1
    return 2 if size <= 15 else 3


class _Form:
    """A text ready for comparison: its words, the same words sorted, and its numbers."""

    __slots__ = ("numbers", "sorted", "text")

    def __init__(self, raw: str) -> None:
        words = [_SEQUEL.get(w, w) for w in normalize(raw).split()]
        self.text = " ".join(words)
        self.sorted = " ".join(sorted(words))
        self.numbers = _DIGITS.findall(self.text)

    def equals(self, other: _Form) -> bool:
        return self.text == other.text or self.sorted == other.sorted

    def near(self, other: _Form) -> bool:
        """Within the typos `other` (an accepted answer) allows; numbers must agree exactly."""
        limit = allowed_typos(other.text)
        if not limit or self.numbers != other.numbers or abs(len(self.text) - len(other.text)) \
                > limit or _swaps_gender(self.text, other.text):
            return False
        from rapidfuzz.distance import OSA  # only near misses need it; a swap is one edit

        return (OSA.distance(self.text, other.text, score_cutoff=limit) <= limit
                or OSA.distance(self.sorted, other.sorted, score_cutoff=limit) <= limit)


# Spanish words whose o/a or e/a ending is the whole meaning (niño is not niña); a name's last
# letter ("Barrazo" for "Barraza") stays an ordinary typo.
_GENDERED = frozenset(
    f"{stem}{end}{plural}" for stem in ("nin", "chic", "hij", "nen", "herman", "muchach",
                                        "abuel", "ti", "amig", "senor", "buen", "mal")
    for end in "oae" for plural in ("", "s"))


def _swaps_gender(said: str, want: str) -> bool:
    """A Spanish o/a or e/a ending swapped ("niño", "nene" for "niña", "nena"): never a typo."""
    words = set(said.split())
    return any(w in _GENDERED and w not in words and any(_other_ending(s, w) for s in words)
               for w in want.split())


def _other_ending(a: str, b: str) -> bool:
    if a.endswith("s") and b.endswith("s"):  # "chicos" for "chicas"
        a, b = a[:-1], b[:-1]
    return len(a) >= 3 and a[:-1] == b[:-1] and {a[-1], b[-1]} in ({"o", "a"}, {"e", "a"})


@functools.lru_cache(maxsize=2048)
def _accepted_form(text: str) -> _Form:
    """Accepted answers come back every game: read each once."""
    return _Form(text)


def match_text(reply: str, candidates: Sequence[str]) -> Verdict:
    """Judge a typed reply against the accepted answers, forgiving small typos."""
    given = _Form(reply)
    shown = clean(reply)
    if not given.text:
        return Verdict(correct=False, given=shown)
    forms = [(cand, _accepted_form(cand)) for cand in candidates]
    if any(given.equals(form) for _, form in forms):
        return Verdict(correct=True, given=shown)
    for cand, form in forms:
        if given.near(form):
            return Verdict(correct=True, forgiven=True, given=shown, reading=clean(cand))
    return Verdict(correct=False, given=shown)


def parse_number(text: str, lang: str = "en") -> float | None:
    """The number a reply gives ("1,914", "forty-four", "44 million" → 44); None if none."""
    from heroes_quiz import numbers  # only number replies need it: a game starts without

    quantity = numbers.read_quantity(text, lang)
    return None if quantity is None else float(quantity.value)


def parse_bool(text: str) -> bool | None:
    """Read yes/no, true/false, y/n, t/f, 1/2, "yeah", "nope", "sí", "falso"...; else None."""
    # Stray symbols around the word are forgiven, but not a leading minus: "-1" is not "1".
    word = _REPEATS.sub(r"\1", _EDGES.sub("", fold(text)))
    if word in _TRUE:
        return True
    return False if word in _FALSE else None


def parse_choice(text: str, options: Sequence[str]) -> int | None:
    """Read an option by its number (1-based) or its text; None if unclear."""
    raw = clean(text)
    if raw.isdecimal() and len(raw) < 4 and 0 < int(raw) <= len(options):
        return int(raw) - 1
    given = normalize(raw)  # options that are themselves numbers can still be typed
    if not given:
        return None
    exact = [i for i, o in enumerate(options) if normalize(o) == given]
    if len(exact) == 1:
        return exact[0]
    close = [i for i, o in enumerate(options) if match_text(raw, [o]).correct]
    if len(close) == 1:
        return close[0]
    # Children type the part of an option they remember ("big hit" for "A big hit").
    part = [i for i, o in enumerate(options) if _has_words(normalize(o), given)]
    return part[0] if len(part) == 1 and len(given) >= 3 else None


def _has_words(option: str, given: str) -> bool:
    """Whether `given` stands in `option` as whole words."""
    return f" {given} " in f" {option} "


def parse_reply(kind: Kind, text: str, options: Sequence[str], lang: str = "en"
                ) -> Reply | None:
    """Turn a typed line into a reply for this kind of question; None means ask again.

    A number reply stays text when it reads as a number, so the judge sees its unit too.
    """
    if kind is Kind.CHOICE:
        return parse_choice(text, options)
    if kind is Kind.TRUE_FALSE:
        return parse_bool(text)
    cleaned = clean(text)
    if kind is Kind.NUMBER:
        return cleaned if parse_number(cleaned, lang) is not None else None
    return cleaned if normalize(cleaned) else None


def judge(question: Question, reply: Reply, options: Sequence[str] = (), lang: str = "en"
          ) -> Verdict:
    """Decide whether a reply answers the question; `lang` is tried first, the other second."""
    if question.kind is Kind.CHOICE:
        return _judge_choice(question, reply, options)
    if question.kind is Kind.TRUE_FALSE:
        value = parse_bool(reply) if isinstance(reply, str) else reply
        if not isinstance(value, bool):
            return Verdict(correct=False, given=str(reply))
        return Verdict(correct=value is question.answer, given="True" if value else "False")
    if question.kind is Kind.NUMBER:
        return _judge_number(question, reply, lang)
    return _judge_text(question, str(reply), lang)


def _judge_choice(question: Question, reply: Reply, options: Sequence[str]) -> Verdict:
    index = parse_choice(reply, options) if isinstance(reply, str) else reply
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(options):
        return Verdict(correct=False, given="" if index is None else str(reply))
    pick = options[index]
    return Verdict(correct=pick == question.answer, given=pick)


def _judge_text(question: Question, reply: str, lang: str) -> Verdict:
    from heroes_quiz import dates  # only typed answers need it: a game starts without

    candidates = (str(question.answer), *question.accept)
    days = [(cand, day) for cand in candidates if (day := dates.read_date(cand, lang))]
    if not days:
        return match_text(reply, candidates)
    said = dates.read_date(reply, lang)
    if said is None:  # "Christmas" may still be accepted; a date is never matched fuzzily
        words = [cand for cand in candidates if dates.read_date(cand, lang) is None]
        return match_text(reply, words)
    found = dates.match(said, [day for _, day in days])
    shown = clean(reply)
    if found is None:
        return Verdict(correct=False, given=shown)
    right = days[found][0]
    return Verdict(correct=True, given=shown, reading=_reading(shown, clean(right)))


def _reading(reply: str, reading: str) -> str:
    """The judge's reading, when it says something the reply did not."""
    return reading if normalize(reply) != normalize(reading) else ""


def _judge_number(question: Question, reply: Reply, lang: str) -> Verdict:
    if isinstance(reply, bool) or not isinstance(reply, int | float | str):
        return Verdict(correct=False, given=str(reply))
    if not isinstance(reply, str):
        return _judge_value(question, float(reply), format_number(float(reply)))
    from heroes_quiz import numbers

    shown = clean(reply)
    quantity = numbers.read_quantity(shown, lang)
    if quantity is None:
        return Verdict(correct=False, given=shown)
    value = numbers.in_units(quantity, numbers.unit_of(question.unit))
    if value is None:
        return Verdict(correct=False, given=shown, note=Note.WRONG_UNIT, unit=question.unit)
    verdict = _judge_value(question, value, shown)
    if not verdict.correct and quantity.scale and not question.unit:
        # A bank without a unit may still count in millions: "44 million" for 44.
        return _judge_value(question, quantity.value, shown)
    reading = f"{format_number(value)} {question.unit}".strip()
    return Verdict(correct=verdict.correct, partial=verdict.partial, given=shown,
                   reading=_reading(shown, reading))


def _judge_value(question: Question, value: float, given: str) -> Verdict:
    miss = abs(value - float(question.answer))
    tol = question.tolerance
    if miss <= tol:
        return Verdict(correct=True, given=given)
    if tol > 0 and miss <= 2 * tol:
        return Verdict(correct=False, partial=True, given=given)
    return Verdict(correct=False, given=given)
