"""Removing whole lines: shared by the line-level normalizers (site_chrome, duplicate_lines)."""

from __future__ import annotations

from typing import Protocol, Sequence

from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer

__all__ = ["LineSpan", "SPACE_CHARS", "split_lines", "document_lines", "removal_edits"]

#: What the ``regex`` module's ``\s`` matches (the Unicode White_Space characters), for ``str`` methods that strip
#: characters: ``str.strip()`` without arguments also takes the information separators U+001C..U+001F, which ``\s``
#: does not. Written out rather than found at import (a test checks it against the ``regex`` module).
SPACE_CHARS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
    "\u202f\u205f\u3000"
)


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


def document_lines(text: str, ctx: Context) -> list[tuple[int, int, str]]:
    """``split_lines(text)``, split once for the steps that see the same text in a row (``ctx.cache["lines"]``;
    the list is shared: read it, never change it)."""
    cached = ctx.cache.get("lines")
    if cached is not None and cached[0] is text:
        return cached[1]
    spans = split_lines(text)
    ctx.cache["lines"] = (text, spans)
    return spans


def removal_edits(normalizer: Normalizer, text: str, lines: Sequence[LineSpan], reasons: dict[int, str]) -> list[Edit]:
    """One edit per removed line (index -> reason), taking its line break with it.

    A removal must not leave two blank lines in a row: after a blank line (or at the top) it takes the blank lines
    below it too, so "A\\n\\nchrome\\n\\nB" becomes "A\\n\\nB".
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
        edits.append(normalizer.edit(text, ln.start, stop, "", reasons[i]))
        i = j
    return edits
