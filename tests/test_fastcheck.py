"""The fast path never accepts what the full check would report, and builds the same Question."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from heroes_quiz import fastcheck, schema

# Text near the edges the checks care about: articles, case, accents, width, invisibles,
# punctuation, spaces at the ends, controls.
_PIECES = st.sampled_from(["the", "The", "a", "A", "cat", "Cat", "CAT", "cát", "Ａ", "á", "5",
                           "5a", " ", "  ", "'", "&", "-", "_", "\u200b", "\u3164", "\x1b",
                           "\t", "é", "e\u0301", "?"])
_TEXT = st.lists(_PIECES, min_size=0, max_size=4).map("".join)
_VALUE = st.one_of(_TEXT, st.none(), st.integers(0, 2), st.booleans())


@st.composite
def _records(draw: st.DrawFn) -> dict[str, Any]:
    record: dict[str, Any] = {key: draw(st.one_of(_TEXT, _VALUE)) for key in
                              ("id", "category", "prompt", "explanation", "source")}
    record["difficulty"] = draw(st.sampled_from(["easy", "hard", "Easy", 1, None]))
    record["kind"] = draw(st.sampled_from(["choice", "true_false", "text", "boolean"]))
    record["answer"] = draw(st.one_of(_TEXT, st.booleans()))
    if draw(st.booleans()):
        record["choices"] = draw(st.lists(_TEXT, min_size=0, max_size=6))
    if draw(st.booleans()):
        record["choices" if draw(st.booleans()) else "accept"] = [record["answer"], "x"]
    return record


@settings(max_examples=3000, deadline=None)
@given(_records())
def test_the_fast_path_agrees_with_the_full_check(data: dict[str, Any]) -> None:
    rec = schema.Record(data, "f.json", 1)
    problems = schema.Problems()
    full = schema.to_question(rec, problems)
    fast = fastcheck.question(rec)
    assert fast is None or (fast == full and not problems.lines)


def test_plain_records_take_the_fast_path() -> None:
    base = {"id": "q1", "category": "Cat", "difficulty": "easy", "prompt": "Pick one",
            "explanation": "Because.", "source": "me"}
    choice = {**base, "kind": "choice", "answer": "Right 1",
              "choices": ["Right 1", "Wrong 1a", "The Wrong 1b"]}
    assert fastcheck.question(schema.Record(choice, "f", 1)) is not None
    accented = {**base, "prompt": "Rodríguez?", "kind": "true_false", "answer": True}
    assert fastcheck.question(schema.Record(accented, "f", 2)) is not None
    # "The Cat" and "cat" are one choice to a player: left to the full check, which says so.
    same = {**choice, "choices": ["The Cat", "cat", "Right 1"]}
    assert fastcheck.question(schema.Record(same, "f", 3)) is None


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=5))
def test_unique_is_never_wrong(pairs: list[tuple[str, str]]) -> None:
    records = [schema.Record({"id": qid, "prompt": prompt}, "f.json", n)
               for n, (qid, prompt) in enumerate(pairs, start=1)]
    problems = schema.Problems()
    schema.check_unique(records, problems)
    assert not (fastcheck.unique(records) and problems.lines)


def test_unique_sees_no_repeat_in_a_plain_bank() -> None:
    records = [schema.Record({"id": f"q{n}", "prompt": f"Prompt {n}?"}, "f", n)
               for n in range(1, 50)]
    assert fastcheck.unique(records)
    records.append(schema.Record({"id": "q50", "prompt": "prompt  1?"}, "f", 50))
    assert not fastcheck.unique(records)


# Mostly plain records, so the fast path answers often enough to be compared: words with and
# without accents, full width, marks, a Hangul filler, text with no ASCII letter at all.
_WORD = st.sampled_from(["Cat", "cát", "?", "!", "Ｃ", "é", "\u3164", "5", "the", "a b", " x ",
                         "-", "ñandú", "日本", "Rodríguez"])
_PHRASE = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PHRASE, min_size=5, max_size=5), st.sampled_from(["choice", "true_false"]),
       st.lists(_PHRASE, min_size=3, max_size=4, unique=True), st.booleans())
def test_plain_looking_records_agree_with_the_full_check(texts: list[str], kind: str,
                                                         choices: list[str], truth: bool) -> None:
    data: dict[str, Any] = dict(zip(("id", "category", "prompt", "explanation", "source"),
                                    texts, strict=True))
    data.update(difficulty="easy", kind=kind)
    if kind == "choice":
        data.update(answer=choices[0], choices=choices)
    else:
        data["answer"] = truth
    rec = schema.Record(data, "f.json", 1)
    problems = schema.Problems()
    full = schema.to_question(rec, problems)
    fast = fastcheck.question(rec)
    assert fast is None or (fast == full and not problems.lines)
