"""Translations: every interface string has Spanish, the catalog compiles and loads lazily,
and the language in force follows --lang > $HEROES_QUIZ_LANG > the menu's choice > locale > en."""

from __future__ import annotations

import gettext
import os
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

import heroes_quiz
from heroes_quiz import bank, i18n, settings
from heroes_quiz.cli.options import LANG_HELP, LangOpt

ROOT = Path(__file__).resolve().parent.parent
SPANISH_PO = ROOT / "heroes_quiz" / "locale" / "es" / "LC_MESSAGES" / "heroes_quiz.po"
PACKAGE = Path(heroes_quiz.__file__).resolve().parent
FIX = "run `python -m heroes_quiz.i18n update`, translate, then `... compile`"


@pytest.fixture(autouse=True)
def fresh_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No language hint from the machine running the tests, and no choice left over."""
    for var in (i18n.ENV, *i18n.LOCALE_VARS):
        monkeypatch.delenv(var, raising=False)
    i18n.set_language(None)
    yield
    i18n.set_language(None)


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What Babel finds in heroes_quiz/ with the project's own babel.cfg, as `update` runs it."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg",  # type: ignore[no-untyped-call]
                                    "-o", str(pot), "heroes_quiz"])
    finally:
        os.chdir(here)
    return read_catalog(pot)


def ids(catalog: Catalog) -> set[object]:
    return {(m.context, m.id) for m in catalog if m.id}


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def forms(message: Message) -> list[tuple[str, str]]:
    """(source, translation) pairs: one, or one per plural form."""
    if isinstance(message.id, str):
        return [(message.id, str(message.string))]
    singular, plural = message.id[0], message.id[1]
    strings = [str(s) for s in message.string or ()]
    return [(singular, strings[0]), *((plural, s) for s in strings[1:])]


# (a) nothing left untranslated


def test_extraction_finds_the_marked_strings(extracted: Catalog) -> None:
    assert (None, LANG_HELP) in ids(extracted)


def test_every_interface_string_has_a_spanish_translation(extracted: Catalog) -> None:
    spanish = read_catalog(SPANISH_PO)
    problems = []
    for msg in extracted:
        if not msg.id:
            continue
        found = spanish.get(msg.id, msg.context)
        if found is None:
            problems.append(f"missing: {msg.id!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy (a guess, not shown to players): {msg.id!r}")
        elif any(not text.strip() for _source, text in forms(found)):
            problems.append(f"untranslated: {msg.id!r}")
    assert not problems, f"{FIX}:\n" + "\n".join(problems)


def test_the_spanish_po_holds_nothing_the_code_no_longer_uses(extracted: Catalog) -> None:
    stale = ids(read_catalog(SPANISH_PO)) - ids(extracted)
    assert not stale, f"{FIX}: {sorted(map(str, stale))}"


def test_translations_keep_every_placeholder() -> None:
    wrong = [(source, text) for msg in read_catalog(SPANISH_PO) if msg.id
             for source, text in forms(msg) if fields(text) != fields(source)]
    assert not wrong


def test_spanish_plural_rule_is_declared() -> None:
    spanish = read_catalog(SPANISH_PO)
    assert spanish.num_plurals == 2
    assert spanish.plural_expr.replace(" ", "") in {"(n!=1)", "n!=1"}


# (b) compiling and loading


def test_every_po_compiles_to_a_mo_gettext_reads(tmp_path: Path) -> None:
    built = i18n.compile_catalogs(out=tmp_path)
    assert [inside for _mo, inside in built] == [
        "heroes_quiz/locale/es/LC_MESSAGES/heroes_quiz.mo"]
    spanish = gettext.translation(i18n.DOMAIN, tmp_path / "locale", ["es"])
    assert spanish.gettext(LANG_HELP).startswith("Idioma:")


def test_a_broken_placeholder_fails_the_compile(tmp_path: Path) -> None:
    po = tmp_path / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  '#, python-format\nmsgid "%(n)d questions"\nmsgstr "%(x)d preguntas"\n',
                  encoding="utf-8")
    with pytest.raises(ValueError, match="questions"):
        i18n.compile_catalogs(out=tmp_path / "out", locale_dir=tmp_path)


def test_the_mo_the_game_reads_matches_the_po() -> None:
    mo = PACKAGE / "locale" / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    assert mo.is_file(), "no compiled catalog: run `python -m heroes_quiz.i18n compile`"
    with mo.open("rb") as handle:
        compiled = entries(read_mo(handle))
    source = entries(read_catalog(SPANISH_PO))
    assert compiled == source, "the .mo is stale: run `python -m heroes_quiz.i18n compile`"


def entries(catalog: Catalog) -> dict[object, object]:
    """What a catalog translates, plural forms as tuples (read_mo gives lists)."""
    def flat(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    # As Babel's write_mo: untranslated and fuzzy entries are left out of a .mo.
    def text(context: object) -> object:  # read_mo gives a context as bytes, read_po as str
        return context.decode() if isinstance(context, bytes) else context

    return {(text(m.context), flat(m.id)): flat(m.string) for m in catalog
            if m.id and m.string and not m.fuzzy}


def test_spanish_when_chosen() -> None:
    i18n.set_language("es")
    assert i18n.language() == "es"
    assert i18n._(LANG_HELP).startswith("Idioma: en (inglés) o es (español)")
    assert i18n._("a string nobody translated") == "a string nobody translated"


def test_english_needs_no_catalog() -> None:
    i18n.set_language("en")
    assert type(i18n.translations()) is gettext.NullTranslations
    assert i18n._(LANG_HELP) == LANG_HELP


def test_a_missing_catalog_falls_back_to_english(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.set_language("es")
    assert i18n._(LANG_HELP) == LANG_HELP


# (d) plurals


def test_spanish_plural_forms() -> None:
    i18n.set_language("es")
    plural = i18n.translations().plural  # type: ignore[attr-defined]
    assert [plural(n) for n in (0, 1, 2, 21)] == [1, 0, 1, 1]  # "0 preguntas", "1 pregunta"
    for msg in read_catalog(SPANISH_PO):
        if isinstance(msg.id, tuple) and isinstance(msg.string, tuple) and not msg.fuzzy:
            singular, plural_id = msg.id[0], msg.id[1]
            one, many = msg.string[0], msg.string[1]
            assert i18n.ngettext(singular, plural_id, 1) == one
            assert i18n.ngettext(singular, plural_id, 0) == many
            assert i18n.ngettext(singular, plural_id, 5) == many


def test_english_plural_forms() -> None:
    i18n.set_language("en")
    assert [i18n.ngettext("{n} question", "{n} questions", n) for n in (0, 1, 2)] == [
        "{n} questions", "{n} question", "{n} questions"]


# (c) which language


@pytest.mark.parametrize(("value", "expected"), [
    ("es", "es"), ("ES", "es"), (" es_MX.UTF-8 ", "es"), ("es-419", "es"), ("en_GB", "en"),
    ("fr", None), ("", None), ("C.UTF-8", None), ("espanol", None), (None, None), (3, None)])
def test_normalise(value: object, expected: str | None) -> None:
    assert i18n.normalise(value) == expected


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "en"),
    ({"LANG": "es_AR.UTF-8"}, "es"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES"}, "es"),  # empty ones are skipped
    ({"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US"}, "es"),
    ({"LC_ALL": "C.UTF-8", "LANG": "es_ES"}, "en"),  # the first one set decides
    ({"LC_ALL": "es_CO", "LC_MESSAGES": "en_US"}, "es"),
])
def test_locale_variables_in_gettexts_order(env: dict[str, str], expected: str) -> None:
    assert i18n.from_locale(env) == expected


def test_the_flag_beats_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV, "en")
    monkeypatch.setenv("LANG", "en_US")
    settings.put(i18n.SETTING, "en")
    assert i18n.resolve("es") == "es"
    i18n.set_language("es")
    assert i18n.language() == "es"


def test_the_variable_beats_the_remembered_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.put(i18n.SETTING, "en")
    monkeypatch.setenv(i18n.ENV, "es")
    assert i18n.language() == "es"


def test_the_remembered_choice_beats_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    settings.put(i18n.SETTING, "en")
    assert i18n.language() == "en"
    settings.put(i18n.SETTING, "es")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    i18n.set_language(None)
    assert i18n.language() == "es"


def test_the_locale_decides_when_nothing_else_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert i18n.language() == "es"


def test_values_the_game_does_not_speak_are_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.ENV, "fr")
    settings.put(i18n.SETTING, "klingon")
    monkeypatch.setenv("LANG", "es_ES")
    assert i18n.language() == "es"


def test_english_by_default() -> None:
    assert i18n.language() == "en"


def test_an_unknown_forced_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.set_language("fr")


def test_the_menu_choice_is_used_now_and_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.remember("es")
    assert i18n.language() == "es"
    assert settings.get(i18n.SETTING) == "es"
    i18n.set_language(None)  # as in a later start
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.language() == "es"


def test_the_language_is_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert i18n.language() == "en"
    monkeypatch.setenv(i18n.ENV, "es")
    assert i18n.language() == "en"  # settled for this process until set_language


def test_the_lang_option_switches_the_language_before_the_command_runs() -> None:
    app = typer.Typer()

    @app.command()
    def show(lang: LangOpt = None) -> None:
        typer.echo(f"{i18n.language()} {i18n._(LANG_HELP)[:7]}")

    runner = CliRunner()
    assert runner.invoke(app, ["--lang", "ES"]).output == "es Idioma:\n"
    assert runner.invoke(app, ["--lang", "en"]).output == "en Languag\n"
    refused = runner.invoke(app, ["--lang", "fr"])
    assert refused.exit_code == 2


# (e) start-up does not pay for the catalog

PROBE = """\
import sys
sys.argv = ["heroes-quiz", *sys.argv[1:]]
from heroes_quiz import entry
try:
    entry.main()
