"""How long the judge takes to read and judge 10,000 typed replies (pure, in process).

Run: python benchmarks/judge.py   (microseconds a reply, and the ratio to normalizing alone)
"""

from __future__ import annotations

import random
import statistics
import time

from heroes_quiz import answers
from heroes_quiz.models import Difficulty, Kind, Question

REPLIES = 10_000


def _question(kind: Kind, answer: object, **extra: object) -> Question:
    return Question(id="b", category="c", difficulty=Difficulty.EASY, kind=kind, prompt="p?",
                    answer=answer, explanation="e", source="s", **extra)  # type: ignore[arg-type]


CASES: list[tuple[Question, list[str]]] = [
    (_question(Kind.TEXT, "Vivien Blair", accept=("Vivien Lyra Blair", "Lyra Blair")),
     ["Vivien Blair", "vivien blaire", "lira blair", "Pedro Pascal", "blair vivien", "V"]),
    (_question(Kind.TEXT, "Toy Story"), ["toy stroy", "Toy Story 2", "toystory", "Cars"]),
    (_question(Kind.TEXT, "December 25", accept=("Christmas",)),
     ["dec 25", "Dec. 25th", "25 de diciembre", "christmas", "Dec 26", "12/25"]),
    (_question(Kind.NUMBER, 44.0, tolerance=0.0, unit="million"),
     ["44", "44,000,000", "forty-four million", "44 billion", "42", "cuarenta y cuatro millones"]),
    (_question(Kind.NUMBER, 1969.0), ["1969", "nineteen sixty-nine", "1970", "about 1969"]),
    (_question(Kind.TRUE_FALSE, True), ["yes", "nope", "yeah", "sí", "f", "maybe"]),
]


def _replies(rng: random.Random) -> list[tuple[Question, str]]:
    pool = [(q, reply) for q, replies in CASES for reply in replies]
    return [rng.choice(pool) for _ in range(REPLIES)]


def judge_all(work: list[tuple[Question, str]]) -> int:
    """Parse and judge every reply as the game does; returns how many were right."""
    right = 0
    for question, text in work:
        reply = answers.parse_reply(question.kind, text, ())
        if reply is not None and answers.judge(question, reply).correct:
            right += 1
    return right


def normalize_all(work: list[tuple[Question, str]]) -> int:
    """The same-process baseline: only folding each reply to words, as any matcher must."""
    return sum(1 for _, text in work if answers.normalize(text))


def main() -> None:
    """Time seven alternating rounds of judging and of the baseline; print medians and ratio."""
    work = _replies(random.Random(7))
    judge_all(work)  # warm caches and lazy imports once
    times: dict[str, list[float]] = {"judge": [], "normalize": []}
    for _ in range(7):
        for name, run in (("judge", judge_all), ("normalize", normalize_all)):
            start = time.perf_counter()
            run(work)
            times[name].append(time.perf_counter() - start)
    judged, base = (statistics.median(times[k]) for k in ("judge", "normalize"))
    print(f"{REPLIES} replies judged: {judged * 1000:.1f} ms ({judged / REPLIES * 1e6:.1f} µs a"
          f" reply); normalize alone: {base * 1000:.1f} ms; ratio {judged / base:.1f}×")


if __name__ == "__main__":
    main()
