"""Rendering and prompters with an in-memory console and prompt_toolkit pipe input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import StringIO

import pytest
from conftest import make_question, strip_ansi
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from heroes_quiz.errors import GameAbandoned
from heroes_quiz.models import GameResult, Kind, Outcome, Points, ScoreRow, Turn, Verdict
from heroes_quiz.ui import InteractivePrompter, PlainPrompter, render

MARKUP = "[bold red]Boo[/] [link=file:///etc/passwd]x :smile: \\"


def console(width: int = 80, color: bool = False) -> Console:
    return Console(file=StringIO(), width=width, force_terminal=color, color_system="truecolor"
                   if color else None, highlight=False, emoji=False)


def text_of(con: Console) -> str:
    out = con.file
    assert isinstance(out, StringIO)
    return strip_ansi(out.getvalue())


def outcome(verdict: Verdict, kind: Kind = Kind.TEXT, **over: object) -> Outcome:
    q = make_question(kind=kind, **over)
    return Outcome(Turn(3, 10, q, q.choices, 200), verdict, Points(base=100), 300)


@pytest.mark.parametrize(("verdict", "words"), [
    (Verdict(True), ["✓ RIGHT!"]),
    (Verdict(True, forgiven=True, given="boyd holdbrook"),
     ["✓ accepted — it's spelled Boyd Holbrook"]),
    (Verdict(False, given="Kang"), ["✗ NOT QUITE", "You said: Kang", "The answer: Boyd Holbrook"]),
])
def test_feedback_says_right_or_wrong_in_words(verdict: Verdict, words: list[str]) -> None:
    con = console()
    con.print(render.feedback_panel(outcome(verdict)))
    shown = text_of(con)
    for word in words:
        assert word in shown
    assert "Because." in shown and "Source: CBR interview" in shown and "Total: 300 points" in shown


def test_question_panel_numbers_options_in_plain_mode() -> None:
    q = make_question(kind=Kind.CHOICE)
    con = console()
    con.print(render.question_panel(Turn(3, 10, q, ("Zendaya", "Pedro Pascal"), 200), True))
    shown = text_of(con)
    assert "Question 3 of 10" in shown and "1. Zendaya" in shown and "2. Pedro Pascal" in shown


def test_bank_text_and_names_are_never_markup() -> None:
    con = console(color=True)
    o = outcome(Verdict(False, given=MARKUP), explanation=MARKUP, answer=MARKUP)
    con.print(render.feedback_panel(o))
    con.print(render.summary_panel(GameResult(MARKUP, "easy", (o,)), rank=1))
    row = ScoreRow(MARKUP, 5, "easy", 1, 2, "2026-01-01T00:00:00")
    con.print(render.scores_table([row], con))
    shown = " ".join(text_of(con).split())
    assert shown.count("[bold red]Boo[/]") == 5
    assert ":smile:" in shown and "😄" not in shown
    assert "file:///etc/passwd" in shown


def test_no_color_means_no_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = StringIO()
    con = Console(file=out, width=60, force_terminal=True)
    con.print(render.feedback_panel(outcome(Verdict(True))))
    params = [p for sgr in re.findall(r"\x1b\[([0-9;]*)m", out.getvalue()) for p in sgr.split(";")]
    colours = [p for p in params if p and (30 <= int(p) <= 49 or 90 <= int(p) <= 107)]
    assert params and colours == []  # bold may stay; colour may not
    assert "✓ RIGHT!" in out.getvalue()


@pytest.mark.parametrize("width", [30, 12])
def test_narrow_scores_become_a_list(width: int) -> None:
    con = console(width)
    rows = [ScoreRow("Ada Lovelace", 1200, "easy", 9, 10, "2026-11-22T10:00:00", rank=1)]
    con.print(render.scores_table(rows, con))
    shown = text_of(con)
    assert "Ada" in shown and "1200" in " ".join(shown.split())
    assert all(len(line) <= width for line in shown.splitlines())


def test_wide_scores_are_a_table_in_a_terminal() -> None:
    con = Console(file=StringIO(), width=100, force_terminal=True, color_system=None)
    rows = [ScoreRow("Ada", 1200, "hard", 9, 10, "2026-11-22T10:00:00", rank=1)]
    con.print(render.scores_table(rows, con))
    shown = text_of(con)
    assert "Score" in shown and "9/10" in shown and "2026-11-22" in shown
    piped = console(100)  # not a terminal: a list, whatever the width
    piped.print(render.scores_table(rows, piped))
    assert "Score" not in text_of(piped) and "1. Ada" in text_of(piped)


def test_plain_prompter_reasks_then_reads() -> None:
    con = console()
    q = make_question(kind=Kind.NUMBER)
    prompter = PlainPrompter(con, StringIO("\nlots\nnan\n１９\n"))
    assert prompter.ask(Turn(1, 1, q, (), 0)) == "19"  # the judge reads it, unit and all
    assert text_of(con).count("Hmm, I didn't get that. Type a number.") == 3


def test_plain_prompter_eof_abandons() -> None:
    prompter = PlainPrompter(console(), StringIO(""))
    with pytest.raises(GameAbandoned):
        prompter.ask(Turn(1, 1, make_question(), ("a", "b", "c"), 0))


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def interactive(pipe: PipeInput) -> InteractivePrompter:
    return InteractivePrompter(console(), input=pipe, output=DummyOutput())


def test_interactive_choice_by_arrow_keys(pipe: PipeInput) -> None:
    pipe.send_text("\x1b[B\x1b[B\r")
    q = make_question(kind=Kind.CHOICE)
    assert interactive(pipe).ask(Turn(1, 1, q, ("A", "B", "C"), 0)) == 2


def test_interactive_true_false_maps_to_bool(pipe: PipeInput) -> None:
    pipe.send_text("\x1b[B\r")
    q = make_question(kind=Kind.TRUE_FALSE)
    assert interactive(pipe).ask(Turn(1, 1, q, ("True", "False"), 0)) is False


def test_interactive_number_validates(pipe: PipeInput) -> None:
    pipe.send_text("abc\r\x7f\x7f\x7f44\r")
    q = make_question(kind=Kind.NUMBER)
    assert interactive(pipe).ask(Turn(1, 1, q, (), 0)) == "44"


def test_interactive_text_and_ctrl_c(pipe: PipeInput) -> None:
    pipe.send_text("Holbrook\r")
    q = make_question(kind=Kind.TEXT)
    assert interactive(pipe).ask(Turn(1, 1, q, (), 0)) == "Holbrook"
    pipe.send_text("\x03")
    with pytest.raises(KeyboardInterrupt):
        interactive(pipe).choose("Pick", ["a", "b"])


def test_force_color_zero_means_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "0")
    monkeypatch.delenv("NO_COLOR", raising=False)
    con = render.make_console()
    assert con.no_color and not con.is_terminal  # pytest's stdout is not a terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not render.make_console().no_color


def test_typing_an_option_points_at_it(pipe: PipeInput) -> None:
    pipe.send_text("spy kids\r")
    q = make_question(kind=Kind.CHOICE)
    options = ("Frozen", "Home Alone", "Spy Kids", "Toy Story")
    assert interactive(pipe).ask(Turn(1, 1, q, options, 0)) == 2


def test_typing_letters_never_jumps_to_another_option(pipe: PipeInput) -> None:
    # "k" and "j" once moved the pointer (vi keys): "kj k" must leave it on the first option.
    pipe.send_text("kj k\r")
    q = make_question(kind=Kind.CHOICE)
    assert interactive(pipe).ask(Turn(1, 1, q, ("A", "B", "C"), 0)) == 0


def test_a_typo_and_backspace_still_point_at_the_option(pipe: PipeInput) -> None:
    pipe.send_text("toy stroyx\x7f\r")
    q = make_question(kind=Kind.CHOICE)
    options = ("Frozen", "Home Alone", "Spy Kids", "Toy Story")
    assert interactive(pipe).ask(Turn(1, 1, q, options, 0)) == 3


def test_spanish_true_false_list_shows_spanish_words_but_answers_with_values(
        pipe: PipeInput) -> None:
    from heroes_quiz import i18n

    i18n.set_language("es")
    q = make_question(kind=Kind.TRUE_FALSE)
    turn = Turn(1, 1, q, ("True", "False"), 0)
    assert render.option_titles(turn) == ("Verdadero", "Falso")
    con = console()
    con.print(render.question_panel(turn, numbered=True))
    assert "1. Verdadero" in text_of(con) and "2. Falso" in text_of(con)
    # Down to "Falso", then the Spanish word points back at "Verdadero": only a list that
    # shows Spanish options can be typed at in Spanish.
    pipe.send_text("\x1b[Bverdadero\r")
    assert interactive(pipe).ask(turn) is True


def test_spanish_letters_typed_at_a_list_reach_their_option(pipe: PipeInput) -> None:
    pipe.send_text("niños espías\r")
    q = make_question(kind=Kind.CHOICE)
    # Were ñ and í dropped, the letters left ("nios espas") would name the first option.
    options = ("Nios espas", "Frozen", "Niños espías", "Toy Story")
    assert interactive(pipe).ask(Turn(1, 1, q, options, 0)) == 2


def test_saltar_skips_like_skip() -> None:
    from heroes_quiz.models import Action

    q = make_question(kind=Kind.TEXT)
    prompter = PlainPrompter(console(), StringIO("saltar\n"))
    assert prompter.ask(Turn(1, 1, q, (), 0, lifelines=frozenset({Action.SKIP}))) is Action.SKIP
    con = console()  # with no skip left, "saltar" is not taken for an answer either
    assert PlainPrompter(con, StringIO("saltar\nHolbrook\n")).ask(Turn(1, 1, q, (), 0)) == \
        "Holbrook"
    assert "No skip left this game" in text_of(con)


@pytest.mark.parametrize(("typed", "index"), [
    ("west\r", 3),  # the start of a word is enough, as in any list
    ("silent com\r", 2),
    ("s\r", 0),  # Silent comedies or Superheroes? the pointer stays put
    ("w\r", 0),  # one letter names too little
    ("xyz\r", 0),
])
def test_the_start_of_an_options_word_points_at_it(pipe: PipeInput, typed: str,
                                                   index: int) -> None:
    # A child typed "west" and pressed Enter: the pointer had stayed on "Musicals".
    pipe.send_text(typed)
    q = make_question(kind=Kind.CHOICE)
    options = ("Musicals", "Superheroes", "Silent comedies", "Westerns")
    assert interactive(pipe).ask(Turn(1, 1, q, options, 0)) == index
