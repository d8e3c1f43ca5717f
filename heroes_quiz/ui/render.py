"""Rich renderables for questions, feedback, summaries and tables.

Player names and bank text are always wrapped in Text so they never become markup.
"""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from heroes_quiz.i18n import _, ngettext
from heroes_quiz.models import (
    Action,
    GameResult,
    Kind,
    Note,
    Outcome,
    Points,
    Question,
    ScoreRow,
    Turn,
    Verdict,
)
from heroes_quiz.ui.shown import (
    LEVEL_TITLES,
    answer_words,
    board_name,
    category_name,
    given_words,
    level_name,
    level_title,
    option_titles,
    points_words,
    questions,
)
from heroes_quiz.ui.words import fill

if TYPE_CHECKING:
    from heroes_quiz.party import Standing

NARROW = 50
RIGHT, WRONG, CLOSE = "green", "red", "yellow"
__all__ = ["LEVEL_TITLES", "answer_words", "level_title", "option_titles", "points_words",
           "questions"]  # also shown from here: callers import them from render
def make_console() -> Console:
    """A console that never reads markup or emoji codes out of our data."""
    if os.environ.get("FORCE_COLOR") == "0":
        # Rich takes any FORCE_COLOR as "force"; 0 conventionally means no colour.
        return Console(highlight=False, emoji=False, no_color=True,
                       force_terminal=sys.stdout.isatty())
    return Console(highlight=False, emoji=False)


def question_panel(turn: Turn, numbered: bool) -> Panel:
    """The question in a panel; plain mode numbers the options inside it."""
    q = turn.question
    body = Text(q.prompt, style="bold")
    lines: list[RenderableType] = [body]
    if q.kind is Kind.NUMBER:  # under the prompt, so a slow reader sees it before typing
        hint = (fill(_("Type a number ({unit})."), unit=q.unit) if q.unit
                else Text(_("Type a number, like 12.")))
        hint.stylize("dim")
        lines.append(hint)
    if numbered and turn.options:
        options = Text()
        for n, option in enumerate(option_titles(turn), start=1):
            options.append(f"\n  {n}. ", style="cyan").append(option)
        lines.append(options)
    title = fill(_("Question {number} of {total}"), "bold", number=turn.number, total=turn.total)
    if turn.player:
        title = fill(_("{name} · round {number} of {total}"), "bold", name=Text(turn.player),
                     number=turn.number, total=turn.total)
    subtitle = fill(_("{level} · {category} · score {score}"), level=level_name(q.difficulty),
                    category=Text(category_name(q.category)), score=turn.score_so_far)
    return Panel(Group(*lines), title=title, subtitle=subtitle, box=box.ROUNDED,
                 border_style="cyan", padding=(1, 2))


def _headline(outcome: Outcome) -> Text:
    verdict = outcome.verdict
    if verdict.timed_out:
        return Text(_("⏱ TIME'S UP"), style=f"bold {CLOSE}")
    if verdict.skipped:  # only a streak worth keeping is mentioned
        words = _("⤼ SKIPPED — your streak is safe") if outcome.streak else _("⤼ SKIPPED")
        return Text(words, style=f"bold {CLOSE}")
    if verdict.correct:
        # Say what the judge read: "✓ 44 million — right!" for "forty-four million".
        said = verdict.reading if not verdict.forgiven else ""
        if said:
            return fill(_("✓ {said} — right!"), f"bold {RIGHT}", said=Text(said))
        return Text(_("✓ RIGHT!"), style=f"bold {RIGHT}")
    if verdict.partial:
        return Text(_("≈ CLOSE — half points"), style=f"bold {CLOSE}")
    return Text(_("✗ NOT QUITE"), style=f"bold {WRONG}")


