"""The daily challenge (pure): five questions chosen from the date alone, and a share card."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import date, timedelta

from heroes_quiz.models import Question

DAILY_COUNT = 5
RIGHT_SQUARE, WRONG_SQUARE = "🟩", "🟥"


def rng(day: date) -> random.Random:
    """A random source seeded by the date alone, the same on every machine."""
    digest = hashlib.sha256(f"heroes-quiz daily {day.isoformat()}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def pick(bank: Sequence[Question], day: date, count: int = DAILY_COUNT) -> list[Question]:
    """The same questions in the same order for everyone with this bank on this day."""
    ordered = sorted(bank, key=lambda q: q.id)
    return rng(day).sample(ordered, min(count, len(ordered)))


def day_streak(days_played: Sequence[date], today: date) -> int:
    """How many days in a row, ending today, have a daily game."""
    played, streak, day = set(days_played), 0, today
    while day in played:
        streak += 1
        if day == date.min:
            break
        day -= timedelta(days=1)
    return streak


def share_card(day: date, marks: Sequence[bool], streak: int) -> str:
    """`heroes-quiz daily 2026-03-01  4/5  🟩🟩🟥🟩🟩  streak 3`."""
    squares = "".join(RIGHT_SQUARE if ok else WRONG_SQUARE for ok in marks)
    return (f"heroes-quiz daily {day.isoformat()}  {sum(marks)}/{len(marks)}  {squares}"
            f"  streak {streak}")


ASCII_SQUARES = {ord(RIGHT_SQUARE): "O", ord(WRONG_SQUARE): "X"}


def ascii_card(card: str) -> str:
    """The share card for an output that cannot show the squares: O right, X wrong."""
    return card.translate(ASCII_SQUARES)
