"""Replay modes through the command line (plain mode)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run, saved


def ids_played(out: str) -> list[str]:
    return re.findall(r"Question \d+ of \d+", out)


def test_practice_with_nothing_to_practise() -> None:
    code, out, _ = run("practice", "--name", "Ada", input="")
    assert code == 0 and "Nothing to practise, Ada!" in out


def test_missed_questions_come_back_until_retired(toml_bank: Path) -> None:
    # Miss the one medium question (true_false, answer true), then practise it.
    run("play", "--bank", str(toml_bank), "--difficulty", "medium", "--name", "Ada",
        input="n\n")
    for attempt in range(3):
        code, out, _ = run("practice", "--name", "Ada", "--bank", str(toml_bank), input="y\n")
        assert code == 0 and "The film came out on Netflix." in out
        assert ("still to practise" in out) == (attempt < 2)
    code, out, _ = run("practice", "--name", "Ada", "--bank", str(toml_bank), input="")
    assert "Nothing to practise" in out


def test_daily_once_per_day_with_share_card_and_streak() -> None:
    code, out, _ = run("daily", "--name", "Ada", "--date", "2026-03-01", input="1\n" * 10)
    assert code == 0 and out.count("Question") >= 5 and "Question 5 of 5" in out
    card = re.search(r"heroes-quiz daily 2026-03-01  (\d)/5  ([🟩🟥]{5})  streak 1", out)
    assert card is not None
    code, again, _ = run("daily", "--name", "Ada", "--date", "2026-03-01", input="")
    assert code == 0 and "already played" in again and card.group(0) in again
    assert "Question" not in again
    code, out, _ = run("daily", "--name", "Ada", "--date", "2026-03-02", input="1\n" * 10)
    assert "streak 2" in out
    rows = json.loads(run("scores", "--mode", "daily", "--json")[1])
    assert len(rows) == 2 and rows[0]["mode"] == "daily"


def test_daily_is_the_same_for_everyone() -> None:
    first = run("daily", "--name", "Ada", "--date", "2026-05-05", input="2\n" * 10)[1]
    second = run("daily", "--name", "Bo", "--date", "2026-05-05", input="2\n" * 10)[1]
    assert first.split("Well played")[0].replace("Ada", "Bo") == \
        second.split("Well played")[0]


def test_daily_bad_date_is_a_usage_error() -> None:
    assert run("daily", "--date", "March 1st", input="")[0] == 2


def test_party_three_players() -> None:
    code, out, _ = run("party", "--players", "Ada,Bo,Cy", "--rounds", "2", input="1\n" * 30)
    assert code == 0
    for name in ("Ada, your turn!", "Bo, your turn!", "Cy, your turn!",
                 "Standings after round 1", "Final standings", "Podium"):
        assert name in out
    assert re.search(r"Let's review — (Ada|Bo|Cy)", out)  # "1" misses some question
    assert re.search(r"\w+( and \w+)* wins?!", out)
    rows = json.loads(run("scores", "--mode", "party", "--json")[1])
    assert sorted(r["name"] for r in rows) == ["Ada", "Bo", "Cy"]


@pytest.mark.parametrize("players", ["Ada", "A,B,C,D,E,F,G", "Ada,ADA"])
def test_party_player_count_is_checked(players: str) -> None:
    code, out, err = run("party", "--players", players, input="")
    assert code == 2 and "--players" in out + err


def test_play_prefers_questions_not_seen_before() -> None:
    first = run("play", "--name", "Ada", "--count", "10", input="1\n" * 30)[1]
    second = run("play", "--name", "Ada", "--count", "10", input="1\n" * 30)[1]
    prompts = [set(re.findall(r"│  (\S.*?)\s+│", o.split("Game over")[0])) for o in (first, second)]
    questions = [{p for p in ps if p.endswith(("?", "."))} for ps in prompts]
    assert questions[0] and not questions[0] & questions[1]


def test_stats_json_keys() -> None:
    run("play", "--name", "Ada", "--count", "3", input="1\n" * 10)
    code, out, _ = run("stats", "--name", "Ada", "--json")
    data = json.loads(out)
    assert code == 0 and data["games"] == 1
    assert {"categories", "difficulties", "games", "best_streak"} <= set(data)
    code, out, _ = run("stats", "--name", "Nobody")
    assert code == 0 and "No games yet" in out


def test_bank_new_then_check_then_play(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    code, out, _ = run("bank", "new", str(path))
    assert code == 0 and path.exists()
    assert run("bank", "check", str(path))[0] == 0
    code, out, _ = run("play", "--bank", str(path), "--difficulty", "easy", "--count", "2",
                       input="Cat\nn\nCat\nn\n")  # either order: a line that fits is re-asked
    assert code == 0 and "Right answers: 2 of 2" in out
    code, out, _ = run("play", "--bank", str(path), "--difficulty", "medium", input="pupy\n")
    assert "Right answers: 1 of 1" in out and "it's spelled Puppy" in out
    code, out, _ = run("play", "--bank", str(path), "--difficulty", "hard", input="8\n")
    assert "Right answers: 1 of 1" in out
    code, _, err = run("bank", "new", str(path))
    assert code == 1 and "already exists" in err


def test_plain_timer_moves_on_by_itself(toml_bank: Path, quiz_home: Path) -> None:
    exe = Path(sys.executable).parent / "heroes-quiz"
    if not exe.exists():
        pytest.skip("heroes-quiz is not installed next to this interpreter")
    proc = subprocess.Popen(
        [str(exe), "play", "--plain", "--time-limit", "1", "--bank", str(toml_bank),
         "--difficulty", "easy", "--count", "2", "--name", "Idle"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()  # stdin stays open and silent: only the timer can move on
    assert proc.wait(timeout=30) == 0
    assert proc.stdin is not None
    proc.stdin.close()
    assert out.count("TIME'S UP") == 2 and "Game over" in out
    rows = json.loads(run("scores", "--json", "--bank", str(toml_bank))[1])
    assert rows[0]["name"] == "Idle" and saved() == []  # the bank's own table


def test_daily_on_the_first_date_there_is() -> None:
    code, out, _ = run("daily", "--name", "Ada", "--date", "0001-01-01", input="1\n" * 10)
    assert code == 0 and "heroes-quiz daily 0001-01-01" in out and "streak 1" in out


def test_trophies_name_the_table_the_game_is_in(toml_bank: Path) -> None:
    code, out, _ = run("daily", "--name", "Ada", "--date", "2026-04-01", "--bank",
                       str(toml_bank), input="Pedro Pascal\ny\nHolbrook\n44\n" * 4)
    assert code == 0 and "on the daily table" in out and "on the mixed table" not in out
    run("play", "--bank", str(toml_bank), "--difficulty", "medium", "--name", "Bo",
        input="n\n")
    code, out, _ = run("practice", "--name", "Bo", "--bank", str(toml_bank), input="y\n")
    assert code == 0 and "Right answers: 1 of 1" in out and "New high score" not in out


def test_party_messages_name_the_bank(toml_bank: Path) -> None:
    code, _, err = run("party", "--players", "Ada,Bo,Cy", "--difficulty", "hard", "--bank",
                       str(toml_bank), input="")
    assert code == 1 and str(toml_bank) in err and "not enough hard questions" in err


def test_a_second_skip_is_refused_with_a_hint(toml_bank: Path) -> None:
    code, out, _ = run("play", "--bank", str(toml_bank), "--category", "cast", "--count", "2",
                       "--difficulty", "mixed", "--seed", "1",
                       input="skip\nskip\nBoyd Holbrook\n")  # seed 1: the choice comes first
    assert code == 0 and "SKIPPED" in out
    assert "No skip left this game — type an answer." in out and "Right answers: 1 of 2" in out


@pytest.mark.parametrize("limit", ["nan", "NaN", "inf", "0", "-5", "3601"])
def test_a_time_limit_that_is_not_seconds_is_refused(toml_bank: Path, limit: str) -> None:
    # nan passed the 1-3600 range (comparisons with nan are false) and timed out every question.
    for cmd, who in (("play", ("--name", "Al")), ("party", ("--players", "Al,Bo"))):
        code, _, err = run(cmd, "--plain", "--time-limit", limit, "--bank", str(toml_bank),
                           *who, input="1\n")
        assert code == 2 and "Invalid value for '--time-limit'" in err
    assert saved() == []
