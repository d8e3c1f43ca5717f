"""End-to-end: a question left open for a while prints no prompt_toolkit warning.

prompt_toolkit asks the terminal where the cursor is; an answer that arrived while a question
settled (keys ignored for its first moments) was lost, and two seconds later it printed
"WARNING: your terminal doesn't support cursor position requests (CPR)" over the game.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizterm import ENTER, Spawn, home, question, spawn, write_bank  # noqa: F401  (fixtures)


def test_a_slow_answer_shows_no_cursor_position_warning(spawn: Spawn, tmp_path: Path) -> None:
    bank = write_bank(tmp_path / "slow.toml", [
        question("s-1", "number", "How many legs does a cat have?", 4, tolerance=0),
        question("s-2", "true_false", "Cats purr.", True),
    ])
    term = spawn("play", "--bank", str(bank), "--name", "Mia", "--seed", "1",
                 "--difficulty", "easy", "--time-limit", "30", cols=90, rows=30)
    # The countdown passing 26 s means the question has been open longer than the 2 s after
    # which prompt_toolkit gives up on a missing cursor-position answer.
    term.wait(lambda: re.search(r"Your answer:.*⏱ 2[0-6]s", term.display()), "a slow reader")
    term.send("four" + ENTER)
    term.expect(re.compile("(?i)right"), "the feedback")
    assert "CPR" not in term.plain and "cursor position" not in term.plain
