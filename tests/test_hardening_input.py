"""Bounded memory and time whatever arrives; streams that close; a score file that stays busy.

Installed-program tests use pipes (see test_hardening.quiz); storage tests hold the write lock
from a second connection and inject short waits.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import quiz_env
from test_hardening import HINTS, QUIZ, one_question, quiz, saved, strip

from heroes_quiz import app, bank, bankfile, storage
from heroes_quiz.errors import BankError, StorageError
from heroes_quiz.models import Difficulty, GameResult, Kind, Outcome, Points, Turn, Verdict
from heroes_quiz.ui.lines import MAX_LINE, Lines

GIVE_UP = "heroes-quiz: Game abandoned: 5 answers in a row could not be read. No score was saved."


def _one_gib() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(home: Path, args: list[str], *, shell: str | None = None, stdin: object = None,
        env: dict[str, str] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """The installed program (or a bash line running it) under a 1 GiB address-space limit."""
    if not QUIZ.exists():
        pytest.skip("heroes-quiz is not installed")
    cmd = ["bash", "-c", shell] if shell else [str(QUIZ), *args]
    proc = subprocess.run(cmd, stdin=stdin, capture_output=True, timeout=timeout, check=False,
                          env=env or quiz_env(home, PATH=f"{QUIZ.parent}:{os.defpath}"),
                          preexec_fn=_one_gib)
    assert b"Traceback" not in proc.stdout + proc.stderr, proc.stderr.decode(errors="replace")
    return proc


# -- lines ---------------------------------------------------------------------------------------

class Endless:
    """A text stream that never ends a line (like /dev/zero)."""

    def __init__(self) -> None:
        self.read_so_far = 0

    def readline(self, size: int = -1) -> str:
        assert 0 < size <= MAX_LINE  # never an unbounded read
        self.read_so_far += size
        return "\x00" * size


def test_an_endless_line_reads_as_one_unreadable_reply_in_bounded_reads() -> None:
    stream = Endless()
    lines = Lines(stream)  # type: ignore[arg-type]
    assert lines.read() == "\n" and lines.read() == "\n"  # each a bounded amount of input
    assert stream.read_so_far <= 2 * 9 * MAX_LINE


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_answers_is_abandoned_in_bounded_memory(quiz_home: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        proc = run(quiz_home, ["play", "--plain"], stdin=zero)
    assert proc.returncode == 1
    assert strip(proc.stderr.decode()).strip() == GIVE_UP
    assert saved(quiz_home) == []


def test_five_unreadable_piped_replies_abandon_the_game(quiz_home: Path, toml_bank: Path) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "number"), input="abc\n" * 5 + "44\n")
    assert done.code == 1 and done.err.strip() == GIVE_UP
    assert done.out.count(HINTS["number"]) == 5 and "Game over" not in done.out
    menu = quiz(quiz_home, "--plain", input="9\n" * 5)
    assert menu.code == 1 and menu.err.strip() == GIVE_UP
    assert saved(quiz_home) == []


def test_four_unreadable_then_a_good_one_still_plays(quiz_home: Path, toml_bank: Path) -> None:
    done = quiz(quiz_home, *one_question(toml_bank, "number"), input="abc\n" * 4 + "44\n")
    assert done.code == 0 and "Game over" in done.out


@pytest.mark.skipif(shutil.which("yes") is None or shutil.which("bash") is None,
                    reason="needs yes and bash")
def test_endless_unreadable_lines_with_a_timer_time_out(quiz_home: Path, toml_bank: Path) -> None:
    args = " ".join(one_question(toml_bank, "choice")[1:])
    proc = run(quiz_home, [], shell=f'yes 9 | "{QUIZ}" play --plain --time-limit 2 {args}',
               timeout=30)
    out = strip(proc.stdout.decode())
    assert proc.returncode == 0, proc.stderr
    assert "TIME'S UP" in out and "Game over" in out
    assert out.count("Hmm, I didn't get that.") == 5  # then it stops reading and waits
    assert saved(quiz_home)[0]["correct"] == 0


# -- bank files ----------------------------------------------------------------------------------

def test_fifo_bank_is_refused_without_waiting(quiz_home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "bank.toml"
    os.mkfifo(fifo)
    for args in (["bank", "check", str(fifo)], ["play", "--bank", str(fifo)]):
        proc = run(quiz_home, args, timeout=20)
        assert proc.returncode == 1
        assert strip(proc.stderr.decode()).strip() == (
            f"heroes-quiz: {fifo}: not a regular file (a bank must be a .toml or .json file)")


def test_device_bank_is_refused(quiz_home: Path) -> None:
    proc = run(quiz_home, ["bank", "check", "/dev/zero"])
    assert proc.returncode == 1 and b"not a regular file" in proc.stderr


def test_banks_above_the_limits_are_refused_before_parsing(tmp_path: Path) -> None:
    toml = tmp_path / "big.toml"
    toml.write_bytes(b"# padding\n" * (bankfile.MAX_TOML_BYTES // 10 + 1))
    with pytest.raises(BankError, match="TOML file is too big"):
        bank.load(toml)
    many = tmp_path / "many.toml"
    many.write_text("[[question]]\n" * (bankfile.MAX_QUESTIONS + 1))
    with pytest.raises(BankError, match=r"too many questions \(200,001; at most 200,000\)"):
        bank.load(many)
    objects = tmp_path / "many.json"
    objects.write_text("[" + ",".join(["{}"] * (bankfile.MAX_QUESTIONS + 1)) + "]")
    with pytest.raises(BankError, match="too many questions"):
        bank.load(objects)


# -- streams -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["play", "--plain"], [], ["daily", "--name", "A"]],
                         ids=["play", "menu", "daily"])
def test_closed_stdin_says_so(quiz_home: Path, args: list[str]) -> None:
    proc = run(quiz_home, [], shell=" ".join([f'"{QUIZ}"', *args, "<&-"]))
    assert proc.returncode == 1
    assert strip(proc.stderr.decode()).strip() == (
        "heroes-quiz: Standard input is closed, so there is nothing to read answers from. "
        "Play in a terminal, or pipe answers in.")
    assert run(quiz_home, [], shell=f'"{QUIZ}" scores <&-').returncode == 0


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
def test_reader_leaving_early_still_saves_the_finished_game(quiz_home: Path) -> None:
    proc = run(quiz_home, [], shell=f'set -o pipefail; printf "1\\n%.0s" 1 2 3 4 5 | '
                                    f'"{QUIZ}" play --count 5 --name Piped | head -3')
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""  # quietly
    assert [(r["name"], r["total"]) for r in saved(quiz_home)] == [("Piped", 5)]


def test_export_is_utf8_whatever_the_locale(quiz_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "zoe.toml"
    path.write_text('[[question]]\nid = "z"\ncategory = "c"\ndifficulty = "easy"\n'
                    'kind = "text"\nprompt = "Who is Zoë?"\nanswer = "Zoë"\n'
                    'explanation = "Zoë."\nsource = "s"\n', encoding="utf-8")
    env = quiz_env(quiz_home, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    for fmt in ("json", "opentdb"):
        proc = run(quiz_home, ["bank", "export", "--format", fmt, "--bank", str(path)], env=env)
        assert proc.returncode == 0
        if fmt == "json":
            assert json.loads(proc.stdout.decode("utf-8"))[0]["answer"] == "Zoë"


def test_daily_card_is_ascii_when_the_output_cannot_show_squares(quiz_home: Path) -> None:
    env = quiz_env(quiz_home, PYTHONIOENCODING="ascii")
    done = subprocess.run([str(QUIZ), "daily", "--name", "A", "--date", "2026-03-01"],
                          input=b"1\n" * 5, capture_output=True, env=env, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("ascii")
    card = next(line for line in out.splitlines() if line.startswith("heroes-quiz daily"))
    assert "?" not in card and set(card.split()[4]) <= {"O", "X"}, card


# -- storage -------------------------------------------------------------------------------------

def game(name: str = "Ada") -> GameResult:
    from conftest import make_question

    q = make_question("q1", Kind.TRUE_FALSE)
    turn = Turn(1, 1, q, ("True", "False"), 0)
    return GameResult(name, Difficulty.EASY.value,
                      (Outcome(turn, Verdict(True, given="True"), Points(base=100), 100),))


@pytest.fixture
def held(tmp_path: Path) -> tuple[Path, sqlite3.Connection]:
    """A migrated score file whose write lock another connection holds."""
    path = tmp_path / "scores.db"
    storage.Store(path).top()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return path, other


def test_busy_file_says_saving_then_keeps_a_pending_file_the_next_run_saves(
        held: tuple[Path, sqlite3.Connection], monkeypatch: pytest.MonkeyPatch) -> None:
    path, other = held
    monkeypatch.setattr(storage, "FIRST_TRY_MS", 50)
    monkeypatch.setattr(storage, "SAVE_PATIENCE", 0.3)
    store, told = storage.Store(path), []
    store.on_wait = lambda: told.append("saving…")
    with pytest.raises(StorageError, match=r"kept in .*pending-.*json; it will be saved next time"):
        store.save(game())
    assert told == ["saving…"]  # said once
    kept = list(path.parent.glob("pending-*.json"))
    assert len(kept) == 1
    other.execute("ROLLBACK")
    other.close()
    later = storage.Store(path)
    assert [row.name for row in later.top("easy")] == ["Ada"]
    assert later.take_warnings() == (f"A game kept earlier in {kept[0].name} was saved now.",)
    assert not list(path.parent.glob("pending-*.json"))


def test_busy_file_freed_while_waiting_saves(held: tuple[Path, sqlite3.Connection],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path, other = held
    monkeypatch.setattr(storage, "FIRST_TRY_MS", 50)
    monkeypatch.setattr(storage, "SAVE_PATIENCE", 10.0)
    store = storage.Store(path)
    store.on_wait = lambda: threading.Timer(0.2, other.execute, ("ROLLBACK",)).start()
    assert store.save(game()).saved
    assert not list(path.parent.glob("pending-*.json"))


def test_newer_score_file_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           toml_bank: Path) -> None:
    path = tmp_path / "home" / "scores.db"
    storage.Store(path).top()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(storage.MIGRATIONS) + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer heroes-quiz; upgrade heroes-quiz"):
        storage.Store(path).save(game())
    assert path.read_bytes() == before
    done = quiz(tmp_path / "home", *one_question(toml_bank, "choice"), input="1\n")
    assert done.code == 0 and "Game over" in done.out  # the game plays, unsaved
    assert "Your score was not saved" in done.out and "upgrade heroes-quiz" in \
        " ".join(done.out.split())


def test_the_cli_says_saving_when_the_file_is_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    from heroes_quiz.cli.common import session

    seen: list[str] = []
    monkeypatch.setattr("heroes_quiz.ui.warn", lambda console, message: seen.append(message))
    session(True)
    hook = app.store().on_wait
    assert hook is not None
    hook()
    assert seen == ["Saving… (the score file is busy, so this can take a moment)"]
