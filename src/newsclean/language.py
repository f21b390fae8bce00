"""Cheap language identification, so English-only normalizers leave other languages alone.

Counts the words of the text that are among each language's most frequent words (from wordfreq, see
:mod:`newsclean.data`), weighting words that several languages share less. Linear in the text and free of models;
it only needs to tell English news from other news, not to name every language exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import re

import regex

from newsclean.data import load
from newsclean.spelling import lexicon

__all__ = ["detect", "is_english", "line_is_english"]

#: The stdlib engine: a third faster than ``regex`` at splitting words. Its letters lack the combining marks that
#: ``regex`` counts as word characters, which only splits words at a mark (rare after NFC) and never costs a
#: function word.
_WORD = re.compile(r"[^\W\d_]+")
#: Each byte of UTF-8 text that is an ASCII letter in lower case, every other byte a space. Where the text holds no
#: word character beyond ASCII (most English news: its only non-ASCII characters are quotes and dashes), its words
#: (as ``_WORD`` finds them), lowered, are then split in C, four times as fast.
_LOWER_LETTERS = bytes(c | 0x20 if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
#: Any word character (a letter, a digit of any kind, "_"): ``_WORD``'s letters are among them.
_WORD_CHAR = re.compile(r"\w")
#: Any character that is no letter of ``_WORD``'s (the complement of its class, character by character).
_NON_LETTER = re.compile(r"[\W\d_]")
#: ``_LOWER_LETTERS`` for text with letters beyond ASCII: the bytes beyond ASCII (the UTF-8 of those characters) are
#: kept as they are.
_LOWER_ASCII_LETTERS = _LOWER_LETTERS[:128] + bytes(range(128, 256))
#: Beyond this many distinct non-letters beyond ASCII in a sample, ``_WORD`` splits it (see :func:`_spaced_words`).
_FEW_NON_LETTERS = 32
#: Every ASCII byte, deleted from a text's UTF-8 to leave only its non-ASCII characters.
_ASCII_BYTES = bytes(range(128))
#: Letters outside the Latin script (set difference, regex V1 syntax); a text mostly made of them is not English.
_NON_LATIN = regex.compile(r"[\p{L}--\p{Latin}]", regex.V1)
#: The full stop after a one-letter word: an initial, or a letter of an abbreviation ("U.S."). Written from the full
#: stop, which the engine runs to as a string search, looking behind only there: the same matches (less their letter)
#: as ``\b[^\W\d_]\.``, which tests every character's Unicode category, thirty times as fast.
_INITIAL = re.compile(r"\.(?<=\b[^\W\d_]\.)")
#: Below this many words a Latin-script text's function words are too few to score: it is told by its frequent words
#: alone (see :func:`_short_verdict`) ...
_MIN_WORDS = 8
#: ... and below this many, an English verdict is checked by them: a short quotation has few function words, and
#: one shared with English ("will" in "Ich will Frauen nicht verstehen") can tip it.
_SHORT_WORDS = 30
#: The least share of a short text's words that another language's frequent words must make.
_SHORT_FOREIGN_SHARE = 0.2
#: ... or, with the lowercase words that are no English words, the least share they must make together.
_SHORT_STRANGE_SHARE = 0.5
#: Only the start of a long document is read: a language does not change halfway through an article. A short
#: start decides English; a verdict of another language, which switches the English-only steps off, is confirmed on
#: a longer one, since a page's start can be menus and names with a few chance hits in another language.
_SAMPLE_CHARS = 2_000
_CONFIRM_CHARS = 5_000
#: A paragraph too short to tell is told by this many characters of the text on each side of it.
_PASSAGE_CHARS = 500
#: Another language must outscore English by this factor: names and loanwords give every language a few hits.
_MARGIN = 1.5


@dataclass(frozen=True)
class _Table:
    langs: list[str]
    """Languages, most widely used first (a tie goes to the earlier)."""
    weights: dict[str, list[tuple[int, float]]]
    """Each known word -> the languages it belongs to, with its weight in each."""
    known: frozenset[str]
    """The known words alone, to tell them in a text: a set's table is smaller than a dictionary's, and a text's few
    hundred lookups stay in the CPU's caches better (about 2 ms per MB less inside the pipeline)."""
    lead: dict[str, float]
    """Each known word -> its weight in English less its greatest weight in another language over ``_MARGIN``:
    what it adds, at the least, to English's lead (see :func:`_verdict`)."""


