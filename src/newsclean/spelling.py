"""English spelling knowledge for the typos step: which words are correct, and what a misspelling could have meant.

The lexicon (``data/typos.json``, built from symspellpy's, pyspellchecker's, codespell's, wordfreq's and Hunspell's
tables by :mod:`newsclean.data.build`) is loaded on first use only, and then only its common words: the rest is
filed by word shape and unpacked a shape at a time (see :class:`Lexicon`). Candidates come from a small error model
of how people mistype: two letters swapped, a letter dropped, an extra letter (a doubled one, a neighbouring key, a
vowel inside the word, or a letter of the word typed again nearby), one wrong letter (a neighbouring key, or a vowel
for a vowel). Slips people rarely make (an extra "c" in "uncited") are not generated, so a rare correct word is not
"corrected" towards a common one through them. Each candidate carries the slip that explains it, so the typos step
can say why it corrected a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from newsclean.data import load

__all__ = ["Lexicon", "Candidate", "lexicon", "shape", "candidates", "common_within_one_edit", "distant_candidates",
           "derived", "regular_plural", "one_slip_away", "KEY_NEIGHBOURS", "COMMON_ZIPF"]

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# Rows of a QWERTY keyboard are staggered: the key below-left of "e" is "s", below-right is "d".
_STAGGER = (0, 0.5, 1.5)


def _key_neighbours() -> dict[str, frozenset[str]]:
    pos = {c: (r, i + _STAGGER[r]) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
    return {
        a: frozenset(b for b, (rb, xb) in pos.items() if b != a and abs(rb - ra) <= 1 and abs(xb - xa) <= 1)
        for a, (ra, xa) in pos.items()
    }


#: Letter -> the letters on the keys around it (QWERTY): what "one wrong key" means.
KEY_NEIGHBOURS = _key_neighbours()
_VOWELS = frozenset("aeiou")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: How likely each kind of slip is, relative to a swap of two neighbouring letters (a crude channel model: it only
#: has to rank candidates that are all one slip away, and refuse slips people rarely make).
WEIGHTS = {
    "swap": 1.0,
    "doubled": 1.0,  # "untill": a letter typed twice
    "undoubled": 1.0,  # "ocurred": a double letter typed once
    "dropped": 0.5,
    "extra_key": 0.5,  # an extra letter next to the one meant, on the keyboard
    "extra_vowel": 0.3,  # "arguement": a vowel that is heard, or thought to be there
    "extra_echo": 0.3,  # "witht": a letter of the word typed again nearby
    "wrong_key": 0.7,
    "wrong_vowel": 0.7,
    "two_edits": 1.0,  # off the model ("statmenmt", "gereration"): judged by frequency alone, and more strictly
}


#: The lexicon's common words (:attr:`Lexicon.common`, loaded at once) are at least this frequent (Zipf).
COMMON_ZIPF = 3.0

#: Frequencies above this count as this much when candidates are compared (Zipf 6: once per thousand words).
ZIPF_CAP = 6.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A correct word one slip away from a token: ``word``, its Zipf frequency and the slip."""

    word: str
    zipf: float
    slip: str
    """Kind of slip, a key of :data:`WEIGHTS`."""
    detail: str
    """The slip in words: "'ld' typed 'dl'", "extra 'e'"."""

    @property
    def score(self) -> float:
        # Above the cap are "the", "and", "of"...: how often they are written says little about how often they are
        # the word meant by a misspelling that is not one of theirs ("thne" is "then" more often than "the").
        return 10 ** min(self.zipf, ZIPF_CAP) * WEIGHTS[self.slip]


