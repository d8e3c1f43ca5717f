"""Where heroes-quiz keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

APP = "heroes-quiz"
DB_NAME = "scores.db"


def home() -> Path:
    """The data folder: $HEROES_QUIZ_HOME, else platformdirs' user data dir."""
    override = os.environ.get("HEROES_QUIZ_HOME", "").strip()
    if override:
        return Path(override).expanduser().absolute()
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg is not None and not os.path.isabs(xdg):
        # The XDG spec says a relative or empty value is to be ignored.
        return Path.home() / ".local" / "share" / APP
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def database() -> Path:
    """The SQLite file holding scores."""
    return home() / DB_NAME
