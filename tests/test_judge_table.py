"""What a child might type, and what the judge says: one row per reply, English then Spanish.

Each reply goes through `parse_reply` and `judge` exactly as a game does. Verdicts:
right, forgiven (right, typo noted), half, wrong, unit (wrong, with Note.WRONG_UNIT),
again (not read at all: the game asks again with a hint).
"""

from __future__ import annotations

import pytest

from heroes_quiz import answers
from heroes_quiz.models import Difficulty, Kind, Note, Question


def _q(kind: Kind, answer: object, **extra: object) -> Question:
    return Question(id="t", category="c", difficulty=Difficulty.EASY, kind=kind, prompt="?",
                    answer=answer, explanation="e", source="s", **extra)  # type: ignore[arg-type]


Q = {
    "million": _q(Kind.NUMBER, 44.0, unit="million"),  # 44 million households, exact
    "million±2": _q(Kind.NUMBER, 44.0, tolerance=2.0, unit="million"),
    "minutes": _q(Kind.NUMBER, 5.0, unit="minutes"),
    "km": _q(Kind.NUMBER, 42.0, unit="kilometres"),
    "weeks": _q(Kind.NUMBER, 2.0, unit="weeks"),
    "legs": _q(Kind.NUMBER, 8.0, unit="legs"),
    "sixty": _q(Kind.NUMBER, 60.0),
    "year": _q(Kind.NUMBER, 1969.0),
    "2020": _q(Kind.NUMBER, 2020.0),
    "date": _q(Kind.TEXT, "December 25", accept=("Christmas", "25 de diciembre", "Navidad")),
    # release-002: the premiere day with its year; yearless forms still match by day
    "2020-12-25": _q(Kind.TEXT, "December 25, 2020", accept=("Dec 25", "Christmas", "Xmas")),
    "lyra": _q(Kind.TEXT, "Vivien Blair", accept=("Vivien Lyra Blair", "Lyra Blair", "Lyra")),
    "toy": _q(Kind.TEXT, "Toy Story"),
    "shark": _q(Kind.TEXT, "Sharkboy and Lavagirl", accept=("Sharkboy",)),
    "spy": _q(Kind.TEXT, "Spy Kids", accept=("Niños espías",)),
    "spy2": _q(Kind.TEXT, "Spy Kids 2"),
    "pedro": _q(Kind.TEXT, "Pedro Pascal"),
    "girl": _q(Kind.TEXT, "Niña", accept=("una niña", "es una niña", "chica", "nena")),
    "city": _q(Kind.TEXT, "La Paz"),
    "true": _q(Kind.TRUE_FALSE, True),
    "false": _q(Kind.TRUE_FALSE, False),
}

