"""The Spanish bank twins the English one: same ids, kinds, levels and answers that must agree;
`bank check`, `bank list` and `bank export` on it; a bank's declared language; one table and
one daily challenge for both languages."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import make_question, strip_ansi
from typer.testing import CliRunner

from heroes_quiz import bank, daily, i18n, schema, twins
from heroes_quiz.cli import app
from heroes_quiz.errors import BankError
from heroes_quiz.models import Difficulty, Kind, Question

ES = "built-in bank (es)"
ENGLISH = (
    make_question("c-1", Kind.CHOICE),
    make_question("t-1", Kind.TRUE_FALSE),
    make_question("x-1", Kind.TEXT),
    make_question("n-1", Kind.NUMBER, unit="million"),
)


def spanish(question: Question, **over: object) -> Question:
    """A twin in other words: prompt, choices, accepted answers, unit and category differ."""
    fields: dict[str, object] = {
        "prompt": f"¿{question.prompt}", "explanation": "Porque sí.", "category": "reparto",
        "choices": tuple(f"Opción {n}" for n, _c in enumerate(question.choices, start=1)),
        "accept": ("la respuesta",), "unit": "millones" if question.unit else "",
        "answer": question.answer, "tolerance": question.tolerance,
        "difficulty": question.difficulty,
    }
    if question.kind in (Kind.TEXT, Kind.CHOICE):
        fields["answer"] = "Respuesta" if question.kind is Kind.TEXT else "Opción 1"
    fields.update(over)
    return make_question(question.id, question.kind, **fields)


def test_twins_in_other_words_agree() -> None:
    assert twins.compare(ENGLISH, [spanish(q) for q in reversed(ENGLISH)], ES) == []


def test_every_problem_is_reported_in_one_pass() -> None:
    choice, truth, _text, number = ENGLISH
    mine = [
        spanish(choice, difficulty=Difficulty.HARD, choices=("A", "B", "C", "D"), answer="A"),
        spanish(truth, answer=False),
        spanish(number, answer=45.0, tolerance=2.5),
        make_question("z-9", Kind.TEXT),
    ]
    assert twins.compare(ENGLISH, mine, ES) == [
        f"{ES}: question c-1: difficulty is 'hard'; the English question's is 'easy'",
        f"{ES}: question c-1: has 4 choices; the English question has 3",
        f"{ES}: question t-1: answer is false; the English question's is true",
        f"{ES}: question x-1: missing (no twin of the English easy text question)",
        f"{ES}: question n-1: answer is 45; the English question's is 44",
        f"{ES}: question n-1: tolerance is 2.5; the English question's is 2",
        f"{ES}: question z-9: no English question has this id",
    ]


def test_a_different_kind_is_one_problem_not_a_cascade() -> None:
    twin = make_question("n-1", Kind.TEXT, answer="cuarenta y cuatro")
    assert twins.compare(ENGLISH[3:], [twin], ES) == [
        f"{ES}: question n-1: kind is 'text'; the English question's is 'number'"]


def test_number_answers_agree_whatever_the_unit_word() -> None:
    twin = spanish(ENGLISH[3], answer=44, tolerance=2)
    assert twins.compare(ENGLISH[3:], [twin], ES) == []


def test_summary_counts_and_caps_the_lines() -> None:
    assert twins.summary(["a"]) == "a\n1 twin problem found."
    assert twins.summary(["a", "b", "c"], limit=2) == \
        "a\nb\n... and 1 more twin problem\n3 twin problems found."


# A bank's declared language

def toml_bank(tmp_path: Path, name: str, header: str = "", qid: str = "t-1") -> Path:
    path = tmp_path / name
    path.write_text(header + TOML_ONE.replace("t-1", qid), encoding="utf-8")
    return path


TOML_ONE = '''
[[question]]
id = "t-1"
category = "cast"
difficulty = "easy"
kind = "true_false"
prompt = "Pedro Pascal is in the film."
answer = true
explanation = "He is."
source = "CBR interview"
'''


def test_a_toml_bank_declares_its_language(tmp_path: Path) -> None:
    assert bank.load(toml_bank(tmp_path, "es.toml", 'language = "es"\n')).language == "es"
    assert bank.load(toml_bank(tmp_path, "en.toml", 'language = " EN "\n')).language == "en"
    assert bank.load(toml_bank(tmp_path, "none.toml")).language == ""


def test_a_json_wrapper_declares_its_language(tmp_path: Path) -> None:
    record = bank.to_records([make_question("j-1", Kind.TRUE_FALSE)])
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"language": "es", "questions": record}), encoding="utf-8")
    assert bank.load(path).language == "es"


def test_an_unknown_language_is_reported_with_the_other_problems(tmp_path: Path) -> None:
    path = toml_bank(tmp_path, "fr.toml", 'language = "fr"\n')
    path.write_text(path.read_text().replace("answer = true", "answer = 3"), encoding="utf-8")
    with pytest.raises(BankError) as info:
        bank.load(path)
    assert str(info.value).splitlines()[:2] == [
        f"{path}: 'language' is 'fr'; expected en | es",
        f"{path}: question t-1: a true_false answer must be true or false"]


def test_files_of_one_bank_agree_on_their_language(tmp_path: Path) -> None:
    toml_bank(tmp_path, "a.toml", 'language = "en"\n', qid="a-1")
    toml_bank(tmp_path, "b.toml", 'language = "es"\n', qid="b-1")
    toml_bank(tmp_path, "c.toml", qid="c-1")  # declaring nothing is fine
    with pytest.raises(BankError, match=r"b\.toml: 'language' is 'es', but .*a\.toml says 'en'"):
        bank.load(tmp_path)


@pytest.mark.parametrize("value", ["", 7, "spanish", "es_MX"])
def test_bank_language_accepts_only_known_codes(value: object) -> None:
    assert schema.bank_language([("f.toml", value)]) == (
        "", [f"f.toml: 'language' is {value!r}; expected en | es"])


def test_one_declared_id_is_one_table_in_both_languages(tmp_path: Path) -> None:
    english = bank.load(toml_bank(tmp_path, "en.toml", 'id = "demo"\nlanguage = "en"\n'))
    spanish_bank = bank.load(toml_bank(tmp_path, "es.toml", 'id = "demo"\nlanguage = "es"\n'))
    assert english.key == spanish_bank.key == "id:demo"


# The built-in bank in both languages (synthetic folders stand in for data/ and data/es/)

def records(questions: list[Question]) -> str:
    """A TOML bank of `questions`."""
    out = []
    for item in bank.to_records(questions):
        out.append("[[question]]\n" + "".join(
            f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in item.items()))
    return "\n".join(out)


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An English built-in bank and its complete Spanish twin under tmp_path."""
    english = tmp_path / "data"
    (english / "es").mkdir(parents=True)
    (english / "cast.toml").write_text(records(list(ENGLISH)), encoding="utf-8")
    (english / "es" / "cast.toml").write_text(
        records([spanish(q) for q in ENGLISH]), encoding="utf-8")
    monkeypatch.setattr(bank, "builtin_dir",
                        lambda lang="en": english if lang == "en" else english / lang)
    return english


