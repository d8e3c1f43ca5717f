"""Load, validate and export question banks (TOML, JSON export, Open Trivia DB)."""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from heroes_quiz import fastcheck, schema, shipped
from heroes_quiz.errors import BankError
from heroes_quiz.models import Kind, Question
from heroes_quiz.textclean import visible

if TYPE_CHECKING:  # a game from the wheel reads only the compiled built-in bank
    from heroes_quiz import bankfile

COMPILED = "_compiled.json"
MAX_PROBLEMS_SHOWN = 50
BUILTIN_LABEL = "built-in bank"
BUILTIN_KEY = "builtin"  # the built-in bank's scores, history and practice boxes


class Bank(NamedTuple):
    """A validated set of questions, where they came from and whose tables they use."""

    questions: tuple[Question, ...]
    origin: str
    key: str = BUILTIN_KEY  # see bank_key(); one key for the built-in bank in every language
    language: str = ""  # "en" or "es" when known (built-in, or a declared `language`), else ""

    def categories(self) -> list[str]:
        """Categories in first-seen order."""
        return list(dict.fromkeys(q.category for q in self.questions))


def builtin_dir(lang: str = "en") -> Path:
    """The shipped `data/` folder (`data/<lang>/` for a translation)."""
    return shipped.data_dir(lang)


def load(path: Path | None = None, *, strict: bool = False, lang: str = "en") -> Bank:
    """Load and validate a bank file or folder; the built-in bank (in `lang`) when `path` is None.

    `strict` adds the built-in bank's spelling check against the canonical cast list
    (`bank check` and the tests run it; a game need not repeat it on every start).
    """
    if path is None:
        return _builtin(strict, lang)
    with _collector_paused():
        return _load_files(path)


_FREEZE_ABOVE = 50_000  # objects made while loading: a bank of some 25,000 questions or more


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bank is parsed and checked: its hundreds of
    thousands of new dicts and strings hold no cycles, yet each batch of them set off another
    full scan of everything (a fifth of `bank check` of a big bank).

    A big bank then lives as long as the process, so its objects are frozen out of the
    collector's sight: otherwise its next pass walks every one of them once more (0.04 s for
    100,000 questions). Small banks (and test runs) are left to the collector as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > _FREEZE_ABOVE:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _load_files(path: Path) -> Bank:
    from heroes_quiz import bankfile

    files = sorted(path.glob("*.toml")) + sorted(path.glob("*.json")) if path.is_dir() else [path]
    label = visible(str(path))
    read = [bankfile.read(f, visible(str(f))) for f in files]
    bankfile.check_count(sum(len(r.checked or r.records) for r in read), label)
    language, early = schema.bank_language([(r.label, r.language) for r in read])
    loaded = None if early else _from_slots(read, label)
    if loaded is None:
        if any(r.checked is not None for r in read):  # rare: records needed after all
            read = [bankfile.read(f, visible(str(f)), fast=False) for f in files]
        loaded = _build([r.records for r in read], label, early=early)
    return loaded._replace(key=bank_key(path, read), language=language)


def _from_slots(read: Sequence[bankfile.Read], origin: str) -> Bank | None:
    """The bank from files checked as they were read (Open Trivia DB's fast path): their
    questions, with the full check for the results left to it. None when some file was not
    read that way or an id or prompt may repeat: the full path then says where."""
    if not read or any(r.checked is None for r in read):
        return None
    slots = [slot for r in read for slot in r.checked or ()]
    checked = [slot for slot in slots if type(slot) is Question]
    records = [slot for slot in slots if type(slot) is schema.Record]
    ids = [q.id for q in checked] + [rec.data.get("id") for rec in records]
    prompts = [q.prompt for q in checked] + [rec.data.get("prompt") for rec in records]
    # A checked question's texts are printable (plain_questions saw to that); a record's may not.
    if not slots or not fastcheck.unique_keys(ids, prompts, printable=not records):
        return None
    problems = schema.Problems()
    questions = [slot if isinstance(slot, Question)
                 else fastcheck.question(slot) or schema.to_question(slot, problems)
                 for slot in slots]
    if problems.lines:
        raise BankError(_summarise(problems.lines))
    return Bank(tuple(q for q in questions if q is not None), origin)


