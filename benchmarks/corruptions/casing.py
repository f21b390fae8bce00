"""Lost capitals: proper nouns lowercased mid-sentence, every occurrence of one place name, sentence starts.

What counts as a proper noun is decided on the ORIGINAL text: a word written capitalized mid-sentence (not after
``. ! ? : ;``, not at a line start, not on a headline-style line, not all capitals) that is either a single-word
entry of newsclean's gazetteer or written capitalized mid-sentence at least twice in the document.

Tags: ``with_evidence`` when the damaged document still writes the word capitalized mid-sentence elsewhere,
``without_evidence`` otherwise; ``common_word`` when the word is also a common English word in newsclean's cased
lexicon ("Series" in "Apple Watch Series 3", "Council"), ``name_word`` otherwise, and the two combined
("name_word+with_evidence"); ``phrase_evidence`` when the word is part of a multi-word name that the damaged
document still writes capitalized mid-sentence elsewhere (the name, or a stretch of it holding the word);
``document_evidence`` for a name word with evidence or a word with phrase evidence (what the document holds for
this occurrence: "Switch" capitalized elsewhere says nothing about "switch" here); ``all_occurrences`` for the documents where one place name is lowercased everywhere;
``sentence_start`` for lowercased first words of sentences (``paragraph_start`` or ``after_full_stop`` besides).
"""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache

import regex

from corruption import Doc

NORMALIZERS = ("sentence_case", "proper_nouns")
#: Share of the proper-noun occurrences, and of the sentence starts, lowercased in each document.
SHARE = 0.3
#: Share of the documents in which one place name loses its capitals everywhere.
ALL_OCCURRENCES_SHARE = 0.5
_PLACES = ("country", "city", "us_state", "region")
_TERMINAL = regex.compile(r"[.!?][\"'”’)*]*\s*$")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    from newsclean.data import load

    kinds = load("gazetteer")["kinds"]
    return {name.lower(): kind for kind in reversed(list(kinds)) for name in kinds[kind] if name.isalpha()}


