"""`practice`, `daily`, `party` and `stats`."""

from datetime import date
from typing import Annotated

import typer

from heroes_quiz.cli.common import BankOpt, Level, NameOpt, PlainOpt, ask_name, guard, session


def practice(name: NameOpt = None, count: Annotated[int, typer.Option(
                 min=1, help="At most this many questions.")] = 10,
             plain: PlainOpt = False, bank: BankOpt = None) -> None:
    """Re-ask the questions you missed before until you know them (Leitner boxes)."""
    from heroes_quiz import modes, ui

    with guard():
        s = session(plain)
        player = ask_name(s.asker, name, s.plain)
        report = modes.practice(player, bank, s.asker, count)
        ui.show_practice(s.console, player, report)


def _parse_day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter("use the form YYYY-MM-DD, like 2026-03-01",
                                 param_hint="--date") from None


def daily(name: NameOpt = None,
          day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]
          = None,
          plain: PlainOpt = False, bank: BankOpt = None) -> None:
    """Today's five questions: the same for everyone, one try per day, with a share card."""
    from heroes_quiz import modes, ui

    when = _parse_day(day)
    with guard():
        s = session(plain)
        player = ask_name(s.asker, name, s.plain)
        ui.show_daily(s.console, modes.daily_challenge(player, when, bank, s.asker))


def party(players: Annotated[str, typer.Option(help='2 to 6 names, like "Ada,Bo,Cy".')],
          rounds: Annotated[int, typer.Option(min=1, max=50, help="Questions per player.")] = 3,
          difficulty: Annotated[Level, typer.Option(help="The level for everyone.")] = Level.easy,
          seed: Annotated[int | None, typer.Option(help="Same seed, same party.")] = None,
          plain: PlainOpt = False, bank: BankOpt = None) -> None:
    """Hot-seat party for 2 to 6 players taking turns at one keyboard."""
    from heroes_quiz import modes, ui
    from heroes_quiz.errors import UsageError
    from heroes_quiz.party import parse_players

    try:
        names = parse_players(players)
    except UsageError as exc:
        raise typer.BadParameter(str(exc), param_hint="--players") from None
    with guard():
        s = session(plain)
        report = modes.party_game(names, rounds, difficulty.value, bank, s.asker, seed=seed)
        ui.show_party(s.console, report)


def stats(name: Annotated[str, typer.Option(help="Whose statistics.")] = "Player",
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Games played, accuracy per category and level, best streak, answer time, daily streak."""
    from heroes_quiz import modes
    from heroes_quiz.names import clean_name

    with guard():
        figures = modes.player_stats(clean_name(name))
        if as_json:
            import json

            typer.echo(json.dumps(figures.to_json(), indent=2, ensure_ascii=False))
            return
        from heroes_quiz import ui

        ui.show_stats(ui.make_console(), figures)
