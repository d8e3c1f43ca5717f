"""Folding typed text before it is read: width, invisible characters, case, accents (pure)."""

from __future__ import annotations

import re
import unicodedata

# Zero-width, bidi and other format characters a paste can smuggle in, and the blank-looking
# Hangul fillers and Braille blank that render as nothing.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\x00]")
# Combining marks left by NFKD (accents and the like), in every block Unicode keeps them.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
MAX_INPUT = 1000


def clean(text: str) -> str:
    """Fold full-width forms, drop invisible characters and surrounding space."""
    text = text[:MAX_INPUT]
    if text.isascii():  # the common case needs no Unicode folding
        return text.replace("\x00", "").strip()
    text = unicodedata.normalize("NFKC", text)
    return _INVISIBLE.sub("", text).strip()


def fold_lines(text: str) -> str:
    """`fold` of every line of `text` in one pass: the same character by character, without
    the per-text cap and trim (the caller keeps each line under MAX_INPUT)."""
    if text.isascii():
        return text.replace("\x00", "").casefold()
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return strip_accents(text.casefold())


def strip_accents(text: str) -> str:
    """`é` → `e`, `ñ` → `n`: children may type either."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Cleaned, case-folded and unaccented: the form every reader starts from."""
    return strip_accents(clean(text).casefold())


_UNSEEN = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def blank(text: str) -> bool:
    """Whether text shows nothing at all (only spaces, controls or invisible characters)."""
    if text.isascii() and text.isprintable():  # the common case, at C speed (bank check)
        return not text.strip()
    return all(c.isspace() or unicodedata.category(c) in _UNSEEN for c in clean(text))
