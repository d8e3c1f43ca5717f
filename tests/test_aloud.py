"""The prompters' voice: what is said when, with a recording speaker (no processes)."""

from __future__ import annotations

import time

from conftest import make_question

from heroes_quiz.models import Kind, Outcome, Points, Turn, Verdict
from heroes_quiz.speech import NullSpeaker
from heroes_quiz.ui import aloud, spoken


class Recorder:
    """A Speaker that writes down every call; `wait` takes `busy` seconds of a fake clock."""

    enabled = True

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def wait(self, timeout: float) -> bool:
        self.calls.append(("wait", timeout))
        return True

    def close(self) -> None:
        self.calls.append(("close", None))


def a_turn(options: tuple[str, ...] = ("Pedro Pascal", "Tom Hanks", "Zendaya", "Ada")) -> Turn:
    return Turn(1, 5, make_question("q1", Kind.CHOICE), options, 0)


def test_a_question_is_read_then_only_what_a_fifty_fifty_leaves() -> None:
    rec = Recorder()
    voice = aloud.Voice(rec)
    voice.question(a_turn())
    voice.question(a_turn(("Pedro Pascal", "Zendaya")))
    assert rec.calls == [("say", spoken.question(a_turn())),
                         ("say", "Two wrong answers are gone. One: Pedro Pascal. Two: Zendaya. "
                                 "Press its number, then Enter.")]


def test_the_same_question_with_the_same_options_is_read_whole() -> None:
    rec = Recorder()
    voice = aloud.Voice(rec)
    voice.question(a_turn())
    voice.question(a_turn())
    assert rec.calls == [("say", spoken.question(a_turn()))] * 2


def test_a_timed_question_waits_for_its_reading_and_the_clock_skips_it() -> None:
    rec = Recorder()
    voice = aloud.Voice(rec, hold=12.0)
    voice.question(a_turn(), timed=True)
    assert rec.calls[-1] == ("wait", 12.0)
    assert voice.held >= 0.0
    assert voice.clock() <= time.monotonic() - voice.held


def test_answer_feedback_and_hand_over() -> None:
    rec = Recorder()
    voice = aloud.Voice(rec)
    outcome = Outcome(a_turn(), Verdict(correct=True), Points(), 100)
    voice.answered()
    voice.feedback(outcome)
    voice.hand_over("Bo", 2, 3)
    voice.again(a_turn())
    voice.close()
    assert rec.calls == [("stop", None), ("say", spoken.feedback(outcome)),
                         ("say", "Bo, your turn! Round 2 of 3."),
                         ("say", spoken.question(a_turn())), ("close", None)]


def test_a_silent_voice_says_nothing_and_never_waits() -> None:
    voice = aloud.Voice(NullSpeaker())
    assert not voice.enabled
    voice.question(a_turn(), timed=True)
    assert voice.held == 0.0
    assert not aloud.Voice().enabled


def test_question_mark_asks_again_and_is_never_an_answer() -> None:
    from heroes_quiz import answers

    assert aloud.is_again("?") and aloud.is_again(" ? \n")
    assert not aloud.is_again("??") and not aloud.is_again("1")
    assert answers.normalize("?") == ""  # so a typed "?" could never be a right answer
    assert answers.parse_reply(Kind.NUMBER, "?", ()) is None
    assert answers.parse_bool("?") is None
    assert answers.parse_choice("?", ("Pedro Pascal", "Tom Hanks")) is None


def test_the_again_entry_and_hint_carry_no_symbol_into_speech() -> None:
    assert spoken.speakable(aloud.again_title()) == "Read it again"
    assert "?" in aloud.again_hint()
