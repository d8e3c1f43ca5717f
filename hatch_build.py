"""Wheel build hook: validate the TOML bank, then ship it also as one JSON file.

The TOML files stay the source of truth (and ship too); the JSON, checked here at build time,
lets a game start ~10 ms sooner: no TOML parsing and no re-validation on every start.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

COMPILED = "heroes_quiz/data/_compiled.json"


class CompileBank(BuildHookInterface):  # type: ignore[misc]
    """Write the validated data/*.toml as one JSON list (the `bank export` shape)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, self.root)
        from heroes_quiz import bank  # the source tree's own validator

        # Raises BankError, failing the build, if any question is broken.
        doc = bank.to_records(bank.load(strict=False).questions)
        self.scratch = tempfile.TemporaryDirectory(prefix="heroes-quiz-build-")
        out = Path(self.scratch.name) / "_compiled.json"
        out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        build_data["force_include"][str(out)] = COMPILED

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if hasattr(self, "scratch"):
            self.scratch.cleanup()
