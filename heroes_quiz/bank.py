"""Load, validate and export question banks (TOML, JSON export, Open Trivia DB)."""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from heroes_quiz import fastcheck, schema, shipped
from heroes_quiz.errors import BankError
from heroes_quiz.models import Kind, Question
from heroes_quiz.textclean import deep, visible

# A JSON bank opens with an object or a list of objects; TOML opens with comments,
# keys or [table] headers.
_JSON_START = re.compile(r"\s*(\{|\[\s*[{\]])")
COMPILED = "_compiled.json"
# Limits that keep `bank check` of the largest bank accepted under 10 s and 1 GB (measured:
# see benchmarks/scale.py); anything bigger is refused before it is parsed.
MAX_BYTES = 32 * 1024 * 1024  # JSON and Open Trivia DB files
MAX_TOML_BYTES = 16 * 1024 * 1024  # TOML parses about 10x slower than JSON
MAX_QUESTIONS = 200_000
# A control character escaped in a JSON or TOML string (\e is TOML 1.1).
_ESCAPED_CONTROL = re.compile(
    r"\\(?:[btnfre]|(?:u|U0000)(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]"
    r"|202[a-eA-E]|206[6-9]))")
_TOML_TABLE = re.compile(rb"^[ \t]*\[\[[ \t]*question[ \t]*\]\]", re.MULTILINE)
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
    files = sorted(path.glob("*.toml")) + sorted(path.glob("*.json")) if path.is_dir() else [path]
    label = visible(str(path))
    read = [_read(f, visible(str(f))) for f in files]
    _check_count(sum(len(r.checked or r.records) for r in read), label)
    language, early = schema.bank_language([(r.label, r.language) for r in read])
    loaded = None if early else _from_slots(read, label)
    if loaded is None:
        if any(r.checked is not None for r in read):  # rare: records needed after all
            read = [_read(f, visible(str(f)), fast=False) for f in files]
        loaded = _build([r.records for r in read], label, early=early)
    return loaded._replace(key=bank_key(path, read), language=language)


def _from_slots(read: Sequence[_Read], origin: str) -> Bank | None:
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


class _Read(NamedTuple):
    records: list[schema.Record]
    name: str  # a declared top-level `id` or `title`, if any
    digest: str
    label: str = ""
    language: object = None  # a top-level `language` as written, if any (checked by schema)
    # Its questions, when checked as they were read, each in its place, and a record in
    # place of each result left to the full check.
    checked: list[Question | schema.Record] | None = None


def bank_key(path: Path, read: Sequence[_Read]) -> str:
    """Which tables a bank's games belong to: its declared `id` (or `title`), else its
    resolved path and a hash of its content."""
    name = next((r.name for r in read if r.name), "")
    if name:
        return f"id:{name}"
    import hashlib

    digest = hashlib.sha256("".join(r.digest for r in read).encode()).hexdigest()[:16]
    return f"file:{path.resolve()}#{digest}"


def _declared_language(doc: object) -> object:
    """A bank's top-level `language` as written (None when it declares none)."""
    return doc.get("language") if isinstance(doc, dict) else None


def _declared(doc: object) -> str:
    """A bank's own name for itself: top-level `id = "…"` or `title = "…"`."""
    if not isinstance(doc, dict):
        return ""
    for field in ("id", "title"):
        value = doc.get(field)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _builtin(strict: bool, lang: str) -> Bank:
    folder = builtin_dir(lang)
    origin = BUILTIN_LABEL if lang == "en" else f"{BUILTIN_LABEL} ({lang})"
    compiled = folder / COMPILED
    if compiled.is_file() and not strict:  # validated when the wheel was built
        items = json.loads(compiled.read_text(encoding="utf-8"))
        return Bank(tuple(map(schema.trusted, items)), origin, language=lang)
    # A translation's files are named with their folder: es/cast.toml is not cast.toml.
    prefix = "" if lang == "en" else f"{lang}/"
    files = [_read(f, prefix + f.name).records for f in sorted(folder.glob("*.toml"))]
    return _build(files, origin, builtin=strict)._replace(language=lang)


def _read(path: Path, label: str, *, fast: bool = True) -> _Read:
    raw = _read_bytes(path, label)
    import hashlib

    parsed = _parse(raw, label, fast=fast)
    return _Read(parsed.items, parsed.name, hashlib.sha256(raw).hexdigest(), label,
                 parsed.language, parsed.checked)


