"""Who plays on this machine: recent names and the last level, kept in settings.json."""

from __future__ import annotations

from collections.abc import Iterable

from heroes_quiz import settings
from heroes_quiz.names import DEFAULT_NAME, clean_name

NAMES_KEY, LEVEL_KEY = "recent_names", "last_level"
MAX_NAMES = 6
LEVELS = ("easy", "medium", "hard", "mixed")


def recent_names() -> list[str]:
    """Names played here, most recent first (at most MAX_NAMES)."""
    stored = settings.get(NAMES_KEY, [])
    if not isinstance(stored, list):
        return []
    names = [clean_name(n) for n in stored if isinstance(n, str)]
    return _unique(n for n in names if n != DEFAULT_NAME)[:MAX_NAMES]


def last_player() -> str | None:
    """The most recent name played here, if any."""
    names = recent_names()
    return names[0] if names else None


def remember_names(names: Iterable[str]) -> None:
    """Put these names first in the recent list (the default "Player" is not remembered)."""
    fresh = [n for n in names if n != DEFAULT_NAME]
    if fresh:
        settings.put(NAMES_KEY, _unique([*reversed(fresh), *recent_names()])[:MAX_NAMES])


def last_level() -> str | None:
    """The level picked last time, if any."""
    level = settings.get(LEVEL_KEY)
    return level if level in LEVELS else None


def remember_level(level: str) -> None:
    """Remember the level for the next level picker."""
    if level in LEVELS and level != last_level():
        settings.put(LEVEL_KEY, level)


def _unique(names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out
