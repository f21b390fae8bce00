"""Case evidence: the word split behind it, and what a document's own writing gives as evidence.

The split and the gathering are written for speed; the references here are written for reading, and the properties
hold the fast versions to them on text made to hit every rule: capitals, all-caps, quotes, hyphens, apostrophes,
sentence ends, bullets, headline-style lines, letters of other scripts, combining marks, digits, blank lines.
"""

from __future__ import annotations

from collections import Counter

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

from newsclean import evidence
from newsclean.evidence import (PHRASE_MAX_WORDS, WORD, CaseEvidence, batch_evidence, collect, headline_style,
                                is_sentence_start, split_words, written_words)
from newsclean.normalizer import Context
from tests.strategies import any_text, combining_marks, emoji, mixed_scripts, news_like

#: Words of every shape the gathering tells apart (lowercase ones most often, as in prose: a line of mostly capitalized
#: words is headline-style and gives no evidence), and what stands between them (a space most often).
_LOWER = ["the", "rebels", "entered", "city", "on", "after", "talks", "with", "a", "homs", "zürich", "москва", "s",
          "re"]
_CASED = ["Homs", "HOMS", "McCain", "al", "Assad", "Air", "Force", "Security", "Council", "The", "I", "A", "Nano",
          "Satellite", "Tyvak", "Zürich", "Éire", "Москва", "Δαμασκός", "中文", "ダマスカス", "Cafe\u0301", "Ǆemal",
          "ǅemal", "ﬁnance", "İstanbul", "straße"]
_WORDS = _LOWER * 3 + _CASED
_GAPS = [" "] * 20 + ["  ", ". ", ", ", "-", "'", "’", " “", "” ", " ‘", "’ ", ' "', '" ', " (", ") ", "* ", "• ",
                      "— ", "\n", "\n\n", ": ", "; ", "… ", "? ", "! ", "\t", "_", " 2024 ", "3", "²", "\u0301",
                      "\u200d", " - ", "-- ", " > ", "[", "]", "\n(3) ", "\n12) ", " (4) "]
#: Text dense with capitalized words in every position: the rules of the gathering all fire on it.
mixed_text = st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_WORDS)), max_size=60).map(
    lambda pairs: "".join(gap + word for gap, word in pairs))
#: Whole lines of words, so that some lines are headline-style and some not.
mixed_lines = st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join), max_size=8).map(
    "\n".join)
any_mixed = st.one_of(mixed_text, mixed_lines, any_text, news_like, combining_marks, mixed_scripts, emoji)


def _split_by_definition(text: str) -> list[list[str]]:
    """What split_words means: each line split by the regex engine into gap, word (as WORD), gap, ..., gap."""
    return [regex.split(r"([^\W\d_]+)", line) for line in text.split("\n")]


@given(any_mixed)
def test_split_words_is_the_regex_split_of_each_line(text: str) -> None:
    assert split_words(text) == _split_by_definition(text)


@pytest.mark.parametrize("text", [
    "",
    "\n",
    "Homs\n\nhoms\n",
    "café Zürich naïve “quoted” — dash",  # Latin letters and General Punctuation: the standard library's engine
    "Cafe\u0301 Zu\u0308rich x² ½ Ⅻ",  # marks and numbers, which the two engines' own \w class differently
    "Москва и Δαμασκός, דמשק",  # other alphabetic scripts: still the standard library's engine
    "a\u203fb x\u200dy \u200cz",  # a connector and the joiners of General Punctuation, letters for WORD
    "中文 and Homs",  # a letter beyond the fast split's code points: the regex engine
    "ﬁnance Ａｂｃ",  # a ligature, below; full-width letters, beyond
    "Homs 😀 fell 👩\u200d👩\u200d👧",  # emoji beyond, but no letter: the standard library's engine
    "\U0001d400\U0001d401 math letters",  # letters beyond the Basic Multilingual Plane: the regex engine
    "\u2fff \u3000 Homs\u3000fell",  # the last code point below _FAST_END, and an ideographic space: no letters
    "x\u3006y 〆",  # letters just past _FAST_END: the regex engine
    "Homs \ud800 fell \udfff",  # lone surrogates, beyond _FAST_END but no letters
])
def test_split_words_table(text: str) -> None:
    assert split_words(text) == _split_by_definition(text)
    assert [w for parts in split_words(text) for w in parts[1::2]] == WORD.findall(text)


