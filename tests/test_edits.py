"""Edits: checking and applying them, and the line numbers the pipeline attaches."""

from __future__ import annotations

import pytest

from newsclean.edits import Edit, EditError, apply_edits, check_edits, line_of, line_starts, split_newlines


def e(start: int, end: int, before: str, after: str) -> Edit:
    return Edit("t", start, end, before, after, "test")


TEXT = "rebels,with tanks"

APPLY = [
    ([], TEXT),
    ([e(7, 7, "", " ")], "rebels, with tanks"),
    ([e(0, 6, "rebels", "Rebels"), e(7, 7, "", " ")], "Rebels, with tanks"),
    ([e(11, 17, " tanks", "")], "rebels,with"),
]


@pytest.mark.parametrize(("edits", "expected"), APPLY)
def test_apply(edits: list[Edit], expected: str) -> None:
    check_edits(TEXT, edits)
    assert apply_edits(TEXT, edits) == expected


BROKEN = [
    ([e(0, 99, TEXT, "")], "out of bounds"),
    ([e(7, 7, "", " "), e(0, 6, "rebels", "Rebels")], "overlap or are unsorted"),
    ([e(0, 6, "rebels", "R"), e(3, 8, "els,w", "")], "overlap or are unsorted"),
    ([e(0, 6, "Rebels", "x")], "says before"),
    ([e(0, 6, "rebels", "rebels")], "changes nothing"),
    ([e(7, 7, "", " "), e(7, 7, "", "x")], "two insertions"),
]


@pytest.mark.parametrize(("edits", "message"), BROKEN)
def test_check_rejects(edits: list[Edit], message: str) -> None:
    with pytest.raises(EditError, match=message):
        check_edits(TEXT, edits, "t")


def test_line_numbers() -> None:
    text = "one\ntwo\n\nfour"
    starts = line_starts(text)
    assert [line_of(starts, i) for i in (0, 3, 4, 8, 9, 12)] == [1, 1, 2, 3, 4, 4]


@pytest.mark.parametrize(
    ("text", "style", "lf"),
    [
        ("a\nb\n", "\n", "a\nb\n"),
        ("a\r\nb\r\n", "\r\n", "a\nb\n"),
        ("a\rb\r", "\r", "a\nb\n"),
        ("a\r\nb\r\nc\n", "\r\n", "a\nb\nc\n"),
    ],
)
def test_split_newlines(text: str, style: str, lf: str) -> None:
    assert split_newlines(text) == (style, lf)


def test_describe_shows_removed_text() -> None:
    edit = Edit("site_chrome", 0, 4, "Menu", "", "navigation label", line=12)
    assert "removed 'Menu'" in edit.describe() and "line   12" in edit.describe()


@pytest.mark.parametrize(("before", "after", "removal"), [
    ("Vote count: 0\n", "", True),
    (" the death toll rose to 1", " […]", True),  # a cut marked as an elision: the piece is out, reported here
    (" […]", " […]", False),
    ("woudl", "would", False),
    ("", " ", False),
])
def test_a_removal_takes_text_out_with_or_without_the_mark_of_a_cut(before: str, after: str, removal: bool) -> None:
    assert Edit("x", 0, len(before), before, after, "test").is_removal is removal
