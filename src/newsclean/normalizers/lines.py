"""Lines: splitting a text into them, telling hard-wrapped text and blocks of code, and removing whole lines (shared by
the normalizers that read lines: whitespace, site_chrome, duplicate_lines, interview, sentence_case)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Protocol, Sequence, TypeVar

from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer

__all__ = ["LineSpan", "SPACE_CHARS", "split_lines", "document_lines", "single_spaced", "hard_wrapped",
           "code_blocks", "document_code_blocks", "inside", "removal_edits"]

#: What the ``regex`` module's ``\s`` matches (the Unicode White_Space characters), for ``str`` methods that strip
#: characters: ``str.strip()`` without arguments also takes the information separators U+001C..U+001F, which ``\s``
#: does not. Written out rather than found at import (a test checks it against the ``regex`` module).
SPACE_CHARS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
    "\u202f\u205f\u3000"
)

#: Hard-wrapped text (mail, wire copy, plain-text archives) breaks its lines at a fixed width, never wider than this,
#: and at least this many of its lines come within this many characters of it (the length of a word that did not fit).
_WRAP_MAX = 100
_WRAP_FULL_LINES = 2
_WRAP_SLACK = 15
#: The share of its lines that hard-wrapped text may have longer than ``_WRAP_MAX``: words no line could hold (URLs).
_WRAP_OVERLONG_SHARE = 0.05

_T = TypeVar("_T")

#: Whitespace other than the ASCII space and the line break, and the information separators U+001C..U+001F, which
#: ``str.split()`` and ``str.strip()`` take for spaces.
_OTHER_SPACES = tuple(sorted(set(SPACE_CHARS + "\x1c\x1d\x1e\x1f") - {" ", "\n"}))

#: What code has and prose has not: a statement's or a block's marks, an assignment ("x = 1", "i += 1"), a call (no
#: space before its bracket), a definition, a line of Python's blocks ("for x in y:", "else:"; not "for example:"),
#: a statement that Python starts with a keyword.
_CODE_SIGN = re.compile(
    r"[;{}]|\w[ \t]*(?:[-+*/%&|^]=|(?<![=!<>])=)(?!=)|\w\("
    r"|^[ \t]*(?:(?:def|class)[ \t]+\w"
    r"|(?:(?:if|elif|while|with|except)\b|for\b(?=[^\n]*\bin\b)|else|try|finally)[^\n]*:[ \t]*$"
    r"|(?:return|yield|import|raise|pass|break|continue)\b)", re.M)
#: A line ending as a block's opener (":" in Python and YAML, "{" in C and JavaScript, an open bracket, a
#: continuation), with an indented line under it (blank lines between): where a block of code may start (see
#: :func:`code_blocks`).
_OPENER_THEN_INDENT = re.compile(r"[:{(\[\\][ \t]*\n(?:[ \t]*\n)*[ \t]+\S")
#: An indented line or a fence: without either, a text holds no block of code (one scan, in C).
_MAY_HOLD_CODE = re.compile(r"\n[ \t]|```|~~~")
#: Past any offset: the key that finds the last span starting at an offset (see :func:`inside`).
_PAST = float("inf")
#: A fenced block of code (Markdown): its fences and what stands between them.
_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n(?:.*\n)*?[ \t]*\1[ \t]*$", re.M)


class LineSpan(Protocol):
    """A line of the text: ``text[start:end]``, with ``end`` at its ``\\n`` (or the end of the text)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def blank(self) -> bool: ...


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, line)`` for each line of ``text``; ``end`` is the offset of its ``\n`` or of the end of the text.

    A final line break ends the last line rather than starting an empty one.
    """
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        out.append((start, end, line))
        start = end + 1
    if not out[-1][2]:
        out.pop()  # the text is empty or ends with a line break
    return out


def hard_wrapped(lines: Sequence[tuple[int, int, str]]) -> bool:
    """Whether the lines (as :func:`split_lines` gives them) are broken at a fixed width, that of the longest line of at
    most ``_WRAP_MAX``: a line there that ends no sentence goes on on the next. A paragraph per line (scraped news) has
    most lines longer, and a headline above a short paragraph is the only line near its own length. A few longer lines
    are allowed: a word no line could hold (a URL)."""
    lengths = [n for n in (len(line.rstrip()) for _, _, line in lines) if n]
    fitting = [n for n in lengths if n <= _WRAP_MAX]
    width = max(fitting, default=0)
    return (len(lengths) - len(fitting) <= _WRAP_OVERLONG_SHARE * len(lengths)
            and sum(n >= width - _WRAP_SLACK for n in fitting) >= _WRAP_FULL_LINES)


def code_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that are code, in order: a Markdown block between fences, and an indented block: a line
    of code that opens a block ("def total(items):", "if (x) {") with the lines indented deeper under it (blank lines
    among them), and the line at its own indentation that closes it ("}"). The block must show code twice (``;``, a
    brace, an assignment, a call, a keyword starting a line): a colon over an indented list or verse is prose.

    Only the places where a line ending as a block's opener has an indented line under it are read closely: most
    texts have none, and most have no line indented at all nor a fence, which is told first (in C)."""
    if _MAY_HOLD_CODE.search(text) is None and text[:1] not in (" ", "\t"):
        return []
    spans = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    done = 0  # the end of the last block: a block is not looked into again from inside
    for m in _OPENER_THEN_INDENT.finditer(text):
        if m.start() < done:
            continue
        head = text.rfind("\n", 0, m.start()) + 1
        opener = text[head : m.start() + 1]
        if not _CODE_SIGN.search(opener):
            continue
        indent = _indent(opener)
        end = at = m.start() + 1  # the end of the block so far: the opener's
        signs = 1
        while at < len(text):
            stop = text.find("\n", at + 1)
            stop = len(text) if stop == -1 else stop
            line = text[at + 1 : stop]
            if line.strip():
                if _indent(line) <= indent:
                    if line.lstrip(" \t")[:1] in ("}", ")", "]"):
                        end = stop  # the line that closes the block, at the opener's indentation
                        signs += 1  # a bracket opened at the end of one line and closed alone on another: code, data
                    break
                end = stop
                signs += _CODE_SIGN.search(line) is not None
            at = stop
        if signs >= 2:
            spans.append((head, end))
            done = end
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # a fence inside an indented block, or a block over a fence: one span
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def document_code_blocks(text: str, ctx: Context) -> list[tuple[int, int]]:
    """``code_blocks(text)``, told once for the steps that see the same text in a row (``ctx.cache["code_blocks"]``;
    whitespace, site_chrome, duplicate_lines, sentence_case and typos all ask)."""
    return _per_text(ctx, "code_blocks", text, code_blocks)


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` falls in one of ``spans`` (sorted, not overlapping, as :func:`code_blocks` gives them)."""
    k = bisect_right(spans, (at, _PAST)) - 1  # the last span starting at or before ``at``
    return k >= 0 and at <= spans[k][1]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def document_lines(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    """``split_lines(text)``, split once for the steps that see the same text in a row (``ctx.cache["lines"]``;
    the list is shared: read it, never change it)."""
    return _per_text(ctx, "lines", text, split_lines)


def _per_text(ctx: Context, key: str, text: str, compute: Callable[[str], _T]) -> _T:
    """``compute(text)``, kept as ``ctx.cache[key]`` with the text it was computed from: the steps in a row that
    see the same text (the same object) share it, and a step that changed the text gets it computed anew."""
    cached = ctx.cache.get(key)
    if cached is not None and cached[0] is text:
        return cached[1]
    value = compute(text)
    ctx.cache[key] = (text, value)
    return value


def single_spaced(text: str, ctx: Context) -> bool:
    """Whether the only whitespace inside the lines of ``text`` is single ASCII spaces: no two in a row, no tab, no
    other space. Told once for the steps that see the same text in a row (``ctx.cache["single_spaced"]``): the search
    for two spaces is slow (``str.find`` tests a needle's last character first, a space at every word), and most
    texts pass this test, after which a line needs no test of its own spaces."""
    return _per_text(ctx, "single_spaced", text, _single_spaced)


def _single_spaced(text: str) -> bool:
    return "  " not in text and not any(map(text.__contains__, _OTHER_SPACES))


def removal_edits(normalizer: Normalizer, text: str, lines: Sequence[LineSpan], reasons: dict[int, str]) -> list[Edit]:
    """One edit per removed line (index -> reason), taking its line break with it.

    A removal must not leave two blank lines in a row: after a blank line (or at the top) it takes the blank lines
    below it too, so "A\\n\\nchrome\\n\\nB" becomes "A\\n\\nB". Removals that reach the end of the text take the
    blank lines above them, so "A\\n\\nchrome\\n" becomes "A\\n": the text ends as ``whitespace`` would end it, and the
    pipeline needs no further pass to tidy it.
    """
    if not reasons:
        return []
    edits = []
    n = len(text)
    last_kept_blank = True
    i = 0
    while i < len(lines):
        ln = lines[i]
        if i not in reasons:
            last_kept_blank = ln.blank
            i += 1
            continue
        stop = min(ln.end + 1, n)
        j = i + 1
        if last_kept_blank:
            while j < len(lines) and lines[j].blank and j not in reasons and lines[j].end < n:
                stop = lines[j].end + 1
                j += 1
        edits.append((i, ln.start, stop))
        i = j
    first = len(edits)  # of the removals that run on, one after the other, to the end of the text
    while first and edits[first - 1][2] == (edits[first][1] if first < len(edits) else n):
        first -= 1
    if first < len(edits):
        i, _, stop = edits[first]
        # Only lines of whitespace: a normalizer's "blank" line may be decoration ("___"), which is not debris.
        while i and i - 1 not in reasons and not text[lines[i - 1].start : lines[i - 1].end].strip():
            i -= 1
        edits[first] = (edits[first][0], lines[i - 1].end + 1 if i else 0, stop)
    return [normalizer.edit(text, start, stop, "", reasons[i]) for i, start, stop in edits]
