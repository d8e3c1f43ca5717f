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

from heroes_quiz import scoring
from heroes_quiz.models import Action, GameResult, Kind, Outcome, ScoreRow, Turn

if TYPE_CHECKING:
    from heroes_quiz.party import Standing

NARROW = 50
RIGHT, WRONG, CLOSE = "green", "red", "yellow"


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
    if numbered and turn.options:
        options = Text()
        for n, option in enumerate(turn.options, start=1):
            options.append(f"\n  {n}. ", style="cyan").append(option)
        lines.append(options)
    title = Text(f"Question {turn.number} of {turn.total}", style="bold")
    if turn.player:
        title = Text(f"{turn.player} · round {turn.number} of {turn.total}", style="bold")
    subtitle = Text(f"{q.difficulty} · {q.category} · score {turn.score_so_far}")
    return Panel(Group(*lines), title=title, subtitle=subtitle, box=box.ROUNDED,
                 border_style="cyan", padding=(1, 2))


def _headline(outcome: Outcome) -> Text:
    verdict = outcome.verdict
    if verdict.timed_out:
        return Text("⏱ TIME'S UP", style=f"bold {CLOSE}")
    if verdict.skipped:
        return Text("⤼ SKIPPED — your streak is safe", style=f"bold {CLOSE}")
    if verdict.correct:
        return Text("✓ RIGHT!", style=f"bold {RIGHT}")
    if verdict.partial:
        return Text("≈ CLOSE — half points", style=f"bold {CLOSE}")
    return Text("✗ NOT QUITE", style=f"bold {WRONG}")


def feedback_panel(outcome: Outcome) -> Panel:
    """Right or wrong in words and colour, the answer, why, and where it comes from."""
    q = outcome.turn.question
    lines = [_headline(outcome)]
    if outcome.verdict.forgiven:
        lines.append(Text("✓ accepted — it's spelled ").append(q.answer_text(), style="bold"))
    elif not outcome.verdict.correct:
        if outcome.verdict.given and not (outcome.verdict.skipped or outcome.verdict.timed_out):
            lines.append(Text("You said: ").append(outcome.verdict.given))
        lines.append(Text("The answer: ").append(q.answer_text(), style="bold"))
    lines.append(Text(q.explanation))
    lines.append(Text("Source: ", style="dim").append(q.source, style="dim italic"))
    lines.append(Text(f"{scoring.breakdown(outcome.points)}   ·   total {outcome.score}"))
    style = RIGHT if outcome.verdict.correct else WRONG
    if outcome.verdict.partial or outcome.verdict.skipped or outcome.verdict.timed_out:
        style = CLOSE
    return Panel(Group(*lines), border_style=style, box=box.HEAVY, padding=(0, 2))


def summary_panel(result: GameResult, rank: int, board: str = "") -> Panel:
    """The end-of-game card: score, right answers, accuracy and any top-10 rank."""
    lines = [
        Text("Well played, ").append(result.name, style="bold").append("!"),
        Text(f"Score: {result.score} points", style="bold"),
        Text(f"Right answers: {result.correct} of {result.total} "
             f"({round(result.accuracy * 100)}%)"),
    ]
    if rank and result.score > 0:
        lines.append(Text(f"🏆 New high score! #{rank} on the {board or result.difficulty} table.",
                          style="bold yellow"))
    return Panel(Group(*lines), title=Text("Game over", style="bold"), border_style="magenta",
                 box=box.DOUBLE, padding=(1, 2))


def as_list(console: Console) -> bool:
    """Narrow screens, pipes and log files get lists, not tables: nothing to cut, easy to grep."""
    return console.width < NARROW or not console.is_terminal


def _date(iso: str) -> str:
    return iso[:10]


