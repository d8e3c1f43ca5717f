"""`--lang`, shared by every game command: add `lang: LangOpt = None` to its parameters.

The option switches the language while the command line is parsed (an eager callback), so a
command's body needs no code for it; `None` (no flag) leaves the other rules to decide.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

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
