"""Hostile input: every normalizer and the default pipeline on degenerate, damaged and foreign text.

Parametrized over ``newsclean.names()``, so a normalizer registered later is held to all of this without being
listed here:

* on any hostile text (see ``strategies.hostile``) it never raises, replaying its edits reproduces its output, a
  second run changes nothing, it alters no digit, and a document's single line-ending style survives;
* an ``english_only`` normalizer makes no edit on text in another language, however damaged; clean text in another
  language comes out of every normalizer unchanged;
* large adversarial inputs (1 MB without a newline, 50,000 commas, 100,000 one-character lines, ...) finish and
  come out right.

Speed is never asserted here (it is measured by ``benchmarks/adversarial.py``): the large inputs run under a guard
that fails only on a hang. pytest-timeout is not a dependency and a signal alarm cannot interrupt a C call that never
returns, so each run happens in a daemon thread that the test waits for at most ``HANG_SECONDS``: about a hundred
times what it takes on a loaded laptop, so a slow machine never fails it and a hang never stalls the suite.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Pipeline, registry
from newsclean.edits import split_newlines
from newsclean.evidence import collect
from newsclean.language import detect
from newsclean.spans import protected_spans

from strategies import (
    BYLINE_LINES,
    CHROME_LINES,
    CLEAN_LINES,
    hostile,
    hostile_mix,
    line_endings,
    non_english_damaged,
    non_english_prose,
    surrogates,
)

PIPELINES = {"pipeline": newsclean.default_pipeline()}
PIPELINES.update({name: Pipeline([name]) for name in newsclean.names()})
IDS = list(PIPELINES)
ENGLISH_ONLY = [name for name in newsclean.names() if registry.get(name).english_only]
_DIGITS = re.compile(r"\d")

each = pytest.mark.parametrize("name", IDS)


def check(pipe: Pipeline, text: str) -> str:
    """The properties every step keeps on any text; returns the output."""
    result = pipe.clean(text)
    assert isinstance(result.text, str)
    assert result.replay() == result.text, "replaying the edits does not reproduce the output"
    for edit in result.edits:
        if not edit.is_removal:
            assert _DIGITS.findall(edit.before) == _DIGITS.findall(edit.after), edit
    assert pipe.fix(result.text) == result.text, "not idempotent"
    return result.text


@each
@given(text=hostile)
def test_hostile_text(name: str, text: str) -> None:
    check(PIPELINES[name], text)


@each
@given(text=hostile_mix)
def test_hostile_mix(name: str, text: str) -> None:
    check(PIPELINES[name], text)


def _breaks(text: str) -> set[str]:
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    return {style for style, n in counts.items() if n}


@each
@given(text=line_endings)
def test_line_ending_style_survives(name: str, text: str) -> None:
    styles = _breaks(text)
    out = check(PIPELINES[name], text)
    if len(styles) == 1:
        assert _breaks(out) <= styles
    else:
        # Mixed endings are unified to the most common style, with a note.
        assert len(_breaks(out)) <= 1


@each
@given(text=surrogates)
def test_lone_surrogates_are_text_like_any_other(name: str, text: str) -> None:
    check(PIPELINES[name], text)


# --- text that is not English -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ENGLISH_ONLY)
@given(text=st.one_of(non_english_prose, non_english_damaged))
def test_english_only_normalizers_leave_other_languages_alone(name: str, text: str) -> None:
    result = PIPELINES[name].clean(text)
    assert not result.edits, result.explain()


@given(text=non_english_damaged)
def test_pipeline_edits_other_languages_only_with_language_neutral_steps(text: str) -> None:
    # Holds for the default pipeline whatever it contains; the test above holds each English-only step on its own.
    result = PIPELINES["pipeline"].clean(text)
    assert not [e for e in result.edits if registry.get(e.normalizer).english_only], result.explain()


@each
@given(text=non_english_prose)
def test_clean_text_in_other_languages_is_unchanged(name: str, text: str) -> None:
    result = PIPELINES[name].clean(text)
    assert result.text == text, result.explain()


# --- large adversarial inputs -----------------------------------------------------------------------------------------

#: The guard against hangs. Each input takes well under a second per normalizer today.
HANG_SECONDS = 120.0

_SENTENCE = "Rebels advanced on Homs on Saturday, officials said, and 1,000 people fled. "
LARGE: dict[str, Callable[[], str]] = {
    "1 MB without a newline": lambda: (_SENTENCE * (1_000_000 // len(_SENTENCE) + 1))[:1_000_000],
    "50,000 commas": lambda: "Homs" + "," * 50_000 + "Damascus\n",
    "100,000 one-character lines": lambda: "a\n" * 100_000,
    "20,000 repeated bylines": lambda: "\n".join([BYLINE_LINES[0], CHROME_LINES[0], CLEAN_LINES[0]] * 20_000) + "\n",
    "10,000 nested quotes and brackets": lambda: "“‘([{«" * 2_000 + "Homs" + "»}])’”" * 2_000 + "\n",
    "200 KB of 'a.' and 'a,'": lambda: "a." * 50_000 + "a," * 50_000,
    "one 500,000-letter word": lambda: "Damascus " + "a" * 500_000 + " fell.\n",
    "100,000 blank lines holding a space": lambda: "Homs" + "\n " * 100_000 + "\nDamascus\n",
}


def within(seconds: float, func: Callable[[], Any]) -> Any:
    """Run ``func`` in a daemon thread; fail if it has not returned after ``seconds``, re-raise what it raised."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = func()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread below
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"still running after {seconds:.0f} s: a hang")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.mark.slow
@each
@pytest.mark.parametrize("shape", list(LARGE))
def test_large_adversarial_input_finishes_correctly(name: str, shape: str) -> None:
    text = LARGE[shape]()
    pipe = PIPELINES[name]
    result = within(HANG_SECONDS, lambda: pipe.clean(text))
    assert result.replay() == result.text
    assert within(HANG_SECONDS, lambda: pipe.fix(result.text)) == result.text, "not idempotent"


