"""End-to-end read-aloud: the installed game with a stand-in `espeak-ng` first on PATH."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest
from conftest import quiz_env
from quizterm import (  # noqa: F401  (fixtures)
    CTRL_C,
    ENTER,
    Spawn,
    Terminal,
    home,
    question,
    require_quiz,
    spawn,
    strip_ansi,
    write_bank,
)
from speechfake import FakeSynth, alive, group_alive

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")

NUMBERS = ("One", "Two", "Three", "Four", "Five")
HINTS = {  # each test question's prompt, and what is said after it ("": its options)
    "Who plays Marcus Moreno?": "",
    "The film premiered on Netflix.":
        "True or false? Press one for true or two for false, then Enter.",
    "Which film series did Rodriguez make before?": "Type your answer.",
    "How many million households watched early on?": "Type a number.",
}


@pytest.fixture
def synth(tmp_path: Path) -> FakeSynth:
    return FakeSynth(tmp_path)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "speech.toml", [
        question("s-1", "choice", "Who plays Marcus Moreno?", "Pedro Pascal",
                 choices=["Pedro Pascal", "Boyd Holbrook", "Priyanka Chopra"]),
        question("s-2", "true_false", "The film premiered on Netflix.", True),
        question("s-3", "text", "Which film series did Rodriguez make before?", "Spy Kids"),
        question("s-4", "number", "How many million households watched early on?", 44,
                 tolerance=2),
    ])


def run(home: Path, synth: FakeSynth | None, *args: str, input: str = "",
        **env: str) -> subprocess.CompletedProcess[str]:
    path = synth.path_env() if synth else env.pop("PATH")
    return subprocess.run([str(require_quiz()), *args], input=input, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False,
                          env=quiz_env(home, PATH=path, **env))


def heard(term: Terminal, synth: FakeSynth, count: int, timeout: float = 15.0
          ) -> list[dict[str, Any]]:
    """Wait until `count` utterances have started, reading the screen meanwhile (so prompts
    get their terminal replies); the log is polled, since it makes no output to wait on."""
    deadline = time.monotonic() + timeout
    while len(synth.said()) < count:
        if time.monotonic() > deadline or term.eof:
            term.fail(f"waiting for {count} utterances, got {synth.said()}")
        try:
            term._feed(term.child.read_nonblocking(65536, timeout=0.02))
        except pexpect.TIMEOUT:
            continue
        except pexpect.EOF:
            term.eof = True
    return synth.said()


def shown_questions(out: str) -> list[tuple[str, list[str]]]:
    """(heading, options) of every question panel printed in a plain game."""
    found = []
    for block in re.split(r"(?=Question \d+ of \d+)", out)[1:]:
        heading = re.match(r"Question \d+ of \d+", block)[0]  # type: ignore[index]
        panel = block.split("╰", 1)[0]
        found.append((heading, re.findall(r"│\s+\d+\. (.+?)\s*│", panel)))
    return found


def test_plain_timed_game_reads_every_question_and_option_in_order(
        home: Path, synth: FakeSynth, bank: Path) -> None:
    # With a timer, each question is read to the end before its countdown starts, so every
    # reading reaches the stand-in even though the piped answers arrive at once.
    done = run(home, synth, "play", "--plain", "--bank", str(bank), "--count", "4",
               "--difficulty", "easy", "--name", "Ada", "--time-limit", "60", "--read-aloud",
               input="1\n" * 4)  # "1" answers every kind
    out = strip_ansi(done.stdout)
    assert done.returncode == 0, done.stderr
    shown = shown_questions(out)
    assert [h for h, _ in shown] == [f"Question {n} of 4" for n in range(1, 5)]
    readings = [r["text"] for r in synth.said() if r["text"].startswith("Question ")]
    assert len(readings) == 4, synth.said()
    for (heading, options), said in zip(shown, readings, strict=True):
        assert said.startswith(heading + ". ")
        prompt = next(p for p in HINTS if p in said)
        if HINTS[prompt]:
            assert said == f"{heading}. {prompt} {HINTS[prompt]}"
        else:
            listed = " ".join(f"{NUMBERS[n]}: {o}." for n, o in enumerate(options))
            keys = "Press its number, then Enter."
            assert len(options) == 3 and said == f"{heading}. {prompt} {listed} {keys}"
    assert all(r["argv"][:2] == ["-v", "en-us"] for r in synth.said())


def test_speech_stops_the_moment_an_answer_arrives(
        spawn: Spawn, synth: FakeSynth, bank: Path) -> None:
    synth.sleep(120)  # the reading "lasts" two minutes unless it is stopped
    term = spawn("play", "--plain", "--bank", str(bank), "--count", "2", "--seed", "1",
                 "--difficulty", "easy", "--name", "Ada", "--read-aloud",
                 env={"PATH": synth.path_env()})
    term.expect("Question 1 of 2")
    first = heard(term, synth, 1)[0]
    assert first["text"].startswith("Question 1 of 2.") and alive(first["pid"])
    synth.sleep(0)  # from now on every utterance ends by itself
    term.expect(" > ")
    term.send("1" + ENTER)
    term.expect(re.compile(r"RIGHT|NOT QUITE|CLOSE"))
    feedback = heard(term, synth, 2)[1]
    assert not alive(first["pid"]) and not group_alive(first["pgid"])
    assert not synth.finished(first["pid"])
    assert re.match(r"(Right|Not quite|Close)", feedback["text"]), feedback["text"]
    # Plain mode has no key press between feedback and the next question: the feedback is
    # said to its end, then the next question is read.
    term.expect("Question 2 of 2")
    assert heard(term, synth, 3)[2]["text"].startswith("Question 2 of 2.")
    assert synth.finished(feedback["pid"])
    term.kill()


@pytest.mark.parametrize("how", [
    ("--no-timer",),                          # at the answer prompt, speech still going
    ("--time-limit", "30"),                   # while the question is read, before the timer
    ("--plain", "--time-limit", "30"),
    ("--plain",),
])
def test_no_speech_process_is_left_after_ctrl_c(spawn: Spawn, synth: FakeSynth, bank: Path,
                                                how: tuple[str, ...]) -> None:
    synth.sleep(120)
    term = spawn("play", "--bank", str(bank), "--count", "2", "--difficulty", "easy",
                 "--name", "Ada", "--read-aloud", *how, env={"PATH": synth.path_env()})
    term.expect("Question 1 of 2")
    reading = heard(term, synth, 1)[0]
    assert alive(reading["pid"])
    if how == ("--no-timer",):
        term.wait(term.answer_prompt, "the answer prompt")
    term.send(CTRL_C)
    assert term.finish() == 130
    for record in synth.said():
        assert not alive(record["pid"]) and not group_alive(record["pgid"]), record


def test_read_again_entry_reads_the_question_again(spawn: Spawn, synth: FakeSynth,
                                                   bank: Path) -> None:
    term = spawn("play", "--bank", str(bank), "--count", "1", "--seed", "3",
                 "--difficulty", "easy", "--name", "Ada", "--no-timer", "--read-aloud",
                 env={"PATH": synth.path_env()})
    term.expect("Question 1 of 1")
    first = heard(term, synth, 1)[0]["text"]
    kind = term.wait(term.answer_prompt, "the answer prompt")
    if kind == "select":
        digit = term.wait(lambda: next((m[1] for line in term.lines()
                                        if (m := re.search(r"(\d)\) .*Read it again", line))),
                                       None), "the read-again entry")
        term.send(digit + ENTER)
    else:
        term.send("?" + ENTER)
    again = heard(term, synth, 2)[1]["text"]
    assert again == first
    term.expect(re.compile(r"Your answer: (🔊 Read it again|\?)"), "the read-again reply")
    term.expect("Your answer:", "the question asked again")  # shown once it takes keys
    term.answer("44")
    term.expect(re.compile(r"RIGHT|NOT QUITE|CLOSE"))
    term.kill()


def test_plain_question_mark_reads_again_and_is_not_an_answer(
        spawn: Spawn, synth: FakeSynth, bank: Path) -> None:
    term = spawn("play", "--plain", "--bank", str(bank), "--count", "1", "--seed", "2",
                 "--name", "Ada", "--read-aloud", env={"PATH": synth.path_env()})
    term.expect("Type ? to hear the question again.")
    first = heard(term, synth, 1)[0]["text"]
    term.expect(" > ")
    term.send("?" + ENTER)
    assert heard(term, synth, 2)[1]["text"] == first
    term.expect(" > ")
    term.send("1" + ENTER)
    term.expect(re.compile(r"RIGHT|NOT QUITE|CLOSE"))
    assert "didn't get that" not in term.plain
    term.kill()


def test_without_a_synthesiser_one_line_says_how_and_the_game_plays(
        home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "no-speech"
    empty.mkdir()
    done = run(home, None, "play", "--plain", "--count", "1", "--name", "Ada", "--read-aloud",
               input="1\n1\n", PATH=str(empty))
    assert done.returncode == 0, done.stderr
    out = " ".join(strip_ansi(done.stdout).split())
    assert "install espeak-ng" in out and "Playing without a voice." in out
    assert "Game over" in out


def test_remembered_setting_speaks_in_a_terminal_but_not_into_a_pipe(
        home: Path, spawn: Spawn, synth: FakeSynth) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"read_aloud": True}), encoding="utf-8")
    done = run(home, synth, "play", "--plain", "--count", "1", "--name", "Ada",
               "--time-limit", "60", input="1\n1\n")
    assert done.returncode == 0, done.stderr
    assert synth.said() == []
    term = spawn("play", "--plain", "--count", "1", "--name", "Ada", "--time-limit", "60",
                 env={"PATH": synth.path_env()})
    term.expect("Question 1 of 1")
    assert heard(term, synth, 1)[0]["text"].startswith("Question 1 of 1.")
    term.kill()


def test_menu_switch_turns_reading_on_and_remembers_it(
        home: Path, spawn: Spawn, synth: FakeSynth) -> None:
    term = spawn(env={"PATH": synth.path_env()})
    term.expect("What would you like to do?")
    digit = term.wait(lambda: next((m[1] for line in term.lines()
                                    if (m := re.search(r"(\d)\) Read aloud: off", line))),
                                   None), "the read-aloud switch")
    term.send(digit + ENTER)
    term.expect("What would you like to do?")
    term.wait_screen("Read aloud: on")
    settings = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    assert settings["read_aloud"] is True
    term.send(CTRL_C)
    term.finish()
    assert synth.said() == []  # the menu itself is silent


def test_party_says_whose_turn_it_is(home: Path, synth: FakeSynth, bank: Path) -> None:
    done = run(home, synth, "party", "--players", "Ada,Bo", "--rounds", "1", "--plain",
               "--bank", str(bank), "--read-aloud", input="1\n" * 10)
    assert done.returncode == 0, done.stderr
    said = [r["text"] for r in synth.said()]
    turns = [t for t in said if "your turn" in t]
    # Plain mode lets the feedback finish before the next hand-over, so both are heard.
    assert turns == ["Ada, your turn! Round 1 of 1.", "Bo, your turn! Round 1 of 1."], said


def test_a_spanish_game_is_read_with_a_spanish_voice(home: Path, synth: FakeSynth) -> None:
    done = run(home, synth, "play", "--plain", "--count", "1", "--name", "Ada",
               "--time-limit", "60", "--read-aloud", input="1\n" * 3, HEROES_QUIZ_LANG="es")
    assert done.returncode == 0, done.stderr
    reading = synth.said()[0]
    assert reading["argv"][:2] == ["-v", "es-419"]
    assert reading["text"].startswith("Pregunta 1 de 1. ")


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_no_speech_process_is_left_after_a_signal(spawn: Spawn, synth: FakeSynth, bank: Path,
                                                  sig: str) -> None:
    import signal

    synth.sleep(120)
    term = spawn("play", "--bank", str(bank), "--count", "2", "--difficulty", "easy",
                 "--name", "Ada", "--no-timer", "--read-aloud", env={"PATH": synth.path_env()})
    term.expect("Question 1 of 2")
    reading = heard(term, synth, 1)[0]
    term.child.kill(getattr(signal, sig))
    term.finish()
    assert not alive(reading["pid"]) and not group_alive(reading["pgid"])
