"""The speech edge: a stand-in espeak-ng records what is said; a real one renders a WAV."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from speechfake import FakeSynth, alive, group_alive

from heroes_quiz import settings, speech
from heroes_quiz.models import Kind, Turn
from heroes_quiz.speech import EspeakSpeaker, NullSpeaker

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")


@pytest.fixture
def synth(tmp_path: Path) -> FakeSynth:
    return FakeSynth(tmp_path)


@pytest.fixture
def speaker(synth: FakeSynth) -> Iterator[EspeakSpeaker]:
    made = EspeakSpeaker(str(synth.program))
    yield made
    made.close()


def test_say_starts_the_synthesiser_with_arguments_and_text_on_stdin(
        synth: FakeSynth, speaker: EspeakSpeaker) -> None:
    speaker.say("Question 1 of 5. -v is not an option here")
    assert speaker.wait(10)
    [record] = synth.wait_said(1)
    assert record["argv"] == ["-v", "en-us", "-s", "140", "-b", "1", "--stdin"]
    assert record["text"] == "Question 1 of 5. -v is not an option here"
    assert record["pgid"] == record["pid"] != os.getpgid(0)  # its own process group
    assert len(speaker.start_delays) == 1 and speaker.start_delays[0] >= 0


def test_spanish_uses_a_latin_american_voice(synth: FakeSynth) -> None:
    speaker = EspeakSpeaker(str(synth.program), "es")
    speaker.say("Pregunta 1 de 5.")
    speaker.wait(10)
    speaker.close()
    assert synth.wait_said(1)[0]["argv"][:2] == ["-v", "es-419"]


def test_a_new_utterance_kills_the_one_before(synth: FakeSynth, speaker: EspeakSpeaker) -> None:
    synth.sleep(60)
    speaker.say("first")
    first = synth.wait_said(1)[0]
    speaker.say("second")
    assert not alive(first["pid"]) and not group_alive(first["pgid"])
    second = synth.wait_said(2)[1]
    assert second["text"] == "second" and alive(second["pid"])
    assert not synth.finished(first["pid"])


def test_stop_leaves_no_process(synth: FakeSynth, speaker: EspeakSpeaker) -> None:
    synth.sleep(60)
    speaker.say("a long explanation")
    record = synth.wait_said(1)[0]
    assert speaker.speaking() and not speaker.wait(0.05)
    speaker.stop()
    assert not speaker.speaking()
    assert not alive(record["pid"]) and not group_alive(record["pgid"])
    assert not synth.finished(record["pid"])
    speaker.stop()  # twice is fine


def test_close_silences_for_good(synth: FakeSynth, speaker: EspeakSpeaker) -> None:
    speaker.close()
    speaker.say("nobody hears this")
    assert speaker.wait(0) and synth.said() == []


def test_empty_text_starts_nothing(synth: FakeSynth, speaker: EspeakSpeaker) -> None:
    speaker.say("   ")
    assert not speaker.speaking() and synth.said() == []


def test_a_synthesiser_that_cannot_start_is_ignored(tmp_path: Path) -> None:
    speaker = EspeakSpeaker(str(tmp_path / "gone"))
    speaker.say("hello")  # no exception: the game plays on silently
    assert not speaker.speaking()


def test_null_speaker_is_silent() -> None:
    null = NullSpeaker()
    null.say("x")
    null.stop()
    assert null.wait(0) and not null.enabled
    null.close()


def test_find_program_prefers_espeak_ng_then_espeak() -> None:
    def which(found: set[str]) -> Callable[[str], str | None]:
        return lambda name: f"/usr/bin/{name}" if name in found else None

    assert speech.find_program(which({"espeak", "espeak-ng"})) == "/usr/bin/espeak-ng"
    assert speech.find_program(which({"espeak"})) == "/usr/bin/espeak"
    assert speech.find_program(which(set())) is None


def test_no_synthesiser_gives_a_silent_speaker_and_one_line_of_advice(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    made, advice = speech.make_speaker(True)
    assert isinstance(made, NullSpeaker)
    assert "espeak-ng" in advice and "\n" not in advice


def test_make_speaker_finds_the_stand_in(monkeypatch: pytest.MonkeyPatch,
                                         synth: FakeSynth) -> None:
    monkeypatch.setenv("PATH", synth.path_env(""))
    made, advice = speech.make_speaker(True, "es")
    assert isinstance(made, EspeakSpeaker) and advice == ""
    assert made.argv[0] == str(synth.program) and "es-419" in made.argv
    made.close()
    off, advice = speech.make_speaker(False)
    assert isinstance(off, NullSpeaker) and advice == ""


@pytest.mark.parametrize(("platform", "words"), [("linux", "apt install espeak-ng"),
                                                 ("darwin", "brew install espeak-ng"),
                                                 ("win32", "installer"),
                                                 ("freebsd", "espeak-ng")])
def test_install_advice_per_system(platform: str, words: str) -> None:
    assert words in speech.install_advice(platform)


@pytest.mark.parametrize(("lang", "voice"), [("en", "en-us"), ("es", "es-419"),
                                             ("es_MX", "es-419"), ("ES", "es-419"),
                                             ("fr", "en-us"), ("", "en-us")])
def test_voice_follows_the_language(lang: str, voice: str) -> None:
    assert speech.voice_for(lang) == voice


@pytest.mark.parametrize(("flag", "env", "remembered", "terminal", "speaks"), [
    (True, "", False, False, True),     # --read-aloud: always, even piped
    (False, "1", False, False, True),   # the variable: always
    (False, "yes", None, False, True),
    (False, "", True, True, True),      # the menu setting: in a terminal
    (False, "", True, False, False),    # ... but never into a pipe
    (False, "0", True, True, False),    # the variable can switch it off
    (True, "0", False, True, True),     # the flag wins
    (False, "", False, True, False),
    (False, "", "yes", True, False),    # a hand-edited settings file must say true
    (False, "maybe", None, True, False),
])
def test_when_to_read_aloud(flag: bool, env: str, remembered: object, terminal: bool,
                            speaks: bool) -> None:
    assert speech.wanted(flag, {speech.ENV: env}, remembered, terminal) is speaks


def test_the_menu_setting_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(speech.ENV, raising=False)
    assert speech.remember(True)
    assert settings.get("read_aloud") is True
    monkeypatch.setenv(speech.ENV, "1")
    assert speech.read_aloud_wanted(False)
    assert speech.remember(False) and settings.get("read_aloud") is False


EXIT_SCRIPT = """
import gc, os, signal, sys, time
from heroes_quiz.speech import EspeakSpeaker
speaker = EspeakSpeaker(sys.argv[1])
speaker.say("speaking while the game ends")
print("ready", flush=True)
sys.stdin.readline()  # the test says when the speech has started
if sys.argv[2] == "exit":
    sys.exit(0)
