"""End-to-end in pseudo-terminals: colour settings, odd TERM values, tiny and huge sizes, and
the game when only one of stdin/stdout is a terminal.

Every wait is on output (quizterm.Terminal.wait, with timeouts); HEROES_QUIZ_HOME is a tmp dir.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import quizterm
from quizterm import (  # noqa: F401  (fixtures)
    ABANDONED,
    ARROW_HINT,
    ENTER,
    POINTER,
    Spawn,
    Terminal,
    cells,
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

EOF_KEY = "\x04"  # Ctrl-D at the start of a line: end of input for a terminal in line mode
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
EOF_MESSAGE = "Game abandoned: the input ended. No score was saved."


@pytest.fixture
def short_bank(tmp_path: Path) -> Path:
    """Three easy questions: a choice, a true/false and a number (select and text prompts)."""
    return write_bank(tmp_path / "short.toml", [
        question("s-choice", "choice", "Which colour is a ripe banana?", "Yellow",
                 choices=["Yellow", "Blue", "Purple"]),
        question("s-bool", "true_false", "Snow is cold.", True),
        question("s-number", "number", "How many legs does a spider have?", 8, tolerance=0),
    ])


@pytest.fixture
def select_bank(tmp_path: Path) -> Path:
    """Two short select-only questions, for terminals too small to show a text box's label."""
    return write_bank(tmp_path / "select.toml", [
        question("t-choice", "choice", "Two plus two?", "4", choices=["4", "5", "6"]),
        question("t-bool", "true_false", "Snow is cold.", True),
    ])


def game(bank: Path, *extra: str) -> tuple[str, ...]:
    return ("play", "--bank", str(bank), "--difficulty", "easy", "--name", "Bo", "--seed", "2",
            *extra)


def prompt_kind(term: Terminal) -> str | None:
    """Like Terminal.answer_prompt, but also when the prompt line wraps in a narrow terminal:
    'select' once a select is drawn, 'text' once a text box waits with the cursor after it."""
    lines = term.lines()
    squashed = "".join(lines).replace(" ", "")
    if "Youranswer:" not in squashed:
        return None
    first = next((n for n, line in enumerate(lines) if POINTER.match(line)), None)
    if first is not None:  # the label above the options shows once the prompt has settled
        above = "".join(lines[max(0, first - 4):first]).replace(" ", "")
        return "select" if ARROW_HINT.replace(" ", "") in squashed and "Youransw" in above \
            else None
    line = term.cursor_line()
    # The label shows once the prompt has settled (keys before then are ignored); it may wrap.
    near = "".join(lines[max(0, term.screen.cursor.y - 2):term.screen.cursor.y + 1])
    ready = not term.screen.cursor.hidden and line.strip() and term.screen.cursor.x >= cells(line)
    return "text" if ready and "Youranswer:" in near.replace(" ", "") else None


def answer(term: Terminal) -> None:
    """Answer the question showing: the first option, or 12 typed."""
    kind = term.wait(lambda: prompt_kind(term), "an answer prompt")
    term.send("1" + ENTER if kind == "select" else "12" + ENTER)


def play_to_the_end(term: Terminal, total: int) -> int:
    """Answer every question (the first option, or 12 typed), then wait for the exit code."""
    for n in range(1, total + 1):
        term.expect(f"Question {n} of {total}")
        answer(term)
        term.expect("Press any key")
        term.send(" ")
    term.expect("Game over")
    term.past_review()
    code = term.finish()
    assert "Traceback" not in term.plain
    return code


def colour_parameters(raw: str) -> list[str]:
    """SGR parameters that set a colour: 30-49, 90-107, or extended (38;…/48;…)."""
    found = []
    for sequence in SGR.findall(raw):
        params = re.split("[;:]", sequence)
        numbers = [int(p) for p in params if p.isdigit()]
        if {38, 48} & set(numbers) or any(30 <= n <= 49 or 90 <= n <= 107 for n in numbers):
            found.append(sequence)
    return found


# -- D. colour settings and TERM -----------------------------------------------------------------

@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"NO_COLOR": "1", "FORCE_COLOR": "1"}],
                         ids=["NO_COLOR", "NO_COLOR+FORCE_COLOR"])
def test_no_color_means_no_colour_codes(spawn: Spawn, home: Path, short_bank: Path,
                                        env: dict[str, str]) -> None:
    term = spawn(*game(short_bank), env=env)
    assert play_to_the_end(term, 3) == 0
    assert colour_parameters(term.raw) == []
    assert SGR.search(term.raw), "bold and the like may stay"
    assert "✓ RIGHT!" in term.plain or "✗ NOT QUITE" in term.plain  # words, not only colour
    assert [r["name"] for r in saved_scores(home, short_bank)] == ["Bo"]


@pytest.mark.parametrize("env", [
    {"FORCE_COLOR": "0"}, {"TERM": "dumb"}, {"TERM": None}, {"TERM": "vt100"},
], ids=["FORCE_COLOR=0", "TERM=dumb", "no TERM", "TERM=vt100"])
def test_game_runs_whatever_the_terminal_says(spawn: Spawn, home: Path, short_bank: Path,
                                              env: dict[str, str | None]) -> None:
    term = spawn(*game(short_bank), env=env)
    assert play_to_the_end(term, 3) == 0
    term.wait_screen("High scores")
    assert [r["name"] for r in saved_scores(home, short_bank)] == ["Bo"]


