"""The two ways to ask: questionary in a terminal, numbered lines everywhere else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from heroes_quiz import answers
from heroes_quiz.errors import GameAbandoned
from heroes_quiz.models import Kind, Outcome, Reply, Turn
from heroes_quiz.ui.render import feedback_panel, kind_hint, question_panel

ARROW_HINT = "(↑ ↓ or a number, then Enter)"


class PlainPrompter:
    """Numbered prompts read line by line; EOF abandons the game."""

    def __init__(self, console: Console, stdin: TextIO) -> None:
        self.console = console
        self.stdin = stdin

    def read(self, label: str) -> str:
        """Show `label` and read one line; EOF raises GameAbandoned."""
        self.console.print(Text(f"{label} > "), end="")
        self.console.file.flush()
        line = self.stdin.readline()
        if not line:
            self.console.print()
            raise GameAbandoned("Game abandoned: the input ended. No score was saved.")
        if not self.stdin.isatty():
            # Piped answers are not echoed by a terminal; show them so logs read well.
            self.console.print(Text(answers.clean(line)[:80]))
        return line

    def choose(self, title: str, options: Sequence[str]) -> int:
        """Pick one of `options` by number or text; re-asks until it gets one."""
        listing = Text(title, style="bold")
        for n, option in enumerate(options, start=1):
            listing.append(f"\n  {n}. ").append(option)
        self.console.print(listing)
        while (picked := answers.parse_choice(self.read("Your pick"), options)) is None:
            self.console.print(Text(f"Type a number from 1 to {len(options)}.", style="yellow"))
        return picked

    def text(self, label: str, default: str) -> str:
        """Read free text; an empty line gives `default`."""
        return answers.clean(self.read(f"{label} [{default}]")) or default

    def ask(self, turn: Turn) -> Reply:
        """Show the numbered question and read until the reply makes sense."""
        self.console.print(question_panel(turn, numbered=True))
        hint = kind_hint(turn.question.kind)
        while True:
            line = self.read(hint)
            reply = answers.parse_reply(turn.question.kind, line, turn.options)
            if reply is not None:
                return reply
            self.console.print(Text(f"Hmm, I didn't get that. {hint}.", style="yellow"))

    def feedback(self, outcome: Outcome) -> None:
        """Show the feedback panel."""
        self.console.print(feedback_panel(outcome))


def _number_check(text: str) -> bool | str:
    return answers.parse_number(text) is not None or "Type a number, like 12"


def _text_check(text: str) -> bool | str:
    return bool(answers.normalize(text)) or "Type an answer, then press Enter"


class InteractivePrompter:
    """Arrow-key menus and text boxes from questionary; Ctrl-C propagates."""

    def __init__(self, console: Console, **prompt_kwargs: Any) -> None:
        self.console = console
        # Lets tests pass prompt_toolkit pipe input and DummyOutput.
        self.prompt_kwargs = prompt_kwargs

    def choose(self, title: str, options: Sequence[str]) -> int:
        """Pick one option with the arrow keys or its number."""
        import questionary

        choices = [questionary.Choice(title=o, value=i) for i, o in enumerate(options)]
        picked = questionary.select(title, choices=choices, use_shortcuts=True,
                                    instruction=ARROW_HINT, **self.prompt_kwargs).unsafe_ask()
        return int(picked)

    def text(self, label: str, default: str) -> str:
        """Ask for free text; an empty answer gives `default`."""
        import questionary

        value = questionary.text(label, default=default, **self.prompt_kwargs).unsafe_ask()
        return answers.clean(str(value)) or default

    def ask(self, turn: Turn) -> Reply:
        """Show the question panel, then the right questionary prompt for its kind."""
        import questionary

        self.console.print(question_panel(turn, numbered=False))
        kind = turn.question.kind
        if kind in (Kind.CHOICE, Kind.TRUE_FALSE):
            index = self.choose("Your answer:", turn.options)
            return index == 0 if kind is Kind.TRUE_FALSE else index
        check = _number_check if kind is Kind.NUMBER else _text_check
        raw = str(questionary.text("Your answer:", validate=check,
                                   **self.prompt_kwargs).unsafe_ask())
        reply = answers.parse_reply(kind, raw, turn.options)
        return reply if reply is not None else raw

    def feedback(self, outcome: Outcome) -> None:
        """Show the feedback panel and wait for a key so it can be read."""
        import questionary

        self.console.print(feedback_panel(outcome))
        last = outcome.turn.number == outcome.turn.total
        message = "Press any key to see your score…" if last else "Press any key for the next one…"
        questionary.press_any_key_to_continue(message, **self.prompt_kwargs).unsafe_ask()
        # A fresh screen per question keeps the board readable for young players.
        self.console.clear()
