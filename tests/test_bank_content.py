"""The shipped bank: valid, big enough, spelled right, in our own words."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from heroes_quiz import bank, canon, schema
from heroes_quiz.errors import BankError
from heroes_quiz.models import Difficulty, Kind

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
COPY_CHECK = ROOT.parent / "shared" / "tools" / "copied-from-articles"
SOURCES = {"CBR interview", "sequel report (Collider)", "sequel update (Collider)"}
SHIPPED = bank.load(strict=True).questions


def test_shipped_bank_meets_the_minimums() -> None:
    assert len(SHIPPED) >= 100
    levels = Counter(q.difficulty for q in SHIPPED)
    kinds = Counter(q.kind for q in SHIPPED)
    assert all(levels[d] >= 20 for d in Difficulty), levels
    assert all(kinds[k] >= 8 for k in Kind), kinds
    assert {"cast", "release", "viewership", "spy-kids"} <= {q.category for q in SHIPPED}


def test_every_question_cites_one_of_the_three_articles() -> None:
    assert {q.source for q in SHIPPED} <= SOURCES
    assert all(0 < len(q.explanation) <= 220 for q in SHIPPED)


def test_ids_are_stable_category_numbers() -> None:
    assert all(q.id.startswith(q.category + "-") for q in SHIPPED)


def test_cast_answers_use_canonical_spellings() -> None:
    names = canon.all_names()
    for q in SHIPPED:
        if q.category != "cast" or not isinstance(q.answer, str):
            continue
        for value in (q.answer, *q.accept):
            for part in re.split(r",\s*|\s+and\s+", value):
                if part in names or any(n.endswith(" " + part) for n in names):
                    continue  # a canonical name, or its surname alone
                closest = max(fuzz.ratio(part, n) for n in names)
                assert closest < schema.NEAR_MISS, f"{q.id}: {part!r} is a misspelt cast name"


def test_both_name_forms_are_accepted() -> None:
    chopra = [q for q in SHIPPED if q.kind is Kind.TEXT and q.answer == "Priyanka Chopra Jonas"]
    blair = [q for q in SHIPPED if q.kind is Kind.TEXT and q.answer == "Vivien Lyra Blair"]
    assert all("Priyanka Chopra" in q.accept for q in chopra)
    assert all("Vivien Blair" in q.accept for q in blair)


def test_cast_membership_distractors_are_not_cast_members() -> None:
    names = set(canon.all_names())
    membership = [q for q in SHIPPED if q.kind is Kind.CHOICE and q.answer in names
                  and ("in the cast" in q.prompt or "in We Can Be Heroes" in q.prompt)]
    assert membership
    for q in membership:
        wrong = set(q.choices) - {q.answer}
        assert not wrong & names, (q.id, wrong & names)


def test_misspelt_cast_name_is_reported(tmp_path: Path) -> None:
    q = bank.to_records(SHIPPED[:1])[0]
    q.update(kind="text", answer="Boyd Holbrok", accept=[])
    q.pop("choices", None)
    path = tmp_path / "cast.json"
    path.write_text(json.dumps([q]), encoding="utf-8")
    records = bank.parse(path.read_bytes(), "cast.json")
    expected = "'Boyd Holbrok' looks like a misspelling of 'Boyd Holbrook'"
    with pytest.raises(BankError, match=expected):
        bank._build([records], "built-in bank", builtin=True)


@pytest.mark.skipif(not SEEDS.is_dir() or not COPY_CHECK.exists(),
                    reason="the source articles are not beside this checkout")
def test_no_sentence_is_copied_from_the_articles(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for f in (ROOT / "data").glob("*.toml"):
        (tmp_path / "data" / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(COPY_CHECK), str(tmp_path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout
