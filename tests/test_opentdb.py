"""Open Trivia DB banks: entity decoding, base64 and url3986 encodings, export round trip."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from test_cli import run

from heroes_quiz import bank, opentdb
from heroes_quiz.models import Kind

RESULTS: list[dict[str, Any]] = [
    {"type": "multiple", "difficulty": "easy", "category": "Film &amp; TV",
     "question": "Who directed &quot;We Can Be Heroes&quot; &ndash; Robert Rodr&iacute;guez?",
     "correct_answer": "Robert Rodr&iacute;guez",
     "incorrect_answers": ["Steven Spielberg", "Greta Gerwig", "Jon Favreau"]},
    {"type": "boolean", "difficulty": "medium", "category": "Film &amp; TV",
     "question": "It&#039;s a Netflix film.", "correct_answer": "True",
     "incorrect_answers": ["False"]},
]


def encode(fn: Any) -> dict[str, Any]:
    import html

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(v) for v in value]
        return fn(html.unescape(value))

    return {"response_code": 0, "results": [{k: walk(v) for k, v in r.items()} for r in RESULTS]}


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("doc", [
    {"response_code": 0, "results": RESULTS},
    encode(b64),
    encode(lambda s: quote(s, safe="")),
], ids=["html", "base64", "url3986"])
def test_every_encoding_decodes(tmp_path: Path, doc: dict[str, Any]) -> None:
    path = tmp_path / "trivia.txt"  # detected by content, not by extension
    path.write_text(json.dumps(doc), encoding="utf-8")
    first, second = bank.load(path).questions
    assert first.prompt == 'Who directed "We Can Be Heroes" – Robert Rodríguez?'
    assert first.answer == "Robert Rodríguez" and len(first.choices) == 4
    assert first.category == "Film & TV" and first.kind is Kind.CHOICE
    assert second.kind is Kind.TRUE_FALSE and second.answer is True
    assert second.prompt == "It's a Netflix film."
    assert first.source == opentdb.SOURCE


def test_ids_are_stable_across_loads(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"response_code": 0, "results": RESULTS}), encoding="utf-8")
    assert [q.id for q in bank.load(path).questions] == [q.id for q in bank.load(path).questions]


def test_unknown_encoding_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"response_code": 0, "results": [{"type": "???"}]}))
    code, _, err = run("bank", "check", str(path))
    assert code == 1 and "t.json" in err and "Open Trivia DB" in err


def test_export_round_trips_through_bank(tmp_path: Path, toml_bank: Path) -> None:
    code, out, err = run("bank", "export", "--format", "opentdb", "--bank", str(toml_bank))
    assert code == 0 and "skipped 2" in err
    path = tmp_path / "export.json"
    path.write_text(out, encoding="utf-8")
    again = bank.load(path).questions
    original = [q for q in bank.load(toml_bank).questions if q.kind in (Kind.CHOICE,
                                                                         Kind.TRUE_FALSE)]
    assert [(q.prompt, q.answer, sorted(q.choices), q.difficulty) for q in again] == \
        [(q.prompt, q.answer, sorted(q.choices), q.difficulty) for q in original]


def test_thirty_question_file_with_entities_plays_decoded(tmp_path: Path) -> None:
    results = []
    for n in range(30):
        results.append({"type": "multiple", "difficulty": "easy", "category": "Mixed &amp; Co",
                        "question": f"Q{n}: &quot;caf&eacute;&quot; &amp; &lt;tea&gt; "
                                    f"&#039;{n}&#039;?",
                        "correct_answer": f"Right &eacute;{n}",
                        "incorrect_answers": [f"Wrong &amp; {n}", f"Nope &hellip;{n}", "&euro;"]})
    path = tmp_path / "thirty.json"
    path.write_text(json.dumps({"response_code": 0, "results": results}), encoding="utf-8")
    code, out, _ = run("play", "--bank", str(path), "--count", "30", "--name", "Ada",
                       input="1\n" * 40)
    assert code == 0 and "Question 30 of 30" in out
    assert '"café" & <tea>' in out and "Right é" in out and "…" in out
    assert "&quot;" not in out and "&amp;" not in out and "&eacute;" not in out
