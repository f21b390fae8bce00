"""Site chrome: the pieces of the web page around the article (menus, share bars, widgets, teasers, footers).

Two kinds of evidence decide that a line is chrome, never a phrase alone where it could be article text:

* the phrase library (``newsclean/chrome.toml``, read as analysed into ``data/chrome.json``): what page furniture
  says, grouped by kind, each kind with the strength of its evidence ("sure" anywhere, "edge" only at the top or
  bottom of the page, "header" of a teaser list);
* the structure of the document: where the prose of the article begins and ends, which lines neighbour chrome, the
  shape of a line (terminal punctuation, length, title case), and, for whole pages, where the body is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import groupby
from operator import itemgetter
from typing import Callable, NamedTuple

import regex

from newsclean.data import load
from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import SPACE_CHARS, document_code_blocks, document_lines, removal_edits
from newsclean.registry import register

__all__ = ["SiteChrome", "PhraseLibrary", "phrase_library"]

SURE, EDGE, HEADER = "sure", "edge", "header"
_EVIDENCE = (SURE, EDGE, HEADER)

#: Chrome is short: a line longer than this is article text (or a cookie notice, which the library still catches).
_MAX_CHROME_CHARS = 400
#: Teaser headlines under a header are short and unpunctuated; a list of them is not endless.
_TEASER_MAX_WORDS = 20
_TEASER_MAX_LINES = 12
#: A line of prose: ends a sentence and has at least this many words (or characters, for scripts without spaces).
_PROSE_MIN_WORDS = 8
_PROSE_MIN_CHARS = 60

#: A short line (a menu item, a label) has at most this many words.
_MENU_ITEM_WORDS = 4
#: Full-page text: at least this many short lines, making up this share of its lines, with a run this long.
_PAGE_MIN_SHORT = 25
_PAGE_SHORT_SHARE = 0.35
_PAGE_MENU_RUN = 8
#: Inside the body found in a page, a run of this many short lines is a menu or a link list.
_MENU_MIN_RUN = 4
#: Scores of lines when finding the article body in a page: prose scores its words up to this cap, and short and
#: chrome lines cost (short, chrome); aggressive costs more, so the body ends sooner at a teaser list.
_PROSE_CAP = 50
_DEFAULT_COSTS = (3, 5)
_AGGRESSIVE_COSTS = (6, 10)
#: Share of the text's prose that the body found in a page must hold; less, and the text is an article of lists or
#: tables that only looks like a page, and is left to the conservative rules.
_PAGE_BODY_KEEPS = 0.4
#: Share of the default body's prose that the aggressive cut must keep to be taken.
_TIGHTER_KEEPS = 0.5
#: A comments header starts a thread when a commenter's name or a date follows within this many lines.
_THREAD_LOOKAHEAD = 3
#: Sections that end the article body of a page when their header comes after this share of its prose (and at least
#: _SECTION_MIN_WORDS of it). Comments always follow the article, and are prose themselves, so a smaller share
#: suffices; aggressive also ends the body at a list of related articles.
_SECTION_MIN_WORDS = 100
_COMMENTS = ("comments section after the article", 0.25)
_RELATED = ("related articles after the article", 0.6)
_AFTER_ARTICLE = {
    False: {"comments": _COMMENTS},
    True: {"comments": _COMMENTS, "related": _RELATED, "related_inline": _RELATED, "adjacent": _RELATED},
}

_WORD = regex.compile(r"\w+")
#: Lines are compared with a handful of words and prose scores at most _PROSE_CAP: a line of more words is recognized
#: by one match from its start (possessive, so it cannot backtrack), and all its words are counted only where the
#: prose of a page is summed.
_MORE_WORDS = regex.compile(r"\A(?:\W*+\w++){%d}" % (_PROSE_CAP + 1))
#: The same two patterns with the stdlib engine, for ASCII lines (where both engines agree on what a word is): a
#: third faster to count words, three times faster to tell a long line.
_ASCII_WORDS = (re.compile(_WORD.pattern), re.compile(_MORE_WORDS.pattern))
# Bullets, quote marks of markdown, heading hashes and emphasis around a line are not part of what it says.
_DECOR_HEAD = SPACE_CHARS + "-*•·|>»›#–—"
_DECOR_TAIL = SPACE_CHARS + "|*_"
_EMPHASIS = regex.compile(r"\*\*|__")
# A sentence ends a line: a terminal mark, then only closing quotes and brackets.
_TERMINALS = tuple(".!?…。！？")
_CLOSING = "\"'”’»)]"
_GLUE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
#: The same, in ASCII text: looked for with the stdlib engine, which tells three times faster that most lines have none.
_ASCII_GLUE = re.compile(r"[a-z][A-Z]")
# The lookbehind starts a match only where the run of spaces starts: linear on a long run of spaces.
_ANCHOR = regex.compile(r"(?<!\s)\s+[#¶]$")


class PhraseLibrary:
    """The phrase library, compiled: which kind of chrome a line is, if any.

    ``match(core)`` is the first kind, in the library's order (sure, then edge, then header evidence; the user's
    patterns first of all), with a pattern that matches all of ``core``. One alternation of every pattern would give
    that in one call, but the ``regex`` module tries its ~300 branches one after the other on every line (~14 us a
    line), and compiling it took a tenth of a second of a cold start. So the analysis made when ``data/chrome.json``
    is built (:func:`newsclean.data.build.chrome`) gives each pattern the keys of the first characters of its matches
    (as many as keep them few: "skip to ..." has "skip t"; a date has "jan", "0", ...; see ``_KEYS``):

    * the patterns that share a key, or a set of keys, are compiled together the first time a line needs them, and
      a line is tried only against those of its own first characters' keys: most lines of an article need none;
    * a pattern that can start with almost anything (``.{0,80}\\bby clicking here``) is compiled alone, where the
      ``regex`` module looks first for the text it requires, and tried only on a line that holds its literal
      (``by clicking here``).

    A kind's patterns sit together in the library, so the earliest kind among what each group finds first is the
    first kind of the one alternation.
    """

    def __init__(self, data: dict, extra: tuple[str, ...] = ()) -> None:
        kinds = [(kind, evidence) for kind, evidence, _ in data["kinds"]]
        if extra:
            kinds.insert(0, ("site_pattern", SURE))
        self.kinds: dict[str, str] = dict(kinds)
        """Kind -> its evidence level."""
        self.teasers: dict[str, int] = {kind: n for kind, _, n in data["kinds"] if n is not None}
        """Header kind -> how many teaser headlines under it can go."""
        rank = {kind: i for i, kind in enumerate(self.kinds)}
        self._none = len(rank)
        self._keys = {**_KEYS, **{ord(c): "0" for c in data["digits"]}}
        self._extra = (
            _Group(0, [("site_pattern", _expand(p, data["macros"])) for p in extra], rank) if extra else None
        )
        # Per number of characters keyed: key -> the groups of the patterns keyed by it.
        levels: dict[int, dict[str, list[_Group]]] = {}
        shared: dict[tuple[int, tuple[str, ...]], list[tuple[str, str]]] = {}
        self._wildcard_led: list[tuple[str | None, _Group]] = []
        for kind, pattern, n, keys, literal in data["patterns"]:
            if n == 0:
                self._wildcard_led.append((literal, _Group(rank[kind], [(kind, pattern)], rank)))
            else:
                shared.setdefault((n, tuple(keys)), []).append((kind, pattern))
        for (n, keys), alternatives in shared.items():
            group = _Group(rank[alternatives[0][0]], alternatives, rank)
            for key in keys:
                levels.setdefault(n, {}).setdefault(key, []).append(group)
        for level in levels.values():
            for groups in level.values():
                groups.sort(key=_by_rank)
        self._levels = sorted(levels.items())
        # Key -> its groups from every level, merged in rank order: worked out once per key (lines start alike).
        self._by_key: dict[str, list[_Group]] = {}

    def wildcard_led_in(self, text: str) -> list[tuple[str | None, _Group]]:
        """The wildcard-led patterns whose literal ``text`` holds: the only ones its lines need."""
        if _has_emphasis(text):
            text = _EMPHASIS.sub("", text)
        folded = _fold(text)
        return [(literal, group) for literal, group in self._wildcard_led if literal is None or literal in folded]

    def match(
        self, core: str, wildcard_led: list[tuple[str | None, _Group]] | None = None
    ) -> tuple[str, str] | None:
        """``(kind, evidence)`` of the first kind whose pattern matches all of ``core`` (not empty), or None.

        ``wildcard_led``: the wildcard-led patterns worth trying (:meth:`wildcard_led_in` the text ``core`` is from);
        all by default.
        """
        if self._extra is not None and self._extra.first(core):
            return "site_pattern", SURE
        key = core[:_KEY_CHARS].translate(self._keys)
        groups = self._by_key.get(key)
        if groups is None:
            groups = self._by_key[key] = self._groups(key)
        found, rank = None, self._none
        if groups:
            for group in groups:
                if group.rank >= rank:
                    break
                kind = group.first(core)
                if kind is not None and group.ranks[kind] < rank:
                    found, rank = kind, group.ranks[kind]
        folded = None
        for literal, group in self._wildcard_led if wildcard_led is None else wildcard_led:
            if group.rank >= rank:
                break
            if literal is not None:
                if folded is None:
                    folded = _fold(core)
                if literal not in folded:
                    continue
            if group.first(core) is not None:
                found = group.alternatives[0][0]
                break
        return None if found is None else (found, self.kinds[found])

    def _groups(self, key: str) -> list[_Group]:
        """The groups of patterns a line whose first characters are ``key`` (keyed) may match, in rank order."""
        if len(self._by_key) >= _KEYS_REMEMBERED:
            self._by_key.clear()
        groups: list[_Group] = []
        for n, level in self._levels:
            more = level.get(key[:n])
            if more:
                groups = sorted(groups + more, key=_by_rank) if groups else more
        return groups


#: Patterns are keyed by at most this many of their first characters (fewer where more would take too many keys).
_KEY_CHARS = 6
#: The groups of this many keys are remembered (a few MB at most), then forgotten all at once.
_KEYS_REMEMBERED = 1 << 15
#: A line's characters as the library's keys read them: an ASCII letter in lower case (and the three others that the
#: regex module matches to one ignoring case: "İ", the Kelvin sign, the long s), every digit (the library adds those
#: of other scripts) as "0", every space as " ", any other character as itself.
_KEYS = {
    **{ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{ord(c): "0" for c in "0123456789"},
    **{ord(c): " " for c in SPACE_CHARS},
    0x130: "i",
    0x212A: "k",
    0x17F: "s",
}


class _Group:
    """Patterns of the library compiled together (when a line first needs them), with a named group per kind when
    they are of several kinds."""

    __slots__ = ("rank", "alternatives", "ranks", "_kind", "_pattern")

    def __init__(self, rank: int, alternatives: list[tuple[str, str]], ranks: dict[str, int]) -> None:
        self.rank = rank
        """The rank of the first kind among the alternatives: a group can find no earlier one."""
        self.alternatives = alternatives
        self.ranks = ranks
        kinds = {kind for kind, _ in alternatives}
        # A group of one kind needs no named groups, which cost a third more to compile.
        self._kind = kinds.pop() if len(kinds) == 1 else None
        self._pattern: regex.Pattern | None = None

    def first(self, core: str) -> str | None:
        """The kind of the first alternative that matches all of ``core``."""
        if self._pattern is None:
            self._pattern = _alternation(self.alternatives)
        m = self._pattern.fullmatch(core)
        if m is None:
            return None
        if self._kind is not None:
            return self._kind
        return next(kind for kind, text in m.groupdict().items() if text is not None)


def _by_rank(group: _Group) -> int:
    return group.rank


def _fold(text: str) -> str:
    """``text`` in lower case, where every character the regex module matches to an ASCII letter ignoring case is
    that letter: an ASCII literal found in it (in lower case) is one the regex module finds in ``text``."""
    if text.isascii():
        return text.lower()
    # Besides an ASCII letter's two cases, the regex module matches "İ" to "i", the long s to "s" and the Kelvin sign
    # to "k" (which lower() makes "k"; it makes "İ" two characters).
    return text.replace("\u0130", "i").replace("\u017f", "s").lower()


def _expand(pattern: str, macros: dict[str, str]) -> str:
    # Macros may use macros ({date} uses {month}); a few rounds resolve any sensible nesting.
    for _ in range(4):
        if "{" not in pattern:
            break
        for name, body in macros.items():
            pattern = pattern.replace("{" + name + "}", body)
    return pattern


def _check_extra(extra: tuple[str, ...]) -> None:
    """Compile the user's patterns alone (cheaply, when a pipeline is built): the library waits for a document."""
    if not extra:
        return
    macros = load("chrome")["macros"]
    for p in extra:
        regex.compile(_expand(p, macros), regex.IGNORECASE)


