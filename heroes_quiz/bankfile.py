"""Reading one bank file: bytes within limits, its format found by content, its text cleaned
of terminal controls, and its records (an Open Trivia DB file: checked questions, see
`opentdb_fast`). `bank` builds and checks a bank from these (pure but for reading the file).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from heroes_quiz import schema
from heroes_quiz.errors import BankError
from heroes_quiz.models import Question
from heroes_quiz.textclean import deep, visible

# A JSON bank opens with an object or a list of objects; TOML opens with comments,
# keys or [table] headers.
_JSON_START = re.compile(r"\s*(\{|\[\s*[{\]])")
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


class Read(NamedTuple):
    """One bank file as read: its records (or checked questions) and what it says of itself."""

    records: list[schema.Record]
    name: str  # a declared top-level `id` or `title`, if any
    digest: str
    label: str = ""
    language: object = None  # a top-level `language` as written, if any (checked by schema)
    # Its questions, when checked as they were read, each in its place, and a record in
    # place of each result left to the full check.
    checked: list[Question | schema.Record] | None = None


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


def read(path: Path, label: str, *, fast: bool = True) -> Read:
    """Read, parse and clean one bank file (`fast`: an Open Trivia DB file may come back as
    checked questions)."""
    raw = _read_bytes(path, label)
    import hashlib

    parsed = _parse(raw, label, fast=fast)
    return Read(parsed.items, parsed.name, hashlib.sha256(raw).hexdigest(), label,
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


def check_count(count: int, label: str) -> None:
    """Refuse a bank with more questions than MAX_QUESTIONS, before any is checked."""
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
        check_count(len(_TOML_TABLE.findall(raw)), label)
    parsed = _from_json(text, label, fast=fast) if is_json else _from_toml(text, label)
    if parsed.checked is not None:
        check_count(len(parsed.checked), label)
        return parsed
    items, name, language, cleaned, _ = parsed
    check_count(len(items), label)
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
    checked: list[Question | schema.Record] | None = None  # see Read.checked


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
