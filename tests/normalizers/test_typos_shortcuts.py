"""typos: the shortcuts that make it fast decide exactly what the long way decides.

The step finds a document's few unknown words in bulk, looks only at the tokens around them, reads case evidence
from the lines that hold them, skips the full candidate search when no common word is near, and files its lexicon by
word shape. Each shortcut is checked here against the plain definition it replaces.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.data import load
from newsclean.evidence import case_evidence
from newsclean.normalizer import Context
from newsclean.normalizers import typos
from newsclean.normalizers.typos import _PART, _TOKEN, _Evidence, _Protected, _runs, _tokens_with, _unknown_runs
from newsclean.spans import SpanIndex
from newsclean.spelling import (COMMON_ZIPF, DISTANT_ZIPF, candidates, common_within_one_edit, distant_candidates,
                                lexicon, shape)

from strategies import CASE_TRAPS, CLEAN_LINES, any_text, news_like, surrogates

#: Text made of what the tokenizer cares about: letters, hyphens, apostrophes, dots, digits, URLs, line breaks.
_PIECES = ["knwon", "Knwon", "well", "-", "--", "'s", "’s", "'", ".", "..", "…", "3", "x", " ", "\n", "@", "#",
           "é", "news.example.org", "https://ex.am/ple", "W hile", "al-Qaem", "a.b", "_", "KNWON", "McKnwon"]
token_soup = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(st.one_of(token_soup, any_text, surrogates, st.sampled_from(CASE_TRAPS)))
def test_runs_are_the_runs_of_ascii_letters(text: str) -> None:
    assert _runs(text) == _PART.findall(text)


_NEVER = {"Knwon", "hile", "ple", "Saasa"}


@given(st.one_of(token_soup, any_text, surrogates, news_like, st.sampled_from(CASE_TRAPS)), st.booleans())
def test_unknown_runs_read_from_the_words_split_for_casing_are_the_texts(text: str, gathered_before: bool) -> None:
    ctx = Context(text)
    if gathered_before:  # as when a casing step ran first: the original's words are split then
        case_evidence(ctx)
    expected = set(_PART.findall(text)) - lexicon().common_forms - _NEVER
    assert _unknown_runs(text, ctx, _NEVER) == expected


def test_unknown_runs_of_a_changed_text_are_its_own() -> None:
    ctx = Context("Residents of Saasa said so.")
    case_evidence(ctx)
    assert _unknown_runs("Residents of Jarmana said so, Saasa.", ctx, _NEVER) == {"Jarmana"}


def test_the_common_words_are_runs_of_ascii_letters() -> None:
    # _unknown_runs looks for the words beyond ASCII once the common words are set aside: none of them may be one.
    assert all(word.isascii() and word.isalpha() for word in lexicon().common_forms)


@pytest.mark.parametrize("runs_looked_for_alone", [typos._FOUND_RUNS_MAX, 0], ids=["few runs", "many runs"])
@given(text=token_soup, runs=st.sets(st.sampled_from(["knwon", "Knwon", "well", "Qaem", "hile", "ple"]), min_size=1))
def test_tokens_around_the_runs_are_the_tokens_that_hold_them(runs_looked_for_alone: int, text: str,
                                                               runs: set[str]) -> None:
    # A few runs are looked for one by one, many (a long document's) in one pass over every token: the same tokens.
    expected = [m.span() for m in _TOKEN.finditer(text) if not runs.isdisjoint(_PART.findall(m.group()))]
    with mock.patch.object(typos, "_FOUND_RUNS_MAX", runs_looked_for_alone):
        assert [m.span() for m in _tokens_with(text, frozenset(runs))] == expected


@given(st.one_of(token_soup, news_like))
def test_a_token_is_protected_as_a_scan_of_the_whole_text_says(text: str) -> None:
    spans = SpanIndex.of(text)
    protected = _Protected(text)
    for m in _TOKEN.finditer(text):
        assert protected.covers(m.start(), m.end()) == spans.covers(m.start(), m.end())


#: Headline-style lines, sentence starts, quotes, and letters whose lowercase is ASCII ("\u212a", Kelvin: "k").
_EVIDENCE_LINES = CLEAN_LINES[:30] + [
    "Homs Said The Rebels Took The City", "homs was quiet.", "In homs: Homs.", "“Knwon” said Knwon, and knwon.",
    "THE END", "- Homs", "The \u212aey said key.", "İstanbul and Key: key", "straße Homs",
]


@given(st.lists(st.sampled_from(_EVIDENCE_LINES), min_size=1, max_size=8).map("\n".join), st.booleans())
def test_evidence_from_the_lines_of_a_word_is_the_documents(text: str, gathered_before: bool) -> None:
    whole = case_evidence(Context(text))
    ctx = Context(text)
    if gathered_before:  # as when a casing step ran first
        case_evidence(ctx)
    mine = _Evidence(ctx)
    named = mine.named()
    assert (named is not None) == gathered_before
    for word in {w.lower() for w in _PART.findall(text)}:
        assert mine.capitalized(word) == whole.capitalized_count(word), word
        if named is not None:
            assert (word in named) == bool(whole.capitalized_count(word)), word
        assert mine.lowercase(word) == whole.lowercase.get(word, 0), word
        assert mine.form(word) == whole.form(word), word


# --- the lexicon -------------------------------------------------------------------------------------------------

def test_lexicon_files_every_word_under_its_shape() -> None:
    data = load("typos")
    common = set(lexicon().common)
    for key, parts in data["shapes"].items():
        for part, packed in parts.items():
            text = " ".join(packed.values()) if isinstance(packed, dict) else packed
            entries = text.split()[::2] if part == "misspellings" else text.split()
            assert all(shape(w) == key for w in entries), (key, part)
            assert common.isdisjoint(entries), (key, part)
    assert min(lexicon().common.values()) >= COMMON_ZIPF


def _packaged_known() -> set[str]:
    data = load("typos")
    known = set(lexicon().common)
    for parts in data["shapes"].values():
        known.update(" ".join(parts.get("words", {}).values()).split())
        known.update(parts.get("names", "").split(), parts.get("foreign", "").split())
    return known


KNOWN = _packaged_known()


@given(st.one_of(st.sampled_from(sorted(KNOWN)), st.text("abcdefghijklmnopqrstuvwxyz é", max_size=12),
                 st.sampled_from(["paris", "señor", "intifada", "woudl", "", "two words", "Government", "x y"])))
def test_known_words_are_the_packaged_words_names_and_foreign_words(word: str) -> None:
    assert lexicon().is_known(word) == (word in KNOWN)


def test_looking_a_word_up_unpacks_its_shape_only() -> None:
    from newsclean.spelling import Lexicon

    lex = Lexicon(load("typos"))
    assert lex.is_known("intifada") and not lex.is_known("woudl")
    assert set(lex._shapes) == {"i8", "w5"}


# --- skipping the full candidate search --------------------------------------------------------------------------

_TYPOS = ["woudl", "saeid", "goverment", "cpaital", "weathr", "untill", "presodent", "statmenmt", "gereration",
          "sidiqi", "albam", "barzeh", "saasa", "jarmana", "mezzeh", "pedersen", "thne", "buttigieg", "klobuchar",
          "zabul", "haqqani", "xqfd", "chromecast", "seemd", "recieve", "aple", "qwerty"]


@pytest.mark.parametrize("token", _TYPOS)
def test_without_a_common_word_near_no_candidate_is_common(token: str) -> None:
    if not common_within_one_edit(token):
        assert all(c.zipf < COMMON_ZIPF for c in candidates(token))


@given(st.sampled_from(sorted(w for w in lexicon().common if 4 <= len(w) <= 9)), st.integers(0, 10 ** 6))
def test_a_slip_from_a_common_word_is_near_a_common_word(word: str, seed: int) -> None:
    i = seed % len(word)
    for typo in {word[:i] + word[i + 1 :], word[:i] + "q" + word[i:], word[:i] + "z" + word[i + 1 :]} - {word}:
        assert common_within_one_edit(typo), typo


@pytest.mark.parametrize("token", _TYPOS)
def test_distant_candidates_are_the_common_words_within_a_deletion_on_each_side(token: str) -> None:
    def deletions(w: str) -> set[str]:
        return {w, *(w[:i] + w[i + 1 :] for i in range(len(w)))}

    expected = {w for w, zipf in lexicon().common.items()
                if zipf >= DISTANT_ZIPF and w[0] == token[0] and w != token and deletions(w) & deletions(token)}
    assert {c.word for c in distant_candidates(token)} == expected


# --- a capitalized word met for the first time ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Goverment forces advanced. The government said so.",  # corrected at a sentence start, met first or again
    "Residents of Saasa said so. Saasa is quiet.\nSaasa Fights Back",  # a name written mid-sentence
    "Sonos Launches A Speaker\nThe new speaker is loud.",  # only in a headline: no evidence either way
    "Thne rebels left. Thne said so.",  # a close call, left with a note
])
@pytest.mark.parametrize("steps", [["typos"], ["sentence_case", "proper_nouns", "typos"]])
def test_first_sight_of_a_word_decides_as_later_sights(text: str, steps: list[str]) -> None:
    from newsclean import Pipeline
    from newsclean.normalizers import typos

    pipe = Pipeline(steps)
    typos._SIGHTED.clear()
    typos._NEVER.clear()
    first = pipe.clean(text)
    again = pipe.clean(text)
    assert (first.text, first.edits, first.notes) == (again.text, again.edits, again.notes)
