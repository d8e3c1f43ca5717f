"""Per-machine preferences (language, read-aloud, last level, recent names) in settings.json.

An edge module: a small JSON file in the data folder. A missing, unreadable or damaged file
reads as "no preferences"; a failed write is ignored, because a preference is never worth
stopping a game for.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from heroes_quiz import paths

FILE_NAME = "settings.json"
MAX_BYTES = 64 * 1024  # a preferences file is tiny; anything bigger is not ours


def settings_path() -> Path:
    """Where the preferences live (beside scores.db)."""
    return paths.home() / FILE_NAME


def load() -> dict[str, Any]:
    """All saved preferences; {} when there are none or the file cannot be read."""
    try:
        with settings_path().open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        data = json.loads(raw) if len(raw) <= MAX_BYTES else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get(key: str, default: Any = None) -> Any:
    """One saved preference, or `default`."""
    return load().get(key, default)


def put(key: str, value: Any) -> bool:
    """Save one preference (atomically); False when it could not be written."""
    import tempfile  # only a write needs it; settings are read on every start

    data = load()
    data[key] = value
    target = settings_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=target.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # never leave a half-written scratch file beside scores.db
        return False
    return True
