"""Commands as plain functions: options in, frozen results out (no rendering)."""

import functools
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from heroes_quiz import bank as bank_mod
from heroes_quiz import engine, family, history, paths
from heroes_quiz.bank import BUILTIN_KEY
from heroes_quiz.errors import BankError, NothingMatches, StorageError
from heroes_quiz.i18n import N_
from heroes_quiz.models import GameResult, SaveReport, ScoreRow
from heroes_quiz.names import DEFAULT_NAME, clean_name
from heroes_quiz.storage import Store


@dataclass(frozen=True, slots=True, eq=False)
class PlayOptions:
    """Everything that shapes one game."""

    difficulty: str = "easy"
    categories: tuple[str, ...] = ()
    count: int = 10
    seed: int | None = None
    name: str = DEFAULT_NAME
    bank: Path | None = None
    rules: engine.Rules = field(default_factory=engine.Rules)


@dataclass(frozen=True, slots=True, eq=False)
class PlayReport:
    """A finished game with how saving went and the table it landed in."""

    result: GameResult
    save: SaveReport
    table: tuple[ScoreRow, ...]
    problem: str = ""
    board: str = ""  # the high-score table the game ranks in ("easy", "daily", ...), if any


@functools.cache
def _store_at(path: Path) -> Store:
    return Store(path)


def store() -> Store:
    """The score store at the configured location, one per path for the whole process.

    Sharing it keeps a warning (a damaged file moved aside) until the player is shown it.
    """
    return _store_at(paths.database())


def load_bank(path: Path | None, *, strict: bool = False) -> bank_mod.Bank:
    """Load and validate a bank (raises BankError); `strict` also checks cast spellings."""
    if path is None and not strict:
        return builtin_bank()
    return bank_mod.load(path, strict=strict)


def builtin_bank() -> bank_mod.Bank:
    """The built-in bank in the game's language (`play --help` lists its categories)."""
    from heroes_quiz import i18n

    return _builtin_in(i18n.language())


@functools.cache
def _builtin_in(lang: str) -> bank_mod.Bank:
    return bank_mod.load(None, lang=lang)


def bank_key(path: Path | None) -> str:
    """Whose tables to show: the built-in quiz's, or those of the bank at `path`."""
    return BUILTIN_KEY if path is None else load_bank(path).key


def unknown_categories(bank: bank_mod.Bank, wanted: tuple[str, ...]) -> list[str]:
    """Requested categories that no question in the bank has."""
    known = {c.casefold() for c in bank.categories()}
    return [c for c in wanted if c.casefold() not in known]


def seen_before(name: str, bank: str = BUILTIN_KEY) -> dict[str, int]:
    """Questions this player has answered before (empty if scores cannot be read)."""
    try:
        return history.seen(store(), clean_name(name), bank)
    except StorageError:
        return {}


def draw(bank: bank_mod.Bank, options: PlayOptions) -> tuple[engine.Selection, random.Random]:
    """Draw the game's questions, unseen first; a seed alone decides the game."""
    rng = random.Random(options.seed)
    seen = seen_before(options.name, bank.key) if options.seed is None else {}
    selection = select_from(bank, rng, difficulty=options.difficulty,
                            categories=options.categories, count=options.count, seen=seen)
    return selection, rng


NOTHING_MATCHES = N_("{bank}: No questions match difficulty {level}. "
                     "Try `{command}` to see what there is.")
NOTHING_MATCHES_IN = N_("{bank}: No questions match difficulty {level} and category "
                        "{categories}. Try `{command}` to see what there is.")


def select_from(bank: bank_mod.Bank, rng: random.Random, **how: Any) -> engine.Selection:
    """engine.select on a loaded bank; a "nothing matches" message names the bank."""
    try:
        return engine.select(bank.questions, rng, **how)
    except NothingMatches:  # said here in words the UI translates
        categories = how.get("categories", ())
        raise BankError(NOTHING_MATCHES_IN if categories else NOTHING_MATCHES,
                        bank=bank.origin, level=how.get("difficulty", engine.MIXED),
                        categories=", ".join(categories), command=list_command(bank)) from None


def list_command(bank: bank_mod.Bank) -> str:
    """The command that lists this bank's questions (the built-in one in the game's language)."""
    from heroes_quiz import i18n

    if bank.key == BUILTIN_KEY:
        spanish = i18n.language() == i18n.SPANISH
        return "heroes-quiz bank list" + (" --lang es" if spanish else "")
    import shlex

    return f"heroes-quiz bank list --bank {shlex.quote(bank.origin)}"


def play(options: PlayOptions, prompter: engine.Prompter,
         selection: engine.Selection, rng: random.Random, bank: str = BUILTIN_KEY) -> PlayReport:
    """Play the drawn questions, then save once and fetch the table."""
    result = engine.play(selection.questions, prompter, rng, name=clean_name(options.name),
                         difficulty=options.difficulty, rules=options.rules)
    return record(result, bank=bank, with_table=True)


def record(result: GameResult, mode: str = "play", day: str | None = None, *,
           bank: str = BUILTIN_KEY, with_table: bool = False) -> PlayReport:
    """Save a finished game; a storage problem is reported, never raised."""
    scores = store()
    board = {"play": result.difficulty, "practice": ""}.get(mode, mode)
    family.remember_names([result.name])
    try:
        save = scores.save(result, mode, day, bank)
        table = tuple(scores.top(result.difficulty, mode=mode, bank=bank)) if with_table else ()
    except StorageError as exc:
        note = scores.take_warnings()
        # The problem is shown in a sentence the UI words; the detail in the game's language.
        return PlayReport(result, SaveReport(saved=False, warnings=note), (), exc.translated())
    if not board:  # practice rounds rank nowhere
        save = SaveReport(saved=True, warnings=save.warnings)
    return PlayReport(result, save, table, board=board)


class ScoresReport(NamedTuple):
    """Rows of the high-score table and any warnings from storage."""

    rows: tuple[ScoreRow, ...]
    warnings: tuple[str, ...]


def scores(difficulty: str | None, limit: int, mode: str = "play",
           bank: str = BUILTIN_KEY) -> ScoresReport:
    """Top scores per difficulty of one bank (raises StorageError)."""
    scores_store = store()
    rows = scores_store.top(difficulty, limit, mode, bank)
    return ScoresReport(tuple(rows), scores_store.take_warnings())
