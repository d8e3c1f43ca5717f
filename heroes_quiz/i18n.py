"""The language a player sees, and gettext's catalog for it, loaded on first use.

An edge module. English is the source language and needs no catalog; Spanish reads the compiled
`locale/es/LC_MESSAGES/heroes_quiz.mo` the first time a string is translated, so `--version`
and `--help` never pay for it. The language in force is the first of: `--lang` (commands call
`set_language`), `$HEROES_QUIZ_LANG`, the language remembered from the menu (settings key
"language"), the locale (the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`: `es…` means Spanish),
English.

Developers (Babel needed): `python -m heroes_quiz.i18n update` extracts every `_()`,
`ngettext()`, `pgettext()` and `N_()` into the .pot and merges it into each .po;
`python -m heroes_quiz.i18n compile` writes the .mo files a source checkout reads.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ast
    from collections.abc import Collection, Iterator, Mapping
    from gettext import NullTranslations
    from typing import IO, Any

DOMAIN = "heroes_quiz"
ENGLISH, SPANISH = "en", "es"
LANGUAGES = (ENGLISH, SPANISH)
# Each language named in its own words, as a language menu shows them: never translated.
NAMES = {ENGLISH: "English", SPANISH: "Español"}
ENV = "HEROES_QUIZ_LANG"
SETTING = "language"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order, LANGUAGE aside
LOCALE_DIR = Path(__file__).parent / "locale"


class _State:
    """This process's choice; module-level so every `_()` sees the same one."""

    forced: str | None = None  # from --lang or the menu
    language: str | None = None  # resolved once, on first use
    catalog: NullTranslations | None = None


_state = _State()


def normalise(value: object) -> str | None:
    """'es', 'ES', 'es_MX.UTF-8', 'es-419' → 'es'; None for anything the game does not speak."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[_.@:-]", value.strip(), maxsplit=1)[0].casefold()
    return code if code in LANGUAGES else None


def from_locale(environ: Mapping[str, str] | None = None) -> str:
    """Spanish when the first non-empty of LC_ALL, LC_MESSAGES, LANG starts with 'es'."""
    env = os.environ if environ is None else environ
    for var in LOCALE_VARS:
        value = env.get(var)
        if value:
            return SPANISH if value.casefold().startswith("es") else ENGLISH
    return ENGLISH


def remembered() -> str | None:
    """The language picked in the menu on this machine, if any."""
    from heroes_quiz import settings

    return normalise(settings.get(SETTING))


def resolve(flag: str | None = None) -> str:
    """The language by the rules: flag, $HEROES_QUIZ_LANG, remembered, locale, English."""
    # `or` stops early: settings.json is read only when neither flag nor variable decides.
    return (normalise(flag) or normalise(os.environ.get(ENV)) or remembered()
            or from_locale())


def set_language(lang: str | None) -> None:
    """Use `lang` for the rest of this process (`--lang`); None goes back to the rules."""
    if lang is not None and normalise(lang) is None:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    _state.forced, _state.language, _state.catalog = normalise(lang), None, None


def language() -> str:
    """The language in force: 'en' or 'es'."""
    if _state.language is None:
        _state.language = resolve(_state.forced)
    return _state.language


def remember(lang: str) -> bool:
    """Switch to `lang` now and on later starts (the menu's entry); False if it was not saved."""
    from heroes_quiz import settings

    set_language(lang)
    return settings.put(SETTING, normalise(lang))


def loaded() -> bool:
    """Whether this process has set up a catalog yet (start-up tests check it has not)."""
    return _state.catalog is not None


def translations() -> NullTranslations:
    """The catalog for the language in force, set up on the first call."""
    if _state.catalog is None:
        import gettext

        lang = language()
        # English is the source text: nothing to look up. A missing .mo also falls back to it.
        _state.catalog = (gettext.NullTranslations() if lang == ENGLISH else gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True))
    return _state.catalog


