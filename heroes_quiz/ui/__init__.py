"""The only part of heroes-quiz that imports rich or questionary."""

from __future__ import annotations

import os
import sys

from rich.console import Console

# No prompt here needs to know the cursor row, and a cursor-position answer that arrives while
# a question settles (keys ignored) made prompt_toolkit print a "doesn't support CPR" warning.
os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")

from heroes_quiz.ui.aloud import Voice, make_voice
from heroes_quiz.ui.prompters import InteractivePrompter, PlainPrompter
from heroes_quiz.ui.render import make_console
from heroes_quiz.ui.screens import (
    show_daily,
    show_party,
    show_play_report,
    show_practice,
    show_scores,
    show_start,
    show_stats,
    show_title,
    warn,
)
from heroes_quiz.ui.tables import bank_table

__all__ = [
    "InteractivePrompter", "PlainPrompter", "Voice", "bank_table", "make_console", "make_voice",
    "prompter",
    "show_daily", "show_party", "show_play_report", "show_practice", "show_scores",
    "show_start", "show_stats", "show_title", "warn",
]


def prompter(console: Console, *, plain: bool, next_after: float | None = None,
             voice: Voice | None = None) -> PlainPrompter | InteractivePrompter:
    """The prompter for this session (reading aloud with `voice`, if given)."""
    asker = PlainPrompter(console, sys.stdin) if plain else \
        InteractivePrompter(console, next_after=next_after)
    if voice is not None:
        asker.voice = voice
    return asker
