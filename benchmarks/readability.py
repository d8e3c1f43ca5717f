"""Reading level of the built-in bank: easy prompts and every explanation (issue 9).

    python benchmarks/readability.py [PROJECT_DIR]

English (data/*.toml): Flesch-Kincaid grade (lower is easier) and Flesch reading ease (higher
is easier). Spanish (data/es/*.toml, when present): Fernández Huerta and Szigriszt-Pazos, both
read like Flesch reading ease. A 9-year-old reads at about grade 3-4, a reading ease of 80-90.
Each question's text counts as one sentence; names ("Rodriguez", "Priyanka") add syllables.

textstat is a test-only library (the `test` extra); the game never imports it.
"""

from __future__ import annotations

import statistics
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

import textstat

ROOT = Path(__file__).resolve().parent.parent
# Goals for the whole English bank: a grade a 9-year-old reads, and "easy" on the Flesch scale.
GOALS = {"easy prompts": (5.0, 75.0), "explanations": (5.0, 75.0)}
ES_GOAL = 70.0  # Szigriszt-Pazos: 65-80 is "fairly easy", above 80 "very easy"
Texts = dict[str, list[tuple[str, str]]]  # file name -> [(question id, text)]


def english_syllables() -> str:
    """Use the CMU dictionary when NLTK has it; otherwise textstat's Pyphen fallback alone."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
        return "CMU dictionary"
    except LookupError:  # offline machines: do not let textstat try to download it
        from textstat.backend.counts import _count_syllables

        _count_syllables.get_cmudict = lambda lang: None  # type: ignore[assignment]
        return "Pyphen hyphenation (no NLTK cmudict here)"


def load(folder: Path) -> tuple[Texts, Texts]:
    """Easy prompts and all explanations of every bank file in `folder`, by file."""
    prompts: Texts = {}
    explanations: Texts = {}
    for path in sorted(folder.glob("*.toml")):
        questions = tomllib.loads(path.read_text(encoding="utf-8")).get("question", [])
        prompts[path.stem] = [(q["id"], q["prompt"]) for q in questions
                              if q.get("difficulty") == "easy"]
        explanations[path.stem] = [(q["id"], q["explanation"]) for q in questions]
    return prompts, explanations


def as_text(items: Iterable[tuple[str, str]]) -> str:
    """One sentence per item, so a prompt without a full stop is not glued to the next."""
    return " ".join(t if t.rstrip()[-1:] in ".?!" else t + "." for _, t in items)


def table(label: str, texts: Texts, measures: dict[str, Callable[[str], float]]) -> None:
    """Print each measure for every file and for the whole bank."""
    names = list(measures)
    print(f"\n{label:<18}" + "".join(f"{n:>22}" for n in names) + f"{'items':>7}")
    rows = [(name, items) for name, items in texts.items() if items]
    rows.append(("all", [i for items in texts.values() for i in items]))
    for name, items in rows:
        text = as_text(items)
        print(f"  {name:<16}" + "".join(f"{measures[n](text):>22.1f}" for n in names)
              + f"{len(items):>7}")


def hardest(texts: Texts, grade: Callable[[str], float], count: int = 5) -> None:
    """The items with the highest grade, to rewrite first."""
    items = [i for items in texts.values() for i in items]
    scored = sorted(((grade(t), qid, t) for qid, t in items), reverse=True)[:count]
    median = statistics.median(grade(t) for _, t in items)
    print(f"  median item grade {median:.1f}; hardest:")
    for score, qid, text in scored:
        print(f"    {score:5.1f}  {qid}: {text}")


def english(root: Path) -> bool:
    """Report the English bank; True when both goals hold."""
    textstat.set_lang("en_US")
    print(f"English bank ({root / 'data'}), syllables from {english_syllables()}")
    measures = {"Flesch-Kincaid grade": textstat.flesch_kincaid_grade,
                "Flesch reading ease": textstat.flesch_reading_ease}
    ok = True
    for label, texts in zip(GOALS, load(root / "data"), strict=True):
        table(label, texts, measures)
        hardest(texts, textstat.flesch_kincaid_grade)
        whole = as_text(i for items in texts.values() for i in items)
        grade, ease = textstat.flesch_kincaid_grade(whole), textstat.flesch_reading_ease(whole)
        max_grade, min_ease = GOALS[label]
        holds = grade <= max_grade and ease >= min_ease
        print(f"  {label}: grade {grade:.1f} (goal <= {max_grade}), ease {ease:.1f} "
              f"(goal >= {min_ease}) {'ok' if holds else 'MISSED'}")
        ok &= holds
    return ok


def spanish(root: Path) -> bool:
    """Report the Spanish bank when there is one; True when the goal holds or there is none."""
    folder = root / "data" / "es"
    if not any(folder.glob("*.toml")):
        print("\nSpanish bank: none yet (data/es/*.toml)")
        return True
    textstat.set_lang("es")
    print(f"\nSpanish bank ({folder}), syllables from Pyphen (es)")
    measures = {"Fernández Huerta": textstat.fernandez_huerta,
                "Szigriszt-Pazos": textstat.szigriszt_pazos}
    ok = True
    for label, texts in zip(("easy prompts", "explanations"), load(folder), strict=True):
        table(label, texts, measures)
        score = textstat.szigriszt_pazos(as_text(i for items in texts.values() for i in items))
        holds = score >= ES_GOAL
        print(f"  {label}: Szigriszt-Pazos {score:.1f} (goal >= {ES_GOAL}) "
              f"{'ok' if holds else 'MISSED'}")
        ok &= holds
    return ok


def main() -> int:
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    ok = english(root)
    ok &= spanish(root)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
