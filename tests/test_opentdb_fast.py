"""Open Trivia DB's fast path: the same Questions as records plus the full check, or nothing."""

from __future__ import annotations

import base64
import html
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroes_quiz import bank, opentdb, opentdb_fast, schema
from heroes_quiz.errors import BankError

# Text near every edge the checks care about: entities (one decoding to ESC), articles, case,
# accents, spaces and tabs at the ends, invisible and control characters, long words.
_PIECES = st.sampled_from([
    "the", "The", "a", "cat", "Cat", "CAT", "cát", "5", " ", "  ", "\t", "&amp;", "&quot;",
    "&#27;", "&#039;", "&iacute;", "&", "?", "-", "\u3164", "\u200b", "\x1b", "é", "e\u0301",
    "x" * 120, "True", "true", "False"])
_TEXT = st.lists(_PIECES, min_size=0, max_size=4).map("".join)
_ODD = st.one_of(st.none(), st.integers(0, 2), st.lists(_TEXT, max_size=1))


@st.composite
def _results(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": draw(st.sampled_from(["multiple", "boolean", "boolean", "text", 1])),
        "difficulty": draw(st.sampled_from(["easy", "medium", "hard", "Easy", None])),
        "category": draw(st.one_of(_TEXT, _ODD)),
        "question": draw(st.one_of(_TEXT, _TEXT, _ODD)),
        "correct_answer": draw(st.one_of(_TEXT, _ODD)),
        "incorrect_answers": draw(st.one_of(st.lists(st.one_of(_TEXT, _ODD), max_size=5),
                                            _TEXT)),
    }
    for key in draw(st.lists(st.sampled_from(sorted(item)), max_size=1)):
        del item[key]
    return item


# Results that are mostly plain, so the fast path is taken often enough to be compared.
_WORDS = ["Cat", "the Dog", "Fish 5", "A Bird", "cow", "Rodr&iacute;guez", "the cat", "Cow  ",
          "Dr. Who?", "O&#039;Brien", "AT&amp;T", "Big Cat", "cat!", "Ｃａｔ", "Pok\u00e9mon"]
_PLAIN = st.fixed_dictionaries({
    "type": st.sampled_from(["multiple", "multiple", "boolean"]),
    "difficulty": st.sampled_from(["easy", "hard"]),
    "category": st.sampled_from(_WORDS),
    "question": st.sampled_from(_WORDS).map(lambda w: f"Which is {w}?"),
    "correct_answer": st.sampled_from([*_WORDS, "True", "false"]),
    "incorrect_answers": st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4, unique=True)})


def _each(doc: dict[str, Any]) -> list[tuple[Any, list[str]]]:
    """The full path's Question and problems for each result on its own."""
    found = []
    for n, item in enumerate(opentdb.to_records(doc, "f.json"), start=1):
        problems = schema.Problems()
        found.append((schema.to_question(schema.Record(item, "f.json", n), problems),
                      problems.lines))
    return found


def _full(doc: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """What the full path makes of a document: its Questions and all their problems."""
    each = _each(doc)
    return [question for question, _ in each], [line for _, lines in each for line in lines]


def _encoded(results: list[dict[str, Any]], encoding: str) -> dict[str, Any]:
    """The results with every text encoded as Open Trivia DB's `encode=` option writes it."""
    def one(value: Any) -> Any:
        if isinstance(value, list):
            return [one(v) for v in value]
        if not isinstance(value, str) or encoding == "html":
            return value
        value = html.unescape(value)  # the other encodings carry the characters themselves
        if encoding == "base64":
            return base64.b64encode(value.encode()).decode()
        return quote(value, safe="")

    return {"response_code": 0,
            "results": [{k: one(v) for k, v in item.items()} for item in results]}


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_results(), *[_PLAIN] * 6), min_size=1, max_size=3))
def test_the_fast_path_builds_what_the_full_check_builds(results: list[dict[str, Any]]) -> None:
    for encoding in ("html", "base64", "url3986"):
        doc = _encoded(results, encoding)
        fast = opentdb_fast.plain_questions(doc)
        if fast is None:  # the whole file goes the full way
            continue
        for checked, (question, problems) in zip(fast, _each(doc), strict=True):
            if checked is not None:  # taken as checked: exactly what the full check makes
                assert not problems
                assert checked == question


@pytest.mark.parametrize("encoding", ["html", "base64", "url3986"])
def test_every_encoding_of_a_plain_file_takes_the_fast_path(encoding: str) -> None:
    results = _plain_doc(30)["results"]
    for item in results:  # the html entities, written out for the other encodings
        item["question"] = item["question"].replace("&quot;", '"')
        item["category"] = item["category"].replace("&amp;", "&")
    doc = _encoded(results, encoding)
    fast = opentdb_fast.plain_questions(doc)
    assert fast is not None and len(fast) == 30
    assert fast == _full(doc)[0]
    assert fast[1].prompt == 'Question 1: which goes with "Heroes"?'


