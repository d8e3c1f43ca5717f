"""A live countdown for questionary prompts, and a timeout that answers for the player."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from heroes_quiz import streams
from heroes_quiz.i18n import _

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
            return _("{label}  ⏱ time's up").format(label=self.label)
        return self.template.format(label=self.label, left=left)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _ignore(event: Any) -> None:
    """A key that does nothing."""


def harden(app: Any) -> None:
    """Keys that must never end a prompt oddly, the same at every prompt.

    - Esc does nothing (alone it would wait for a second key: Esc+Enter, Ctrl-O and Enter
      accepted an empty reply from a menu);
    - mouse reports are ignored: we never turn the mouse on, and prompt_toolkit's parser reads
      any `ESC [ digits m` (pasted coloured text, `ESC [ 3 1 m`) as one, whose handler then
      fails to unpack it ("not enough values to unpack");
    - Ctrl-R and Ctrl-S (history search), Ctrl-L (clear screen, which erased the question
      drawn above the prompt), Ctrl-Z (typed a literal ^Z into the reply) and Ctrl-Q (quoted
      insert: the next key, Esc say, went raw into the reply) do nothing either;
    - Ctrl-D deletes the letter under the cursor and never ends the game (on an empty reply
      it meant end of input and abandoned the game, where a list prompt ignored it);
    - a SIGINT sent by `kill -INT` counts as Ctrl-C.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    keys = KeyBindings()
    for key in (Keys.Escape, Keys.ControlO, Keys.ControlR, Keys.ControlS, Keys.ControlL,
                Keys.ControlZ, Keys.ControlQ, Keys.Vt100MouseEvent, Keys.WindowsMouseEvent):
        keys.add(key, eager=True)(_ignore)

    @keys.add(Keys.ControlD, eager=True)
    def _delete(event: Any) -> None:
        event.current_buffer.delete()

    @keys.add(Keys.SIGINT, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    # Added last, these win over the prompt's own bindings and prompt_toolkit's defaults.
    app.key_bindings = merge_key_bindings([app.key_bindings, keys]) if app.key_bindings \
        else keys


def ask_until(question: Any, countdown: Countdown | None, on_timeout: Any) -> Any:
    """Run a questionary question (the only place one runs); when the countdown ends, return
    `on_timeout` instead."""
    app = question.application
    harden(app)
    streams.stop_prompt = lambda stopped: _end_with(app, stopped)
    try:
        return _run(question, app, countdown, on_timeout)
    finally:
        streams.stop_prompt = None


def _end_with(app: Any, stopped: BaseException) -> bool:
    """End a running prompt with `stopped` (a signal arrived); False when none is running."""
    if app.future is None or app.future.done():
        return False
    app.exit(exception=stopped)
    return True


def _run(question: Any, app: Any, countdown: Countdown | None, on_timeout: Any) -> Any:
    if countdown is None:
        return question.unsafe_ask()
    import asyncio  # only timed prompts need it; plain games skip the import

    app.refresh_interval = REFRESH_SECONDS

    async def expire() -> None:
        # Sleep again while time is left: a countdown's clock may stand still (read-aloud).
        while countdown.left() > 0:
            await asyncio.sleep(countdown.left())
        if app.future is not None and not app.future.done():
            app.exit(result=on_timeout)

    app.pre_run_callables.append(lambda: app.create_background_task(expire()))
    return question.unsafe_ask()
