"""Leitner boxes for practice (pure): misses come back until answered right three times."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from heroes_quiz.models import Question

FIRST_BOX = 1
RETIRED = 4  # three right answers in a row from box 1 retire a question


def move(box: int | None, correct: bool) -> int | None:
    """The box after an answer: a miss goes to box 1, a right answer moves up one box.

    `None` means the question is not being practised; it stays so when answered right.
    """
    if not correct:
        return FIRST_BOX
    if box is None:
        return None
    return min(box + 1, RETIRED)


def due(boxes: Mapping[str, int], bank: Iterable[Question], count: int) -> list[Question]:
    """Questions still in boxes 1-3, lowest box first, in bank order within a box."""
    live = [q for q in bank if boxes.get(q.id, RETIRED) < RETIRED]
    live.sort(key=lambda q: boxes[q.id])
    return live[:count]


def still_due(boxes: Mapping[str, int], bank: Iterable[Question]) -> int:
    """How many of the bank's questions are still in boxes 1-3."""
    return sum(1 for q in bank if boxes.get(q.id, RETIRED) < RETIRED)


def updates(boxes: Mapping[str, int], results: Sequence[tuple[str, bool]]
            ) -> dict[str, int]:
    """New boxes for the questions a game touched (only those that change or start)."""
    changed: dict[str, int] = {}
    for qid, correct in results:
        box = move(changed.get(qid, boxes.get(qid)), correct)
        if box is not None:
            changed[qid] = box
    return changed


def box_counts(boxes: Mapping[str, int], bank: Iterable[Question]) -> tuple[int, ...]:
    """How many of the bank's questions sit in box 1, 2 and 3."""
    counts = [0] * (RETIRED - FIRST_BOX)
    for q in bank:
        box = boxes.get(q.id, RETIRED)
        if box < RETIRED:
            counts[box - FIRST_BOX] += 1
    return tuple(counts)
