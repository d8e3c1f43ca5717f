"""A moment of calm at the start of a question: keys pressed in its first ~300 ms are ignored.

A double Enter on the screen before must not answer the next question. While the prompt
settles its line stays blank, so what a player (or a test) sees matches what it accepts.
"""

from __future__ import annotations

import string
import time
from typing import Any

SETTLE_SECONDS = 0.3
# Keys the terminal answers by itself or that must always work (Ctrl-C, signals).
_ALWAYS = {"c-c", "<sigint>", "<cursor-position-response>", "<vt100-mouse-event>",
           "<windows-mouse-event>", "<bracketed-paste>", "<ignore>", "escape"}


class Settling:
    """Stands in for a prompt message: blank until the prompt has settled."""

    def __init__(self, message: Any, seconds: float = SETTLE_SECONDS) -> None:
        self.inner, self.seconds = message, seconds
        self.started: float | None = None

    def settled(self) -> bool:
        """Whether keys count yet."""
        return self.seconds <= 0 or (
            self.started is not None and time.monotonic() - self.started >= self.seconds)

    def __str__(self) -> str:
        return str(self.inner) if self.settled() else ""

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    @property
    def message(self) -> Any:
        """What to hand questionary as the message."""
        return self if self.seconds > 0 else self.inner

    def attach(self, app: Any) -> None:
        """Swallow keys on `app` until settled, then redraw it."""
        if self.seconds <= 0:
            return
        import asyncio

        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
        from prompt_toolkit.keys import ALL_KEYS, Keys

        calm, swallow = KeyBindings(), Condition(lambda: not self.settled())
        typed = string.ascii_letters + string.digits + string.punctuation + " "
        for key in [Keys.Any, *typed, *(k for k in ALL_KEYS if k not in _ALWAYS)]:
            calm.add(key, filter=swallow, eager=True)(lambda event: None)
        # Added last, these win over the prompt's own bindings for the same keys.
        app.key_bindings = merge_key_bindings([app.key_bindings, calm])

        async def wake() -> None:
            await asyncio.sleep(self.seconds)
            app.invalidate()

        def start() -> None:
            self.started = time.monotonic()
            app.create_background_task(wake())

        app.pre_run_callables.append(start)