def _read_bytes(path: Path, label: str) -> bytes:
    """The file's bytes: a regular file within the size limit, else one clear BankError."""
    import os
    import stat

    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer before we can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise BankError(f"{label}: cannot read the file ({exc.strerror or exc})") from None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise BankError(f"{label}: not a regular file (a bank must be a .toml or .json file)")
        if info.st_size > MAX_BYTES:
            raise BankError(f"{label}: file is too big (over {MAX_BYTES // 2**20} MB)")
        try:
            raw = handle.read(MAX_BYTES + 1)  # it may have grown since fstat
        except OSError as exc:
            raise BankError(f"{label}: cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise BankError(f"{label}: file is too big (over {MAX_BYTES // 2**20} MB)")
    return raw


def _check_count(count: int, label: str) -> None:
    if count > MAX_QUESTIONS:
        raise BankError(f"{label}: too many questions ({count:,}; at most {MAX_QUESTIONS:,})")


def parse(raw: bytes, label: str) -> list[schema.Record]:
    """Decode bytes of any supported format into raw records; format found by content."""
    return _parse(raw, label, fast=False).items


def _parse(raw: bytes, label: str, *, fast: bool) -> _Parsed:
    """Records (or, on the fast path, checked questions), name and language of a file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError(f"{label}: not UTF-8 text (bad byte at offset {exc.start})") from None
    is_json = _JSON_START.match(text) is not None
    if not is_json:
        if len(raw) > MAX_TOML_BYTES:
            raise BankError(f"{label}: TOML file is too big (over {MAX_TOML_BYTES // 2**20} MB; "
                            "a JSON bank may be bigger)")
        _check_count(len(_TOML_TABLE.findall(raw)), label)
    parsed = _from_json(text, label, fast=fast) if is_json else _from_toml(text, label)
    if parsed.checked is not None:
        _check_count(len(parsed.checked), label)
        return parsed
    items, name, language, cleaned, _ = parsed
    _check_count(len(items), label)
    if not cleaned and _may_hold_controls(text):
        # Bank text reaches the terminal: controls become visible marks here, once, in every
        # field (Open Trivia DB text is cleaned as it is decoded, in opentdb).
        items = [deep(item) for item in items]
    records = [schema.Record(item, label, n) for n, item in enumerate(items, start=1)]
    return _Parsed(records, visible(name), language)


def _may_hold_controls(text: str) -> bool:
    """Whether a control character could hide in a bank's text: as itself (C1 and bidi marks
    are legal in JSON and TOML strings; tabs and line breaks in TOML ones) or as an escape.
    Most banks hold none, which spares a walk through every field (C-speed checks first)."""
    if '"""' in text or "\'\'\'" in text or not text.replace("\n", "").isprintable():
        return True
    return "\\" in text and _ESCAPED_CONTROL.search(text) is not None


class _Parsed(NamedTuple):
    items: list[Any]
    name: str
    language: object
    cleaned: bool = False  # whether controls in the text were already made visible
    checked: list[Question | schema.Record] | None = None  # see _Read.checked


def _from_toml(text: str, label: str) -> _Parsed:
    import tomllib  # a game from the wheel reads the compiled JSON and never needs it

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BankError(f"{label}: TOML syntax error: {exc}") from None
    except RecursionError:
        raise BankError(f"{label}: TOML is nested too deeply") from None
    items = doc.get("question", [])
    if not isinstance(items, list):
        raise BankError(f"{label}: expected [[question]] tables")
    return _Parsed(items, _declared(doc), _declared_language(doc))


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [k for k, _ in pairs]
        dupe = next(k for k in keys if keys.count(k) > 1)
        raise ValueError(f"duplicate key {dupe!r}")
    return found


def _from_json(text: str, label: str, *, fast: bool = False) -> _Parsed:
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise BankError(f"{label}: JSON syntax error at line {exc.lineno}, column {exc.colno}: "
                        f"{exc.msg}") from None
    except ValueError as exc:
        raise BankError(f"{label}: JSON error: {exc}") from None
    except RecursionError:
        raise BankError(f"{label}: JSON is nested too deeply") from None
    if isinstance(doc, dict) and "results" in doc:
        # Its decoders cost start-up time; few banks need them.
        from heroes_quiz import opentdb, opentdb_fast

        checked = opentdb_fast.plain_questions(doc) if fast else None
        if checked is not None:  # checked as decoded: a record only for what was left
            return _Parsed([], "", None, cleaned=True, checked=_slots(doc, checked, label))
        # Its text is cleaned of controls as it is decoded: no second look needed.
        return _Parsed(opentdb.to_records(doc, label), "", None, cleaned=True)
    # A wrapper {"id": "…", "language": "es", "questions": [...]} may name the bank.
    name, language = _declared(doc), _declared_language(doc)
    if isinstance(doc, dict):
        doc = doc.get("questions", doc.get("question"))
    if not isinstance(doc, list) or not all(isinstance(item, dict) for item in doc):
        raise BankError(f"{label}: expected a list of question objects")
    return _Parsed(doc, name, language)


def _slots(doc: dict[str, Any], checked: list[Question | None], label: str
           ) -> list[Question | schema.Record]:
    """The checked questions, and a record (numbered as in the file) for each result left."""
    from heroes_quiz import opentdb

    left = [n for n, question in enumerate(checked) if question is None]
    records = iter(opentdb.to_records(doc, label, only=left) if left else ())
    return [question if question is not None
            else schema.Record(next(records), label, n) for n, question in enumerate(checked, 1)]


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