ENGLISH = [
    ("million", "44", "right"),
    ("million", "44 million", "right"),
    ("million", "44,000,000", "right"),
    ("million", "44000000", "right"),
    ("million", "forty-four million", "right"),
    ("million", "forty four million", "right"),
    ("million", "44m", "right"),
    ("million", "44 millions", "right"),
    ("million", "about 44 million households", "right"),
    ("million", "44 billion", "unit"),
    ("million", "44 thousand", "unit"),
    ("million", "42", "wrong"),
    ("million", "43", "wrong"),
    ("million", "44 or 45", "again"),
    ("million", "lots", "again"),
    ("million±2", "46", "right"),
    ("million±2", "forty-eight", "half"),
    ("million±2", "50 million", "wrong"),
    ("minutes", "5", "right"),
    ("minutes", "five", "right"),
    ("minutes", "5 minutes", "right"),
    ("minutes", "5 mins", "right"),
    ("minutes", "5min", "right"),
    ("minutes", "5 hours", "unit"),
    ("minutes", "5 seconds", "unit"),
    ("minutes", "300 seconds", "unit"),
    ("km", "42 miles", "unit"),
    ("km", "42 km", "right"),
    ("km", "forty-two kilometers", "right"),
    ("weeks", "2 weeks", "right"),
    ("weeks", "two", "right"),
    ("weeks", "2 months", "unit"),
    ("legs", "eight", "right"),
    ("legs", "8 legs", "right"),
    ("legs", "8 hairy legs", "right"),
    ("sixty", "sixty", "right"),
    ("sixty", "60", "right"),
    ("sixty", "six", "wrong"),
    ("year", "nineteen sixty-nine", "right"),
    ("year", "nineteen sixty nine", "right"),
    ("year", "1,969", "right"),
    ("year", "1970", "wrong"),
    ("2020", "two thousand twenty", "right"),
    ("2020", "twenty twenty", "right"),
    ("2020", "2020!", "right"),
    ("date", "December 25", "right"),
    ("date", "dec 25", "right"),
    ("date", "Dec. 25th", "right"),
    ("date", "25 December", "right"),
    ("date", "25th of December", "right"),
    ("date", "12/25", "right"),
    ("date", "december twenty-fifth", "right"),
    ("date", "christmas", "right"),
    ("date", "Christmas Day", "wrong"),
    ("date", "Dec 26", "wrong"),
    ("date", "Dec 24", "wrong"),
    ("date", "december", "wrong"),
    ("date", "Dec 25 2005", "right"),  # the question names no year, so none is held against it
    ("2020-12-25", "Dec 25 2020", "right"),
    ("2020-12-25", "dec 25", "right"),
    ("2020-12-25", "25 de diciembre de 2020", "right"),
    ("2020-12-25", "12/25/2020", "right"),
    ("2020-12-25", "christmas", "right"),
    ("2020-12-25", "xmas", "right"),
    ("2020-12-25", "December 25, 2005", "wrong"),  # 2005 is Sharkboy and Lavagirl's year
    ("2020-12-25", "dec 25 2022", "wrong"),
    ("2020-12-25", "Dec 24 2020", "wrong"),
    ("lyra", "lira", "forgiven"),
    ("lyra", "Lyra", "right"),
    ("lyra", "vivien blare", "forgiven"),
    ("lyra", "Blair Vivien", "right"),
    ("lyra", "Vivien", "wrong"),
    ("toy", "toy stroy", "forgiven"),
    ("toy", "TOY STORY", "right"),
    ("toy", "Toy Story 2", "wrong"),
    ("shark", "Sharkboy", "right"),
    ("shark", "sharkboy & lavagirl", "right"),
    ("shark", "Sharkboy and Lavagirl 2", "wrong"),
    ("shark", "sharkboi", "forgiven"),
    ("spy2", "spy kids two", "right"),
    ("spy2", "Spy Kids II", "right"),
    ("spy2", "spy kdis 2", "forgiven"),
    ("spy2", "Spy Kids 3", "wrong"),
    ("pedro", "pedro pascl", "forgiven"),
    ("pedro", "Pedro", "wrong"),
    ("true", "yeah", "right"),
    ("true", "yep", "right"),
    ("true", "yup", "right"),
    ("true", "sure", "right"),
    ("true", "YESSS", "right"),
    ("true", "nope", "wrong"),
    ("false", "nah", "right"),
    ("false", "nope", "right"),
    ("false", "1", "wrong"),
    ("true", "-1", "again"),
    ("true", "maybe", "again"),
]

