"""The command line, driven through typer's CliRunner (plain mode: stdin is not a TTY)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import strip_ansi
from typer.testing import CliRunner

from heroes_quiz import __version__
from heroes_quiz.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    return result.exit_code, strip_ansi(result.stdout), strip_ansi(result.stderr)


def saved() -> list[dict[str, object]]:
    code, out, _ = run("scores", "--json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"heroes-quiz {__version__}"


@pytest.mark.parametrize(("args", "absent"), [
    (["--version"], ("rich", "questionary", "prompt_toolkit", "rapidfuzz")),
    (["--help"], ("questionary", "prompt_toolkit")),
    (["play", "--help"], ("questionary", "prompt_toolkit")),
])
def test_start_up_imports_stay_light(args: list[str], absent: tuple[str, ...]) -> None:
    code = (f"import sys; sys.argv = ['heroes-quiz', *{args!r}]\n"
            "from heroes_quiz.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip().splitlines()[-1]
    for module in absent:
        assert f"'{module}'" not in loaded


def test_plain_game_is_saved_with_name() -> None:
    code, out, _ = run("play", "--plain", "--difficulty", "easy", "--count", "5", "--name", "Ada",
                       input="1\n" * 20)
    assert code == 0
    assert "Question 5 of 5" in out and "Game over" in out and "Ada" in out
    assert "Press any key" not in out
    rows = saved()
    assert rows[0]["name"] == "Ada" and rows[0]["total"] == 5 and rows[0]["difficulty"] == "easy"
    assert {"name", "score", "difficulty", "correct", "total", "played_at"} <= set(rows[0])


def test_plain_defaults_are_easy_and_player() -> None:
    code, out, _ = run("play", "--count", "2", input="1\n" * 10)
    assert code == 0 and "Good luck, Player!" in out
    assert saved()[0]["difficulty"] == "easy"


def test_invalid_input_is_reasked_with_a_hint(toml_bank: Path) -> None:
    code, out, _ = run("play", "--bank", str(toml_bank), "--category", "cast", "--difficulty",
                       "easy", "--count", "1", input="\n9\nabc\n1\n")
    assert code == 0
    assert out.count("Hmm, I didn't get that. Type the number of your answer.") == 3


def test_eof_abandons_without_saving() -> None:
    code, out, err = run("play", "--count", "3", input="1\n")
    assert code == 1
    assert "Game abandoned" in err and "No score was saved" in err
    assert "Game over" not in out
    assert saved() == []


@pytest.mark.parametrize("args", [
    ["play", "--count", "0"], ["play", "--count", "-5"], ["play", "--count", "x"],
    ["play", "--difficulty", "extreme"], ["scores", "--limit", "x"], ["scores", "--limit", "0"],
    ["play", "--category", "nosuch"], ["bank", "export", "--format", "xml"],
])
def test_bad_arguments_are_usage_errors(args: list[str]) -> None:
    code, out, err = run(*args, input="")
    assert code == 2
    assert "Usage" in out + err


def test_more_questions_than_the_bank_holds(toml_bank: Path) -> None:
    code, out, _ = run("play", "--bank", str(toml_bank), "--difficulty", "easy", "--count", "9",
                       input="1\n" * 10)
    assert code == 0
    assert "Only 2 questions match" in out and "Question 2 of 2" in out


def test_zero_questions_after_filtering_is_a_clear_error(toml_bank: Path) -> None:
    code, _, err = run("play", "--bank", str(toml_bank), "--difficulty", "hard",
                       "--category", "release", input="")
    assert code == 1 and "No questions match difficulty hard and category release" in err


def test_same_seed_same_game() -> None:
    args = ("play", "--seed", "7", "--count", "4", "--difficulty", "mixed")
    def game(*args: str) -> str:
        return run(*args, input="2\n" * 10)[1].split("Game over")[0]

    first = game(*args)
    assert first == game(*args) and "Question 4 of 4" in first
    assert game("play", "--seed", "8", "--count", "4", "--difficulty", "mixed") != first


def test_typo_is_forgiven_and_named(toml_bank: Path) -> None:
    code, out, _ = run("play", "--bank", str(toml_bank), "--difficulty", "hard", "--count", "1",
                       input="boyd holdbrook\n")
    assert code == 0 and "accepted — it's spelled Boyd Holbrook" in out


def test_markup_in_names_is_shown_literally() -> None:
    name = "[bold red]Boo[/] :smile: \\"
    code, out, _ = run("play", "--count", "1", "--name", name, input="1\n1\n")
    assert code == 0 and "[bold red]Boo[/] :smile:" in out
    code, out, _ = run("scores")
    assert "[bold red]Boo[/] :smile:" in out


def test_unwritable_location_still_plays(quiz_home: Path) -> None:
    quiz_home.parent.mkdir(parents=True, exist_ok=True)
    quiz_home.write_text("a file where a folder should be")
    code, out, _ = run("play", "--count", "2", input="1\n" * 5)
    assert code == 0 and "Game over" in out and "Your score was not saved" in out


def test_corrupt_score_file_is_moved_and_reported(quiz_home: Path) -> None:
    quiz_home.mkdir(parents=True)
    (quiz_home / "scores.db").write_bytes(b"garbage" * 1000)
    code, out, _ = run("play", "--count", "1", "--name", "Ada", input="1\n1\n")
    assert code == 0 and "damaged" in out and "scores.db.corrupt-" in out
    assert [r["name"] for r in saved()] == ["Ada"]


def test_scores_table_and_empty_state() -> None:
    code, out, _ = run("scores")
    assert code == 0 and "No scores yet" in out
    run("play", "--count", "2", "--name", "Zed", input="1\n" * 5)
    code, out, _ = run("scores", "--difficulty", "easy")
    assert code == 0 and "Zed" in out and "High scores" in out


def test_bank_check_builtin_and_broken(tmp_path: Path) -> None:
    code, out, _ = run("bank", "check")
    assert code == 0 and "OK" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('[[question]]\nid = "b-1"\nkind = "choice"\n', encoding="utf-8")
    code, _, err = run("bank", "check", str(bad))
    assert code == 1
    assert f"{bad}: question b-1: 'prompt' must be non-empty text" in err


def test_bank_export_json_and_opentdb(toml_bank: Path) -> None:
    code, out, _ = run("bank", "export", "--format", "json", "--bank", str(toml_bank))
    items = json.loads(out)
    assert code == 0 and [i["id"] for i in items] == ["t-1", "t-2", "t-3", "t-4"]
    code, out, err = run("bank", "export", "--format", "opentdb", "--bank", str(toml_bank))
    doc = json.loads(out)
    assert code == 0 and len(doc["results"]) == 2 and "skipped 2" in err


def test_bank_list_counts(toml_bank: Path) -> None:
    code, out, _ = run("bank", "list", "--bank", str(toml_bank))
    assert code == 0 and "4 questions" in " ".join(out.split()) and "cast" in out
    code, out, _ = run("bank", "list", "--bank", str(toml_bank), "--difficulty", "easy")
    assert "2 questions" in " ".join(out.split())


def test_menu_in_plain_mode(toml_bank: Path) -> None:
    code, out, _ = run(input="2\n3\n")
    assert code == 0 and "What would you like to do?" in out and "No scores yet" in out
    code, out, _ = run(input="")
    assert code == 0


def test_menu_language_entry_switches_remembers_and_redraws(quiz_home: Path) -> None:
    from heroes_quiz import i18n, settings

    code, out, _ = run(input="4\n5\n")  # Language / Idioma, then Quit (still last)
    assert code == 0
    assert "4. Language / Idioma: English" in out and "4. Language / Idioma: Español" in out
    assert settings.get(i18n.SETTING) == "es" and i18n.language() == "es"
    redrawn = out[out.index("Language / Idioma: English"):]
    assert f"1. {i18n._('Play')}" in redrawn and f"5. {i18n._('Quit')}" in redrawn
    code, out, _ = run(input="4\n5\n")  # and back
    assert code == 0 and settings.get(i18n.SETTING) == "en"
