"""Pure rules of the replay modes: Leitner boxes, daily picks, party standings, stats."""

from __future__ import annotations

import random
from datetime import date

import pytest
from conftest import make_question
from hypothesis import given
from hypothesis import strategies as st
from test_engine import BANK, Scripted, right, wrong

from heroes_quiz import daily, engine, leitner, stats
from heroes_quiz.engine import Player, Rules
from heroes_quiz.errors import UsageError
from heroes_quiz.models import Action, Kind, Outcome, Points, Reply, Turn, Verdict
from heroes_quiz.party import parse_players, play_party, standings
from heroes_quiz.records import AnswerRow


def test_leitner_moves() -> None:
    assert leitner.move(None, False) == 1  # a miss enters box 1
    assert leitner.move(None, True) is None  # a right answer never starts practice
    assert leitner.move(1, True) == 2
    assert leitner.move(2, True) == 3
    assert leitner.move(3, True) == leitner.RETIRED  # third right in a row retires it
    assert leitner.move(3, False) == 1


def test_leitner_due_lowest_box_first_and_retired_left_out() -> None:
    qs = [make_question(f"q{n}") for n in range(4)]
    boxes = {"q0": 3, "q1": 1, "q2": leitner.RETIRED, "q3": 2}
    assert [q.id for q in leitner.due(boxes, qs, 10)] == ["q1", "q3", "q0"]
    assert [q.id for q in leitner.due(boxes, qs, 1)] == ["q1"]


def test_leitner_updates_only_touched_questions() -> None:
    assert leitner.updates({"a": 2}, [("a", True), ("b", True), ("c", False)]) == {
        "a": 3, "c": 1}


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_daily_set_depends_only_on_date_and_bank(day: date) -> None:
    shuffled = list(BANK)
    random.Random(day.toordinal()).shuffle(shuffled)
    first = daily.pick(BANK, day)
    assert first == daily.pick(tuple(shuffled), day)  # bank order does not matter
    assert len(first) == daily.DAILY_COUNT == len({q.id for q in first})


def test_daily_sets_differ_from_day_to_day() -> None:
    days = [date(2026, 3, d) for d in range(1, 11)]
    assert len({tuple(q.id for q in daily.pick(BANK, d)) for d in days}) > 5


def test_day_streak_and_share_card() -> None:
    days = [date(2026, 3, d) for d in (1, 2, 3, 5)]
    assert daily.day_streak(days, date(2026, 3, 3)) == 3
    assert daily.day_streak(days, date(2026, 3, 4)) == 0
    assert daily.share_card(date(2026, 3, 1), [True, True, False, True, True], 3) == \
        "heroes-quiz daily 2026-03-01  4/5  🟩🟩🟥🟩🟩  streak 3"


@pytest.mark.parametrize("raw", ["Ada", "", "A,B,C,D,E,F,G", "Ada,ada"])
def test_party_needs_two_to_six_different_players(raw: str) -> None:
    with pytest.raises(UsageError):
        parse_players(raw)


def test_parse_players_trims() -> None:
    assert parse_players(" Ada , Bo,Cy ") == ["Ada", "Bo", "Cy"]


def _player(name: str, score: int, seconds: float) -> Player:
    p = Player(name, score=score)
    q = make_question()
    p.outcomes.append(Outcome(Turn(1, 1, q, q.choices, 0), Verdict(True), Points(), score,
                              seconds))
    return p


def test_standings_break_ties_by_time() -> None:
    table = standings([_player("Ada", 300, 9.0), _player("Bo", 300, 4.0), _player("Cy", 500, 20)])
    assert [(s.place, s.name) for s in table] == [(1, "Cy"), (2, "Bo"), (3, "Ada")]
    tied = standings([_player("Ada", 100, 2.0), _player("Bo", 100, 2.0)])
    assert [s.place for s in tied] == [1, 1]


class PartyScript(Scripted):
    def __init__(self) -> None:
        super().__init__(lambda t: right(t) if t.player == "Bo" else wrong(t))
        self.calls: list[str] = []

    def your_turn(self, name: str, round_no: int, rounds: int) -> None:
        self.calls.append(f"{name} {round_no}/{rounds}")

    def standings(self, round_no: int, rounds: int, table: object) -> None:
        self.calls.append(f"standings {round_no}")


def test_party_turn_order_standings_and_winner() -> None:
    script = PartyScript()
    qs = engine.select(BANK, random.Random(1), count=6).questions
    result = play_party(["Ada", "Bo", "Cy"], qs, script, random.Random(1), difficulty="mixed")
    assert script.calls == ["Ada 1/2", "Bo 1/2", "Cy 1/2", "standings 1",
                            "Ada 2/2", "Bo 2/2", "Cy 2/2", "standings 2"]
    assert result.winners == ["Bo"]
    assert [len(g.outcomes) for g in result.games] == [2, 2, 2]
    assert len({o.turn.question.id for g in result.games for o in g.outcomes}) == 6


