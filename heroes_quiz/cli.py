"""The typer app: parses arguments, calls app functions, hands results to ui.

Rich and questionary are imported inside commands only, so --version and --help stay fast.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from heroes_quiz import __version__
from heroes_quiz.errors import GameAbandoned, QuizError

if TYPE_CHECKING:
    from rich.console import Console

    from heroes_quiz.app import PlayOptions
    from heroes_quiz.ui.prompters import InteractivePrompter, PlainPrompter

    Asker = PlainPrompter | InteractivePrompter

ABANDONED = "Game abandoned — no score was saved."


class Level(StrEnum):
    """Difficulty choices on the command line."""

    easy = "easy"
    medium = "medium"
    hard = "hard"
    mixed = "mixed"


class Format(StrEnum):
    """Export formats."""

    json = "json"
    opentdb = "opentdb"


app = typer.Typer(help="A family trivia game about We Can Be Heroes (2020).",
                  add_completion=True, no_args_is_help=False)
bank_app = typer.Typer(help="Check, list and export question banks.", no_args_is_help=True)
app.add_typer(bank_app, name="bank")

BankOpt = Annotated[Path | None, typer.Option("--bank", help="Play from this bank file.",
                                                 dir_okay=True)]
PlainOpt = Annotated[bool, typer.Option("--plain", help="Numbered prompts, one answer per line.")]


@contextmanager
def guard() -> Iterator[None]:
    """The one place where errors become messages on stderr and exit codes."""
    try:
        yield
    except QuizError as exc:
        sys.stderr.write(f"heroes-quiz: {exc}\n")
        raise typer.Exit(exc.exit_code) from None
    except EOFError:
        sys.stderr.write(f"\n{ABANDONED}\n")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{ABANDONED}\n")
        raise typer.Exit(130) from None


def interactive(plain: bool) -> bool:
    """Arrow-key prompts only in a real terminal and without --plain."""
    return not plain and sys.stdin.isatty() and sys.stdout.isatty()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"heroes-quiz {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_menu(
    ctx: typer.Context,
    plain: PlainOpt = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Play, see high scores or quit (the menu shows when no command is given)."""
    if ctx.invoked_subcommand is not None:
        return
    from heroes_quiz import ui

    with guard():
        console = ui.make_console()
        asker = ui.prompter(console, plain=not interactive(plain))
        _menu_loop(console, asker)


def _menu_loop(console: Console, asker: Asker) -> None:
    from heroes_quiz import app as core
    from heroes_quiz import ui

    console.print("[bold magenta]★ We Can Be Heroes — the quiz ★[/]")
    while True:
        try:
            pick = asker.choose("What would you like to do?", ["Play", "High scores", "Quit"])
        except GameAbandoned:
            return
        if pick == 0:
            _play_game(console, asker, core.PlayOptions(difficulty=""), None)
        elif pick == 1:
            ui.show_scores(console, core.scores(None, 10))
        else:
            return


def _play_game(console: Console, asker: Asker, options: PlayOptions, plain: bool | None) -> None:
    from heroes_quiz import app as core
    from heroes_quiz import ui

    bank = core.load_bank(options.bank)
    unknown = core.unknown_categories(bank, options.categories)
    if unknown:
        known = ", ".join(bank.categories())
        raise typer.BadParameter(f"no category {unknown[0]!r}; try one of: {known}",
                                 param_hint="--category")
    levels = [level.value for level in Level]
    if not options.difficulty:
        options = dataclasses.replace(
            options, difficulty="easy" if plain else levels[asker.choose("Pick a level:", levels)])
    if not options.name:
        name = "" if plain else asker.text("What's your name?", "")
        options = dataclasses.replace(options, name=name)
    selection, rng = core.draw(bank, options)
    console.print()
    ui.show_start(console, core.clean_name(options.name), len(selection.questions),
                  selection.short_of)
    report = core.play(options, asker, selection, rng)
    ui.show_play_report(console, report)


@app.command()
def play(
    difficulty: Annotated[Level | None, typer.Option(help="easy, medium, hard or mixed.")]
    = None,
    category: Annotated[list[str] | None, typer.Option(help="Only this category (repeatable).")]
    = None,
    count: Annotated[int, typer.Option(min=1, help="How many questions.")] = 10,
    seed: Annotated[int | None, typer.Option(help="Same seed, same game.")] = None,
    name: Annotated[str | None, typer.Option(help="Your name for the high scores.")] = None,
    plain: PlainOpt = False,
    bank: BankOpt = None,
) -> None:
    """Play one game."""
    from heroes_quiz import app as core
    from heroes_quiz import ui

    with guard():
        console = ui.make_console()
        is_plain = not interactive(plain)
        options = core.PlayOptions(difficulty=difficulty.value if difficulty else "",
                                   categories=tuple(category or ()), count=count, seed=seed,
                                   name=name or "", bank=bank)
        _play_game(console, ui.prompter(console, plain=is_plain), options, is_plain)


@app.command()
def scores(
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="Rows per level.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show the high-score tables."""
    from heroes_quiz import app as core

    with guard():
        report = core.scores(difficulty.value if difficulty else None, limit)
        if as_json:
            import json

            for message in report.warnings:
                sys.stderr.write(f"heroes-quiz: {message}\n")
            rows = [dataclasses.asdict(row) for row in report.rows]
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        from heroes_quiz import ui

        ui.show_scores(ui.make_console(), report)


@bank_app.command("check")
def bank_check(
    file: Annotated[Path | None, typer.Argument(help="Bank file or folder (default: built-in).")]
    = None,
) -> None:
    """Validate a bank: exit 0 when valid, 1 with every problem listed otherwise."""
    from heroes_quiz import app as core

    with guard():
        loaded = core.load_bank(file)
        typer.echo(f"{loaded.origin}: OK, {len(loaded.questions)} questions.")


@bank_app.command("export")
def bank_export(
    fmt: Annotated[Format, typer.Option("--format", help="json or opentdb.")] = Format.json,
    bank: BankOpt = None,
) -> None:
    """Print the bank as JSON (native fields) or Open Trivia DB JSON."""
    import json

    from heroes_quiz import app as core
    from heroes_quiz import bank as bank_mod
    from heroes_quiz import opentdb

    with guard():
        loaded = core.load_bank(bank)
        if fmt is Format.json:
            sys.stdout.write(bank_mod.export_json(loaded.questions))
            return
        doc, skipped = opentdb.export(loaded.questions)
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        if skipped:
            sys.stderr.write(f"heroes-quiz: skipped {skipped} text/number question(s); "
                             "Open Trivia DB has only multiple choice and true/false.\n")


@bank_app.command("list")
def bank_list(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    bank: BankOpt = None,
) -> None:
    """Count questions per category × difficulty × kind."""
    from heroes_quiz import app as core
    from heroes_quiz import engine, ui

    with guard():
        loaded = core.load_bank(bank)
        level = difficulty.value if difficulty and difficulty is not Level.mixed else engine.MIXED
        wanted = frozenset({category.casefold()} if category else ())
        chosen = [q for q in loaded.questions if engine.matches(q, level, wanted)]
        ui.make_console().print(ui.bank_table(chosen, loaded.origin))


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    app(prog_name="heroes-quiz")
