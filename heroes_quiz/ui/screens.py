"""Whole screens: the end of a game, practice, daily, party and stats."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.text import Text

from heroes_quiz.i18n import N_, _, ngettext
from heroes_quiz.ui import endgame
from heroes_quiz.ui.endgame import Pager
from heroes_quiz.ui.render import podium, scores_table, summary_panel
from heroes_quiz.ui.shown import category_name, level_name, questions
from heroes_quiz.ui.words import fill

if TYPE_CHECKING:  # only for annotations: a plain game should not import every mode
    from rich.table import Table

    from heroes_quiz.app import PlayReport, ScoresReport
    from heroes_quiz.modes import DailyReport, PartyReport, PracticePlan, PracticeReport
    from heroes_quiz.stats import Accuracy, Stats


def warn(console: Console, message: str) -> None:
    """A yellow notice; the message is shown literally."""
    # Wrap between words ourselves and never split a long word (a file path), so it copies
    # whole; soft_wrap stops Rich from folding it again.
    lines = textwrap.wrap(message, max(console.width - 2, 10), break_long_words=False,
                          break_on_hyphens=False)
    notice = Text("⚠ ", style="bold yellow").append("\n  ".join(lines), style="yellow")
    console.print(notice, soft_wrap=True)


def note(console: Console, message: str) -> None:
    """A quiet line of explanation, shown literally."""
    console.print(Text(message, style="dim"))


def show_title(console: Console) -> None:
    """The game's name, once at the top of the menu."""
    console.print(Text(_("★ We Can Be Heroes — the quiz ★"), style="bold magenta"))


def show_start(console: Console, name: str, count: int, short_of: int) -> None:
    """A friendly line before the first question."""
    console.print()
    console.print(fill(_("Good luck, {name}! {questions}."), name=Text(name, style="bold"),
                       questions=questions(count)))
    if short_of:
        warn(console, ngettext("Only {count} question matches, so the game has {count}, not "
                               "{wanted}.", "Only {count} questions match, so the game has "
                               "{count}, not {wanted}.", count).format(
                                   count=count, wanted=count + short_of))


def _saving(console: Console, report: PlayReport) -> bool:
    for message in report.save.warnings:
        warn(console, message)
    if not report.save.saved:
        warn(console, _("Your score was not saved: {problem}").format(problem=report.problem))
    return report.save.saved


def _summary(report: PlayReport, title: str, compact: bool = False) -> Panel:
    return summary_panel(report.result, report.save.rank, report.board, title=title,
                         compact=compact)


def show_play_report(console: Console, report: PlayReport, *, table: bool = True,
                     pager: Pager | None = None, reserve: int = 2,
                     after: tuple[RenderableType, ...] = (), title: str = "") -> None:
    """The end of a game: summary, review of misses, then summary, save status and table."""
    def final(room: int | None) -> list[RenderableType]:
        parts: list[RenderableType] = [_summary(report, title, compact=room is not None), *after]
        if not _saving(console, report) or not table:
            return parts
        left = None if room is None else room - sum(endgame.height(console, p) for p in parts)
        fitted = endgame.fitted_table(console, report.table, report.save.rank, left)
        return parts if fitted is None else [*parts, fitted]

    endgame.finish(console, pager, _summary(report, title), [(report.result, False)], final,
                   reserve=reserve)


def show_scores(console: Console, report: ScoresReport) -> None:
    """The high-score table, after any storage warnings."""
    for message in report.warnings:
        warn(console, message)
    console.print(scores_table(report.rows, console))


THREE_IN_A_ROW = N_("Each question needs three right answers in a row to leave your practice "
                    "boxes.")


def _boxes(waiting: tuple[int, ...]) -> Text:
    box_words = _("Box {number}: {questions}")
    return Text("   ".join(box_words.format(number=n, questions=questions(count))
                           for n, count in enumerate(waiting, start=1)))


