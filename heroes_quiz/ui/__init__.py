"""The only part of heroes-quiz that imports rich or questionary."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from heroes_quiz.app import PlayReport, ScoresReport
from heroes_quiz.models import GameResult
from heroes_quiz.ui.prompters import InteractivePrompter, PlainPrompter
from heroes_quiz.ui.render import make_console, scores_table, summary_panel
from heroes_quiz.ui.tables import bank_table

__all__ = [
    "InteractivePrompter", "PlainPrompter", "bank_table", "make_console", "prompter",
    "show_play_report", "show_scores", "show_start", "warn",
]


def prompter(console: Console, *, plain: bool, stdin: TextIO | None = None
             ) -> PlainPrompter | InteractivePrompter:
    """The prompter for this session."""
    if plain:
        return PlainPrompter(console, stdin or sys.stdin)
    return InteractivePrompter(console)


def warn(console: Console, message: str) -> None:
    """A yellow notice; the message is shown literally."""
    # soft_wrap: leave wrapping to the terminal so file paths stay whole for copying.
    console.print(Text("⚠ ", style="bold yellow").append(message, style="yellow"), soft_wrap=True)


def show_start(console: Console, name: str, count: int, short_of: int) -> None:
    """A friendly line before the first question."""
    line = Text("Good luck, ").append(name, style="bold").append(f"! {count} questions.")
    console.print(line)
    if short_of:
        warn(console, f"Only {count} questions match, so the game has {count}, "
                      f"not {count + short_of}.")


def show_play_report(console: Console, report: PlayReport) -> None:
    """The end of a game: summary, save status and the high-score table."""
    result: GameResult = report.result
    console.print(summary_panel(result, report.save.rank))
    for message in report.save.warnings:
        warn(console, message)
    if not report.save.saved:
        warn(console, f"Your score was not saved: {report.problem}")
        return
    console.print(scores_table(report.table, console))


def show_scores(console: Console, report: ScoresReport) -> None:
    """The high-score table, after any storage warnings."""
    for message in report.warnings:
        warn(console, message)
    console.print(scores_table(report.rows, console))
