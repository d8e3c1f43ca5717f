"""`--read-aloud`, shared by play, practice, daily and party: add `read_aloud: ReadAloudOpt`.

Like `--lang`, the option acts while the command line is parsed (an eager callback), so a
command's body needs no code for it: `cli.common.session` builds the voice.
"""

from __future__ import annotations

from typing import Annotated

import typer


def _request(value: bool) -> bool:
    from heroes_quiz import speech

    speech.request(value)
    return value


ReadAloudOpt = Annotated[bool, typer.Option(
    "--read-aloud", callback=_request, is_eager=True,
    help="Read every question, option and answer out loud (needs espeak-ng). "
         "Also: HEROES_QUIZ_READ_ALOUD=1, or the menu's switch.")]
