"""Who is playing and at which level: remembered names and levels, and their options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, cast

import typer

from heroes_quiz.cli.common import Session, ask_name
from heroes_quiz.i18n import N_, _

if TYPE_CHECKING:
    from heroes_quiz.ui.endgame import Pager
    from heroes_quiz.ui.prompters import InteractivePrompter

DetailsOpt = Annotated[bool, typer.Option(
    "--details", help="After each answer, also show the full points sum "
                      "(base, time, streak, half).")]
SOMEONE_NEW = N_("Someone new")
LEVELS = ("easy", "medium", "hard", "mixed")


def interactive_asker(s: Session) -> InteractivePrompter | None:
    """The arrow-key prompter, or None in plain mode."""
    return None if s.plain else cast("InteractivePrompter", s.asker)


def pager(s: Session) -> Pager | None:
    """What waits for a key between end-of-game screens (None in plain mode)."""
    return interactive_asker(s)


def show_details(s: Session, details: bool) -> None:
    """Turn on the full points sum after each answer."""
    s.asker.details = details


def pick_name(s: Session, given: str | None) -> str:
    """--name; else in a terminal the recent names and "Someone new"; else the default."""
    from heroes_quiz import family
    from heroes_quiz.names import clean_name

    asker = interactive_asker(s)
    recent = family.recent_names()
    if given is None and asker is not None and recent:
        picked: int = asker.choose(_("Who's playing?"), [*recent, _(SOMEONE_NEW)])
        if picked < len(recent):
            return recent[picked]
    return clean_name(ask_name(s.asker, given, s.plain))


def pick_level(s: Session, given: str | None) -> str:
    """--difficulty; else in a terminal a picker with each level's description (last level
    first under the pointer); else easy. The level is remembered for next time."""
    from heroes_quiz import family
    from heroes_quiz.ui.render import level_title

    asker = interactive_asker(s)
    level = given or "easy"
    if not given and asker is not None:
        level = asker.choose(_("Pick a level:"), [level_title(v) for v in LEVELS], LEVELS,
                             default=family.last_level())
    family.remember_level(level)
    return level


def known_player(s: Session, given: str | None, whose: str) -> str:
    """--name; else the last player here, saying so (`whose` is a sentence with {name});
    else as a game would ask."""
    from heroes_quiz import family
    from heroes_quiz.names import clean_name

    last = family.last_player() if given is None else None
    if last is None:
        return clean_name(ask_name(s.asker, given, s.plain))
    from heroes_quiz.ui.screens import note

    note(s.console, whose.format(name=last))
    return last


def language_title() -> str:
    """The menu's language switch, in both languages at once: 'Language / Idioma: Español'."""
    from heroes_quiz import i18n

    return f"Language / Idioma: {i18n.NAMES[i18n.language()]}"


def switch_language(s: Session) -> None:
    """The menu's language switch: English ↔ Español, now and on later starts."""
    from heroes_quiz import i18n

    other = i18n.SPANISH if i18n.language() == i18n.ENGLISH else i18n.ENGLISH
    saved = i18n.remember(other)
    from heroes_quiz.ui.aloud import follow_language

    follow_language(s.asker.voice, s.console)
    if not saved:
        from heroes_quiz.ui.screens import warn

        warn(s.console, _("The language could not be saved; it is used for this time only."))
