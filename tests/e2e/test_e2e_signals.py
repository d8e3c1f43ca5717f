"""Signals mid-question in a real pty: the terminal is restored, nothing is saved, and the exit
code says which signal (130 SIGINT, 143 SIGTERM, 129 SIGHUP)."""

from __future__ import annotations

import os
import signal
import termios
from pathlib import Path

import pytest
from quizterm import (  # noqa: F401  (fixtures)
    ABANDONED_MESSAGE,
    Spawn,
    home,
    question,
    saved_scores,
    spawn,
    write_bank,
)

MODES = termios.ECHO | termios.ICANON | termios.ISIG


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """Two choice questions, so a game is always mid-way at the first."""
    return write_bank(tmp_path / "two.toml", [
        question("s-1", "choice", "Who plays Marcus?", "Pedro Pascal",
                 choices=["Pedro Pascal", "Tom Hanks", "Zendaya"]),
        question("s-2", "choice", "Who directs?", "Robert Rodriguez",
                 choices=["Robert Rodriguez", "Tom Hanks", "Zendaya"]),
    ])


def local_modes(fd: int) -> int:
    """The pty's local modes (ECHO, ICANON, ISIG ...)."""
    return int(termios.tcgetattr(fd)[3])


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143),
                                           (signal.SIGHUP, 129)], ids=["INT", "TERM", "HUP"])
def test_signal_during_a_timed_question(spawn: Spawn, bank: Path, home: Path, sig: int,
                                        code: int) -> None:
    term = spawn("play", "--bank", str(bank), "--name", "Ada", "--difficulty", "easy",
                 "--time-limit", "60")
    pty = os.dup(term.child.child_fd)  # still ours after the program has gone
    try:
        assert local_modes(pty) & MODES == MODES  # a fresh pty: cooked
        term.wait(term.answer_prompt, "the first question")
        assert local_modes(pty) & MODES == 0  # prompt_toolkit's raw mode
        os.kill(term.child.pid, sig)
        term.expect(ABANDONED_MESSAGE)
        assert term.finish() == code
        assert local_modes(pty) & MODES == MODES  # echo, lines and Ctrl-C back
    finally:
        os.close(pty)
    assert "Traceback" not in term.plain and "Game over" not in term.plain
    assert saved_scores(home) == []


# Every other kind of prompt: (what to start, what to wait for, keys to reach it).
PROMPTS = {
    "menu": ((), "What would you like to do?", ""),
    "level picker": (("play", "--name", "Ada"), "Pick a level", ""),
    "name prompt": (("play", "--difficulty", "easy"), "What's your name?", ""),
    "untimed question": (("play", "--name", "Ada", "--difficulty", "easy", "--no-timer"),
                         "Your answer", ""),
    "feedback pause": (("play", "--name", "Ada", "--difficulty", "easy", "--no-timer"),
                       "Press any key for the next one", "1\r"),
}


@pytest.mark.parametrize("where", list(PROMPTS))
def test_sigterm_at_any_prompt_restores_the_terminal(spawn: Spawn, bank: Path, home: Path,
                                                     where: str) -> None:
    args, shown, keys = PROMPTS[where]
    term = spawn(*args, *(("--bank", str(bank)) if args else ()))
    pty = os.dup(term.child.child_fd)
    try:
        if keys:
            term.wait(term.answer_prompt, "the first question")
            term.send(keys)
        term.wait_screen(shown)
        # The prompt is drawn a moment before prompt_toolkit puts the pty in raw mode.
        term.wait(lambda: local_modes(pty) & MODES == 0 or None, "the prompt's raw mode")
        os.kill(term.child.pid, signal.SIGTERM)
        term.expect(ABANDONED_MESSAGE)
        assert term.finish() == 143
        assert local_modes(pty) & MODES == MODES
    finally:
        os.close(pty)
    assert "Traceback" not in term.plain
    assert saved_scores(home) == []
