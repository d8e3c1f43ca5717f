"""Replay modes in a real terminal: the live countdown and a hot-seat party."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from quizterm import (  # noqa: F401  (fixtures)
    Spawn,
    Terminal,
    home,
    question,
    require_quiz,
    run_quiz,
    saved_scores,
    spawn,
    write_bank,
)


@pytest.fixture
def small_bank(tmp_path: Path) -> Path:
    """Two easy true/false questions and one typed one."""
    return write_bank(tmp_path / "small.toml", [
        question("s-1", "true_false", "The sky is up.", True),
        question("s-2", "true_false", "Fish can walk to school.", False),
        question("s-3", "text", "Type the word hero.", "hero"),
    ])


def test_countdown_ticks_and_an_idle_game_ends_by_itself(spawn: Spawn, home: Path,
                                                         small_bank: Path) -> None:
    term = spawn("play", "--bank", str(small_bank), "--difficulty", "easy", "--count", "2",
                 "--name", "Idle", "--time-limit", "2")
    first = term.expect(re.compile(r"⏱ (\d+)s"), "a countdown on the answer prompt")
    start = int(first.group(1))
    # It ticks with no key pressed: a lower number appears later on the same prompt.
    term.wait(lambda: any(re.search(rf"⏱ [0-{start - 1}]s", ln) for ln in term.lines()),
              "the countdown to tick down")
    for _ in range(2):
        term.expect("TIME'S UP", "the question to time out on its own")
    term.expect("Game over", "the summary, reached with no key pressed at all")
    term.expect("(time's up)", "the review of the missed questions")
    assert term.finish() == 0
    rows = saved_scores(home, small_bank)
    assert rows[0]["name"] == "Idle" and rows[0]["correct"] == 0 and rows[0]["total"] == 2


def test_no_timer_shows_no_countdown(spawn: Spawn, small_bank: Path) -> None:
    term = spawn("play", "--bank", str(small_bank), "--category", "cast", "--difficulty",
                 "easy", "--count", "1", "--name", "Calm", "--no-timer")
    term.answer("hero")
    term.expect(re.compile(r"RIGHT|NOT QUITE"))
    assert "⏱" not in term.plain
    term.send(" ")
    term.expect("Game over")
    term.past_review()  # a wrong answer has a review page to press through
    assert term.finish() == 0


def test_three_player_party(spawn: Spawn, home: Path) -> None:
    term = spawn("party", "--players", "Ada,Bo,Cy", "--rounds", "2", "--seed", "5",
                 "--difficulty", "easy", rows=40)
    for round_no in (1, 2):
        for name in ("Ada", "Bo", "Cy"):
            term.expect(f"{name}, your turn!")
            term.expect(f"round {round_no} of 2")
            term.send(" ")  # ready
            term.answer()
            term.expect(re.compile(r"RIGHT|NOT QUITE|CLOSE"))
            term.send(" ")
        term.expect("Final standings" if round_no == 2 else "Standings after round 1")
        term.send(" ")
    podium = term.expect(re.compile(r"(\w+(?: and \w+)*) wins?!"), "the podium")
    assert set(podium.group(1).split(" and ")) <= {"Ada", "Bo", "Cy"}
    term.expect("🥇")
    term.expect("Press any key for your review…")  # "1" misses some question
    term.past_review(last="Podium")
    assert term.finish() == 0
    done = run_quiz(home, "scores", "--mode", "party", "--json")
    rows = json.loads(done.stdout)
    assert sorted(r["name"] for r in rows) == ["Ada", "Bo", "Cy"]
    assert all(r["total"] == 2 for r in rows)
