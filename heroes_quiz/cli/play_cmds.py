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
    guard,
    session,
)
from heroes_quiz.cli.options import LangOpt, lang_in_args
from heroes_quiz.cli.players import DetailsOpt, pager, pick_level, pick_name, show_details
from heroes_quiz.cli.readaloud import ReadAloudOpt

if TYPE_CHECKING:
    from heroes_quiz.app import PlayOptions

MENU_ON = "menu"


def _category_help() -> str:
    """`play --help` names the built-in quiz's categories."""
    from heroes_quiz import i18n, shipped

    # Worked out as the module loads, before --lang is parsed: read it from the command line.
    flag = i18n.normalise(lang_in_args(sys.argv[1:]))
    if flag:
        i18n.set_language(flag)
    # English is the source text: an English --help loads no catalog.
    say = (lambda text: text) if i18n.language() == i18n.ENGLISH else i18n._
    # The file names, not the bank: --help and shell completion must not load and check it.
    names = shipped.categories()
    if not names:
        return say(i18n.N_("Only this category (repeatable)."))
    return say(i18n.N_("Only this category (repeatable). The built-in quiz has: {names}.")
               ).format(names=", ".join(names))


def menu(s: Session) -> None:
    """Play, High scores, Quit — until Quit or the end of input."""
    from heroes_quiz import app as core
    from heroes_quiz import ui
    from heroes_quiz.cli.players import language_title, switch_language
    from heroes_quiz.errors import GameAbandoned
    from heroes_quiz.i18n import _
    from heroes_quiz.speech import remembered
    from heroes_quiz.ui.aloud import menu_title, toggle

    ui.show_title(s.console)
    while True:
        try:
            pick = s.asker.choose(_("What would you like to do?"),
                                  [_("Play"), _("High scores"), menu_title(remembered()),
                                   language_title(), _("Quit")])
        except GameAbandoned:
            return
        if pick == 0:
            play_game(s, core.PlayOptions(difficulty="", name="", rules=s.rules), where=MENU_ON)
        elif pick == 1:
            ui.show_scores(s.console, core.scores(None, 10))
        elif pick == 2:
            toggle(s.asker.voice, s.console)
        elif pick == 3:
            switch_language(s)  # the loop draws the menu again, in the new language
        else:
            return


def play_game(s: Session, options: "PlayOptions", where: str = "") -> None:
    """Load the bank, ask what is missing, play, save and show the end of the game."""
    from heroes_quiz import app as core
    from heroes_quiz import ui
    from heroes_quiz.i18n import _
    from heroes_quiz.ui.endgame import menu_rows

    bank = core.load_bank(options.bank)
    unknown = core.unknown_categories(bank, options.categories)
    if unknown:
        raise typer.BadParameter(_("no category {name}; try one of: {names}").format(
            name=repr(unknown[0]), names=", ".join(bank.categories())), param_hint="--category")
    level = pick_level(s, options.difficulty or None)
    name = pick_name(s, options.name or None)
    options = dataclasses.replace(options, difficulty=level, name=name)
    selection, rng = core.draw(bank, options)
    if not s.plain:
        s.console.clear()  # the first question starts on a clean screen
    ui.show_start(s.console, name, len(selection.questions), selection.short_of)
    report = core.play(options, s.asker, selection, rng, bank.key)
    reserve = menu_rows(s.console) if where == MENU_ON else 2
    ui.show_play_report(s.console, report, pager=pager(s), reserve=reserve)


def play(
    difficulty: Annotated[Level | None, typer.Option(help="easy, medium, hard or mixed.")]
    = None,
    category: Annotated[list[str] | None, typer.Option(help=_category_help())] = None,
    count: Annotated[int, typer.Option(min=1, help="How many questions.")] = 10,
    seed: Annotated[int | None, typer.Option(help="Same seed, same game.")] = None,
    name: NameOpt = None,
    time_limit: TimeOpt = None,
    no_timer: NoTimerOpt = False,
    plain: PlainOpt = False,
    bank: BankOpt = None,
    read_aloud: ReadAloudOpt = False,
    details: DetailsOpt = False,
    lang: LangOpt = None,
) -> None:
    """Play one game."""
    from heroes_quiz import app as core

    with guard():
        s = session(plain, time_limit, no_timer)
        show_details(s, details)
        options = core.PlayOptions(difficulty=difficulty.value if difficulty else "",
                                   categories=tuple(category or ()), count=count, seed=seed,
                                   name=name or "", bank=bank, rules=s.rules)
        play_game(s, options)


def scores(
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows per level.")] = 10,
    mode: Annotated[Mode, typer.Option(help="play, party or daily.")] = Mode.play,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    bank: BankOpt = None,
    lang: LangOpt = None,
) -> None:
    """Show the high-score tables (of the built-in quiz, or of --bank FILE)."""
    from heroes_quiz import app as core

    with guard():
        key = core.bank_key(bank)
        report = core.scores(difficulty.value if difficulty else None, limit, mode.value, key)
        if as_json:
            import json

            for message in report.warnings:
                sys.stderr.write(f"heroes-quiz: {message}\n")
            rows = [dataclasses.asdict(row) for row in report.rows]
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        from heroes_quiz import ui

        ui.show_scores(ui.make_console(), report)