# -- D. sizes ------------------------------------------------------------------------------------

def test_30_columns_game_and_score_list(spawn: Spawn, home: Path, short_bank: Path) -> None:
    term = spawn(*game(short_bank), rows=80, cols=30)  # tall: the whole end stays on screen
    assert play_to_the_end(term, 3) == 0
    final = term.lines()
    assert complete_boxes(final) == [], term.display()
    assert widest_box_row(term.plain) <= 30
    at = next(n for n, line in enumerate(final) if line == "High scores")
    listing = final[at:]
    assert listing[1] == "1. Bo", term.display()
    assert re.match(r"\s+\d+ pts · \d/3 · easy ·", listing[2]), term.display()
    assert not any("Level" in line or "━" in line for line in listing)  # a list, not a table


def test_30_columns_scores_command_keeps_long_names_whole(spawn: Spawn, home: Path,
                                                          short_bank: Path) -> None:
    long_name = "Maximiliana Esperanza Q"  # 23 characters
    for name in (long_name, "Bo"):
        done = run_quiz(home, "play", "--bank", str(short_bank), "--difficulty", "easy",
                        "--name", name, input="1\n" * 3)
        assert done.returncode == 0, done.stderr
    term = spawn("scores", "--bank", str(short_bank), rows=30, cols=30)
    term.expect("High scores")
    assert term.finish() == 0
    lines = term.lines()
    for name in (long_name, "Bo"):  # each name whole on its own line, after its rank
        assert any(re.fullmatch(rf"[12]\. {name}", line) for line in lines), term.display()
    assert not any("Level" in line or "━" in line for line in lines)
    assert "Traceback" not in term.plain


def test_12_columns_4_rows(spawn: Spawn, home: Path, select_bank: Path) -> None:
    term = spawn(*game(select_bank), rows=4, cols=12)

    def squashed() -> str:
        return "".join(term.lines()).replace(" ", "")

    for n in (1, 2):
        term.expect("Questio")  # the panel title is cut at 12 columns
        term.wait(lambda: any(POINTER.match(line) for line in term.lines())
                  and "Youransw" in squashed(), f"question {n}")  # drawn once it has settled
        term.send("1" + ENTER)
        term.wait(lambda: "Pressanykey" in squashed(), "the press-any-key prompt")
        term.send(" ")
    term.past_review()
    assert term.finish() == 0
    assert "Traceback" not in term.plain
    assert [(r["name"], r["total"]) for r in saved_scores(home, select_bank)] == [("Bo", 2)]


def test_250_columns(spawn: Spawn, home: Path, short_bank: Path) -> None:
    term = spawn(*game(short_bank), rows=60, cols=250)
    assert play_to_the_end(term, 3) == 0
    final = term.lines()
    assert complete_boxes(final) == [], term.display()
    assert widest_box_row(term.plain) <= 250
    score = saved_scores(home, short_bank)[0]["score"]
    assert any(re.search(rf"\b1\s+Bo\s+easy\s+{score}\s+\d/3\b", line) for line in final)


# -- C. only one side is a terminal --------------------------------------------------------------

@pytest.mark.parametrize("redirect", ["echo |", "< /dev/null"])
def test_no_input_terminal_abandons(spawn: Spawn, home: Path, redirect: str) -> None:
    quiz = quizterm.QUIZ
    command = f'echo | "{quiz}" play' if redirect == "echo |" else f'"{quiz}" play < /dev/null'
    term = spawn(shell=command)
    term.expect(EOF_MESSAGE)
    assert term.finish() == 1
    assert "Question 1 of 10" in term.plain and ARROW_HINT not in term.plain
    assert "Game over" not in term.plain and "Traceback" not in term.plain
    assert saved_scores(home) == []


def _prompt_count(term: Terminal) -> int:
    return term.plain.count(" > ")


def test_output_piped_to_cat_asks_numbered_questions(spawn: Spawn, home: Path,
                                                     short_bank: Path) -> None:
    term = spawn(shell=f'set -o pipefail; "{quizterm.QUIZ}" {" ".join(game(short_bank))} | cat')
    for n in (1, 2, 3):
        term.expect(f"Question {n} of 3")
        term.wait(lambda n=n: _prompt_count(term) >= n, f"prompt {n}")
        term.send("1\r")
    term.expect("Game over")
    assert term.finish() == 0
    assert re.search(r"│\s+1\. (Yellow|Blue|Purple)\s", term.plain)
    assert ARROW_HINT not in term.plain and "Press any key" not in term.plain
    assert [(r["name"], r["total"]) for r in saved_scores(home, short_bank)] == [("Bo", 3)]


def test_output_piped_to_cat_waits_for_every_line(spawn: Spawn, home: Path,
                                                  short_bank: Path) -> None:
    term = spawn(shell=f'set -o pipefail; "{quizterm.QUIZ}" {" ".join(game(short_bank))} | cat')
    term.expect("Question 1 of 3")
    term.wait(lambda: _prompt_count(term) >= 1, "the first prompt")
    term.send("1\r")
    term.expect("Question 2 of 3")
    term.wait(lambda: _prompt_count(term) >= 2, "the second prompt")
    term.send(EOF_KEY)  # had question 2 been answered by itself, the game would be over
    term.expect(ABANDONED)
    assert term.finish() == 1
    assert "Question 3 of 3" not in term.plain and "Game over" not in term.plain
    assert saved_scores(home) == []
