"""Misspelled ordinary words: common human misspellings, and random single slips of the fingers.

* ``common``: a word of the body that codespell knows a misspelling of is replaced by it ("receive" -> "recieve").
  The misspellings are drawn only from codespell's *held-out* entries (see ``held_out`` in newsclean.data.build),
  which :func:`before_run` hides from the corrector's list for the run (the packaged data holds them all): this
  measures how the corrector does on misspellings it was not told about, not how well it remembers a list.
* ``random``: a slip in an ordinary word: two neighbouring letters swapped, a letter dropped, an extra letter (a
  neighbouring key of the letter beside it, or a doubled one), one letter replaced by a neighbouring key.

Only lowercase words of at least four letters that newsclean's lexicon calls correct are damaged (never names or
capitalized words), and only into something that is no word at all: a slip that makes another real word ("form" ->
"from") needs a grammar checker, not a speller, and is out of scope for every method here. Peers correct every word
their own dictionary does not know (symspellpy: lookup with maximum edit distance 2, top suggestion; pyspellchecker:
``correction``), keeping the word's capitalization.
"""

from __future__ import annotations

import random
from functools import lru_cache

import regex

from corruption import Doc

NORMALIZERS = ("typos",)
#: Share of eligible words damaged in each document: sparse, as real typos are, so the context stays readable.
SHARE = 0.04
_LOWER = regex.compile(r"[a-z]{4,}")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _eligible(doc: Doc, i: int) -> bool:
    from newsclean.spelling import lexicon

    t = doc.tokens[i]
    # Not part of a code, a contraction or a compound: "covid-19", "don't", "e.g".
    glued = any(0 < j < len(doc.tokens) and not doc.seps[j] and doc.tokens[j] in "'’-./@#_" for j in (i, i + 1))
    return bool(_LOWER.fullmatch(t)) and not glued and t in lexicon().words


def before_run() -> None:
    """Hide the held-out misspellings from the corrector's list for this process: the data newsclean loaded (cached)
    loses them before its lexicon is built from it, which must not have happened yet."""
    from newsclean.data import load
    from newsclean.spelling import lexicon

    if lexicon.cache_info().currsize:
        raise RuntimeError("the typos family hides its misspellings before newsclean loads its lexicon, not after")
    for parts in load("typos")["shapes"].values():
        if "misspellings" in parts:
            parts["misspellings"] = without_held_out(parts["misspellings"])


def without_held_out(packed: str) -> str:
    """A shape's packed misspellings ("wrong right wrong right ...") less the held-out ones."""
    from newsclean.data.build import held_out

    words = packed.split()
    return " ".join(f"{wrong} {right}" for wrong, right in zip(words[::2], words[1::2]) if not held_out(wrong))


@lru_cache(maxsize=1)
def _held_out_misspellings() -> dict[str, list[str]]:
    from newsclean.data.build import codespell_entries, held_out
    from newsclean.spelling import lexicon

    lex = lexicon()
    by_word: dict[str, list[str]] = {}
    for wrong, rights in codespell_entries().items():
        if len(rights) == 1 and held_out(wrong) and _LOWER.fullmatch(wrong) and not lex.is_known(wrong):
            by_word.setdefault(rights[0], []).append(wrong)
    return by_word


def _distance_tag(a: str, b: str) -> str:
    from newsclean.spelling import one_slip_away

    return "one slip" if any(w == a for w, _, _ in one_slip_away(b)) else "more than one slip"


def common(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
    table = _held_out_misspellings()
    damage: dict[int, set[str]] = {}
    for i, t in enumerate(doc.tokens):
        if t in table and _eligible(doc, i) and rng.random() < SHARE * 5:
            wrong = rng.choice(sorted(table[t]))
            doc.tokens[i] = wrong
            damage[i] = {_distance_tag(wrong, t)}
    return damage


def _slip(word: str, rng: random.Random) -> tuple[str, str]:
    from newsclean.spelling import KEY_NEIGHBOURS

    kind = rng.choice(("swap", "drop", "extra", "wrong_key"))
    i = rng.randrange(len(word))
    if kind == "swap":
        i = min(i, len(word) - 2)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :], kind
    if kind == "drop":
        return word[:i] + word[i + 1 :], kind
    if kind == "extra":
        near = sorted(KEY_NEIGHBOURS[word[i]]) + [word[i]]
        return word[:i] + rng.choice(near) + word[i:], kind
    return word[:i] + rng.choice(sorted(KEY_NEIGHBOURS[word[i]])) + word[i + 1 :], kind


def slips(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
    from newsclean.spelling import lexicon

    lex = lexicon()
    damage: dict[int, set[str]] = {}
    for i, t in enumerate(doc.tokens):
        if _eligible(doc, i) and rng.random() < SHARE:
            wrong, kind = _slip(t, rng)
            if wrong != t and not lex.is_known(wrong) and wrong not in lex.seen:
                doc.tokens[i] = wrong
                damage[i] = {kind}
    return damage


def concerns(before: tuple[str, bool], after: tuple[str, bool]) -> bool:
    """A change of letters, not of their case or of the space before ("woudl" -> "would")."""
    return before[0].lower() != after[0].lower()

KINDS = {"common": common, "random": slips}

_WORD = regex.compile(r"[^\W\d_]+")


def _per_word(correct):
    # The same unknown words (names, mostly) come back in every document and every kind: ask each peer once.
    correct = lru_cache(maxsize=None)(correct)

    def fix(text: str) -> str:
        def one(m: regex.Match) -> str:
            w = m.group()
            c = correct(w.lower())
            if not c or c == w.lower():
                return w
            return c.capitalize() if w[0].isupper() else c

        return _WORD.sub(one, text)

    return fix


def _symspellpy():
    from importlib.resources import files

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)

    def correct(w: str) -> str | None:
        if w in sym.words:
            return None
        found = sym.lookup(w, Verbosity.TOP, max_edit_distance=2)
        return found[0].term if found else None

    return _per_word(correct)


def _pyspellchecker():
    from spellchecker import SpellChecker

    spell = SpellChecker(distance=2)

    def correct(w: str) -> str | None:
        return spell.correction(w) if not spell.known([w]) else None

    return _per_word(correct)


PEERS = {"symspellpy": _symspellpy, "pyspellchecker": _pyspellchecker}
