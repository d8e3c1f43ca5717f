"""The two ways to ask: questionary in a terminal, numbered lines everywhere else."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from rich.console import Console
from rich.text import Text

from heroes_quiz import answers
from heroes_quiz.errors import GameAbandoned
from heroes_quiz.models import Action, Kind, Outcome, Reply, Turn
from heroes_quiz.ui import aloud, render
from heroes_quiz.ui.lines import Lines
from heroes_quiz.ui.timer import Countdown, ask_until

if TYPE_CHECKING:
    from heroes_quiz.party import Standing

ARROW_HINT = "(↑ ↓ or a number, then Enter)"
OPTION_INDENT = 6
LIFELINE_TITLES = {Action.FIFTY: "½  50:50 — remove two wrong answers",
                   Action.SKIP: "⤼  Skip this question"}


def _lifeline_word(text: str, turn: Turn) -> Action | None:
    word = answers.normalize(text)
    if word in ("50", "50 50", "5050", "fifty") and Action.FIFTY in turn.lifelines:
        return Action.FIFTY
    return Action.SKIP if word == "skip" and Action.SKIP in turn.lifelines else None


class PlainPrompter:
    """Numbered prompts read line by line; EOF abandons the game."""

    def __init__(self, console: Console, stdin: TextIO) -> None:
        self.console = console
        self.lines = Lines(stdin)
        self.echo = not stdin.isatty()
        self.voice = aloud.Voice()  # read-aloud, silent unless the session gives one

    def read(self, label: str, timeout: float | None = None) -> str | None:
        """Show `label`, read one line; None when time runs out, GameAbandoned at EOF."""
        self.console.print(Text(f"{label} > "), end="")
        self.console.file.flush()
        line = self.lines.read(timeout)
        if line is None:
            self.console.print()
            return None
        if not line:
            self.console.print()
            raise GameAbandoned("Game abandoned: the input ended. No score was saved.")
        if self.echo:
            # Piped answers are not echoed by a terminal; show them so logs read well.
            self.console.print(Text(answers.clean(line)[:80]))
        return line

    def _line(self, label: str) -> str:
        line = self.read(label)
        assert line is not None  # no timeout was asked for
        return line

    def choose(self, title: str, options: Sequence[str]) -> int:
        """Pick one of `options` by number or text; re-asks until it gets one."""
        listing = Text(title, style="bold")
        for n, option in enumerate(options, start=1):
            listing.append(f"\n  {n}. ").append(option)
        self.console.print(listing)
        while (picked := answers.parse_choice(self._line("Your pick"), options)) is None:
            self.console.print(Text(f"Type a number from 1 to {len(options)}.", style="yellow"))
        return picked

    def text(self, label: str, default: str) -> str:
        """Read free text; an empty line gives `default`."""
        return answers.clean(self._line(f"{label} [{default}]")) or default

    def ask(self, turn: Turn) -> Reply:
        """Show the numbered question and read until the reply makes sense."""
        self.console.print(render.question_panel(turn, numbered=True))
        hint = render.kind_hint(turn.question.kind)
        if turn.lifelines:
            self.console.print(render.lifeline_hint(turn.lifelines))
        if self.voice.enabled:
            self.console.print(Text(aloud.again_hint(), style="dim"))
        self.voice.question(turn, timed=turn.time_left is not None, queue=True)
        clock = None if turn.time_left is None or not self.lines.can_time() else \
            Countdown(hint, turn.time_left, template="{label} (⏱ {left}s)")
        while True:
            line = self.read(str(clock or hint), clock.left() if clock else None)
            if line is None:
                return Action.TIMEOUT
            if self.voice.enabled and aloud.is_again(line):
                self.voice.again(turn)
                continue
            if answers.normalize(line) == "skip" and Action.SKIP not in turn.lifelines:
                self.console.print(Text("No skip left this game — type an answer.",
                                        style="yellow"))
                continue
            reply = _lifeline_word(line, turn) or answers.parse_reply(
                turn.question.kind, line, turn.options)
            if reply is not None:
                return reply
            self.console.print(Text(f"Hmm, I didn't get that. {hint}.", style="yellow"))

    def feedback(self, outcome: Outcome) -> None:
        """Show the feedback panel."""
        self.voice.feedback(outcome)
        self.console.print(render.feedback_panel(outcome))

    def your_turn(self, name: str, round_no: int, rounds: int) -> None:
        """Announce whose turn it is."""
        self.console.print(render.your_turn(name, round_no, rounds))
        self.voice.hand_over(name, round_no, rounds, queue=True)

    def standings(self, round_no: int, rounds: int, table: Sequence[Standing]) -> None:
        """Show the standings after a round."""
        self.console.print(render.standings_table(table, round_no, rounds, self.console))


def _message(countdown: Countdown | None, fallback: str) -> str:
    # questionary only ever formats its message, so a Countdown can stand in for the str.
    return cast(str, countdown) if countdown else fallback


def _checker(kind: Kind, turn: Turn, again: bool = False) -> Any:
    def check(text: str) -> bool | str:
        if again and aloud.is_again(text):
            return True
        if answers.normalize(text) == "skip":
            return Action.SKIP in turn.lifelines or "No skip left this game — type an answer"
        if kind is Kind.NUMBER:
            return answers.parse_number(text) is not None or "Type a number, like 12"
        return bool(answers.normalize(text)) or "Type an answer, then press Enter"
    return check


class InteractivePrompter:
    """Arrow-key menus and text boxes from questionary; Ctrl-C propagates."""

    def __init__(self, console: Console, *, next_after: float | None = None,
                 **prompt_kwargs: Any) -> None:
        self.console = console
        # With a timer on, pauses move on by themselves after this many seconds.
        self.next_after = next_after
        self.last_asked = ""
        self.voice = aloud.Voice()  # read-aloud, silent unless the session gives one
        # Lets tests pass prompt_toolkit pipe input and DummyOutput.
        self.prompt_kwargs = prompt_kwargs

    def choose(self, title: str, options: Sequence[str], values: Sequence[Any] = (),
               countdown: Countdown | None = None) -> Any:
        """Pick one option with the arrow keys or its number (returns its index or value)."""
        import questionary

        values = values or range(len(options))
        pairs = zip(map(self._fit, options), values, strict=True)
        choices = [questionary.Choice(title=o, value=v) for o, v in pairs]
        question = questionary.select(_message(countdown, title), choices=choices,
                                      use_shortcuts=True, instruction=ARROW_HINT,
                                      **self.prompt_kwargs)
        return ask_until(question, countdown, Action.TIMEOUT)

    def _fit(self, option: str) -> str:
        # questionary never wraps a choice: break long ones under the text, past " » 1) ".
        lines = textwrap.wrap(option, max(self.console.width - OPTION_INDENT - 1, 12))
        return ("\n" + " " * OPTION_INDENT).join(lines) or option

    def text(self, label: str, default: str) -> str:
        """Ask for free text; an empty answer gives `default`."""
        import questionary

        value = questionary.text(label, **self.prompt_kwargs).unsafe_ask()
        return answers.clean(str(value)) or default

    def pause(self, message: str, seconds: float | None = None) -> None:
        """Wait for any key, or until `seconds` pass."""
        import questionary

        # With read-aloud, the seconds start once the feedback has been read.
        countdown = Countdown(message, seconds, template="{label} ({left}s)",
                              clock=self.voice.pausing_clock) if seconds else None
        question = questionary.press_any_key_to_continue(_message(countdown, message),
                                                         **self.prompt_kwargs)
        ask_until(question, countdown, None)

    def ask(self, turn: Turn) -> Reply:
        """Show the question panel, then the right questionary prompt for its kind."""
        if turn.question.id == self.last_asked:
            self.console.clear()  # asked again after a 50:50: show the shorter list alone
        self.last_asked = turn.question.id
        self.console.print(render.question_panel(turn, numbered=False))
        self.voice.question(turn, timed=turn.time_left is not None)
        kind = turn.question.kind
        countdown = None if turn.time_left is None else Countdown("Your answer:", turn.time_left)
        if kind in (Kind.CHOICE, Kind.TRUE_FALSE):
            extra = [a for a in (Action.FIFTY, Action.SKIP) if a in turn.lifelines]
            titles = [*turn.options, *(LIFELINE_TITLES[a] for a in extra)]
            values: list[Any] = [*range(len(turn.options)), *extra]
            if self.voice.enabled:
                titles, values = [*titles, aloud.again_title()], [*values, aloud.AGAIN]
            while (picked := self.choose("Your answer:", titles, values, countdown)) == aloud.AGAIN:
                self.voice.again(turn)
            if kind is Kind.TRUE_FALSE and not isinstance(picked, Action):
                return bool(picked == 0)
            return picked  # type: ignore[no-any-return]
        return self._typed(turn, countdown)

    def _typed(self, turn: Turn, countdown: Countdown | None) -> Reply:
        import questionary

        hint = "(or type skip)" if Action.SKIP in turn.lifelines else ""
        if self.voice.enabled:
            hint = f"{hint} {aloud.again_hint()}".strip()
        while True:
            question = questionary.text(_message(countdown, "Your answer:"), instruction=hint,
                                        validate=_checker(turn.question.kind, turn,
                                                          self.voice.enabled),
                                        **self.prompt_kwargs)
            raw = ask_until(question, countdown, Action.TIMEOUT)
            if isinstance(raw, Action) or not aloud.is_again(raw):
                break
            self.voice.again(turn)
        if isinstance(raw, Action):
            return raw
        reply = _lifeline_word(raw, turn) or answers.parse_reply(turn.question.kind, raw, ())
        return reply if reply is not None else str(raw)

    def feedback(self, outcome: Outcome) -> None:
        """Show the feedback panel and wait for a key (or a while, when timed)."""
        self.voice.feedback(outcome)
        self.console.print(render.feedback_panel(outcome))
        last = outcome.turn.number == outcome.turn.total
        message = "Press any key to see your score…" if last else "Press any key for the next one…"
        self.pause(message, self.next_after)
        # A fresh screen per question keeps the board readable for young players.
        self.console.clear()

    def your_turn(self, name: str, round_no: int, rounds: int) -> None:
        """Hand over the keyboard: announce the player and wait until they are ready."""
        self.console.clear()
        self.console.print(render.your_turn(name, round_no, rounds))
        self.voice.hand_over(name, round_no, rounds)
        self.pause("Press any key when you're ready…")

    def standings(self, round_no: int, rounds: int, table: Sequence[Standing]) -> None:
        """Show the standings and wait for a key."""
        self.console.print(render.standings_table(table, round_no, rounds, self.console))
        self.pause("Press any key to go on…", self.next_after)

