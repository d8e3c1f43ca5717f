"""`play`, `scores` and the menu."""

import dataclasses
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from heroes_quiz.cli.common import (
    BankOpt,
    Level,
    Mode,
    NameOpt,
    NoTimerOpt,
    PlainOpt,
    Session,
    TimeOpt,
    ask_name,
    guard,
    session,
)

if TYPE_CHECKING:
    from heroes_quiz.app import PlayOptions


def menu(s: Session) -> None:
    """Play, High scores, Quit — until Quit or the end of input."""
    from heroes_quiz import app as core
    from heroes_quiz import ui
    from heroes_quiz.errors import GameAbandoned

    ui.show_title(s.console)
    while True:
        try:
            pick = s.asker.choose("What would you like to do?", ["Play", "High scores", "Quit"])
        except GameAbandoned:
            return
        if pick == 0:
            play_game(s, core.PlayOptions(difficulty="", name="", rules=s.rules))
        elif pick == 1:
            ui.show_scores(s.console, core.scores(None, 10))
        else:
            return


def play_game(s: Session, options: "PlayOptions") -> None:
    """Load the bank, ask what is missing, play, save and show the end of the game."""
    from heroes_quiz import app as core
    from heroes_quiz import ui

    bank = core.load_bank(options.bank)
    unknown = core.unknown_categories(bank, options.categories)
    if unknown:
        raise typer.BadParameter(f"no category {unknown[0]!r}; try one of: "
                                 f"{', '.join(bank.categories())}", param_hint="--category")
    if not options.difficulty:
        levels = [level.value for level in Level]
        level = "easy" if s.plain else levels[s.asker.choose("Pick a level:", levels)]
        options = dataclasses.replace(options, difficulty=level)
    name = ask_name(s.asker, options.name or None, s.plain)
    options = dataclasses.replace(options, name=name)
    selection, rng = core.draw(bank, options)
    ui.show_start(s.console, name, len(selection.questions), selection.short_of)
    ui.show_play_report(s.console, core.play(options, s.asker, selection, rng))


def play(
    difficulty: Annotated[Level | None, typer.Option(help="easy, medium, hard or mixed.")]
    = None,
    category: Annotated[list[str] | None, typer.Option(help="Only this category (repeatable).")]
    = None,
    count: Annotated[int, typer.Option(min=1, help="How many questions.")] = 10,
    seed: Annotated[int | None, typer.Option(help="Same seed, same game.")] = None,
    name: NameOpt = None,
    time_limit: TimeOpt = None,
    no_timer: NoTimerOpt = False,
    plain: PlainOpt = False,
    bank: BankOpt = None,
) -> None:
    """Play one game."""
    from heroes_quiz import app as core

    with guard():
        s = session(plain, time_limit, no_timer)
        options = core.PlayOptions(difficulty=difficulty.value if difficulty else "",
                                   categories=tuple(category or ()), count=count, seed=seed,
                                   name=name or "", bank=bank, rules=s.rules)
        play_game(s, options)


def scores(
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows per level.")] = 10,
    mode: Annotated[Mode, typer.Option(help="play, party or daily.")] = Mode.play,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show the high-score tables."""
    from heroes_quiz import app as core

    with guard():
        report = core.scores(difficulty.value if difficulty else None, limit, mode.value)
        if as_json:
            import json

            for message in report.warnings:
                sys.stderr.write(f"heroes-quiz: {message}\n")
            rows = [dataclasses.asdict(row) for row in report.rows]
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        from heroes_quiz import ui

        ui.show_scores(ui.make_console(), report)