if sys.argv[2] == "dropped":  # Ctrl-C unwinds the game: its speaker is gone before exit
    del speaker
    gc.collect()
    sys.exit(130)
time.sleep(60)
"""


@pytest.mark.parametrize("how", ["exit", "dropped", "SIGTERM", "SIGHUP", "SIGINT"])
def test_no_speech_outlives_the_game(synth: FakeSynth, how: str) -> None:
    synth.sleep(60)
    game = subprocess.Popen([sys.executable, "-c", textwrap.dedent(EXIT_SCRIPT),
                             str(synth.program), how], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert game.stdin is not None and game.stdout is not None
    try:
        assert game.stdout.readline() == "ready\n"
        record = synth.wait_said(1)
        game.stdin.write("go\n")
        game.stdin.flush()
        if how not in ("exit", "dropped"):
            game.send_signal(getattr(signal, how))
        game.wait(10)
    finally:
        game.kill()
    pid, pgid = record[0]["pid"], record[0]["pgid"]
    # The game stops (and reaps) its speech before it ends: nothing to wait for here.
    assert not alive(pid) and not group_alive(pgid)
    assert not synth.finished(pid)


def sample_turn() -> Turn:
    from conftest import make_question

    q = make_question("q1", Kind.CHOICE, prompt="Who plays Marcus Moreno, the leader?")
    return Turn(3, 10, q, ("Pedro Pascal", "Tom Hanks", "Zendaya"), 0)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_real_speech_renders_a_question_at_a_plausible_pace(tmp_path: Path, lang: str) -> None:
    program = speech.find_program()
    if program is None:
        pytest.skip("espeak-ng (or espeak) is not installed: apt install espeak-ng")
    from heroes_quiz.ui import spoken

    text = spoken.question(sample_turn())
    wav = tmp_path / "question.wav"
    done = subprocess.run(speech.command(program, lang, wav=str(wav)), input=text.encode(),
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    with wave.open(str(wav)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    words = len(text.split())
    assert 0.15 * words <= seconds <= 1.0 * words, (words, seconds)


def test_the_real_synthesiser_is_found_when_installed() -> None:
    if shutil.which("espeak-ng") is None and shutil.which("espeak") is None:
        pytest.skip("espeak-ng (or espeak) is not installed: apt install espeak-ng")
    assert speech.find_program() is not None
