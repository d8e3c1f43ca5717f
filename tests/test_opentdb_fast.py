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
_WORDS = ["Cat", "the Dog", "Fish 5", "A Bird", "cow", "Rodr&iacute;guez", "the cat", "Cow  "]
_PLAIN = st.fixed_dictionaries({
    "type": st.sampled_from(["multiple", "multiple", "boolean"]),
    "difficulty": st.sampled_from(["easy", "hard"]),
    "category": st.sampled_from(_WORDS),
    "question": st.sampled_from(_WORDS).map(lambda w: f"Which is {w}?"),
    "correct_answer": st.sampled_from([*_WORDS, "True", "false"]),
    "incorrect_answers": st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4, unique=True)})


def _full(doc: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """What the full path makes of a document: its Questions and its problems."""
    records = [schema.Record(item, "f.json", n)
               for n, item in enumerate(opentdb.to_records(doc, "f.json"), start=1)]
    problems = schema.Problems()
    return [schema.to_question(rec, problems) for rec in records], problems.lines


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
        if fast is not None:
            questions, problems = _full(doc)
            assert not problems
            assert fast == questions


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
    {"incorrect_answers": [["&"], "Wrong"]},  # a list where a text belongs ("&" in it, too)
    {"incorrect_answers": [{"&": 1}, "Wrong", 3]},
    {"category": ["&"]},
])
def test_one_odd_result_sends_the_file_down_the_full_path(change: dict[str, Any]) -> None:
    doc = _plain_doc(5)
    doc["results"][1].update(change)
    assert opentdb_fast.plain_questions(doc) is None


def test_repeats_in_a_plain_file_are_still_reported(tmp_path: Path) -> None:
    doc = _plain_doc(6)
    doc["results"][3] = dict(doc["results"][1])
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BankError, match="duplicate id") as caught:
        bank.load(path)
    assert "same prompt" in str(caught.value)


def test_a_folder_mixing_a_plain_file_and_a_toml_bank_loads_both(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(_plain_doc(4)), encoding="utf-8")
    (tmp_path / "b.toml").write_text(
        '[[question]]\nid = "t-1"\ncategory = "c"\ndifficulty = "easy"\nkind = "text"\n'
        'prompt = "Name it"\nanswer = "Zendaya"\nexplanation = "She is."\nsource = "me"\n',
        encoding="utf-8")
    loaded = bank.load(tmp_path)
    assert len(loaded.questions) == 5
    assert {q.id for q in loaded.questions} >= {"t-1"}


def test_only_a_big_bank_is_frozen_out_of_the_collectors_sight(tmp_path: Path) -> None:
    import gc

    small, big = tmp_path / "small.json", tmp_path / "big.json"
    small.write_text(json.dumps(_plain_doc(50)), encoding="utf-8")
    big.write_text(json.dumps(_plain_doc(30_000)), encoding="utf-8")
    gc.unfreeze()
    try:
        bank.load(small)
        assert gc.get_freeze_count() == 0  # a test run's garbage stays collectable
        assert len(bank.load(big).questions) == 30_000
        assert gc.get_freeze_count() > 30_000
        assert gc.isenabled()
    finally:
        gc.unfreeze()
