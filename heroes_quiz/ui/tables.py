"""Authoring tables: coverage of a bank by category, difficulty and kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.text import Text

from heroes_quiz.i18n import _, ngettext
from heroes_quiz.models import Difficulty, Kind, Question
from heroes_quiz.ui.words import fill

if TYPE_CHECKING:
    from rich.table import Table


def bank_table(questions: Sequence[Question], origin: str) -> Table:
    """Counts per category × difficulty × kind, with totals per difficulty.

    Categories, levels and kinds are shown as a bank file spells them (what `--category` and
    `--difficulty` take), in every language; only the headings are translated.
    """
    from rich.table import Table  # imported here: games never draw this table

    counts = Counter((q.category, q.difficulty, q.kind) for q in questions)
    title = ngettext("{origin}: {count} question", "{origin}: {count} questions", len(questions))
    table = Table(title=fill(title, origin=Text(origin), count=len(questions)),
                  box=box.SIMPLE_HEAD)
    table.add_column(_("Category"))
    table.add_column(_("Level"))
    for kind in Kind:
        table.add_column(kind.value, justify="right")
    table.add_column(_("total"), justify="right", style="bold")
    categories = list(dict.fromkeys(q.category for q in questions))
    for category in categories:
        for n, level in enumerate(Difficulty):
            row = [counts[(category, level, kind)] for kind in Kind]
            table.add_row(Text(category) if n == 0 else "", level.value,
                          *map(str, row), str(sum(row)), end_section=n == len(Difficulty) - 1)
    for level in Difficulty:
        row = [sum(counts[(c, level, kind)] for c in categories) for kind in Kind]
        table.add_row(_("all"), level.value, *map(str, row), str(sum(row)))
    kinds = [sum(v for (_, _, k), v in counts.items() if k is kind) for kind in Kind]
    table.add_row(Text(_("all"), style="bold"), _("all"), *map(str, kinds), str(len(questions)))
    return table