def _(message: str) -> str:
    """`message` in the language in force."""
    return translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the language's own plural rule."""
    return translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` translated in `context` (for short words that mean two things)."""
    return translations().pgettext(context, message)


def N_(message: str) -> str:
    """Mark a constant for extraction; translate it with `_()` where it is shown."""
    return message


# Developer tools below: Babel is a build and development dependency, never a runtime one.

HEADER = """\
# Interface strings of PROJECT, extracted by `python -m heroes_quiz.i18n update`.
# This file is distributed under the same license as the PROJECT project (MIT).
#"""


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Every translation source, e.g. locale/es/LC_MESSAGES/heroes_quiz.po."""
    return sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_catalogs(out: Path | None = None, locale_dir: Path = LOCALE_DIR
                     ) -> list[tuple[Path, str]]:
    """Compile each .po to .mo (beside it, or under `out`); pairs of file and wheel path.

    Raises ValueError when a .po has errors (a placeholder missing from a translation).
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    done = []
    for po in po_files(locale_dir):
        inside = Path("locale") / po.relative_to(locale_dir).with_suffix(".mo")
        with po.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
        problems = [f"{po}: {msg.id!r}: {err}" for msg, errs in catalog.check() for err in errs]
        if problems:
            raise ValueError("\n".join(problems))
        target = (out or locale_dir.parent) / inside
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, catalog)
        done.append((target, f"heroes_quiz/{inside.as_posix()}"))
    return done


HELP_NOTE = "--help text: typer draws it with Rich markup, so write no [square brackets]"


def extract_cli(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
                options: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Babel extractor for cli/: the marked strings, plus our own --help texts (each `help=`
    string and each typer command's docstring), which `cli.options` translates when drawn."""
    import ast

    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    fileobj.seek(0)
    for node in ast.walk(ast.parse(fileobj.read())):
        if isinstance(node, ast.keyword) and node.arg == "help":
            if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                yield node.value.lineno, "", node.value.value, [HELP_NOTE]
        elif isinstance(node, ast.FunctionDef) and _is_command(node):
            doc = ast.get_docstring(node)  # cleaned as typer cleans it
            if doc:
                yield node.body[0].lineno, "", doc, [HELP_NOTE]


def _is_command(node: ast.FunctionDef) -> bool:
    """A typer command: a parameter is a typer Option or Argument (or an `…Opt` alias)."""
    import ast

    for arg in [*node.args.args, *node.args.kwonlyargs]:
        text = ast.unparse(arg.annotation) if arg.annotation else ""
        if re.search(r"typer\.(Option|Argument)|\b\w+Opt\b", text):
            return True
    return False


def update(root: Path = LOCALE_DIR.parent.parent) -> None:
    """Extract the marked strings into the .pot and merge them into every .po (Babel)."""
    from heroes_quiz import __version__

    pot = LOCALE_DIR.relative_to(root) / f"{DOMAIN}.pot"
    here = Path.cwd()
    os.chdir(root)  # relative input paths keep the locations in the .po relative too
    try:
        _pybabel("extract", "-F", "babel.cfg", "-o", str(pot), "--project", "heroes-quiz",
                 "--version", __version__, "--add-location", "file", "--sort-by-file",
                 "-c", "TRANSLATORS:", "-w", "100", "--header-comment", HEADER, "heroes_quiz")
        _pybabel("update", "-i", str(pot), "-d", str(pot.parent), "-D", DOMAIN, "--previous",
                 "--ignore-obsolete", "--ignore-pot-creation-date", "-w", "100")
    finally:
        os.chdir(here)


def _pybabel(*args: str) -> None:
    from babel.messages.frontend import CommandLineInterface

    CommandLineInterface().run(["pybabel", "-q", *args])  # type: ignore[no-untyped-call]


def main(argv: list[str]) -> int:
    """`python -m heroes_quiz.i18n update|compile`."""
    if argv == ["update"]:
        update()
        return 0
    if argv == ["compile"]:
        for target, _inside in compile_catalogs():
            print(f"wrote {target}")
        return 0
    print("usage: python -m heroes_quiz.i18n update|compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
