"""What read-aloud says: pure text from turns, outcomes and hand-overs (no audio)."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import make_question
from hypothesis import given
from hypothesis import strategies as st

from heroes_quiz.models import Kind, Outcome, Points, Turn, Verdict
from heroes_quiz.ui import spoken


def turn(kind: Kind = Kind.CHOICE, number: int = 3, total: int = 10, player: str = "",
         **over: object) -> Turn:
    q = make_question("q1", kind, **{"prompt": "Who plays the President", **over})
    options = {Kind.CHOICE: ("Pedro Pascal", "Tom Hanks", "Zendaya"),
               Kind.TRUE_FALSE: ("True", "False")}.get(kind, ())
    return Turn(number, total, q, options, 0, player=player)


def outcome(verdict: Verdict, kind: Kind = Kind.CHOICE, score: int = 350, **over: object
            ) -> Outcome:
    t = turn(kind, **over)
    q = t.question._replace(explanation="He plays Marcus Moreno")
    return Outcome(dataclasses.replace(t, question=q), verdict, Points(), score)


def test_choice_question_reads_heading_prompt_and_numbered_options() -> None:
    assert spoken.question(turn()) == (
        "Question 3 of 10. Who plays the President. "
        "One: Pedro Pascal. Two: Tom Hanks. Three: Zendaya. Press its number, then Enter.")


def test_prompt_keeps_its_own_question_mark() -> None:
    said = spoken.question(turn(prompt="Who is Marcus?"))
    assert "Who is Marcus? One:" in said


def test_true_false_question_asks_true_or_false() -> None:
    said = spoken.question(turn(Kind.TRUE_FALSE, prompt="It premiered on Netflix"))
    assert said == ("Question 3 of 10. It premiered on Netflix. True or false? "
                    "Press one for true or two for false, then Enter.")
    assert "One:" not in said


@pytest.mark.parametrize(("kind", "hint"), [(Kind.TEXT, "Type your answer."),
                                            (Kind.NUMBER, "Type a number.")])
def test_typed_questions_end_with_how_to_answer(kind: Kind, hint: str) -> None:
    assert spoken.question(turn(kind)) == f"Question 3 of 10. Who plays the President. {hint}"


def test_party_turn_is_read_as_a_round() -> None:
    said = spoken.question(turn(number=2, total=3, player="Bo"))
    assert said.startswith("Round 2 of 3. ")


def test_options_past_ten_are_read_as_digits() -> None:
    t = turn()
    many = dataclasses.replace(t, options=tuple(f"opt {n}" for n in range(1, 13)))
    said = spoken.options(many)
    assert "Ten: opt 10." in said and "11: opt 11." in said and "12: opt 12." in said


def test_after_fifty_fifty_only_what_is_left_is_read() -> None:
    t = dataclasses.replace(turn(), options=("Pedro Pascal", "Zendaya"))
    assert spoken.after_fifty(t) == ("Two wrong answers are gone. "
                                     "One: Pedro Pascal. Two: Zendaya. "
                                     "Press its number, then Enter.")


@pytest.mark.parametrize(("verdict", "first"), [
    (Verdict(correct=True), "Right!"),
    (Verdict(correct=True, halved=True), "Right!"),
    (Verdict(correct=True, forgiven=True), "Right! The answer is Pedro Pascal."),
    (Verdict(correct=False, given="Tom"), "Not quite. The answer is Pedro Pascal."),
    (Verdict(correct=False, partial=True), "Close! Half points. The answer is Pedro Pascal."),
    (Verdict(correct=False, skipped=True),
     "Skipped. Your streak is safe. The answer is Pedro Pascal."),
    (Verdict(correct=False, timed_out=True), "Time's up! The answer is Pedro Pascal."),
])
def test_feedback_for_every_way_a_turn_ends(verdict: Verdict, first: str) -> None:
    assert spoken.feedback(outcome(verdict)) == (
        f"{first} He plays Marcus Moreno. You have 350 points.")


def test_feedback_says_true_false_and_numbers_in_words() -> None:
    wrong = Verdict(correct=False)
    assert "The answer is True." in spoken.feedback(outcome(wrong, Kind.TRUE_FALSE))
    said = spoken.feedback(outcome(wrong, Kind.NUMBER, answer=44.0, unit="million"))
    assert "The answer is 44 million." in said
    assert "The answer is 2.5." in spoken.feedback(outcome(wrong, Kind.NUMBER, answer=2.5))


@pytest.mark.parametrize(("points", "words"), [(0, "You have 0 points."),
                                               (1, "You have 1 point."),
                                               (2, "You have 2 points.")])
def test_score_plurals(points: int, words: str) -> None:
    assert spoken.score(points) == words


def test_hand_over_names_the_player_and_round() -> None:
    assert spoken.hand_over("Bo", 2, 3) == "Bo, your turn! Round 2 of 3."


def test_names_and_bank_text_are_read_literally() -> None:
    assert spoken.hand_over("-v en --stdin", 1, 2).startswith("-v en --stdin, your turn!")
    said = spoken.question(turn(prompt="Is <b>Marcus</b> [bold]5+3 = 8 & 100%"))
    assert "Is <b>Marcus</b> [bold]5+3 = 8 & 100%." in said


@pytest.mark.parametrize(("raw", "heard"), [
    ("✓ RIGHT!", "RIGHT!"),
    ("✗ NOT QUITE", "NOT QUITE"),
    ("⏱ TIME'S UP", "TIME'S UP"),
    ("⤼ Skip this question", "Skip this question"),
    ("🏆 New high score! #2", "New high score! #2"),
    ("🔊 Read it again", "Read it again"),
    ("Ada ❤️ 👨‍👩‍👧 🥇", "Ada"),
    ("easy · cast · score 10", "easy cast score 10"),
    ("Bo\x1b[2J\x1b[31mRED\x1b[0m", "BoRED"),
    ("link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ now", "link here now"),
    ("clip\x1b]52;c;SGk=\x07 board", "clip board"),
    ("tab\tnew\nline\x00\x07\x7f", "tab new line"),
    ("Jose\u0301 and Zoe\u0308", "José and Zoë"),
    ("[[h@'loU]]", "[ [h@'loU] ]"),
])
def test_symbols_and_control_characters_never_reach_the_voice(raw: str, heard: str) -> None:
    assert spoken.speakable(raw) == heard


@given(st.text())
def test_speakable_never_passes_controls_or_symbols(text: str) -> None:
    import unicodedata

    said = spoken.speakable(text)
    for char in said:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Cf", "So", "Sk", "Cs", "Co", "Cn"), repr(char)
        assert category != "Sm" or char in spoken.KEEP_SYMBOLS, repr(char)
    assert "[[" not in said and said == said.strip()


def test_spanish_game_speaks_spanish() -> None:
    from heroes_quiz import i18n

    i18n.set_language("es")
    try:
        t = turn(prompt="¿Quién hace de Marcus?")
        said = spoken.question(t)
        wrong = spoken.feedback(outcome(Verdict(correct=False), score=1))
        hand = spoken.hand_over("Bo", 2, 3)
    finally:
        i18n.set_language(None)
    assert said == ("Pregunta 3 de 10. ¿Quién hace de Marcus? "
                    "Uno: Pedro Pascal. Dos: Tom Hanks. Tres: Zendaya. "
                    "Presiona su número y luego Enter.")
    assert "Pedro Pascal" in wrong and wrong.endswith("Tienes 1 punto.")
    assert hand.startswith("¡Bo,") and "2" in hand and "3" in hand
