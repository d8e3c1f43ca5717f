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
from heroes_quiz.models import Action, GameResult, Kind, Note, Outcome, ScoreRow, Turn, Verdict

if TYPE_CHECKING:
    from heroes_quiz.party import Standing

NARROW = 50
RIGHT, WRONG, CLOSE = "green", "red", "yellow"
LEVEL_TITLES = {
    "easy": "easy — for kids who have seen the trailer",
    "medium": "medium — for kids who have seen the film",
    "hard": "hard — for close watchers and readers",
    "mixed": "mixed — a bit of everything",
}


def plural(count: int, word: str = "question") -> str:
    """`1 question`, `2 questions`, `1 day`, `3 days`."""
    return f"{count} {word}{'' if count == 1 else 's'}"


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
        hint = f"Type a number ({q.unit})." if q.unit else "Type a number, like 12."
        lines.append(Text(hint, style="dim"))
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
    if verdict.skipped:  # only a streak worth keeping is mentioned
        words = "⤼ SKIPPED — your streak is safe" if outcome.streak else "⤼ SKIPPED"
        return Text(words, style=f"bold {CLOSE}")
    if verdict.correct:
        # Say what the judge read: "✓ 44 million — right!" for "forty-four million".
        said = verdict.reading if not verdict.forgiven else ""
        return Text(f"✓ {said} — right!" if said else "✓ RIGHT!", style=f"bold {RIGHT}")
    if verdict.partial:
        return Text("≈ CLOSE — half points", style=f"bold {CLOSE}")
    return Text("✗ NOT QUITE", style=f"bold {WRONG}")


