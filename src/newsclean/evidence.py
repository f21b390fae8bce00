"""Document evidence about letter case: which words the document itself writes capitalized mid-sentence.

The strongest evidence that "homs" is a proper noun is the same document writing "Homs" where no sentence starts.
The casing step raises words on it, and the typo step refuses to "correct" such words (a name is not a typo).
Headline-style lines (most words capitalized) are not evidence: they capitalize common words too. Runs of capitalized
words are counted as phrases too ("Security Council"): evidence for a name made of common words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress, count
from operator import itemgetter, not_

import regex

from newsclean.edits import split_newlines
from newsclean.normalizer import Context

__all__ = ["CaseEvidence", "case_evidence", "gathered_case_evidence", "document_evidence", "collect",
           "batch_evidence", "line_parts", "line_words", "written_words", "split_words", "headline_style", "WORD"]

#: A word: letters with inner apostrophes or hyphens excluded ("syria's" -> "syria", "al-Assad" -> "al", "Assad").
WORD = regex.compile(r"[^\W\d_]+")
#: What may stand between a sentence end and the next word: spaces, quotes, brackets, markdown emphasis, bullets.
_OPENERS_TEXT = " \t\"'“‘(*[-–—•·>_"
_OPENERS = frozenset(_OPENERS_TEXT)
_ENDERS = frozenset(".!?:;…")
#: Quotation marks that open a quotation after a space or a bracket (a straight one closes as often after a word).
_QUOTE_OPENERS = frozenset("\"'“‘")
#: A list item's number before a line's first word, less the openers after it: "(3)", "3)". ("3." ends a sentence as
#: it is.)
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,3}\)")
_BEFORE_QUOTE = frozenset(" \t([")
#: A line with at least this share of capitalized words (of at least this many) is headline-style.
_TITLE_SHARE = 0.6
_TITLE_MIN_WORDS = 2
#: What joins the parts of one word: a run of capitalized words does not start after one.
_JOINERS = frozenset("-'’")
#: The longest capitalized phrase counted as phrase evidence, in words.
PHRASE_MAX_WORDS = 4
#: Splits a text into the words (as WORD), the line breaks, and what stands between them.
_WORDS_BREAKS_AND_GAPS = regex.compile(r"([^\W\d_]+|\n)")
#: The code points below the CJK blocks (every alphabetic script, the quotes and dashes of General Punctuation): a
#: text with no letter from here on is split by the standard library's engine (see :func:`_fast_split`).
_FAST_END = 0x3000
#: One character at or beyond ``_FAST_END`` (a run, "...]+", would make the search of text without any 3x slower).
_BEYOND_FAST = re.compile(f"[^\\x00-\\u{_FAST_END - 1:04x}]")
#: The UTF-8 bytes below the lead byte of ``_FAST_END`` (E3): the only bytes of the characters below it (U+3000 to
#: U+3FFF are exactly the code points led by E3, and every byte above E3 leads a higher one).
_BELOW_FAST_BYTES = bytes(range(chr(_FAST_END).encode()[0]))
#: The lengths of the words a headline's share leaves out (see :func:`headline_style`), as bytes.
_SHORT_LENGTHS = bytes([1, 2, 3])
#: The words of a line as :func:`split_words` splits it (gap, word, gap, word, ..., gap).
_WORDS = itemgetter(slice(1, None, 2))


@dataclass(frozen=True)
class CaseEvidence:
    """Counts of how a document writes each word (keys are lowercased words)."""

    capitalized: dict[str, Counter[str]] = field(default_factory=dict)
    """Word -> capitalized surface forms seen mid-sentence outside headline-style lines, with counts."""
    lowercase: Counter[str] = field(default_factory=Counter)
    """Word -> number of all-lowercase occurrences anywhere."""
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(word, next word) -> times written as two capitalized words ("Professor Aron", "Air Force"), both
    mid-sentence, outside headline-style lines: evidence that a title or a name's first word is capitalized."""
    alone: Counter[str] = field(default_factory=Counter)
    """Word -> times written capitalized mid-sentence with no capitalized word joined to it: "Turkey" in "Iran and
    Turkey", not "President" in "President Assad" (a title, lowercase elsewhere: "the president"), nor "Healthcare"
    after an acronym, in "GE Healthcare" (a company's name, "healthcare" elsewhere)."""
    phrases: Counter[tuple[str, ...]] = field(default_factory=Counter)
    """Words (lowercase) -> times written as a run of capitalized words joined by single spaces, every one of them
    mid-sentence, outside headline-style lines: "Security Council" in "the Security Council voted". Every stretch of
    two to :data:`PHRASE_MAX_WORDS` words of a run counts ("the White House National Security Council" gives
    "security council" too). Evidence for a name made of common words, which no word of it gives alone; kept for
    a document's own evidence, not gathered over a batch (:func:`batch_evidence`)."""

    def capitalized_count(self, word: str) -> int:
        forms = self.capitalized.get(word.lower())
        return sum(forms.values()) if forms else 0

    def form(self, word: str) -> str | None:
        """The document's most common capitalized spelling of ``word`` ("McCain" for "mccain"), if any."""
        forms = self.capitalized.get(word.lower())
        return forms.most_common(1)[0][0] if forms else None

    def followers(self, word: str) -> list[str]:
        """The words (lowercase) the document writes capitalized right after ``word`` capitalized (see ``pairs``)."""
        return [second for _, second in self._pairs_by_first().get(word, ())]

    def about(self, words: set[str]) -> CaseEvidence:
        """The part of this evidence about ``words`` (lowercase): their counts, and the pairs both of whose words
        are among them. Linear in ``words``, not in this evidence (a batch's, which holds no phrases; a document's
        few phrases are kept when all their words are among ``words``)."""
        capitalized = {w: self.capitalized[w] for w in words if w in self.capitalized}
        lowercase = Counter({w: self.lowercase[w] for w in words if w in self.lowercase})
        alone = Counter({w: self.alone[w] for w in words if w in self.alone})
        by_first: dict[str, list[tuple[str, str]]] = self._pairs_by_first()
        pairs = Counter({key: self.pairs[key] for w in words for key in by_first.get(w, ()) if key[1] in words})
        phrases = Counter({key: n for key, n in self.phrases.items() if words.issuperset(key)})
        return CaseEvidence(capitalized, lowercase, pairs, alone, phrases)

    def _pairs_by_first(self) -> dict[str, list[tuple[str, str]]]:
        # Built once per evidence object and kept on it (the dataclass is frozen, its dicts are not).
        index = self.__dict__.get("_by_first")
        if index is None:
            index = {}
            for key in self.pairs:
                index.setdefault(key[0], []).append(key)
            object.__setattr__(self, "_by_first", index)
        return index

    def merged(self, other: CaseEvidence) -> CaseEvidence:
        """Evidence of two documents (or a document and its batch) together."""
        capitalized = {w: Counter(f) for w, f in self.capitalized.items()}
        for w, forms in other.capitalized.items():
            capitalized.setdefault(w, Counter()).update(forms)
        return CaseEvidence(capitalized, self.lowercase + other.lowercase, self.pairs + other.pairs,
                            self.alone + other.alone, self.phrases + other.phrases)