#: The analyses normalizers share, which no normalizer may have called yet: each must finish on its own.
ANALYSES: dict[str, Callable[[str], Any]] = {
    "spans.protected_spans": protected_spans,
    "evidence.collect": collect,
    "language.detect": detect,
}


@pytest.mark.slow
@pytest.mark.parametrize("analysis", list(ANALYSES))
@pytest.mark.parametrize("shape", list(LARGE))
def test_shared_analyses_finish_on_large_adversarial_input(analysis: str, shape: str) -> None:
    text = LARGE[shape]()
    within(HANG_SECONDS, lambda: ANALYSES[analysis](text))


# --- the core on any Unicode ------------------------------------------------------------------------------------------

#: (input, style, text every normalizer sees): the pipeline hands normalizers "\n" only and remembers the style.
SPLIT = [
    ("", "\n", ""),
    ("a\nb", "\n", "a\nb"),
    ("a\r\nb\r\n", "\r\n", "a\nb\n"),
    ("a\rb\r", "\r", "a\nb\n"),
    ("a\r\r\nb", "\r\n", "a\n\nb"),  # a CR doubled by a careless conversion is a line break of its own
    ("a\u2028b\x85c\x0bd", "\n", "a\u2028b\x85c\x0bd"),  # separators str.splitlines() breaks on are not line ends
    ("\ufeffa\r\n\x00b", "\r\n", "\ufeffa\n\x00b"),
]


@pytest.mark.parametrize(("text", "style", "lf_text"), SPLIT)
def test_split_newlines(text: str, style: str, lf_text: str) -> None:
    assert split_newlines(text) == (style, lf_text)


@given(text=st.one_of(hostile, hostile_mix))
def test_an_empty_pipeline_changes_nothing_but_mixed_line_endings(text: str) -> None:
    result = Pipeline([]).clean(text)
    if len(_breaks(text)) <= 1:
        assert result.text == text and not result.notes
    else:
        style, lf_text = split_newlines(text)
        assert result.text == lf_text.replace("\n", style)
        assert [n.kind for n in result.notes] == ["line_endings"]