@pytest.mark.parametrize("text", ["100%", "50%2", "a%0Ab", "back\\slash", "caf%C3",
                                  "caf%C3%A9 %F0%9F%8E%AC"])
def test_url_texts_the_column_decoder_cannot_take_go_the_full_way(text: str) -> None:
    doc = _encoded(_plain_doc(3)["results"], "url3986")
    doc["results"][1]["question"] = text
    fast = opentdb_fast.plain_questions(doc)
    if fast is not None:  # then it must be exactly what unquote gives
        assert fast == _full(doc)[0]
    else:
        assert text != "caf%C3%A9 %F0%9F%8E%AC"  # plain UTF-8 escapes do take the fast path


def _plain_doc(count: int) -> dict[str, Any]:
    return {"response_code": 0, "results": [
        {"type": "multiple", "difficulty": "easy", "category": "Film &amp; TV",
         "question": f"Question {n}: which goes with &quot;Heroes&quot;?",
         "correct_answer": f"Right {n}", "incorrect_answers": [f"Wrong {n}a", f"Wrong {n}b"]}
        if n % 2 else
        {"type": "boolean", "difficulty": "hard", "category": "Film",
         "question": f"Statement {n} is true.", "correct_answer": "False",
         "incorrect_answers": ["True"]}
        for n in range(count)]}


def test_a_plain_file_takes_the_fast_path_and_loads_the_same(tmp_path: Path) -> None:
    doc = _plain_doc(40)
    fast = opentdb_fast.plain_questions(doc)
    assert fast is not None and len(fast) == 40
    assert fast == _full(doc)[0]
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert list(bank.load(path).questions) == fast


@pytest.mark.parametrize("change", [
    {"question": "Two \x1b[2J lines"},  # a control
    {"incorrect_answers": ["Right 1", "Wrong"]},  # the answer twice
    {"difficulty": "Easy"},
    {"incorrect_answers": ["Wrong"]},  # two choices
    {"incorrect_answers": ["right 1!", "Wrong 1a"]},  # one choice to the matcher
    {"question": "\u3164"},  # blank to a player
])
def test_one_odd_result_is_left_to_the_full_check(change: dict[str, Any]) -> None:
    doc = _plain_doc(5)
    doc["results"][1].update(change)
    fast = opentdb_fast.plain_questions(doc)
    assert fast is not None and fast[1] is None
    assert all(q is not None for n, q in enumerate(fast) if n != 1)


@pytest.mark.parametrize("wrong", [
    ["Dr. Who?", "Wrong 1a"],  # punctuation, read as the matcher reads it
    ["Pok&eacute;mon", "Wrong 1a"],  # accents
    ["Big Right 1", "Small Right 1"],  # the same last word, yet different choices
    ["AT&amp;T", "O&#039;Brien"],
])
def test_choices_beyond_plain_words_are_checked_by_the_matchers_reading(wrong: list[str]
                                                                       ) -> None:
    doc = _plain_doc(5)
    doc["results"][1]["incorrect_answers"] = wrong
    fast = opentdb_fast.plain_questions(doc)
    assert fast is not None and fast[1] is not None
    question, problems = _each(doc)[1]
    assert fast[1] == question and not problems


@pytest.mark.parametrize("change", [
    {"incorrect_answers": [["&"], "Wrong"]},  # a list where a text belongs ("&" in it, too)
    {"incorrect_answers": [{"&": 1}, "Wrong", 3]},
    {"category": ["&"]},
    {"incorrect_answers": "Wrong"},
])
def test_a_result_of_the_wrong_shape_sends_the_file_the_full_way(change: dict[str, Any]) -> None:
    doc = _plain_doc(5)
    doc["results"][1].update(change)
    assert opentdb_fast.plain_questions(doc) is None


@pytest.mark.parametrize("change", [
    {"incorrect_answers": ["Dr. Who?", "Pokémon", "Big Right 1"]},  # valid, not plain
    {"question": "   "},  # problems to report
    {"incorrect_answers": ["Right 1", "Wrong"]},
])
def test_a_file_with_odd_results_loads_as_the_full_path_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: dict[str, Any]) -> None:
    doc = _plain_doc(40)
    for n in (3, 17):
        doc["results"][n].update(change)
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(doc), encoding="utf-8")

    def load() -> object:
        try:
            return bank.load(path)
        except BankError as exc:
            return str(exc)

    fast = load()
    monkeypatch.setattr(opentdb_fast, "plain_questions", lambda doc: None)
    assert fast == load()  # the same bank, or the same problems word for word
