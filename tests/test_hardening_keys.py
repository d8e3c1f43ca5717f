"""Odd keys at every questionary prompt (prompt_toolkit pipe input): Esc, Ctrl-O, Ctrl-R,
Ctrl-L, Ctrl-D, Ctrl-Z, Ctrl-Q and mouse-like or coloured sequences do nothing; SIGINT is
Ctrl-C."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from conftest import make_question
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from heroes_quiz.models import Action, Kind, Turn
from heroes_quiz.ui import InteractivePrompter

# Each was answered "" (Esc+Enter, Ctrl-O) or crashed prompt_toolkit's mouse handler
# ("not enough values to unpack") before the prompts were hardened.
ODD = {"esc": "\x1b", "ctrl-o": "\x0f", "ctrl-r": "\x12", "ctrl-l": "\x0c", "sgr": "\x1b[31m",
       "colour paste": "\x1b[1;32mhi\x1b[0m", "urxvt mouse": "\x1b[96;14;13M",
       "sgr mouse": "\x1b[<1;2m", "x10 mouse": "\x1b[M\x00\x00\x00",
       # Ctrl-D on an empty reply ended the game (EOF); Ctrl-Z typed a literal ^Z, and
       # Ctrl-Q let the next key (Esc) into the reply raw.
       "ctrl-d": "\x04", "ctrl-z": "\x1a", "ctrl-q esc": "\x11\x1b"}


def run(keys: str, ask: Any) -> Any:
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        prompter = InteractivePrompter(Console(file=StringIO()), input=pipe,
                                       output=DummyOutput())
        return ask(prompter)


def turn(kind: Kind) -> Turn:
    q = make_question(kind=kind)
    options = q.choices or (("True", "False") if kind is Kind.TRUE_FALSE else ())
    return Turn(1, 1, q, options, 0, lifelines=frozenset({Action.SKIP}))


@pytest.mark.parametrize("odd", list(ODD))
def test_odd_keys_then_enter_pick_the_pointed_option(odd: str) -> None:
    keys = ODD[odd] + "\r"
    assert run(keys, lambda p: p.choose("What would you like to do?", ["Play", "Quit"])) == 0
    assert run(keys, lambda p: p.ask(turn(Kind.CHOICE))) == 0
    assert run(keys, lambda p: p.ask(turn(Kind.TRUE_FALSE))) is True


@pytest.mark.parametrize("odd", list(ODD))
def test_odd_keys_in_a_text_box_do_not_answer_for_the_player(odd: str) -> None:
    # Enter after a key that does nothing meets an empty box; a paste is typed text, though.
    keys = ODD[odd] + ("" if odd == "colour paste" else "\r") + "\x15Holbrook\r"
    assert run(keys, lambda p: p.ask(turn(Kind.TEXT))) == "Holbrook"
    assert run(ODD[odd] + "\x15Ada\r", lambda p: p.text("What's your name?", "")) == "Ada"


@pytest.mark.parametrize("odd", list(ODD))
def test_odd_keys_at_a_pause_never_crash_it(odd: str) -> None:
    assert run(ODD[odd] + "x", lambda p: p.pause("Press any key…")) is None


def test_a_choice_that_is_not_an_option_is_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from heroes_quiz.ui import prompters

    answers = iter(["", None, 1])
    monkeypatch.setattr(prompters, "ask_until", lambda *args: next(answers))
    prompter = InteractivePrompter(Console(file=StringIO()), input=None)
    assert prompter.choose("Pick", ["a", "b"]) == 1
