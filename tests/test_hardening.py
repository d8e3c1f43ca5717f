"""Adversarial hardening: hostile input, markup, no terminal, broken storage and banks, bad
arguments and interrupts, mostly through the installed `heroes-quiz` (CliRunner where simpler).

Every run points HEROES_QUIZ_HOME (and HOME) into tmp_path. Output is read with escape sequences
removed, so the tests pass with NO_COLOR, FORCE_COLOR or GITHUB_ACTIONS set (they are passed on
to the program). Waits are on output, with timeouts; nothing sleeps to synchronise.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import TOML_BANK, quiz_env
from typer.testing import CliRunner

from heroes_quiz.cli import app

QUIZ = Path(sys.executable).parent / "heroes-quiz"
# CSI, OSC (ended by BEL or ST, e.g. a Rich hyperlink) and two-character escapes.
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")

ABANDONED = "Game abandoned"
EOF_MESSAGE = "heroes-quiz: Game abandoned: the input ended. No score was saved."
INTERRUPTED = "Game abandoned — no score was saved."
RIGHT, WRONG, FORGIVEN = "✓ RIGHT!", "✗ NOT QUITE", "accepted — it's spelled"
PROMPTS = {
    "choice": "Type the number of your answer",
    "true_false": "Type 1 for True or 2 for False (or y / n)",
    "text": "Type your answer",
    "number": "Type a number",
}
HINTS = {kind: f"Hmm, I didn't get that. {prompt}." for kind, prompt in PROMPTS.items()}
# --category/--difficulty picking exactly one question of each kind from conftest's toml_bank.
PICK = {
    "choice": ("--category", "cast", "--difficulty", "easy"),
    "true_false": ("--category", "release", "--difficulty", "medium"),
    "text": ("--category", "cast", "--difficulty", "hard"),
    "number": ("--category", "viewership", "--difficulty", "easy"),
}
GOOD = {"choice": "pedro pascal", "true_false": "y", "text": "Boyd Holbrook", "number": "44"}


# -- helpers -------------------------------------------------------------------------------------

def strip(text: str) -> str:
    """`text` without terminal escape sequences."""
    return ANSI.sub("", text)


@dataclass(frozen=True)
class Done:
    """A finished run: exit code, and stdout/stderr decoded with escapes removed."""

    code: int
    out: str
    err: str
    raw: str


def quiz(home: Path, *args: str, input: bytes | str | None = b"", env: dict[str, str] | None = None,
         cwd: Path | None = None, stdin: int | None = None, timeout: float = 60) -> Done:
    """Run the installed command with pipes (not a TTY); never a traceback."""
    if not QUIZ.exists():
        pytest.skip(f"heroes-quiz is not installed next to {sys.executable}")
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run([str(QUIZ), *args], input=None if stdin is not None else data,
                          stdin=stdin, capture_output=True, env=env or quiz_env(home), cwd=cwd,
                          timeout=timeout, check=False)
    raw = proc.stdout.decode("utf-8", "replace")
    out, err = strip(raw), strip(proc.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in out + err, out + err
    return Done(proc.returncode, out, err, raw)


def saved(home: Path) -> list[dict[str, object]]:
    """The games in this home's scores.db, oldest first (read directly: faster than a process)."""
    db = home / "scores.db"
    if not db.is_file():
        return []
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'games'").fetchone():
            return []
        cur = conn.execute("SELECT name, score, correct, total, mode FROM games ORDER BY id")
        return [dict(zip(("name", "score", "correct", "total", "mode"), row, strict=True))
                for row in cur]
    finally:
        conn.close()


runner = CliRunner()


