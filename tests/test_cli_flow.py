"""Issue 10's messages through the command line (plain mode), and the pure pieces behind them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from conftest import TOML_BANK, make_question, strip_ansi
from rich.console import Console
from test_cli import run, saved
from test_ui import console, text_of

from heroes_quiz import family, settings
from heroes_quiz.models import Kind, Outcome, Points, ScoreRow, Turn, Verdict
from heroes_quiz.party import Standing
from heroes_quiz.ui import render

MEDIUM_MISS = ("play", "--difficulty", "medium", "--name", "Ada")


def test_kid_score_line_and_the_full_sum_with_details(toml_bank: Path) -> None:
    args = ("play", "--bank", str(toml_bank), "--difficulty", "medium", "--name", "Ada")
    out = run(*args, input="y\n")[1]
    assert "+200 points" in out and "Total: 200 points" in out and "base" not in out
    out = run(*args, "--details", input="y\n")[1]
    assert "+200 points" in out and "200 base = 200" in out


@pytest.mark.parametrize(("points", "verdict", "streak", "timed", "words"), [
    (Points(100, -10, 20), Verdict(True), 3, True, "+110 points · fast! · streak ×3"),
    (Points(100, -40), Verdict(True), 1, True, "+60 points"),
    (Points(100, partial=-50), Verdict(True, halved=True), 1, False, "+50 points · half: 50:50"),
    (Points(100, partial=-50), Verdict(False, partial=True), 0, False, "+50 points · half: close"),
    (Points(), Verdict(False), 0, False, "0 points this time"),
])
def test_score_line_words(points: Points, verdict: Verdict, streak: int, timed: bool,
                          words: str) -> None:
    q = make_question()
    turn = Turn(1, 1, q, q.choices, 0, 30.0 if timed else None)
    assert render.score_line(Outcome(turn, verdict, points, 0, 1.0, streak)).plain == words


@pytest.mark.parametrize(("streak", "headline"), [
    (2, "⤼ SKIPPED — your streak is safe"), (0, "⤼ SKIPPED")])
def test_skip_mentions_the_streak_only_when_there_is_one(streak: int, headline: str) -> None:
    q = make_question()
    con = console()
    con.print(render.feedback_panel(Outcome(Turn(1, 1, q, q.choices, 0), Verdict(
        False, skipped=True, given="(skipped)"), Points(), 0, 0.0, streak)))
    shown = text_of(con)
    assert headline in shown and ("streak is safe" in shown) == bool(streak)


def test_number_question_hint_sits_under_the_prompt() -> None:
    q = make_question(kind=Kind.NUMBER, unit="million")
    con = console(40)
    con.print(render.question_panel(Turn(1, 1, q, (), 0), numbered=True))
    lines = [line.strip("│ ") for line in text_of(con).splitlines()]
    assert lines[lines.index("Prompt q1?") + 1] == "Type a number (million)."


def test_hints_move_to_their_own_line_rather_than_split_a_word() -> None:
    hint = "(↑ ↓ or a number, then Enter)"
    assert render.fit_hint("Your answer:", hint, 100) == hint
    assert render.fit_hint("What would you like to do?", hint, 40) == "\n" + hint


def test_practice_explains_three_in_a_row_and_shows_the_boxes(toml_bank: Path) -> None:
    run("play", "--bank", str(toml_bank), "--difficulty", "medium", "--name", "Ada", input="n\n")
    code, out, _ = run("practice", "--name", "Ada", "--bank", str(toml_bank), input="y\n")
    flat = " ".join(out.split())
    assert code == 0 and "Practice for Ada: 1 question this round." in flat
    assert "Each question needs three right answers in a row" in flat
    assert "Box 1: 1 question Box 2: 0 questions Box 3: 0 questions" in flat
    assert "1 question still to practise." in flat and "Box 2: 1 question" in flat
    assert "(s)" not in out and "Practice done" in out and "Game over" not in out


def test_daily_streak_says_days_in_words() -> None:
    run("daily", "--name", "Ada", input="1\n" * 5)
    out = run("stats", "--name", "Ada")[1]
    assert "Daily streak: 1 day" in out and "day(s)" not in out


def test_the_last_player_is_remembered_and_named(toml_bank: Path) -> None:
    run("play", "--bank", str(toml_bank), "--difficulty", "medium", "--name", "Mia", input="n\n")
    assert family.recent_names() == ["Mia"] and family.last_level() == "medium"
    code, out, _ = run("practice", "--bank", str(toml_bank), input="y\n")
    assert code == 0 and "Practice for Mia, the last player here" in " ".join(out.split())
    code, out, _ = run("stats", "--bank", str(toml_bank))
    assert code == 0 and "Stats for Mia, the last player here" in " ".join(out.split())
    data = json.loads(run("stats", "--json", "--bank", str(toml_bank))[1])
    assert data["name"] == "Mia" and data["games"] == 2
    code, out, _ = run("daily", "--date", "2026-01-01", input="1\n" * 5)
    assert "Daily challenge for Mia, the last player here" in " ".join(out.split())


def test_recent_names_most_recent_first_without_duplicates_or_the_default() -> None:
    for name in ("Ada", "Bo", "ada", "Player", "Cy", "D", "E", "F", "G"):
        family.remember_names([name])
    assert family.recent_names() == ["G", "F", "E", "D", "Cy", "ada"]
    settings.put(family.NAMES_KEY, "not a list")
    assert family.recent_names() == [] and family.last_player() is None


def test_own_banks_keep_their_own_tables(toml_bank: Path) -> None:
    code, out, _ = run("play", "--bank", str(toml_bank), "--difficulty", "easy", "--name", "Ada",
                       input="Pedro Pascal\n44\n" * 2)  # either order: a misfit is re-asked
    assert code == 0 and "#1 on the easy table" in out
    assert saved() == []  # not in the built-in quiz's table
    rows = json.loads(run("scores", "--json", "--bank", str(toml_bank))[1])
    assert [r["name"] for r in rows] == ["Ada"]
    assert json.loads(run("stats", "--name", "Ada", "--json")[1])["games"] == 0


def test_a_declared_id_keeps_the_tables_when_the_file_changes(tmp_path: Path) -> None:
    bank = tmp_path / "mine.toml"
    bank.write_text('id = "family-quiz"\n' + TOML_BANK, encoding="utf-8")
    run("play", "--bank", str(bank), "--difficulty", "medium", "--name", "Ada", input="y\n")
    moved = tmp_path / "renamed.toml"
    moved.write_text('id = "family-quiz"\n# edited\n' + TOML_BANK, encoding="utf-8")
    rows = json.loads(run("scores", "--json", "--bank", str(moved), "--difficulty",
                          "medium")[1])
    assert [r["name"] for r in rows] == ["Ada"]
    unnamed = tmp_path / "unnamed.toml"
    unnamed.write_text(TOML_BANK + "# edited\n", encoding="utf-8")
    assert json.loads(run("scores", "--json", "--bank", str(unnamed))[1]) == []


def test_json_wrapper_may_declare_a_title(tmp_path: Path) -> None:
    from heroes_quiz import bank as bank_mod

    items = json.loads(run("bank", "export", "--bank", str(_toml(tmp_path)))[1])
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"title": "Our  Quiz", "questions": items}), encoding="utf-8")
    assert bank_mod.load(path).key == "id:Our Quiz"


def _toml(tmp_path: Path) -> Path:
    path = tmp_path / "b.toml"
    path.write_text(TOML_BANK, encoding="utf-8")
    return path


def test_nothing_matches_names_the_bank_to_list(toml_bank: Path) -> None:
    code, _, err = run("play", "--bank", str(toml_bank), "--difficulty", "hard",
                       "--category", "release", input="")
    assert code == 1 and f"Try `heroes-quiz bank list --bank {toml_bank}`" in err


def test_daily_refuses_a_date_after_today() -> None:
    later = (date.today() + timedelta(days=1)).isoformat()
    code, out, err = run("daily", "--name", "Ada", "--date", later, input="")
    assert code == 2 and err.strip().count("\n") == 0
    assert f"The daily challenge for {later} is not open yet" in err and "Question" not in out


def test_daily_table_shows_the_challenge_date_and_when_it_was_played() -> None:
    run("daily", "--name", "Ada", "--date", "2026-03-01", input="1\n" * 5)
    rows = json.loads(run("scores", "--mode", "daily", "--json")[1])
    assert rows[0]["day"] == "2026-03-01"
    assert rows[0]["played_at"][:10] == datetime.now(UTC).date().isoformat()
    out = run("scores", "--mode", "daily")[1]  # a list, or a table with FORCE_COLOR
    assert "challenge 2026-03-01 · played " in out or "Challenge" in out
    assert "2026-03-01" in out and rows[0]["played_at"][:10] in out
    con = Console(file=StringIO(), width=100, force_terminal=True, color_system=None)
    con.print(render.scores_table([ScoreRow("Ada", 5, "mixed", 1, 5, "2026-03-04T10:00:00",
                                            "daily", 1, "2026-03-01")], con))
    assert "Challenge" in text_of(con) and "2026-03-01" in text_of(con)


def test_podium_says_how_a_tie_was_broken() -> None:
    table = [Standing(1, "Cy", 300, 3, 3, 14.2), Standing(2, "Ada", 300, 3, 3, 19.0)]
    rule = render.tie_rule(table)
    assert rule is not None and rule.plain == "Cy wins on time: 14 s against 19 s."
    close = render.tie_rule([Standing(1, "Cy", 300, 3, 3, 14.2),
                             Standing(2, "Ada", 300, 3, 3, 14.4)])
    assert close is not None and close.plain == "Cy wins on time: 14.2 s against 14.4 s."
    untied = [Standing(1, "Cy", 300, 3, 3, 1), Standing(2, "A", 200, 3, 3, 0)]
    assert render.tie_rule(untied) is None
    con = console()
    con.print(render.podium(table, ["Cy"]))
    assert "Cy wins on time: 14 s against 19 s." in text_of(con)


def test_party_in_plain_mode_is_easy_by_default_and_ranks_like_its_podium() -> None:
    code, out, _ = run("party", "--players", "Ada,Bo", "--rounds", "1", "--seed", "3",
                       input="1\n" * 10)
    assert code == 0 and "Podium" in out
    rows = json.loads(run("scores", "--mode", "party", "--json")[1])
    podium_names = [line.split()[2] for line in strip_ansi(out).splitlines()
                    if line.strip().startswith(("║  🥇", "║  🥈"))]
    assert {r["difficulty"] for r in rows} == {"easy"}
    assert podium_names == [r["name"] for r in rows]


def test_play_help_lists_the_built_in_categories() -> None:
    from heroes_quiz import app

    out = " ".join(run("play", "--help")[1].split())
    assert all(c in out for c in app.builtin_bank().categories())


def test_the_table_is_cut_to_fit_and_keeps_the_players_row() -> None:
    from heroes_quiz.ui import endgame

    con = Console(file=StringIO(), width=100, height=24, force_terminal=True, color_system=None)
    rows = [ScoreRow(f"P{n}", 1000 - n, "easy", 5, 10, "2026-01-01T00:00:00", rank=n)
            for n in range(1, 11)]
    table = endgame.fitted_table(con, rows, 9, 9)
    assert table is not None and endgame.height(con, table) <= 9
    con.print(table)
    shown = text_of(con)
    assert "P1" in shown and "P9" in shown and "P10" not in shown and "P8" not in shown
    assert endgame.fitted_table(con, rows, 9, 2) is None
