"""End-to-end: `heroes-quiz play --plain` with piped answers (stdin and stdout are not a TTY)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quizterm import ABANDONED, require_quiz, run_quiz, saved_scores, strip_ansi

PLAIN_GAME = ("play", "--plain", "--difficulty", "easy", "--count", "5", "--name", "Ada")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Where this test's scores.db lives."""
    require_quiz()
    return tmp_path / "quiz-home"


def test_plain_piped_game(home: Path) -> None:
    done = run_quiz(home, *PLAIN_GAME, input="1\n" * 20)
    out, err = strip_ansi(done.stdout), strip_ansi(done.stderr)
    assert done.returncode == 0, err
    assert "Traceback" not in out + err
    assert "Game over" in out
    assert "Ada" in out
    assert re.search(r"Type .+ > ", out), "no numbered-answer prompt was printed"
    assert "Question 5 of 5" in out and "Question 6" not in out
    right = int(re.search(r"Right answers: (\d+) of 5\b", out)[1])  # type: ignore[index]
    score = int(re.search(r"Score: (\d+) points", out)[1])  # type: ignore[index]

    rows = saved_scores(home)
    assert [(r["name"], r["difficulty"], r["total"]) for r in rows] == [("Ada", "easy", 5)]
    assert (rows[0]["correct"], rows[0]["score"]) == (right, score)
    assert set(rows[0]) >= {"name", "score", "difficulty", "correct", "total", "played_at"}


def test_plain_eof_mid_game_saves_nothing(home: Path) -> None:
    done = run_quiz(home, *PLAIN_GAME, input="1\n")
    out, err = strip_ansi(done.stdout), strip_ansi(done.stderr)
    assert done.returncode == 1
    assert ABANDONED in err
    assert "Traceback" not in out + err
    assert "Game over" not in out
    assert saved_scores(home) == []