def cli(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """The typer app in-process (stdin is not a TTY, so plain mode)."""
    result = runner.invoke(app, list(args), input=input, env={"COLUMNS": "100"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    out, err = strip(result.stdout), strip(result.stderr)
    assert "Traceback" not in out + err, out + err
    return result.exit_code, out, err


def one_question(bank: Path, kind: str, name: str = "Ada") -> tuple[str, ...]:
    """`play` arguments for a one-question game of this kind from the toml_bank."""
    return ("play", "--bank", str(bank), *PICK[kind], "--count", "1", "--name", name,
            "--seed", "1")


def first_option(out: str) -> str:
    """The option listed as 1. in the numbered question panel."""
    found = re.search(r"│\s+1\. (.+?)\s*│", out)
    assert found, out
    return found[1]


# -- A. input in plain mode ----------------------------------------------------------------------

UNREADABLE = {
    "choice": ["", "abc", "0", "4", "-1", "999", "1e309", "nan", "\x00", "😀", "\u200b\u200f",
               "\u202e", "Keanu"],
    "true_false": ["", "maybe", "0", "3", "1e309", "nan", "\x00", "😀", "\u200b", "\u202e"],
    "text": ["", "\x00", "\u200b", "\u202e\u200f", "😀", "?!...", "\ufeff"],
    "number": ["", "abc", "1e309", "-1e309", "nan", "inf", "\x00", "😀", "\u200b", "\u202e",
               "12abc", "44 44", "1" * 5000],
}


@pytest.mark.parametrize(("kind", "reply"), [(k, r) for k, rs in UNREADABLE.items() for r in rs],
                         ids=lambda v: ascii(v)[:20])
def test_unreadable_reply_is_asked_again_with_the_hint(toml_bank: Path, kind: str,
                                                       reply: str) -> None:
    code, out, _ = cli(*one_question(toml_bank, kind), input=f"{reply}\n{GOOD[kind]}\n")
    assert code == 0
    assert out.count(HINTS[kind]) == 1  # the short hint, once
    assert out.count(f"{PROMPTS[kind]} > ") == 2  # and the same question asked again
    assert RIGHT in out and "Game over" in out


MATCHED = [
    ("choice", "Ｐｅｄｒｏ　Ｐａｓｃａｌ", RIGHT),  # full-width letters and space
    ("choice", "\u202ePedro Pascal\u200f", RIGHT),  # RTL override and mark
    ("choice", "Pedro\u200b Pascal\r", RIGHT),  # zero-width space, trailing CR
    ("choice", "pedro pascal\x00", RIGHT),
    ("choice", "tom hanks", WRONG),
    ("true_false", "ｙｅｓ", RIGHT),
    ("true_false", "Y\r", RIGHT),
    ("true_false", "１", RIGHT),
    ("true_false", "\u200b２", WRONG),
    ("text", "Ｂｏｙｄ Ｈｏｌｂｒｏｏｋ", RIGHT),
    ("text", "Boyd Hol\u200bbrook", RIGHT),
    ("text", "\u202eHolbrook\u200f\r", RIGHT),
    ("text", "Boyd\x00 Holbrook", RIGHT),
    ("text", "Boyd Holbrook 😀", RIGHT),
    ("number", "４４", RIGHT),
    ("number", "44\r", RIGHT),
    ("number", "4\u200b4", RIGHT),
    ("number", "4\x004", RIGHT),
    ("number", "44 million", RIGHT),
    ("number", "１９１４", WRONG),
    ("number", "-1", WRONG),
    ("number", "1e3", WRONG),
]


@pytest.mark.parametrize(("kind", "reply", "verdict"), MATCHED, ids=lambda v: ascii(v)[:20])
def test_odd_but_readable_reply_is_matched_first_time(toml_bank: Path, kind: str, reply: str,
                                                      verdict: str) -> None:
    code, out, _ = cli(*one_question(toml_bank, kind), input=f"{reply}\n")
    assert code == 0
    assert HINTS[kind] not in out
    assert verdict in out and FORGIVEN not in out  # read exactly, not as a forgiven typo
    said = {"１９１４": "1914", "-1": "-1", "1e3": "1e3", "tom hanks": "Tom Hanks",
            "\u200b２": "False"}
    if reply in said:
        assert f"You said: {said[reply]}" in out


def test_full_width_digit_picks_that_option(toml_bank: Path) -> None:
    code, out, _ = cli(*one_question(toml_bank, "choice"), input="１\n")
    assert code == 0 and HINTS["choice"] not in out
    option = first_option(out)
    assert (RIGHT in out) if option == "Pedro Pascal" else (f"You said: {option}" in out)


NASTY_LINES = [b"", b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", "😀".encode(),
               "\u200b\u200e".encode(), b"1e309", b"nan", b"x" * 100_000]


@pytest.mark.parametrize("part", [0, 1, 2])
@pytest.mark.parametrize("kind", ["choice", "true_false", "number"])
def test_installed_program_survives_a_gauntlet_of_bad_lines(toml_bank: Path, quiz_home: Path,
                                                            kind: str, part: int) -> None:
    good = {"choice": "Pedro Pascal", "true_false": "yes", "number": "４４"}[kind]
    nasty = NASTY_LINES[4 * part:4 * part + 4]  # fewer than 5 in a row: still asked again
    data = b"\n".join([*nasty, good.encode() + b"\r"]) + b"\n"
    done = quiz(quiz_home, *one_question(toml_bank, kind), input=data)
    assert done.code == 0, done.err
    assert done.out.count(HINTS[kind]) == len(nasty)
    assert RIGHT in done.out and "Game over" in done.out
    assert len(done.out) < 20_000  # the 100,000-character line is not echoed back whole
    assert [(r["name"], r["correct"]) for r in saved(quiz_home)] == [("Ada", 1)]


@pytest.mark.parametrize("line", [line for line in NASTY_LINES if line != b"x" * 100_000],
                         ids=ascii)
def test_installed_program_reasks_text_question(toml_bank: Path, quiz_home: Path,
                                                line: bytes) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "text"), input=line + b"\nHolbrook\r\n")
    assert done.code == 0, done.err
    assert done.out.count(HINTS["text"]) == (0 if line in (b"1e309", b"nan") else 1)
    if line in (b"1e309", b"nan"):  # words are answers to a text question, just wrong ones
        assert WRONG in done.out
    else:
        assert RIGHT in done.out


def test_100000_character_answer_is_judged_wrong_and_cut(toml_bank: Path, quiz_home: Path) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "text"), input="y" * 100_000 + "\n")
    assert done.code == 0
    assert WRONG in done.out and "You said:" in done.out and "yyyyyyyyyy" in done.out
    assert done.out.count("y") < 5_000  # the reply is cut, not printed 100,000 times over
    assert saved(quiz_home)[0]["correct"] == 0