def bank_key(path: Path, read: Sequence[bankfile.Read]) -> str:
    """Which tables a bank's games belong to: its declared `id` (or `title`), else its
    resolved path and a hash of its content."""
    name = next((r.name for r in read if r.name), "")
    if name:
        return f"id:{name}"
    import hashlib

    digest = hashlib.sha256("".join(r.digest for r in read).encode()).hexdigest()[:16]
    return f"file:{path.resolve()}#{digest}"


def _builtin(strict: bool, lang: str) -> Bank:
    folder = builtin_dir(lang)
    origin = BUILTIN_LABEL if lang == "en" else f"{BUILTIN_LABEL} ({lang})"
    compiled = folder / COMPILED
    if compiled.is_file() and not strict:  # validated when the wheel was built
        items = json.loads(compiled.read_text(encoding="utf-8"))
        return Bank(tuple(map(schema.trusted, items)), origin, language=lang)
    # A translation's files are named with their folder: es/cast.toml is not cast.toml.
    prefix = "" if lang == "en" else f"{lang}/"
    from heroes_quiz import bankfile

    files = [bankfile.read(f, prefix + f.name).records for f in sorted(folder.glob("*.toml"))]
    return _build(files, origin, builtin=strict)._replace(language=lang)


def _build(files: Sequence[list[schema.Record]], origin: str, *, builtin: bool = False,
           early: Sequence[str] = ()) -> Bank:
    records = [rec for recs in files for rec in recs]
    problems = schema.Problems()
    problems.lines.extend(early)  # the files' own problems (a wrong `language`), listed first
    if not records:
        raise BankError(f"{origin}: the bank has no questions")
    if not fastcheck.unique(records):
        schema.check_unique(records, problems)
    questions = []
    for rec in records:
        question = fastcheck.question(rec) or schema.to_question(rec, problems)
        if builtin:  # in the same pass, even for a record with other problems
            schema.check_spelling(rec, problems)
        if question is not None:
            questions.append(question)
    if problems.lines:
        raise BankError(_summarise(problems.lines))
    return Bank(tuple(questions), origin)


def _summarise(lines: list[str]) -> str:
    shown = lines[:MAX_PROBLEMS_SHOWN]
    more = len(lines) - len(shown)
    tail = [f"... and {more} more {'problem' if more == 1 else 'problems'}"] if more else []
    found = f"{len(lines)} {'problem' if len(lines) == 1 else 'problems'} found."
    return "\n".join([*shown, *tail, found])


def to_records(questions: Iterable[Question]) -> list[dict[str, Any]]:
    """Questions as JSON-ready objects (the `bank export --format json` shape)."""
    out = []
    for q in questions:
        item: dict[str, Any] = {
            "id": q.id, "category": q.category, "difficulty": q.difficulty.value,
            "kind": q.kind.value, "prompt": q.prompt, "answer": _json_answer(q),
        }
        if q.kind is Kind.CHOICE:
            item["choices"] = list(q.choices)
        elif q.kind is Kind.TEXT:
            item["accept"] = list(q.accept)
        elif q.kind is Kind.NUMBER:
            item["tolerance"] = q.tolerance
            if q.unit:
                item["unit"] = q.unit
        item.update(explanation=q.explanation, source=q.source)
        out.append(item)
    return out


def _json_answer(q: Question) -> str | bool | float | int:
    if q.kind is Kind.NUMBER:
        value = float(q.answer)
        return int(value) if value.is_integer() else value
    return q.answer


def export_json(questions: Iterable[Question]) -> str:
    """The bank as pretty JSON text."""
    return json.dumps(to_records(questions), indent=2, ensure_ascii=False) + "\n"
