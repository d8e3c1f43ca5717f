"""Open Trivia DB JSON: decoding (html, base64, url3986) and conversion to records."""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote

from heroes_quiz.errors import BankError
from heroes_quiz.models import Kind, Question
from heroes_quiz.textclean import visible

SOURCE = "Open Trivia DB"
_FIELDS = ("type", "difficulty", "category", "question", "correct_answer")
_KINDS = {"multiple": Kind.CHOICE, "boolean": Kind.TRUE_FALSE}


def b64decode(text: str) -> str:
    """One base64 text as Open Trivia DB writes it (strict, UTF-8)."""
    return base64.b64decode(text, validate=True).decode("utf-8")


def decoder(sample: dict[str, Any]) -> Callable[[str], str]:
    """How a file's texts are encoded (html.unescape, b64decode or unquote), from a sample."""
    kind = sample.get("type")
    question = str(sample.get("question", ""))
    if kind in _KINDS:
        plain = " " in question or "%" not in question
        return html.unescape if plain else unquote
    try:
        if b64decode(str(kind)) in _KINDS:
            return b64decode
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise BankError("not an Open Trivia DB file I can read (unknown 'type' or encoding)")


# The entities Open Trivia DB writes most, decoded by str.replace in a fifth of html.unescape's
# time; a text with any other "&" goes to html.unescape, so the result is always its own.
_COMMON_ENTITIES = (("&quot;", '"'), ("&#039;", "'"), ("&lt;", "<"), ("&gt;", ">"),
                    ("&eacute;", "é"), ("&iacute;", "í"), ("&aacute;", "á"), ("&oacute;", "ó"),
                    ("&uacute;", "ú"), ("&ntilde;", "ñ"))


def unescape(text: str) -> str:
    """`html.unescape(text)`, faster for the entities Open Trivia DB uses most."""
    if "&" not in text:
        return text
    out = text
    for entity, char in _COMMON_ENTITIES:
        out = out.replace(entity, char)
    if "&" in out.replace("&amp;", ""):  # an entity not listed, or a bare "&"
        return html.unescape(text)
    return out.replace("&amp;", "&")  # last: "&amp;quot;" stays "&quot;"


def _reader(decode: Callable[[str], str]) -> Callable[[str], str]:
    """`decode`, then terminal controls (&#27;, base64, %1B) shown as visible marks."""
    if decode is not html.unescape:
        return lambda text: visible(decode(text))

    def read(text: str) -> str:  # most fields hold no entity and no control: one C check each
        text = unescape(text)
        return text if text.isprintable() else visible(text)
    return read


def _record(item: Any, read: Callable[[str], str]) -> dict[str, Any]:
    """One result as a native record, its text decoded and its controls made visible."""
    get = item.get if isinstance(item, dict) else {}.get
    kind, level, category, prompt, right = [
        read(value) if isinstance(value := get(key), str) else None for key in _FIELDS]
    prompt, right = prompt or "", right or ""  # "" (not None) so the checks name them
    digest = hashlib.sha1(f"{category}|{prompt}".encode()).hexdigest()[:10]
    record: dict[str, Any] = {
        "id": f"otdb-{digest}", "category": "general" if category is None else category,
        "difficulty": level, "kind": _KINDS.get(kind or "", "?"),
        "prompt": prompt, "explanation": f"The right answer is {right}.", "source": SOURCE,
    }
    if kind == "boolean":
        record["answer"] = right.strip().lower() == "true"
        return record
    wrong = get("incorrect_answers")
    record["answer"] = right
    record["choices"] = [right, *[read(w) for w in wrong if isinstance(w, str)]] \
        if isinstance(wrong, list) else [right]
    return record


def to_records(doc: dict[str, Any], label: str, only: Iterable[int] | None = None
               ) -> list[dict[str, Any]]:
    """Convert a parsed Open Trivia DB document into native question records (those of the
    results at positions `only`, counted from 0, when given)."""
    results = doc.get("results")
    if not isinstance(results, list):
        raise BankError(f"{label}: 'results' must be a list")
    if not results:
        return []
    try:
        read = _reader(decoder(results[0] if isinstance(results[0], dict) else {}))
        chosen = results if only is None else [results[n] for n in only]
        return [_record(item, read) for item in chosen]
    except BankError as exc:
        raise BankError(f"{label}: {exc}") from None
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BankError(f"{label}: could not decode a question ({exc})") from None


def export(questions: Iterable[Question]) -> tuple[dict[str, Any], int]:
    """Questions as Open Trivia DB JSON, and how many had to be skipped (text, number)."""
    results, skipped = [], 0
    for q in questions:
        if q.kind not in (Kind.CHOICE, Kind.TRUE_FALSE):
            skipped += 1
            continue
        boolean = q.kind is Kind.TRUE_FALSE
        right = q.answer_text()
        results.append({
            "type": "boolean" if boolean else "multiple", "difficulty": q.difficulty.value,
            "category": html.escape(q.category), "question": html.escape(q.prompt),
            "correct_answer": html.escape(right),
            "incorrect_answers": [html.escape(c) for c in
                                  (["False" if q.answer else "True"] if boolean
                                   else [c for c in q.choices if c != right])],
        })
    return {"response_code": 0, "results": results}, skipped
