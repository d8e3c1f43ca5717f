"""End-to-end: the installed `heroes-quiz` in a pseudo-terminal, played with keys.

Every wait is on screen content (see quizterm.Terminal.wait); HEROES_QUIZ_HOME is a tmp dir.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from quizterm import (  # noqa: F401  (fixtures)
    ABANDONED_MESSAGE,
    CTRL_C,
    DOWN,
    ENTER,
    HIDE_CURSOR,
    SHOW_CURSOR,
    UP,
    Spawn,
    Terminal,
    complete_boxes,
    home,
    question,
    require_quiz,
    run_quiz,
    saved_scores,
    spawn,
    widest_box_row,
    write_bank,
)

MARKUP_NAME = "[bold red]Boo[/]"


@pytest.fixture
def kinds_bank(tmp_path: Path) -> Path:
    """One easy question of each kind, each alone in its own category."""
    return write_bank(tmp_path / "kinds.toml", [
        question("k-choice", "choice", "Which colour is a ripe banana?", "Yellow",
                 category="pick", choices=["Yellow", "Blue", "Purple"]),
        question("k-bool", "true_false", "Snow is cold.", True, category="truth"),
        question("k-text", "text", "Type the word hero.", "hero", category="words", accept=[]),
        question("k-number", "number", "How many legs does a spider have?", 8,
                 category="numbers", tolerance=0),
    ])


def pointed_at(term: Terminal) -> str | None:
    """The option the select pointer (») is on, without its number."""
    for line in term.lines():
        found = re.match(r"\s*» \d+\) (.+)$", line)
        if found:
            return found[1]
    return None


def pick_menu(term: Terminal, label: str, *, arrows: bool) -> None:
    """At the main menu, move to `label` (Down arrows, or its digit shortcut) and press Enter."""
    term.expect("What would you like to do?")
    term.wait_screen("» 1) Play")
    if arrows:
        for _ in range(10):
            if pointed_at(term) == label:
                break
            before = pointed_at(term)
            term.send(DOWN)
            term.wait(lambda was=before: pointed_at(term) != was, "the pointer to move down")
    else:
        digit = term.wait(lambda: next((m[1] for line in term.lines()
                                        if (m := re.match(rf"\s*»?\s*(\d)\) {label}$", line))),
                                       None), f"the {label!r} option")
        term.send(digit)
    term.wait(lambda: pointed_at(term) == label, f"the pointer on {label!r}")
    term.send(ENTER)


def play_through(term: Terminal, total: int) -> tuple[int, int]:
    """Answer `total` questions, pressing a key after each; the (score, right) shown at the end."""
    for n in range(1, total + 1):
        term.expect(f"Question {n} of {total}")
        term.answer()
        term.expect("Press any key to see your score…" if n == total
                    else "Press any key for the next one…")
        term.send(" ")
    term.expect("Game over")
    score = int(term.expect(re.compile(r"Score: (\d+) points"))[1])
    right = int(term.expect(re.compile(rf"Right answers: (\d+) of {total}\b"))[1])
    return score, right


def test_menu_full_game(spawn: Spawn, home: Path) -> None:
    term = spawn()
    term.expect("We Can Be Heroes")
    term.expect("What would you like to do?")
    term.wait_screen("» 1) Play")
    term.send(DOWN)
    term.wait_screen("» 2) High scores")
    term.send(UP)
    term.wait_screen("» 1) Play")
    term.send(ENTER)

    term.expect("Pick a level:")
    term.wait_screen("» 1) easy")
    term.send(ENTER)
    term.wait_screen("? Pick a level: easy")

    term.expect("What's your name?")
    term.wait_text_prompt("What's your name?")
    term.send("Ada" + ENTER)
    term.expect("Good luck, Ada! 10 questions.")

    score, right = play_through(term, 10)
    term.past_review()
    term.wait(lambda: any(re.search(rf"\bAda\s+easy\s+{score}\s+{right}/10\b", line)
                          for line in term.lines()), "Ada's row in the high-score table")

    pick_menu(term, "Quit", arrows=True)
    assert term.finish() == 0
    assert "Traceback" not in term.plain

    rows = saved_scores(home)
    assert [(r["name"], r["difficulty"], r["total"]) for r in rows] == [("Ada", "easy", 10)]
    assert (rows[0]["score"], rows[0]["correct"]) == (score, right)
    assert rows[0]["played_at"]


def test_play_40_columns(spawn: Spawn, home: Path) -> None:
    term = spawn("play", "--count", "2", "--name", "Bo", "--difficulty", "easy", "--seed", "2",
                 rows=60, cols=40)  # tall enough that the whole end of the game stays on screen
    term.wait(lambda: any(line.startswith("╭") and line.endswith("╮") and "Question 1 of 2" in line
                          for line in term.lines()), "the 'Question 1 of 2' panel title")
    term.answer()
    term.expect("Press any key for the next one…")
    term.wait_screen("Source:")
    assert complete_boxes(term.lines()) == [], term.display()
    term.send(" ")

    term.expect("Question 2 of 2")
    term.wait(term.answer_prompt, "the second question's prompt")
    assert complete_boxes(term.lines()) == [], term.display()
    term.answer()
    term.expect("Press any key to see your score…")
    term.send(" ")
    term.expect("Game over")
    term.past_review()
    assert term.finish() == 0

    final = term.lines()
    assert any("Game over" in line for line in final)
    assert any("High scores" in line for line in final)
    assert any(re.search(r"\bBo\b", line) for line in final)
    assert complete_boxes(final) == [], term.display()
    assert widest_box_row(term.plain) <= 40, "a panel was drawn wider than 40 columns"
    assert [(r["name"], r["total"]) for r in saved_scores(home)] == [("Bo", 2)]


LONG_CHOICES = ["Pedro Pascal, Christian Slater and Boyd Holbrook",
                "Christian Slater, Taylor Dooley and Akira Akbar",
                "Tom Hanks, Zendaya and Keanu Reeves"]


def test_long_options_readable_at_40_columns(spawn: Spawn, tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "long.toml", [
        question("l-1", "choice", "Which trio does the sequel report call the biggest heroes?",
                 LONG_CHOICES[0], choices=LONG_CHOICES),
    ])
    term = spawn("play", "--bank", str(bank), "--difficulty", "easy", "--name", "Bo",
                 rows=30, cols=40)
    term.expect("Question 1 of 1")
    assert term.wait(term.answer_prompt, "the options") == "select"
    squashed = "".join(term.lines()).replace(" ", "")  # wrapped options are fine, cut ones not
    missing = [c for c in LONG_CHOICES if c.replace(" ", "") not in squashed]
    assert missing == [], term.display()


def _reach_menu(term: Terminal) -> None:
    term.expect("What would you like to do?")
    term.wait_screen(") Quit")  # the last entry, whatever its number


def _reach_level(term: Terminal) -> None:
    term.expect("Pick a level:")
    term.wait_screen("» 1) easy")


def _reach_name(term: Terminal) -> None:
    term.expect("What's your name?")
    term.wait_text_prompt("What's your name?")


def _reach_select(term: Terminal) -> None:
    term.expect("Question 1 of 1")
    assert term.wait(term.answer_prompt, "a select question") == "select"


def _reach_text(term: Terminal) -> None:
    term.expect("Question 1 of 1")
    assert term.wait(term.answer_prompt, "a text question") == "text"


def _reach_any_key(term: Terminal) -> None:
    term.expect("Question 1 of 1")
    term.answer()
    term.expect("Press any key to see your score…")


PLAY = ("play", "--count", "1")
INTERRUPTS = {
    "menu": ((), _reach_menu),
    "level prompt": ((*PLAY, "--name", "Ada"), _reach_level),
    "name prompt": ((*PLAY, "--difficulty", "easy"), _reach_name),
    "select question": ((*PLAY, "--difficulty", "easy", "--name", "Ada", "--category", "pick"),
                        _reach_select),
    "text question": ((*PLAY, "--difficulty", "easy", "--name", "Ada", "--category", "words"),
                      _reach_text),
    "number question": ((*PLAY, "--difficulty", "easy", "--name", "Ada",
                         "--category", "numbers"), _reach_text),
    "select question, no timer": ((*PLAY, "--difficulty", "easy", "--name", "Ada",
                                   "--category", "pick", "--no-timer"), _reach_select),
    "text question, no timer": ((*PLAY, "--difficulty", "easy", "--name", "Ada",
                                 "--category", "words", "--no-timer"), _reach_text),
    "press any key": ((*PLAY, "--difficulty", "easy", "--name", "Ada", "--category", "truth"),
                      _reach_any_key),
}


@pytest.mark.parametrize("where", list(INTERRUPTS))
def test_ctrl_c_abandons_the_game(where: str, spawn: Spawn, home: Path,
                                  kinds_bank: Path) -> None:
    args, reach = INTERRUPTS[where]
    term = spawn(*args, *(("--bank", str(kinds_bank)) if args else ()))
    reach(term)
    before = len(term.raw)

    term.send(CTRL_C)
    term.expect(ABANDONED_MESSAGE)
    assert term.finish() == 130

    assert "Traceback" not in term.plain
    assert "KeyboardInterrupt" not in term.plain
    assert "Game over" not in term.plain
    if HIDE_CURSOR in term.raw:
        assert SHOW_CURSOR in term.raw[before:], "the cursor was left hidden"
        assert term.raw.rfind(SHOW_CURSOR) > term.raw.rfind(HIDE_CURSOR)
        assert not term.screen.cursor.hidden
    if "\x1b[?2004h" in term.raw:  # bracketed paste must be switched off again
        assert term.raw.rfind("\x1b[?2004l") > term.raw.rfind("\x1b[?2004h")
    assert saved_scores(home) == []


@pytest.mark.parametrize("with_scores", [True, False], ids=["saved game", "empty"])
def test_high_scores_screen(with_scores: bool, spawn: Spawn, home: Path,
                            kinds_bank: Path) -> None:
    if with_scores:
        done = run_quiz(home, "play", "--plain", "--count", "4", "--difficulty",
                        "easy", "--name", "Zoe", "--seed", "3",
                        input="1\n" * 10)  # the built-in quiz: the menu shows its tables
        assert done.returncode == 0, done.stderr
    rows = saved_scores(home)
    assert len(rows) == (1 if with_scores else 0)

    term = spawn()
    pick_menu(term, "High scores", arrows=False)
    term.expect("? What would you like to do? High scores")
    if with_scores:
        score = rows[0]["score"]
        term.expect("High scores")
        term.wait(lambda: any(re.search(rf"\b1\s+Zoe\s+easy\s+{score}\s+\d+/4\b", line)
                              for line in term.lines()), f"Zoe's row with {score} points")
    else:
        term.expect("No scores yet")
    pick_menu(term, "Quit", arrows=False)
    assert term.finish() == 0
    assert "Game over" not in term.plain
    assert "Traceback" not in term.plain


def test_markup_is_shown_literally(spawn: Spawn, home: Path, tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "markup.toml", [
        question("m-1", "true_false", "Is [bold]this[/bold] shown as typed?", True,
                 explanation="Yes: [i]markup[/i] stays text."),
        question("m-2", "choice", "Pick the [red]red[/red] one:", "[red]Red[/]",
                 choices=["[red]Red[/]", "[blue]Blue[/]", ":smile: [link=https://x.y]z[/link]"]),
    ])
    term = spawn("play", "--bank", str(bank), "--difficulty", "easy", "--seed", "1")
    term.expect("What's your name?")
    term.wait_text_prompt("What's your name?")
    term.send(MARKUP_NAME + ENTER)
    term.expect(f"Good luck, {MARKUP_NAME}! 2 questions.")

    shown: set[str] = set()
    for n in (1, 2):
        term.expect(f"Question {n} of 2")
        term.wait(term.answer_prompt, "an answer prompt")
        shown.update(term.lines())
        term.answer()
        term.wait_screen("Source:")
        shown.update(term.lines())
        term.send(" ")
    screen_text = "\n".join(shown)
    for literal in ("Is [bold]this[/bold] shown as typed?", "Pick the [red]red[/red] one:",
                    "[red]Red[/]", "[blue]Blue[/]", ":smile: [link=https://x.y]z[/link]",
                    "Yes: [i]markup[/i] stays text."):
        assert literal in screen_text, literal

    term.expect("Game over")
    term.expect(f"Well played, {MARKUP_NAME}!")
    term.past_review()
    term.wait(lambda: any(re.search(rf"\b1\s+{re.escape(MARKUP_NAME)}\s+easy\s", line)
                          for line in term.lines()), "the literal name in the table")
    assert term.finish() == 0
    assert [r["name"] for r in saved_scores(home, bank)] == [MARKUP_NAME]


def test_menu_language_switch_redraws_and_is_remembered(spawn: Spawn, home: Path) -> None:
    term = spawn()
    pick_menu(term, "Language / Idioma: English", arrows=True)
    term.wait_screen(") Language / Idioma: Español")  # the menu drawn again, in Spanish
    settings = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert settings["language"] == "es"
    term.send(CTRL_C)
    term.finish()
    again = spawn()  # a later start on this machine
    again.wait_screen(") Language / Idioma: Español")
    assert "Traceback" not in again.plain
    again.send(CTRL_C)
    again.finish()
