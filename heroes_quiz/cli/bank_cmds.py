"""`bank check`, `bank list`, `bank export` and `bank new`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from heroes_quiz.cli.common import BankOpt, Level, guard


class Format(StrEnum):
    """Export formats."""

    json = "json"
    opentdb = "opentdb"


def check(
    file: Annotated[Path | None, typer.Argument(help="Bank file or folder (default: built-in).")]
    = None,
) -> None:
    """Validate a bank: exit 0 when valid, 1 with every problem listed otherwise."""
    from heroes_quiz import app as core

    with guard():
        loaded = core.load_bank(file, strict=True)
        typer.echo(f"{loaded.origin}: OK, {len(loaded.questions)} questions.")


def export(
    fmt: Annotated[Format, typer.Option("--format", help="json or opentdb.")] = Format.json,
    bank: BankOpt = None,
) -> None:
    """Print the bank as JSON (native fields) or Open Trivia DB JSON."""
    import json

    from heroes_quiz import app as core
    from heroes_quiz import bank as bank_mod
    from heroes_quiz import opentdb
    from heroes_quiz.streams import write_utf8

    with guard():
        loaded = core.load_bank(bank)
        if fmt is Format.json:  # always UTF-8 bytes, whatever the locale says
            write_utf8(bank_mod.export_json(loaded.questions))
            return
        doc, skipped = opentdb.export(loaded.questions)
        write_utf8(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        if skipped:
            sys.stderr.write(f"heroes-quiz: skipped {skipped} text/number question(s); "
                             "Open Trivia DB has only multiple choice and true/false.\n")


def list_(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    bank: BankOpt = None,
) -> None:
    """Count questions per category × difficulty × kind."""
    from heroes_quiz import app as core
    from heroes_quiz import engine, ui

    with guard():
        loaded = core.load_bank(bank)
        level = difficulty.value if difficulty else engine.MIXED
        wanted = frozenset({category.casefold()} if category else ())
        chosen = [q for q in loaded.questions if engine.matches(q, level, wanted)]
        ui.make_console().print(ui.bank_table(chosen, loaded.origin))


def new(
    file: Annotated[Path, typer.Argument(help="Where to write the template, e.g. my-quiz.toml.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented template bank with one question of each kind."""
    from heroes_quiz.errors import BankError
    from heroes_quiz.template import TEMPLATE

    with guard():
        if file.exists() and not force:
            raise BankError(f"{file} already exists (use --force to overwrite it)")
        try:
            file.write_text(TEMPLATE, encoding="utf-8")
        except OSError as exc:
            raise BankError(f"{file}: cannot write ({exc.strerror})") from None
        typer.echo(f"Wrote {file}. Edit it, then: heroes-quiz bank check {file}")