@lru_cache(maxsize=1)
def _table() -> _Table:
    pairs: list[list] = load("function_words")["languages"]
    owners: dict[str, int] = {}
    for _, words in pairs:
        for w in set(words):
            owners[w] = owners.get(w, 0) + 1
    weights: dict[str, list[tuple[int, float]]] = {}
    # Each (language, weight) pair is one object, shared by every word that has it: the few hundred a document reads
    # are then a few dozen, which stay in the CPU's caches between documents.
    shared: dict[tuple[int, float], tuple[int, float]] = {}
    for i, (_, words) in enumerate(pairs):
        for w in set(words):
            pair = (i, 1.0 / owners[w])
            weights.setdefault(w, []).append(shared.setdefault(pair, pair))
    langs = [lang for lang, _ in pairs]
    en = langs.index("en")
    lead = {w: sum(weight for i, weight in owned if i == en)
            - max((weight for i, weight in owned if i != en), default=0.0) / _MARGIN for w, owned in weights.items()}
    return _Table(langs, weights, frozenset(weights), lead)


def detect(text: str) -> str:
    """Return ``"en"``, another wordfreq language code, or ``"other"`` for text mostly outside the Latin script (or a
    short text that is no English, in a language none of whose frequent words it holds).

    Short Latin-script text counts as English unless another language's frequent words, or those and words that are
    no English words, outweigh English's (see :func:`_short_verdict`).

    >>> detect("The rebels said they had reached the gates of the capital on Saturday.")
    'en'
    >>> detect("Die Rebellen sagten, sie hätten die Tore der Hauptstadt am Samstag erreicht.")
    'de'
    """
    found = _detect(text[:_SAMPLE_CHARS])
    if found == "en" or len(text) <= _SAMPLE_CHARS:
        return found
    return _detect(text[:_CONFIRM_CHARS])


def _detect(sample: str) -> str:
    found = _verdict(sample)
    if found not in ("en", "other") and _INITIAL.search(sample):
        # A letter before a full stop is an initial or a letter of an abbreviation ("U.S.", "J. K. Rowling"), no
        # word: counted as words, "U.S." twice gave Czech ("u", "s") to a short English headline. Looked for only
        # when another language wins, which is rare: the search would cost English texts half the check again.
        found = _verdict(_without_initials(sample))
    return found


def _without_initials(sample: str) -> str:
    """``sample`` with each one-letter word before a full stop and the full stop made one space."""
    pieces, last = [], 0
    for m in _INITIAL.finditer(sample):
        pieces.append(sample[last : m.start() - 1])
        last = m.end()
    pieces.append(sample[last:])
    return " ".join(pieces)


def _verdict(sample: str) -> str:
    # The non-ASCII characters of the sample (bytes in C): most often a few quotes and dashes, which hold no letter.
    encoded = sample.encode("utf-8", "surrogatepass")
    beyond = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if _WORD_CHAR.search(beyond):
        spaced = _spaced_words(sample, encoded, beyond)
        letters = len(spaced) - spaced.count(" ")
        if not letters:
            return "en"
        # Only a letter beyond ASCII can be outside the Latin script.
        if len(_NON_LATIN.findall(beyond)) > 0.5 * letters:
            return "other"
        # Lowered as a whole, the words are lowered as one by one: a space is neither cased nor case-ignorable, so
        # a letter whose lowercase depends on its neighbours (a final sigma) sees a word's end at a space as at the
        # end of a string.
        words = spaced.lower().split()
    else:
        # Only ASCII letters make words: lowering the text lowers each word, at once.
        words = encoded.translate(_LOWER_LETTERS).decode("ascii").split()
        if not words:
            return "en"
    verdict = _scored(words) if len(words) >= _MIN_WORDS else "en"
    if verdict == "en" and len(words) < _SHORT_WORDS:
        return _short_verdict(sample)
    return verdict


