"""The two ways to ask: questionary in a terminal, numbered lines everywhere else."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from rich.console import Console
from rich.text import Text

from heroes_quiz import answers
from heroes_quiz.errors import GameAbandoned, Unreadable
from heroes_quiz.i18n import N_, _, ngettext
from heroes_quiz.models import Action, Kind, Outcome, Reply, Turn
from heroes_quiz.textclean import visible
from heroes_quiz.ui import aloud, render, typeahead
from heroes_quiz.ui.lines import Lines
from heroes_quiz.ui.settle import SETTLE_SECONDS, Settling
from heroes_quiz.ui.timer import Countdown, ask_until

if TYPE_CHECKING:
    from heroes_quiz.party import Standing

ARROW_HINT = N_("(↑ ↓ or a number, then Enter)")
MAX_UNREADABLE = 5
ANSWERED_PAUSE = 120.0  # after a real answer, a slow reader has time; only time's up hurries
OPTION_INDENT = 6
LIFELINE_TITLES = {Action.FIFTY: N_("½  50:50 — remove two wrong answers"),
                   Action.SKIP: N_("⤼  Skip this question")}
# "skip" works in every language; a Spanish speaker types "saltar".
SKIP_WORDS = frozenset({"skip", "saltar"})


def arrived(reply: str) -> str:
    """Every typed reply, in both modes, as it arrives: folded as the matcher reads it (NULs,
    zero-width and bidi characters dropped), then no control character is kept to be shown
    again ("You said", the review)."""
    return visible(answers.clean(reply))


def _lifeline_word(text: str, turn: Turn) -> Action | None:
    word = answers.normalize(text)
    if word in ("50", "50 50", "5050", "fifty") and Action.FIFTY in turn.lifelines:
        return Action.FIFTY
    return Action.SKIP if word in SKIP_WORDS and Action.SKIP in turn.lifelines else None


class PlainPrompter:
    """Numbered prompts read line by line; EOF abandons the game."""

    details = False  # --details: the full points sum under the kid score line

    def __init__(self, console: Console, stdin: TextIO) -> None:
        self.console = console
        self.lines = Lines(stdin)
        self.echo = not stdin.isatty()
        self.voice = aloud.Voice()  # read-aloud, silent unless the session gives one
        # Piped input that sent this many unreadable replies in a row will not get better
        # (`yes 9 |`, `< /dev/zero`); a person at a keyboard may retry as often as they like.
        self.patience = MAX_UNREADABLE if self.echo else 0
        self.unreadable = 0

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
            raise GameAbandoned(_("Game abandoned: the input ended. No score was saved."))
        line = arrived(line)
        if self.echo:
            # Piped answers are not echoed by a terminal; show them so logs read well.
            self.console.print(Text(answers.clean(line)[:80]))
        return line

    def _unreadable(self) -> bool:
        """Count one more unreadable reply; True once piped input has used up its patience."""
        self.unreadable += 1
        return bool(self.patience) and self.unreadable >= self.patience

    def _ran_out(self, clock: Countdown | None) -> Reply:
        """Too many unreadable replies: a timed question waits out its clock without reading
        on; an untimed game is abandoned."""
        if clock is None:
            self._give_up()
        else:
            time.sleep(clock.left())
        return Action.TIMEOUT

    def _give_up(self) -> None:
        raise Unreadable(ngettext(
            "Game abandoned: {count} answer in a row could not be read. No score was saved.",
            "Game abandoned: {count} answers in a row could not be read. No score was saved.",
            MAX_UNREADABLE).format(count=MAX_UNREADABLE))

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
        while (picked := answers.parse_choice(self._line(_("Your pick")), options)) is None:
            self.console.print(Text(_("Type a number from 1 to {count}.").format(
                count=len(options)), style="yellow"))
            if self._unreadable():
                self._give_up()
        self.unreadable = 0
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
            if clock is not None and clock.left() <= 0:
                return Action.TIMEOUT  # lines that keep coming never stop the clock
            line = self.read(str(clock or hint), clock.left() if clock else None)
            if line is None:
                return Action.TIMEOUT
            if self.voice.enabled and aloud.is_again(line):
                self.voice.again(turn)
                continue
            if answers.normalize(line) in SKIP_WORDS and Action.SKIP not in turn.lifelines:
                self.console.print(Text(_("No skip left this game — type an answer."),
                                        style="yellow"))
                continue
            reply = _lifeline_word(line, turn) or answers.parse_reply(
                turn.question.kind, line, turn.options)
            if reply is not None:
                self.unreadable = 0
                return reply
            self.console.print(Text(_("Hmm, I didn't get that. {hint}.").format(hint=hint),
                                    style="yellow"))
            if self._unreadable():
                return self._ran_out(clock)

    def feedback(self, outcome: Outcome) -> None:
        """Show the feedback panel."""
        self.voice.feedback(outcome)
        self.console.print(render.feedback_panel(outcome, self.details))

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
        if answers.normalize(text) in SKIP_WORDS:
            return Action.SKIP in turn.lifelines or _("No skip left this game — type an answer")
        if kind is Kind.NUMBER:
            return answers.parse_number(text) is not None or _("Type a number, like 12")
        return bool(answers.normalize(text)) or _("Type an answer, then press Enter")
    return check


class InteractivePrompter:
    """Arrow-key menus and text boxes from questionary; Ctrl-C propagates."""

    details = False  # --details: the full points sum under the kid score line

    def __init__(self, console: Console, *, next_after: float | None = None,
                 **prompt_kwargs: Any) -> None:
        self.console = console
        # With a timer on, pauses move on by themselves after this many seconds.
        self.next_after = next_after
        self.last_asked = ""
        self.voice = aloud.Voice()  # read-aloud, silent unless the session gives one
        # Lets tests pass prompt_toolkit pipe input and DummyOutput.
        self.prompt_kwargs = prompt_kwargs
        # Keys in a question's first moment are ignored (not with a test's pipe input).
        self.settle = 0.0 if prompt_kwargs else SETTLE_SECONDS

    def choose(self, title: str, options: Sequence[str], values: Sequence[Any] = (),
               countdown: Countdown | None = None, *, default: Any = None,
               settle: bool = False) -> Any:
        """Pick one option with the arrow keys or its number (returns its index or value)."""
        import questionary

        values = values or range(len(options))
        pairs = zip(map(self._fit, options), values, strict=True)
        choices = [questionary.Choice(title=o, value=v) for o, v in pairs]
        guard = Settling(_message(countdown, title), self.settle if settle else 0.0)
        hint = render.fit_hint(title, _(ARROW_HINT), self.console.width)
        question = questionary.select(guard.message, choices=choices, default=default,
                                      use_shortcuts=True, instruction=hint,
                                      # A child typing "spy kids" must not move the pointer:
                                      # with j/k keys on, the "k" jumped up to "Skip".
                                      use_jk_keys=False, **self.prompt_kwargs)
        guard.attach(question.application)
        typeahead.attach(question.application, options)
        picked = ask_until(question, countdown, Action.TIMEOUT)
        while picked is not Action.TIMEOUT and picked not in values:
            # Not an option (a key prompt_toolkit reads as "accept"): ask the same again.
            picked = self.choose(title, options, values, countdown, default=default)
        return picked

    def _fit(self, option: str) -> str:
        # questionary never wraps a choice: break long ones under the text, past " » 1) ".
        lines = textwrap.wrap(option, max(self.console.width - OPTION_INDENT - 1, 12))
        return ("\n" + " " * OPTION_INDENT).join(lines) or option

    def text(self, label: str, default: str) -> str:
        """Ask for free text; an empty answer gives `default`."""
        import questionary

        value = ask_until(questionary.text(label, **self.prompt_kwargs), None, None)
        return answers.clean(arrived(str(value or ""))) or default

    def pause(self, message: str, seconds: float | None = None) -> None:
        """Wait for any key, or until `seconds` pass."""
        import questionary

        # With read-aloud, the seconds start once the feedback has been read.
        template = "{label} ({left}s)" if seconds and seconds < ANSWERED_PAUSE else "{label}"
        countdown = Countdown(message, seconds, template=template,
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
        countdown = None if turn.time_left is None else Countdown(_("Your answer:"), turn.time_left)
        if kind in (Kind.CHOICE, Kind.TRUE_FALSE):
            extra = [a for a in (Action.FIFTY, Action.SKIP) if a in turn.lifelines]
            titles = [*render.option_titles(turn), *(_(LIFELINE_TITLES[a]) for a in extra)]
            values: list[Any] = [*range(len(turn.options)), *extra]
            if self.voice.enabled:
                titles, values = [*titles, aloud.again_title()], [*values, aloud.AGAIN]
            while (picked := self.choose(_("Your answer:"), titles, values, countdown,
                                         settle=True)) == aloud.AGAIN:
                self.voice.again(turn)
            if kind is Kind.TRUE_FALSE and not isinstance(picked, Action):
                return bool(picked == 0)
            return picked  # type: ignore[no-any-return]
        return self._typed(turn, countdown)

    def _typed(self, turn: Turn, countdown: Countdown | None) -> Reply:
        import questionary

        hint = _("(or type skip)") if Action.SKIP in turn.lifelines else ""
        if self.voice.enabled:
            hint = f"{hint} {aloud.again_hint()}".strip()
        while True:
            guard = Settling(_message(countdown, _("Your answer:")), self.settle)
            question = questionary.text(guard.message, instruction=hint,
                                        validate=_checker(turn.question.kind, turn,
                                                          self.voice.enabled),
                                        **self.prompt_kwargs)
            guard.attach(question.application)
            raw = ask_until(question, countdown, Action.TIMEOUT)
            if not isinstance(raw, Action):
                raw = arrived(str(raw))
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
        self.console.print(render.feedback_panel(outcome, self.details))
        last = outcome.turn.number == outcome.turn.total
        message = (_("Press any key to see your score…") if last
                   else _("Press any key for the next one…"))
        # Only time's up moves on by itself soon; a real answer waits for a key.
        hurry = outcome.verdict.timed_out or self.next_after is None
        self.pause(message, self.next_after if hurry else ANSWERED_PAUSE)
        # A fresh screen per question keeps the board readable for young players.
        self.console.clear()

    def your_turn(self, name: str, round_no: int, rounds: int) -> None:
        """Hand over the keyboard: announce the player and wait until they are ready."""
        self.console.clear()
        self.console.print(render.your_turn(name, round_no, rounds))
        self.voice.hand_over(name, round_no, rounds)
        self.pause(_("Press any key when you're ready…"))

    def standings(self, round_no: int, rounds: int, table: Sequence[Standing]) -> None:
        """Show the standings and wait for a key."""
        self.console.print(render.standings_table(table, round_no, rounds, self.console))
        self.pause(_("Press any key to go on…"), self.next_after)

