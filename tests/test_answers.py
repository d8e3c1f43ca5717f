"""Forgiving matching and parsing of typed answers."""

from __future__ import annotations

import pytest
from conftest import make_question
from hypothesis import example, given, settings
from hypothesis import strategies as st

from heroes_quiz import answers
from heroes_quiz.models import Kind, Note


@pytest.mark.parametrize(("raw", "expected"), [
    ("  The Heroics!  ", "heroics"),
    ("Pedro PASCAL", "pedro pascal"),
    ("Adriana Barrazá", "adriana barraza"),
    ("Sharkboy & Lavagirl", "sharkboy and lavagirl"),
    ("Isaiah Russell-Bailey", "isaiah russell bailey"),
    ("J. Quinton Johnson", "j quinton johnson"),
    ("the", "the"),
    ("Pe\u200bdro\u202e", "pedro"),
    ("La Paz", "paz"),
    ("Los Niños Espías", "ninos espias"),
    ("A Quiet Place", "quiet place"),
    ("la", "la"),
    ("¡Sí!", "si"),
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
    ("Kan", "Ken"),  # three letters: no typos at all
    ("2006", "2005"),  # digits are never forgiven
    ("", "Pedro Pascal"),
    ("Pedro", "Pedro Pascal"),
])
def test_wrong_answers_stay_wrong(reply: str, answer: str) -> None:
    assert not answers.match_text(reply, [answer]).correct


def test_typo_allowance_scales_with_length() -> None:
    assert answers.allowed_typos("kan") == 0
    assert answers.allowed_typos("lyra") == 1
    assert answers.allowed_typos("heroics") == 1
    assert answers.allowed_typos("boyd holbrook") == 2
    assert answers.allowed_typos("isaiah russell bailey") == 3


@pytest.mark.parametrize(("reply", "answer"), [
    ("lira", "Lyra"),  # one edit from four letters on
    ("toy stroy", "Toy Story"),  # a swapped pair is one edit
    ("Boyd Hlobrook", "Boyd Holbrook"),
    ("spy kdis 2", "Spy Kids 2"),  # letters may slip when the numbers agree
])
def test_one_edit_and_swaps_are_forgiven(reply: str, answer: str) -> None:
    verdict = answers.match_text(reply, [answer])
    assert verdict.correct and verdict.forgiven and verdict.reading == answer


@pytest.mark.parametrize(("reply", "answer"), [
    ("Toy Story 2", "Toy Story"), ("toy story2", "Toy Story"), ("Toy Story 3", "Toy Story 2"),
    ("Sharkboy and Lavagirl 2", "Sharkboy"), ("Spy Kids 2", "Spy Kids"), ("2006", "2005"),
    ("Spy Kids Three", "Spy Kids 2"),
])
def test_a_changed_or_added_number_is_never_a_typo(reply: str, answer: str) -> None:
    assert not answers.match_text(reply, [answer]).correct


@pytest.mark.parametrize("reply", ["Spy Kids Two", "spy kids II", "Spy Kids dos"])
def test_sequel_numbers_in_words_or_roman(reply: str) -> None:
    verdict = answers.match_text(reply, ["Spy Kids 2"])
    assert verdict.correct and not verdict.forgiven


@pytest.mark.parametrize(("raw", "value"), [
    ("44", 44.0), (" 1,914 ", 1914.0), ("１９１４", 1914.0), ("44 million", 44.0),
    ("-1", -1.0), ("2.5", 2.5), ("12\r\n", 12.0), ("1e3", 1000.0), ("4\x004", 44.0),
    ("eight", 8.0), ("sixty", 60.0), ("forty-two", 42.0), ("forty two", 42.0),
    ("nineteen sixty-nine", 1969.0), ("nineteen sixty nine", 1969.0), ("nineteen oh five", 1905.0),
    ("two thousand twenty", 2020.0), ("forty-four million", 44.0), ("44,000,000", 44e6),
    ("44.000.000", 44e6), ("44 000 000", 44e6), ("2,5", 2.5), ("44m", 44.0), ("25th", 25.0),
    ("ocho", 8.0), ("dos mil veinte", 2020.0), ("sesenta", 60.0), ("veintidos", 22.0),
    ("cuarenta y cuatro millones", 44.0), ("a hundred", 100.0), ("I think 12", 12.0),
])
def test_parse_number_reads_numbers(raw: str, value: float) -> None:
    assert answers.parse_number(raw) == value


