"""whitespace: a table of fixes and a table of text that must not change."""

from __future__ import annotations

import pytest

from newsclean.normalizers.whitespace import Whitespace

FIXES = [
    ("  • Rebels in Damascus: Rebel forces infiltrate\n", "• Rebels in Damascus: Rebel forces infiltrate\n"),
    ("Rebels  advance", "Rebels advance"),
    ("Rebels\tadvance", "Rebels advance"),
    ("Rebels advance   \nin Homs", "Rebels advance\nin Homs"),
    ("one\n\n\n\ntwo", "one\n\ntwo"),
    ("one\n \t\ntwo", "one\n\ntwo"),
    ("\n\n  \nHeadline\n", "Headline\n"),
    ("last line\n\n\n\n", "last line\n"),
    ("last line  ", "last line"),
    ("\n\n\n", ""),
    ("Bashar\u00a0al-Assad", "Bashar al-Assad"),
    ("Bashar\u2009al-Assad", "Bashar al-Assad"),
    ("zero\u200bwidth", "zerowidth"),
    ("word\ufeff word", "word word"),
    # a colon over an indented list or indented prose is no block of code: the indentation is debris
    ("Here are the names:\n    Ahmad Khalil\n    Mona Saleh\n", "Here are the names:\nAhmad Khalil\nMona Saleh\n"),
    ("for example:\n    with the rebels in Homs\n    and the army in Daraa\n",
     "for example:\nwith the rebels in Homs\nand the army in Daraa\n"),
]

UNCHANGED = [
    "Rebels advance on Damascus.\n",
    "One paragraph.\n\nAnother paragraph.\n",
    "no final newline",
    "10\u00a0000 people",  # thousands separator
    "Paris\u202f: oui",  # French high punctuation
    "«\u00a0Nous ne pouvons pas\u00a0», a-t-elle dit",  # French guillemets
    "👩\u200d👩\u200d👧 family emoji",  # zero-width joiners
    "می\u200cخواهم",  # zero-width non-joiner in Persian
    "東京\u3000大阪",  # ideographic space
    # code keeps its indentation and its alignment: in Python they are its meaning
    "The fix changes the loop.\n\ndef total(items):\n    for item in items:\n        if item.ok:\n"
    "            yield item.price\n\nIt was merged.\n",
    "  if (x > 1) {\n      y  = f(x);\n  }\n",
    "The config:\n\n```\n  x  =  1\n\tname: value\n```\n",
    "The answer was:\n\n{\n  \"status\": \"ok\",\n  \"items\": [\n    1,\n    2\n  ]\n}\n",  # data: JSON
    "",
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert Whitespace()(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_alone(text: str) -> None:
    assert Whitespace()(text) == text


def test_max_blank_lines_option() -> None:
    assert Whitespace(max_blank_lines=0)("a\n\n\nb") == "a\nb"
    assert Whitespace(max_blank_lines=2)("a\n\n\n\n\nb") == "a\n\n\nb"


def test_reasons_name_the_debris() -> None:
    from newsclean import Pipeline

    reasons = {e.reason for e in Pipeline([Whitespace()]).clean("  a  b \n\n\n\nc").edits}
    assert reasons == {
        "indentation at the start of a line",
        "run of spaces",
        "trailing whitespace",
        "more than 1 blank line(s) between paragraphs",
    }


def test_the_default_pipeline_keeps_code_in_an_article() -> None:
    import newsclean

    code = "def total(items):\n    for item in items:\n        if item.ok:\n            yield item.price\n"
    text = f"The fix is a one-line change to the loop, the maintainers said on Tuesday.\n\n{code}\nIt was merged.\n"
    assert newsclean.fix(text) == text


def test_a_fence_inside_a_block_of_code_is_one_block() -> None:
    # Found by random lines of code, prose and fences put together: the fence's span hid the block's end from the
    # lookup, "x = 1" under it lost its indentation, and a second run no longer saw a block.
    text = "def total(items):\n        for example:\n  ```\n        ```\n  x = 1\nHere are the names:\n"
    once = Whitespace()(text)
    assert once == text
    assert Whitespace()(once) == once

