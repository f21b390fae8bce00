"""Edits: the one currency every normalizer trades in.

A normalizer never returns rewritten text. It proposes :class:`Edit` records against the text it was given; the
pipeline checks them, applies them and keeps them, so every change can be explained and replayed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = ["Edit", "Note", "EditError", "ELISION", "apply_edits", "check_edits", "line_starts", "line_of",
           "split_newlines"]

#: What marks the place of a piece cut out of a line ("It's certainly a critical moment. […]"). Bracketed, as
#: editors mark an elision, so it is never read as the speaker's own trailing-off "…".
ELISION = "[…]"


class EditError(ValueError):
    """A normalizer proposed edits that break the contract (unsorted, overlapping, out of bounds, stale)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: replace ``text[start:end]`` (which is ``before``) by ``after``.

    Offsets refer to the text the normalizer received at its ``stage`` of the pipeline, not to the original
    input: replaying the edits stage by stage on the original reproduces the output (see
    :meth:`newsclean.CleanResult.replay`). ``after == ""`` is a removal, and so is a cut marked with
    :data:`ELISION`; the removed text stays here, in ``before``, so nothing is ever silently lost.
    """

    normalizer: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    line: int = 0
    """1-based line of ``start`` in the text of its stage; filled in by the pipeline."""
    stage: int = 0
    """Index of the pipeline step run (pass × step) that produced the edit; filled in by the pipeline."""

    @property
    def is_removal(self) -> bool:
        """True when the edit takes text out: replaced by nothing, or by the mark of a cut (:data:`ELISION`)."""
        return bool(self.before) and (not self.after or self.after.strip() == ELISION != self.before.strip())

    def placed(self, line: int, stage: int) -> Edit:
        """This edit with its line and stage filled in (what the pipeline does to every edit: a page can have
        thousands, and ``dataclasses.replace`` costs several times a plain construction)."""
        return Edit(self.normalizer, self.start, self.end, self.before, self.after, self.reason, line, stage)

    def to_dict(self) -> dict:
        return {
            "normalizer": self.normalizer,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }

    def describe(self) -> str:
        """One line for people: ``line 12  typos  'woudl' -> 'would'  (reason)``."""
        if not self.after and self.before:
            change = f"removed {_show(self.before)}"
        elif not self.before:
            change = f"inserted {_show(self.after)}"
        else:
            change = f"{_show(self.before)} -> {_show(self.after)}"
        return f"line {self.line:>4}  {self.normalizer:<20} {change}  ({self.reason})"


@dataclass(frozen=True, slots=True)
class Note:
    """Something a normalizer saw and deliberately left alone, or wants a pipeline to know about.

    "When unsure, leave it and say so": a note is how a normalizer says so. ``kind`` is a short machine-readable
    tag (``"truncated_answer"``, ``"unanswered_question"``, ``"regex_timeout"``, ...).
    """

    normalizer: str
    kind: str
    message: str
    start: int = 0
    end: int = 0
    line: int = 0
    stage: int = 0

    def to_dict(self) -> dict:
        return {"normalizer": self.normalizer, "kind": self.kind, "line": self.line, "message": self.message}

    def describe(self) -> str:
        return f"line {self.line:>4}  {self.normalizer:<20} note: {self.message}"


def _show(s: str, limit: int = 60) -> str:
    r = repr(s)
    return r if len(r) <= limit else r[: limit - 4] + "...'"


def check_edits(text: str, edits: Sequence[Edit], who: str = "?") -> None:
    """Raise :class:`EditError` unless ``edits`` are sorted, non-overlapping, in bounds and match ``text``."""
    last_end = 0
    prev: Edit | None = None
    for e in edits:
        if not (0 <= e.start <= e.end <= len(text)):
            raise EditError(f"{who}: edit out of bounds {e.start}:{e.end} (text length {len(text)})")
        if e.start < last_end:
            raise EditError(f"{who}: edits overlap or are unsorted at offset {e.start}")
        # Two insertions at one offset would depend on their order; the contract forbids them.
        if prev is not None and prev.start == prev.end == e.start == e.end:
            raise EditError(f"{who}: two insertions at offset {e.start}")
        if text[e.start : e.end] != e.before:
            raise EditError(f"{who}: edit at {e.start} says before={e.before!r} but text has {text[e.start:e.end]!r}")
        if e.before == e.after:
            raise EditError(f"{who}: edit at {e.start} changes nothing")
        last_end = e.end
        prev = e


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits (as checked by :func:`check_edits`) in one linear pass."""
    out: list[str] = []
    pos = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (for turning offsets into line numbers)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def line_of(starts: Sequence[int], offset: int) -> int:
    """1-based line number of ``offset`` given :func:`line_starts`."""
    return bisect_right(starts, offset)


def split_newlines(text: str) -> tuple[str, str]:
    """Return the document's line-ending style and its text with every line ending as ``\\n``.

    Normalizers see ``\\n`` only; the output gets the style back, so a CRLF file stays CRLF. With mixed endings the
    most common style wins.
    """
    if "\r" not in text:
        return "\n", text
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    style = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1]
    return style, text.replace("\r\n", "\n").replace("\r", "\n")