def _scored(words: list[str]) -> str:
    """The language whose function words score highest among ``words`` (lowercase), by ``_MARGIN`` over English."""
    table = _table()
    # Only the known words are counted (in C).
    known = list(filter(table.known.__contains__, words))
    # Most texts are English, and for them the verdict is sure before any language is scored: no other can score
    # more than the sum of each word's greatest weight outside English, so when English's score is over that sum
    # less the margin, English wins. One sum in C instead of a score per language in Python. The slack covers the
    # sum's rounding, a few units in the last place of each term.
    if sum(map(table.lead.__getitem__, known)) > 1e-9 * len(known):
        return "en"
    scores = [0.0] * len(table.langs)
    # Counted once per distinct word: a text repeats its function words, and a lookup per occurrence is the cost.
    for w, n in Counter(known).items():
        for i, weight in table.weights[w]:
            scores[i] += weight * n
    en = scores[table.langs.index("en")]
    best = max(range(len(table.langs)), key=scores.__getitem__)  # ties go to the earlier, more widely used language
    if table.langs[best] == "en" or scores[best] < 0.02 * len(words) or scores[best] <= _MARGIN * en:
        return "en"
    return table.langs[best]


@dataclass(frozen=True)
class _Frequent:
    langs: list[str]
    weights: dict[str, list[tuple[int, float]]]
    """Each frequent word of a language other than English that is no frequent English word -> the languages it is
    frequent in, each with its weight (shared by ``n`` languages: ``1/n``)."""
    english: frozenset[str]
    """English's frequent words."""


@lru_cache(maxsize=1)
def _frequent() -> _Frequent:
    data = load("frequent_words")
    langs = [lang for lang, _ in data["languages"]]
    common = frozenset(data["english_common"])
    owners: dict[str, list[int]] = {}
    for i, (lang, words) in enumerate(data["languages"]):
        if lang != "en":
            for w in set(words) - common:
                owners.setdefault(w, []).append(i)
    weights = {w: [(i, 1.0 / len(found)) for i in found] for w, found in owners.items()}
    return _Frequent(langs, weights, frozenset(dict(data["languages"])["en"]))


def _short_verdict(sample: str) -> str:
    """The language of a text too short for its function words to tell (a headline, a caption, a one-line
    quotation), by each language's most frequent words: English, unless the words frequent in another language
    outnumber English's by ``_MARGIN`` and make ``_SHORT_FOREIGN_SHARE`` of all ("Kaffee nicht gefunden.", "Año nuevo,
    vida nueva."; not a list of foods with one such word, "4 oz. cooked chicken"), then the language they weigh most
    in. Another language's words count only written lowercase (or as the first word), being as often part
    of a name in English text when capitalized ("El Pais", "Le Monde"), and only when English does not use them as
    much ("am", "die", "la").

    A proverb has few of any language's most frequent words ("A buen hambre, no hay pan duro."): with the lowercase
    words that are no English words at all, they must make ``_SHORT_STRANGE_SHARE`` of the words, and outnumber
    English's by ``_MARGIN``; a common English misspelling ("thier") is not among them. It needs one sure sign of
    another language: a frequent word of it that is no English word ("homes" is Catalan too) nor a misspelling ("teh"
    is Indonesian), or a lowercase word with a letter beyond ASCII ("Is fearr stuaim ná neart."); "other" when no
    language's frequent word is there to name it. A short English text with typos has no such sign ("in thier homes",
    "the rebels woudl attack homs")."""
    table = _frequent()
    scores = dict.fromkeys(range(len(table.langs)), 0.0)
    english = 0
    foreign: list[str] = []  # the words frequent in another language
    others: list[str] = []  # the lowercase words frequent in no language
    words = _WORD.findall(sample)
    for k, word in enumerate(words):
        lowered = word.lower()
        if lowered in table.english:
            english += 1
        elif word == lowered or not k:
            owned = table.weights.get(lowered, ())
            if owned:
                foreign.append(lowered)
                for i, weight in owned:
                    scores[i] += weight
            elif word == lowered:
                others.append(lowered)
    def outweigh(n: int, share: float) -> bool:
        """Whether ``n`` of the words make ``share`` of them and outnumber English's by ``_MARGIN``."""
        return n >= share * len(words) and n > _MARGIN * english

    if not outweigh(len(foreign), _SHORT_FOREIGN_SHARE):
        # The words that are no English words are looked up only when they could tip the verdict, and a sure sign
        # is there: most short English texts have neither, and pay no lookup in the lexicon.
        if not outweigh(len(foreign) + len(others), _SHORT_STRANGE_SHARE) or not (
                any(not w.isascii() for w in others) or any(not _english_word(w) for w in foreign)):
            return "en"
        strange = sum(not w.isascii() or len(w) > 2 and not _english_word(w) for w in others)
        if not outweigh(len(foreign) + strange, _SHORT_STRANGE_SHARE):
            return "en"
    best = max(scores, key=scores.__getitem__)  # ties go to the earlier, more widely used language
    return table.langs[best] if scores[best] else "other"


