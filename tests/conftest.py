"""Shared fixtures: every test gets its own HEROES_QUIZ_HOME."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from heroes_quiz import i18n
from heroes_quiz.models import Difficulty, Kind, Question

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>()][0-9A-Za-z]?")


# Variables a player's or CI's environment may set that the suites must cope with; everything
# else is left out so runs are repeatable (COLUMNS/LINES would override a pty's size).
PASS_THROUGH = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI")


def quiz_env(home: Path, **extra: str | None) -> dict[str, str]:
    """A small fixed environment with scores under `home`; `extra` sets (or, with None, drops)."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TERM": "xterm-256color",
        "HOME": str(home.parent / "user-home"),
        "HEROES_QUIZ_HOME": str(home),
    }
    env.update({k: os.environ[k] for k in PASS_THROUGH if k in os.environ})
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def strip_ansi(text: str) -> str:
    """Text without terminal escape sequences."""
    return ANSI.sub("", text)


@pytest.fixture(autouse=True)
def quiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Scores never touch the real home; the game speaks English unless a test says otherwise."""
    home = tmp_path / "home"
    monkeypatch.setenv("HEROES_QUIZ_HOME", str(home))
    # The machine's own language must not leak in (a Spanish LANG would translate the screens).
    monkeypatch.delenv("HEROES_QUIZ_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    i18n.set_language(None)  # nor a language chosen by an earlier test
    return home


def make_question(qid: str = "q1", kind: Kind = Kind.CHOICE, **over: object) -> Question:
    """A valid question of any kind, with overrides."""
    base: dict[str, object] = {
        "id": qid, "category": "cast", "difficulty": Difficulty.EASY, "kind": kind,
        "prompt": f"Prompt {qid}?", "explanation": "Because.", "source": "CBR interview",
    }
    base.update({
        Kind.CHOICE: {"answer": "Pedro Pascal",
                      "choices": ("Pedro Pascal", "Tom Hanks", "Zendaya")},
        Kind.TRUE_FALSE: {"answer": True},
        Kind.TEXT: {"answer": "Boyd Holbrook", "accept": ("Holbrook",)},
        Kind.NUMBER: {"answer": 44.0, "tolerance": 2.0},
    }[kind])
    base.update(over)
    return Question(**base)  # type: ignore[arg-type]


TOML_BANK = '''
# a tiny bank for tests
[[question]]
id = "t-1"
category = "cast"
difficulty = "easy"
kind = "choice"
prompt = "Who is in the cast?"
answer = "Pedro Pascal"
choices = ["Pedro Pascal", "Tom Hanks", "Zendaya"]
explanation = "He plays a hero."
source = "CBR interview"

[[question]]
id = "t-2"
category = "release"
difficulty = "medium"
kind = "true_false"
prompt = "The film came out on Netflix."
answer = true
explanation = "It premiered there."
source = "CBR interview"

[[question]]
id = "t-3"
category = "cast"
difficulty = "hard"
kind = "text"
prompt = "Who completes the trio of grown-up heroes?"
answer = "Boyd Holbrook"
accept = ["Holbrook"]
explanation = "The sequel report names him."
source = "sequel report (Collider)"

[[question]]
id = "t-4"
category = "viewership"
difficulty = "easy"
kind = "number"
prompt = "How many million households watched early on?"
answer = 44
tolerance = 2
explanation = "Forty-four million homes."
source = "sequel report (Collider)"
'''


@pytest.fixture
def toml_bank(tmp_path: Path) -> Path:
    """A valid four-question bank, one of each kind."""
    path = tmp_path / "bank.toml"
    path.write_text(TOML_BANK, encoding="utf-8")
    return path