def is_sentence_start(line: str, start: int) -> bool:
    """True when the word at ``line[start]`` begins a sentence: at the line start (after a list item's number too:
    "(3) Forewarned is forearmed.") or after ``. ! ? : ; …``."""
    i = start - 1
    while i >= 0 and line[i] in _OPENERS:
        i -= 1
    return i < 0 or line[i] in _ENDERS or line[i] == ")" and _LIST_NUMBER.fullmatch(line, 0, i + 1) is not None


def headline_style(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < _TITLE_MIN_WORDS:
        return bool(words) and all(w[0].isupper() for w in words)
    return sum(w[0].isupper() for w in long_words) >= _TITLE_SHARE * len(long_words)


def split_words(text: str) -> list[list[str]]:
    """Each line of ``text`` split into gap, word (as WORD), gap, word, ..., gap.

    The text is split once, line breaks included, then cut at them: splitting line by line costs a call per line,
    about 15 ms per MB more. A text with a letter at or beyond ``_FAST_END`` (Chinese, Japanese, Korean, full-width
    or mathematical letters) is split by the regex engine; any other by :func:`_fast_split`, twice as fast."""
    # Whether a character at or beyond _FAST_END is there at all is told from the UTF-8 bytes, in two passes that
    # copy bytes (about 0.9 ms per MB), instead of a search of the text by either engine (about 2.8): lone
    # surrogates, which only "surrogatepass" encodes, are beyond it too, as the search finds them.
    if (text.encode("utf-8", "surrogatepass").translate(None, _BELOW_FAST_BYTES)
            and WORD.search("".join(_BEYOND_FAST.findall(text)))):
        split = _WORDS_BREAKS_AND_GAPS.split(text)
    else:
        split = _fast_split()(text)
    lines = []
    start = 0
    index = split.index
    try:
        while True:
            end = index("\n", start)  # no gap and no word is a line break: only the line breaks themselves
            lines.append(split[start:end])
            start = end + 1
    except ValueError:
        lines.append(split[start:])
    return lines


@cache
def _fast_split() -> Callable[[str], list[str]]:
    """The split of :func:`split_words` by the standard library's engine, exact for a text with no letter at or
    beyond ``_FAST_END``: its character class lists the letters WORD finds below ``_FAST_END``, so the two engines
    class every character of such a text alike (their own definitions of a letter differ, on combining marks, on
    digits such as "²"). The class is a table lookup, where either engine's \\w tests categories: the split takes
    about 20 ms per MB instead of 40. Built on first use, in about 3 ms."""
    below = "".join(map(chr, range(_FAST_END)))
    letters = "".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in WORD.finditer(below))
    return re.compile(f"([{letters}]+|\n)").split


