"""Reading a calendar date from a typed reply, English or Spanish, in any common form (pure).

"December 25", "dec 25", "Dec. 25th", "25 December", "25th of December", "12/25",
"25 de diciembre", "25 de dic" all read as (12, 25). Dates are compared exactly, never fuzzily;
a year counts only when the reply names one and the question knows one (`match`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from heroes_quiz.folding import fold

_NAMES = (
    "january jan enero ene", "february feb febrero", "march mar marzo",
    "april apr abril abr", "may mayo", "june jun junio", "july jul julio",
    "august aug agosto ago", "september sep sept septiembre setiembre set",
    "october oct octubre", "november nov noviembre", "december dec diciembre dic",
)
MONTHS = {word: n for n, words in enumerate(_NAMES, start=1) for word in words.split()}
_FULL = [word for word in MONTHS if len(word) >= 5]  # names long enough to forgive a typo in
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?\.?")
_PART = re.compile(r"\d+|[^\W\d_]+")


class Day(NamedTuple):
    """A day of the year, with the year when one was given."""

    month: int
    day: int
    year: int | None = None

    def same_as(self, other: Day) -> bool:
        """Same month and day; years count only when both give one."""
        years_agree = self.year is None or other.year is None or self.year == other.year
        return (self.month, self.day) == (other.month, other.day) and years_agree


def match(said: Day, keys: Sequence[Day]) -> int | None:
    """Index of the first key on the reply's day, or None.

    A year in the reply must be the question's year when any key names one, so "Dec 25" and
    "Dec 25 2020" are right for "December 25, 2020" (or for its yearless forms) but
    "December 25, 2005" is not.
    """
    years = {key.year for key in keys if key.year is not None}
    if said.year is not None and years and said.year not in years:
        return None
    return next((i for i, key in enumerate(keys) if key.same_as(said)), None)


def _valid(month: int, day: int, year: int | None = None) -> Day | None:
    if 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]:
        return Day(month, day, year)
    return None


def _numeric(text: str, lang: str) -> Day | None:
    m = _NUMERIC.fullmatch(text)
    if m is None:
        return None
    first, second = int(m[1]), int(m[2])
    year = int(m[3]) if m[3] else None
    if year is not None and year < 100:
        year += 2000
    orders = [(first, second), (second, first)]  # month/day in English, day/month in Spanish
    if lang == "es":
        orders.reverse()
    return next((d for mo, dd in orders if (d := _valid(mo, dd, year))), None)


def _month(word: str) -> int | None:
    if word in MONTHS:
        return MONTHS[word]
    if len(word) < 5:
        return None
    from rapidfuzz.distance import OSA  # only a misspelt month name needs it

    near = {MONTHS[name] for name in _FULL if OSA.distance(word, name, score_cutoff=1) <= 1}
    return near.pop() if len(near) == 1 else None


def _spelled_days(text: str, lang: str) -> str:
    """Day numbers written in words ("twenty-fifth", "veinticinco") as digits."""
    if any(c.isdigit() for c in text):
        return text
    from text_to_num import alpha2digit  # type: ignore[import-untyped]  # days in words

    for code in (lang, "es" if lang == "en" else "en"):
        text = alpha2digit(text, code, threshold=0)
    return text


@functools.lru_cache(maxsize=1024)
def read_date(text: str, lang: str = "en") -> Day | None:
    """The day a reply names, or None when it names no single valid day."""
    folded = fold(text)
    numeric = _numeric(folded, lang)
    if numeric is not None:
        return numeric
    months: set[int] = set()
    numbers: list[int] = []
    for part in _PART.findall(_spelled_days(folded, lang)):
        if part.isdecimal():
            numbers.append(int(part))
        elif (month := _month(part)) is not None:
            months.add(month)
    days = [n for n in numbers if 1 <= n <= 31]
    years = [n for n in numbers if n >= 1000]
    if len(months) != 1 or len(days) != 1 or len(numbers) != len(days) + len(years) \
            or len(years) > 1:
        return None
    return _valid(months.pop(), days[0], years[0] if years else None)
