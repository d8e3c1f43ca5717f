"""Project promises: README's commands, CI, and the bank inside the installed package."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import heroes_quiz
from heroes_quiz import bank

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_play_and_test_commands() -> None:
    play, test = readme_commands()[:2]
    assert play.endswith("pip install . && heroes-quiz")
    assert "pip install '.[test]'" in test and test.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


def test_installed_command_finds_the_bank_from_any_folder(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "heroes-quiz"
    if not exe.exists():
        pytest.skip("heroes-quiz is not installed next to this interpreter")
    done = subprocess.run([str(exe), "bank", "check"], cwd=tmp_path, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"OK, \d{3} questions", done.stdout)


def test_a_wheel_install_carries_the_bank_inside_the_package() -> None:
    package = Path(heroes_quiz.__file__).resolve().parent
    if package.parent == ROOT:
        pytest.skip("running from the source tree (editable install)")
    assert bank.builtin_dir() == package / "data"
    assert len(list((package / "data").glob("*.toml"))) >= 4


def test_the_wheels_compiled_bank_equals_the_validated_toml() -> None:
    package = Path(heroes_quiz.__file__).resolve().parent
    if not (package / "data" / bank.COMPILED).exists():
        pytest.skip("no compiled bank: running from the source tree (editable install)")
    assert bank.load().questions == bank.load(strict=True).questions