@pytest.mark.parametrize(("kind", "line", "verdict"), [
    ("text", b"Holbrook\xff", RIGHT),
    ("true_false", b"\xefy\xbf", RIGHT),
    ("choice", b"Pedro Pascal\xff", RIGHT),
    ("choice", b"\xff\xfe2", WRONG),
    ("number", b"4\xff4", WRONG),
])
def test_invalid_utf8_around_a_real_answer(toml_bank: Path, quiz_home: Path, kind: str,
                                           line: bytes, verdict: str) -> None:
    wrong = {"choice": b"tom hanks", "true_false": b"n", "text": b"nobody", "number": b"12"}[kind]
    done = quiz(quiz_home, *one_question(toml_bank, kind), input=line + b"\n" + wrong + b"\n")
    assert done.code == 0, done.err
    assert verdict in done.out
    assert done.out.count(HINTS[kind]) == (1 if verdict == WRONG else 0)  # re-asked, then wrong


def test_only_unreadable_lines_then_end_of_input(toml_bank: Path, quiz_home: Path) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "number"), input=b"abc\n\xff\nnan\n")
    assert done.code == 1
    assert done.out.count(HINTS["number"]) == 3
    assert EOF_MESSAGE in done.err and "Game over" not in done.out
    assert saved(quiz_home) == []


def test_minus_one_at_true_false_is_asked_again(toml_bank: Path) -> None:
    code, out, _ = cli(*one_question(toml_bank, "true_false"), input="-1\ny\n")
    assert code == 0
    assert out.count(HINTS["true_false"]) == 1


# -- B. markup and names -------------------------------------------------------------------------

MARKUP_BANK = """
[[question]]
id = "m-1"
category = '[red]tags[/]'
difficulty = "easy"
kind = "choice"
prompt = 'Which is [bold red]Boo[/]?'
answer = '[/]'
choices = ['[/]', '[link=file:///etc/passwd]x', ':smile:']
explanation = 'Because [i]markup[/i] stays :smile: \\'
source = '[link=file:///etc/passwd]src \\'

[[question]]
id = "m-2"
category = '[red]tags[/]'
difficulty = "easy"
kind = "text"
prompt = 'Type [b]it[/b] \\'
answer = '[bold]it[/bold]'
explanation = '[/] is only a closing tag.'
source = 'notes :smile:'
"""
MARKUP_NAMES = ["[bold red]Boo[/]", "[/]", "[link=file:///etc]x", ":smile:", "Bo \\",
                "\\[b]Bo\\"]
BANK_LITERALS = [
    "Which is [bold red]Boo[/]?", "[link=file:///etc/passwd]x",
    "Because [i]markup[/i] stays :smile: \\", "Source: [link=file:///etc/passwd]src \\",
    "Type [b]it[/b] \\", "[/] is only a closing tag.", "Source: notes :smile:",
    "easy · [red]tags[/] · score 0",
    "You said: [link=file:///etc/passwd]x", "The answer: [/]", "The answer: [bold]it[/bold]",
    "You: [link=file:///etc/passwd]x  ·  Answer: [/]",
    "You: [link=file:///etc/passwd]x  ·  Answer: [bold]it[/bold]",
]


@pytest.fixture
def markup_bank(tmp_path: Path) -> Path:
    """Two questions whose every text field is Rich markup or an emoji code."""
    path = tmp_path / "markup.toml"
    path.write_text(MARKUP_BANK, encoding="utf-8")
    return path


