"""What the game says out loud: pure functions from a turn, an outcome or a hand-over to text.

No rich, no I/O. Every sentence is one whole literal with placeholders, so gettext can give
it in Spanish word order; bank text and names are read as they are, minus control characters
and symbols a synthesiser would spell out ("check mark", "stopwatch").
"""

from __future__ import annotations

import re
import unicodedata

from heroes_quiz.i18n import N_, _, ngettext
from heroes_quiz.models import Kind, Outcome, Question, Turn, format_number

NUMBER_WORDS = (N_("One"), N_("Two"), N_("Three"), N_("Four"), N_("Five"), N_("Six"),
                N_("Seven"), N_("Eight"), N_("Nine"), N_("Ten"))

# Maths and money signs mean words ("plus", "dollars"); every other symbol is decoration.
KEEP_SYMBOLS = frozenset("+−×÷=<>±%$€£¥")
SPACE_INSTEAD = frozenset("·•|—–\\_")  # separators: a short pause instead of a name
SILENT = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Me"))  # controls, format, unassigned
_SPACES = re.compile(r"\s+")
# A whole terminal escape (colour, clear screen, hyperlink) says nothing, not "[2J".
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
                      r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def speakable(text: str) -> str:
    """`text` fit for a voice: no control characters, emoji or decorative symbols."""
    text = _ESCAPES.sub("", unicodedata.normalize("NFC", text))
    spoken = "".join(_voiced(char) for char in text)
    # espeak reads [[...]] as phoneme codes; bank text must be read as text.
    spoken = spoken.replace("[[", "[ [").replace("]]", "] ]")
    return _SPACES.sub(" ", spoken).strip()


def _voiced(char: str) -> str:
    """One character as the voice gets it: itself, a space, or nothing."""
    category = unicodedata.category(char)
    if char in SPACE_INSTEAD or category[0] == "Z" or char in "\t\n\r":
        return " "
    if char in KEEP_SYMBOLS:
        return char
    if category[0] == "S" or category in SILENT:
        return ""
    if category == "Mn" and not 0x0300 <= ord(char) <= 0x036F:
        return ""  # variation selectors and the like; combining accents stay on their letter
    return char


def _number(n: int) -> str:
    return _(NUMBER_WORDS[n - 1]) if 1 <= n <= len(NUMBER_WORDS) else str(n)


def _sentence(text: str) -> str:
    """Bank text as a sentence: ends with punctuation so the voice pauses after it."""
    text = speakable(text)
    return text if not text or text[-1] in ".!?…:;" else text + "."


def heading(turn: Turn) -> str:
    """'Question 3 of 10.' (in a party: 'Round 2 of 3.')."""
    if turn.player:
        return _("Round {number} of {total}.").format(number=turn.number, total=turn.total)
    return _("Question {number} of {total}.").format(number=turn.number, total=turn.total)


def options(turn: Turn) -> str:
    """Each option with its number, 'True or false?', or how to answer a typed question."""
    kind = turn.question.kind
    # Said every time: a child who cannot read needs to hear which keys answer.
    if kind is Kind.TRUE_FALSE:
        return _("True or false? Press one for true or two for false, then Enter.")
    if kind is Kind.TEXT:
        return _("Type your answer.")
    if kind is Kind.NUMBER:
        return _("Type a number.")
    said = " ".join(_("{number}: {option}.").format(number=_number(n), option=speakable(o))
                    for n, o in enumerate(turn.options, start=1))
    return said + " " + _("Press its number, then Enter.")


def question(turn: Turn) -> str:
    """Everything said when a question appears: heading, prompt, options."""
    return " ".join(p for p in (heading(turn), _sentence(turn.question.prompt), options(turn))
                    if p)


def after_fifty(turn: Turn) -> str:
    """Said when a 50:50 has taken two wrong answers away."""
    return _("Two wrong answers are gone.") + " " + options(turn)


def answer_text(q: Question) -> str:
    """The right answer as said: true/false in words, a number with its unit."""
    if q.kind is Kind.TRUE_FALSE:
        return _("True") if q.answer else _("False")
    if q.kind is Kind.NUMBER:
        number = format_number(float(q.answer))
        return speakable(f"{number} {q.unit}" if q.unit else number)
    return speakable(str(q.answer))


def verdict(outcome: Outcome) -> str:
    """'Right!', 'Not quite. The answer is …', and the other ways a turn can end."""
    v, answer = outcome.verdict, answer_text(outcome.turn.question)
    if v.timed_out:
        return _("Time's up! The answer is {answer}.").format(answer=answer)
    if v.skipped:
        return _("Skipped. Your streak is safe. The answer is {answer}.").format(answer=answer)
    if v.correct and v.forgiven:
        return _("Right! The answer is {answer}.").format(answer=answer)
    if v.correct:
        return _("Right!")
    if v.partial:
        return _("Close! Half points. The answer is {answer}.").format(answer=answer)
    return _("Not quite. The answer is {answer}.").format(answer=answer)


def score(points: int) -> str:
    """'You have 1 point.' / 'You have 350 points.'"""
    return ngettext("You have {count} point.", "You have {count} points.", points).format(
        count=points)


def feedback(outcome: Outcome) -> str:
    """Everything said after an answer: the verdict, the explanation and the score."""
    return " ".join(p for p in (verdict(outcome), _sentence(outcome.turn.question.explanation),
                                score(outcome.score)) if p)


def hand_over(name: str, round_no: int, rounds: int) -> str:
    """'Bo, your turn! Round 2 of 3.'"""
    return _("{name}, your turn! Round {number} of {total}.").format(
        name=speakable(name), number=round_no, total=rounds)

