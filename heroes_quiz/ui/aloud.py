"""Read-aloud for the prompters: what is said when, through a `speech.Speaker`.

The prompters call a `Voice` at fixed moments (a question shown, an answer given, feedback,
a hand-over); with read-aloud off the voice is silent and costs nothing.
"""

from __future__ import annotations

import time

from heroes_quiz.models import Outcome, Turn
from heroes_quiz.speech import NullSpeaker, Speaker
from heroes_quiz.ui import spoken
from heroes_quiz.ui.spoken import _

MAX_HOLD = 60.0  # a timed question waits at most this long for its reading to end
AGAIN = "?"  # typed at any typed or numbered prompt: read the question again


def again_title() -> str:
    """The extra entry at the bottom of an answer list."""
    return _("🔊 Read it again")


def again_hint() -> str:
    """The reminder shown under a question when typing is how to answer."""
    return _("Type ? to hear the question again.")


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

    @property
    def enabled(self) -> bool:
        """Whether anything is ever said."""
        return bool(getattr(self.speaker, "enabled", False))

    def clock(self) -> float:
        """A monotonic clock that stands still while a timed question is read out, so reading
        time never costs speed points."""
        return time.monotonic() - self.held

    def question(self, turn: Turn, *, timed: bool = False) -> None:
        """Read a question and its options; after a 50:50, only what is left.

        With a timer, return only once it has been read (at most `hold` seconds), so the
        countdown starts after the reading.
        """
        if not self.enabled:
            return
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
        self.speaker.say(spoken.question(turn))

    def answered(self) -> None:
        """The player replied: stop talking at once."""
        self.speaker.stop()

    def feedback(self, outcome: Outcome) -> None:
        """Say how the turn went."""
        if self.enabled:
            self.speaker.say(spoken.feedback(outcome))

    def hand_over(self, name: str, round_no: int, rounds: int) -> None:
        """Say whose turn it is."""
        if self.enabled:
            self.speaker.say(spoken.hand_over(name, round_no, rounds))

    def close(self) -> None:
        """Stop talking for good."""
        self.speaker.close()