def _english_word(word: str) -> bool:
    """True for a correct English word or a common misspelling of one ("thier"): no sign of another language."""
    lex = lexicon()
    return word in lex.words or word in lex.misspellings


def _spaced_words(sample: str, encoded: bytes, beyond: str) -> str:
    """The words of ``sample`` as ``_WORD`` finds them, set apart by spaces and by nothing else (ASCII letters may be
    lowered already).

    ``encoded`` is the sample's UTF-8, ``beyond`` its characters beyond ASCII, some of them letters. When those hold
    few distinct non-letters (quotes, dashes: most often a handful), the words are set apart in C, as for ASCII text:
    each such non-letter becomes a space in the UTF-8 (one character's bytes never match across others', UTF-8 being
    self-synchronizing), every ASCII non-letter too, and what is left are the words. Twice as fast as ``_WORD``, which
    tests the Unicode category of every character, on every text with a letter beyond ASCII: an accented name in
    English news, and most text in other languages."""
    non_letters = set(_NON_LETTER.findall(beyond))
    if len(non_letters) > _FEW_NON_LETTERS:
        return " ".join(_WORD.findall(sample))
    for c in non_letters:
        encoded = encoded.replace(c.encode("utf-8", "surrogatepass"), b" ")
    return encoded.translate(_LOWER_ASCII_LETTERS).decode("utf-8", "surrogatepass")


def is_english(text: str) -> bool:
    """True when :func:`detect` calls the text English."""
    return detect(text) == "en"


def line_is_english(text: str, offset: int) -> bool:
    """True when :func:`detect` calls the line of ``text`` holding ``offset`` English, and its paragraph too: an
    English-only step asks it before an edit, since a document called English by its start may quote a paragraph in
    another language, whose lines one by one have too few common words to tell ("Tulisan tidak terkirim - cek
    Alamat surel Anda!" is English by default). A paragraph too short to tell ("Por sua causa, Carlos.") is told by
    the text on either side of it, which must not be in another language: an English-only step leaves a short
    paragraph where an English text and another meet."""
    # Every search is bounded: a step asks once per edit, and a search back to the start of a text without line
    # breaks each time would make the work grow with the square of its length. A line or paragraph longer than the
    # bound is told by the text around the edit.
    near = max(0, offset - _CONFIRM_CHARS)
    line_start = text.rfind("\n", near, offset) + 1 or near
    line_end = text.find("\n", offset, offset + _CONFIRM_CHARS)
    if line_end < 0:
        line_end = min(len(text), offset + _CONFIRM_CHARS)
    near = max(0, line_start - _CONFIRM_CHARS)
    start = text.rfind("\n\n", near, line_start)
    start = near if start < 0 else start + 2
    end = text.find("\n\n", offset, offset + _CONFIRM_CHARS)
    if end < 0:
        end = min(len(text), offset + _CONFIRM_CHARS)
    paragraph = text[start : min(end, start + _CONFIRM_CHARS)]
    if len(paragraph.split()) >= _MIN_WORDS:
        line = text[line_start : min(line_end, line_start + _CONFIRM_CHARS)]
        if (line_start, line_end) != (start, end) and len(line.split()) >= _MIN_WORDS and detect(line) != "en":
            return False
        return detect(paragraph) == "en"
    return detect(text[max(0, start - _PASSAGE_CHARS) : start]) == "en" == detect(text[end : end + _PASSAGE_CHARS])