def _titled(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word.isalpha()


def _analyse(doc: Doc) -> tuple[list[bool], list[bool], list[bool]]:
    """Per token: mid-sentence (not a sentence or line start), on a prose line, first word of a prose line."""
    from newsclean.evidence import headline_style, is_sentence_start

    text = str(doc)
    starts, pos = [], 0
    for sep, tok in zip(doc.seps, doc.tokens):
        pos += len(sep)
        starts.append(pos)
        pos += len(tok)
    mid, prose, line_first = [], [], []
    line_cache: dict[int, tuple[bool, int]] = {}
    for i, (start, tok) in enumerate(zip(starts, doc.tokens)):
        ls = text.rfind("\n", 0, start) + 1
        le = text.find("\n", start)
        line = text[ls:le if le >= 0 else len(text)]
        if ls not in line_cache:
            words = regex.findall(r"[^\W\d_]+", line)
            is_prose = len(words) >= 5 and not headline_style(words) and bool(_TERMINAL.search(line))
            first = regex.search(r"[^\W\d_]", line)
            line_cache[ls] = (is_prose, ls + first.start() if first else -1)
        is_prose, first_letter = line_cache[ls]
        mid.append(tok.isalpha() and not is_sentence_start(line, start - ls))
        prose.append(is_prose)
        line_first.append(start == first_letter)
    return mid, prose, line_first


def _proper_nouns(doc: Doc) -> list[int]:
    mid, prose, _ = _analyse(doc)
    caps = [i for i, t in enumerate(doc.tokens) if mid[i] and prose[i] and _titled(t)]
    counts = Counter(doc.tokens[i].lower() for i in caps)
    gaz = _gazetteer()
    return [i for i in caps if doc.tokens[i].lower() in gaz or counts[doc.tokens[i].lower()] >= 2]


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from newsclean.data import load

    return frozenset(load("case_lexicon")["common"])


def _runs(doc: Doc, keep: list[bool]) -> list[tuple[int, int]]:
    """``(first, last)`` token indexes of the runs of capitalized tokens joined by single spaces, among ``keep``."""
    runs, start = [], None
    for i, tok in enumerate(doc.tokens):
        if keep[i] and _titled(tok) and start is not None and doc.seps[i] == " ":
            continue
        if start is not None:
            runs.append((start, i - 1))
        start = i if keep[i] and _titled(tok) else None
    if start is not None:
        runs.append((start, len(doc.tokens) - 1))
    return runs


def _stretches(words: list[str], i: int) -> set[tuple[str, ...]]:
    """The stretches of 2 to 4 of ``words`` (lowercase), those holding word ``i`` only if ``i`` is given."""
    n = len(words)
    return {tuple(words[a:b]) for a in range(n) for b in range(a + 2, min(a + 4, n) + 1) if i < 0 or a <= i < b}


def _evidence_tags(doc: Doc, damaged: list[int], names: list[tuple[int, int]]) -> dict[int, set[str]]:
    """Tag each damaged token by whether the damaged document still capitalizes its word mid-sentence, by whether
    the word is also a common English word ("Series", "Blue", "Council": parts of names), and by whether the
    document holds evidence for it: for a name word, its capitalized use elsewhere (``with_evidence``); for a common
    word inside a multi-word name of the original (``names``, its runs of capitalized words), the same name, or a
    stretch of it that holds the word, written capitalized mid-sentence elsewhere (``phrase_evidence``: "the
    Security Council voted" for "the security council said"). ``document_evidence`` is either of the two: a common
    word capitalized elsewhere alone ("Switch" for "switch") is no evidence for it."""
    mid, prose, _ = _analyse(doc)
    keep = [m and p for m, p in zip(mid, prose)]
    still = {t.lower() for i, t in enumerate(doc.tokens) if keep[i] and _titled(t)}
    phrases = set().union(*(_stretches([t.lower() for t in doc.tokens[a:b + 1]], -1) for a, b in _runs(doc, keep)))
    tags = {}
    for i in damaged:
        evidence = "with_evidence" if doc.tokens[i] in still else "without_evidence"
        word = "common_word" if doc.tokens[i] in _common() else "name_word"
        tags[i] = {evidence, word, f"{word}+{evidence}"}
        a, b = next(((a, b) for a, b in names if a <= i <= b), (i, i))
        if _stretches([t.lower() for t in doc.tokens[a:b + 1]], i - a) & phrases:
            tags[i].add("phrase_evidence")
        if "phrase_evidence" in tags[i] or word == "name_word" and evidence == "with_evidence":
            tags[i].add("document_evidence")
    return tags


def _names(doc: Doc) -> list[tuple[int, int]]:
    """The runs of capitalized words of the original, on prose lines (sentence starts included)."""
    _, prose, _ = _analyse(doc)
    return _runs(doc, prose)


def proper_nouns(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
    chosen = [i for i in _proper_nouns(doc) if rng.random() < SHARE]
    names = _names(doc)
    for i in chosen:
        doc.tokens[i] = doc.tokens[i].lower()
    return _evidence_tags(doc, chosen, names)


def all_occurrences(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
    if rng.random() >= ALL_OCCURRENCES_SHARE:
        return {}
    gaz = _gazetteer()
    places = sorted({doc.tokens[i] for i in _proper_nouns(doc) if gaz.get(doc.tokens[i].lower()) in _PLACES})
    if not places:
        return {}
    name = rng.choice(places)
    chosen = [i for i, t in enumerate(doc.tokens) if t == name]
    names = _names(doc)
    for i in chosen:
        doc.tokens[i] = name.lower()
    return {i: tags | {"all_occurrences"} for i, tags in _evidence_tags(doc, chosen, names).items()}


def sentence_start(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
    mid, prose, line_first = _analyse(doc)
    damage: dict[int, set[str]] = {}
    for i, tok in enumerate(doc.tokens):
        if not (prose[i] and _titled(tok) and len(tok) > 1 and not mid[i]) or rng.random() >= SHARE:
            continue
        if line_first[i] and i and doc.tokens[i - 1] in "-*•·–—" or i and doc.tokens[i - 1] in (":", ";"):
            continue  # list items and words after a colon are not sentence starts by this benchmark's rule
        where = "paragraph_start" if line_first[i] else "after_full_stop"
        doc.tokens[i] = tok.lower()
        damage[i] = {"sentence_start", where}
    return damage



def concerns(before: tuple[str, bool], after: tuple[str, bool]) -> bool:
    """A change of letter case only: the same letters ("homs" -> "Homs"), whatever happens to the space before."""
    return before[0] != after[0] and before[0].lower() == after[0].lower()

KINDS = {
    "proper_nouns": proper_nouns,
    "all_occurrences": all_occurrences,
    "sentence_start": sentence_start,
}


def _truecase():
    """The ``truecase`` package (an n-gram model trained on NLTK corpora). Its ``get_true_case`` needs NLTK's
    ``punkt_tab`` tokenizer data, which is a download, so the peer feeds it newsclean's tokens line by line through
    ``get_true_case_from_tokens`` and copies only the case of each word back: a case-only comparison."""
    import truecase

    caser = truecase.get_truecaser()
    token = regex.compile(r"\w+|[^\w\s]")

    def fix(text: str) -> str:
        out = []
        for line in text.split("\n"):
            matches = list(token.finditer(line))
            cased = caser.get_true_case_from_tokens([m.group() for m in matches], "as-is") if matches else []
            pieces, last = [], 0
            for m, c in zip(matches, cased):
                pieces.append(line[last:m.start()])
                pieces.append(c if c.lower() == m.group().lower() else m.group())
                last = m.end()
            out.append("".join(pieces) + line[last:])
        return "\n".join(out)

    return fix


PEERS = {"truecase": _truecase}
