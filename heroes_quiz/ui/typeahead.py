"""Type to pick: letters typed at an arrow-key list move the pointer to the option they name.

Children type the answer they know ("spy kids") even where the screen asks for arrows or a
number. The letters go into a small buffer, read the way plain mode reads a typed option (its
text, a part of exactly one option, a small typo) or, while a word is still being typed, as the
start of a word of exactly one option ("west" for Westerns); when they name one option the
pointer moves there, and Enter picks it as usual. Letters that name nothing leave the pointer
where it was.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from heroes_quiz import answers

# Spanish letters too: "niños espías" must reach the option as it is typed.
TYPED = string.ascii_letters + "áéíóúüñÁÉÍÓÚÜÑ" + " '-"
ERASE = ("backspace", "c-h")


def attach(app: Any, options: Sequence[str]) -> None:
    """Let letters typed at `app` (a questionary select) point at the option they name."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    control = next((c for c in app.layout.find_all_controls() if hasattr(c, "pointed_at")), None)
    if control is None:
        return
    typed: list[str] = []
    keys = KeyBindings()

    def point() -> None:
        text = "".join(typed)
        index = answers.parse_choice(text, options)
        if index is None:
            index = _started(text, options)
        if index is not None and index < len(control.choices):
            control.pointed_at = index

    for char in TYPED:
        @keys.add(char)
        def _letter(event: Any, char: str = char) -> None:
            typed.append(char)
            point()

    for key in ERASE:
        @keys.add(key)
        def _erase(event: Any) -> None:
            if typed:
                typed.pop()
                point()

    app.key_bindings = merge_key_bindings([app.key_bindings, keys])


def _started(text: str, options: Sequence[str]) -> int | None:
    """The one option in which `text`, two letters or more, starts a word ("west" for
    Westerns, "spy ki" for Spy Kids); None when it starts words of no option or of several.
    One letter never moves the pointer: it names too little to be meant."""
    given = answers.normalize(text)
    if len(given) < 2:
        return None
    found = [n for n, option in enumerate(options)
             if f" {given}" in f" {answers.normalize(option)}"]
    return found[0] if len(found) == 1 else None