def table_row(out: str, name: str, rest: str = r"easy\s+0\s+0/2",
              listed: str = r"0 pts · 0/2 · easy") -> bool:
    """Whether the high scores show `name` literally: a table row in a terminal, else a list."""
    row = rf"^\s*\d+\s+{re.escape(name)}\s+{rest}\s"
    item = rf"^\d+\. {re.escape(name)}\n\s+{listed}"
    return re.search(row, out, re.MULTILINE) is not None or \
        re.search(item, out, re.MULTILINE) is not None


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_markup_name_and_bank_text_shown_literally(markup_bank: Path, quiz_home: Path,
                                                   name: str) -> None:
    # One line answers both questions (wrongly) whatever their order: an option's text and text.
    done = quiz(quiz_home, "play", "--bank", str(markup_bank), "--difficulty", "easy",
                "--name", name, input="[link=file:///etc/passwd]x\n" * 2)
    assert done.code == 0, done.err
    shown = done.out
    assert f"Good luck, {name}! 2 questions." in shown
    assert f"Well played, {name}!" in shown and "Let's review" in shown
    for literal in BANK_LITERALS:
        assert literal in shown, literal
    for option in ("[/]", "[link=file:///etc/passwd]x", ":smile:"):  # the numbered options
        assert re.search(rf"│\s+\d\. {re.escape(option)}\s+│", shown), option
    assert table_row(shown, name), shown  # the high-score table at the end of the game
    assert "😄" not in shown and "\x1b]8;" not in done.raw  # no emoji, no hyperlink escape
    assert [r["name"] for r in saved(quiz_home)] == [name]


def test_markup_names_in_score_tables_party_and_stats(quiz_home: Path) -> None:
    for name in MARKUP_NAMES:
        assert cli("play", "--count", "1", "--name", name, "--seed", "4", input="1\n")[0] == 0
    wide = quiz(quiz_home, "scores", "--difficulty", "easy")
    narrow = quiz(quiz_home, "scores", "--difficulty", "easy", env=quiz_env(quiz_home,
                                                                        COLUMNS="30"))
    assert wide.code == narrow.code == 0
    for name in MARKUP_NAMES:
        assert table_row(wide.out, name, r"easy\s+\d+\s+[01]/1", r"\d+ pts · [01]/1 · easy"), \
            (name, wide.out)
        assert re.search(rf"^\d+\. {re.escape(name)}$", narrow.out, re.MULTILINE), name
    assert "😄" not in wide.out + narrow.out
    stats = quiz(quiz_home, "stats", "--name", "[/]")
    assert stats.code == 0 and "Stats for [/]" in stats.out and "Games played: 1" in stats.out

    party = quiz(quiz_home, "party", "--players", "[/],[bold red]Boo[/],:smile: \\",
                 "--rounds", "1", "--seed", "1", input="1\n" * 10)
    assert party.code == 0, party.err
    for name in ("[/]", "[bold red]Boo[/]", ":smile: \\"):
        assert f"{name}, your turn!" in party.out
        assert re.search(rf"^\d\. {re.escape(name)} \d+$", party.out,
                         re.MULTILINE), name  # the standings, as a list: output is a pipe
        assert re.search(rf"[🥇🥈🥉] {re.escape(name)}  \d+ points", party.out), name


@pytest.mark.parametrize(("raw", "shown"), [
    ("   Ada   ", "Ada"),
    ("abcdefghij" * 10, "abcdefghijabcdefghijabcd"),
    ("    ", "Player"),
    ("", "Player"),
    ("\u200b\u200d\u2060", "Player"),
    ("  Ada    Lovelace  ", "Ada Lovelace"),
    ("x" * 23 + "  yz", "x" * 23),
])
def test_names_are_trimmed_and_cut_to_24(quiz_home: Path, toml_bank: Path, raw: str,
                                         shown: str) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "choice", raw), input="1\n")
    assert done.code == 0, done.err
    assert f"Good luck, {shown}! 1 question." in done.out
    assert f"Well played, {shown}!" in done.out
    assert [r["name"] for r in saved(quiz_home)] == [shown]
    assert len(shown) <= 24


def test_tab_between_names_is_a_space(quiz_home: Path, toml_bank: Path) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "choice", "Ada\tLovelace"), input="1\n")
    assert done.code == 0
    assert [r["name"] for r in saved(quiz_home)] == ["Ada Lovelace"]


# -- C. no terminal ------------------------------------------------------------------------------

def test_echo_into_play_abandons(quiz_home: Path) -> None:
    done = quiz(quiz_home, "play", input=b"\n")  # echo | heroes-quiz play
    assert done.code == 1
    assert EOF_MESSAGE in done.err
    assert "Hmm, I didn't get that." in done.out and "Game over" not in done.out
    assert saved(quiz_home) == []