SPANISH = [
    ("million", "cuarenta y cuatro millones", "right"),
    ("million", "44 millones", "right"),
    ("million", "44.000.000", "right"),
    ("million", "cuarenta y cuatro", "right"),
    ("million", "44 millones de hogares", "right"),
    ("million", "44 mil", "unit"),
    ("million", "44 billones", "unit"),
    ("million", "cuarenta y tres millones", "wrong"),
    ("million", "muchos", "again"),
    ("million±2", "cuarenta y seis", "right"),
    ("million±2", "cuarenta y ocho", "half"),
    ("minutes", "cinco", "right"),
    ("minutes", "5 minutos", "right"),
    ("minutes", "cinco minutos", "right"),
    ("minutes", "5 horas", "unit"),
    ("minutes", "cinco segundos", "unit"),
    ("km", "42 kilómetros", "right"),
    ("km", "42 millas", "unit"),
    ("weeks", "dos semanas", "right"),
    ("weeks", "2 semanas", "right"),
    ("weeks", "dos meses", "unit"),
    ("weeks", "dos días", "unit"),
    ("legs", "ocho", "right"),
    ("legs", "ocho patas", "right"),
    ("legs", "siete", "wrong"),
    ("sixty", "sesenta", "right"),
    ("sixty", "seis", "wrong"),
    ("year", "mil novecientos sesenta y nueve", "right"),
    ("2020", "dos mil veinte", "right"),
    ("2020", "dos mil diecinueve", "wrong"),
    ("2020", "veintidós", "wrong"),
    ("date", "25 de diciembre", "right"),
    ("date", "25 de dic", "right"),
    ("date", "el 25 de diciembre", "right"),
    ("date", "diciembre 25", "right"),
    ("date", "veinticinco de diciembre", "right"),
    ("date", "25/12", "right"),
    ("date", "Navidad", "right"),
    ("date", "navidá", "forgiven"),
    ("date", "26 de diciembre", "wrong"),
    ("date", "24 de dic", "wrong"),
    ("2020-12-25", "25 de diciembre de 2020", "right"),
    ("2020-12-25", "25/12/2020", "right"),
    ("2020-12-25", "25 de dic", "right"),
    ("2020-12-25", "25 de diciembre de 2005", "wrong"),
    ("spy", "Niños espías", "right"),
    ("spy", "ninos espias", "right"),
    ("spy", "los niños espías", "right"),
    ("spy", "niños espia", "forgiven"),
    ("girl", "niña", "right"),
    ("girl", "nina", "right"),
    ("girl", "niñaa", "forgiven"),
    ("girl", "niño", "wrong"),
    ("girl", "un niño", "wrong"),
    ("girl", "es un niño", "wrong"),
    ("girl", "chico", "wrong"),
    ("girl", "nene", "wrong"),
    ("city", "la paz", "right"),
    ("city", "Paz", "right"),
    ("city", "La Pas", "wrong"),
    ("true", "sí", "right"),
    ("true", "si", "right"),
    ("true", "Sí!", "right"),
    ("true", "verdadero", "right"),
    ("true", "v", "right"),
    ("true", "cierto", "right"),
    ("true", "siii", "right"),
    ("true", "falso", "wrong"),
    ("false", "no", "right"),
    ("false", "falso", "right"),
    ("false", "f", "right"),
    ("false", "verdadero", "wrong"),
    ("true", "quizás", "again"),
]


def verdict_word(key: str, reply: str, lang: str) -> str:
    """Judge a reply as a game does and say which of the table's words fits."""
    question = Q[key]
    parsed = answers.parse_reply(question.kind, reply, (), lang)
    if parsed is None:
        return "again"
    verdict = answers.judge(question, parsed, (), lang)
    if verdict.note is Note.WRONG_UNIT:
        assert not verdict.correct and verdict.unit == question.unit
        return "unit"
    if verdict.forgiven:
        return "forgiven"
    if verdict.correct:
        return "right"
    return "half" if verdict.partial else "wrong"


def test_the_tables_are_big_enough() -> None:
    assert len(ENGLISH) >= 40 and len(SPANISH) >= 40


@pytest.mark.parametrize(("key", "reply", "expected"), ENGLISH)
def test_english_replies(key: str, reply: str, expected: str) -> None:
    assert verdict_word(key, reply, "en") == expected


@pytest.mark.parametrize(("key", "reply", "expected"), SPANISH)
def test_spanish_replies(key: str, reply: str, expected: str) -> None:
    assert verdict_word(key, reply, "es") == expected


@pytest.mark.parametrize(("key", "reply"), [
    ("legs", "ocho"), ("million", "cuarenta y cuatro millones"), ("true", "sí"),
    ("date", "25 de dic"),
])
def test_a_spanish_reply_in_an_english_game_is_understood(key: str, reply: str) -> None:
    assert verdict_word(key, reply, "en") == "right"


@pytest.mark.parametrize(("key", "reply"), [("legs", "eight"), ("date", "dec 25")])
def test_an_english_reply_in_a_spanish_game_is_understood(key: str, reply: str) -> None:
    assert verdict_word(key, reply, "es") == "right"
