"""Whitespace debris: indentation, trailing spaces, runs of spaces, odd Unicode spaces, runs of blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import document_code_blocks, inside, single_spaced
from newsclean.registry import register

# Horizontal space as scrapers leave it: ASCII space and tab, no-break and typographic spaces, and the invisible
# zero-width space, word joiner and stray BOM. Zero-width (non-)joiners are not here: emoji sequences and Persian or
# Indic scripts need them. The ideographic space U+3000 is not here either: it is ordinary in CJK typography.
_H = frozenset(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u2060\ufeff")
_RUN = _H | {"\n"}
_ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")
_NO_BREAK = frozenset("\u00a0\u202f")
# A no-break space is deliberate between digits ("10 000") and before French high punctuation ("Paris : oui") and
# inside guillemets ("« Oui »").
_KEEP_AFTER_NO_BREAK = frozenset("0123456789:;!?»›")
_KEEP_BEFORE_NO_BREAK = frozenset("«‹")

# Finding debris is the whole cost on clean text, so it is found by what a fast search can look for: a double space
# is searched with str.find, the debris at line breaks with one pattern (below), the odd spaces with one character
# class. A run of whitespace around each hit is then judged as a whole. A pattern that matched "any whitespace run"
# would stop at every space between two words: measured at 4-10 MB/s against over 100 MB/s for this. The stdlib
# engine scans for a class of single characters two to three times faster than ``regex``.
_ODD_SPACES = sorted(_H - {" "})
_ODD_SPACE = re.compile("[" + "".join(_ODD_SPACES) + "]")
_LITERALS = ("  ",)
# The literals around a line break (" \n", "\n ", "\n\n\n") as one pattern that starts with the break: the engine
# looks for that one rare character, where str.find tests a needle's last character first (a space, at every word).
# About 3 ms per MB less than a find for each.
_AT_BREAK = re.compile("\n(?:(?<= \n)| |\n\n)")


@register
@dataclass(frozen=True)
class Whitespace(Normalizer):
    """Remove whitespace debris: indentation, trailing spaces, runs of spaces and of blank lines, odd spaces.

    Fixes ``"  • Rebels in Damascus:  Rebel forces"`` to ``"• Rebels in Damascus: Rebel forces"``.
    Leaves ``"10\u00a0000 people"`` alone: a no-break space between digits is a thousands separator; and the
    indentation of a block of code (:func:`~newsclean.normalizers.lines.code_blocks`), which in Python is its meaning.

    One blank line between paragraphs is kept (extractors separate paragraphs that way); a text that ends with a
    newline keeps exactly one. Line endings are the pipeline's business: it hands every step ``\\n`` line ends and
    restores the input's style on output.
    """

    name = "whitespace"
    summary = "indentation, trailing spaces, runs of spaces and blank lines, no-break and zero-width spaces"

    max_blank_lines: int = 1
    """Blank lines kept between paragraphs."""

    def __post_init__(self) -> None:
        if self.max_blank_lines < 0:
            raise ValueError("max_blank_lines must be 0 or more")

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        edits: list[Edit] = []
        runs = self._runs(text, single_spaced(text, ctx))
        # Code keeps its indentation and its alignment: in Python they are its meaning.
        blocks = document_code_blocks(text, ctx) if runs else []
        for start, end in runs:
            edits += self._judge(text, start, end, blocks)
        return edits

    def _runs(self, text: str, spaced: bool) -> list[tuple[int, int]]:
        """Maximal runs of whitespace that hold some debris, sorted; each found in time linear in the text.

        ``spaced``: whether the text is known to hold no two spaces in a row and no odd space but the zero-width ones
        (:func:`~newsclean.normalizers.lines.single_spaced`, which the line-level steps after this one read too).
        """
        # Most texts hold no odd space: a search for each character alone (memchr) tells five times faster.
        odd = _ZERO_WIDTH if spaced else _ODD_SPACES
        hits = [m.start() for m in _ODD_SPACE.finditer(text)] if any(map(text.__contains__, odd)) else []
        hits += [m.start() for m in _AT_BREAK.finditer(text)]
        literals: tuple[str, ...] = () if spaced else _LITERALS
        literals += ("\n\n",) if self.max_blank_lines == 0 else ()
        for lit in literals:
            i = text.find(lit)
            while i != -1:
                hits.append(i)
                i = text.find(lit, i + len(lit))
        if text and (text[0] in _RUN or text[-1] in _H or text.endswith("\n\n")):
            hits += [0, len(text) - 1]
        runs: list[tuple[int, int]] = []
        for hit in sorted(hits):
            if runs and hit < runs[-1][1] or text[hit] not in _RUN:
                continue
            start = hit
            while start and text[start - 1] in _RUN:
                start -= 1
            end = hit + 1
            while end < len(text) and text[end] in _RUN:
                end += 1
            runs.append((start, end))
        return runs

    def _judge(self, text: str, start: int, end: int, blocks: list[tuple[int, int]]) -> list[Edit]:
        """The edits for one whitespace run: what ends the line before it, the line breaks, what starts the next
        (``blocks``: the spans of code, whose indentation and inner spaces stay)."""
        run = text[start:end]
        first_nl = run.find("\n")
        if first_nl == -1:
            after, reason = self._space(text, start, end)
            if after == run or (start == 0 or end < len(text)) and inside(blocks, end - 1):
                return []  # indentation or a run of spaces inside code: not debris
            return [self.edit(text, start, end, after, reason)]
        last_nl = run.rfind("\n")
        edits = []
        if first_nl and start:  # spaces that end the line before the break (at the text's start they are blank)
            edits.append(self.edit(text, start, start + first_nl, "", "trailing whitespace"))
        breaks_start = start if start == 0 else start + first_nl
        breaks_end = end if end == len(text) else start + last_nl + 1
        breaks = text[breaks_start:breaks_end]
        if breaks_start == 0:
            after, reason = "", "blank lines before the text"
        elif breaks_end == len(text):
            after, reason = "\n", "blank lines or spaces after the text"
        else:
            count = breaks.count("\n")
            kept = min(count, self.max_blank_lines + 1)
            after = "\n" * kept
            reason = (
                f"more than {self.max_blank_lines} blank line(s) between paragraphs"
                if kept < count
                else "spaces on a blank line"
            )
        if after != breaks:
            edits.append(self.edit(text, breaks_start, breaks_end, after, reason))
        if breaks_end < end and not inside(blocks, breaks_end):
            edits.append(self.edit(text, breaks_end, end, "", "indentation at the start of a line"))
        return edits

    @staticmethod
    def _space(text: str, start: int, end: int) -> tuple[str, str]:
        run = text[start:end]
        if start == 0:
            return "", "indentation at the start of a line"
        if end == len(text):
            return "", "trailing whitespace"
        if all(c in _ZERO_WIDTH for c in run):
            return "", "zero-width space"
        deliberate = text[end] in _KEEP_AFTER_NO_BREAK or text[start - 1] in _KEEP_BEFORE_NO_BREAK
        if len(run) == 1 and run in _NO_BREAK and deliberate:
            return run, ""
        if run == " ":
            return run, ""
        if len(run) > 1 and set(run) <= {" "}:
            return " ", "run of spaces"
        return " ", "tab, no-break or typographic space"
