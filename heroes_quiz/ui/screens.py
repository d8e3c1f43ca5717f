"""Whole screens: the end of a game, practice, daily, party and stats."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from heroes_quiz.ui.render import podium, review_panel, scores_table, summary_panel

if TYPE_CHECKING:  # only for annotations: a plain game should not import every mode
    from rich.table import Table

    from heroes_quiz.app import PlayReport, ScoresReport
    from heroes_quiz.modes import DailyReport, PartyReport, PracticeReport
    from heroes_quiz.stats import Accuracy, Stats


def warn(console: Console, message: str) -> None:
    """A yellow notice; the message is shown literally."""
    # Wrap between words ourselves and never split a long word (a file path), so it copies
    # whole; soft_wrap stops Rich from folding it again.
    lines = textwrap.wrap(message, max(console.width - 2, 10), break_long_words=False,
                          break_on_hyphens=False)
    notice = Text("⚠ ", style="bold yellow").append("\n  ".join(lines), style="yellow")
    console.print(notice, soft_wrap=True)


def plural(count: int, word: str = "question") -> str:
    """`1 question`, `2 questions`."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def show_title(console: Console) -> None:
    """The game's name, once at the top of the menu."""
    console.print(Text("★ We Can Be Heroes — the quiz ★", style="bold magenta"))


def show_start(console: Console, name: str, count: int, short_of: int) -> None:
    """A friendly line before the first question."""
    console.print()
    console.print(Text("Good luck, ").append(name, style="bold").append(f"! {plural(count)}."))
    if short_of:
        verb = "matches" if count == 1 else "match"
        warn(console, f"Only {plural(count)} {verb}, so the game has {count}, "
                      f"not {count + short_of}.")


def _saving(console: Console, report: PlayReport) -> bool:
    for message in report.save.warnings:
        warn(console, message)
    if not report.save.saved:
        warn(console, f"Your score was not saved: {report.problem}")
    return report.save.saved


def show_play_report(console: Console, report: PlayReport, *, table: bool = True) -> None:
    """The end of a game: summary, review of misses, save status and the high-score table."""
    console.print(summary_panel(report.result, report.save.rank, report.board))
    review = review_panel(report.result, console.width)
    if review is not None:
        console.print(review)
    if _saving(console, report) and table:
        console.print(scores_table(report.table, console))


def show_scores(console: Console, report: ScoresReport) -> None:
    """The high-score table, after any storage warnings."""
    for message in report.warnings:
        warn(console, message)
    console.print(scores_table(report.rows, console))


def show_practice(console: Console, name: str, report: PracticeReport | None) -> None:
    """The end of a practice round, or why there was none."""
    if report is None:
        console.print(Text("Nothing to practise, ").append(name, style="bold")
                      .append("! Questions you miss in a game come back here."))
        return
    show_play_report(console, report.played, table=False)
    left = report.still_due
    console.print(Text(f"{left} question(s) still to practise." if left
                       else "All practised — well done!", style="bold"))


def show_daily(console: Console, report: DailyReport) -> None:
    """The daily result and the share card (also when it was played before)."""
    if report.played is None:
        console.print(Text(f"You already played the daily challenge for {report.day}. "
                           "Come back tomorrow!", style="bold"))
    else:
        show_play_report(console, report.played, table=False)
    console.print(Text("Share your result:", style="bold"))
    console.print(Text(report.card), soft_wrap=True)


def show_party(console: Console, report: PartyReport) -> None:
    """The podium, each player's review of missed questions, then how saving went."""
    console.print(podium(report.result.table, report.result.winners))
    for played in report.saved:
        review = review_panel(played.result, console.width, whose=True)
        if review is not None:
            console.print(review)
    for played in report.saved:
        _saving(console, played)


def _accuracy_table(title: str, rows: dict[str, Accuracy]) -> Table:
    from rich.table import Table  # only `stats` draws these

    table = Table(title=title, box=box.SIMPLE_HEAD, title_style="bold")
    for name, justify in (("", "left"), ("Right", "right"), ("Accuracy", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for key, acc in rows.items():
        table.add_row(Text(key), f"{acc.correct}/{acc.total}", f"{acc.percent}%")
    return table


def show_stats(console: Console, figures: Stats) -> None:
    """A player's statistics."""
    if not figures.games:
        console.print(Text("No games yet for ").append(figures.name, style="bold")
                      .append(" — play one first!"))
        return
    lines = Text.assemble(
        ("Games played: ", "bold"), str(figures.games), "\n",
        ("Best answer streak: ", "bold"), str(figures.best_streak), "\n",
        ("Average answer time: ", "bold"), f"{figures.average_time:.1f}s", "\n",
        ("Daily streak: ", "bold"), f"{figures.daily_streak} day(s)")
    console.print(Panel(lines, title=Text(f"Stats for {figures.name}"), box=box.ROUNDED))
    console.print(_accuracy_table("By level", figures.difficulties))
    console.print(_accuracy_table("By category", figures.categories))