def show_practice_start(console: Console, plan: PracticePlan) -> None:
    """What is waiting, why, and the boxes, before a practice round."""
    console.print()
    console.print(fill(ngettext("Practice for {name}: {count} question this round.",
                                "Practice for {name}: {count} questions this round.",
                                len(plan.due)), name=Text(plan.name, style="bold"),
                       count=len(plan.due)))
    console.print(Text(_(THREE_IN_A_ROW)))
    console.print(_boxes(plan.waiting))


def show_practice(console: Console, name: str, report: PracticeReport | None,
                  pager: Pager | None = None) -> None:
    """The end of a practice round, or why there was none."""
    if report is None:
        console.print(fill(_("Nothing to practise, {name}! Questions you miss in a game come back "
                             "here."), name=Text(name, style="bold")))
        return
    left = report.still_due
    after: tuple[RenderableType, ...] = (
        Text(ngettext("{count} question still to practise.",
                      "{count} questions still to practise.", left).format(count=left),
             style="bold"), Text(_(THREE_IN_A_ROW)),
        _boxes(report.waiting)) if left else (
        Text(_("All practised — well done! Every question got three right answers in a row."),
             style="bold"),)
    show_play_report(console, report.played, table=False, pager=pager, after=after,
                     title=_("Practice done"))


def _shareable(card: str, console: Console) -> str:
    from heroes_quiz import daily, streams  # an ASCII-only output gets O and X, not "??"

    return card if streams.can_encode(card, console.file) else daily.ascii_card(card)


def show_daily(console: Console, report: DailyReport, pager: Pager | None = None) -> None:
    """The daily result and the share card (also when it was played before)."""
    card = (Text(_("Share your result:"), style="bold"), Text(_shareable(report.card, console)))
    if report.played is None:
        console.print(Text(_("You already played the daily challenge for {day}. Come back "
                             "tomorrow!").format(day=report.day), style="bold"))
        for part in card:
            console.print(part, soft_wrap=True)
        return
    show_play_report(console, report.played, table=False, pager=pager, after=card,
                     title=_("Daily challenge done"))


def show_party(console: Console, report: PartyReport, pager: Pager | None = None) -> None:
    """The podium, each player's review of missed questions, then the podium and saving."""
    top = podium(report.result.table, report.result.winners)

    def final(room: int | None) -> list[RenderableType]:
        for played in report.saved:
            _saving(console, played)
        return [top]

    reviews = [(played.result, True) for played in report.saved]
    endgame.finish(console, pager, top, reviews, final, reserve=2)


def _accuracy_table(title: str, rows: dict[str, Accuracy], shown: Callable[[str], str]
                    ) -> Table:
    from rich.table import Table  # only `stats` draws these

    table = Table(title=title, box=box.SIMPLE_HEAD, title_style="bold")
    for name, justify in (("", "left"), (_("Right"), "right"), (_("Accuracy"), "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for key, acc in rows.items():
        table.add_row(Text(shown(key)), f"{acc.correct}/{acc.total}", f"{acc.percent}%")
    return table


def show_stats(console: Console, figures: Stats) -> None:
    """A player's statistics."""
    if not figures.games:
        console.print(fill(_("No games yet for {name} — play one first!"),
                           name=Text(figures.name, style="bold")))
        return
    days = figures.daily_streak
    lines = Text.assemble(  # a label, then its figure
        (_("Games played:"), "bold"), " ", str(figures.games), "\n",
        (_("Best answer streak:"), "bold"), " ", str(figures.best_streak), "\n",
        (_("Average answer time:"), "bold"), " ", f"{figures.average_time:.1f}s", "\n",
        (_("Daily streak:"), "bold"), " ",
        ngettext("{count} day", "{count} days", days).format(count=days))
    console.print(Panel(lines, title=fill(_("Stats for {name}"), name=Text(figures.name)),
                        box=box.ROUNDED))
    console.print(_accuracy_table(_("By level"), figures.difficulties, level_name))
    console.print(_accuracy_table(_("By category"), figures.categories, category_name))