class Lexicon:
    """Lowercase English words with their Zipf frequency (the only corrections), names, rarer wordfreq entries,
    foreign words, known misspellings.

    Loading it costs one JSON parse and one dictionary of the common words (Zipf 3 and more, most of any text's
    words); everything else is filed by :func:`shape` and turned into sets and dictionaries one shape at a time, the
    first time a word of that shape is looked up. A document's few unknown words touch a few dozen of the ~500
    shapes.
    """

    __slots__ = ("common", "common_forms", "words", "seen", "misspellings", "source", "_packed", "_shapes")

    def __init__(self, data: dict) -> None:
        self.common: dict[str, float] = _by_frequency(data["common"])
        """Correct words of Zipf frequency 3 and more, with it."""
        self.common_forms = frozenset([*self.common, *map(str.capitalize, self.common)])
        """The common words, lowercase and capitalized ("the", "The"): most of a text's runs of letters are set apart
        from them in one set difference."""
        self._packed: dict[str, dict] = data["shapes"]
        self._shapes: dict[str, _Shape] = {}
        self.words = _Table(self, "words", self.common)
        """Every correct English word (those corrections may be made to), with its Zipf frequency."""
        self.seen = _Table(self, "seen")
        """Other words wordfreq has, typos and rare words alike, with their Zipf frequency."""
        self.misspellings = _Table(self, "misspellings")
        """codespell's common misspellings, with their correction."""
        self.source: str = data["source"]

    def shape(self, word: str) -> _Shape:
        """The entries of ``word``'s shape."""
        key = f"{word[:1]}{len(word)}"  # shape(word), inline: this is called for every string a typo could be
        found = self._shapes.get(key)
        return found if found is not None else self._unpacked(key)

    def _unpacked(self, key: str) -> _Shape:
        found = self._shapes.get(key)
        if found is None:
            found = self._shapes[key] = _Shape(self._packed.get(key, {}))
        return found

    def is_known(self, word: str) -> bool:
        """True for a correct English word or name, or a frequent word of a language English news quotes."""
        if word in self.common:
            return True
        return word.isalpha() and f" {word} " in self.shape(word).known  # no space in word: one whole entry

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` in wordfreq's English table as packaged (0 when too rare to be packaged)."""
        return self.words.get(word) or self.seen.get(word, 0.0)


def shape(word: str) -> str:
    """The key the lexicon files ``word`` under: its first letter and its length (``"a5"`` for "about")."""
    return f"{word[:1]}{len(word)}"


class _Shape:
    """The lexicon's entries for words of one shape, each part unpacked when first used: most of the words a
    document does not know are names, which only need :attr:`known`."""

    def __init__(self, packed: dict) -> None:
        self._packed = packed

    @cached_property
    def known(self) -> str:
        """Every correct word, name and foreign word of this shape, each with a space on either side: a word is
        looked up with one substring search, and the ten thousand names and foreign words never become objects."""
        packed = self._packed
        return f" {' '.join(packed.get('words', {}).values())} {packed.get('names', '')} {packed.get('foreign', '')} "

    @cached_property
    def words(self) -> dict[str, float]:
        return _by_frequency(self._packed.get("words", {}))

    @cached_property
    def seen(self) -> dict[str, float]:
        return _by_frequency(self._packed.get("seen", {}))

    @cached_property
    def misspellings(self) -> dict[str, str]:
        pairs = iter(self._packed.get("misspellings", "").split())
        return dict(zip(pairs, pairs))


class _Table:
    """One of the lexicon's word tables (``words``, ``seen``, ``misspellings``) read like a dictionary, a shape at
    a time (iterating it unpacks every shape)."""

    __slots__ = ("_lexicon", "_part", "_common")

    def __init__(self, lexicon: Lexicon, part: str, common: dict | None = None) -> None:
        self._lexicon, self._part, self._common = lexicon, part, common or {}

    def get(self, word: str, default=None):
        found = self._common.get(word)
        if found is None:
            found = getattr(self._lexicon.shape(word), self._part).get(word, default)
        return found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __iter__(self):
        yield from self._common
        for key in self._lexicon._packed:
            yield from getattr(self._lexicon._unpacked(key), self._part)


def _by_frequency(buckets: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for zipf10, words in buckets.items():
        out.update(dict.fromkeys(words.split(), int(zipf10) / 10))
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process on first use."""
    return Lexicon(load("typos"))


def one_slip_away(token: str):
    """Every ``(word, slip, detail)`` one slip away from ``token`` under the error model."""
    n = len(token)
    for i in range(n - 1):
        a, b = token[i], token[i + 1]
        if a != b:
            yield token[:i] + b + a + token[i + 2 :], "swap", f"'{b}{a}' typed '{a}{b}'"
    for i in range(n):
        c = token[i]
        rest = token[:i] + token[i + 1 :]
        before, after = token[i - 1] if i else "", token[i + 1] if i + 1 < n else ""
        if c in (before, after):
            yield rest, "doubled", f"'{c}' doubled"
        elif c in KEY_NEIGHBOURS.get(before, ()) or c in KEY_NEIGHBOURS.get(after, ()):
            yield rest, "extra_key", f"extra '{c}'"
        elif c in _VOWELS and i:
            yield rest, "extra_vowel", f"extra '{c}'"
        elif c in token[max(0, i - 3) : max(0, i - 1)] or c in token[i + 2 : i + 4]:
            yield rest, "extra_echo", f"extra '{c}'"
        for r in KEY_NEIGHBOURS.get(c, ()):
            yield token[:i] + r + token[i + 1 :], "wrong_key", f"'{c}' typed for '{r}'"
        if c in _VOWELS:
            for r in _VOWELS - {c} - KEY_NEIGHBOURS[c]:
                yield token[:i] + r + token[i + 1 :], "wrong_vowel", f"'{c}' typed for '{r}'"
    for i in range(n + 1):
        before, after = token[i - 1] if i else "", token[i] if i < n else ""
        for c in _LETTERS:
            slip = "undoubled" if c in (before, after) else "dropped"
            yield token[:i] + c + token[i:], slip, f"'{c}' dropped"


def candidates(token: str) -> list[Candidate]:
    """Correct words one slip from lowercase ``token``, likeliest first.

    A word reachable by several slips keeps its likeliest one.
    """
    return list(_candidates(token))


@lru_cache(maxsize=4096)
def _candidates(token: str) -> tuple[Candidate, ...]:
    # A misspelling recurs within a document and across a batch: its candidates are worked out once.
    lex = lexicon()
    common = lex.common
    best: dict[str, Candidate] = {}
    for word, slip, detail in one_slip_away(token):
        zipf = common.get(word)
        if zipf is None:
            zipf = lex.shape(word).words.get(word)
        if zipf is None or word == token:
            continue
        cand = Candidate(word, zipf, slip, detail)
        if word not in best or cand.score > best[word].score:
            best[word] = cand
    return tuple(sorted(best.values(), key=lambda c: (-c.score, c.word)))


def common_within_one_edit(token: str) -> bool:
    """True when a common word (Zipf >= :data:`COMMON_ZIPF`) is one edit from ``token``: a letter deleted, inserted
    or replaced, or two neighbouring letters swapped.

    Every slip of the error model is such an edit, so without one no candidate of :func:`candidates` is common:
    a cheap test (one set of strings, looked up in C) that spares most unknown words the full search."""
    splits = [(token[:i], token[i:]) for i in range(len(token) + 1)]
    edits = {a + c + b for a, b in splits for c in _LETTERS}
    edits.update([a + c + b[1:] for a, b in splits if b for c in _LETTERS])
    edits.update([a + b[1:] for a, b in splits if b])
    edits.update([a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1])
    edits.discard(token)
    return not lexicon().common.keys().isdisjoint(edits)


#: Words looked for further away than one slip are common ones: at least this frequent (Zipf).
DISTANT_ZIPF = 3.5


@lru_cache(maxsize=None)
def _deletion_index(first: str, length: int) -> dict[str, tuple[str, ...]]:
    """The common words of one shape by each of their one-deletion variants (and themselves), worked out once per
    shape used. A word with a doubled letter is listed twice under the variant without it."""
    index: dict[str, list[str]] = {}
    for word in _common_by_shape().get((first, length), ()):
        index.setdefault(word, []).append(word)
        for i in range(length):
            index.setdefault(word[:i] + word[i + 1 :], []).append(word)
    # Kept as tuples: the garbage collector stops tracking a tuple of strings, and the dict of them, where every
    # list stays tracked and is traversed by each full collection for as long as the process runs.
    return {variant: tuple(words) for variant, words in index.items()}


@lru_cache(maxsize=1)
def _common_by_shape() -> dict[tuple[str, int], list[str]]:
    """Common words grouped by first letter and length: the only places a farther candidate can be."""
    shapes: dict[tuple[str, int], list[str]] = {}
    for word, zipf in lexicon().common.items():
        if zipf >= DISTANT_ZIPF:
            shapes.setdefault((word[0], len(word)), []).append(word)
    return shapes


def _with_one_deleted(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def distant_candidates(token: str) -> list[Candidate]:
    """Common words with the same first letter within one deletion on each side of ``token``, likeliest first.

    That covers any one wrong letter, a moved letter, and a dropped letter together with an extra one ("statmenmt"
    for "statement"): misspellings a slip model does not explain. People rarely get the first letter wrong, and
    keeping it makes the search a few dictionary lookups (symmetric deletion, as in SymSpell).
    """
    mine = _with_one_deleted(token)
    common = lexicon().common
    indexes = [_deletion_index(token[0], n) for n in (len(token) - 1, len(token), len(token) + 1)]
    found = {w for index in indexes for variant in mine for w in index.get(variant, ()) if w != token}
    return sorted((Candidate(w, common[w], "two_edits", "within two edits") for w in found),
                  key=lambda c: (-c.score, c.word))


_PREFIXES = ("un", "re", "non", "pre", "over", "under", "anti", "co", "de", "dis", "mis", "out", "sub", "super",
             "inter", "multi", "post", "semi", "counter", "mid", "self", "cross", "micro", "mega", "ultra")
_SUFFIXES = ("s", "es", "ed", "er", "ers", "ing", "ly", "ness", "ist", "ists", "ism", "ment", "ments", "able", "less",
             "ful", "ish", "ize", "ise", "ized", "ised", "ization", "isation")


#: Endings of nouns whose plural only adds "s" ("stuffer", "inspector", "lobbyist", "endorsement"): the lists often
#: carry such a noun but not its plural. Nouns ending otherwise may change before the "s" ("county", "life"), and a
#: misspelling may end so ("countys", "lifes").
_REGULAR_NOUN_ENDINGS = ("er", "or", "ist", "ment", "tion", "sion", "ism", "ant", "ent")


def regular_plural(word: str) -> bool:
    """True when ``word`` is an English word of a regular noun ending plus "s" ("stuffers"): a plural the lists
    lack. Not for a foreign word the lexicon knows ("aktion"): its plural is its language's."""
    base = word[:-1]
    return word.endswith("s") and base.endswith(_REGULAR_NOUN_ENDINGS) and base in lexicon().words


def derived(word: str) -> bool:
    """True when ``word`` is a known word with a common prefix or suffix ("uncited", "stuffers"): a coinage or a rare
    derivation that the lists lack, not a misspelling."""
    words = lexicon().words
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3 and word[len(p) :] in words:
            return True
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3 and word[: -len(s)] in words:
            return True
    return False
