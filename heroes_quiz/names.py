"""Players' names (pure): one cleaning rule for every place a name comes in."""

import unicodedata

DEFAULT_NAME = "Player"
MAX_NAME = 24


def clean_name(raw: str | None) -> str:
    """Trim a player's name, turn control characters into spaces, cap its length."""
    # Control characters (tabs, newlines, NULs) become spaces, so words stay apart.
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in (raw or ""))
    text = " ".join(text.split())[:MAX_NAME].strip()
    return text or DEFAULT_NAME