def line_parts(ctx: Context) -> list[list[str]]:
    """:func:`split_words` of the original document behind ``ctx``, computed once: a word split costs as much as
    the rest of an evidence pass, so the steps that read the original's words share this one."""
    parts = ctx.cache.get("line_parts")
    if parts is None:
        parts = ctx.cache["line_parts"] = split_words(ctx.original)
    return parts


def line_words(ctx: Context) -> list[list[str]]:
    """The words of each line of :func:`line_parts`, cut out once for the evidence pass, :func:`written_words` and
    the proper_nouns step (about 2 ms per MB each time)."""
    words = ctx.cache.get("line_words")
    if words is None:
        words = ctx.cache["line_words"] = list(map(_WORDS, line_parts(ctx)))
    return words


def written_words(ctx: Context) -> frozenset[str]:
    """The distinct words of the original document behind ``ctx`` as written (:func:`line_parts`), gathered once:
    the casing and typo steps each ask which of them are in their lists (about 6 ms per MB a set)."""
    words = ctx.cache.get("written_words")
    if words is None:
        words = ctx.cache["written_words"] = frozenset(chain.from_iterable(line_words(ctx)))
    return words


def collect(text: str) -> CaseEvidence:
    """Gather case evidence from ``text``: one linear pass over its words."""
    lines = split_words(text)
    return _collect(lines, map(_WORDS, lines))