def test_both_languages_share_the_built_in_key(builtin: Path) -> None:
    english, es = bank.load(None), bank.load(None, lang="es", strict=True)
    assert english.key == es.key == bank.BUILTIN_KEY
    assert (english.language, es.language) == ("en", "es")
    assert es.origin == ES


def test_spanish_problems_name_the_spanish_file(builtin: Path) -> None:
    path = builtin / "es" / "cast.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"easy"', '"easyish"', 1),
                    encoding="utf-8")
    with pytest.raises(BankError, match=r"^es/cast\.toml: question c-1: 'difficulty'"):
        bank.load(None, lang="es", strict=True)


def test_daily_is_the_same_in_both_languages() -> None:
    english = [make_question(f"q-{n:02}", Kind.TRUE_FALSE) for n in range(30)]
    # The Spanish bank lists its questions in another order, in other words.
    es = [spanish(q, prompt=f"Pregunta {q.id}") for q in reversed(english)]
    for day in (date(2026, 1, 1) + timedelta(days=n) for n in range(60)):
        assert [q.id for q in daily.pick(english, day)] == [q.id for q in daily.pick(es, day)]


# The commands

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    i18n.set_language(None)  # each command starts afresh, as a new process would
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, strip_ansi(result.stdout), strip_ansi(result.stderr)