def test_dev_null_into_play_abandons(quiz_home: Path) -> None:
    done = quiz(quiz_home, "play", stdin=subprocess.DEVNULL)  # heroes-quiz play < /dev/null
    assert done.code == 1
    assert EOF_MESSAGE in done.err
    assert "Question 1 of 10" in done.out and "Game over" not in done.out
    assert saved(quiz_home) == []


def test_menu_play_then_end_of_input_abandons(quiz_home: Path) -> None:
    done = quiz(quiz_home, input=b"1\n")  # `echo 1 | heroes-quiz`: Play, then nothing
    assert done.code == 1 and EOF_MESSAGE in done.err
    assert "What would you like to do?" in done.out and "Game over" not in done.out
    assert saved(quiz_home) == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for `set -o pipefail`")
def test_piped_through_cat_plays_with_numbered_prompts(quiz_home: Path) -> None:
    script = f'set -o pipefail; "{QUIZ}" play --count 3 --name Ada --seed 5 | cat'
    proc = subprocess.run(["bash", "-c", script], input=b"1\n" * 3, capture_output=True,
                          env=quiz_env(quiz_home), timeout=60, check=False)
    out, err = strip(proc.stdout.decode()), strip(proc.stderr.decode())
    assert proc.returncode == 0, err
    assert "Traceback" not in out + err
    assert out.count(" > ") == 3 and re.search(r"^\s*│\s+1\. ", out, re.MULTILINE)
    assert "(↑ ↓ or a number, then Enter)" not in out and "\x1b[?25l" not in proc.stdout.decode()
    assert "Game over" in out and "Press any key" not in out
    assert [(r["name"], r["total"]) for r in saved(quiz_home)] == [("Ada", 3)]


@pytest.mark.parametrize("lines", [0, 1, 2])
def test_each_question_waits_for_its_own_line(quiz_home: Path, tmp_path: Path,
                                              lines: int) -> None:
    target = tmp_path / "out.txt"
    with target.open("wb") as sink:  # heroes-quiz play ... > out.txt
        proc = subprocess.run([str(QUIZ), "play", "--count", "3", "--seed", "6"],
                              input=b"1\n" * lines, stdout=sink, stderr=subprocess.PIPE,
                              env=quiz_env(quiz_home), timeout=60, check=False)
    out, err = strip(target.read_text(encoding="utf-8")), strip(proc.stderr.decode())
    assert proc.returncode == 1 and EOF_MESSAGE in err
    assert "Traceback" not in out + err
    assert out.count(" > ") == lines + 1  # one prompt per line given, plus the unanswered one
    assert f"Question {lines + 1} of 3" in out and f"Question {lines + 2} of 3" not in out
    assert "Game over" not in out
    assert saved(quiz_home) == []


