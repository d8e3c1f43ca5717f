"""Drive the installed `heroes-quiz` command in a pseudo-terminal, the way a player would.

`Terminal` spawns the real console script with pexpect and feeds everything it prints into a
pyte screen, so tests can wait on what is *visible* (no sleeps) and check the layout. The pyte
screen also answers cursor-position requests (ESC [ 6 n) like a real terminal does; without an
answer prompt_toolkit waits about a second per prompt.

This is a plain helper module (not a conftest.py: `tests/conftest.py` is imported by name as
`conftest`, and a second one here would shadow it).
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import pexpect
import pyte
import pytest
from conftest import quiz_env
from wcwidth import wcswidth

QUIZ = Path(sys.executable).parent / "heroes-quiz"
TIMEOUT = 15.0

UP, DOWN, ENTER, CTRL_C = "\x1b[A", "\x1b[B", "\r", "\x03"
HIDE_CURSOR, SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"
ARROW_HINT = "(↑ ↓ or a number, then Enter)"
POINTER = re.compile(r"\s*» \d+\) ")  # the current row of a select prompt
ABANDONED = "Game abandoned"
ABANDONED_MESSAGE = "Game abandoned — no score was saved."
REVIEW_PROMPT = "Press any key (?:for your review|for more|to go on)"  # "…" may wrap


_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_BOX_CHARS = frozenset("╭╮╰╯│─┏┓┗┛┃━╔╗╚╝║═")

T = TypeVar("T")


def strip_ansi(text: str) -> str:
    """`text` without terminal escape sequences."""
    return _ANSI.sub("", text)


def cells(text: str) -> int:
    """How many terminal columns `text` takes."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def require_quiz() -> Path:
    """The installed console script next to the running interpreter (skip if absent)."""
    if not QUIZ.exists():
        pytest.skip(f"heroes-quiz is not installed next to {sys.executable}")
    return QUIZ


