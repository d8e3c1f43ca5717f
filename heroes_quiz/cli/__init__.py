"""The typer app: parses arguments, calls app functions, hands results to ui.

Rich and questionary are imported inside commands only, so --version and --help stay fast.
"""

import os
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from heroes_quiz import __version__
from heroes_quiz.cli import bank_cmds, modes_cmds, play_cmds
from heroes_quiz.cli.common import PlainOpt, guard, session
from heroes_quiz.cli.options import HelpCommand, HelpGroup, LangOpt

app = typer.Typer(cls=HelpGroup, help="A family trivia game about We Can Be Heroes (2020).",
                  no_args_is_help=False)
bank_app = typer.Typer(cls=HelpGroup, help="Check, list, export and start question banks.",
                       no_args_is_help=True)
app.add_typer(bank_app, name="bank")

GAME_COMMANDS: dict[str, Callable[..., None]] = {
    "play": play_cmds.play, "scores": play_cmds.scores, "practice": modes_cmds.practice,
    "daily": modes_cmds.daily, "party": modes_cmds.party, "stats": modes_cmds.stats,
}
for name, command in GAME_COMMANDS.items():
    app.command(name, cls=HelpCommand)(command)
bank_app.command("check", cls=HelpCommand)(bank_cmds.check)
bank_app.command("list", cls=HelpCommand)(bank_cmds.list_)
bank_app.command("export", cls=HelpCommand)(bank_cmds.export)
bank_app.command("new", cls=HelpCommand)(bank_cmds.new)


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
    lang: LangOpt = None,
) -> None:
    """Play, see high scores or quit (the menu shows when no command is given)."""
    if ctx.invoked_subcommand is not None:
        return
    with guard():
        play_cmds.menu(session(plain, no_timer=False))


def main() -> None:
    """Console-script entry point."""
    from heroes_quiz import streams

    streams.prepare()  # closed descriptors, a reader that leaves early (`| head`)
    args = sys.argv[1:]
    if args and args[0] in GAME_COMMANDS and "_HEROES_QUIZ_COMPLETE" not in os.environ:
        # Typer builds every command before parsing; a game needs only its own (~4 ms less).
        alone = typer.Typer(add_completion=False)
        alone.command(args[0], cls=HelpCommand)(GAME_COMMANDS[args[0]])
        alone(args=args[1:], prog_name=f"heroes-quiz {args[0]}")
        return
    app(prog_name="heroes-quiz")
