"""Selection and turn flow with a scripted prompter (no terminal)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from conftest import make_question
from hypothesis import given
from hypothesis import strategies as st

from heroes_quiz import engine
from heroes_quiz.errors import BankError, NothingMatches
from heroes_quiz.models import Difficulty, Kind, Outcome, Question, Reply, Turn

KINDS = list(Kind)
BANK = tuple(
    make_question(f"q{n}", KINDS[n % 4], difficulty=list(Difficulty)[n % 3],
                  category=("cast", "release")[n % 2])
    for n in range(30)
)


class Scripted:
    """Answers with a function of the turn and records everything."""

    def __init__(self, answer: Callable[[Turn], Reply]) -> None:
        self.answer = answer
        self.turns: list[Turn] = []
        self.outcomes: list[Outcome] = []

    def ask(self, turn: Turn) -> Reply:
        self.turns.append(turn)
        return self.answer(turn)

    def feedback(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)


def right(turn: Turn) -> Reply:
    q = turn.question
    if q.kind is Kind.CHOICE:
        return turn.options.index(str(q.answer))
    return q.answer if q.kind is not Kind.NUMBER else float(q.answer)


def wrong(turn: Turn) -> Reply:
    q = turn.question
    if q.kind is Kind.CHOICE:
        return next(i for i, o in enumerate(turn.options) if o != q.answer)
    if q.kind is Kind.TRUE_FALSE:
        return not q.answer
    return "nope" if q.kind is Kind.TEXT else -999.0


def play(questions: tuple[Question, ...], answer: Callable[[Turn], Reply],
         seed: int = 1) -> tuple[Scripted, int]:
    prompter = Scripted(answer)
    result = engine.play(questions, prompter, random.Random(seed), name="Ada")
    return prompter, result.score


def test_filters_by_difficulty_and_category() -> None:
    sel = engine.select(BANK, random.Random(1), difficulty="hard", categories=["CAST"], count=50)
    assert sel.questions
    assert all(q.difficulty == "hard" and q.category == "cast" for q in sel.questions)
    assert sel.short_of == 50 - len(sel.questions)


def test_mixed_draws_every_level() -> None:
    sel = engine.select(BANK, random.Random(1), difficulty="mixed", count=30)
    assert {q.difficulty for q in sel.questions} == set(Difficulty)


def test_nothing_matching_is_a_bank_error_worded_by_the_caller() -> None:
    with pytest.raises(NothingMatches) as raised:
        engine.select(BANK, random.Random(1), categories=["nosuch"])
    assert isinstance(raised.value, BankError) and str(raised.value) == ""  # no core English


def test_all_right_game_scores_each_question_at_its_level_with_streak() -> None:
    questions = engine.select(BANK, random.Random(3), count=6).questions
    prompter, score = play(questions, right)
    assert all(o.verdict.correct for o in prompter.outcomes)
    assert [t.number for t in prompter.turns] == list(range(1, 7))
    assert all(t.total == 6 for t in prompter.turns)
    assert score == sum(o.points.total for o in prompter.outcomes)
    assert prompter.outcomes[-1].points.streak > 0


def test_wrong_answers_score_zero_and_show_running_score() -> None:
    questions = engine.select(BANK, random.Random(3), count=5).questions
    prompter, score = play(questions, wrong)
    assert score == 0
    assert all(not o.verdict.correct and o.score == 0 for o in prompter.outcomes)


def test_choice_options_are_shuffled_but_complete() -> None:
    q = make_question(kind=Kind.CHOICE, choices=tuple("ABCDE"), answer="A")
    orders = {engine.options_for(q, random.Random(seed)) for seed in range(20)}
    assert len(orders) > 1
    assert all(sorted(o) == list("ABCDE") for o in orders)


@given(st.integers(0, 2**32), st.integers(1, 40))
def test_a_game_never_repeats_a_question(seed: int, count: int) -> None:
    sel = engine.select(BANK, random.Random(seed), count=count)
    ids = [q.id for q in sel.questions]
    assert len(ids) == len(set(ids)) == min(count, len(BANK))


@given(st.integers(0, 2**32))
def test_same_seed_same_game(seed: int) -> None:
    def game() -> list[tuple[str, tuple[str, ...]]]:
        rng = random.Random(seed)
        sel = engine.select(BANK, rng, count=8)
        prompter = Scripted(right)
        engine.play(sel.questions, prompter, rng)
        return [(t.question.id, t.options) for t in prompter.turns]

    assert game() == game()


@given(st.integers(0, 2**32), st.lists(st.booleans(), min_size=10, max_size=10))
def test_score_never_negative_and_never_falls(seed: int, pattern: list[bool]) -> None:
    answers = iter(pattern)
    sel = engine.select(BANK, random.Random(seed), count=10)
    prompter, score = play(sel.questions, lambda t: right(t) if next(answers) else wrong(t))
    running = [o.score for o in prompter.outcomes]
    assert score >= 0 and running == sorted(running)