def score_line(outcome: Outcome) -> Text:
    """What the answer earned in kid words: `+47 points · fast! · streak ×3`."""
    points, verdict = outcome.points, outcome.verdict
    if not points.total:
        return Text("0 points this time")
    words = [f"+{plural(points.total, 'point')}"]
    if outcome.turn.time_left is not None and points.time >= -(points.base // 4):
        words.append("fast!")  # answered in the first half of the time
    if points.streak:
        words.append(f"streak ×{outcome.streak}")
    if verdict.halved:
        words.append("half: 50:50")
    elif verdict.partial:
        words.append("half: close")
    return Text(" · ".join(words), style="bold")


def feedback_panel(outcome: Outcome, details: bool = False) -> Panel:
    """Right or wrong in words and colour, the answer, why, and where it comes from."""
    q = outcome.turn.question
    lines = [_headline(outcome)]
    if outcome.verdict.forgiven:
        spelled = outcome.verdict.reading or q.answer_text()
        lines.append(Text("✓ accepted — it's spelled ").append(spelled, style="bold"))
    elif not outcome.verdict.correct:
        if outcome.verdict.given and not (outcome.verdict.skipped or outcome.verdict.timed_out):
            lines.append(Text("You said: ").append(outcome.verdict.given))
        if outcome.verdict.note is Note.WRONG_UNIT:
            lines.append(Text("This question counts in ").append(outcome.verdict.unit,
                                                                  style="bold").append("."))
        lines.append(Text("The answer: ").append(q.answer_text(), style="bold"))
    lines.append(Text(q.explanation))
    lines.append(Text("Source: ", style="dim").append(q.source, style="dim italic"))
    lines.append(score_line(outcome))
    if details:  # the full sum, for grown-ups (--details)
        lines.append(Text(scoring.breakdown(outcome.points), style="dim"))
    lines.append(Text(f"Total: {plural(outcome.score, 'point')}"))
    style = RIGHT if outcome.verdict.correct else WRONG
    if outcome.verdict.partial or outcome.verdict.skipped or outcome.verdict.timed_out:
        style = CLOSE
    return Panel(Group(*lines), border_style=style, box=box.HEAVY, padding=(0, 2))


def summary_panel(result: GameResult, rank: int, board: str = "", *, title: str = "Game over",
                  compact: bool = False) -> Panel:
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
    return Panel(Group(*lines), title=Text(title, style="bold"), border_style="magenta",
                 box=box.DOUBLE, padding=(0, 2) if compact else (1, 2))


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

    daily = any(row.day for row in rows)  # a daily table shows the challenge's date too
    table = Table(title="High scores", box=box.SIMPLE_HEAVY, title_style="bold")
    columns = (("#", "right"), ("Name", "left"), ("Level", "left"), ("Score", "right"),
               ("Right", "right"), *((("Challenge", "left"),) if daily else ()),
               ("Played" if daily else "Date", "left"))
    for name, justify in columns:
        table.add_column(name, justify=justify)
    for row in rows:
        day = (row.day,) if daily else ()
        table.add_row(str(row.rank), Text(row.name), row.difficulty, str(row.score),
                      f"{row.correct}/{row.total}", *day, _date(row.played_at))
    return table


def _scores_list(rows: Sequence[ScoreRow]) -> Text:
    out = Text("High scores\n", style="bold")
    for row in rows:
        out.append(f"{row.rank}. ").append(row.name, style="bold")
        when = (f"challenge {row.day} · played {_date(row.played_at)}" if row.day
                else _date(row.played_at))
        out.append(f"\n   {row.score} pts · {row.correct}/{row.total} · {row.difficulty}"
                   f" · {when}\n")
    return out


def lifeline_hint(lifelines: Iterable[Action]) -> Text:
    """Which lifelines are left, in plain mode."""
    words = {Action.FIFTY: "type 50 for 50:50", Action.SKIP: "type skip to skip"}
    return Text("Lifelines left: " + ", ".join(words[a] for a in sorted(lifelines)), style="dim")


def review_panel(result: GameResult, width: int = 80, *, whose: bool = False,
                 only: Sequence[Outcome] | None = None, page: str = "") -> Panel | None:
    """Every missed question (or `only` these): what was said, the right answer and why."""
    missed = [o for o in result.outcomes if o.missed] if only is None else list(only)
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
        detail = Text("You: ").append(_given(o.verdict))
        detail.append("  ·  Answer: ").append(q.answer_text(), style="bold green")
        why = textwrap.fill(q.explanation, room - hang)
        lines += [Text(head, style="bold"),
                  Padding(Group(detail, Text(why, style="dim")), (0, 0, 0, hang))]
    title = Text("Let's review", style="bold")
    if whose:  # a party shows one review per player
        title.append(" — ").append(result.name)
    if page:
        title.append(f" ({page})")
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


def _seconds(mine: float, theirs: float) -> tuple[str, str]:
    """Whole seconds, or tenths when whole seconds would look equal."""
    digits = 0 if round(mine) != round(theirs) else 1
    return f"{mine:.{digits}f}", f"{theirs:.{digits}f}"


def tie_rule(table: Sequence[Standing]) -> Text | None:
    """Why the winner won an equal score: `Cy wins on time: 14 s against 19 s`."""
    if len(table) < 2 or table[0].score != table[1].score or table[0].place == table[1].place:
        return None
    mine, theirs = _seconds(table[0].time_used, table[1].time_used)
    return Text(f"{table[0].name} wins on time: {mine} s against {theirs} s.")


def podium(table: Sequence[Standing], winners: Sequence[str]) -> Panel:
    """The end of a party: medals, who won, and how a tie was broken."""
    lines = [Text(" and ".join(winners) + (" win!" if len(winners) > 1 else " wins!"),
                  style="bold yellow")]
    rule = tie_rule(table)
    if rule is not None:
        lines.append(rule)
    for s in table:
        medal = MEDALS[s.place - 1] if s.place <= len(MEDALS) else f"{s.place}."
        lines.append(Text(f"{medal} ").append(s.name, style="bold")
                     .append(f"  {s.score} points · {s.correct}/{s.asked} right"))
    return Panel(Group(*lines), title=Text("Podium", style="bold"), border_style="yellow",
                 box=box.DOUBLE, padding=(1, 2))


def fit_hint(label: str, hint: str, width: int) -> str:
    """`hint` after a prompt's label, or on the line below when they would not fit (never
    split inside a word); room is left for "? " and a countdown."""
    return hint if len(label) + len(hint) + 12 <= width else "\n" + hint


def _given(verdict: Verdict) -> str:
    """What the player answered, as the review shows it."""
    if verdict.skipped:
        return "(skipped)"
    if verdict.timed_out:
        return "(time's up)"
    return verdict.given or "(no answer)"


def kind_hint(kind: Kind) -> str:
    """The short reminder of how to answer in plain mode."""
    return {
        Kind.CHOICE: "Type the number of your answer",
        Kind.TRUE_FALSE: "Type 1 for True or 2 for False (or y / n)",
        Kind.TEXT: "Type your answer",
        Kind.NUMBER: "Type a number",
    }[kind]