def score_line(outcome: Outcome) -> Text:
    """What the answer earned in kid words: `+47 points · fast! · streak ×3`."""
    points, verdict = outcome.points, outcome.verdict
    if not points.total:
        return Text(_("0 points this time"))
    words = [ngettext("+{count} point", "+{count} points", points.total).format(
        count=points.total)]
    if outcome.turn.time_left is not None and points.time >= -(points.base // 4):
        words.append(_("fast!"))  # answered in the first half of the time
    if points.streak:
        words.append(_("streak ×{streak}").format(streak=outcome.streak))
    if verdict.halved:
        words.append(_("half: 50:50"))
    elif verdict.partial:
        words.append(_("half: close"))
    return Text(" · ".join(words), style="bold")


def breakdown(points: Points) -> str:
    """The full sum in words, for grown-ups: `200 base · −38 time · +40 streak = 202`."""
    if points.base == 0:
        return points_words(0)
    parts = [_("{points} base").format(points=points.base)]
    extras = ((points.time, _("{points} time")), (points.streak, _("{points} streak")),
              (points.partial, _("{points} half")))
    for value, label in extras:
        if value:
            parts.append(label.format(points=f"{'+' if value > 0 else '−'}{abs(value)}"))
    return " · ".join(parts) + f" = {points.total}"


def feedback_panel(outcome: Outcome, details: bool = False) -> Panel:
    """Right or wrong in words and colour, the answer, why, and where it comes from."""
    q = outcome.turn.question
    lines = [_headline(outcome)]
    if outcome.verdict.forgiven:
        spelled = outcome.verdict.reading or answer_words(q)
        lines.append(fill(_("✓ accepted — it's spelled {answer}"),
                          answer=Text(spelled, style="bold")))
    elif not outcome.verdict.correct:
        v = outcome.verdict
        if v.given and not (v.skipped or v.timed_out):
            lines.append(fill(_("You said: {answer}"), answer=given_words(q, v.given)))
        if v.note is Note.WRONG_UNIT:
            lines.append(fill(_("This question counts in {unit}."),
                              unit=Text(v.unit, style="bold")))
        lines.append(fill(_("The answer: {answer}"), answer=Text(answer_words(q), style="bold")))
    lines.append(Text(q.explanation))
    lines.append(fill(_("Source: {source}"), "dim", source=Text(q.source, style="dim italic")))
    lines.append(score_line(outcome))
    if details:  # the full sum, for grown-ups (--details)
        lines.append(Text(breakdown(outcome.points), style="dim"))
    lines.append(Text(ngettext("Total: {count} point", "Total: {count} points",
                               outcome.score).format(count=outcome.score)))
    style = RIGHT if outcome.verdict.correct else WRONG
    if outcome.verdict.partial or outcome.verdict.skipped or outcome.verdict.timed_out:
        style = CLOSE
    return Panel(Group(*lines), border_style=style, box=box.HEAVY, padding=(0, 2))


def summary_panel(result: GameResult, rank: int, board: str = "", *, title: str = "",
                  compact: bool = False) -> Panel:
    """The end-of-game card: score, right answers, accuracy and any top-10 rank."""
    lines = [
        fill(_("Well played, {name}!"), name=Text(result.name, style="bold")),
        Text(ngettext("Score: {count} point", "Score: {count} points", result.score)
             .format(count=result.score), style="bold"),
        Text(_("Right answers: {correct} of {total} ({percent}%)").format(
            correct=result.correct, total=result.total, percent=round(result.accuracy * 100))),
    ]
    if rank and result.score > 0:
        table = board_name(board or result.difficulty)
        lines.append(fill(_("🏆 New high score! #{rank} on the {table} table."), "bold yellow",
                          rank=rank, table=Text(table)))
    return Panel(Group(*lines), title=Text(title or _("Game over"), style="bold"),
                 border_style="magenta",
                 box=box.DOUBLE, padding=(0, 2) if compact else (1, 2))


def as_list(console: Console) -> bool:
    """Narrow screens, pipes and log files get lists, not tables: nothing to cut, easy to grep."""
    return console.width < NARROW or not console.is_terminal


def _date(iso: str) -> str:
    return iso[:10]


def scores_table(rows: Sequence[ScoreRow], console: Console) -> RenderableType:
    """The high-score table, or a simple list when the terminal is narrow."""
    if not rows:
        return Text(_("No scores yet — play a game to be the first!"))
    if as_list(console):
        return _scores_list(rows)
    from rich.table import Table  # costs ~4 ms of start-up; only terminals draw tables

    daily = any(row.day for row in rows)  # a daily table shows the challenge's date too
    table = Table(title=_("High scores"), box=box.SIMPLE_HEAVY, title_style="bold")
    columns = (("#", "right"), (_("Name"), "left"), (_("Level"), "left"), (_("Score"), "right"),
               (_("Right"), "right"), *(((_("Challenge"), "left"),) if daily else ()),
               (_("Played") if daily else _("Date"), "left"))
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for row in rows:
        day = (row.day,) if daily else ()
        table.add_row(str(row.rank), Text(row.name), level_name(row.difficulty), str(row.score),
                      f"{row.correct}/{row.total}", *day, _date(row.played_at))
    return table


def _scores_list(rows: Sequence[ScoreRow]) -> Text:
    out = Text(_("High scores") + "\n", style="bold")
    for row in rows:
        out.append(f"{row.rank}. ").append(row.name, style="bold")
        when = (_("challenge {day} · played {date}").format(day=row.day, date=_date(row.played_at))
                if row.day else _date(row.played_at))
        line = _("{score} pts · {correct}/{total} · {level} · {when}").format(
            score=row.score, correct=row.correct, total=row.total,
            level=level_name(row.difficulty), when=when)
        out.append(f"\n   {line}\n")
    return out


def lifeline_hint(lifelines: Iterable[Action]) -> Text:
    """Which lifelines are left, in plain mode."""
    words = {Action.FIFTY: _("type 50 for 50:50"), Action.SKIP: _("type skip to skip")}
    left = ", ".join(words[a] for a in sorted(lifelines))
    return Text(_("Lifelines left: {lifelines}").format(lifelines=left), style="dim")


def review_panel(result: GameResult, width: int = 80, *, whose: bool = False,
                 only: Sequence[Outcome] | None = None, page: str = "") -> Panel | None:
    """Every missed question (or `only` these): what was said, the right answer and why."""
    missed = [o for o in result.outcomes if o.missed] if only is None else list(only)
    if not missed:
        return None
    room = max(width - 4, 20)  # inside the panel's border and padding
    hang = len(_("Q{number}.").format(number=missed[-1].turn.number)) + 1  # "Q10. "
    lines: list[RenderableType] = []
    for o in missed:
        q = o.turn.question
        # A hanging indent keeps each question's lines under its text, not under "Q3.".
        label = (_("Q{number}.").format(number=o.turn.number) + " ").ljust(hang)
        head = textwrap.fill(label + q.prompt, room, subsequent_indent=" " * hang)
        detail = fill(_("You: {given}  ·  Answer: {answer}"), given=_given(o.verdict, q),
                      answer=Text(answer_words(q), style="bold green"))
        why = textwrap.fill(q.explanation, room - hang)
        lines += [Text(head, style="bold"),
                  Padding(Group(detail, Text(why, style="dim")), (0, 0, 0, hang))]
    title = Text(_("Let's review"), style="bold")
    if whose:  # a party shows one review per player
        title = fill(_("Let's review — {name}"), "bold", name=Text(result.name))
    if page:
        title.append(f" ({page})")
    return Panel(Group(*lines), title=title, border_style="blue", padding=(0, 1))


def your_turn(name: str, round_no: int, rounds: int) -> Panel:
    """The hot-seat handover card."""
    return Panel(fill(_("{name}, your turn!"), "bold", name=Text(name)),
                 subtitle=Text(_("round {number} of {total}").format(number=round_no,
                                                                     total=rounds)),
                 border_style="magenta",
                 box=box.DOUBLE)


def standings_table(table: Sequence[Standing], round_no: int, rounds: int,
                    console: Console) -> RenderableType:
    """Party standings after a round."""
    title = (_("Final standings") if round_no == rounds
             else _("Standings after round {number}").format(number=round_no))
    if as_list(console):
        out = Text(title + "\n", style="bold")
        for s in table:
            out.append(f"{s.place}. ").append(s.name, style="bold").append(f" {s.score}\n")
        return out
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAVY, title_style="bold")
    for name, justify in (("#", "right"), (_("Player"), "left"), (_("Score"), "right"),
                          (_("Right"), "right"), (_("Time"), "right")):
        grid.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in table:
        grid.add_row(str(s.place), Text(s.name), str(s.score), f"{s.correct}/{s.asked}",
                     f"{s.time_used:.1f}s")
    return grid