@given(any_mixed)
def test_written_words_are_the_distinct_words_of_the_original(text: str) -> None:
    ctx = Context(text)
    assert written_words(ctx) == set(WORD.findall(text))
    assert written_words(ctx) is written_words(ctx)  # gathered once per document


@given(any_mixed)
def test_fast_split_is_the_regex_split_of_every_text_it_is_given(text: str) -> None:
    # split_words gives the standard library's engine exactly the texts with no letter at or beyond _FAST_END.
    beyond = "".join(c for c in text if ord(c) >= evidence._FAST_END)
    assume(not WORD.search(beyond))
    assert evidence._fast_split()(text) == regex.split(r"([^\W\d_]+|\n)", text)


def test_fast_split_classes_every_character_below_its_end_as_word_does() -> None:
    # The split of the standard library's engine is used only for text with no letter at or beyond _FAST_END; below
    # it, each character must be a letter for it exactly when it is one for WORD: the two splits of every such
    # character side by side are then the same.
    below = "".join(map(chr, range(evidence._FAST_END)))
    assert evidence._fast_split()(below) == regex.split(r"([^\W\d_]+|\n)", below)


def _reference(text: str) -> CaseEvidence:
    """What :func:`collect` means, line by line and word by word (see its docstring and ``CaseEvidence``)."""
    capitalized: dict[str, Counter[str]] = {}
    lowercase: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    alone: Counter[str] = Counter()
    phrases: Counter[tuple[str, ...]] = Counter()
    for line in text.split("\n"):
        found = list(WORD.finditer(line))
        words = [m.group() for m in found]
        lowercase.update(w for w in words if w.islower())
        if headline_style(words):
            continue
        gaps = [line[a.end() if a else 0:b.start() if b else len(line)]  # gaps[k] before word k, gaps[k + 1] after
                for a, b in zip([None, *found], [*found, None])]
        titled = [w[0].isupper() and not w.isupper() for w in words] + [False]

        def joined_to_next(k: int) -> bool:
            return titled[k + 1] and gaps[k + 1] == " "

        def opens_quotation(k: int) -> bool:
            gap = gaps[k]
            return gap[-1:] in ("\"", "'", "“", "‘") and gap[-2:-1] in (" ", "\t", "(", "[") and not joined_to_next(k)

        mid = [titled[k] and not is_sentence_start(line, found[k].start()) and not (gaps[k] != " " and
               opens_quotation(k)) for k in range(len(words))]
        run: list[str] = []
        for k, w in enumerate(words):
            if not mid[k]:
                continue
            forms = capitalized.setdefault(w.lower(), Counter())
            forms[w] += 1
            if k > 0 and titled[k - 1] and gaps[k] == " ":
                if mid[k - 1]:  # a sentence start's capital is no evidence, for a pair's first word either
                    pairs[words[k - 1].lower(), w.lower()] += 1
            elif not joined_to_next(k) and not (k > 0 and gaps[k] == " " and len(words[k - 1]) > 1
                                                and words[k - 1].isupper()):  # "GE Healthcare": an acronym's name
                alone[w.lower()] += 1
            # A run goes on over one space from a mid-sentence word; it does not start after a hyphen or an apostrophe.
            if k > 0 and mid[k - 1] and gaps[k] == " ":
                run.append(w.lower())
            else:
                run = [] if gaps[k] in ("-", "'", "’") else [w.lower()]
            if not (k + 1 < len(words) and mid[k + 1] and gaps[k + 1] == " "):  # the run ends here
                if gaps[k + 1] in ("-", "'", "’"):
                    run = run[:-1]  # its last word is joined to the next: "Tyvak Nano-Satellite" is no "Tyvak Nano"
                for i in range(len(run)):
                    for j in range(i + 2, min(i + PHRASE_MAX_WORDS, len(run)) + 1):
                        phrases[tuple(run[i:j])] += 1
    return CaseEvidence(capitalized, lowercase, pairs, alone, phrases)


def _in_order(ev: CaseEvidence) -> list:
    """Every count of ``ev`` in its order: the steps that read the evidence break ties by it."""
    return [list(ev.lowercase.items()), list(ev.pairs.items()), list(ev.alone.items()), list(ev.phrases.items()),
            [(w, list(forms.items())) for w, forms in ev.capitalized.items()]]


@given(any_mixed)
def test_collect_is_the_reference(text: str) -> None:
    assert _in_order(collect(text)) == _in_order(_reference(text))