@pytest.mark.parametrize("raw", [
    "", "abc", "nan", "inf", "1e309", "-1e309", "\x00", "44 44", "12abc", "x" * 100_000, "😀",
    "42 or 43", "forty or fifty", "one two", "and", "a lot",
])
def test_parse_number_rejects_non_numbers(raw: str) -> None:
    assert answers.parse_number(raw) is None


@pytest.mark.parametrize(("raw", "value"), [
    ("y", True), ("YES", True), ("true", True), ("T", True), ("1", True),
    ("n", False), ("No", False), ("false", False), ("2", False),
    ("yeah", True), ("yep", True), ("yup", True), ("sure", True), ("yesss!", True),
    ("nope", False), ("nah", False), ("nooo", False),
    ("sí", True), ("si", True), ("SÍ", True), ("verdadero", True), ("v", True),
    ("cierto", True), ("falso", False), ("f", False),
])
def test_parse_bool(raw: str, value: bool) -> None:
    assert answers.parse_bool(raw) is value


@pytest.mark.parametrize("raw", ["", "maybe", "3", "0", "yess please", "-1", "-2", "11"])
def test_parse_bool_rejects(raw: str) -> None:
    assert answers.parse_bool(raw) is None


OPTIONS = ("Pedro Pascal", "Tom Hanks", "Zendaya", "Pedro Pascual")


@pytest.mark.parametrize(("raw", "index"), [
    ("1", 0), ("3\r\n", 2), ("４", 3), ("tom hanks", 1), ("Zendya", 2), ("pedro pascual", 3),
])
def test_parse_choice(raw: str, index: int) -> None:
    assert answers.parse_choice(raw, OPTIONS) == index


# "፩" (Ethiopic one) is a digit to str.isdigit but not a number to int(): a crash once.
@pytest.mark.parametrize("raw", ["0", "5", "-1", "", "Pedro Pascl", "Keanu", "99999999999", "፩"])
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


def test_parse_reply_keeps_a_number_reply_as_text_for_the_judge() -> None:
    assert answers.parse_reply(Kind.NUMBER, " 5 hours ", ()) == "5 hours"
    assert answers.parse_reply(Kind.NUMBER, "forty-four million", ()) == "forty-four million"
    assert answers.parse_reply(Kind.NUMBER, "lots", ()) is None
    assert answers.parse_reply(Kind.NUMBER, "44 or 45", ()) is None


@pytest.mark.parametrize(("unit", "reply", "reading"), [
    ("million", "forty-four million", "44 million"),
    ("million", "44,000,000", "44 million"),
    ("million", "44", "44 million"),
    ("", "forty-four", "44"),
    ("minutes", "five", "5 minutes"),
])
def test_the_verdict_carries_the_reading_when_it_helps(unit: str, reply: str, reading: str
                                                       ) -> None:
    answer = 5.0 if unit == "minutes" else 44.0
    q = make_question(kind=Kind.NUMBER, answer=answer, tolerance=0.0, unit=unit)
    verdict = answers.judge(q, reply)
    assert verdict.correct and verdict.reading == reading and verdict.given == reply


@pytest.mark.parametrize(("unit", "reply"), [
    ("million", "44 million"), ("", "44"), ("minutes", "5 minutes"),
])
def test_no_reading_when_the_reply_already_says_it(unit: str, reply: str) -> None:
    answer = 5.0 if unit == "minutes" else 44.0
    q = make_question(kind=Kind.NUMBER, answer=answer, tolerance=0.0, unit=unit)
    verdict = answers.judge(q, reply)
    assert verdict.correct and verdict.reading == ""


