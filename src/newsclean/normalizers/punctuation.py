"""Missing spaces after punctuation: "rebels,with" and "soldiers.The", where extraction glued two words together."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

import re
from dataclasses import dataclass

from newsclean.edits import Edit
from newsclean.normalizer import Context, Normalizer
from newsclean.registry import register
from newsclean.spans import protected_spans

# A word of the Latin script, apostrophes allowed ("Assad’s"). Other scripts have their own spacing conventions:
# Chinese and Japanese put no space after their punctuation at all.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"

# A comma or sentence end with a Latin letter after it. Everything else about a candidate is decided in Python, on
# the token around it: candidates are rare in clean text, so this scan is the whole cost, and a lookbehind for the
# letter before the mark made it several times slower. One pattern per mark: the stdlib engine looks for a single
# character in a tight loop but tests a class of them with a call per character, so four scans (and a sort of the
# few places found) take about 2 ms per MB less than one scan for "[,.!?]".
_CANDIDATES = tuple(re.compile(rf"{re.escape(mark)}(?=[{_LATIN}])") for mark in ",.!?")
#: A token longer than this is data, code or text without spaces, not two prose words; it is not looked into.
_MAX_TOKEN = 100

# The word that ends the text before the mark. The lookbehinds let a match start only where such a word can start
# (not after a letter, nor after a letter and an apostrophe), which is where the leftmost match starts anyway: the
# search stays linear on a long word.
_WORD_BEFORE = re.compile(rf"(?<![{_LATIN}])(?<![{_LATIN}]['’])[{_LATIN}]+(?:['’][{_LATIN}]+)*\Z")
_YEAR_BEFORE = re.compile(r"(?<!\d)\d{4}\Z")
_WORD_AFTER = re.compile(rf"[{_LATIN}]+(?:['’][{_LATIN}]+)*")
#: Two words glued by a full stop, as :meth:`PunctuationSpacing._glued_pair` reads them ("One.Tel").
_DOTTED_PAIR = re.compile(rf"(?<![{_LATIN}])(?<![{_LATIN}]['’])[{_LATIN}]+(?:['’][{_LATIN}]+)*"
                          rf"\.[{_LATIN}]+(?:['’][{_LATIN}]+)*")

# What may stand before the glued word (so that "e.g.this", "J.R.R.Tolkien" and "3.5" are not glued words) ...
_OPENERS = frozenset("(“‘\"'*-–—")
# ... and after the word that follows (a bracket makes it code: "obj.Method()").
_CLOSERS = frozenset(",.;:!?)”’\"'*-–—…")
# A token (a run of non-space characters) with one of these is a path, markup, code or an address, not prose.
_NOT_PROSE = frozenset("/\\@#=_<>{}[]|~^$%+&")
# Top-level domains written capitalized in older news ("Salon.Com"); lowercase domains are protected spans.
_DOMAIN_ENDINGS = frozenset({"Com", "Org", "Net", "Gov", "Edu"})

_DOTTED = re.compile(r"\.\w")
_NON_SPACE = re.compile(r"\S*")

_MARK_NAMES = {",": "comma", ".": "full stop", "!": "exclamation mark", "?": "question mark"}


@register
@dataclass(frozen=True)
class PunctuationSpacing(Normalizer):
    """Insert the space missing after a comma or a sentence end between two words.

    Fixes ``"the rebels,with Russian warplanes"`` to ``"the rebels, with Russian warplanes"`` and
    ``"Syrian soldiers.The recent"`` to ``"Syrian soldiers. The recent"``.
    Leaves ``"1,000"``, ``"3.5"``, ``"U.S."``, ``"e.g.this"``, ``"J.R.R.Tolkien"``, ``"cnn.com"``, ``"report.pdf"``,
    ``"obj.Method()"`` and ``"f(NULL,NULL)"`` alone: numbers, abbreviations, initials, domains, file names and code
    have no space there.

    A sentence end is only split before a capitalized word (``"balance.What"``); a lowercase word after a full stop
    (``"e.g.this"``, ``"example.org"``) is left alone. Only words of the Latin script are considered.
    """

    name = "punctuation_spacing"
    summary = "the missing space after a comma or sentence end between words (rebels,with · soldiers.The)"

    max_commas_in_token: int = 1
    """A run of words glued by more commas than this ("red,green,blue") looks like a list or data: left alone."""

    def __post_init__(self) -> None:
        if self.max_commas_in_token < 1:
            raise ValueError("max_commas_in_token must be 1 or more")

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        # One space can make the next one decidable ("tanks,mortars,rockets" with max_commas_in_token=2 is judged
        # word by word), so scan again where spaces went in until nothing more goes in; the normalizer stays
        # idempotent on its own. Offsets found on a later scan are mapped back onto the text as given.
        found: list[tuple[int, str]] = []
        current = text
        while more := self._scan(current, ctx):
            # Where the spaces inserted so far stand in the current text: the i-th by original offset has i before it.
            spaces = [at + i for i, at in enumerate(sorted(at for at, _ in found))]
            found += [(at - bisect_left(spaces, at), reason) for at, reason in more]
            current = "".join(_with_spaces(current, [at for at, _ in more]))
        return [self.edit(text, at, at, " ", reason) for at, reason in sorted(found)]

    def _scan(self, text: str, ctx: Context) -> list[tuple[int, str]]:
        out = []
        tally = _Tally(text)
        for at in sorted(m.start() for candidate in _CANDIDATES for m in candidate.finditer(text)):
            pair = self._glued_pair(text, at, ctx, tally) if at and text[at - 1].isalnum() else None
            if pair:
                out.append((at + 1, f"missing space after {_MARK_NAMES[text[at]]} in {pair!r}"))
        return out

    def _glued_pair(self, text: str, at: int, ctx: Context, tally: _Tally) -> str | None:
        """The two prose words glued by the punctuation at ``at`` ("rebels,with"), or None if it glues none.

        Two kinds of doubt are left alone with a note: a list-like token, and an abbreviation glued to a
        capitalized word ("U.S.Army"), where the space is likely missing but the abbreviation could also end a
        sentence or be part of a name.
        """
        bounds = _token_bounds(text, at)
        if bounds is None:
            return None
        start, end = bounds
        token = text[start:end]
        if not _NOT_PROSE.isdisjoint(token):
            return None
        # URLs, e-mail addresses, domains, handles and hashtags never contain whitespace, so the token alone shows
        # whether one covers this spot; without '/', '@' and '#' only a domain could, and a domain has a dot.
        if "." in token and any(s <= at - start < e for s, e in protected_spans(token)):
            return None
        mark = text[at]
        head, tail = text[start:at], text[at + 1 : end]
        after = _WORD_AFTER.match(tail)
        if after is None or (after.end() < len(tail) and tail[after.end()] not in _CLOSERS):
            return None
        if _DOTTED.search(tail, after.end()):
            return None  # the token goes on with ".word": a file name or code ("rebels,with.pdf", "System.IO.File")
        word = after.group()
        before = _WORD_BEFORE.search(head)
        if mark == ",":
            if token.count(",") > self.max_commas_in_token:
                self.note(ctx, "comma_list", f"left {token!r} alone: looks like a list or data", start, end)
                return None
            if before is None:
                # A year: "in 2012,the regime". Other numbers are left to their locale ("3,5", "2,4-D").
                before = _YEAR_BEFORE.search(head)
                if before is None or not word.islower() or len(word) < 2:
                    return None
        elif before is None or not _sentence_start(word):
            return None
        lead = head[: before.start()]
        if len(before.group().replace("'", "").replace("’", "")) < 2:
            # Initials and single letters: "N,N-dimethyl", "e.g.this", "J.R.R.Tolkien".
            if mark == "." and lead.endswith("."):
                self.note(ctx, "abbreviation_glued", f"left {token!r} alone: maybe a missing space", start, end)
            return None
        if mark == "." and (before.group().isupper() or word in _DOMAIN_ENDINGS):
            return None  # "ASP.Net", "Salon.Com": an acronym or a domain, not a sentence end
        if lead and lead[-1] not in _OPENERS or lead[-2:-1].isalnum() and lead[-1] == "(":
            return None  # glued to more than an opener; or a call's arguments: "SortCondition(NULL,NULL);"
        pair = f"{before.group()}{mark}{word}"
        if mark == "." and before.group()[0].isupper() and 1 < tally.dotted()[pair] == tally.words()[word]:
            # Two capitalized words glued by a full stop, the same way again elsewhere, the second never written
            # apart: a name written so ("One.Tel"). A dropped space seldom falls twice alike, and then between
            # words the text also writes apart (a slogan repeated: "Meth.We’re"; "Rep.Ilhan" and "Ilhan Omar").
            self.note(ctx, "dotted_name", f"left {token!r} alone: written so more than once, a name?", start, end)
            return None
        return pair


class _Tally:
    """How often a text writes each pair of words glued by a full stop, and each word: counted once per text, on first
    ask (only a capitalized word glued to another asks), so that the work stays linear however many pairs it holds."""

    __slots__ = ("_text", "_dotted", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._dotted: Counter[str] | None = None
        self._words: Counter[str] | None = None

    def dotted(self) -> Counter[str]:
        if self._dotted is None:
            self._dotted = Counter(_DOTTED_PAIR.findall(self._text))
        return self._dotted

    def words(self) -> Counter[str]:
        if self._words is None:
            self._words = Counter(_WORD_AFTER.findall(self._text))
        return self._words


def _with_spaces(text: str, points: list[int]):
    last = 0
    for at in points:
        yield text[last:at]
        yield " "
        last = at
    yield text[last:]


def _token_bounds(text: str, at: int) -> tuple[int, int] | None:
    """The run of non-space characters around ``at``, or None if it is longer than _MAX_TOKEN."""
    low = max(0, at - _MAX_TOKEN - 1)
    # _NON_SPACE matches the empty string too: both matches always succeed.
    back = _NON_SPACE.match(text[low:at][::-1])
    ahead = _NON_SPACE.match(text, at, at + _MAX_TOKEN + 1)
    assert back is not None and ahead is not None
    start, end = at - back.end(), ahead.end()
    return None if end - start > _MAX_TOKEN else (start, end)


def _sentence_start(word: str) -> bool:
    # "The", "What", "Can": a capital, then lowercase only. "WriteLine", "iPhone" and "NET" are names or code. Of
    # the one-letter words only the two English words ("today.I", "too.A"): another is an initial ("goal.J").
    return len(word) >= 2 and word[0].isupper() and word[1:].islower() or word in ("A", "I")
