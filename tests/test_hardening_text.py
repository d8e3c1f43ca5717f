"""No control character from a bank, the score file or a reply reaches the terminal.

Every field of a bank carries a screen clear, an OSC 8 hyperlink, an OSC 52 clipboard write and
a blink, from TOML, the JSON export and Open Trivia DB (HTML entities, base64, url3986), through
`play`, `bank check`, `bank list` and `bank export` of the installed program.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest
from test_hardening import quiz, saved

from heroes_quiz.textclean import deep, visible

CLEAR, BLINK = "\x1b[2J", "\x1b[5m"
LINK = "\x1b]8;;https://example.com\x07click\x1b]8;;\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
NASTY = CLEAR + LINK + CLIPBOARD + BLINK
# What a terminal must never receive: the raw sequences (Rich adds its own colour codes only).
RAW = ("\x1b[2J", "\x1b]8;;https", "\x1b]52;", "\x1b[5m", "\x07", "\x9b", "\u202e")


def record(n: int, kind: str = "choice", **extra: object) -> dict[str, object]:
    """One question whose every text field carries the nasty sequences."""
    rec: dict[str, object] = {
        "id": f"id{n}{NASTY}", "category": f"cat{NASTY}", "difficulty": "easy", "kind": kind,
        "prompt": f"Prompt {n}{NASTY}?\u202e", "explanation": f"Why{NASTY}\x9b",
        "source": f"Src{NASTY}\x7f",
    }
    if kind == "choice":
        rec.update(answer=f"Right{NASTY}", choices=[f"Right{NASTY}", f"Wrong{NASTY}", "Other"])
    else:
        rec.update(answer=f"Typed{NASTY}", accept=[f"Also{NASTY}"])
    rec.update(extra)
    return rec


def toml_bank(path: Path, *records: dict[str, object]) -> Path:
    """Records as TOML basic strings (json.dumps escapes the controls as \\uXXXX)."""
    lines = []
    for rec in records:
        lines.append("[[question]]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in rec.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def opentdb(path: Path, encode: str) -> Path:
    """An Open Trivia DB file in one of its three encodings, every field nasty."""
    fields = {"type": "multiple", "difficulty": "easy", "category": f"Cat{NASTY}",
              "question": f"Which{NASTY}?", "correct_answer": f"Right{NASTY}",
              "incorrect_answers": [f"W1{NASTY}", f"W2{NASTY}", f"W3{NASTY}"]}

    def code(text: str) -> str:
        if encode == "base64":
            return base64.b64encode(text.encode()).decode()
        if encode == "url3986":
            return quote(text, safe="")
        return text.replace("\x1b", "&#27;").replace("\x07", "&#x7;")  # HTML entities

    item = {k: [code(x) for x in v] if isinstance(v, list) else code(v)
            for k, v in fields.items()}
    path.write_text(json.dumps({"response_code": 0, "results": [item] * 1}), encoding="utf-8")
    return path


def clean_of_controls(raw: str) -> None:
    for seq in RAW:
        assert seq not in raw, (seq, raw[:2000])


def test_visible_marks_every_control_and_keeps_text() -> None:
    assert visible("plain text, é, 😀") == "plain text, é, 😀"
    assert visible("a\tb\nc\rd") == "a b c d"
    assert visible("\x1b[2J\x00\x7f") == "␛[2J␀␡"
    assert visible("\x9b31m\u202eabc\u2066") == "\\x9b31m\\u202eabc\\u2066"
    assert deep({"k\x1b": ["a\x1b", 1, {"x": "\x07"}]}) == {"k␛": ["a␛", 1, {"x": "␇"}]}


BANKS = {
    "toml": lambda tmp: toml_bank(tmp / "nasty.toml", record(1)),
    "json": lambda tmp: (tmp / "nasty.json").write_text(json.dumps([record(1)])) and
    tmp / "nasty.json",
    "opentdb html": lambda tmp: opentdb(tmp / "html.json", "html"),
    "opentdb base64": lambda tmp: opentdb(tmp / "b64.json", "base64"),
    "opentdb url3986": lambda tmp: opentdb(tmp / "url.json", "url3986"),
}


@pytest.mark.parametrize("form", list(BANKS))
def test_nasty_bank_plays_lists_and_exports_without_controls(quiz_home: Path, tmp_path: Path,
                                                             form: str) -> None:
    bank = BANKS[form](tmp_path)
    played = quiz(quiz_home, "play", "--bank", str(bank), "--name", "Ada", "--seed", "1",
                  input="1\n")
    assert played.code == 0, played.err
    clean_of_controls(played.raw)
    # Shown harmlessly (HTML's own rules already drop &#27; and other control entities).
    assert ("[2J" if form == "opentdb html" else "␛[2J") in played.out
    assert "Game over" in played.out
    listed = quiz(quiz_home, "bank", "list", "--bank", str(bank))
    assert listed.code == 0
    clean_of_controls(listed.raw)
    assert "Cat" in listed.out or "cat" in listed.out  # the category, in the table
    exported = quiz(quiz_home, "bank", "export", "--bank", str(bank))
    assert exported.code == 0
    clean_of_controls(exported.raw)
    assert all("\x1b" not in json.dumps(q, ensure_ascii=False) for q in json.loads(exported.raw))
    checked = quiz(quiz_home, "bank", "check", str(bank))
    assert checked.code == 0, checked.err
    clean_of_controls(checked.raw)


def test_bank_check_problems_on_stderr_show_ids_without_controls(quiz_home: Path,
                                                                 tmp_path: Path) -> None:
    bank = toml_bank(tmp_path / "bad.toml", record(1, difficulty=f"hard{CLEAR}"),
                     record(1), record(2, kind="text", extra=f"x{BLINK}"))
    done = quiz(quiz_home, "bank", "check", str(bank))
    assert done.code == 1
    clean_of_controls(done.err + done.out)
    assert "question id1␛[2J" in done.err  # the id, visible
    assert "duplicate id" in done.err and "unexpected field" in done.err


def test_file_name_with_controls_is_shown_visibly(quiz_home: Path, tmp_path: Path) -> None:
    bank = toml_bank(tmp_path / f"name{CLEAR}.toml", record(1))
    checked = quiz(quiz_home, "bank", "check", str(bank))
    assert checked.code == 0
    clean_of_controls(checked.raw)
    assert "name␛[2J.toml: OK, 1 questions." in checked.out or "name␛[2J.toml: OK" in checked.out
    missing = quiz(quiz_home, "bank", "check", str(tmp_path / f"gone{CLEAR}.toml"))
    assert missing.code == 1
    clean_of_controls(missing.err)


def test_names_written_straight_into_the_score_file_print_harmlessly(quiz_home: Path,
                                                                      toml_bank: Path) -> None:
    assert quiz(quiz_home, "play", "--count", "1", "--name", "Ada", "--seed", "1",
                input="1\n").code == 0
    conn = sqlite3.connect(quiz_home / "scores.db")
    conn.execute("UPDATE games SET name = ?", (f"Eve{NASTY}",))
    conn.commit()
    conn.close()
    for args in (("scores",), ("scores", "--json")):
        done = quiz(quiz_home, *args)
        assert done.code == 0
        clean_of_controls(done.raw)
        assert "Eve␛[2J" in done.out


def test_typed_reply_escapes_are_not_echoed(quiz_home: Path, tmp_path: Path) -> None:
    bank = toml_bank(tmp_path / "plain.toml", {
        "id": "p1", "category": "c", "difficulty": "easy", "kind": "text", "prompt": "Name?",
        "answer": "Boyd", "explanation": "Because.", "source": "s"})
    reply = f"no{CLEAR}{BLINK}{CLIPBOARD}"
    done = quiz(quiz_home, "play", "--bank", str(bank), input=reply + "\n")
    assert done.code == 0, done.err
    clean_of_controls(done.raw)
    assert "You said: no␛[2J" in done.out and "You: no␛[2J" in done.out  # feedback, review
    assert saved(quiz_home)[0]["correct"] == 0


def test_bank_new_names_its_file_visibly(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from heroes_quiz.cli import app

    # color=True: click would otherwise strip escapes for a pipe, hiding what a terminal gets.
    made = CliRunner().invoke(app, ["bank", "new", str(tmp_path / f"x{CLEAR}y.toml")],
                              color=True)
    assert made.exit_code == 0
    clean_of_controls(made.output)
    assert "x␛[2Jy.toml" in made.output
