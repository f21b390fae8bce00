"""Duplicated lines: bylines and paragraphs an extractor wrote twice, truncated copies, a byline fused with the lead.

Lines are compared by a normalized key (case, runs of spaces and trailing separators such as ``\\`` or ``|`` do not
count), looked up in hash tables: the work is linear in the text, and a prefix check looks at a bounded number of
candidates that share the line's first words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import regex

from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import (SPACE_CHARS, document_code_blocks, document_lines, inside, removal_edits,
                                         single_spaced)
from newsclean.registry import register

__all__ = ["DuplicateLines", "byline_parts", "dateline_parts"]

#: An extractor writes its copy right after the original (the headline again as the first line of the body) or, for
#: truncated copies, near it at the top (a byline twice). Lines repeated elsewhere are often content (a meal plan's
#: "Eat every 2–3 hours", a shop link under each product); only a paragraph of prose this long is a duplicate
#: wherever it recurs.
_NEAR = 3
_TOP = 15
_PARAGRAPH_WORDS = 20
_SENTENCE_CLOSE = regex.compile(r"[.!?…][\"'”’)]*$")
#: A line that is only the start of another must be long enough to be a copy, not a heading.
_PREFIX_MIN_WORDS = 6
#: Prefix checks look only at the top of the document (where bylines are), among lines sharing their first words.
_PREFIX_KEY_WORDS = 4
#: Lines sharing their first words that the check for a copy cut short with an ellipsis looks at.
_HEAD_CANDIDATES = 8
#: Rounds of removal; each round after the first only mops up pairs that a removal brought together.
_MAX_ROUNDS = 8
#: A line written this many times in a row, one line break apart, is a refrain, a log or emphasis ("Ci fu un
#: terribile, mortale silenzio." three times in a quotation): an extractor writes a copy once, as a block of its own.
_REFRAIN = 3

_WORD = regex.compile(r"\w+")
_SPACES = regex.compile(r"\s+")
_INFORMATION_SEPARATORS = "\x1c\x1d\x1e\x1f"
_TRAILING_CHARS = SPACE_CHARS + "\\|,;:–—-/·•"
# The lookbehinds start a match only where a run starts, so that long runs of spaces or separators take linear time.
_TRAILING = regex.compile(r"(?<![\s\\|,;:–—\-/·•])[\s\\|,;:–—\-/·•]+$|(?:\.\.\.|…)$")
_BULLET = regex.compile(r"^\s*(?:[-*•·–—]|\d+[.)])\s")
_QUOTE_START = regex.compile(r"^\s*[\"“„«‘']")
#: A chat log's line: a speaker's tag, after a time or date stamp ("<Faq> POMOCY!!!", "01:45:20 < qlik> exit").
_CHAT_LINE = regex.compile(r"^\s*(?:[\w:.\[\]-]{1,12}\s+){0,3}<[@+%&~ ]?[^\s<>]{1,30}>\s")
#: The separators extractors leave between the parts of a byline.
_BYLINE_SEP = regex.compile(r"(?<!\s)\s+[\\|]\s+")
_SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\"“]?\p{Lu})")
_SOURCE_CUE = regex.compile(r"^(?:as reported by|reported by|source:?|via|from)\s+(?P<name>.+)$", regex.I)
_BY = regex.compile(r"^by\s+(?P<names>[^,|\\\-–—]+?)(?:\s*(?:,|\||-|–|—|/)\s*(?P<rest>.+))?$", regex.I)
_NAME = regex.compile(r"^\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){1,3}$")
_ABBREVIATION = regex.compile(r"^\p{Lu}{2,3}$|^(?:\p{Lu}\.){2,3}$")
#: "WASHINGTON (AP) —", "DAMASCUS, Syria (Reuters) -": a place in capitals, an optional agency, a dash.
_DATELINE = regex.compile(
    r"^(?P<place>\p{Lu}[\p{Lu} .'\-]{2,30}(?:,\s*\p{Lu}[\p{L} .]{1,30})?)\s*"
    r"(?:\((?P<source>[\p{L} .&]{2,30})\)\s*)?[—–-]{1,2}\s+\S"
)
#: Words that make a capitalized part of a byline a name of an edition or outlet rather than of a person.
_OUTLET_WORDS = frozenset(
    "edition news press times post daily today report reporting staff wire agency service network media tribune"
    " journal herald gazette magazine online desk bureau".split()
)
#: A byline line is short; a byline part is shorter; the first paragraph fused after it is long.
_BYLINE_MAX_WORDS = 25
_PART_MAX_WORDS = 12
_LEAD_MIN_WORDS = 15
#: Every rule asks only whether a line has more or fewer words than a handful: a line of more words than
#: _BYLINE_MAX_WORDS is recognized by one match from its start (possessive, so it cannot backtrack), the others are
#: counted.
_MORE_WORDS = regex.compile(r"\A(?:\W*+\w++){%d}" % (_BYLINE_MAX_WORDS + 1))


class _Line:
    """A line of the text, with its key; its words are counted when a rule asks (most lines are never asked)."""

    __slots__ = ("index", "start", "end", "text", "key", "_words")

    def __init__(self, index: int, start: int, end: int, text: str, key: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self._words: int | None = None

    @property
    def words(self) -> int:
        """Words of the line, up to one more than _BYLINE_MAX_WORDS (which stands for "more")."""
        if self._words is None:
            self._words = _words(self.text)
        return self._words

    @property
    def blank(self) -> bool:
        return not self.key


def _key(line: str) -> str:
    """The line as compared: trailing separators dropped, runs of spaces as one, case folded."""
    return _SPACES.sub(" ", _TRAILING.sub("", line.strip())).casefold()


def _quick_key(line: str) -> str:
    """``_key`` with ``str`` methods, for lines without the separators U+001C..U+001F (``str.split`` takes them for
    spaces, ``\\s`` does not)."""
    cut = _cut(line)
    if cut.isprintable() and "  " not in cut:
        return cut.casefold()  # its only spaces are single ASCII spaces (str.isprintable() is false for the others)
    key = " ".join(cut.split())
    if cut and cut[-1] in SPACE_CHARS:
        key += " "  # the spaces before a dropped ellipsis stay, as one
    return key.casefold()


def _spaced_key(line: str) -> str:
    """``_quick_key`` of a line whose only spaces are single ASCII spaces (:func:`single_spaced`): its cut, folded.
    The tests of its spaces, a third of the cost of a key, are not needed."""
    return _cut(line).casefold()


def _cut(line: str) -> str:
    """The line stripped, less its trailing separators or else its ellipsis."""
    stripped = line.strip()
    cut = stripped.rstrip(_TRAILING_CHARS)
    if len(cut) == len(stripped) and stripped.endswith(("...", "…")):
        cut = stripped[: -3 if stripped.endswith("...") else -1]
    return cut


def _words(line: str) -> int:
    """The words of ``line``, counted up to one more than _BYLINE_MAX_WORDS."""
    return _BYLINE_MAX_WORDS + 1 if _MORE_WORDS.match(line) else len(_WORD.findall(line))


@register
@dataclass(frozen=True)
class DuplicateLines(Normalizer):
    """Remove repeated lines and truncated copies, and split a byline fused with the first paragraph.

    Fixes ``"As Reported by CNN \\\\ Rebel forces ... \\\\"`` written again before the complete byline (the copy is
    removed), and ``"... \\\\ Mary Sidiqi \\\\ Evening Edition. The Syrian conflict reached ..."`` (the lead paragraph
    goes on its own line).
    Leaves ``"- Yes"`` twice in a list, and a short refrain quoted twice, alone: repetition can be content.

    The byline's parts it recognizes (``byline``, ``authors``, ``source``, ``dateline``) go into the metadata.
    """

    name = "duplicate_lines"
    summary = "repeated bylines and paragraphs, truncated copies, a byline fused with the first paragraph"

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        spans = document_lines(text, ctx)
        lines = _lines(spans, text, ctx)
        if not lines:
            return []
        refrains = _refrains(lines)
        for run in refrains:
            self.note(ctx, "refrain", f"line {run[0].index + 1} written {len(run)} times in a row: a refrain, a log or "
                      "emphasis, left", run[0].start, run[-1].end)
        # Lines that repeat on purpose: a refrain's, and code's ("i += 1" twice is two increments). The blocks of
        # code are looked for only when some line would go (rarely): most texts repeat none.
        meant = {ln.index for run in refrains for ln in run}
        ellipsis = "..." in text or "…" in text
        removals = self._duplicates(lines, ellipsis, meant)
        code = document_code_blocks(text, ctx) if removals else None
        if code:
            meant.update(ln.index for ln in lines if inside(code, ln.start))
            removals = self._duplicates(lines, ellipsis, meant)
        edits = removal_edits(self, text, _every_line(spans, lines), removals) if removals else []
        splits = self._fused_bylines(text, lines, removals, edits, ctx)
        removed = len(removals)
        splits = self._split_paragraphs_repeated(text, lines, removals, splits)
        if len(removals) > removed:
            edits = removal_edits(self, text, _every_line(spans, lines), removals)
        edits += splits
        edits.sort(key=lambda e: e.start)
        return edits

    def _split_paragraphs_repeated(self, text: str, lines: list[_Line], removals: dict[int, str],
                                   splits: list[Edit]) -> list[Edit]:
        """``splits`` of fused bylines, as the repeated paragraphs rule would leave them once split: the first
        paragraph set apart from the byline is a line of its own, and another copy of it is a repeat. The copy after
        it goes (added to ``removals``); a copy before it makes the split paragraph go instead. Else a second run
        would find the repeat the split made."""
        kept = [ln for ln in lines if ln.index not in removals]
        split_off: dict[str, int] = {}  # the paragraphs set apart so far -> their line
        out = []
        for split in splits:
            line = next(ln for ln in kept if ln.start <= split.start < ln.end)
            paragraph = text[split.end:line.end]
            if _words(paragraph) >= _PARAGRAPH_WORDS and _SENTENCE_CLOSE.search(paragraph.rstrip()):
                key = _key(paragraph)
                copies = [ln for ln in kept if ln.key == key and ln is not line]
                earlier = min([ln.index for ln in copies if ln.index < line.index] + [split_off.get(key, line.index)])
                if earlier < line.index:
                    out.append(self.edit(text, split.start, line.end, "",
                                         f"the first paragraph, fused with the byline, repeats line {earlier + 1}"))
                    continue
                for ln in copies:
                    removals[ln.index] = f"repeats the first paragraph, fused with the byline on line {line.index + 1}"
                split_off[key] = line.index
            out.append(self._byline_copy(text, kept, line, split) or split)
        return out

    def _byline_copy(self, text: str, kept: list[_Line], line: _Line, split: Edit) -> Edit | None:
        """The byline part of a fused line, set apart, as the truncated copies rule (:func:`_truncated_copies`) would
        judge it: when it starts a longer line near it at the top, it goes with the separator after it (the paragraph
        stays), instead of the split that would leave it for a second run to remove. None when it is no such copy."""
        byline = text[line.start:split.start]
        short = _key(byline)
        ordinal = kept.index(line)
        if ordinal >= _TOP or _words(byline) < _PREFIX_MIN_WORDS or _BULLET.match(byline):
            return None
        for other, ln in enumerate(kept):
            # The paragraph set apart is a line of its own, between the byline and the lines after it.
            if ln is not line and abs(other + (other > ordinal) - ordinal) <= _NEAR and _starts(short, ln):
                return self.edit(text, line.start, split.end, "", f"truncated copy of line {ln.index + 1}, fused "
                                 "with the first paragraph")
        return None

    # --- repeated and truncated lines ------------------------------------------------------------------------

    @staticmethod
    def _duplicates(lines: list[_Line], ellipsis: bool, meant: set[int]) -> dict[int, str]:
        """Line index -> reason for every repeated line and truncated copy, to a fixed point (``ellipsis``: whether
        the text has one, without which no line is cut short), but for the lines at the indices ``meant``, which
        repeat on purpose.

        Removing a line brings its neighbours together, which can make another pair adjacent; the rounds repeat
        until nothing new is found, so that running the normalizer again changes nothing.
        """
        removals: dict[int, str] = {}
        for _ in range(_MAX_ROUNDS):
            found = _one_round([ln for ln in lines if ln.index not in removals], ellipsis, meant)
            if not found:
                break
            removals.update(found)
        return removals

    # --- bylines ---------------------------------------------------------------------------------------------------

    def _fused_bylines(self, text: str, lines: list[_Line], removals: dict[int, str], removed: list[Edit],
                       ctx: Context) -> list[Edit]:
        """Edits splitting a byline fused with the first paragraph, among the top lines of the text as the removals
        (``removed``) leave it: counted before them, a byline below two removed copies was too far down on the first
        run and near enough the top on the second."""
        edits = []
        paragraph_break = "\n\n" if "\n\n" in text else "\n"
        gone = 0  # the line breaks the removals before the line take out
        done = iter(removed)  # in order, as removal_edits makes them
        upcoming = next(done, None)
        for ln in lines:
            while upcoming is not None and upcoming.end <= ln.start:
                gone += upcoming.before.count("\n") - upcoming.after.count("\n")
                upcoming = next(done, None)
            if ln.index - gone >= _TOP:
                break
            if ln.index in removals:
                continue
            found = _split_fused_byline(ln.text)
            if found is None:
                line = ln.text.strip()
                parts = _may_be_byline(line) and ln.words <= _BYLINE_MAX_WORDS and byline_parts(line)
                _record(ctx, parts or dateline_parts(line))
                continue
            byline, cut, cut_end = found
            _record(ctx, byline_parts(byline))
            edits.append(
                self.edit(text, ln.start + cut, ln.start + cut_end, paragraph_break,
                          "the first paragraph was fused with the byline")
            )
        return edits


def _refrains(lines: list[_Line]) -> list[list[_Line]]:
    """The runs of at least ``_REFRAIN`` lines alike among ``lines`` (the non-blank lines, in order), one line break
    apart (see :func:`_may_be_refrain`)."""
    found = []
    start = 0  # of the run so far
    for k in range(1, len(lines) + 1):
        if k < len(lines) and lines[k].key == lines[k - 1].key and lines[k].index == lines[k - 1].index + 1:
            continue
        if k - start >= _REFRAIN and _may_be_refrain(lines[start]):
            found.append(lines[start:k])
        start = k
    return found


def _may_be_refrain(ln: _Line) -> bool:
    """Whether a line written again and again can be a refrain: not a list item, which stays anyway, nor a single
    word ("Advertisement", "Share"), nor a byline (an extractor may write one from each of a page's fields)."""
    if ln.words < 2 or _content_like(ln):
        return False
    line = ln.text.strip()
    return not (_may_be_byline(line) and byline_parts(line))


def _one_round(lines: list[_Line], ellipsis: bool, meant: set[int]) -> dict[int, str]:
    """Repeats and truncated copies among ``lines`` (the non-blank lines still kept, in order), but for the lines at
    the indices ``meant``."""
    removals: dict[int, str] = {}
    first: dict[str, int] = {}
    by_start: dict[str, list[tuple[int, _Line]]] = {}
    previous: _Line | None = None
    for ordinal, ln in enumerate(lines):
        seen = first.get(ln.key)
        if seen is not None and not _content_like(ln) and ln.index not in meant:
            paragraph = ln.words >= _PARAGRAPH_WORDS and _SENTENCE_CLOSE.search(ln.text.rstrip())
            again = previous is not None and previous.key == ln.key and ln.words >= 2
            if paragraph or again:
                removals[ln.index] = f"repeats line {seen + 1}"
                continue
        first.setdefault(ln.key, ln.index)
        previous = ln
        if ordinal < _TOP + _NEAR:
            by_start.setdefault(ln.key.partition(" ")[0], []).append((ordinal, ln))
    # A line near the top that is the start of a longer line close to it is a truncated copy of that line. Only
    # lines that share their first words can be (looked up by the first, then the first few); their words are
    # counted then.
    for same_first in by_start.values():
        if len(same_first) < 2:
            continue
        same_head: dict[str, list[tuple[int, _Line]]] = {}
        for ordinal, ln in same_first:
            same_head.setdefault(_head(ln.key), []).append((ordinal, ln))
        for bucket in same_head.values():
            if len(bucket) > 1:
                _truncated_copies(bucket, lines, removals)
    if ellipsis:
        _cut_short_copies(lines, removals)
    return removals


def _truncated_copies(bucket: list[tuple[int, _Line]], lines: list[_Line], removals: dict[int, str]) -> None:
    """Lines near the top (with their ordinals among the kept ``lines``) that start as another line close to them.

    A line is judged (its words counted) only once a longer line that starts with it is found: rarely."""
    for o_short, short in bucket:
        if o_short >= _TOP:
            continue
        for o_long, long in bucket:
            if long is short or long.index in removals or abs(o_long - o_short) > _NEAR or not _starts(short.key, long):
                continue
            if (short.words >= _PREFIX_MIN_WORDS and not _BULLET.match(short.text)
                    and not _goes_on(short, lines[o_short + 1] if o_short + 1 < len(lines) else None)):
                removals[short.index] = f"truncated copy of line {long.index + 1}"
            break


def _goes_on(line: _Line, below: _Line | None) -> bool:
    """Whether ``line`` ends no sentence and goes on on the line right under it, which starts lowercase, as in
    hard-wrapped text: a question asked again and continued ("When there is neither I nor You," / "who is the one
    that wants to see it?") is no copy cut short of the first asking."""
    return (below is not None and below.index == line.index + 1 and below.text.lstrip()[:1].islower()
            and _SENTENCE_CLOSE.search(line.text.rstrip()) is None)


def _starts(key: str, long: _Line) -> bool:
    """Whether the line ``long`` starts as a line of key ``key`` and goes on, at a word's end, for a copy of it."""
    return (len(long.key) > len(key) and long.key.startswith(key) and not long.key[len(key)].isalnum()
            and long.words >= _PREFIX_KEY_WORDS)


def _content_like(ln: _Line) -> bool:
    """A list item, a short quotation or a chat log's line: repeating it can be content."""
    return bool(_BULLET.match(ln.text) or (_QUOTE_START.match(ln.text) and ln.words < 12)
                or "<" in ln.text and _CHAT_LINE.match(ln.text))


def _cut_short_copies(lines: list[_Line], removals: dict[int, str]) -> None:
    """A line cut short with an ellipsis, anywhere, that starts another line is a truncated copy of it (a teaser
    repeating a paragraph). Lines are looked up by their first words, among a bounded number of candidates."""
    cut_short = [
        ln for ln in lines
        if ln.text.rstrip(SPACE_CHARS).endswith(("...", "…")) and ln.words >= _PREFIX_MIN_WORDS
    ]
    if not cut_short:
        return
    wanted = {_head(ln.key) for ln in cut_short}
    heads: dict[str, list[_Line]] = {}
    for ln in lines:
        head = _head(ln.key)
        if head in wanted and ln.words >= _PREFIX_KEY_WORDS and ln.index not in removals:
            bucket = heads.setdefault(head, [])
            if len(bucket) < _HEAD_CANDIDATES:
                bucket.append(ln)
    for short in cut_short:
        if short.index in removals:
            continue
        for long in heads.get(_head(short.key), ()):
            if long is not short and long.index not in removals and len(long.key) > len(short.key) and (
                long.key.startswith(short.key)
            ):
                removals[short.index] = f"truncated copy of line {long.index + 1}"
                break


def _head(key: str) -> str:
    return " ".join(key.split(" ", _PREFIX_KEY_WORDS)[:_PREFIX_KEY_WORDS])


def _lines(spans: list[tuple[int, int, str]], text: str, ctx: Context) -> list[_Line]:
    """The lines that say something (a key), in order; blank ones are needed only to remove lines."""
    if any(c in text for c in _INFORMATION_SEPARATORS):
        key = _key
    else:
        key = _spaced_key if single_spaced(text, ctx) else _quick_key
    found = [_Line(index, start, end, raw, key(raw)) for index, (start, end, raw) in enumerate(spans) if raw]
    return [ln for ln in found if ln.key]


def _every_line(spans: list[tuple[int, int, str]], lines: list[_Line]) -> list[_Line]:
    """Every line of the text, the blank ones too."""
    said = {ln.index: ln for ln in lines}
    return [said.get(index) or _Line(index, start, end, raw, "") for index, (start, end, raw) in enumerate(spans)]


def _split_fused_byline(line: str) -> tuple[str, int, int] | None:
    """``(byline, cut start, cut end)`` when ``line`` is a byline of separated parts running into a paragraph."""
    if "\\" not in line and "|" not in line:
        return None
    seps = list(_BYLINE_SEP.finditer(line))
    if len(seps) < 2:
        return None
    last = seps[-1]
    head_parts = _BYLINE_SEP.split(line[: last.start()])
    if any(len(_WORD.findall(p)) > _PART_MAX_WORDS for p in head_parts):
        return None
    tail = line[last.end() :]
    if len(_WORD.findall(tail)) < _LEAD_MIN_WORDS:
        return None
    # The last part may end the byline with a short sentence of its own ("Evening Edition.") before the lead.
    m = _SENTENCE_END.search(tail)
    if m and len(_WORD.findall(tail[: m.start()])) <= 4:
        cut, cut_end = last.end() + m.start(), last.end() + m.end()
    else:
        cut, cut_end = last.start(), last.end()
    if len(_WORD.findall(line[cut_end:])) < _LEAD_MIN_WORDS:
        return None
    return line[:cut].strip(), cut, cut_end


def byline_parts(byline: str) -> dict[str, object]:
    """What a byline says, as far as its shape tells: ``authors``, ``source``, ``dateline`` (and ``byline`` itself).

    >>> byline_parts("By Sandee LaMotte, CNN")["authors"]
    ['Sandee LaMotte']
    """
    found: dict[str, object] = {}
    if not _may_be_byline(byline):
        return found
    m = _BY.match(byline)
    if m:
        names = [n.strip() for n in regex.split(r"\s+(?:and|&)\s+|,\s*", m.group("names")) if n.strip()]
        names = [n for n in names if _NAME.match(n)]
        if not names:
            return {}
        found = {"byline": byline, "authors": names}
        rest = (m.group("rest") or "").strip()
        if rest and len(rest.split()) <= 4 and not any(c.isdigit() for c in rest):
            found["source"] = rest
        return found
    parts = [p.strip(" ,.") for p in _BYLINE_SEP.split(byline)]
    if len(parts) < 3:
        return {}
    authors = []
    for part in parts:
        cue = _SOURCE_CUE.match(part)
        words = part.split()
        if cue:
            found.setdefault("source", cue.group("name").strip())
        elif not _NAME.match(part) and len(words) != 1:
            continue
        elif len(words) == 1:
            found.setdefault("source", part)
        elif _ABBREVIATION.match(words[-1]):
            found.setdefault("dateline", part)
        elif not any(w.lower() in _OUTLET_WORDS for w in words):
            authors.append(part)
    if not found and not authors:
        return {}
    found["byline"] = byline
    if authors:
        found["authors"] = authors
    return found


def _may_be_byline(line: str) -> bool:
    """Whether ``line`` starts with "by" or has a separator: whether :func:`byline_parts` can find anything."""
    return line[:2].lower() == "by" or "\\" in line or "|" in line


def dateline_parts(paragraph: str) -> dict[str, str]:
    """The dateline that opens a wire story: ``dateline`` ("DAMASCUS, Syria") and ``source`` ("AP"), if present.

    >>> dateline_parts("DAMASCUS, Syria (AP) — Rebels entered the capital on Sunday.")
    {'dateline': 'DAMASCUS, Syria', 'source': 'AP'}
    """
    m = _DATELINE.match(paragraph) if "-" in paragraph or "–" in paragraph or "—" in paragraph else None
    if not m:
        return {}
    found = {"dateline": m.group("place").strip()}
    if m.group("source"):
        found["source"] = m.group("source")
    return found


def _record(ctx: Context, parts: Mapping[str, object]) -> None:
    for key, value in parts.items():
        ctx.metadata.setdefault(key, value)
