"""Where the built-in bank ships, read without loading it (for `--help` and shell completion).

Kept apart from `bank` so that listing the built-in categories imports no validation code.
"""

from __future__ import annotations

from pathlib import Path


def data_dir(lang: str = "en") -> Path:
    """The shipped `data/` folder (`data/<lang>/` for a translation): inside the wheel
    (force-included), or beside the package in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    folder = packaged if packaged.is_dir() else here.parent / "data"
    return folder if lang == "en" else folder / lang


def categories() -> list[str]:
    """The built-in quiz's categories: one TOML file each, named after it (tests hold this)."""
    return [path.stem for path in sorted(data_dir().glob("*.toml"))]