@pytest.mark.parametrize(("text", "capitalized", "pairs", "alone", "phrases"), [
    # Sentence starts are no evidence; mid-sentence capitals are.
    ("Rebels entered Homs on Sunday. The army left.", {"homs", "sunday"}, set(), {"homs", "sunday"}, set()),
    # A headline-style line is no evidence; the line after it is.
    ("Rebels Entered Homs On Sunday\nthey met the Security Council in Homs on a rainy evening after talks",
     {"security", "council", "homs"}, {("security", "council")}, {"homs"}, {("security", "council")}),
    # ... however many of its capitalized words start a sentence before the first that does not.
    ("Breaking: Rebels Take Homs On Sunday", set(), set(), set(), set()),
    ("Rebels left. The army entered Homs on a rainy evening after long talks", {"homs"}, set(), {"homs"}, set()),
    # A line most of whose long words are capitalized is headline-style, even in lowercase company.
    ("they met the Security Council in Homs.", set(), set(), set(), set()),
    # After a hyphen a capitalized run does not start: "Nano-Satellite Systems" is no "Satellite Systems".
    ("they hired Tyvak Nano-Satellite Systems for the job in the morning and then went to lunch",
     {"tyvak", "nano", "satellite", "systems"}, {("tyvak", "nano"), ("satellite", "systems")}, set(), set()),
    # ... nor does it end before one: "Air Force-trained" is no evidence for "Air Force" as a phrase.
    ("the Air Force-trained pilots flew to the base in the morning", {"air", "force"}, {("air", "force")}, set(),
     set()),
    # Every stretch of two to four words of a run is a phrase.
    ("the White House National Security Council met on friday with the lawyers of several other parties",
     {"white", "house", "national", "security", "council"},
     {("white", "house"), ("house", "national"), ("national", "security"), ("security", "council")}, set(),
     {("white", "house"), ("white", "house", "national"), ("white", "house", "national", "security"),
      ("house", "national"), ("house", "national", "security"), ("house", "national", "security", "council"),
      ("national", "security"), ("national", "security", "council"), ("security", "council")}),
    # Three capitalized long words of five: headline-style, at the share exactly.
    ("they met Security Council staff in Homs", set(), set(), set(), set()),
    # ... of six, with a word of more than 255 letters (no byte holds its length): not headline-style.
    ("they met Security Council staff in Homs " + "x" * 300, {"security", "council", "homs"},
     {("security", "council")}, {"homs"}, {("security", "council")}),
    # A pair needs both words mid-sentence: "Professor" here is capitalized as the sentence's first word (and
    # "Aron", joined to it, is not alone).
    ("Professor Aron spoke in the hall. the students met Professor Aron later in the evening",
     {"aron", "professor"}, {("professor", "aron")}, set(), {("professor", "aron")}),
    ("Professor Aron spoke to the students of the law school in the big hall", {"aron"}, set(), set(), set()),
    # A capitalized word after an acronym is part of a name ("GE Healthcare"), not alone.
    ("the staff of GE Healthcare met healthcare workers and the NHS in London", {"healthcare", "london"}, set(),
     {"london"}, set()),
    # Openers (quotes, bullets) between a line start and a word: still a sentence start.
    ("“Homs,” he said.\n• Aleppo fell", set(), set(), set(), set()),
    # ... and so is a list item's number: "(3)", "3)".
    ("(1) Alexander the Great was a great general.\n(2) Great generals win.\n3) Forewarned is forearmed.",
     {"great"}, set(), {"great"}, set()),
    # A quotation's first word is capitalized as a sentence's, unless a capitalized word follows it (a title).
    ("the “Meth. We’re on it.” campaign was seen by the ‘Medium Review’ writers in the spring",
     {"medium", "review"}, {("medium", "review")}, set(), {("medium", "review")}),
])
def test_collect_table(text: str, capitalized: set, pairs: set, alone: set, phrases: set) -> None:
    found = collect(text)
    assert (set(found.capitalized), set(found.pairs), set(found.alone), set(found.phrases)) == (
        capitalized, pairs, alone, phrases)
    assert _in_order(found) == _in_order(_reference(text))


@pytest.mark.parametrize("style", ["\r\n", "\r"])
def test_batch_evidence_reads_every_line_ending_style_as_the_pipeline_does(style: str) -> None:
    # Lines ended by "\r" were one line to it: a headline above made the whole text headline-style, no evidence.
    text = "Rebels Take Homs In One Day\nThe rebels said Saasa Gate fell, and Saasa residents fled.\n"
    assert _in_order(batch_evidence([text.replace("\n", style)])) == _in_order(batch_evidence([text]))
