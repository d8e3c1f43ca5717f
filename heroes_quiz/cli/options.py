"""`--lang` for every game command, and --help in the language in force.

Add `lang: LangOpt = None` to a command's parameters: the option switches the language while
the command line is parsed (an eager callback), so the command's body needs no code for it;
`None` (no flag) leaves the other rules to decide. Build commands with `cls=HelpCommand` (and
apps with `cls=HelpGroup`) to show our own help texts translated; click's words stay English.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from heroes_quiz.i18n import N_


class Lang(StrEnum):
    """Languages on the command line."""

    en = "en"
    es = "es"


LANG_HELP = N_("Language: en (English) or es (Spanish). "
               "Default: $HEROES_QUIZ_LANG, the menu's choice, then your system's language.")


def apply_lang(value: Lang | None) -> Lang | None:
    """Switch the game's language as soon as --lang is read."""
    if value is not None:
        from heroes_quiz import i18n

        i18n.set_language(value.value)
    return value


LangOpt = Annotated[Lang | None, typer.Option(
    "--lang", callback=apply_lang, is_eager=True, case_sensitive=False, show_default=False,
    help=LANG_HELP)]


def lang_in_args(args: Sequence[str]) -> str | None:
    """The value of `--lang X` or `--lang=X` in `args` (help may be asked for before it)."""
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def translate_help(command: TyperCommand | TyperGroup, args: Sequence[str] | None = None
                   ) -> None:
    """Put our help texts for `command` (and its subcommands) in the language in force."""
    from heroes_quiz import i18n

    flag = i18n.normalise(lang_in_args(sys.argv[1:] if args is None else args))
    if flag:
        i18n.set_language(flag)
    if i18n.language() == i18n.ENGLISH:
        return  # the source texts: no catalog to load
    for cmd in _tree(command):
        cmd.help = i18n._(cmd.help) if cmd.help else cmd.help
        cmd.short_help = i18n._(cmd.short_help) if cmd.short_help else cmd.short_help
        for param in cmd.params:
            if isinstance(param, TyperOption | TyperArgument) and param.help:
                param.help = i18n._(param.help)


def _tree(command: TyperCommand | TyperGroup) -> Iterator[TyperCommand | TyperGroup]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _tree(sub)


class HelpCommand(TyperCommand):
    """A typer command whose --help speaks the game's language."""

    # click's types stay Any: typer may bring its own copy of click.
    def format_help(self, ctx: Any, formatter: Any) -> None:
        translate_help(self)
        super().format_help(ctx, formatter)


class HelpGroup(TyperGroup):
    """A typer group whose --help (and its command list) speaks the game's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        translate_help(self)
        super().format_help(ctx, formatter)