def test_output_to_a_file_full_game(quiz_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with target.open("wb") as sink:
        proc = subprocess.run([str(QUIZ), "play", "--count", "2", "--name", "Ada"],
                              input=b"1\n2\n", stdout=sink, stderr=subprocess.PIPE,
                              env=quiz_env(quiz_home), timeout=60, check=False)
    out = strip(target.read_text(encoding="utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert out.count(" > ") == 2 and "Game over" in out and "Traceback" not in out
    assert len(saved(quiz_home)) == 1


# -- E. storage through the command line ---------------------------------------------------------

def damaged_database(home: Path, toml_bank: Path) -> bytes:
    """A real scores.db with 300 games whose second page is overwritten; its bytes."""
    done = quiz(home, "play", "--bank", str(toml_bank), "--difficulty", "easy", "--seed", "1",
                "--name", "Old", input="1\n1\n")
    assert done.code == 0, done.err
    db = home / "scores.db"
    conn = sqlite3.connect(db)
    conn.executemany(
        "INSERT INTO games (name, mode, difficulty, score, correct, total, played_at)"
        " VALUES (?, 'play', 'easy', ?, 1, 2, '2026-01-01T00:00:00+00:00')",
        [(f"Player number {n:04d} with a long name", n) for n in range(300)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    assert len(data) > 3 * 4096
    data[4096:8192] = b"\xde\xad\xbe\xef" * 1024
    db.write_bytes(bytes(data))
    return bytes(data)


BAD_FILES = {
    "garbage text": lambda home, bank: b"this is not a database at all\n" * 300,
    "NUL bytes": lambda home, bank: b"\x00" * 5000,
    "SQLite header then noise": lambda home, bank: b"SQLite format 3\x00" + os.urandom(8000),
    "damaged page": damaged_database,
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_score_file_is_moved_aside_and_the_game_plays(quiz_home: Path, toml_bank: Path,
                                                          kind: str) -> None:
    quiz_home.mkdir(parents=True, exist_ok=True)
    db = quiz_home / "scores.db"
    original = BAD_FILES[kind](quiz_home, toml_bank)
    db.write_bytes(original)
    done = quiz(quiz_home, "play", "--bank", str(toml_bank), "--difficulty", "easy",
                "--seed", "1", "--name", "New", input="1\n1\n")
    assert done.code == 0, done.err
    assert "Game over" in done.out
    moved = list(quiz_home.glob("scores.db.corrupt-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == original  # nothing is deleted or rewritten
    flat = " ".join(done.out.split())
    assert "The score file was damaged; it was moved to" in flat and str(moved[0]) in flat
    assert "a new one was started" in flat
    assert [r["name"] for r in saved(quiz_home)] == ["New"]


def test_scores_json_stays_json_when_the_file_is_bad(quiz_home: Path) -> None:
    quiz_home.mkdir(parents=True)
    (quiz_home / "scores.db").write_bytes(b"garbage" * 1000)
    done = quiz(quiz_home, "scores", "--json")
    assert done.code == 0 and json.loads(done.out) == []
    moved = next(quiz_home.glob("scores.db.corrupt-*"))
    assert f"heroes-quiz: The score file was damaged; it was moved to {moved}" in done.err


def test_zero_byte_score_file_is_a_fresh_database(quiz_home: Path, toml_bank: Path) -> None:
    quiz_home.mkdir(parents=True)
    (quiz_home / "scores.db").touch()
    done = quiz(quiz_home, *one_question(toml_bank, "choice"), input="1\n")
    assert done.code == 0 and "Game over" in done.out and "⚠" not in done.out
    assert not list(quiz_home.glob("*.corrupt-*"))
    assert len(saved(quiz_home)) == 1


def test_home_that_is_a_file_plays_and_is_left_alone(quiz_home: Path, toml_bank: Path) -> None:
    quiz_home.parent.mkdir(parents=True, exist_ok=True)
    quiz_home.write_bytes(b"my notes, not a folder\n")
    done = quiz(quiz_home, *one_question(toml_bank, "choice"), input="1\n")
    assert done.code == 0 and "Game over" in done.out
    assert f"Your score was not saved: cannot create {quiz_home}" in " ".join(done.out.split())
    assert quiz_home.read_bytes() == b"my notes, not a folder\n"
    listing = quiz(quiz_home, "scores")
    assert listing.code == 1
    assert listing.err.strip() == f"heroes-quiz: cannot create {quiz_home} (File exists)"


def test_score_file_that_is_a_folder(quiz_home: Path, toml_bank: Path) -> None:
    (quiz_home / "scores.db").mkdir(parents=True)
    (quiz_home / "scores.db" / "keep.txt").write_text("mine")
    done = quiz(quiz_home, *one_question(toml_bank, "choice"), input="1\n")
    assert done.code == 0 and "Game over" in done.out
    assert "Your score was not saved: cannot open" in " ".join(done.out.split())
    assert (quiz_home / "scores.db" / "keep.txt").read_text() == "mine"


@pytest.mark.parametrize("variables", [
    {"XDG_DATA_HOME": ""}, {"XDG_DATA_HOME": "relative/dir"},
    {"XDG_DATA_HOME": "relative/dir", "HEROES_QUIZ_HOME": "   "},
], ids=["empty XDG", "relative XDG", "blank HEROES_QUIZ_HOME"])
def test_bad_xdg_data_home_falls_back_to_home(tmp_path: Path, toml_bank: Path,
                                              variables: dict[str, str]) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = quiz_env(tmp_path / "unused", HOME=str(tmp_path), HEROES_QUIZ_HOME=None)
    env.update(variables)
    done = quiz(tmp_path, *one_question(toml_bank, "choice"), input="1\n", env=env, cwd=cwd)
    assert done.code == 0 and "Game over" in done.out and "not saved" not in done.out
    db = tmp_path / ".local" / "share" / "heroes-quiz" / "scores.db"
    assert db.is_file()
    assert list(cwd.iterdir()) == []  # nothing written under a relative "XDG" folder
    listed = quiz(tmp_path, "scores", "--json", "--bank", str(toml_bank), env=env, cwd=cwd)
    assert [r["name"] for r in json.loads(listed.out)] == ["Ada"]


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NEEDS_PERMISSIONS = pytest.mark.skipif(
    ROOT, reason="running as root: file permissions are not enforced, so a read-only file or "
                 "folder cannot be simulated")


@NEEDS_PERMISSIONS
def test_read_only_score_file_is_kept(quiz_home: Path, toml_bank: Path) -> None:
    assert quiz(quiz_home, *one_question(toml_bank, "choice", "Kept"), input="1\n").code == 0
    db = quiz_home / "scores.db"
    before = db.read_bytes()
    db.chmod(0o444)
    quiz_home.chmod(0o555)
    try:
        done = quiz(quiz_home, *one_question(toml_bank, "choice"), input="1\n")
        assert done.code == 0 and "Game over" in done.out
        assert "Your score was not saved" in done.out
        assert db.read_bytes() == before
    finally:
        quiz_home.chmod(0o755)
        db.chmod(0o644)
    assert [r["name"] for r in saved(quiz_home)] == ["Kept"]


@NEEDS_PERMISSIONS
def test_unwritable_folder_still_plays(quiz_home: Path, toml_bank: Path) -> None:
    quiz_home.mkdir(parents=True)
    quiz_home.chmod(0o555)
    try:
        done = quiz(quiz_home, *one_question(toml_bank, "choice"), input="1\n")
    finally:
        quiz_home.chmod(0o755)
    assert done.code == 0 and "Game over" in done.out
    assert "Your score was not saved" in done.out
    assert list(quiz_home.iterdir()) == []


# -- F. bank files -------------------------------------------------------------------------------

def _deep_json() -> bytes:
    return b'[{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}]"


def broken_banks() -> dict[str, tuple[bytes, str]]:
    """File name → (content, what the one-line message says)."""
    latin1 = TOML_BANK.replace("Zendaya", "Zendayá").encode("latin-1")
    dup_toml = TOML_BANK.replace('id = "t-1"', 'id = "t-1"\nid = "t-1-again"').encode()
    return {
        "latin1.toml": (latin1, "not UTF-8 text (bad byte at offset"),
        "dup.toml": (dup_toml, "TOML syntax error: Cannot overwrite a value (at line"),
        "dup.json": (b'[{"id": "a", "prompt": "x", "id": "b"}]', "JSON error: duplicate key 'id'"),
        "nan.json": (b'[{"id": "a", "kind": "number", "answer": NaN}]',
                     "JSON error: NaN is not allowed"),
        "inf.json": (b'[{"id": "a", "kind": "number", "tolerance": Infinity}]',
                     "JSON error: Infinity is not allowed"),
        "deep.json": (_deep_json(), "JSON is nested too deeply"),
        "empty.toml": (b"", "the bank has no questions"),
        "comments.toml": (b"# nothing here yet\n", "the bank has no questions"),
        "empty.json": (b"[]", "the bank has no questions"),
    }


@pytest.mark.parametrize("command", ["check", "play"])
@pytest.mark.parametrize("name", list(broken_banks()))
def test_broken_bank_is_one_clear_line(quiz_home: Path, tmp_path: Path, name: str,
                                       command: str) -> None:
    content, message = broken_banks()[name]
    path = tmp_path / name
    path.write_bytes(content)
    args = ("bank", "check", str(path)) if command == "check" else ("play", "--bank", str(path))
    done = quiz(quiz_home, *args, input="1\n" * 5)
    assert done.code == 1
    assert done.err.startswith(f"heroes-quiz: {path}: {message}"), done.err
    assert done.err.count("\n") == 1  # one line
    assert "Game over" not in done.out
    assert saved(quiz_home) == []


def test_bank_with_bom_checks_and_plays(quiz_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TOML_BANK.encode())
    check = quiz(quiz_home, "bank", "check", str(path))
    assert check.code == 0 and check.out.strip() == f"{path}: OK, 4 questions."
    done = quiz(quiz_home, "play", "--bank", str(path), "--difficulty", "easy", input="1\n" * 2)
    assert done.code == 0 and "Game over" in done.out


def test_no_question_left_after_filtering(quiz_home: Path, toml_bank: Path) -> None:
    done = quiz(quiz_home, "play", "--bank", str(toml_bank), "--difficulty", "hard",
                "--category", "release")
    assert done.code == 1
    assert done.err.count("\n") == 1
    assert done.err.startswith(f"heroes-quiz: {toml_bank}: No questions match difficulty hard "
                               "and category release.")
    assert "Question 1" not in done.out


def test_no_question_left_after_filtering_names_the_file(quiz_home: Path,
                                                         toml_bank: Path) -> None:
    done = quiz(quiz_home, "play", "--bank", str(toml_bank), "--difficulty", "hard",
                "--category", "release")
    assert str(toml_bank) in done.err


def test_huge_bank_is_refused_quickly(quiz_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as sparse:
        sparse.truncate(257 * 1024 * 1024)  # a sparse file: no disk space used
    for args in (("bank", "check", str(path)), ("play", "--bank", str(path))):
        done = quiz(quiz_home, *args)
        assert done.code == 1
        assert done.err.strip() == f"heroes-quiz: {path}: file is too big (over 32 MB)"


def test_deeply_nested_toml_is_one_clear_line(quiz_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"  # (nested inline tables, x = {a={a=...}}, crash the same way)
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    done = quiz(quiz_home, "bank", "check", str(path))
    assert done.code == 1 and done.err.startswith(f"heroes-quiz: {path}: ")


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_bank_source_is_refused(quiz_home: Path) -> None:
    proc = subprocess.run([str(QUIZ), "bank", "check", "/dev/zero"], capture_output=True,
                          env=quiz_env(quiz_home), timeout=120, check=False,
                          preexec_fn=_limit_memory)  # keeps a runaway read at 1 GiB
    err = strip(proc.stderr.decode("utf-8", "replace"))
    assert proc.returncode == 1 and "Traceback" not in err
    assert err.startswith("heroes-quiz: /dev/zero: ")


# -- G. arguments --------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "says"), [
    (["play", "--difficulty", "extreme"], "'extreme' is not one of"),
    (["play", "--category", "nosuch"], "no category 'nosuch'; try one of: cast,"),
    (["play", "--count", "0"], "0 is not in the range x>=1"),
    (["play", "--count", "-5"], "-5 is not in the range x>=1"),
    (["play", "--count", "x"], "'x' is not a valid int"),
    (["play", "--time-limit", "0"], "--time-limit"),
    (["scores", "--limit", "x"], "'x' is not a valid int"),
    (["scores", "--difficulty", "nope"], "'nope' is not one of"),
    (["party", "--players", "Ada"], "A party needs 2 to 6 players"),
    (["daily", "--date", "nope"], "use the form YYYY-MM-DD"),
    (["nosuchcommand"], "No such command 'nosuchcommand'"),
], ids=" ".join)
def test_bad_arguments_exit_2_with_usage(quiz_home: Path, args: list[str], says: str) -> None:
    done = quiz(quiz_home, *args, input="1\n" * 5)
    assert done.code == 2
    assert done.err.startswith("Usage: heroes-quiz")
    assert says in " ".join(done.err.replace("│", " ").split())
    assert done.out == ""
    assert not (quiz_home / "scores.db").exists() or saved(quiz_home) == []


def test_unknown_category_lists_the_banks_own(quiz_home: Path, toml_bank: Path) -> None:
    done = quiz(quiz_home, "play", "--bank", str(toml_bank), "--category", "nosuch")
    assert done.code == 2
    flat = " ".join(done.err.replace("│", " ").split())
    assert "no category 'nosuch'; try one of: cast, release, viewership" in flat


# -- H. interrupts in plain mode -----------------------------------------------------------------

def read_until(proc: subprocess.Popen[bytes], seen: bytearray, needle: str, count: int = 1,
               timeout: float = 30) -> None:
    """Read the child's stdout into `seen` until `needle` has appeared `count` times."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    deadline = time.monotonic() + timeout
    while strip(seen.decode("utf-8", "replace")).count(needle) < count:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            pytest.fail(f"timed out waiting for {needle!r}:\n{seen.decode(errors='replace')}")
        chunk = os.read(fd, 65536)
        if not chunk:
            pytest.fail(f"the program ended before {needle!r}:\n{seen.decode(errors='replace')}")
        seen.extend(chunk)


@pytest.mark.parametrize(("args", "answers", "prompts"), [
    (("play", "--count", "2"), b"", 1),
    (("play", "--count", "2", "--time-limit", "60"), b"", 1),
    (("play", "--count", "2", "--seed", "9"), b"1\n", 2),
    (("--plain",), b"", 1),
], ids=["first question", "timed question", "second question", "menu"])
def test_sigint_while_waiting_for_a_line(quiz_home: Path, args: tuple[str, ...], answers: bytes,
                                         prompts: int) -> None:
    if not QUIZ.exists():
        pytest.skip("heroes-quiz is not installed")
    proc = subprocess.Popen([str(QUIZ), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=quiz_env(quiz_home))
    try:
        assert proc.stdin is not None
        proc.stdin.write(answers)
        proc.stdin.flush()  # the pipe stays open: the game is waiting, not at end of input
        seen = bytearray()
        read_until(proc, seen, " > ", prompts)
        proc.send_signal(signal.SIGINT)
        rest, err_bytes = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    out = strip((bytes(seen) + rest).decode("utf-8", "replace"))
    err = strip(err_bytes.decode("utf-8", "replace"))
    assert proc.returncode == 130
    assert err.strip() == INTERRUPTED
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err
    assert "Game over" not in out
    assert saved(quiz_home) == []
