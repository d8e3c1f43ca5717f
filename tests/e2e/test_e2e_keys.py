"""Key storms at every prompt of the installed game, in a real pty: never a traceback.

A seeded storm (Esc, Tab, arrows, Ctrl-letters, digits, mouse-like and coloured pastes) hits
each prompt as it comes: the menu, the level, the name, every kind of question, the feedback,
the party hand-over and the review pager. Menus and text boxes must still be there and still
work afterwards; "press any key" prompts move on. Enter is sent by the walker itself, so the
storm cannot pick Quit; a second test lets storms with Enter loose on the menu.
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
from quizterm import (  # noqa: F401  (fixtures)
    ENTER,
    POINTER,
    Spawn,
    Terminal,
    home,
    question,
    spawn,
    write_bank,
)

ESC, TAB = "\x1b", "\t"
ARROWS = ["\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D"]
# Ctrl-A..Ctrl-Y but not C/D/Z (between prompts the terminal itself reads them as interrupt,
# end of input and suspend; inside a prompt D and Z do nothing, see test_hardening_keys), not
# Q/S (a terminal's XON/XOFF flow control freezes output between prompts) and not J/M (Enter).
CTRL = [chr(ord(c) - 64) for c in "ABEFGHIKLNOPRTUVWXY"]
PASTES = ["\x1b[31mred text\x1b[0m", "\x1b[1;32mgreen\x1b[m", "\x1b[31m", "\x1b[<1;2m",
          "\x1b[M\x20\x21\x21", "\x1b[2J", "\x1b]8;;x\x07y\x1b]8;;\x07"]
DIGITS = list("0123456789")
TRACES = ("Traceback", "Unhandled exception", "Press ENTER to continue")


def storm(rng: random.Random, size: int, enter: bool = False) -> str:
    """`size` random keys (with Enter only if asked)."""
    pools = [[ESC], [TAB], ARROWS, CTRL, DIGITS, PASTES] + ([["\r"]] if enter else [])
    return "".join(rng.choice(rng.choice(pools)) for _ in range(size))


def quiet(term: Terminal, seconds: float = 0.4, at_most: float = 1.5) -> None:
    """Read output until nothing new arrives for `seconds`, or `at_most` seconds in all (a
    ticking countdown never goes quiet); waits on output, not a sleep."""
    deadline = time.monotonic() + at_most
    while time.monotonic() < deadline:
        before = len(term.raw)
        try:
            term.wait(lambda before=before: len(term.raw) > before or term.eof, "output",
                      timeout=seconds)
        except pytest.fail.Exception:
            return
        if term.eof:
            return


def where(term: Terminal) -> str | None:
    """Which prompt is waiting: 'select', 'text', 'pause', or None while drawing."""
    lines = term.lines()
    row = term.cursor_line()
    if "Press any key" in row:  # feedback, hand-over, review pager
        return "pause"
    if any(POINTER.match(line) for line in lines) and "?" in " ".join(lines):
        return "select"
    for label in ("Your answer:", "What's your name?"):
        if label in row and not term.screen.cursor.hidden:
            return "text"
    return None


def still_there(term: Terminal, kind: str) -> bool:
    """The prompt is still waiting (a long typed text may wrap below its label)."""
    screen = term.display()
    if kind == "select":
        return any(POINTER.match(line) for line in term.lines())
    return not term.screen.cursor.hidden and ("Your answer:" in screen or
                                              "What's your name?" in screen)


def walk(term: Terminal, rng: random.Random, seen: set[str], steps: int = 60) -> None:
    """Storm each prompt, then answer it properly; stop when the game is back at the menu."""
    for _ in range(steps):
        kind = term.wait(lambda: where(term) or ("eof" if term.eof else None), "a prompt",
                         timeout=20)
        if kind == "eof":
            return
        screen = term.display()
        seen.update(k for k, words in SIGNS.items() if any(w in screen for w in words))
        term.send(storm(rng, rng.randint(5, 25)))
        quiet(term)
        assert not any(t in term.plain for t in TRACES), term.plain[-3000:]
        if kind == "pause":
            continue  # a storm key moved it on (Esc alone would not)
        assert still_there(term, kind), f"the {kind} prompt went away:\n{term.display()}"
        term.send("1" + ENTER if kind == "select" else "\x15" + "12" + ENTER)  # Ctrl-U clears
        quiet(term)
        if "What would you like to do?" in term.display() and "Game over" in term.plain:
            return


SIGNS = {
    "menu": ["What would you like to do?"], "level": ["Pick a level:"],
    "name": ["What's your name?", "Who's playing?"], "question": ["Your answer:"],
    "feedback": ["Press any key for the next one", "Press any key to see your score"],
    "hand-over": ["your turn!"], "review": ["Press any key for your review", "Let's review"],
}


@pytest.fixture
def kinds_bank(tmp_path: Path) -> Path:
    """One question of each kind."""
    return write_bank(tmp_path / "kinds.toml", [
        question("k-1", "choice", "Who plays Marcus?", "Pedro Pascal",
                 choices=["Pedro Pascal", "Tom Hanks", "Zendaya"]),
        question("k-2", "true_false", "It came out on Netflix.", True),
        question("k-3", "text", "Whose film is it?", "Robert Rodriguez"),
        question("k-4", "number", "How many million homes?", 44, tolerance=2),
    ])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_storms_at_every_prompt_of_a_game(spawn: Spawn, kinds_bank: Path, seed: int) -> None:
    rng, seen = random.Random(seed), set[str]()
    term = spawn("play", "--bank", str(kinds_bank), "--no-timer", timeout=30)
    walk(term, rng, seen)
    assert {"level", "name", "question", "feedback"} <= seen, seen
    assert "Game over" in term.plain
    assert re.search(r"Right answers: \d of 4", term.plain)
    term.send("\x03")
    assert term.finish() in (0, 130)
    assert not any(t in term.plain for t in TRACES)


@pytest.mark.parametrize("seed", [4, 5])
def test_storms_at_the_party_hand_over(spawn: Spawn, kinds_bank: Path, seed: int) -> None:
    rng, seen = random.Random(seed), set[str]()
    term = spawn("party", "--players", "Ada,Bo", "--rounds", "1", "--bank", str(kinds_bank),
                 "--difficulty", "easy", timeout=30)
    walk(term, rng, seen)
    assert "hand-over" in seen, seen
    assert term.finish() in (0, 130)
    assert not any(t in term.plain for t in TRACES)


@pytest.mark.parametrize("seed", range(6, 10))
def test_storms_with_enter_from_the_menu(spawn: Spawn, seed: int) -> None:
    """Anything may happen, Enter included: the game never crashes and still answers Ctrl-C."""
    rng = random.Random(seed)
    term = spawn(timeout=30)
    term.expect("What would you like to do?")
    for _ in range(15):
        term.send(storm(rng, rng.randint(3, 12), enter=True))
        quiet(term, 0.3)
        assert not any(t in term.plain for t in TRACES), term.plain[-3000:]
        if term.eof:
            break
    if not term.eof:
        term.send("\x03")
    assert term.finish(timeout=30) in (0, 1, 130)
    assert not any(t in term.plain for t in TRACES), term.plain[-3000:]
