"""Generate the large inputs the scale benchmark needs.

    python benchmarks/make_inputs.py OUT_DIR        # writes opentdb-100k.json
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ENTITY_WORDS = ["&quot;Heroes&quot;", "Rodr&iacute;guez", "Sharkboy &amp; Lavagirl",
                "Spy Kids&#039; fans", "caf&eacute;"]


def opentdb(count: int, seed: int = 1) -> dict[str, object]:
    """An Open Trivia DB document of `count` distinct questions with HTML entities."""
    rng = random.Random(seed)
    results = []
    for n in range(count):
        level = ("easy", "medium", "hard")[n % 3]
        word = ENTITY_WORDS[n % len(ENTITY_WORDS)]
        if n % 4 == 0:
            results.append({"type": "boolean", "difficulty": level, "category": f"Cat {n % 24}",
                            "question": f"Statement {n} about {word} is true.",
                            "correct_answer": rng.choice(["True", "False"]),
                            "incorrect_answers": ["False"]})
            continue
        results.append({"type": "multiple", "difficulty": level, "category": f"Cat {n % 24}",
                        "question": f"Question {n}: which one goes with {word}?",
                        "correct_answer": f"Right {n}",
                        "incorrect_answers": [f"Wrong {n}a", f"Wrong {n}b", f"Wrong {n}c"]})
    return {"response_code": 0, "results": results}


def punctuated(doc: dict[str, object]) -> dict[str, object]:
    """The same document with answers as real quizzes write them in a third of its multiple-
    choice questions: punctuation, apostrophes and accents ("Dr. Right 7's", "Pokémon 7b")."""
    results = doc["results"]
    assert isinstance(results, list)
    changed = []
    for n, result in enumerate(results):
        item = dict(result)
        if item["type"] == "multiple" and n % 3 == 1:
            item["correct_answer"] = f"Dr. Right {n}&#039;s"
            item["incorrect_answers"] = [f"Pok&eacute;mon {n}b", *item["incorrect_answers"][1:]]
        changed.append(item)
    return {**doc, "results": changed}


def encoded(doc: dict[str, object], encoding: str) -> dict[str, object]:
    """The same document as Open Trivia DB's `encode=base64` or `encode=url3986` writes it."""
    import base64
    import html
    from urllib.parse import quote

    def one(value: object) -> object:
        if isinstance(value, list):
            return [one(v) for v in value]
        if not isinstance(value, str):
            return value
        text = html.unescape(value).encode()
        return base64.b64encode(text).decode() if encoding == "base64" else quote(text, safe="")

    results = doc["results"]
    assert isinstance(results, list)
    return {**doc, "results": [{k: one(v) for k, v in item.items()} for item in results]}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out")
    out.mkdir(parents=True, exist_ok=True)
    path = out / "opentdb-100k.json"
    path.write_text(json.dumps(opentdb(100_000)), encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 2**20:.1f} MB)")


if __name__ == "__main__":
    main()