@lru_cache(maxsize=8)
def phrase_library(extra: tuple[str, ...] = ()) -> PhraseLibrary:
    """The phrase library (``chrome.toml``, as analysed into ``data/chrome.json``), with the user's ``extra`` patterns
    as sure evidence; its patterns are compiled as lines need them."""
    return PhraseLibrary(load("chrome"), extra)


def _alternation(alternatives: list[tuple[str, str]]) -> regex.Pattern:
    """One full-match pattern for ``(kind, pattern)`` pairs, in order, with a named group per kind if there are
    several."""
    groups = [(kind, "|".join(f"(?:{p})" for _, p in same)) for kind, same in groupby(alternatives, lambda a: a[0])]
    if len(groups) == 1:
        return regex.compile(groups[0][1], regex.IGNORECASE)
    return regex.compile("|".join(f"(?P<{kind}>{patterns})" for kind, patterns in groups), regex.IGNORECASE)


class _Line(NamedTuple):
    start: int
    end: int
    """Offset of the line's ``\\n`` (or of the end of the text)."""
    core: str
    words: int
    """Words of the core, up to _PROSE_CAP + 1 (which stands for "more"; ``_words`` counts them all)."""
    prose: bool
    match: tuple[str, str] | None

    @property
    def blank(self) -> bool:
        return not self.core


