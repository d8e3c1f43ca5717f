"""Pieces every command shares: the error guard, option types and mode detection."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from heroes_quiz.errors import QuizError
from heroes_quiz.i18n import N_, _

if TYPE_CHECKING:
    from rich.console import Console

    from heroes_quiz.engine import Rules
    from heroes_quiz.streams import Terminal
    from heroes_quiz.ui.prompters import InteractivePrompter, PlainPrompter

ABANDONED = N_("Game abandoned — no score was saved.")
NEXT_AFTER = 10.0


class Level(StrEnum):
    """Difficulty choices on the command line."""

    easy = "easy"
    medium = "medium"
    hard = "hard"
    mixed = "mixed"


class Mode(StrEnum):
    """High-score tables."""

    play = "play"
    party = "party"
    daily = "daily"


BankOpt = Annotated[Path | None, typer.Option("--bank", help="Use this bank file or folder.")]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Numbered prompts, one answer per line.")]
NameOpt = Annotated[str | None, typer.Option(help="Your name (asked in a terminal).")]
def _seconds(value: float | None) -> float | None:
    """`--time-limit nan` passes a range check (every comparison with nan is false) and then
    timed out every question at once: refuse it with the range's own words."""
    if value is not None and math.isnan(value):
        raise typer.BadParameter(_("give a number of seconds from 1 to 3600"))
    return value


TimeOpt = Annotated[float | None, typer.Option(
    "--time-limit", min=1, max=3600, callback=_seconds,
    help="Seconds per question (default in a terminal: easy 30, medium 20, hard 15).")]
NoTimerOpt = Annotated[bool, typer.Option("--no-timer", help="Relaxed play: no countdown.")]


@contextmanager
def guard() -> Iterator[None]:
    """The one place where errors and signals become messages on stderr and exit codes."""
    from heroes_quiz import streams
    from heroes_quiz.textclean import visible

    terminal = streams.Terminal()
    streams.catch_stops()
    try:
        yield
    except QuizError as exc:
        # Messages quote file names and bank text: no control character reaches the terminal.
        lines = exc.translated().split("\n")
        sys.stderr.write("heroes-quiz: " + "\n".join(map(visible, lines)) + "\n")
        raise typer.Exit(exc.exit_code) from None
    except EOFError:
        _abandoned(terminal)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        _abandoned(terminal)
        raise typer.Exit(130) from None
    except streams.Stopped as stop:
        _abandoned(terminal)
        raise typer.Exit(streams.SIGNAL_BASE + stop.signum) from None
    except BrokenPipeError:
        sys.stdout.flush()  # the reader left (`| head`): what was asked for was shown, quietly
        raise typer.Exit(0) from None


def _abandoned(terminal: Terminal) -> None:
    terminal.restore()
    from heroes_quiz.i18n import _

    sys.stderr.write("\n" + _(ABANDONED) + "\n")


def interactive(plain: bool) -> bool:
    """Arrow-key prompts only in a real terminal and without --plain."""
    return not plain and sys.stdin.isatty() and sys.stdout.isatty()


class Session(NamedTuple):
    """What a game command needs: where to print, how to ask, and the timer rules."""

    console: Console
    asker: PlainPrompter | InteractivePrompter
    plain: bool
    rules: Rules


def session(plain: bool, time_limit: float | None = None, no_timer: bool = True) -> Session:
    """A timer in a terminal unless --no-timer; in plain mode only with --time-limit."""
    from heroes_quiz import i18n, streams, ui
    from heroes_quiz.engine import Rules
    from heroes_quiz.errors import GameAbandoned

    if streams.Started.stdin_closed:
        raise GameAbandoned(N_("Standard input is closed, so there is nothing to read answers "
                               "from. Play in a terminal, or pipe answers in."))
    is_plain = not interactive(plain)
    timed = not no_timer and (time_limit is not None or not is_plain)
    console = ui.make_console()
    # A walk-away player never stalls a timed game: pauses end after at most 10 s.
    next_after = min(NEXT_AFTER, time_limit or NEXT_AFTER) if timed else None
    voice = ui.make_voice(console)  # read-aloud; its clock leaves out the reading of questions
    asker = ui.prompter(console, plain=is_plain, next_after=next_after, voice=voice)
    lang = i18n.language()  # the judge reads number words and yes/no in the game's language
    rules = (Rules.timed(time_limit, clock=voice.clock, lang=lang) if timed
             else Rules(clock=voice.clock, lang=lang))
    _say_when_saving_waits(console)
    return Session(console, asker, is_plain, rules)


def _say_when_saving_waits(console: Console) -> None:
    """A busy score file makes a save wait: say so once, rather than a silent pause."""
    from heroes_quiz import app, ui
    from heroes_quiz.i18n import _

    app.store().on_wait = lambda: ui.warn(console, _("Saving… (the score file is busy, so this "
                                                     "can take a moment)"))


def ask_name(asker: PlainPrompter | InteractivePrompter, given: str | None, is_plain: bool) -> str:
    """The player's name: given, asked in a terminal, or the default."""
    from heroes_quiz.i18n import _
    from heroes_quiz.names import clean_name

    if given is None and not is_plain:
        given = asker.text(_("What's your name?"), "")
    return clean_name(given)
