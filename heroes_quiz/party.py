"""Hot-seat party games (pure): players take turns, standings after every round."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from heroes_quiz.engine import Player, Prompter, Rules, take_turn
from heroes_quiz.errors import UsageError
from heroes_quiz.i18n import N_
from heroes_quiz.models import GameResult, Question
from heroes_quiz.names import clean_name

MIN_PLAYERS, MAX_PLAYERS = 2, 6


class PartyPrompter(Prompter, Protocol):
    """A prompter that can also hand the keyboard over and show standings."""

    def your_turn(self, name: str, round_no: int, rounds: int) -> None:
        """Tell the next player it is their turn."""
        ...

    def standings(self, round_no: int, rounds: int, table: Sequence[Standing]) -> None:
        """Show the standings after a round."""
        ...


@dataclass(frozen=True, slots=True, eq=False)
class Standing:
    """A player's place: by score, then by less time spent answering."""

    place: int
    name: str
    score: int
    correct: int
    asked: int
    time_used: float


@dataclass(frozen=True, slots=True, eq=False)
class PartyResult:
    """Every player's game and the final standings."""

    games: tuple[GameResult, ...]
    table: tuple[Standing, ...]

    @property
    def winners(self) -> list[str]:
        """Everyone in first place (more than one only on a perfect tie)."""
        return [s.name for s in self.table if s.place == 1]


def parse_players(raw: str) -> list[str]:
    """Split "Ada, Bo,Cy" into clean names; 2 to 6 different names or a UsageError."""
    names = [clean_name(n) for n in raw.split(",") if n.strip()]
    if not MIN_PLAYERS <= len(names) <= MAX_PLAYERS:
        raise UsageError(N_("A party needs {low} to {high} players, like --players \"Ada,Bo,Cy\" "
                            "(got {count})."), low=MIN_PLAYERS, high=MAX_PLAYERS, count=len(names))
    if len({n.casefold() for n in names}) != len(names):
        raise UsageError(N_("Each player needs a different name."))
    return names


def standings(players: Sequence[Player]) -> list[Standing]:
    """Players ranked by score, ties broken by total answer time (to the millisecond)."""
    keyed = sorted((((-p.score, round(sum(o.elapsed for o in p.outcomes), 3)), p)
                    for p in players), key=lambda pair: pair[0])
    table: list[Standing] = []
    for n, (key, p) in enumerate(keyed):
        place = table[-1].place if n and keyed[n - 1][0] == key else n + 1
        table.append(Standing(place, p.name, p.score, sum(o.verdict.correct for o in p.outcomes),
                              len(p.outcomes), key[1]))
    return table


def play_party(names: Sequence[str], questions: Sequence[Question], prompter: PartyPrompter,
               rng: random.Random, *, difficulty: str, rules: Rules | None = None) -> PartyResult:
    """Each round, every player answers a question of their own."""
    players = [Player(n) for n in names]
    rules = dataclasses.replace(rules or Rules(), hot_seat=True)
    rounds = len(questions) // len(players)
    deck, table = iter(questions), standings(players)
    for round_no in range(1, rounds + 1):
        for player in players:
            prompter.your_turn(player.name, round_no, rounds)
            take_turn(player, next(deck), (round_no, rounds), prompter, rng=rng, rules=rules)
        table = standings(players)
        prompter.standings(round_no, rounds, table)
    return PartyResult(tuple(p.result(difficulty) for p in players), tuple(table))
