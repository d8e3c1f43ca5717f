"""Translated sentences as Rich Text, with names and bank text filled in literally.

A translation keeps a whole sentence together ("¡Buena suerte, {name}!") so the translator can
move the name; `fill` then appends each field as Text, so a player's name or a bank's answer
never becomes markup, whatever it contains.
"""

from __future__ import annotations

import string

from rich.text import Text

_FORMATTER = string.Formatter()


def fill(template: str, style: str = "", **fields: str | int | float | Text) -> Text:
    """`fill(_("Good luck, {name}!"), name=Text(name, style="bold"))` as one Text.

    Plain values take the field's format spec (`{score:,}`); Text values keep their style.
    A field the template does not use is ignored; one it uses but was not given is a KeyError.
    """
    out = Text(style=style)
    for literal, field, spec, _conversion in _FORMATTER.parse(template):
        out.append(literal)
        if field is None:
            continue
        value = fields[field]
        out.append(value if isinstance(value, Text) else format(value, spec or ""))
    return out
