"""Read-aloud for the prompters: what is said when, through a `speech.Speaker`.

The prompters call a `Voice` at fixed moments (a question shown, an answer given, feedback,
a hand-over); with read-aloud off the voice is silent and costs nothing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from heroes_quiz.i18n import _
from heroes_quiz.models import Outcome, Turn
from heroes_quiz.speech import NullSpeaker, Speaker

if TYPE_CHECKING:
    from rich.console import Console

# `spoken` (what is said) is imported only by a voice that speaks: silent games skip it.

MAX_HOLD = 60.0  # a timed question waits at most this long for its reading to end
MAX_QUEUE = 30.0  # plain mode lets feedback finish, for at most this long, before going on
AGAIN = "?"  # typed at any typed or numbered prompt: read the question again


def again_title() -> str:
    """The extra entry at the bottom of an answer list."""
    return _("🔊 Read it again")


def again_hint() -> str:
    """The reminder shown under a question when typing is how to answer."""
    return _("Type ? to hear the question again.")


def menu_title(on: bool) -> str:
    """The main menu's switch, showing the machine's setting."""
    return _("Read aloud: on") if on else _("Read aloud: off")


def is_again(text: str) -> bool:
    """Whether a typed reply asks for the question again ('?' can never be an answer)."""
    return text.strip() == AGAIN


class Voice:
    """Speaks questions, feedback and hand-overs; keeps a clock that skips reading time."""

    def __init__(self, speaker: Speaker | None = None, *, hold: float = MAX_HOLD) -> None:
        self.speaker: Speaker = speaker or NullSpeaker()
        self.hold = hold
        self.held = 0.0  # seconds spent waiting for questions to be read out
        self.last_asked: tuple[str, int] = ("", 0)  # question id and how many options
        self.paused = 0.0  # seconds of speech `pausing_clock` has left out
        self.frozen_at: float | None = None

    @property
    def enabled(self) -> bool:
        """Whether anything is ever said."""
        return bool(getattr(self.speaker, "enabled", False))

    def clock(self) -> float:
        """A monotonic clock that stands still while a timed question is read out, so reading
        time never costs speed points."""
        return time.monotonic() - self.held

    def pausing_clock(self) -> float:
        """A monotonic clock that stands still while anything is being said (for the pause
        after feedback, so its countdown starts once the feedback has been read)."""
        now = time.monotonic()
        if self.speaker.speaking():
            if self.frozen_at is None:
                self.frozen_at = now
            return self.frozen_at - self.paused
        if self.frozen_at is not None:
            self.paused += now - self.frozen_at
            self.frozen_at = None
        return now - self.paused

    def question(self, turn: Turn, *, timed: bool = False, queue: bool = False) -> None:
        """Read a question and its options; after a 50:50, only what is left.

        With a timer, return only once it has been read (at most `hold` seconds), so the
        countdown starts after the reading. With `queue` (plain mode, where no key press
        separates feedback from the next question), let the feedback finish first.
        """
        if not self.enabled:
            return
        if queue:
            self.speaker.wait(MAX_QUEUE)
        from heroes_quiz.ui import spoken

        asked = (turn.question.id, len(turn.options))
        fifty = asked[0] == self.last_asked[0] and asked[1] < self.last_asked[1]
        self.last_asked = asked
        self.speaker.say(spoken.after_fifty(turn) if fifty else spoken.question(turn))
        if timed:
            started = time.monotonic()
            self.speaker.wait(self.hold)
            self.held += time.monotonic() - started

    def again(self, turn: Turn) -> None:
        """Read the whole question again (the player asked)."""
        from heroes_quiz.ui import spoken

        self.speaker.say(spoken.question(turn))

    def answered(self) -> None:
        """The player replied: stop talking at once."""
        self.speaker.stop()

    def feedback(self, outcome: Outcome) -> None:
        """Say how the turn went."""
        if self.enabled:
            from heroes_quiz.ui import spoken

            self.speaker.say(spoken.feedback(outcome))

    def hand_over(self, name: str, round_no: int, rounds: int, *, queue: bool = False) -> None:
        """Say whose turn it is (with `queue`, once the feedback has been said)."""
        if self.enabled:
            from heroes_quiz.ui import spoken

            if queue:
                self.speaker.wait(MAX_QUEUE)
            self.speaker.say(spoken.hand_over(name, round_no, rounds))

    def close(self) -> None:
        """Stop talking for good."""
        self.speaker.close()


def _language() -> str:
    """The game's language: the voice follows it."""
    from heroes_quiz import i18n

    return i18n.language()


def _speaker(console: Console, on: bool) -> Speaker:
    from heroes_quiz import speech

    speaker, advice = speech.make_speaker(on, _language())
    if advice:
        from heroes_quiz.ui.screens import warn

        warn(console, _(advice))
    return speaker


def make_voice(console: Console) -> Voice:
    """The session's voice: --read-aloud, $HEROES_QUIZ_READ_ALOUD or the menu setting; when
    no synthesiser is installed, one line of advice and a silent voice."""
    from heroes_quiz import speech

    return Voice(_speaker(console, speech.read_aloud_wanted()))


def follow_language(voice: Voice, console: Console) -> None:
    """The menu switched language: a voice that speaks starts again in the new one."""
    if voice.enabled:
        voice.speaker.close()
        voice.speaker = _speaker(console, True)


def toggle(voice: Voice, console: Console) -> None:
    """The menu switch: flip the remembered setting and start or stop speaking now."""
    from heroes_quiz import speech

    on = not speech.remembered()
    speech.remember(on)
    voice.speaker.close()
    voice.speaker = _speaker(console, on)