@pytest.mark.parametrize(("unit", "reply"), [
    ("million", "44 billion"), ("minutes", "5 hours"), ("minutes", "60 seconds"),
    ("kilometres", "42 miles"), ("weeks", "2 months"), ("minutos", "5 horas"),
])
def test_another_unit_of_the_same_family_is_wrong_with_a_note(unit: str, reply: str) -> None:
    answer = {"million": 44.0, "kilometres": 42.0, "weeks": 2.0}.get(unit, 5.0)
    if reply == "60 seconds":
        answer = 60.0
    q = make_question(kind=Kind.NUMBER, answer=answer, tolerance=0.0, unit=unit)
    verdict = answers.judge(q, reply)
    assert not verdict.correct and not verdict.partial
    assert verdict.note is Note.WRONG_UNIT and verdict.unit == unit


@pytest.mark.parametrize("reply", ["8 legs", "8 hairy legs", "8 kilometres", "eight"])
def test_unknown_unit_words_and_other_families_are_ignored(reply: str) -> None:
    q = make_question(kind=Kind.NUMBER, answer=8.0, tolerance=0.0, unit="legs")
    assert answers.judge(q, reply).correct


def test_scale_words_multiply_when_the_question_has_no_scale() -> None:
    q = make_question(kind=Kind.NUMBER, answer=44e6, tolerance=0.0, unit="")
    for reply in ("44 million", "forty-four million", "44,000,000", "44000000", "44 millones"):
        assert answers.judge(q, reply).correct, reply
    assert not answers.judge(q, "44").correct


def test_dates_are_judged_by_day_never_by_spelling() -> None:
    q = make_question(kind=Kind.TEXT, answer="December 25", accept=("Christmas",))
    right = answers.judge(q, "dec 25")
    assert right.correct and not right.forgiven and right.reading == "December 25"
    assert not answers.judge(q, "Dec 26").correct
    assert not answers.judge(q, "December 2").correct
    assert answers.judge(q, "christmas").correct
    assert answers.judge(q, "chrismas").forgiven  # words beside the date may still slip


def test_judge_never_crashes_on_an_odd_reply() -> None:
    choice = make_question(kind=Kind.CHOICE)
    options = ("Zendaya", "Pedro Pascal", "Tom Hanks")
    assert not answers.judge(choice, "", options).correct
    assert not answers.judge(choice, 7, options).correct
    assert answers.judge(choice, "pedro pascal", options).correct
    assert not answers.judge(make_question(kind=Kind.TRUE_FALSE), "maybe").correct
    assert answers.judge(make_question(kind=Kind.TRUE_FALSE), "yeah").correct
    assert not answers.judge(make_question(kind=Kind.NUMBER), "lots").correct


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_a_number_reply_equal_to_the_answer_is_right(value: int) -> None:
    q = make_question(kind=Kind.NUMBER, answer=float(value), tolerance=0.0, unit="")
    for reply in (str(value), f"{value:,}"):
        assert answers.judge(q, answers.parse_reply(Kind.NUMBER, reply, ()) or "").correct


@given(st.text(min_size=1, max_size=40))
def test_a_text_reply_equal_to_the_answer_is_right(text: str) -> None:
    if answers.normalize(text):
        q = make_question(kind=Kind.TEXT, answer=text, accept=())
        assert answers.judge(q, text).correct


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz áé", min_size=3, max_size=20),
       st.text(alphabet="abcdefghijklmnopqrstuvwxyz áé", max_size=20),
       st.integers(min_value=0, max_value=20), st.sampled_from("0123456789"))
def test_adding_a_digit_never_makes_a_wrong_reply_right(answer: str, reply: str, at: int,
                                                         digit: str) -> None:
    q = make_question(kind=Kind.TEXT, answer=answer, accept=())
    if not answers.normalize(answer) or answers.judge(q, reply).correct:
        return
    longer = reply[:at] + digit + reply[at:]
    assert not answers.judge(q, longer).correct


_WORDS = st.sampled_from([
    "forty", "four", "million", "mil", "y", "cuarenta", "dec", "25", "de", "diciembre", "oh",
    "nineteen", "sixty", "and", "a", "un", "-", ",", ".", "/", "44", "2.5", "1,000", "k", "m",
    "min", "hours", "horas", "th", "twenty-fifth", "primero", "veintidos", "billones"])


