"""The transcripts damage family of the corruption benchmark: what it builds, how it cuts, how it scores."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

import newsclean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
pytest.importorskip("pysbd")
from corruptions import transcripts as T  # noqa: E402

PARAGRAPHS = [
    "Syrian rebels are making a dramatic push for control of the city of Homs.",
    "Rebels have seized almost the entire southwest within 24 hours. They advanced to within 20 miles of Damascus.",
    "The rapid pace of events has stunned Arab capitals. It raised fears of a new wave of regional instability.",
    "Russia has a naval base and airbase in Syria that have been vital for its support of Assad.",
    "Iran has said it would consider sending forces to Syria. Any extra assistance would depend on Hezbollah.",
    "Britain has issued a stern warning about chemical weapons. It would be met with appropriate action.",
]
BODY = "\n".join(["Introduction paragraph of the article.", *PARAGRAPHS, "Closing paragraph of the article."])


def test_cut_expects_the_last_complete_sentence() -> None:
    seg = T._segmenter()
    text = PARAGRAPHS[1]
    for i in range(40):
        damaged, expected, tag = T._cut(text, seg, random.Random(i))
        assert text.startswith(damaged) and damaged != text and not damaged.endswith(" ")
        if tag == "later_sentence":
            assert expected == "Rebels have seized almost the entire southwest within 24 hours." + T.MARK
        else:
            assert tag == "first_sentence" and expected == damaged


def test_build_alternates_labels_and_keeps_the_outside() -> None:
    doc = T.build(BODY, random.Random(3), T._segmenter())
    assert doc is not None
    want = doc["want"]
    assert want[0] == "Introduction paragraph of the article." and want[-1] == "Closing paragraph of the article."
    assert len(want) == len(PARAGRAPHS) + 2 == len(doc["truths"]) + 2
    assert len({w.split(" ")[0] for w in want[1:-1:2]}) == 1  # the interviewer's label, in one form
    assert all(w.endswith("?") for w in want[1:-1:2])


def test_too_little_prose_builds_nothing() -> None:
    assert T.build("One line.\nTwo lines.", random.Random(0), T._segmenter()) is None


def test_matched_counts_expected_lines_in_order() -> None:
    assert T._matched(["a", "b", "c"], ["x", "a", "c"]) == 2


def test_evaluate_scores_the_interview_normalizer() -> None:
    pipe = newsclean.Pipeline(["interview"])
    (row,) = T.evaluate([BODY] * 8, 1, {"newsclean-only": pipe.fix})
    assert row["documents"] == 8 and row["recognized"] == 1.0 and row["outside_kept"] == 1.0
    assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0
    (skipped,) = T.evaluate([BODY], 1, {"peer": str.strip})
    assert skipped["note"].startswith("skipped")


@pytest.mark.parametrize(
    ("damaged", "seen"),
    [
        ("Rebels have seized almost the", True),
        ("The effective CPM is 30%", True),
        ("It features two ports:", True),
        ("Chris Tang,", True),
        ("\u201cIt doesn\u2019t affect me at all now,\u201d", True),  # a quote closed after a comma waits for "he said"
        ('In his book "', True),  # a quote opened, its text cut
        ("a struggling segment of the U.S.", False),  # a full stop: reads as a finished sentence
        ("the transcript was \u2018accurate\u2019", False),  # a quote closed after a word
        ("Japan's Nikkei 225 (N225)", False),
        ("liquid water \u2014", False),  # a dash: an interruption
        ("We also won Tony Moly cosmetics \U0001f642", False),
        ("\u201cOh, actually?", False),
    ],
)
def test_visible_cuts(damaged: str, seen: bool) -> None:
    assert T.visible(damaged) is seen


def test_cuts_are_always_visible() -> None:
    seg = T._segmenter()
    text = "Sales rose in the U.S. market. Officials said the plan was \u2018accurate\u2019 and fair \u2014 for now."
    for i in range(60):
        damaged, _, _ = T._cut(text, seg, random.Random(i))
        assert T.visible(damaged), damaged


def test_wilson_interval() -> None:
    assert T._wilson(90, 100) == [0.8256, 0.9448]
    assert T._wilson(0, 0) is None


def test_short_whole_replies_are_not_reported() -> None:
    (row,) = T.evaluate([BODY] * 8, 1, {"newsclean-only": newsclean.Pipeline(["interview"]).fix})
    flagged, total = map(int, row["short_reply_flagged"].split("/"))
    assert total == 8 and flagged == 0
    assert row["recall_ci95"] is None or 0.0 <= row["recall_ci95"][0] <= row["recall"] <= row["recall_ci95"][1]
