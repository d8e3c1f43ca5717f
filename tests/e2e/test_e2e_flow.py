"""End-to-end: a whole menu game in small terminals, read off the screen at the end.

The player's name, score and right answers must be visible whenever the game waits: on the
summary, on every review page (paged to fit), and on the last screen under which the menu asks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from quizterm import (  # noqa: F401  (fixtures)
    ENTER,
    Spawn,
    Terminal,
    complete_boxes,
    home,
    run_quiz,
    saved_scores,
    spawn,
)

REVIEW_KEYS = ("Press any key for your review…", "Press any key for more…",
               "Press any key to go on…")


def squashed(term: Terminal) -> str:
    """The screen as one line without spaces (wrapped text joins up again)."""
    return "".join(term.lines()).replace(" ", "")


def menu_is_waiting(term: Terminal) -> bool:
    return "Whatwouldyouliketodo?" in squashed(term) and "»1)Play" in squashed(term)


def answer_all(term: Terminal) -> int:
    """Answer every question of the game with the first option (or 12); how many there were."""
    total = int(term.expect(re.compile(r"Question 1 of (\d+)"))[1])
    for n in range(1, total + 1):
        term.wait_screen(f"Question {n} of {total}")
        term.answer()
        term.expect("Press any key to see your score…" if n == total
                    else "Press any key for the next one…")
        term.send(" ")
    return total


def through_the_end(term: Terminal, name: str, total: int) -> list[str]:
    """From the summary to the menu, checking name, score and right answers at each wait."""
    term.wait(lambda: "Score:" in term.display() or menu_is_waiting(term), "the summary")
    screens = []
    while not menu_is_waiting(term):
        term.wait(lambda: menu_is_waiting(term) or any(k in term.display() for k in REVIEW_KEYS),
                  "a key prompt or the menu")
        screens.append(term.display())
        if menu_is_waiting(term):
            break
        if "Score:" in term.display():  # the summary screen before the review
            assert name in term.display() and "Right answers:" in term.display()
        term.send(" ")
        term.wait(lambda before=screens[-1]: term.display() != before, "the next screen")
    final = term.display()
    assert name in final, final
    assert re.search(r"Score: \d+ points", final), final
    assert re.search(rf"Right answers: \d+ of {total}\b", final), final
    assert complete_boxes(term.lines()) == [], final
    return screens


@pytest.mark.parametrize(("cols", "rows"), [(100, 24), (40, 20), (100, 30)])
def test_menu_game_ends_with_name_score_and_right_answers_on_screen(
        spawn: Spawn, home: Path, cols: int, rows: int) -> None:
    term = spawn(cols=cols, rows=rows)
    term.expect("What would you like to do?")
    term.wait_screen("» 1) Play")
    term.send(ENTER)
    term.expect("Pick a level:")
    term.wait(lambda: "for kids who have seen the trailer" in squashed(term).replace("", "")
              or "forkidswhohaveseenthetrailer" in squashed(term), "the level descriptions")
    term.send(ENTER)
    term.wait_text_prompt("What's your name?")
    term.send("Mia" + ENTER)
    total = answer_all(term)
    through_the_end(term, "Mia", total)
    # The remembered name is offered next time, with "Someone new".
    term.send(ENTER)
    term.expect("Pick a level:")
    term.send(ENTER)
    term.expect("Who's playing?")
    term.wait(lambda: "Someonenew" in squashed(term), "the 'Someone new' choice")
    term.send("\x03")
    assert term.finish() == 130
    assert [r["name"] for r in saved_scores(home)] == ["Mia"]


def test_double_enter_does_not_answer_the_next_question(spawn: Spawn, home: Path) -> None:
    term = spawn("play", "--count", "3", "--name", "Bo", "--difficulty", "easy", "--seed", "4",
                 rows=30, cols=100)
    term.wait_screen("Question 1 of 3")
    term.answer()
    term.expect("Press any key for the next one…")
    term.send(ENTER + ENTER)  # the second Enter lands on question 2's prompt
    term.wait_screen("Question 2 of 3")
    term.wait(term.answer_prompt, "question 2 waiting for an answer")
    assert "Press any key" not in term.display()
    term.answer()
    term.expect("Press any key for the next one…")
    assert "Question 2 of 3" in term.plain[term.plain.rfind("Question"):]


def test_feedback_after_an_answer_waits_for_a_key(spawn: Spawn, home: Path) -> None:
    term = spawn("play", "--count", "2", "--name", "Bo", "--difficulty", "easy",
                 "--time-limit", "2", rows=30, cols=100)
    term.wait_screen("Question 1 of 2")
    term.answer()
    term.expect("Press any key for the next one…")
    # A timed game's time's-up pause is at most 2 s here; an answered question outlasts it.
    with pytest.raises(BaseException, match="timed out"):
        term.wait(lambda: "Question 2 of 2" in term.display(), "question 2", timeout=4)
    term.send(" ")
    term.wait_screen("Question 2 of 2")


def test_plain_end_of_game_keeps_the_summary_last(home: Path) -> None:
    done = run_quiz(home, "play", "--count", "3", "--name", "Ada", input="1\n" * 10)
    assert done.returncode == 0, done.stderr
    review = done.stdout.find("Let's review")
    summary = done.stdout.rfind("Well played, Ada!")
    assert -1 < review < summary < done.stdout.find("High scores")