def scores_table(rows: Sequence[ScoreRow], console: Console) -> RenderableType:
    """The high-score table, or a simple list when the terminal is narrow."""
    if not rows:
        return Text("No scores yet — play a game to be the first!")
    if as_list(console):
        return _scores_list(rows)
    from rich.table import Table  # costs ~4 ms of start-up; only terminals draw tables

    table = Table(title="High scores", box=box.SIMPLE_HEAVY, title_style="bold")
    for name, justify in (("#", "right"), ("Name", "left"), ("Level", "left"),
                          ("Score", "right"), ("Right", "right"), ("Date", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(str(row.rank), Text(row.name), row.difficulty, str(row.score),
                      f"{row.correct}/{row.total}", _date(row.played_at))
    return table


def _scores_list(rows: Sequence[ScoreRow]) -> Text:
    out = Text("High scores\n", style="bold")
    for row in rows:
        out.append(f"{row.rank}. ").append(row.name, style="bold")
        out.append(f"\n   {row.score} pts · {row.correct}/{row.total} · {row.difficulty}"
                   f" · {_date(row.played_at)}\n")
    return out


def lifeline_hint(lifelines: Iterable[Action]) -> Text:
    """Which lifelines are left, in plain mode."""
    words = {Action.FIFTY: "type 50 for 50:50", Action.SKIP: "type skip to skip"}
    return Text("Lifelines left: " + ", ".join(words[a] for a in sorted(lifelines)), style="dim")


def review_panel(result: GameResult, width: int = 80, *, whose: bool = False) -> Panel | None:
    """Every missed question: what was said, the right answer and why."""
    missed = [o for o in result.outcomes if o.missed]
    if not missed:
        return None
    room = max(width - 4, 20)  # inside the panel's border and padding
    hang = len(f"Q{missed[-1].turn.number}. ")  # room for the widest label, "Q10. "
    lines: list[RenderableType] = []
    for o in missed:
        q = o.turn.question
        # A hanging indent keeps each question's lines under its text, not under "Q3.".
        label = f"Q{o.turn.number}. ".ljust(hang)
        head = textwrap.fill(label + q.prompt, room, subsequent_indent=" " * hang)
        detail = Text("You: ").append(o.verdict.given or "(no answer)")
        detail.append("  ·  Answer: ").append(q.answer_text(), style="bold green")
        why = textwrap.fill(q.explanation, room - hang)
        lines += [Text(head, style="bold"),
                  Padding(Group(detail, Text(why, style="dim")), (0, 0, 0, hang))]
    title = Text("Let's review", style="bold")
    if whose:  # a party shows one review per player
        title.append(" — ").append(result.name)
    return Panel(Group(*lines), title=title, border_style="blue", padding=(0, 1))


def your_turn(name: str, round_no: int, rounds: int) -> Panel:
    """The hot-seat handover card."""
    return Panel(Text(f"{name}, your turn!", style="bold"),
                 subtitle=Text(f"round {round_no} of {rounds}"), border_style="magenta",
                 box=box.DOUBLE)


def standings_table(table: Sequence[Standing], round_no: int, rounds: int,
                    console: Console) -> RenderableType:
    """Party standings after a round."""
    title = "Final standings" if round_no == rounds else f"Standings after round {round_no}"
    if as_list(console):
        out = Text(title + "\n", style="bold")
        for s in table:
            out.append(f"{s.place}. ").append(s.name, style="bold").append(f" {s.score}\n")
        return out
    from rich.table import Table

    grid = Table(title=title, box=box.SIMPLE_HEAVY, title_style="bold")
    for name, justify in (("#", "right"), ("Player", "left"), ("Score", "right"),
                          ("Right", "right"), ("Time", "right")):
        grid.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in table:
        grid.add_row(str(s.place), Text(s.name), str(s.score), f"{s.correct}/{s.asked}",
                     f"{s.time_used:.1f}s")
    return grid


MEDALS = ("🥇", "🥈", "🥉")


def podium(table: Sequence[Standing], winners: Sequence[str]) -> Panel:
    """The end of a party: medals and who won."""
    lines = [Text(" and ".join(winners) + (" win!" if len(winners) > 1 else " wins!"),
                  style="bold yellow")]
    for s in table:
        medal = MEDALS[s.place - 1] if s.place <= len(MEDALS) else f"{s.place}."
        lines.append(Text(f"{medal} ").append(s.name, style="bold")
                     .append(f"  {s.score} points · {s.correct}/{s.asked} right"))
    return Panel(Group(*lines), title=Text("Podium", style="bold"), border_style="yellow",
                 box=box.DOUBLE, padding=(1, 2))


def kind_hint(kind: Kind) -> str:
    """The short reminder of how to answer in plain mode."""
    return {
        Kind.CHOICE: "Type the number of your answer",
        Kind.TRUE_FALSE: "Type 1 for True or 2 for False (or y / n)",
        Kind.TEXT: "Type your answer",
        Kind.NUMBER: "Type a number",
    }[kind]
