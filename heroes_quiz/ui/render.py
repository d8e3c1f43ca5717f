"""Rich renderables for questions, feedback, summaries and tables.

Player names and bank text are always wrapped in Text so they never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from heroes_quiz import scoring
from heroes_quiz.models import GameResult, Kind, Outcome, ScoreRow, Turn

NARROW = 50
RIGHT, WRONG, CLOSE = "green", "red", "yellow"


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console that never reads markup or emoji codes out of our data."""
    return Console(stderr=stderr, highlight=False, emoji=False, width=width)


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
    subtitle = Text(f"{q.difficulty} · {q.category} · score {turn.score_so_far}")
    return Panel(Group(*lines), title=title, subtitle=subtitle, box=box.ROUNDED,
                 border_style="cyan", padding=(1, 2))


def _headline(outcome: Outcome) -> Text:
    verdict = outcome.verdict
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
        if outcome.verdict.given:
            lines.append(Text("You said: ").append(outcome.verdict.given))
        lines.append(Text("The answer: ").append(q.answer_text(), style="bold"))
    lines.append(Text(q.explanation))
    lines.append(Text("Source: ", style="dim").append(q.source, style="dim italic"))
    lines.append(Text(f"{scoring.breakdown(outcome.points)}   ·   total {outcome.score}"))
    style = RIGHT if outcome.verdict.correct else CLOSE if outcome.verdict.partial else WRONG
    return Panel(Group(*lines), border_style=style, box=box.HEAVY, padding=(0, 2))


def summary_panel(result: GameResult, rank: int) -> Panel:
    """The end-of-game card: score, right answers, accuracy and any top-10 rank."""
    lines = [
        Text("Well played, ").append(result.name, style="bold").append("!"),
        Text(f"Score: {result.score} points", style="bold"),
        Text(f"Right answers: {result.correct} of {result.total} "
             f"({round(result.accuracy * 100)}%)"),
    ]
    if rank:
        lines.append(Text(f"🏆 New high score! #{rank} on the {result.difficulty} table.",
                          style="bold yellow"))
    return Panel(Group(*lines), title=Text("Game over", style="bold"), border_style="magenta",
                 box=box.DOUBLE, padding=(1, 2))


def _date(iso: str) -> str:
    return iso[:10]


def scores_table(rows: Sequence[ScoreRow], console: Console) -> RenderableType:
    """The high-score table, or a simple list when the terminal is narrow."""
    if not rows:
        return Text("No scores yet — play a game to be the first!")
    if console.width < NARROW:
        return _scores_list(rows)
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


def kind_hint(kind: Kind) -> str:
    """The short reminder of how to answer in plain mode."""
    return {
        Kind.CHOICE: "Type the number of your answer",
        Kind.TRUE_FALSE: "Type 1 for True or 2 for False (or y / n)",
        Kind.TEXT: "Type your answer",
        Kind.NUMBER: "Type a number",
    }[kind]