@given(st.one_of(st.text(max_size=60), st.lists(_WORDS, max_size=8).map(" ".join)),
       st.sampled_from(["en", "es"]))
@example("፩", "en")  # a digit to str.isdigit that int() refuses
@example("dec ፪፭", "en")
def test_the_judge_never_raises_on_dates_units_and_number_words(text: str, lang: str) -> None:
    for question in (make_question(kind=Kind.TEXT, answer="December 25", accept=("Navidad",)),
                     make_question(kind=Kind.NUMBER, answer=44.0, unit="million"),
                     make_question(kind=Kind.NUMBER, answer=5.0, unit="minutos")):
        reply = answers.parse_reply(question.kind, text, (), lang)
        assert reply is None or isinstance(reply, str)
        answers.judge(question, text, (), lang)


PARTS = ("A big hit", "A small flop", "Priyanka Chopra Jonas", "Pedro Pascal")


@pytest.mark.parametrize(("typed", "index"), [
    ("big hit", 0), ("priyanka", 2), ("chopra jonas", 2), ("pascal", 3), ("flop", 1),
])
def test_part_of_exactly_one_option_picks_it(typed: str, index: int) -> None:
    assert answers.parse_choice(typed, PARTS) == index


@pytest.mark.parametrize("typed", ["a", "ig hi", "p", "hi"])
def test_part_that_is_no_whole_word_or_too_short_is_asked_again(typed: str) -> None:
    assert answers.parse_choice(typed, PARTS) is None


def test_part_shared_by_two_options_is_asked_again() -> None:
    assert answers.parse_choice("spy", ("Spy Kids", "Spy Kids 2", "Toy Story")) is None


@pytest.mark.parametrize(("typed", "value"), [
    ("nop", False), ("mentira", False), ("falsa", False), ("yea", True), ("verdad", True),
    ("claro", True),
])
def test_more_yes_and_no_words_children_type(typed: str, value: bool) -> None:
    assert answers.parse_bool(typed) is value


@pytest.mark.parametrize(("typed", "answer", "right"), [
    ("barrazo", "Barraza", True), ("pedra pascal", "Pedro Pascal", True),
    ("niño", "niña", False), ("chicos", "chicas", False), ("hijo", "hija", False),
])
def test_a_swapped_ending_is_a_typo_in_names_but_not_in_gendered_words(
        typed: str, answer: str, right: bool) -> None:
    assert answers.match_text(typed, [answer]).correct is right


@pytest.mark.parametrize(("typed", "answer"), [
    ("en Navidad", "Navidad"), ("en la tele", "la tele"), ("on Netflix", "Netflix"),
    ("in the desert", "the desert"),
])
def test_a_leading_on_in_or_en_from_the_question_is_ignored(typed: str, answer: str) -> None:
    assert answers.match_text(typed, [answer]).correct


# Text near every step of normalize: "&", apostrophes, marks, articles, case (ß, Σ), accents
# composed and not, full width, invisible and blank-looking characters, spaces of every kind.
_NORMALIZE_PIECES = st.sampled_from([
    "the", "The", "a", "an", "el", "la", "Cat", "cat", "CAT", "&", "'", "\u2019", ".", "?", "-",
    "_", "Dr.", "O'Brien", "AC/DC", "Pokémon", "Poke\u0301mon", "ß", "SS", "Σ", "ς", "Ａ", "１",
    "\u200b", "\u3164", "\u00ad", " ", "  ", "\t", "\u00a0", "\u2003", "\u2028", "5", "Mr", "x",
    "\x00", "\r", "\x1c", "ﬁ", "Ⅻ"])


@settings(max_examples=1000)
@given(st.lists(st.lists(_NORMALIZE_PIECES, max_size=5).map("".join), max_size=6))
def test_normalize_all_is_normalize_of_each(texts: list[str]) -> None:
    assert answers.normalize_all(texts) == [answers.normalize(t) for t in texts]


def test_normalize_all_refuses_what_it_cannot_read_in_one_pass() -> None:
    assert answers.normalize_all(["a\nb", "c"]) is None
    assert answers.normalize_all(["x" * 1001]) is None
    assert answers.normalize_all([]) == []