def _collect(lines: list[list[str]], words_of_lines: Iterable[list[str]]) -> CaseEvidence:
    """:func:`collect` of a text split by :func:`split_words`, with the words of each line.

    Most words are lowercase and only counted, in C (``Counter``, ``map``); Python looks only at the words that do
    not start lowercase, the only ones that can be capitalized evidence, and only lists them: they are counted at
    the end."""
    mid: list[str] = []  # the capitalized words written mid-sentence, as spelled
    joined: list[tuple[str, str]] = []  # (capitalized word, mid-sentence capitalized word after it)
    alone: list[str] = []
    runs: list[tuple[str, ...]] = []  # stretches of runs of joined mid-sentence capitalized words
    lowercase: list[str] = []  # the lowercase words
    for parts, words in zip(lines, words_of_lines):  # gap, word, gap, word, ..., gap; word, word, ...
        if not words:
            continue
        # Which words are lowercase is needed anyway to find the others; the lowercase ones are kept for the count
        # then, which spares testing the distinct words again (about 3 ms per MB).
        lowered = list(map(str.islower, words))
        lowercase += compress(words, lowered)
        unlowered = list(compress(count(), map(not_, lowered)))
        titled = [k for k in unlowered if words[k][0].isupper() and not words[k].isupper()]
        if not titled:
            continue
        titled_set = set(titled)
        run: list[str] = []  # the run of joined mid-sentence capitalized words so far
        last = -2
        for k in titled:
            gap = parts[2 * k]
            if k == 0 or gap != " ":  # one space after a word: mid-sentence
                # What stands before the word: a sentence end, the line start (openers only), or the previous word.
                before = gap.rstrip(_OPENERS_TEXT)
                if before[-1:] in _ENDERS if before else k == 0:
                    continue  # a sentence start
                if k == 0 and before[-1] == ")" and _LIST_NUMBER.fullmatch(before):
                    continue  # a list item's first word: "(3) Forewarned is forearmed."
                if gap[-1] in _QUOTE_OPENERS and gap[-2:-1] in _BEFORE_QUOTE and not (
                        k + 1 in titled_set and parts[2 * k + 2] == " "):
                    # A quotation starts: its first word is capitalized as a sentence's ("the “Meth. We’re on it.”
                    # campaign"), unless a capitalized word follows it, as in a quoted title (‘The Medium is...’).
                    continue
            if last < 0 and _headline_words(words, unlowered):
                # A headline-style line gives no evidence. Told only at its first mid-sentence capitalized word
                # (``last`` is still unset there, nothing of the line is counted yet): about half of the lines with a
                # capitalized word have it only where a sentence or a quotation starts, and need no telling (about
                # 2 ms per MB).
                break
            w = words[k]
            mid.append(w)
            # Joined: two titled words with one space between ("Air Force"); a pair only when the first is
            # mid-sentence too, as every other count here: a sentence start's capital says nothing of its word, and
            # would be evidence made by the sentence_case step, raising more on a second run.
            if gap == " " and k - 1 in titled_set:
                if last == k - 1:
                    joined.append((words[k - 1], w))
            elif not (k + 1 in titled_set and parts[2 * k + 2] == " " or gap == " " and _acronym(words[k - 1])):
                alone.append(w)
            if last == k - 1 and gap == " ":
                run.append(w)
            else:
                if len(run) > 1:
                    _stretches(run, parts[2 * last + 2] in _JOINERS, runs)
                # Not the tail of a hyphenated or elided word: "Nano-Satellite Systems" is no "Satellite Systems".
                run = [] if gap in _JOINERS else [w]
            last = k
        if len(run) > 1:
            _stretches(run, parts[2 * last + 2] in _JOINERS, runs)
    capitalized: dict[str, Counter[str]] = {}
    # A Counter made by ``Counter.__new__`` is an empty Counter (its ``__init__`` only counts what it is given),
    # without the two calls in Python its ``__init__`` costs, for each word: about 2.5 ms per MB.
    new = Counter.__new__
    lows: dict[str, str] = {}  # each capitalized spelling -> its lowercase, the key of ``capitalized``
    for w, n in Counter(mid).items():
        forms = capitalized.get(low := w.lower())
        if forms is None:
            forms = capitalized[low] = new(Counter)
        forms[w] = n
        lows[w] = low
    # Every word of a pair, a run or alone is one of ``mid``: its lowercase is looked up, not made again, which spares
    # making a string and freeing it with the document (about 3 ms per MB).
    lower = lows.__getitem__
    pairs = Counter([(lower(a), lower(b)) for a, b in joined])
    phrases = Counter([tuple(map(lower, stretch)) for stretch in runs])
    return CaseEvidence(capitalized, Counter(lowercase), pairs, Counter(map(lower, alone)), phrases)


def _acronym(word: str) -> bool:
    """An all-capitals word of two letters or more ("GE", "NBC"): with a capitalized word after it, a name."""
    return len(word) > 1 and word.isupper()