def test_fifty_fifty_removes_two_wrong_and_halves() -> None:
    script_turns: list[Turn] = []
    replies: list[Reply] = [Action.FIFTY, 0, Action.FIFTY, 0]

    def answer(turn: Turn) -> Reply:
        script_turns.append(turn)
        reply = replies.pop(0)
        return turn.options.index("A") if reply == 0 else reply

    q = make_question(kind=Kind.CHOICE, choices=("A", "B", "C", "D"), answer="A")
    script = Scripted(answer)
    engine.play([q, q], script, random.Random(2))
    assert len(script_turns[1].options) == 2 and "A" in script_turns[1].options
    assert Action.FIFTY not in script_turns[1].lifelines
    first, second = script.outcomes
    assert first.verdict.correct and first.verdict.halved and first.points.total == 50
    assert not second.verdict.halved  # the second 50:50 was refused: one per game
    assert len(script_turns) == 4


def test_skip_scores_nothing_keeps_streak_and_is_used_once() -> None:
    q = make_question(kind=Kind.TRUE_FALSE)
    replies: list[Reply] = [True, Action.SKIP, True, Action.SKIP, True]
    script = Scripted(lambda t: replies.pop(0))
    engine.play([q, q, q, q], script, random.Random(1))
    skipped = script.outcomes[1]
    assert skipped.verdict.skipped and skipped.points.total == 0 and skipped.streak == 1
    assert [o.streak for o in script.outcomes] == [1, 1, 2, 3]


def test_timeout_scores_nothing_and_resets_streak() -> None:
    q = make_question(kind=Kind.TRUE_FALSE)
    replies: list[Reply] = [True, Action.TIMEOUT]
    script = Scripted(lambda t: replies.pop(0))
    engine.play([q, q], script, random.Random(1), rules=Rules.timed(20))
    assert script.turns[0].time_left == pytest.approx(20, abs=1)
    out = script.outcomes[1]
    assert out.verdict.timed_out and out.points.total == 0 and out.streak == 0


def test_speed_counts_with_a_timer() -> None:
    ticks = iter([0.0, 0.0, 10.0])  # start, time left, answered
    q = make_question(kind=Kind.TRUE_FALSE, difficulty="medium")
    script = Scripted(lambda t: True)
    engine.play([q], script, random.Random(1),
                rules=Rules.timed(20, clock=lambda: next(ticks)))
    assert script.outcomes[0].points.total == 150


def test_stats_compute() -> None:
    rows = [AnswerRow(1, "cast", "easy", ok, 2.0) for ok in (True, True, False, True)]
    rows += [AnswerRow(2, "story", "hard", True, 4.0)]
    figures = stats.compute("Ada", rows, 3)
    assert figures.games == 2 and figures.best_streak == 2 and figures.daily_streak == 3
    assert figures.categories["cast"].percent == 75
    assert figures.difficulties["hard"].correct == 1
    assert figures.average_time == pytest.approx(2.4)
    data = figures.to_json()
    assert {"categories", "difficulties", "games", "best_streak"} <= set(data)


def test_typing_skip_after_the_skip_is_used_is_just_an_answer() -> None:
    q = make_question(kind=Kind.TEXT)
    replies: list[Reply] = [Action.SKIP, "skip", "50:50"]
    script = Scripted(lambda t: replies.pop(0))
    engine.play([q, q, q], script, random.Random(1))
    assert len(script.turns) == 3  # no question was asked twice
    assert [o.verdict.skipped for o in script.outcomes] == [True, False, False]
    assert script.outcomes[1].verdict.given == "skip"


def test_day_streak_stops_at_the_first_day_of_the_calendar() -> None:
    assert daily.day_streak([date.min], date.min) == 1
    assert daily.day_streak([date.min, date(1, 1, 2)], date(1, 1, 2)) == 2


def test_party_names_are_compared_after_cleaning() -> None:
    with pytest.raises(UsageError, match="different name"):
        parse_players("Alexandra Konstantinopoulos1,Alexandra Konstantinopoulos2")
    assert parse_players("Ada\tLovelace, Bo") == ["Ada Lovelace", "Bo"]


def test_a_skip_neither_breaks_nor_extends_the_best_streak() -> None:
    rows = [AnswerRow(1, "cast", "easy", True, 1.0), AnswerRow(1, "cast", "easy", False, 1.0,
            skipped=True), AnswerRow(1, "cast", "easy", True, 1.0)]
    assert stats.compute("Ada", rows, 0).best_streak == 2
    rows[1] = AnswerRow(1, "cast", "easy", False, 1.0)
    assert stats.compute("Ada", rows, 0).best_streak == 1
