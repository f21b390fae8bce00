"""Spans of text that no word-level normalizer may touch: URLs, e-mail addresses, domains, handles, hashtags.

Shared by every normalizer that edits inside lines, so that "cnn.com", "news.example.org/a,b", "@AP" and "#Syria"
are protected the same way everywhere.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

__all__ = ["PROTECTED", "protected_spans", "spans_near", "SpanIndex"]

#: At most this many labels before a domain's last label, and hyphenated parts in a label: far beyond real host names,
#: and what keeps the scan linear (every attempt to match a domain looks at a bounded stretch of text).
_MAX_PARTS = 9
#: A domain label: letters and digits with inner hyphens, matched possessively (it never gives characters back).
_LABEL = rf"[a-z0-9]++(?:-++[a-z0-9]++){{0,{_MAX_PARTS}}}+"

#: One alternation, so a single scan finds every protected span, in time linear in the text even when it is hostile
#: ("a.a.a.a...", one enormous word; tests/test_regex_safety.py holds every pattern of the package to this). The
#: e-mail branch starts only at the start of a run of its characters; the domain branch looks at a bounded number of
#: labels and takes the first that ends the dotted run (lazily: backtracking a long greedy repeat is quadratic in
#: the regex module).
PROTECTED = regex.compile(
    rf"""
    (?:https?|ftp)://[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]]  # URL with a scheme, less trailing punctuation
  | www\.[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]]              # URL without one
  | (?<![\w.+-])[\w.+-]+@[\w-]++(?:\.[\w-]++)+           # e-mail address, from the start of its run
  | (?<![\w@]){_LABEL}(?:\.{_LABEL}){{0,{_MAX_PARTS}}}?  # domain: lowercase labels, then a letters-only
    \.[a-z]{{2,24}}(?![\w@]|\.[a-z0-9]|-+[a-z0-9])       # top-level label that ends the dotted run
    (?:/[^\s<>"“”‘’]*)?                                  # and an optional path
  | (?<![\w@])[@#]\w+                                    # @handle or #hashtag
    """,
    regex.VERBOSE,
)

#: What every protected span holds: "@" or "#", a scheme's ":/", or a "." followed by a character a URL or domain
#: may hold. A full stop before a space or a closing quote (every sentence end) is no trigger, so prose is scanned
#: in a handful of places. Then a stretch without any of these characters, and the run without whitespace around a
#: position, found forwards and backwards from it. Spans hold no whitespace, so scanning from a run's start to
#: another run's end finds the spans there as a scan of the whole text would.
_TRIGGER = regex.compile(r"[@#]|:/|\.[^\s<>\"“”‘’]")
_QUIET = regex.compile(r"[^.@#:]{16}")
_RUN = regex.compile(r"\S*")
_RUN_BACK = regex.compile(r"\S*", regex.REVERSE)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted ``(start, end)`` spans of URLs, e-mail addresses, domains, handles and hashtags in ``text``.

    >>> protected_spans("See cnn.com or @AP.")
    [(4, 11), (15, 18)]
    """
    # Scanning only the stretches that could hold a span is several times faster on prose than one scan of the
    # whole text (the alternation is tried at every position), and finds the same spans.
    return spans_near(PROTECTED, _TRIGGER, _QUIET, text)


def spans_near(pattern: regex.Pattern, trigger: regex.Pattern, quiet: regex.Pattern,
               text: str) -> list[tuple[int, int]]:
    """The spans of ``pattern``'s matches in ``text``, found by scanning only around the matches of ``trigger``.

    For patterns whose matches hold no whitespace and a match of ``trigger``, and look no further than the
    whitespace around them; ``quiet`` matches a stretch that holds no trigger. Linear: each run is looked at once."""
    spans = []
    found = trigger.search(text)
    while found:
        start = _RUN_BACK.match(text, 0, found.start()).start()
        # Up to the first quiet stretch (to the end of the run there): text dense with triggers is scanned in one
        # piece, not one run at a time.
        calm = quiet.search(text, found.end())
        end = _RUN.match(text, calm.start()).end() if calm else len(text)
        spans += [m.span() for m in pattern.finditer(text, start, end)]
        found = trigger.search(text, end)
    return spans


class SpanIndex:
    """Answers "is this offset inside a protected span?" in O(log n) per question."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    @classmethod
    def of(cls, text: str) -> SpanIndex:
        return cls(protected_spans(text))

    def covers(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` (or the single offset ``start``) overlaps a protected span."""
        end = start + 1 if end is None else end
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self._ends[i] > start