def _stretches(run: list[str], joined: bool, stretches: list[tuple[str, ...]]) -> None:
    """Every stretch of two to :data:`PHRASE_MAX_WORDS` words of ``run``; its last word not when ``joined`` to the
    next by a hyphen or an apostrophe ("Tyvak Nano-Satellite" is no "Tyvak Nano")."""
    if joined:
        run = run[:-1]
    for i in range(len(run) - 1):
        for j in range(i + 2, min(i + PHRASE_MAX_WORDS, len(run)) + 1):
            stretches.append(tuple(run[i:j]))


def _headline_words(words: list[str], unlowered: list[int]) -> bool:
    """:func:`headline_style` of ``words``, of which only those at ``unlowered`` can start with a capital."""
    try:
        # The words longer than three letters, counted in C: the lengths made bytes, the short ones deleted. About
        # 2 ms per MB less than a list of lengths counted three times (this runs on most lines with a capital).
        long_words = len(bytes(map(len, words)).translate(None, _SHORT_LENGTHS))
    except ValueError:  # a word of more than 255 letters, whose length no byte holds
        long_words = sum(len(w) > 3 for w in words)
    if long_words < _TITLE_MIN_WORDS:
        return all(words[k][0].isupper() for k in unlowered) and len(unlowered) == len(words)
    least = _TITLE_SHARE * long_words
    # Too few words can start with a capital to make the share: most lines of prose, told without looking at them
    # (about 2 ms per MB).
    return len(unlowered) >= least and sum(len(words[k]) > 3 and words[k][0].isupper() for k in unlowered) >= least


def batch_evidence(texts: Iterable[str]) -> CaseEvidence:
    """The case evidence of many documents together, for ``ctx.batch`` (``Pipeline.clean(text, batch=...)``).

    One linear pass over every text; the result holds one entry per distinct word, so its memory grows with the
    vocabulary of the batch, not its length. Each document's own evidence is merged in again when it is cleaned."""
    total = CaseEvidence()
    for text in texts:
        # Read with its lines ended by "\n", as the pipeline reads each document: lines ended by "\r" would make the
        # whole text one line (split_newlines returns a text without "\r" as it is).
        one = collect(split_newlines(text)[1])
        for w, forms in one.capitalized.items():
            total.capitalized.setdefault(w, Counter()).update(forms)
        total.lowercase.update(one.lowercase)
        total.pairs.update(one.pairs)
        total.alone.update(one.alone)
        # No phrases: a phrase is evidence in its own document only (the casing step reads them there), and a
        # batch's would grow with every capitalized run of every article.
    return total


def case_evidence(ctx: Context) -> CaseEvidence:
    """The evidence of the document behind ``ctx`` (computed once, from the original text), merged with the
    batch's evidence about the document's words when the caller supplied a :class:`CaseEvidence` as ``ctx.batch``
    (see :func:`batch_evidence`)."""
    cached = ctx.cache.get("case_evidence")
    if cached is None:
        cached = document_evidence(ctx)
        if isinstance(ctx.batch, CaseEvidence):
            # Only the batch's entries for this document's words: merging the whole batch into every document
            # would cost the batch's vocabulary per document.
            cached = cached.merged(ctx.batch.about({w.lower() for w in WORD.findall(ctx.original)}))
        ctx.cache["case_evidence"] = cached
    return cached


def gathered_case_evidence(ctx: Context) -> CaseEvidence | None:
    """:func:`case_evidence` if a step has already gathered it for this document, else ``None`` (nothing is
    computed): for a step that can make do with less than the whole document's evidence when it is not there yet."""
    return ctx.cache.get("case_evidence")


def document_evidence(ctx: Context) -> CaseEvidence:
    """The evidence of the document behind ``ctx`` alone, without the batch's (computed once, from the original;
    the same object as :func:`case_evidence` when there is no batch)."""
    own = ctx.cache.get("document_evidence")
    if own is None:
        own = ctx.cache["document_evidence"] = _collect(line_parts(ctx), line_words(ctx))
    return own