#: ``_Line._make`` without its check of the number of fields, which ``_lines`` always gives.
_new_line = partial(tuple.__new__, _Line)


def _core(line: str) -> str:
    if _has_emphasis(line):
        line = _EMPHASIS.sub("", line)
    return line.lstrip(_DECOR_HEAD).rstrip(_DECOR_TAIL).strip()


def _has_emphasis(text: str) -> bool:
    """Whether ``text`` holds ``**`` or ``__``. One character is looked for with ``memchr``, many times faster than a
    pair, and most texts have no "*" or "_" at all: about 3 ms per MB of the step."""
    return "*" in text and "**" in text or "_" in text and "__" in text


def _ends_sentence(core: str) -> bool:
    return core.rstrip(_CLOSING).endswith(_TERMINALS)


def _is_prose(core: str, words: int) -> bool:
    return _ends_sentence(core) and (words >= _PROSE_MIN_WORDS or len(core) >= _PROSE_MIN_CHARS)


def _teaser_shaped(line: _Line) -> bool:
    """A headline of another article: short, and not a sentence ending in a full stop."""
    return 0 < line.words <= _TEASER_MAX_WORDS and not line.core.endswith((".", "。", ":")) and not line.prose


@register
@dataclass(frozen=True)
class SiteChrome(Normalizer):
    """Remove the web page around the article: navigation, share and subscribe lines, widgets, teasers, footers.

    Fixes ``"Previous Article\\nPolice Intensify Hunt for UnitedHealthcare CEO’s Killer"`` (both lines removed: the
    label, and the headline under it because of its neighbour).
    Leaves ``"Battle for Homs"`` between two paragraphs alone: a short title-case line inside the article is a heading.

    The default is conservative and suits extractor output; ``aggressive`` also cuts full-page text (every visible line
    of a page) down to its article body. ``extra_patterns`` adds a site's own chrome as regular expressions that
    must match a whole line (case-insensitive).
    """

    name = "site_chrome"
    summary = "menus, share/subscribe lines, rating and comment widgets, teasers, ads and footers around the article"

    aggressive: bool = False
    """Also cut full-page text (menus, footers, link lists) down to the article body."""
    extra_patterns: tuple = ()
    """Regular expressions for a site's own chrome; each must match a whole line (case-insensitive)."""

    def __post_init__(self) -> None:
        try:
            _check_extra(tuple(self.extra_patterns))
        except regex.error as exc:
            raise ValueError(f"extra_patterns: {exc}") from None

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        spans = document_lines(text, ctx)
        cores = [_core(raw) if raw and not raw.isspace() else "" for _, _, raw in spans]
        matches = self._matches(text, cores)
        reasons: dict[int, str] = {}
        edits = []
        # Every rule starts from a line of the library: a text without one (most article bodies) keeps its lines,
        # and the shape of each (words, prose) is never needed.
        if any(m is not None for m in matches.values()):
            lines = self._lines(spans, cores, matches)
            reasons = self._chrome(lines, ctx, lambda: document_code_blocks(text, ctx))
            edits = removal_edits(self, text, lines, reasons)
        if "#" in text or "¶" in text:
            for i, (start, end, _) in enumerate(spans):
                if i in reasons or not cores[i] or text[end - 1] not in "#¶":
                    continue
                m = _ANCHOR.search(text, start, end)
                if m and m.end() == end and _title_case(cores[i]):
                    edits.append(self.edit(text, m.start(), m.end(), "", "anchor mark after a heading"))
            edits.sort(key=lambda e: e.start)
        return edits

    # --- reading the lines --------------------------------------------------------------------------------------

    def _matches(self, text: str, cores: list[str]) -> dict[str, tuple[str, str] | None]:
        """What the library says of each distinct line (pages repeat their furniture, scrapes their bylines)."""
        library = phrase_library(tuple(self.extra_patterns))
        matches: dict[str, tuple[str, str] | None] = dict.fromkeys(cores)
        short = [core for core in matches if core and len(core) <= _MAX_CHROME_CHARS]
        # Only the short lines are read: the wildcard-led patterns worth trying are those whose literal they hold.
        wildcard_led = library.wildcard_led_in("\n".join(short))
        for core in short:
            matches[core] = library.match(core, wildcard_led) or _breadcrumb(core, library, wildcard_led)
        return matches

    @staticmethod
    def _lines(
        spans: list[tuple[int, int, str]], cores: list[str], matches: dict[str, tuple[str, str] | None]
    ) -> list[_Line]:
        words: dict[str, int] = {}
        prose: dict[str, bool] = {}
        for core in matches:  # each distinct core once
            word, more_words = _ASCII_WORDS if core.isascii() else (_WORD, _MORE_WORDS)
            # More words than the cap take at least twice as many characters (a word and a separator each).
            more = len(core) > 2 * _PROSE_CAP and more_words.match(core)
            n = words[core] = _PROSE_CAP + 1 if more else len(word.findall(core))
            prose[core] = _is_prose(core, n)
        # A page has thousands of lines: their tuples are put together in C.
        fields = zip(map(itemgetter(0), spans), map(itemgetter(1), spans), cores, map(words.__getitem__, cores),
                     map(prose.__getitem__, cores), map(matches.__getitem__, cores))
        return list(map(_new_line, fields))

    # --- deciding ------------------------------------------------------------------------------------------------

    def _chrome(self, lines: list[_Line], ctx: Context, code: Callable[[], list[tuple[int, int]]]) -> dict[int, str]:
        """Line index -> reason, for every line that is chrome (``code()``: the text's blocks of code, found when a
        rule needs them)."""
        reasons: dict[int, str] = {}
        thread = _comment_thread(lines)
        for i in range(thread, len(lines)):
            if lines[i].core:
                reasons[i] = "comment thread after the article"
        body = [i for i, ln in enumerate(lines[:thread]) if ln.prose and ln.match is None]
        first, last = (body[0], body[-1]) if body else (len(lines), -1)
        # The lines as the rules for full pages read them (lists and code as rows): told only for a text that looks
        # like a page as it is, since reading them so only takes short lines away (most texts with chrome are no page).
        page = lines
        page_body = None
        if _looks_like_a_page(lines):
            page = _with_lists_as_rows(lines, code())
            if _looks_like_a_page(page):
                page_body = _article_body(page, _DEFAULT_COSTS)
        if page_body is not None and _prose_words(page, *page_body) < _PAGE_BODY_KEEPS * _prose_words(page):
            self.note(ctx, "page_body_unsure", "looks like a full page, but no stretch of it holds most of its prose: "
                      "menus and footers left to the line-by-line rules")
            page_body = None
        if page_body is not None:
            first, last = page_body
            if self.aggressive:
                first, last = _tighter_body(page, first, last)
            first = _with_headline(lines, first)
            end, why = _section_after_article(lines, first, last, _AFTER_ARTICLE[self.aggressive])
            for i, ln in enumerate(lines):
                if ln.core and not first <= i <= last:
                    reasons[i] = "full page: outside the article body"
                elif ln.core and end <= i <= last:
                    reasons[i] = f"full page: {why}"
            _menus(page, reasons, first, last)
        for i, ln in enumerate(lines):
            if ln.match is None or i >= thread:
                continue
            kind, evidence = ln.match
            label = kind.replace("_", " ")
            if evidence == SURE:
                reasons[i] = f"{label}: a phrase of page furniture"
            elif evidence == HEADER:
                reasons[i] = f"{label}: introduces links to other articles"
            elif i < first:
                reasons[i] = f"{label} above the article"
            elif i > last:
                reasons[i] = f"{label} below the article"
        self._spread_to_neighbours(lines, reasons)
        self._teasers(lines, reasons, last)
        # Told last, against the neighbours that go on every other count: a neighbour that goes too would leave the
        # line a different neighbour on a second run, and a different verdict.
        for i in [i for i in reasons if lines[i].match is not None and i < thread and _inside_a_sentence(lines, i,
                                                                                                        reasons)]:
            del reasons[i]
        return reasons

    @staticmethod
    def _spread_to_neighbours(lines: list[_Line], reasons: dict[int, str]) -> None:
        # An edge label inside the article is chrome when it stands next to chrome: a widget's other lines. A sweep
        # down and a sweep up reach every label joined to chrome through other labels, in linear time.
        nonblank = [i for i, ln in enumerate(lines) if ln.core]
        for order in (nonblank, nonblank[::-1]):
            before = None
            for i in order:
                ln = lines[i]
                if i not in reasons and ln.match is not None and ln.match[1] == EDGE and before in reasons:
                    reasons[i] = f"{ln.match[0].replace('_', ' ')} next to other chrome"
                before = i

    def _teasers(self, lines: list[_Line], reasons: dict[int, str], last_body: int) -> None:
        """Headlines under a header ("Previous Article", "More on World News") are teasers of other articles."""
        nonblank = [i for i, ln in enumerate(lines) if ln.core]
        for k, i in enumerate(nonblank):
            ln = lines[i]
            if ln.match is None or ln.match[1] != HEADER:
                continue
            limit = phrase_library(tuple(self.extra_patterns)).teasers[ln.match[0]]
            taken = 0
            for j in range(k + 1, len(nonblank)):
                t = nonblank[j]
                line = lines[t]
                if line.match is not None or not _teaser_shaped(line):
                    break
                # A short line followed by prose inside the article is one of its section headings.
                following = lines[nonblank[j + 1]] if j + 1 < len(nonblank) else None
                if t < last_body and following is not None and following.prose and following.match is None:
                    break
                reasons[t] = f"teaser headline under {ln.core[:40]!r}"
                taken += 1
                if taken >= limit:
                    break

    # --- editing -------------------------------------------------------------------------------------------------