@pytest.mark.parametrize("style", ["\n", "\r\n", "\r"])
def test_every_line_ending_style_is_cleaned_alike(style: str) -> None:
    # Found by tests/fuzz/fuzz_clean.py --hypothesis: with lines ended by "\r", the analyses read the text as it came,
    # one line to them, and a second run raised the answer after a speaker label that the first had left.
    for text in ["0\n**aaaaaaaaa A:** aaaaaaaaa", "Rebels took homs.\n\nA homs resident said the Homs army left.\n"]:
        once = newsclean.fix(text.replace("\n", style))
        assert once == newsclean.fix(text).replace("\n", style)
        assert newsclean.fix(once) == once


def test_a_removed_chrome_line_is_no_part_of_the_document_the_word_steps_read() -> None:
    # Found by tests/fuzz/fuzz_clean.py (atheris): "Vote count: 0", a rating widget's line that site_chrome removes,
    # made "count" a word of the document, so "countr" was a close call between "country" and "count" and left;
    # a second run over the output, without that line, corrected it.
    text = ("The rebels took the country in a week, officials said on Monday.\n\nAverage rating 0 / 5. Vote count: 0"
            "\n\nNo one in the countr expected it, one resident said.\n")
    once = newsclean.fix(text)
    assert "No one in the country expected it" in once
    assert newsclean.fix(once) == once


def test_interview_is_idempotent_on_a_fuzzed_transcript() -> None:
    # Found by tests/fuzz/fuzz_clean.py (atheris) in the tenth session: interview's first reading cut a truncated turn
    # and joined a lone label to its turn near the top, after which a transcript further down read whole, and a
    # second run cut and joined again. The step now reads its own result again until it finds nothing more.
    text = json.loads((Path(__file__).parent / "fuzz" / "interview_not_idempotent.json").read_text())["text"]
    once = newsclean.fix(text)
    assert newsclean.fix(once) == once


#: (input, output): what the core itself (edits, pipeline, line endings) does with the characters that break programs,
#: with the core's own whitespace step; repairing them is the unicode normalizer's business, not tested here.
CORE_PIPELINE = Pipeline(["whitespace"])
CORE = [
    ("Homs\x00fell\n", "Homs\x00fell\n"),  # NUL is text
    ("Homs \udcff fell\n", "Homs \udcff fell\n"),  # so is a lone surrogate
    ("\ufeffHoms fell\r\n", "Homs fell\r\n"),  # a BOM decoded into the text is removed, as an explained edit
    ("Homs  fell\r\nDamascus\r\n", "Homs fell\r\nDamascus\r\n"),
    ("Homs  fell\rDamascus\r", "Homs fell\rDamascus\r"),
    ("👩\u200d👩\u200d👧  ٢٠٢٤\u200f\n", "👩\u200d👩\u200d👧 ٢٠٢٤\u200f\n"),  # joiners and bidi marks are not spaces
]


@pytest.mark.parametrize(("text", "expected"), CORE)
def test_core_on_hostile_characters(text: str, expected: str) -> None:
    result = CORE_PIPELINE.clean(text)
    assert result.text == expected, result.explain()
    assert result.replay() == expected


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "😀\udcff\u0301  Homs"
    (edit,) = CORE_PIPELINE.clean(text).edits
    assert (edit.start, edit.end, edit.before) == (3, 5, "  ")


# --- the command line on a hostile file -------------------------------------------------------------------------------


def test_cli_reports_invalid_utf8_without_a_traceback(tmp_path) -> None:
    # Found by tests/fuzz/fuzz_clean.py --target cli: a single byte 0x80 raised UnicodeDecodeError out of main().
    path = tmp_path / "article.txt"
    path.write_bytes(b"\x80 Rebels took Homs.\n")
    proc = subprocess.run([sys.executable, "-m", "newsclean", "fix", str(path)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "article.txt" in proc.stderr
    assert path.read_bytes() == b"\x80 Rebels took Homs.\n"
