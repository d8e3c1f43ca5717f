"""One rule for text from outside (banks, the score file, replies): no terminal controls (pure).

C0 controls, DEL and ESC become their visible Unicode pictures ("␛[2J"), C1 controls and the
bidi overrides and isolates become "\\x9b" / "\\u202e", tabs and line breaks become spaces.
Nothing a stranger writes can then clear the screen, blink, link or reach the clipboard.
"""

from __future__ import annotations

import re

# Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what follows
# them on screen; zero-width characters are left to the answer matcher.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = {"\t": " ", "\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SPACES:
        return _SPACES[char]
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every terminal control shown as a harmless visible mark."""
    if text.isprintable():  # the common case: one C-level scan, no copy
        return text
    return _UNSAFE.sub(_visible, text)


def deep(value: object) -> object:
    """`visible` applied to every string inside lists and dict values (keys too)."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [deep(v) for v in value]
    if isinstance(value, dict):
        return {visible(k) if isinstance(k, str) else k: deep(v) for k, v in value.items()}
    return value