def _inside_a_sentence(lines: list[_Line], i: int, reasons: dict[int, str]) -> bool:
    """Whether line ``i``, as long as a line of prose, goes on with a sentence of the line above or below it that
    stays (not in ``reasons``), as hard-wrapped prose does: it starts lowercase right under a line of prose that ends
    no sentence ("...If you don't like this" / "disclaimer: tough. We reserve the right to do the absolute minimum
    provided"), or it ends none right above a line that starts lowercase ("Disclaimer: \"These opinions are my own,
    though for a small fee they be" / "yours too.\""). Page furniture is a sentence of its own, or a few words: a
    label under a list of links ("international", "copyright Inexhibit 2019"), a short line above a paragraph that
    lost its capital ("Advertisement") stay chrome."""
    line = lines[i]
    if line.words < _PROSE_MIN_WORDS:
        return False
    above = lines[i - 1] if i and i - 1 not in reasons else None
    below = lines[i + 1].core if i + 1 < len(lines) and i + 1 not in reasons else ""
    return (line.core[:1].islower() and above is not None and above.match is None
            and above.words >= _PROSE_MIN_WORDS and not _ends_sentence(above.core)
            or below[:1].islower() and not _ends_sentence(line.core))


def _title_case(core: str) -> bool:
    """A headline in title case: at least two words, most of the longer ones capitalized."""
    words = [w for w in _WORD.findall(core) if len(w) > 3 or w[0].isupper()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _words(ln: _Line) -> int:
    """All the words of a line."""
    return ln.words if ln.words <= _PROSE_CAP else _all_words(ln.core)


@lru_cache(maxsize=1024)
def _all_words(core: str) -> int:
    # The prose of a page is summed over several stretches of it: each long paragraph is counted once.
    return len(_WORD.findall(core))


def _short(ln: _Line) -> bool:
    return bool(ln.core) and ln.words <= _MENU_ITEM_WORDS and not ln.prose


def _with_lists_as_rows(lines: list[_Line], code: list[tuple[int, int]]) -> list[_Line]:
    """``lines``, the items of each list the text introduces and the lines of its blocks of ``code`` read as
    rows of a table (neither short nor prose). A list is the run of short lines right under a line of prose length
    that ends with a colon ("Here are the names of the people killed in the attack, as released by the ministry:");
    code is what :func:`~newsclean.normalizers.lines.code_blocks` finds. A page's menu is neither; read as a menu, an
    article's list of names, or a listing of code, made a page of it, and went as outside its body with the paragraphs
    after it."""
    out = list(lines)
    blocks = iter(code)
    block = next(blocks, None)
    introduced = False
    for i, ln in enumerate(lines):
        if not ln.core:
            continue
        while block is not None and block[1] < ln.start:
            block = next(blocks, None)
        if _short(ln) and (introduced or block is not None and block[0] <= ln.start):
            out[i] = ln._replace(words=_MENU_ITEM_WORDS + 1)
            continue
        introduced = ln.match is None and ln.words >= _PROSE_MIN_WORDS and ln.core.endswith(":")
    return out


def _looks_like_a_page(lines: list[_Line]) -> bool:
    """Full-page text (every visible line of a page) is mostly short lines, with menus of many in a row, and some
    phrase of page furniture."""
    nonblank = [ln for ln in lines if ln.core]
    short = [ln for ln in nonblank if _short(ln)]
    if len(short) < _PAGE_MIN_SHORT or len(short) < _PAGE_SHORT_SHARE * len(nonblank):
        return False
    if not any(ln.match is not None for ln in nonblank):
        return False
    run = best = 0
    for ln in nonblank:
        run = run + 1 if _short(ln) else 0
        best = max(best, run)
    return best >= _PAGE_MENU_RUN


def _article_body(lines: list[_Line], costs: tuple[int, int]) -> tuple[int, int]:
    """First and last line of the densest stretch of prose (the maximum-sum segment of line scores).

    Prose scores its words; chrome and short lines cost: a menu or a footer between two stretches of prose outweighs
    them, a heading or a caption inside the article does not. ``costs`` are those of a short line and of a chrome line.
    """
    short_cost, chrome_cost = costs
    best, best_span = 0.0, (len(lines), -1)
    total, start = 0.0, 0
    for i, ln in enumerate(lines):
        if not ln.core:
            continue
        if ln.match is not None:
            score = -chrome_cost
        elif ln.prose:
            score = min(ln.words, _PROSE_CAP)
        elif ln.words <= _MENU_ITEM_WORDS:
            score = -short_cost
        else:
            # Headings, captions, table rows: neutral, so a table or a captioned photo does not split the body.
            score = 0
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _comment_thread(lines: list[_Line]) -> int:
    """Index of the header of a comment thread ("34 responses to ...", then "joe says:", a date), or past the end.

    A thread follows the article to the end of the text; its comments are prose, so without this the last of them
    would look like the end of the article.
    """
    nonblank = [i for i, ln in enumerate(lines) if ln.core]
    for k, i in enumerate(nonblank):
        match = lines[i].match
        if match is None or match[0] != "comments":
            continue
        following = [lines[j].match for j in nonblank[k + 1 : k + 1 + _THREAD_LOOKAHEAD]]
        if any(m is not None and m[0] in ("comment_labels", "timestamp_labels") for m in following):
            return i
    return len(lines)


def _with_headline(lines: list[_Line], first: int) -> int:
    """Start the body of a page at its headline: the heading-shaped line right above its first paragraph."""
    i = first - 1
    while i >= 0 and not lines[i].core:
        i -= 1
    if i >= 0 and lines[i].match is None and not lines[i].prose and 2 <= lines[i].words <= _TEASER_MAX_WORDS:
        return i
    return first


def _tighter_body(lines: list[_Line], first: int, last: int) -> tuple[int, int]:
    """The body cut with higher costs for short and chrome lines, if it keeps most of the prose.

    A page whose article is itself made of short lines (a meal plan, a table) would lose it to a footer of legalese
    under the higher costs; then the default cut stands.
    """
    a, b = _article_body(lines[first : last + 1], _AGGRESSIVE_COSTS)
    a, b = a + first, b + first
    if _prose_words(lines, a, b) >= _TIGHTER_KEEPS * _prose_words(lines, first, last):
        return a, b
    return first, last


def _prose_words(lines: list[_Line], first: int = 0, last: int | None = None) -> int:
    """Words of article-like prose between two lines (inclusive; all of the text by default)."""
    stop = len(lines) if last is None else last + 1
    return sum(_words(ln) for ln in lines[first:stop] if ln.prose and ln.match is None)


def _section_after_article(
    lines: list[_Line], first: int, last: int, kinds: dict[str, tuple[str, float]]
) -> tuple[int, str]:
    """Where a section that follows an article (comments, related articles) begins inside the body found.

    Only a header that comes after most of the body's prose ends it: a "Comments" link near the top is not the end.
    """
    total = sum(_words(ln) for ln in lines[first : last + 1] if ln.prose and ln.match is None)
    seen = 0
    for i in range(first, last + 1):
        ln = lines[i]
        if ln.prose and ln.match is None:
            seen += _words(ln)
        elif ln.match is not None and ln.match[0] in kinds:
            why, share = kinds[ln.match[0]]
            if seen >= max(share * total, _SECTION_MIN_WORDS):
                return i, why
    return last + 1, ""


def _menus(lines: list[_Line], reasons: dict[int, str], first: int, last: int) -> None:
    """Runs of short lines inside the body of a page are menus or link lists."""
    run: list[int] = []
    for i in range(first, last + 2):
        ln = lines[i] if i <= last else None
        if ln is not None and not ln.core:
            continue
        if ln is not None and _short(ln):
            run.append(i)
            continue
        if len(run) >= _MENU_MIN_RUN:
            for j in run:
                reasons.setdefault(j, "full page: a run of short link-like lines (menu)")
        run = []


def _breadcrumb(core: str, library: PhraseLibrary, wildcard_led: list | None = None) -> tuple[str, str] | None:
    """Section labels glued together by the extractor ("Top StoryWorld") are navigation (``wildcard_led``: as for
    :meth:`PhraseLibrary.match`)."""
    if len(core) > 60 or _ends_sentence(core) or core.isascii() and not _ASCII_GLUE.search(core):
        return None
    parts = [p.strip() for p in _GLUE.split(core)]
    if len(parts) < 2:
        return None
    for p in parts:
        m = library.match(p, wildcard_led)
        if m is None or m[1] != EDGE:
            return None
    return "navigation_labels", EDGE
