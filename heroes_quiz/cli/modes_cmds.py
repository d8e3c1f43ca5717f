"""`practice`, `daily`, `party` and `stats`."""

from datetime import date
from typing import Annotated

import typer

from heroes_quiz.cli.common import (
    BankOpt,
    Level,
    NameOpt,
    NoTimerOpt,
    PlainOpt,
    TimeOpt,
    guard,
    session,
)
from heroes_quiz.cli.options import LangOpt
from heroes_quiz.cli.players import (
    DetailsOpt,
    interactive_asker,
    known_player,
    pager,
    pick_level,
    show_details,
)
from heroes_quiz.cli.readaloud import ReadAloudOpt
from heroes_quiz.i18n import N_, _

WHOSE_PRACTICE = N_("Practice for {name}, the last player here (--name for someone else).")
WHOSE_DAILY = N_("Daily challenge for {name}, the last player here (--name for someone else).")
WHOSE_STATS = N_("Stats for {name}, the last player here (--name for someone else).")


def practice(name: NameOpt = None, count: Annotated[int, typer.Option(
                 min=1, help="At most this many questions.")] = 10,
             plain: PlainOpt = False, bank: BankOpt = None,
             read_aloud: ReadAloudOpt = False, details: DetailsOpt = False,
             lang: LangOpt = None) -> None:
    """Re-ask the questions you missed before until each is right three times in a row."""
    from heroes_quiz import modes, ui
    from heroes_quiz.ui.screens import show_practice_start

    with guard():
        s = session(plain)
        show_details(s, details)
        player = known_player(s, name, _(WHOSE_PRACTICE))
        plan = modes.practice_plan(player, bank, count)
        if not plan.due:
            ui.show_practice(s.console, player, None)
            return
        show_practice_start(s.console, plan)
        ui.show_practice(s.console, player, modes.practice(plan, s.asker), pager(s))


def _parse_day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(_("use the form YYYY-MM-DD, like 2026-03-01"),
                                 param_hint="--date") from None


def daily(name: NameOpt = None,
          day: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]
          = None,
          plain: PlainOpt = False, bank: BankOpt = None,
          read_aloud: ReadAloudOpt = False, details: DetailsOpt = False,
          lang: LangOpt = None) -> None:
    """Today's five questions: the same for everyone, one try per day, with a share card."""
    from heroes_quiz import modes, ui

    when = _parse_day(day)
    with guard():
        modes.check_day(when)
        s = session(plain)
        show_details(s, details)
        player = known_player(s, name, _(WHOSE_DAILY))
        report = modes.daily_challenge(player, when, bank, s.asker)
        ui.show_daily(s.console, report, pager(s))


def party(players: Annotated[str, typer.Option(help='2 to 6 names, like "Ada,Bo,Cy".')],
          rounds: Annotated[int, typer.Option(min=1, max=50, help="Questions per player.")] = 3,
          difficulty: Annotated[Level | None, typer.Option(
              help="The level for everyone (asked in a terminal; easy otherwise).")] = None,
          seed: Annotated[int | None, typer.Option(help="Same seed, same party.")] = None,
          time_limit: TimeOpt = None, no_timer: NoTimerOpt = False,
          plain: PlainOpt = False, bank: BankOpt = None,
          read_aloud: ReadAloudOpt = False, details: DetailsOpt = False,
          lang: LangOpt = None) -> None:
    """Hot-seat party for 2 to 6 players taking turns at one keyboard."""
    from heroes_quiz import modes, ui
    from heroes_quiz.errors import UsageError
    from heroes_quiz.party import parse_players

    try:
        names = parse_players(players)
    except UsageError as exc:
        raise typer.BadParameter(exc.translated(), param_hint="--players") from None
    with guard():
        s = session(plain, time_limit, no_timer)
        show_details(s, details)
        level = pick_level(s, difficulty.value if difficulty else None)
        report = modes.party_game(names, rounds, level, bank, s.asker, seed=seed, rules=s.rules)
        ui.show_party(s.console, report, pager(s))


def _stats_name(given: str | None, as_json: bool) -> str:
    """--name; in a terminal the recent names to pick from; else the last player, said."""
    from heroes_quiz import family
    from heroes_quiz.names import clean_name

    recent = family.recent_names()
    if given is not None or not recent:
        return clean_name(given)
    s = session(as_json)
    asker = interactive_asker(s)
    if asker is not None and len(recent) > 1:
        picked: int = asker.choose(_("Whose stats?"), recent)
        return recent[picked]
    return known_player(s, None, "" if as_json else _(WHOSE_STATS))


def stats(name: Annotated[str | None, typer.Option(
              help="Whose statistics (default: the last player on this computer).")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
          bank: BankOpt = None, lang: LangOpt = None) -> None:
    """Games played, accuracy per category and level, best streak, answer time, daily streak."""
    from heroes_quiz import modes

    with guard():
        figures = modes.player_stats(_stats_name(name, as_json), bank=bank)
        if as_json:
            import json

            typer.echo(json.dumps(figures.to_json(), indent=2, ensure_ascii=False))
            return
        from heroes_quiz import ui

        ui.show_stats(ui.make_console(), figures)
