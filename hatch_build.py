"""Wheel build hook: ship the TOML bank also as one JSON file, which starts ~10 ms faster.

The TOML files stay the source of truth (and ship too); only the wheel gets the JSON.
"""

from __future__ import annotations

import json
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = "heroes_quiz/data/_compiled.json"


class CompileBank(BuildHookInterface):  # type: ignore[misc]
    """Write data/*.toml as {"files": [[name, [question, ...]], ...]} into the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        files = sorted(Path(self.root, "data").glob("*.toml"))
        doc = {"files": [[f.name, tomllib.loads(f.read_text(encoding="utf-8")).get("question", [])]
                         for f in files]}
        out = Path(tempfile.mkdtemp(prefix="heroes-quiz-build-")) / "_compiled.json"
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        build_data["force_include"][str(out)] = COMPILED
