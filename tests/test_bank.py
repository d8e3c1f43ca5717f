"""Loading and validating banks: every rule reported with file and question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TOML_BANK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_quiz import bank
from heroes_quiz.errors import BankError
from heroes_quiz.folding import blank
from heroes_quiz.models import Kind

GOOD = {
    "id": "x-1", "category": "cast", "difficulty": "easy", "kind": "choice",
    "prompt": "Who?", "answer": "A", "choices": ["A", "B", "C"],
    "explanation": "Because.", "source": "CBR interview",
}


def load_items(tmp_path: Path, items: list[dict[str, object]]) -> bank.Bank:
    path = tmp_path / "b.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return bank.load(path)


def problems(tmp_path: Path, items: list[dict[str, object]]) -> str:
    with pytest.raises(BankError) as info:
        load_items(tmp_path, items)
    return str(info.value)


def test_toml_bank_loads_every_kind(toml_bank: Path) -> None:
    loaded = bank.load(toml_bank)
    assert [q.kind for q in loaded.questions] == list(Kind)
    assert loaded.questions[3].answer == 44.0 and loaded.questions[3].tolerance == 2.0
    assert loaded.questions[2].accept == ("Holbrook",)


@pytest.mark.parametrize(("change", "message"), [
    ({"id": ""}, "#1: 'id' must be non-empty text"),
    ({"prompt": "  "}, "'prompt' must be non-empty text"),
    ({"explanation": ""}, "'explanation' must be non-empty text"),
    ({"source": None}, "'source' must be non-empty text"),
    ({"difficulty": "extreme"}, "'difficulty' is 'extreme'; expected easy | medium | hard"),
    ({"kind": "essay"}, "'kind' is 'essay'"),
    ({"answer": "D"}, "answer 'D' is not among the choices"),
    ({"choices": ["A", "B"]}, "needs 3 to 5 choices, has 2"),
    ({"choices": ["A", "B", "C", "D", "E", "F"]}, "has 6"),
    ({"choices": ["A", "B", " a "]}, "choices are not all different"),
    ({"choices": "A,B,C"}, "'choices' must be a list"),
    ({"tolerance": 1}, "unexpected field for a choice question: tolerance"),
])
def test_each_rule_names_file_question_and_problem(
    tmp_path: Path, change: dict[str, object], message: str,
) -> None:
    text = problems(tmp_path, [{**GOOD, **change}])
    assert str(tmp_path / "b.json") in text
    assert message in text
    assert "question x-1" in text or "#1" in text


@pytest.mark.parametrize(("item", "message"), [
    ({**GOOD, "kind": "true_false", "answer": "yes", "choices": None}, "must be true or false"),
    ({"id": "n", **{k: GOOD[k] for k in ("category", "difficulty", "prompt", "explanation",
      "source")}, "kind": "number", "answer": 5, "tolerance": -1}, "'tolerance' must be 0 or more"),
    ({"id": "n", **{k: GOOD[k] for k in ("category", "difficulty", "prompt", "explanation",
      "source")}, "kind": "number", "answer": "five"}, "'answer' must be a finite number"),
    ({"id": "t", **{k: GOOD[k] for k in ("category", "difficulty", "prompt", "explanation",
      "source")}, "kind": "text", "answer": "A", "accept": ["B", " "]}, "'accept' has a blank"),
])
def test_kind_specific_rules(tmp_path: Path, item: dict[str, object], message: str) -> None:
    item = {k: v for k, v in item.items() if v is not None}
    assert message in problems(tmp_path, [item])


def test_duplicates_and_all_problems_at_once(tmp_path: Path) -> None:
    text = problems(tmp_path, [GOOD, {**GOOD, "prompt": "Other?"}, {**GOOD, "id": "x-3"},
                               {**GOOD, "id": "x-4", "difficulty": "?", "source": ""}])
    assert "question x-1: duplicate id" in text
    assert "question x-3: same prompt as question x-1" in text
    assert "question x-4: 'source'" in text and "question x-4: 'difficulty'" in text
    assert "question x-4: same prompt" in text
    assert "5 problems found." in text


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[question]]\nid = "a"\nprompt = "unterminated\n', encoding="utf-8")
    with pytest.raises(BankError, match=r"bad.toml: TOML syntax error: .*line 3, column \d+"):
        bank.load(path)


def test_json_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"id": "a",\n  }\n]', encoding="utf-8")
    with pytest.raises(BankError, match=r"JSON syntax error at line 3, column 3"):
        bank.load(path)


@pytest.mark.parametrize(("raw", "message"), [
    (b"\xff\xfe[1]", "not UTF-8"),
    (b'[{"id": "a", "id": "b"}]', "duplicate key 'id'"),
    (b'[{"id": NaN}]', "NaN is not allowed"),
    (b'[{"tolerance": Infinity}]', "Infinity is not allowed"),
    (b'[{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]", "nested too deeply"),
    (b"", "has no questions"),
    (b"# only a comment\n", "has no questions"),
    (b'{"question": 3}', "expected a list"),
    (b"[[1, 2]]", "TOML syntax error"),
    (b"question = 3", "expected [[question]] tables"),
])
def test_broken_files_give_a_clear_message(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "bank.json"
    path.write_bytes(raw)
    with pytest.raises(BankError, match=r"bank\.json") as info:
        bank.load(path)
    assert message in str(info.value)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TOML_BANK.encode())
    assert len(bank.load(path).questions) == 4


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="cannot read"):
        bank.load(tmp_path / "nope.toml")


def test_export_has_every_field(toml_bank: Path) -> None:
    items = json.loads(bank.export_json(bank.load(toml_bank).questions))
    assert set(items[0]) == {"id", "category", "difficulty", "kind", "prompt", "answer",
                             "choices", "explanation", "source"}
    assert items[1]["answer"] is True
    assert items[2]["accept"] == ["Holbrook"]
    assert items[3]["answer"] == 44 and items[3]["tolerance"] == 2


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=30).filter(lambda s: s.strip() == s and not blank(s))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.lists(st.tuples(texts, st.sampled_from(list(Kind)), st.integers(-10**6, 10**6)),
                min_size=1, max_size=8, unique_by=lambda t: t[0]))
def test_export_then_load_round_trips(tmp_path: Path,
                                      specs: list[tuple[str, Kind, int]]) -> None:
    items = []
    for n, (text, kind, number) in enumerate(specs):
        item: dict[str, object] = {**GOOD, "id": f"q{n}", "prompt": f"{text} #{n}", "kind": kind}
        del item["choices"]
        if kind is Kind.CHOICE:
            item.update(answer=text, choices=[text, f"{text}-b", f"{text}-c"])
        elif kind is Kind.TRUE_FALSE:
            item["answer"] = number % 2 == 0
        elif kind is Kind.TEXT:
            item.update(answer=f"t{text}", accept=[f"{text}!x"])  # something to type
        else:
            item.update(answer=number, tolerance=abs(number) % 7)
        items.append(item)
    first = load_items(tmp_path, items)
    again = load_items(tmp_path, json.loads(bank.export_json(first.questions)))
    assert again.questions == first.questions


def _kind(kind: str, **fields: object) -> dict[str, object]:
    base = {k: GOOD[k] for k in ("id", "category", "difficulty", "prompt", "explanation",
                                 "source")}
    return {**base, "kind": kind, **fields}


@pytest.mark.parametrize(("item", "message"), [
    ({**GOOD, "prompt": "\u200b\u200d"}, "'prompt' must be non-empty text"),
    ({**GOOD, "explanation": "\ufeff \u2060"}, "'explanation' must be non-empty text"),
    ({**GOOD, "choices": ["A", "B", "\u200b"]}, "'choices' must be a list of non-empty texts"),
    (_kind("text", answer="\u200b\u200c"), "'answer' must be non-empty text"),
    (_kind("text", answer="?!"), "no letters or digits a player could type"),
    (_kind("text", answer="A", accept=["\u200b"]), "'accept' has a blank entry"),
    ({**GOOD, "answer": "A", "choices": ["A", "Ａ", "B"]}, "choices are not all different"),
    ({**GOOD, "answer": "A", "choices": ["A", "á", "B"]}, "choices are not all different"),
    ({**GOOD, "answer": "B", "choices": ["The Heroics", "Heroics", "B"]},
     "choices are not all different"),
    (_kind("number", answer=5, unit=""), "'unit' must be a word"),
    (_kind("number", answer=5, unit="\u200b"), "'unit' must be a word"),
    (_kind("number", answer=5, unit="44"), "'unit' must be a word"),
    (_kind("number", answer=5, unit=3), "'unit' must be a word"),
])
def test_text_is_checked_the_way_the_game_reads_it(tmp_path: Path, item: dict[str, object],
                                                    message: str) -> None:
    assert message in problems(tmp_path, [item])


def test_a_unit_word_is_kept(tmp_path: Path) -> None:
    loaded = load_items(tmp_path, [_kind("number", answer=5, unit=" minutes ")])
    assert loaded.questions[0].unit == "minutes"


def test_every_problem_of_a_record_in_one_pass(tmp_path: Path) -> None:
    # Once, a bad level hid a true/false answer "yes" until the level was fixed.
    tf = _kind("true_false", id="tf", difficulty="extreme", answer="yes", prompt="",
               colour="red")
    bad_kind = {k: v for k, v in _kind("essay", id="ek", prompt="P2?").items() if k != "answer"}
    text = problems(tmp_path, [tf, bad_kind])
    for line in ("question tf: 'prompt' must be non-empty text",
                 "question tf: 'difficulty' is 'extreme'",
                 "question tf: unexpected field for a true_false question: colour",
                 "question tf: a true_false answer must be true or false",
                 "question ek: 'kind' is 'essay'",
                 "question ek: 'answer' is missing"):
        assert line in text
    assert "6 problems found." in text


def test_spelling_is_checked_in_the_same_pass_as_other_problems() -> None:
    from heroes_quiz import schema

    rec = schema.Record({**GOOD, "difficulty": "?", "answer": "Pedro Pascall",
                         "choices": ["Pedro Pascall", "B", "C"]}, "cast.toml", 1)
    found = schema.Problems()
    assert schema.to_question(rec, found) is None
    schema.check_spelling(rec, found)
    assert any("'difficulty'" in line for line in found.lines)
    assert any("misspelling of 'Pedro Pascal'" in line for line in found.lines)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=80)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=3, max_size=5))
def test_a_checked_choice_typed_as_shown_is_always_read(tmp_path: Path,
                                                        options: list[str]) -> None:
    from heroes_quiz import answers, schema

    rec = schema.Record({**GOOD, "answer": options[0], "choices": options}, "b.json", 1)
    question = schema.to_question(rec, schema.Problems())
    if question is None:
        return
    for option in question.choices:
        if answers.normalize(option):  # pictures alone are picked by number
            assert answers.parse_choice(option, question.choices) is not None
