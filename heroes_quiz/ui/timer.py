"""A live countdown for questionary prompts, and a timeout that answers for the player."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

REFRESH_SECONDS = 0.25


class Countdown:
    """A prompt message that shows the seconds left each time it is drawn.

    questionary formats its message on every redraw, so this object stands in for the
    message string and prompt_toolkit's auto-refresh makes it tick.
    """

    def __init__(self, label: str, seconds: float, clock: Callable[[], float] = time.monotonic,
                 template: str = "{label}  ⏱ {left}s") -> None:
        self.label, self.template, self.clock = label, template, clock
        self.deadline = clock() + max(seconds, 0.0)

    def left(self) -> float:
        """Seconds until the deadline, never negative."""
        return max(0.0, self.deadline - self.clock())

    def __str__(self) -> str:
        left = math.ceil(self.left())
        if not left:
            return f"{self.label}  ⏱ time's up"
        return self.template.format(label=self.label, left=left)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def ask_until(question: Any, countdown: Countdown | None, on_timeout: Any) -> Any:
    """Run a questionary question; when the countdown ends, return `on_timeout` instead."""
    if countdown is None:
        return question.unsafe_ask()
    import asyncio  # only timed prompts need it; plain games skip the import

    app = question.application
    app.refresh_interval = REFRESH_SECONDS

    async def expire() -> None:
        # Sleep again while time is left: a countdown's clock may stand still (read-aloud).
        while countdown.left() > 0:
            await asyncio.sleep(countdown.left())
        if app.future is not None and not app.future.done():
            app.exit(result=on_timeout)

    app.pre_run_callables.append(lambda: app.create_background_task(expire()))
    return question.unsafe_ask()
