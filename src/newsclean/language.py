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

__all__ = ["detect", "is_english"]

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
#: Every ASCII byte, deleted from a text's UTF-8 to leave only its non-ASCII characters.
_ASCII_BYTES = bytes(range(128))
#: Letters outside the Latin script (set difference, regex V1 syntax); a text mostly made of them is not English.
_NON_LATIN = regex.compile(r"[\p{L}--\p{Latin}]", regex.V1)
#: A one-letter word before a full stop: an initial, or a letter of an abbreviation ("U.S.").
_INITIAL = re.compile(r"\b[^\W\d_]\.")
#: Below this many words there is too little evidence to call a Latin-script text anything but English.
_MIN_WORDS = 8
#: Only the start of a long document is read: a language does not change halfway through an article. A short
#: start decides English; a verdict of another language, which switches the English-only steps off, is confirmed on
#: a longer one, since a page's start can be menus and names with a few chance hits in another language.
_SAMPLE_CHARS = 2_000
_CONFIRM_CHARS = 5_000
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
    """Return ``"en"``, another wordfreq language code, or ``"other"`` for text mostly outside the Latin script.

    Short Latin-script text without clear evidence counts as English.

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
        found = _verdict(_INITIAL.sub(" ", sample))
    return found


def _verdict(sample: str) -> str:
    # The non-ASCII characters of the sample (bytes in C): most often a few quotes and dashes, which hold no letter.
    encoded = sample.encode("utf-8", "surrogatepass")
    beyond = encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if _WORD_CHAR.search(beyond):
        words = _WORD.findall(sample)
        if not words:
            return "en"
        # Only a letter beyond ASCII can be outside the Latin script.
        if len(_NON_LATIN.findall(beyond)) > 0.5 * sum(map(len, words)):
            return "other"
        words = list(map(str.lower, words))
    else:
        # Only ASCII letters make words: lowering the text lowers each word, at once.
        words = encoded.translate(_LOWER_LETTERS).decode("ascii").split()
        if not words:
            return "en"
    if len(words) < _MIN_WORDS:
        return "en"
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


def is_english(text: str) -> bool:
    """True when :func:`detect` calls the text English."""
    return detect(text) == "en"
