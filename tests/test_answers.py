"""Forgiving matching and parsing of typed answers."""

from __future__ import annotations

import pytest
from conftest import make_question
from hypothesis import given
from hypothesis import strategies as st

from heroes_quiz import answers
from heroes_quiz.models import Kind


@pytest.mark.parametrize(("raw", "expected"), [
    ("  The Heroics!  ", "heroics"),
    ("Pedro PASCAL", "pedro pascal"),
    ("Adriana Barrazá", "adriana barraza"),
    ("Sharkboy & Lavagirl", "sharkboy and lavagirl"),
    ("Isaiah Russell-Bailey", "isaiah russell bailey"),
    ("J. Quinton Johnson", "j quinton johnson"),
    ("the", "the"),
    ("Pe\u200bdro\u202e", "pedro"),
])
def test_normalize(raw: str, expected: str) -> None:
    assert answers.normalize(raw) == expected


@pytest.mark.parametrize("reply", [
    "Boyd Holbrook", "boyd holbrook", "Holbrook Boyd", "  BOYD   HOLBROOK. ", "Holbrook",
])
def test_exact_and_alias_matches_are_not_forgiven_typos(reply: str) -> None:
    verdict = answers.match_text(reply, ["Boyd Holbrook", "Holbrook"])
    assert verdict.correct and not verdict.forgiven


@pytest.mark.parametrize("reply", ["Boyd Holdbrook", "Boyd Holbrok", "boyd hollbrook"])
def test_small_typos_are_forgiven_and_flagged(reply: str) -> None:
    verdict = answers.match_text(reply, ["Boyd Holbrook"])
    assert verdict.correct and verdict.forgiven


@pytest.mark.parametrize(("reply", "answer"), [
    ("Boyd Hoolbruk", "Boyd Holbrook"),  # three edits is too many for 12 letters
    ("Kang", "Kane"),  # four letters: no typos at all
    ("2006", "2005"),  # digits are never forgiven
    ("", "Pedro Pascal"),
    ("Pedro", "Pedro Pascal"),
])
def test_wrong_answers_stay_wrong(reply: str, answer: str) -> None:
    assert not answers.match_text(reply, [answer]).correct


def test_typo_allowance_scales_with_length() -> None:
    assert answers.allowed_typos("kang") == 0
    assert answers.allowed_typos("heroics") == 1
    assert answers.allowed_typos("boyd holbrook") == 2
    assert answers.allowed_typos("isaiah russell bailey") == 3
    assert answers.allowed_typos("spy kids 2") == 0


@pytest.mark.parametrize(("raw", "value"), [
    ("44", 44.0), (" 1,914 ", 1914.0), ("１９１４", 1914.0), ("44 million", 44.0),
    ("-1", -1.0), ("2.5", 2.5), ("12\r\n", 12.0), ("1e3", 1000.0), ("4\x004", 44.0),
])
def test_parse_number_reads_numbers(raw: str, value: float) -> None:
    assert answers.parse_number(raw) == value


@pytest.mark.parametrize("raw", [
    "", "abc", "nan", "inf", "1e309", "-1e309", "\x00", "44 44", "12abc", "x" * 100_000, "😀",
])
def test_parse_number_rejects_non_numbers(raw: str) -> None:
    assert answers.parse_number(raw) is None


@pytest.mark.parametrize(("raw", "value"), [
    ("y", True), ("YES", True), ("true", True), ("T", True), ("1", True),
    ("n", False), ("No", False), ("false", False), ("2", False),
])
def test_parse_bool(raw: str, value: bool) -> None:
    assert answers.parse_bool(raw) is value


@pytest.mark.parametrize("raw", ["", "maybe", "3", "0", "yess please"])
def test_parse_bool_rejects(raw: str) -> None:
    assert answers.parse_bool(raw) is None


OPTIONS = ("Pedro Pascal", "Tom Hanks", "Zendaya", "Pedro Pascual")


@pytest.mark.parametrize(("raw", "index"), [
    ("1", 0), ("3\r\n", 2), ("４", 3), ("tom hanks", 1), ("Zendya", 2), ("pedro pascual", 3),
])
def test_parse_choice(raw: str, index: int) -> None:
    assert answers.parse_choice(raw, OPTIONS) == index


@pytest.mark.parametrize("raw", ["0", "5", "-1", "", "Pedro Pascl", "Keanu", "99999999999"])
def test_parse_choice_rejects_unclear(raw: str) -> None:
    assert answers.parse_choice(raw, OPTIONS) is None


def test_judge_each_kind() -> None:
    choice = make_question(kind=Kind.CHOICE)
    options = ("Zendaya", "Pedro Pascal", "Tom Hanks")
    assert answers.judge(choice, 1, options).correct
    assert not answers.judge(choice, 0, options).correct
    assert answers.judge(make_question(kind=Kind.TRUE_FALSE), True).correct
    assert not answers.judge(make_question(kind=Kind.TRUE_FALSE), False).correct
    assert answers.judge(make_question(kind=Kind.TEXT), "holbrook").correct


def test_number_tolerance_and_half_band() -> None:
    q = make_question(kind=Kind.NUMBER)  # 44 ± 2
    assert answers.judge(q, 46.0).correct
    close = answers.judge(q, 48.0)
    assert not close.correct and close.partial
    far = answers.judge(q, 48.5)
    assert not far.correct and not far.partial
    exact = make_question(kind=Kind.NUMBER, tolerance=0.0, answer=2005.0)
    assert answers.judge(exact, 2005.0).correct
    assert not answers.judge(exact, 2004.0).partial


@given(st.text(min_size=1, max_size=40))
def test_any_answer_matches_itself(text: str) -> None:
    if answers.normalize(text):
        verdict = answers.match_text(text, [text])
        assert verdict.correct and not verdict.forgiven


@given(st.text(max_size=60))
def test_normalize_is_idempotent(text: str) -> None:
    once = answers.normalize(text)
    assert answers.normalize(once) == once


@given(st.sampled_from(list(Kind)), st.text(max_size=200))
def test_parse_reply_never_raises(kind: Kind, text: str) -> None:
    reply = answers.parse_reply(kind, text, OPTIONS)
    if kind is Kind.CHOICE and reply is not None:
        assert 0 <= int(reply) < len(OPTIONS)
