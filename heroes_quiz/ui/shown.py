"""Words for values the core keeps in English: levels, tables, categories, true/false, counts.

Stored values stay English, so high-score tables and exports are the same in every language;
these functions give the words a player sees for them, in the language in force.
"""

from __future__ import annotations

from heroes_quiz.i18n import N_, _, ngettext, pgettext
from heroes_quiz.models import Kind, Question, Turn

# Stored values stay English (tables are shared); `level_title` shows them translated.
LEVEL_TITLES = {
    "easy": N_("easy — for kids who have seen the trailer"),
    "medium": N_("medium — for kids who have seen the film"),
    "hard": N_("hard — for close watchers and readers"),
    "mixed": N_("mixed — a bit of everything"),
}


def level_title(level: str) -> str:
    """A level with its description, as the level picker shows it."""
    return _(LEVEL_TITLES[level]) if level in LEVEL_TITLES else level


def level_name(level: str) -> str:
    """'easy' as shown ('fácil' in Spanish); a value we do not know stays as it is."""
    names = {"easy": pgettext("level", "easy"), "medium": pgettext("level", "medium"),
             "hard": pgettext("level", "hard"), "mixed": pgettext("level", "mixed")}
    return names.get(level, level)


def board_name(board: str) -> str:
    """A high-score table in "#2 on the {table} table": a level ("easy") or a mode ("daily")."""
    # Their own context: Spanish words a table's name differently from a level ("del nivel fácil").
    names = {"easy": pgettext("board", "easy"), "medium": pgettext("board", "medium"),
             "hard": pgettext("board", "hard"), "mixed": pgettext("board", "mixed"),
             "daily": pgettext("board", "daily"), "party": pgettext("board", "party")}
    return names.get(board, board)


def category_name(category: str) -> str:
    """A built-in category as shown; an own bank's category is bank text and stays as it is."""
    names = {"cast": pgettext("category", "cast"), "genre": pgettext("category", "genre"),
             "making-of": pgettext("category", "making-of"),
             "release": pgettext("category", "release"),
             "sequel": pgettext("category", "sequel"),
             "spy-kids": pgettext("category", "spy-kids"),
             "story": pgettext("category", "story"),
             "viewership": pgettext("category", "viewership")}
    return names.get(category, category)


def answer_words(question: Question) -> str:
    """The right answer as shown: true/false in the player's language, the rest as banked."""
    if question.kind is Kind.TRUE_FALSE:
        return _("True") if question.answer else _("False")
    return question.answer_text()


def option_titles(turn: Turn) -> tuple[str, ...]:
    """The options as shown: True/False in the player's language, bank options as they are."""
    if turn.question.kind is Kind.TRUE_FALSE:  # the values stay "True"/"False"
        words = {"True": _("True"), "False": _("False")}
        return tuple(words.get(o, o) for o in turn.options)
    return turn.options


def given_words(question: Question, given: str) -> str:
    """What the player answered, with the judge's true/false words translated."""
    if question.kind is Kind.TRUE_FALSE and given in ("True", "False"):
        return _("True") if given == "True" else _("False")
    return given


def questions(count: int) -> str:
    """`1 question`, `2 questions`."""
    return ngettext("{count} question", "{count} questions", count).format(count=count)


def points_words(count: int) -> str:
    """`1 point`, `2 points`."""
    return ngettext("{count} point", "{count} points", count).format(count=count)
