"""duplicate_lines: repeated and truncated lines, the fused byline of seed 000, content repetition that stays."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import Pipeline
from newsclean.normalizers import duplicates
from newsclean.normalizers.duplicates import DuplicateLines, byline_parts, dateline_parts
from newsclean.normalizer import Context
from newsclean.normalizers.lines import SPACE_CHARS, single_spaced

from strategies import CLEAN_LINES, clean_prose

PARA = "Rebel forces pushed closer to Damascus on Saturday, securing key positions within the city's outskirts."
PARA2 = "Residents reported intense clashes in the Barzeh neighborhood as rebel units advanced through the alleys."

FIXES = [
    # the headline again as the first line of the body
    ("Rebels Advance on Damascus\nRebels Advance on Damascus\n" + PARA + "\n",
     "Rebels Advance on Damascus\n" + PARA + "\n"),
    # differing only in case, spaces and a trailing separator
    ("By Mary Sidiqi | Newslooks |\nby  Mary Sidiqi | Newslooks\n" + PARA + "\n",
     "By Mary Sidiqi | Newslooks |\n" + PARA + "\n"),
    # a paragraph of prose (20 words or more) written twice, anywhere
    (PARA + " " + PARA2 + "\n" + PARA2 + "\n" + PARA + " " + PARA2 + "\n", PARA + " " + PARA2 + "\n" + PARA2 + "\n"),
    # a truncated copy just before the complete line
    ("As Reported by CNN \\ Rebel forces have intensified their advance into\n"
     "As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\ Newslooks\n" + PARA + "\n",
     "As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\ Newslooks\n" + PARA + "\n"),
    # a paragraph repeated further down, cut short with an ellipsis (a teaser of itself)
    (PARA + "\n" + PARA2 + "\nRebel forces pushed closer to Damascus on Saturday, securing key posi…\n",
     PARA + "\n" + PARA2 + "\n"),
    # a byline three times in a row: an extractor writes one from each of a page's fields
    ("By Mary Sidiqi | Newslooks\n" * 3 + PARA + "\n", "By Mary Sidiqi | Newslooks\n" + PARA + "\n"),
    # copies a blank line apart are an extractor's blocks, however many
    ("Headline of the day\n\nHeadline of the day\n\nHeadline of the day\n\n" + PARA + "\n",
     "Headline of the day\n\n" + PARA + "\n"),
    # blank-line separated copies leave no doubled blank line
    ("Headline of the day\n\nHeadline of the day\n\n" + PARA + "\n", "Headline of the day\n\n" + PARA + "\n"),
]

UNCHANGED = [
    "- Yes\n- Yes\n",  # two list items alike
    "“Assad is gone!”\n“Assad is gone!”\n",  # a short refrain quoted twice
    "Eat every 2–3 hours\nBreakfast: eggs and toast\nEat every 2–3 hours\nLunch: a salad\n",  # a plan's refrain
    "See it now: Amazon\n" + PARA + "\nSee it now: Amazon\n",  # a shop link under each product
    # a line three times in a row, one line break apart: a refrain, emphasis, a log (an extractor's copy is one)
    "We are the champions\nWe are the champions\nWe are the champions\n",
    "Ci fu un terribile, mortale silenzio.\n" * 3 + "\t\t-- Douglas Adams\n",
    "60 bytes read from network\n" * 3 + "54 bytes read from network\n",
    # a chat log's lines, said twice by their speaker
    "<Faq> POMOCY!!!!!!!\n<Faq> POMOCY!!!!!!!\n<Faq> Gosc mnie flooduje\n",
    "01:45:20 < qlik> exit\n01:45:20 < qlik> exit\n",
    "Battle for Homs\n" + PARA + "\nBattle for Homs is what the rebels call it.\n",
    "Syrian rebels seize Daraa\nSyrian rebels seize Daraa, the birthplace of the 2011 uprising, on Friday.\n",
    PARA + "\n" + PARA2 + "\nRebel forces pushed closer to Damascus, and then…\n",  # an ellipsis, but no copy
    PARA + "\n" + PARA2 + "\n",
    # code repeats a line on purpose: two increments are two increments
    "The loop counts twice.\n\nfor item in items:\n    i += 1\n    i += 1\n",
    # a question asked again and continued on the next line (hard-wrapped), not a copy cut short of the first
    '"When there is neither I nor You, can one see it?"\n"When there is neither I nor You,\nwho is the one that'
    ' wants to see it?"\n',
    "",
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert DuplicateLines()(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_alone(text: str) -> None:
    assert DuplicateLines()(text) == text


def test_seed_000_byline(seeds: dict[str, str]) -> None:
    result = Pipeline(["duplicate_lines"]).clean(seeds["000_77d11aa37ebc9ec8.txt"])
    lines = result.text.split("\n")
    assert lines[4] == (
        "As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\ Newslooks \\ "
        "Washington DC \\ Mary Sidiqi \\ Evening Edition."
    )
    assert lines[5] == ""
    assert lines[6].startswith("The Syrian conflict reached a critical juncture")
    assert lines[8].startswith("Defectors line-up to register")
    assert sum("As Reported by CNN" in ln for ln in lines) == 1
    assert result.metadata["authors"] == ["Mary Sidiqi"]
    assert result.metadata["source"] == "CNN"
    assert result.metadata["dateline"] == "Washington DC"
    assert result.metadata["byline"] == lines[4]
    assert [e.reason for e in result.edits] == [
        "truncated copy of line 7",
        "the first paragraph was fused with the byline",
        "truncated copy of line 7",
    ]


def test_seed_000_through_the_default_pipeline(seeds: dict[str, str]) -> None:
    out = newsclean.fix(seeds["000_77d11aa37ebc9ec8.txt"])
    assert out.startswith(
        "Rebels Advance on Damascus Amid Anti-Assad Protests in Homs\n\nAs Reported by CNN \\ Rebel forces have "
        "intensified their advance into Damascus, \\ Newslooks \\ Washington DC \\ Mary Sidiqi \\ Evening Edition.\n\n"
        "The Syrian conflict reached"
    )


@pytest.mark.parametrize("name", ["001_22400fdf319afacc.txt", "002_3a754ec7feaf7df1.txt", "003_cbb8445dadc2087e.txt",
                                  "004_abc9d40aaf08aa38.txt"])
def test_other_seeds_untouched(seeds: dict[str, str], name: str) -> None:
    assert DuplicateLines()(seeds[name]) == seeds[name]


BYLINES = [
    ("By Sandee LaMotte, CNN", {"authors": ["Sandee LaMotte"], "source": "CNN"}),
    ("By Stefan Becket and Grace Segers", {"authors": ["Stefan Becket", "Grace Segers"]}),
    ("By Troy L. Smith, Cleveland.com", {"authors": ["Troy L. Smith"], "source": "Cleveland.com"}),
    ("Reported by AP \\ Sara Jones \\ Beirut LB", {"source": "AP", "authors": ["Sara Jones"], "dateline": "Beirut LB"}),
]


@pytest.mark.parametrize(("line", "expected"), BYLINES)
def test_byline_parts(line: str, expected: dict) -> None:
    parts = byline_parts(line)
    assert parts.pop("byline") == line
    assert parts == expected


@pytest.mark.parametrize("line", ["By the end of the week the rebels held Homs.", "Homs | Damascus", PARA])
def test_not_bylines(line: str) -> None:
    assert byline_parts(line) == {}


DATELINES = [
    ("DAMASCUS, Syria (AP) — Rebels entered the capital on Sunday.", {"dateline": "DAMASCUS, Syria", "source": "AP"}),
    ("WASHINGTON (Reuters) - The Pentagon said on Friday it would not intervene.",
     {"dateline": "WASHINGTON", "source": "Reuters"}),
    ("BEIRUT — Hezbollah pulled its fighters back from Homs overnight.", {"dateline": "BEIRUT"}),
]


@pytest.mark.parametrize(("paragraph", "expected"), DATELINES)
def test_dateline_parts(paragraph: str, expected: dict) -> None:
    assert dateline_parts(paragraph) == expected


@pytest.mark.parametrize("paragraph", [PARA, "U.S. forces — about 900 troops — remain in Syria.", "A — B"])
def test_not_datelines(paragraph: str) -> None:
    assert dateline_parts(paragraph) == {}


def test_dateline_goes_to_metadata_and_the_text_stays() -> None:
    text = (
        "Rebels Take Damascus\n\nDAMASCUS, Syria (AP) — Rebels entered the capital on Sunday, residents said, as "
        "the army melted away and crowds filled the squares of the old city.\n"
    )
    result = Pipeline(["duplicate_lines"]).clean(text)
    assert result.text == text
    assert result.metadata == {"dateline": "DAMASCUS, Syria", "source": "AP"}


def test_metadata_keeps_the_first_byline() -> None:
    result = Pipeline(["duplicate_lines"]).clean("By Sandee LaMotte, CNN\n" + PARA + "\nBy Someone Else, AP\n")
    assert result.metadata["authors"] == ["Sandee LaMotte"]


def test_many_repeated_bylines_stay_linear() -> None:
    # Speed is measured in benchmarks/, not asserted here; a quadratic comparison would simply never finish.
    text = "By Mary Sidiqi \\ Newslooks \\ Washington DC\n" * 100_000 + PARA + "\n"
    assert DuplicateLines()(text) == "By Mary Sidiqi \\ Newslooks \\ Washington DC\n" + PARA + "\n"


@given(st.lists(st.sampled_from(CLEAN_LINES + ["- Yes", "Highlights", "", "By Mary Sidiqi, AP"]), max_size=12))
def test_only_whole_lines_removed_or_a_byline_split(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    result = Pipeline(["duplicate_lines"]).clean(text)
    for e in result.edits:
        if e.after:
            assert e.before == " " and set(e.after) == {"\n"}
        else:
            assert (e.start == 0 or text[e.start - 1] == "\n") and e.before.endswith("\n")
    assert DuplicateLines()(result.text) == result.text


@given(prose=clean_prose)
def test_clean_article_lines_untouched(prose: str) -> None:
    assert DuplicateLines()(prose) == prose


# --- the quick forms of the patterns ------------------------------------------------------------------------------

_LINE_PARTS = st.sampled_from(
    ["Mary", "Sidiqi", " ", "  ", "\t", "\u00a0", "\u2003", "\x1c", "|", "\\", ",", ";", ":", "–", "—", "-", "/",
     "·", "•", ".", "...", "…", "Ünïcode", "ß", "\u00ad", "\u200d", "İ", "ſ"]
)


@given(st.lists(_LINE_PARTS, max_size=10).map("".join) | st.text(max_size=30))
def test_quick_forms_agree_with_the_patterns(line: str) -> None:
    # The line key, the word count and the ellipsis check are computed with str methods for speed; the patterns
    # they stand for say what they mean.
    if not any(c in line for c in "\x1c\x1d\x1e\x1f"):
        assert duplicates._quick_key(line) == duplicates._key(line)
    if single_spaced(line, Context(line)) and "\n" not in line:  # single_spaced tells a text; a line has no break
        assert duplicates._spaced_key(line) == duplicates._key(line)
    words = len(regex.findall(r"\w+", line))
    assert duplicates._words(line) == min(words, duplicates._BYLINE_MAX_WORDS + 1)
    ellipsis = regex.search(r"(?:\.\.\.|…)\s*$", line) is not None
    assert line.rstrip(SPACE_CHARS).endswith(("...", "…")) == ellipsis


def test_space_chars_are_what_the_patterns_call_spaces() -> None:
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert SPACE_CHARS == "".join(regex.findall(r"\s", everything))


def test_a_refrain_left_is_noted() -> None:
    text = PARA + "\nWe are the champions\nWe are the champions\nwe are the champions\n" + PARA2 + "\n"
    result = Pipeline(["duplicate_lines"]).clean(text)
    assert result.text == text
    [note] = result.notes
    assert (note.kind, note.line) == ("refrain", 2)
    assert text[note.start : note.end] == "We are the champions\nWe are the champions\nwe are the champions"


def test_a_fused_byline_is_judged_near_the_top_of_the_text_the_removals_leave() -> None:
    # Found by tests/fuzz/fuzz_clean.py: the byline stood 15 lines down, 13 once the truncated copy above it went, and
    # only a second run split it from the paragraph.
    header = "".join(f"Header line {word}\n" for word in "one two three four five six seven eight nine ten".split())
    copy = "As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\\n\n"
    fused = ("As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\ Newslooks \\ "
             "Washington DC \\ Mary Sidiqi \\ Evening Edition. " + PARA + " " + PARA2 + "\n")
    text = "Top\n\n" + header + "\n" + copy + fused
    assert text.split("\n").index(fused.rstrip("\n")) == 15
    once = Pipeline(["duplicate_lines"]).fix(text)
    assert "Evening Edition.\n\nRebel forces pushed" in once
    assert Pipeline(["duplicate_lines"]).fix(once) == once


@pytest.mark.parametrize("before", [True, False])
def test_a_paragraph_set_apart_from_its_byline_is_a_line_the_repeats_rule_sees(before: bool) -> None:
    # Found by tests/fuzz/fuzz_clean.py (atheris): the paragraph split off a fused byline repeated another line, and
    # only a second run removed the copy.
    byline = ("As Reported by CNN \\ Rebel forces advance \\ Newslooks \\ Washington DC \\ Mary Sidiqi \\ "
              "Evening Edition.")
    paragraph = PARA + " " + PARA2
    lines = ["Top", byline + " " + paragraph, "Rebels Advance on Damascus", paragraph, "Residents fled the city."]
    if before:
        lines[1], lines[3] = lines[3], lines[1]
    once = Pipeline(["duplicate_lines"]).fix("\n\n".join(lines) + "\n")
    assert once.count(paragraph) == 1
    assert Pipeline(["duplicate_lines"]).fix(once) == once


def test_a_byline_set_apart_from_its_paragraph_is_a_line_the_truncated_copies_rule_sees() -> None:
    # Found by tests/fuzz/fuzz_clean.py (atheris): the byline split off its paragraph was the start of a complete
    # byline two lines down, a truncated copy, which only a second run removed. It goes now, the paragraph stays.
    byline = "As Reported by CNN \\ Rebel forces advance \\ Newslooks \\ Washington DC \\ Mary Sidiqi"
    text = f"Top\n\n{byline} \\ {PARA} {PARA2}\n\nRebels Advance\n\n{byline} \\ Evening Edition\n\nThe end.\n"
    once = Pipeline(["duplicate_lines"]).fix(text)
    assert once == f"Top\n\n{PARA} {PARA2}\n\nRebels Advance\n\n{byline} \\ Evening Edition\n\nThe end.\n"
    assert Pipeline(["duplicate_lines"]).fix(once) == once