def run_quiz(home: Path, *args: str, input: str | None = None,
             timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run the command with pipes (so it is not a TTY) and capture everything."""
    return subprocess.run([str(require_quiz()), *args], input=input, capture_output=True,
                          text=True, encoding="utf-8", env=quiz_env(home), timeout=timeout,
                          check=False)


def saved_scores(home: Path, bank: Path | None = None) -> list[dict[str, Any]]:
    """`heroes-quiz scores --json` for this home (the table of `bank`, else the built-in's)."""
    done = run_quiz(home, "scores", "--json", *(("--bank", str(bank)) if bank else ()))
    assert done.returncode == 0, done.stderr
    rows: list[dict[str, Any]] = json.loads(done.stdout)
    return rows


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def write_bank(path: Path, questions: Iterable[Mapping[str, object]]) -> Path:
    """Write questions in the native TOML format ([[question]] tables)."""
    parts = ["# test bank written by tests/e2e\n"]
    for q in questions:
        parts.append("\n[[question]]\n")
        parts.extend(f"{key} = {_toml(value)}\n" for key, value in q.items())
    path.write_text("".join(parts), encoding="utf-8")
    return path


def question(qid: str, kind: str, prompt: str, answer: object, category: str = "cast",
             **extra: object) -> dict[str, object]:
    """One easy question record."""
    record: dict[str, object] = {
        "id": qid, "category": category, "difficulty": "easy", "kind": kind,
        "prompt": prompt, "answer": answer,
    }
    record.update(extra)
    record.setdefault("explanation", f"Explanation for {qid}.")
    record.setdefault("source", "e2e test bank")
    return record


class Terminal:
    """One `heroes-quiz` process in a pty of `rows` x `cols`, mirrored on a pyte screen."""

    def __init__(self, args: Iterable[str], home: Path, *, rows: int = 30, cols: int = 80,
                 timeout: float = TIMEOUT, env: Mapping[str, str | None] | None = None,
                 program: Path | None = None) -> None:
        self.timeout = timeout
        self.screen = pyte.Screen(cols, rows)
        self.screen.write_process_input = self._terminal_reply  # type: ignore[method-assign]
        self.stream = pyte.Stream(self.screen)
        self.raw = ""
        self.mark = 0  # expect() searches the plain transcript from here on
        self.eof = False
        self._plain_cache = (0, "")
        self.child = pexpect.spawn(str(program or require_quiz()), list(args),
                                   env=quiz_env(home, **(env or {})),
                                   dimensions=(rows, cols), encoding="utf-8",
                                   codec_errors="replace", timeout=timeout)

    # -- what has been shown ---------------------------------------------------------------
    @property
    def plain(self) -> str:
        """Everything printed so far, escape sequences removed."""
        if self._plain_cache[0] != len(self.raw):
            self._plain_cache = (len(self.raw), strip_ansi(self.raw))
        return self._plain_cache[1]

    def lines(self) -> list[str]:
        """The visible screen, one string per row, right-trimmed."""
        return [line.rstrip() for line in self.screen.display]

    def display(self) -> str:
        """The visible screen as text."""
        return "\n".join(self.lines()).rstrip()

    def cursor_line(self) -> str:
        """The screen row the cursor is on."""
        return self.lines()[self.screen.cursor.y]

    # -- input -------------------------------------------------------------------------------
    def send(self, keys: str) -> None:
        """Type `keys`."""
        self.child.send(keys)

    def _terminal_reply(self, data: str) -> None:
        if not self.eof and self.child.isalive():
            self.child.send(data)

    # -- waiting -----------------------------------------------------------------------------
    def _feed(self, data: str) -> None:
        self.raw += data
        self.stream.feed(data)

    def wait(self, check: Callable[[], T | None], what: str, timeout: float | None = None) -> T:
        """Read output until `check()` gives something truthy; fail after `timeout` seconds."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            found = check()
            if found:
                return found
            if self.eof:
                self.fail(f"the program ended while waiting for {what}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.fail(f"timed out waiting for {what}")
            try:
                self._feed(self.child.read_nonblocking(65536, timeout=remaining))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                self.eof = True

    def fail(self, message: str) -> NoReturn:
        """Fail the test showing the screen and the end of the transcript."""
        pytest.fail(f"{message}\n----- screen -----\n{self.display()}\n"
                    f"----- last output (plain) -----\n{self.plain[-2000:]}", pytrace=False)

    def expect(self, pattern: str | re.Pattern[str], what: str | None = None,
               timeout: float | None = None) -> re.Match[str]:
        """Wait until `pattern` (literal text or regex) is printed after the previous match."""
        regex = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
        label = what or repr(pattern if isinstance(pattern, str) else pattern.pattern)

        def search() -> re.Match[str] | None:
            return regex.search(self.plain, self.mark)

        found = self.wait(search, label, timeout)
        self.mark = found.end()
        return found

    def wait_screen(self, text: str, timeout: float | None = None) -> None:
        """Wait until `text` is visible somewhere on one screen row."""
        self.wait(lambda: any(text in line for line in self.lines()), f"{text!r} on screen",
                  timeout)

    def answer_prompt(self) -> str | None:
        """'select' or 'text' once an answer prompt is fully drawn and waiting, else None.

        A select shows the arrow hint and a » pointer; a text box shows the cursor after
        "Your answer:" and whatever follows it on that row (a countdown, an instruction).
        """
        lines = self.lines()
        pointer = any(POINTER.match(line) for line in lines)
        squashed = "".join(lines).replace(" ", "")  # the hint may wrap in narrow terminals
        if pointer and "Youranswer:" in squashed and ARROW_HINT.replace(" ", "") in squashed:
            return "select"
        return "text" if not pointer and self.text_prompt_ready("Your answer:") else None

    def text_prompt_ready(self, label: str) -> bool:
        """True when the text box labelled `label` is empty and waiting for typing."""
        line = self.cursor_line()
        return (not self.screen.cursor.hidden and label in line
                and self.screen.cursor.x >= cells(line))

    def wait_text_prompt(self, label: str) -> None:
        """Wait until the text box labelled `label` is waiting for typing."""
        self.wait(lambda: self.text_prompt_ready(label), f"the {label!r} text box")

    def answer(self, text_reply: str = "12") -> str:
        """Answer whatever question is showing: the first option, or `text_reply` typed."""
        kind = self.wait(self.answer_prompt, "the 'Your answer:' prompt")
        self.send("1" + ENTER if kind == "select" else text_reply + ENTER)
        return kind

    def finish(self, timeout: float | None = None) -> int:
        """Wait for the program to exit; its exit code (128+N for a signal)."""
        self.wait(lambda: self.eof, "the program to exit", timeout)
        self._wait_for_exit(self.timeout if timeout is None else timeout)
        self.child.wait()
        self.child.close()
        if self.child.signalstatus is not None:
            return 128 + int(self.child.signalstatus)
        return int(self.child.exitstatus or 0)

    def _wait_for_exit(self, timeout: float) -> None:
        # The pty can close a moment before the process ends; child.wait() has no timeout,
        # so wait on a pidfd (Linux) to fail instead of hanging if the process never exits.
        if not hasattr(os, "pidfd_open") or not self.child.isalive():
            return
        try:
            fd = os.pidfd_open(self.child.pid)
        except OSError:
            return
        try:
            ready, _, _ = select.select([fd], [], [], timeout)
        finally:
            os.close(fd)
        if not ready:
            self.fail("the output ended but the program did not exit")

    def past_review(self, last: str = "High scores|No scores yet") -> None:
        """After a game's last answer, press a key at each review prompt until `last` (a regex)
        is on screen, or the program has ended. Read off the screen: prompts wrap."""
        done, prompt = re.compile(last), re.compile(REVIEW_PROMPT.replace(" ", ""))

        def state() -> str | None:
            if self.eof:
                return "done"
            if prompt.search("".join(self.lines()).replace(" ", "")):
                return "key"  # before `last`: a party's podium shows above its first prompt
            return "done" if done.search(self.display()) else None

        while self.wait(state, f"a review prompt or {last!r}") == "key":
            before = self.display()
            self.send(" ")
            # A terminal that cannot clear (TERM=dumb) may end with the same rows on screen.
            self.wait(lambda was=before: self.eof or self.display() != was,
                      "the next end-of-game screen")

    def kill(self) -> None:
        """Stop the child if a test failed half-way."""
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)


def complete_boxes(lines: list[str]) -> list[str]:
    """Rows of Rich boxes whose right edge is missing or cut off (empty list: all fine)."""
    pairs = {"╭": "╮", "╰": "╯", "│": "│", "┏": "┓", "┗": "┛", "┃": "┃", "╔": "╗",
             "╚": "╝", "║": "║"}
    bad = []
    for line in lines:
        body = line.strip()
        if body[:1] in pairs and (len(body) < 2 or body[-1] != pairs[body[0]]):
            bad.append(line)
    return bad


def widest_box_row(transcript: str) -> int:
    """The widest row (in cells) that Rich printed with box-drawing characters."""
    widest = 0
    for line in transcript.split("\n"):
        for piece in line.split("\r"):  # each \r restarts at column 0
            if _BOX_CHARS.intersection(piece):
                widest = max(widest, cells(piece.rstrip()))
    return widest


Spawn = Callable[..., Terminal]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Where this test's scores.db lives."""
    return tmp_path / "quiz-home"


@pytest.fixture
def spawn(home: Path) -> Iterator[Spawn]:
    """Start `heroes-quiz ARGS...` in a pty, or with shell= a bash command line.

    Other keywords go to Terminal (rows, cols, timeout, env). Anything still running is
    stopped afterwards.
    """
    require_quiz()
    started: list[Terminal] = []

    def start(*args: str, shell: str | None = None, **options: Any) -> Terminal:
        if shell is not None:
            bash = Path("/bin/bash")
            if not bash.exists():
                pytest.skip("needs /bin/bash for shell pipelines")
            args, options["program"] = ("-c", shell), bash
        term = Terminal(args, home, **options)
        started.append(term)
        return term

    yield start
    for term in started:
        term.kill()