except SystemExit:
    pass
i18n = sys.modules.get("heroes_quiz.i18n")
print("RESULT", i18n is not None, i18n is not None and i18n.loaded())
"""


def probe(*args: str, **env: str) -> str:
    run_env = {"PATH": os.environ.get("PATH", ""), "HEROES_QUIZ_HOME": os.environ[
        "HEROES_QUIZ_HOME"], "LC_ALL": "C.UTF-8", **env}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, env=run_env, check=False)
    assert "RESULT" in done.stdout, done.stderr
    return done.stdout.split("RESULT", 1)[1].strip()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_version_never_imports_the_translations(lang: str) -> None:
    assert probe("--version", HEROES_QUIZ_LANG=lang) == "False False"


@pytest.mark.parametrize("args", [["--help"], ["play", "--help"], ["bank", "--help"]])
def test_english_help_loads_no_catalog(args: list[str]) -> None:
    assert probe(*args, HEROES_QUIZ_LANG="en").endswith("False")


# The wheel (skipped in a source checkout)


def test_the_wheel_carries_the_compiled_catalog() -> None:
    if PACKAGE.parent == ROOT:
        pytest.skip("running from the source tree (editable install)")
    assert (PACKAGE / "locale" / "es" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").is_file()


def test_the_wheels_compiled_spanish_bank_equals_its_toml() -> None:
    if not (bank.builtin_dir("es") / bank.COMPILED).is_file():
        pytest.skip("no compiled Spanish bank (a source checkout, or no data/es yet)")
    # strict reads the TOML files (the folder also holds the compiled JSON: not a bank path).
    assert bank.load(None, lang="es").questions == \
        bank.load(None, strict=True, lang="es").questions


# Filling a translated sentence


def test_fill_keeps_names_literal_and_styled() -> None:
    from rich.text import Text

    from heroes_quiz.ui.words import fill

    name = "[bold red]Ada[/] :smile:"
    line = fill("¡Buena suerte, {name}! {count} preguntas.", style="dim",
                name=Text(name, style="bold"), count=5)
    assert line.plain == f"¡Buena suerte, {name}! 5 preguntas."
    assert line.style == "dim"
    start = line.plain.index(name)
    assert [(s.start, s.end, s.style) for s in line.spans] == [
        (start, start + len(name), "bold")]


def test_fill_formats_plain_values_and_escaped_braces() -> None:
    from heroes_quiz.ui.words import fill

    assert fill("{n:>3} pts {{total}}", n=5, unused="x").plain == "  5 pts {total}"
    with pytest.raises(KeyError):
        fill("{missing}")


# --help in the game's language

COMMAND_SOURCE = b'''
import typer
from heroes_quiz.i18n import _

app = typer.Typer(help="A family trivia game.")

def play(count: Annotated[int, typer.Option(help="How many " "questions.")] = 10,
         name: NameOpt = None) -> None:
    """Play one game.

    Longer text.
    """
    print(_("Good luck!"))

def helper(s: Session) -> None:
    """Not a command: never shown."""
'''


def test_the_cli_extractor_finds_help_texts_and_command_docstrings() -> None:
    import io

    found = [msg for _line, _func, msg, _notes in i18n.extract_cli(
        io.BytesIO(COMMAND_SOURCE), {"_": None}, (), {})]
    assert sorted(found) == sorted([
        "A family trivia game.", "How many questions.", "Play one game.\n\nLonger text.",
        "Good luck!"])


def help_app() -> typer.Typer:
    from heroes_quiz.cli.options import HelpCommand, HelpGroup

    app = typer.Typer(cls=HelpGroup, help=LANG_HELP)

    @app.command(cls=HelpCommand)
    def show(lang: LangOpt = None) -> None:
        """Not translated: stays as written."""

    @app.command(cls=HelpCommand)
    def other() -> None:
        """Another."""

    return app


def test_help_speaks_spanish_when_the_game_does(monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    shown = runner.invoke(help_app(), ["show", "--lang", "es", "--help"], env={"COLUMNS": "200"})
    assert "Idioma: en (inglés) o es (español)" in shown.output
    assert "Not translated: stays as written." in shown.output
    i18n.set_language(None)
    monkeypatch.setenv(i18n.ENV, "es")
    listing = runner.invoke(help_app(), ["--help"], env={"COLUMNS": "200"})
    assert "Idioma: en (inglés)" in listing.output  # the group's own help


def test_english_help_loads_no_catalog_in_process() -> None:
    shown = CliRunner().invoke(help_app(), ["show", "--help"], env={"COLUMNS": "200"})
    assert "Language: en (English)" in shown.output
    assert not i18n.loaded()


@pytest.mark.parametrize(("args", "expected"), [
    (["play", "--help", "--lang", "es"], "es"), (["--lang=es", "play"], "es"),
    (["play", "--lang"], None), ([], None)])
def test_help_finds_a_lang_given_after_it(args: list[str], expected: str | None) -> None:
    from heroes_quiz.cli.options import lang_in_args

    assert lang_in_args(args) == expected


def test_a_lang_after_help_still_translates_it() -> None:
    from heroes_quiz.cli.options import translate_help

    command = typer.main.get_command(help_app())
    translate_help(command, ["show", "--help", "--lang", "es"])
    assert i18n.language() == "es"
    assert (command.help or "").startswith("Idioma:")
