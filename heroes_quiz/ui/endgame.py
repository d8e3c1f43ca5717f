"""The end of a game on one screen: summary, the review paged to fit, then summary and table.

In a terminal the player's name, score and right answers are on screen whenever the game
waits: the summary waits for a key, each review page fits the terminal, and the last screen
(summary, then as much of the table as fits above the menu) stays while the menu is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from rich.console import Console, RenderableType
from rich.panel import Panel

from heroes_quiz.i18n import _
from heroes_quiz.models import GameResult, Outcome, ScoreRow
from heroes_quiz.ui.render import review_panel, scores_table

PROMPT_ROWS = 2  # a "press any key" line and the cursor's row


class Pager(Protocol):
    """Something that waits for a key (the interactive prompter)."""

    next_after: float | None  # in a timed game, how long a walk-away pause lasts

    def pause(self, message: str, seconds: float | None = None) -> None:
        """Show `message` and wait for a key."""
        ...


#: Builds the last screen; its argument is how many rows it may take (None: no limit).
Final = Callable[[int | None], list[RenderableType]]


def height(console: Console, renderable: RenderableType) -> int:
    """How many rows `renderable` takes at this console's width."""
    return len(console.render_lines(renderable, console.options, pad=False))


def menu_rows(console: Console) -> int:
    """Rows the menu needs below the last screen: its question, four options and a spare
    row (the hint takes a row of its own in narrow terminals)."""
    return 7 if console.width >= 60 else 8


def _chunks(console: Console, result: GameResult, whose: bool, budget: int
            ) -> list[list[Outcome]]:
    chunks: list[list[Outcome]] = []
    for outcome in (o for o in result.outcomes if o.missed):
        trial = [*chunks[-1], outcome] if chunks else []
        panel = review_panel(result, console.width, whose=whose, only=trial,
                             page=page_label(9, 9))
        if trial and panel is not None and height(console, panel) <= budget:
            chunks[-1] = trial
        else:
            chunks.append([outcome])  # a question too tall for a page gets a page alone
    return chunks


def page_label(page: int, pages: int) -> str:
    """`2 of 3`, in a review page's title."""
    return _("{page} of {pages}").format(page=page, pages=pages)


def review_pages(console: Console, reviews: Sequence[tuple[GameResult, bool]],
                 budget: int) -> list[Panel]:
    """Review panels, each at most `budget` rows where a question allows."""
    pages: list[Panel] = []
    for result, whose in reviews:
        chunks = _chunks(console, result, whose, budget)
        for n, chunk in enumerate(chunks, start=1):
            label = page_label(n, len(chunks)) if len(chunks) > 1 else ""
            panel = review_panel(result, console.width, whose=whose, only=chunk, page=label)
            if panel is not None:
                pages.append(panel)
    return pages


def finish(console: Console, pager: Pager | None, first: RenderableType,
           reviews: Sequence[tuple[GameResult, bool]], final: Final, *, reserve: int) -> None:
    """Show the end of a game; `reserve` rows stay free below the last screen."""
    room = console.height - reserve if console.is_terminal else None
    if pager is None:  # a transcript: reviews first, so the summary ends up last
        for page in review_pages(console, reviews, 10**6):
            console.print(page)
        for part in final(room):
            console.print(part)
        return
    pages = review_pages(console, reviews, console.height - PROMPT_ROWS)
    # A timed game whose last question ran out of time has nobody watching: move on.
    idle = pager.next_after if any(r.outcomes and r.outcomes[-1].verdict.timed_out
                                   for r, _ in reviews) else None
    if pages:
        console.clear()
        console.print(first)
        pager.pause(_("Press any key for your review…"), idle)
    for n, page in enumerate(pages, start=1):
        console.clear()
        console.print(page)
        last = n == len(pages)
        pager.pause(_("Press any key to go on…") if last else _("Press any key for more…"), idle)
    console.clear()
    for part in final(room):
        console.print(part)


def _window(rows: Sequence[ScoreRow], rank: int, size: int) -> list[ScoreRow]:
    """The top `size` rows, the last one swapped for the player's row if it is further down."""
    if 0 < rank <= len(rows) and rank > size:
        return [*rows[:size - 1], rows[rank - 1]]
    return list(rows[:size])


def fitted_table(console: Console, rows: Sequence[ScoreRow], rank: int,
                 room: int | None) -> RenderableType | None:
    """The high-score table cut to `room` rows, keeping the player's row (None: no room)."""
    if room is None or not rows:
        return scores_table(rows, console)
    for size in range(len(rows), 0, -1):
        table = scores_table(_window(rows, rank, size), console)
        if height(console, table) <= room:
            return table
    return None
