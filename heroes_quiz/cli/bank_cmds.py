"""`bank check`, `bank list`, `bank export` and `bank new`."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from heroes_quiz.cli.common import BankOpt, Level, guard
from heroes_quiz.cli.options import Lang, LangOpt
from heroes_quiz.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from heroes_quiz.bank import Bank


class Format(StrEnum):
    """Export formats."""

    json = "json"
    opentdb = "opentdb"


def check(
    file: Annotated[Path | None, typer.Argument(help="Bank file or folder (default: built-in).")]
    = None,
    lang: LangOpt = None,
) -> None:
    """Validate a bank: exit 0 when valid, 1 with every problem listed otherwise.

    Without FILE: the built-in bank in English and Spanish (or in --lang), and a Spanish twin
    for every English question.
    """
    from heroes_quiz import bank as bank_mod  # not app: a check needs no scores or settings

    with guard():
        if file is None:
            _check_builtin([lang] if lang else list(Lang))
            return
        loaded = bank_mod.load(file, strict=True)
        typer.echo(_ok(loaded))


def _check_builtin(langs: list[Lang]) -> None:
    """The built-in bank in each of `langs`, then the twin rule when Spanish is one of them."""
    from heroes_quiz import bank as bank_mod
    from heroes_quiz.errors import BankError

    loaded: dict[str, Bank] = {}
    problems: list[str] = []
    # The twin rule needs the English bank even when only Spanish is checked: loaded, not shown.
    wanted = [*langs, Lang.en] if Lang.es in langs and Lang.en not in langs else langs
    for lang in wanted:
        try:
            loaded[lang] = bank_mod.load(None, strict=lang in langs, lang=lang)
        except BankError as exc:
            problems.append(str(exc))
            continue
        if lang in langs:
            typer.echo(_ok(loaded[lang]))
    if Lang.es in langs:
        problems.extend(_twin_problems(loaded))
    if problems:
        raise BankError("\n".join(problems))


def _ok(loaded: "Bank") -> str:
    """`bank check`'s line for a valid bank."""
    count = len(loaded.questions)
    return ngettext("{origin}: OK, {count} question.", "{origin}: OK, {count} questions.",
                    count).format(origin=loaded.origin, count=count)


def _twin_problems(loaded: dict[str, "Bank"]) -> list[str]:
    """Every English question's Spanish twin, as `bank check` reports it."""
    from heroes_quiz import twins

    english, spanish = loaded.get(Lang.en), loaded.get(Lang.es)
    if english is None or spanish is None:
        return ["Spanish twins: not checked until both banks load (see above)."]
    lines = twins.compare(english.questions, spanish.questions, spanish.origin)
    if lines:
        return [twins.summary(lines)]
    count = len(spanish.questions)
    typer.echo(ngettext("{origin}: every question has its English twin ({count} pair).",
                        "{origin}: every question has its English twin ({count} pairs).",
                        count).format(origin=spanish.origin, count=count))
    return []


def _chosen(path: Path | None) -> "Bank":
    """An own bank, or the built-in bank in the language in force (--lang, then the rules)."""
    from heroes_quiz import app as core
    from heroes_quiz import bank as bank_mod
    from heroes_quiz import i18n

    lang = i18n.language()
    if path is not None or lang == i18n.ENGLISH:
        return core.load_bank(path)
    return bank_mod.load(None, lang=lang)


def export(
    fmt: Annotated[Format, typer.Option("--format", help="json or opentdb.")] = Format.json,
    bank: BankOpt = None,
    lang: LangOpt = None,
) -> None:
    """Print the bank as JSON (native fields) or Open Trivia DB JSON."""
    import json

    from heroes_quiz import bank as bank_mod
    from heroes_quiz import opentdb
    from heroes_quiz.streams import write_utf8

    with guard():
        loaded = _chosen(bank)
        if fmt is Format.json:  # always UTF-8 bytes, whatever the locale says
            write_utf8(bank_mod.export_json(loaded.questions))
            return
        doc, skipped = opentdb.export(loaded.questions)
        write_utf8(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        if skipped:
            sys.stderr.write("heroes-quiz: " + ngettext(
                "skipped {count} text/number question; "
                "Open Trivia DB has only multiple choice and true/false.",
                "skipped {count} text/number questions; "
                "Open Trivia DB has only multiple choice and true/false.",
                skipped).format(count=skipped) + "\n")


def list_(
    category: Annotated[str | None, typer.Option(help="Only this category.")] = None,
    difficulty: Annotated[Level | None, typer.Option(help="Only this level.")] = None,
    bank: BankOpt = None,
    lang: LangOpt = None,
) -> None:
    """Count questions per category × difficulty × kind."""
    from heroes_quiz import engine, ui

    with guard():
        loaded = _chosen(bank)
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
    from heroes_quiz.textclean import visible

    with guard():
        if file.exists() and not force:
            raise BankError(N_("{file} already exists (use --force to overwrite it)"),
                            file=file)
        try:
            file.write_text(TEMPLATE, encoding="utf-8")
        except OSError as exc:
            raise BankError(N_("{file}: cannot write ({reason})"), file=file,
                            reason=exc.strerror) from None
        typer.echo(_("Wrote {file}. Edit it, then: heroes-quiz bank check {file}").format(
            file=visible(str(file))))  # a control in the name must not reach the terminal
