"""The corruption benchmark's scorer: documents round-trip, and precision/recall count what they claim."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given

from strategies import any_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corruption import Doc, Score, score_one  # noqa: E402


@given(any_text)
def test_doc_round_trips(text: str) -> None:
    assert str(Doc.parse(text)) == text


def _score(original: str, corrupted_tokens: dict[int, str], output: str) -> Score:
    o = Doc.parse(original)
    c = Doc(list(o.seps), list(o.tokens), o.tail)
    for i, tok in corrupted_tokens.items():
        c.tokens[i] = tok
    s = Score()
    score_one(o, c, {i: {"t"} for i in corrupted_tokens}, output, s)
    return s


def test_perfect_repair() -> None:
    s = _score("War with Israel began.", {2: "israel"}, "War with Israel began.")
    assert (s.damaged, s.restored, s.changes, s.correct) == (1, 1, 1, 1)


def test_no_repair_and_a_false_change() -> None:
    s = _score("War with Israel began.", {2: "israel"}, "war with israel began.")
    assert (s.damaged, s.restored, s.changes, s.correct) == (1, 0, 1, 0)
    assert s.precision == 0.0 and s.recall == 0.0


def test_removed_lines_drop_out_of_the_count() -> None:
    s = _score("Menu\nWar with Israel began.", {3: "israel"}, "War with Israel began.")
    assert (s.damaged, s.restored, s.changes) == (1, 1, 1)


def test_spacing_counts_as_a_change() -> None:
    o = Doc.parse("rebels, with tanks")
    c = Doc(list(o.seps), list(o.tokens), o.tail)
    c.seps[2] = ""
    s = Score()
    score_one(o, c, {2: {"comma"}}, "rebels, with tanks", s)
    assert (s.changes, s.correct, s.restored) == (1, 1, 1)


def test_a_family_scores_only_its_kind_of_change_on_undamaged_tokens() -> None:
    from corruptions import casing

    o = Doc.parse("War with Israel began, the jewerly said.")
    c = Doc(list(o.seps), list(o.tokens), o.tail)
    c.tokens[2] = "israel"
    output = "War With Israel began, the jewelry said."  # one right, one wrong case change, one typo fixed
    s = Score()
    score_one(o, c, {2: {"t"}}, output, s, casing.concerns)
    assert (s.changes, s.correct, s.restored) == (2, 1, 1)  # "jewelry" is the typos family's to judge
    everything = Score()
    score_one(o, c, {2: {"t"}}, output, everything)
    assert everything.changes == 3


def test_a_change_to_a_damaged_token_always_counts() -> None:
    from corruptions import casing

    o = Doc.parse("War with Homs began.")
    c = Doc(list(o.seps), list(o.tokens), o.tail)
    c.tokens[2] = "homs"
    s = Score()
    score_one(o, c, {2: {"t"}}, "War with hose began.", s, casing.concerns)  # another step "corrected" the name
    assert (s.changes, s.correct, s.restored) == (1, 0, 0)