MEDALS = ("🥇", "🥈", "🥉")


def _seconds(mine: float, theirs: float) -> tuple[str, str]:
    """Whole seconds, or tenths when whole seconds would look equal."""
    digits = 0 if round(mine) != round(theirs) else 1
    return f"{mine:.{digits}f}", f"{theirs:.{digits}f}"


def tie_rule(table: Sequence[Standing]) -> Text | None:
    """Why the winner won an equal score: `Cy wins on time: 14 s against 19 s`."""
    if len(table) < 2 or table[0].score != table[1].score or table[0].place == table[1].place:
        return None
    mine, theirs = _seconds(table[0].time_used, table[1].time_used)
    return fill(_("{name} wins on time: {mine} s against {theirs} s."), name=Text(table[0].name),
                mine=mine, theirs=theirs)


def podium(table: Sequence[Standing], winners: Sequence[str]) -> Panel:
    """The end of a party: medals, who won, and how a tie was broken."""
    names = Text(winners[0])
    for name in winners[1:]:
        names = fill(_("{names} and {name}"), names=names, name=Text(name))
    cheer = _("{names} win!") if len(winners) > 1 else _("{names} wins!")
    lines = [fill(cheer, "bold yellow", names=names)]
    rule = tie_rule(table)
    if rule is not None:
        lines.append(rule)
    for s in table:
        medal = MEDALS[s.place - 1] if s.place <= len(MEDALS) else f"{s.place}."
        lines.append(fill(ngettext("{medal} {name}  {score} point · {correct}/{asked} right",
                                   "{medal} {name}  {score} points · {correct}/{asked} right",
                                   s.score), medal=medal, name=Text(s.name, style="bold"),
                          score=s.score, correct=s.correct, asked=s.asked))
    return Panel(Group(*lines), title=Text(_("Podium"), style="bold"), border_style="yellow",
                 box=box.DOUBLE, padding=(1, 2))


def fit_hint(label: str, hint: str, width: int) -> str:
    """`hint` after a prompt's label, or on the line below when they would not fit (never
    split inside a word); room is left for "? " and a countdown."""
    return hint if len(label) + len(hint) + 12 <= width else "\n" + hint


def _given(verdict: Verdict, question: Question) -> str:
    """What the player answered, as the review shows it."""
    if verdict.skipped:
        return _("(skipped)")
    if verdict.timed_out:
        return _("(time's up)")
    return given_words(question, verdict.given) if verdict.given else _("(no answer)")


def kind_hint(kind: Kind) -> str:
    """The short reminder of how to answer in plain mode."""
    if kind is Kind.CHOICE:
        return _("Type the number of your answer")
    if kind is Kind.TRUE_FALSE:
        return _("Type 1 for True or 2 for False (or y / n)")
    return _("Type your answer") if kind is Kind.TEXT else _("Type a number")