def test_check_without_a_file_checks_both_languages_and_the_twins(builtin: Path) -> None:
    code, out, err = run("bank", "check")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "built-in bank: OK, 4 questions.", f"{ES}: OK, 4 questions.",
        f"{ES}: every question has its English twin (4 pairs)."]


def test_check_reports_missing_and_mismatched_twins(builtin: Path) -> None:
    (builtin / "es" / "cast.toml").write_text(records(
        [spanish(ENGLISH[0]), spanish(ENGLISH[3], answer=40.0)]), encoding="utf-8")
    # --lang es also speaks Spanish, so the OK line is worded in the language in force.
    for args, ok in ((["bank", "check"], "OK, 2 questions."),
                     (["bank", "check", "--lang", "es"], "bien, 2 preguntas.")):
        code, out, err = run(*args)
        assert code == 1 and f"{ES}: {ok}" in out
        assert err.removeprefix("heroes-quiz: ").splitlines() == [
            f"{ES}: question t-1: missing (no twin of the English easy true_false question)",
            f"{ES}: question x-1: missing (no twin of the English easy text question)",
            f"{ES}: question n-1: answer is 40; the English question's is 44",
            "3 twin problems found."]


def test_check_lang_en_checks_english_alone(builtin: Path) -> None:
    (builtin / "es" / "cast.toml").unlink()
    code, out, err = run("bank", "check", "--lang", "en")
    assert (code, out, err) == (0, "built-in bank: OK, 4 questions.\n", "")


def test_check_lang_es_does_not_list_english(builtin: Path) -> None:
    code, out, _ = run("bank", "check", "--lang", "es")
    assert code == 0 and "built-in bank:" not in out and out.startswith(f"{ES}: bien")


def test_a_broken_spanish_bank_leaves_the_twins_unchecked(builtin: Path) -> None:
    (builtin / "es" / "cast.toml").write_text("[[question]]\nid = 3\n", encoding="utf-8")
    code, out, err = run("bank", "check")
    assert code == 1 and out == "built-in bank: OK, 4 questions.\n"
    assert "es/cast.toml: #1: 'id' must be non-empty text" in err
    assert err.rstrip().endswith("Spanish twins: not checked until both banks load (see above).")


def test_list_and_export_read_the_spanish_bank(builtin: Path) -> None:
    code, out, _ = run("bank", "list", "--lang", "es")
    assert code == 0 and f"{ES}: 4 preguntas" in out
    code, out, _ = run("bank", "export", "--lang", "es")
    assert code == 0 and json.loads(out)[0]["prompt"].startswith("¿")
    code, out, _ = run("bank", "export", "--lang", "es", "--format", "opentdb")
    assert code == 0 and json.loads(out)["results"][0]["correct_answer"] == "Opción 1"
    code, out, _ = run("bank", "export")
    assert code == 0 and not json.loads(out)[0]["prompt"].startswith("¿")


def test_list_follows_the_language_in_force(builtin: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    monkeypatch.setenv(i18n.ENV, "es")
    assert f"{ES}: 4 preguntas" in run("bank", "list")[1]


# The shipped banks. Red until data/es/ holds a twin of every English question (es-a, es-b).

def test_the_shipped_spanish_bank_twins_every_english_question() -> None:
    english = bank.load(None, strict=True)
    es = bank.load(None, strict=True, lang="es")
    assert twins.compare(english.questions, es.questions, es.origin) == []
    assert sorted(q.id for q in es.questions) == sorted(q.id for q in english.questions)
