"""Reading a number from a typed reply: digits, English or Spanish number words, scale words
("million", "mil") and the unit named after it ("5 hours", "44m") (pure).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import NamedTuple

from heroes_quiz.folding import fold

LANGS = ("en", "es")

# Unit families: a reply naming another unit of the question's family is wrong; a word the
# table does not know ("households", "legs") is ignored. Words are folded (no accents).
_UNITS = {
    "thousand": ("scale", "thousand thousands k mil miles millar millares"),
    "million": ("scale", "million millions m mn mill millon millones"),
    "billion": ("scale", "billion billions b bn billon billones"),
    "second": ("time", "second seconds sec secs s segundo segundos seg segs"),
    "minute": ("time", "minute minutes min mins m minuto minutos"),
    "hour": ("time", "hour hours hr hrs h hora horas"),
    "day": ("time", "day days d dia dias"),
    "week": ("time", "week weeks wk wks w semana semanas"),
    "month": ("time", "month months mo mos mes meses"),
    "year": ("time", "year years yr yrs ano anos"),
    "millimetre": ("length", "millimetre millimetres millimeter millimeters mm milimetro"
                             " milimetros"),
    "centimetre": ("length", "centimetre centimetres centimeter centimeters cm centimetro"
                             " centimetros"),
    "metre": ("length", "metre metres meter meters m metro metros"),
    "kilometre": ("length", "kilometre kilometres kilometer kilometers km kms kilometro"
                            " kilometros"),
    "inch": ("length", "inch inches pulgada pulgadas"),
    "foot": ("length", "foot feet ft pie pies"),
    "yard": ("length", "yard yards yd yds yarda yardas"),
    "mile": ("length", "mile miles mi milla millas"),
    "gram": ("weight", "gram grams g gramo gramos"),
    "kilogram": ("weight", "kilogram kilograms kg kgs kilo kilos kilogramo kilogramos"),
    "pound": ("weight", "pound pounds lb lbs libra libras"),
    "ounce": ("weight", "ounce ounces oz onza onzas"),
}
FAMILY = {name: family for name, (family, _) in _UNITS.items()}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_MEANINGS: dict[str, set[str]] = {}
for _name, (_family, _words) in _UNITS.items():
    for _word in _words.split():
        _MEANINGS.setdefault(_word, set()).add(_name)
UNIT_WORDS = {word: frozenset(names) for word, names in _MEANINGS.items()}

# Letters glued to a number that say nothing about it: "25th", "1st", Spanish "1º" (NFKC "1o").
_ORDINAL = frozenset({"th", "st", "nd", "rd", "o", "a", "er", "ero", "ro", "ra", "do", "da",
                      "to", "ta", "vo", "va", "mo", "ma", "no", "na"})
_CONNECTORS = {"en": frozenset({"and", "oh"}), "es": frozenset({"y"})}
_ONE = {"en": frozenset({"a", "an"}), "es": frozenset()}  # "a million"
_FILLERS = frozenset({"of", "de", "del", "whole", "entire"})
# text2num reads these Spanish words only with their accents.
_ACCENTED = {"veintidos": "veintidós", "veintitres": "veintitrés", "veintiun": "veintiún"}

_DOT_GROUPS = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{3}){2,}(?![\d.])")  # 44.000.000
_SPACE_GROUPS = re.compile(r"(?<![\d ])\d{1,3}(?: \d{3}){2,}(?!\d)")  # 44 000 000
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")  # 2,5
_GROUP_MARK = re.compile(r"(?<=\d)[,_](?=\d)")  # 44,000,000 and 44_000
_TOKEN = re.compile(r"(?P<sign>(?<![\w.])-)?(?P<num>\d+(?:\.\d+)?(?:e[+-]?\d+)?)"
                    r"(?P<glue>[^\W\d_]+)?|(?P<word>[^\W\d_]+)")


class Quantity(NamedTuple):
    """A number read from a reply, with any scale word and the unit named after it."""

    value: float  # as typed, before the scale word: "44 million" → 44
    scale: str = ""  # "million" when a scale word with one meaning followed the number
    units: frozenset[str] = frozenset()  # what the next unit word may mean ("m": 3 things)

    def total(self) -> float:
        """The value with its scale applied: "44 million" → 44,000,000."""
        return self.value * SCALE.get(self.scale, 1.0)


class _Token(NamedTuple):
    word: str  # a word, or "" for a number
    number: float = 0.0
    glue: str = ""  # letters typed against the number: "44m", "25th"


class _Unreadable(Exception):
    """The reply has a number-like part that means nothing clear ("12abc", "one two")."""


def _tokens(text: str) -> list[_Token]:
    text = _DOT_GROUPS.sub(lambda m: m.group().replace(".", ""), fold(text))
    text = _SPACE_GROUPS.sub(lambda m: m.group().replace(" ", ""), text)
    text = _GROUP_MARK.sub("", _DECIMAL_COMMA.sub(".", text))
    out = []
    for m in _TOKEN.finditer(text):
        if m["word"]:
            out.append(_Token(m["word"]))
            continue
        value = float(m["num"]) * (-1 if m["sign"] else 1)
        if not math.isfinite(value):
            raise _Unreadable
        out.append(_Token("", value, m["glue"] or ""))
    return out


@functools.lru_cache(maxsize=4096)
def _word_value(words: tuple[str, ...], lang: str) -> int | None:
    """text2num on a run of number words, or None."""
    from text_to_num import text2num  # type: ignore[import-untyped]  # only words need it

    if lang == "es":
        words = tuple(_ACCENTED.get(w, w) for w in words)
    try:
        return int(text2num(" ".join(words), lang))
    except ValueError:
        return None


def _is_number_word(word: str, lang: str) -> bool:
    return _word_value((word,), lang) is not None


def _scale_of(word: str) -> str:
    """The scale a word names when it has no other meaning ("million", "k"), else ""."""
    names = UNIT_WORDS.get(word, frozenset())
    return next(iter(names)) if len(names) == 1 and FAMILY[next(iter(names))] == "scale" else ""


def _run_end(tokens: Sequence[_Token], start: int, lang: str) -> int:
    """Where the run of number words starting at `start` ends (exclusive)."""
    end = start
    while end < len(tokens) and (word := tokens[end].word):
        if _is_number_word(word, lang):
            end += 1
            continue
        joins = word in _ONE[lang] if end == start else word in _CONNECTORS[lang]
        nxt = tokens[end + 1].word if end + 1 < len(tokens) else ""
        if not (joins and nxt and _is_number_word(nxt, lang)):
            break
        end += 1
    return end


def _run_value(words: tuple[str, ...], lang: str) -> float:
    """The value of number words: "forty four", "nineteen sixty nine" (a year said in pairs)."""
    if words and words[0] in _ONE[lang]:
        words = ("one", *words[1:])
    whole = _word_value(words, lang)
    if whole is not None:
        return whole
    for cut in range(1, len(words)):
        left, right = _word_value(words[:cut], lang), _pair_half(words[cut:], lang)
        if left is not None and right is not None and 10 <= left <= 99:
            return left * 100 + right
    raise _Unreadable


def _pair_half(words: tuple[str, ...], lang: str) -> int | None:
    """The second half of a year said in pairs: "sixty nine", "oh five"."""
    if words[0] == "oh":
        value = _word_value(words[1:], lang) if len(words) > 1 else None
        return value if value is not None and value <= 9 else None
    value = _word_value(words, lang)
    return value if value is not None and 10 <= value <= 99 else None


def _after(tokens: Sequence[_Token], at: int) -> frozenset[str]:
    """What the first unit word within two words after the number may mean."""
    for token in tokens[at:at + 2]:
        if not token.word:
            break
        if token.word in UNIT_WORDS:
            return UNIT_WORDS[token.word]
    return frozenset()


def _from_digits(tokens: Sequence[_Token], at: int) -> tuple[Quantity, int]:
    token, end = tokens[at], at + 1
    if token.glue and token.glue not in UNIT_WORDS and token.glue not in _ORDINAL:
        raise _Unreadable  # "12abc"
    scale = _scale_of(token.glue)
    if not token.glue and end < len(tokens) and (scale := _scale_of(tokens[end].word)):
        end += 1
    units = UNIT_WORDS.get(token.glue, frozenset()) if token.glue else frozenset()
    return Quantity(token.number, scale, units - {scale} or _after(tokens, end)), end


def _from_words(tokens: Sequence[_Token], at: int, lang: str) -> tuple[Quantity, int] | None:
    end = _run_end(tokens, at, lang)
    if end == at:
        return None
    words = tuple(t.word for t in tokens[at:end])
    scale = _scale_of(words[-1])
    if scale:  # "forty-four million" is 44 counted in millions, like "44 million"
        words = words[:-1]
    value = _run_value(words, lang) if words and words not in (("a",), ("an",)) else 1.0
    return Quantity(float(value), scale, _after(tokens, end)), end


def _read(tokens: Sequence[_Token], lang: str) -> Quantity | None:
    found: Quantity | None = None
    at = 0
    while at < len(tokens):
        got = _from_words(tokens, at, lang) if tokens[at].word else _from_digits(tokens, at)
        if got is None:
            at += 1
            continue
        if found is not None:
            raise _Unreadable  # two numbers: "42 or 43"
        found, at = got
    return found


def read_quantity(text: str, lang: str = "en") -> Quantity | None:
    """The one number a reply gives, trying `lang` first and the other language second."""
    try:
        tokens = _tokens(text)
    except _Unreadable:
        return None
    for code in (lang, *(c for c in LANGS if c != lang)):
        try:
            found = _read(tokens, code)
        except _Unreadable:
            continue
        if found is not None:
            return found
    return None


def unit_of(word: str) -> str:
    """The table's name for a question's unit ("minutos" → "minute"); "" if unknown."""
    folded = fold(word)
    for candidate in (folded, *folded.split()):
        names = UNIT_WORDS.get(candidate, frozenset())
        if len(names) == 1:
            return next(iter(names))
    return ""


def in_units(quantity: Quantity, want: str) -> float | None:
    """The reply's value counted in the question's unit, or None if it names another unit."""
    if not want:
        return quantity.total()
    if FAMILY[want] == "scale":
        named = {u for u in {quantity.scale, *quantity.units} if u and FAMILY[u] == "scale"}
        if named:
            return quantity.value if want in named else None
        # "44,000,000" and "44" both answer "how many million?"
        big = quantity.value >= SCALE[want]
        return quantity.value / SCALE[want] if big else quantity.value
    same = {u for u in quantity.units if FAMILY[u] == FAMILY[want]}
    if same and want not in same:
        return None
    return quantity.total()
