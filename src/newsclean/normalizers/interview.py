"""Interview transcripts: consistent speaker labels, one paragraph per turn, and truncated answers made visible.

A transcript is recognized from its structure, never from one colon: paragraphs that start with a speaker label
("**WTN:**", "**WTN**:", "Q:", "Professor Aron:"), at least two speakers who each speak at least twice, taking turns
(most consecutive labels change speaker), in turns that are mostly finished sentences. Labels that occur once
("**Coming up:**", "Note:") are not speakers, and nothing outside a transcript is touched.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from collections.abc import Callable
from functools import cache, lru_cache
from operator import attrgetter
from typing import Literal

import regex

from newsclean.data import load
from newsclean.edits import ELISION, Edit, Note, apply_edits
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import hard_wrapped, split_lines
from newsclean.registry import register
from newsclean.spans import protected_spans

__all__ = ["Interview", "MARK"]

#: What marks the place of a cut fragment (see :data:`newsclean.edits.ELISION`).
MARK = ELISION
_MARKS = (MARK, "[...]")  # the second is the mark after a normalizer that spells out ellipses

# A speaker's name: one to five words of letters (inner dots, apostrophes and hyphens allowed, "Prof." and "O'Neil"),
# the words after the first may be numbers ("Speaker 2"). Bounded repetition: the pattern cannot backtrack badly.
_WORD = r"\p{L}[\p{L}\p{M}.'’-]{0,24}"
_NAME = rf"{_WORD}(?:[ ](?:{_WORD}|\d{{1,3}})){{0,4}}"
_SEP = r"[ \u00a0\u202f]?:"  # French typography puts a (no-break, or narrow no-break) space before the colon: "Q : "
_LABEL_CHARS = 140  # no label is longer: five words of at most 25 letters, emphasis and colon
#: What stands around a label's name before its colon: emphasis, and a space before the colon (see _SEP).
_AROUND_NAME = "*_ \u00a0\u202f"
_LABEL = regex.compile(
    rf"""
    ^(?:
        (?P<o1>\*\*|__|\*|_)(?P<n1>{_NAME})(?P<s1>{_SEP})(?P=o1)      # **WTN:**   colon inside the emphasis
      | (?P<o2>\*\*|__|\*|_)(?P<n2>{_NAME})(?P=o2)(?P<s2>{_SEP})      # **WTN**:   colon after it
      | (?P<n3>{_NAME})(?P<s3>{_SEP})                                 # WTN:       plain
    )
    (?P<gap>[ \t]*)                                                  # then the turn's text, or the end of the line
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A sentence boundary: a stop, closing quotes or brackets, then a space, or no space but a capitalized word
# ("soldiers.The": the missing space is another normalizer's to restore, the boundary is real all the same).
_BOUNDARY = regex.compile(r"""(?P<stop>\.{3}|[.!?…。！？])(?P<close>["”’'»)\]]*)(?:(?P<space>\s+)|(?=\p{Lu}\p{Ll}))""")
_ABBREVIATION_CHARS = 30  # how far back to look for the word before a full stop: linear time on any input
_URL_WINDOW = 300  # the longest URL looked for around a place
# Endings that finish a turn: a stop, an interruption (dash, ellipsis), a closing quote or bracket.
_FINISHED = frozenset(".!?…。！？—–-\"”’'»)]")
# Endings that leave a sentence hanging: a word, a number (also "30%"), or a comma, semicolon or colon. A colon
# counts only on a line that is not shaped like a label or heading ("Part two:" may head what follows; "It has two
# USB ports and a cable:" announces what was cut).
_HANGING_PUNCT = frozenset(",;:")

#: Paragraphs without a speaker label allowed between two turns (an answer's further paragraphs) before the
#: labels are taken to belong to different parts of the document.
_MAX_GAP = 6
#: Readings of a text before the step gives up on a fixed point (each finds what the cuts of the last one let read).
_MAX_ROUNDS = 4
#: A transcript needs this many turns, this share of consecutive turns changing speaker, and this share of turns
#: that end as finished sentences (lists of "Pros:"/"Cons:" or "Photo:"/"Source:" lines do not).
_MIN_TURNS = 4
_MIN_ALTERNATION = 0.6
_MIN_FINISHED = 0.5
#: In a transcript where this share of the questions and finished answers end as finished sentences, a sentence-like
#: answer of at least _STANDS_OUT_WORDS words that does not was cut, even without a complete sentence to cut back to.
_PUNCTUATED = 0.9
_STANDS_OUT_WORDS = 4
#: A fragment after the last complete sentence is cut when it is this short ("The recent"), or ends on a word that
#: cannot end a sentence; a longer one may be a whole sentence that only lost its full stop, and is only reported.
_SURE_FRAGMENT_WORDS = 3
#: A speaker who asks in at least this share of turns (and the others in at most half as many) is the interviewer.
_INTERVIEWER_QUESTIONS = 0.5

#: An answer of this many words that reads as a sentence (mostly lowercase, or with _PROSE_LOWER lowercase words of
#: four letters or more) and stops without a full stop was cut ("Trip to Disney World", "Bob Marley, Bruno Mars,
#: Drake, The Eagles" are whole answers; "It did not reveal the crash" is not).
_PROSE_WORDS = 6
_PROSE_LOWER = 3
#: In a punctuated transcript where every other answer has at least _LONG_ANSWER_WORDS words (or is cut for sure),
#: an answer of at most _FEW_WORDS words without a stop ("Eastern", "The United", "Dempsey picked up") stands out as
#: cut, unless it reads as a reply (see _REPLY_WORDS). Where short answers are the style ("Favorite athlete?"
#: "Lebron James", then "Trip to Disney World"), none stands out.
_LONG_ANSWER_WORDS = 8
_FEW_WORDS = 3

#: English words that cannot end a sentence: articles, conjunctions, possessive determiners, prepositions that
#: always take an object, and a pronoun contracted with its verb ("That's", "we're": a contracted verb is never
#: left at the end, "Yes, it is" but not "Yes, it's"). A closed grammatical class that no packaged word list
#: carries, hence written out here.
_CANNOT_END = frozenset(
    "the a an and or but nor of from with into onto upon between among during despite amid amidst via than because "
    "although whereas unless whether if every my your our their its whose whom which to very "
    "it's that's there's here's what's who's he's she's let's i'm you're we're they're i've you've we've they've "
    "i'll you'll he'll she'll we'll they'll it'll i'd you'd he'd she'd we'd they'd".split()
)
#: Words that make a few words a whole reply ("Yes", "Not at all", "Of course", "I think so", "Thank you"): answer
#: particles, negation, and the personal pronouns a short clause starts with. Any word ending in "-ly" counts too
#: ("Absolutely", "Definitely"). A closed class, written out for the same reason as _CANNOT_END.
_REPLY_WORDS = frozenset(
    "yes yeah yep yup no nope nah not never sure indeed course right correct true agreed okay ok maybe perhaps "
    "always sometimes thanks thank please well oh ah wow i me my you we us they them he him she her it".split()
)
_SUBJECTS = frozenset("i he she we they it".split())
# A list item or a heading: the end of a turn that is not a sentence, so no length or wording says it was cut. The
# leading space is taken from the start of its run only, and possessively, so no search is quadratic in a long run.
_NOT_PROSE = regex.compile(r"(?<!\s)\s*+(?:[-*•+]\s|\d{1,3}[.)]\s|#{1,6}\s|(\*\*|__)[^\n]*\1$)")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(load("abbreviations")["prepositive"])


@dataclass(frozen=True)
class _Label:
    start: int  # where the label starts (the paragraph start)
    end: int  # where the label ends (after its colon and emphasis)
    content: int  # after the label and the spaces that follow it
    alone: bool  # nothing follows the label on its line
    name: str
    open: str  # "**", "__", "*", "_" or ""
    sep: str  # ":", or a space (plain, no-break or narrow no-break) and ":"
    inside: bool  # colon inside the emphasis
    key: str  # the speaker, however the scraper spelled the label: "professor Aron", "Professor Aron", "Prof Aron."

    @property
    def form(self) -> tuple[str, bool, bool]:
        """Emphasis, whether a space stands before the colon (which space is the typesetter's, not the form), and
        whether the colon is inside the emphasis."""
        return (self.open, self.sep != ":", self.inside)


@dataclass(frozen=True)
class _Para:
    start: int
    end: int  # end of the line, trailing spaces excluded
    label: _Label | None


@dataclass
class _Turn:
    label: _Label
    content: int  # where the turn's text starts (on the next paragraph when the label is alone on its line)
    last: _Para | None  # the turn's last paragraph; None when the label has no text at all
    number: int = 0
    role: str = "turn"
    ending: str = "empty"  # "finished", "marked" (by this normalizer), "dangling", "other" or "empty"
    cut: int | None = None  # for a dangling turn: just after its last complete sentence, if it has one

    @property
    def tail(self) -> tuple[int, int]:
        """The span of the turn's last paragraph's text (after the label, if the label is on it)."""
        assert self.last is not None
        return max(self.content, self.last.start), self.last.end


@dataclass
class _Transcript:
    turns: list[_Turn]
    punctuated: bool  # nearly every turn ends as a finished sentence: an answer that does not stands out
    long_answers: bool  # punctuated, and at most one answer is a short whole one: a few words without a stop stand out
    capitalized: dict[str, dict[str, str]]  # speaker key -> {word: its capitalized spelling}
    form: tuple[str, bool, bool]  # see _Label.form
    space: str  # the space most labels of the transcript put before the colon, for a label given one
    join: bool  # join labels alone on their line to their text


def _label_lines(text: str) -> list[tuple[int, int, int]]:
    """``(start, colon, end)`` of each line of ``text`` with a colon among its first _LABEL_CHARS characters (its first
    colon; ``end``: where the line ends). Only those few lines can start with a label: they are found from the
    colons, in C."""
    lines = []
    colon = text.find(":")
    while colon != -1:
        start = text.rfind("\n", 0, colon) + 1
        end = text.find("\n", colon)
        if end == -1:
            end = len(text)
        if colon - start < _LABEL_CHARS:
            lines.append((start, colon, end))
        colon = text.find(":", end)
    return lines


def _labels(text: str, lines: list[tuple[int, int, int]]) -> dict[int, _Label]:
    """The speaker labels of ``text`` by the offset of their line, among ``lines`` (see :func:`_label_lines`)."""
    labels = {}
    for start, _, end in lines:
        label = _label(text, start, start + len(text[start:end].rstrip()))
        if label is not None:
            labels[start] = label
    return labels


def _label(text: str, start: int, end: int) -> _Label | None:
    """The speaker label that starts the line ``text[start:end]`` (trailing spaces excluded), if any."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return None
    name = m.group("n1") or m.group("n2") or m.group("n3")
    opened = m.group("o1") or m.group("o2") or ""
    sep = m.group("s1") or m.group("s2") or m.group("s3")
    rest = m.end() == end
    # "Q:What" is a label too, but not "http://" or "Time:10:30": the colon ends a word before a word.
    if not (rest or m.group("gap") or opened or text[m.end()].isupper()):
        return None
    return _Label(start, m.end() - len(m.group("gap")), m.end(), rest, name, opened, sep, bool(m.group("o1")),
                  _speaker(name))


def _speaker(name: str) -> str:
    """Who a label's ``name`` stands for (see :attr:`_Label.key`)."""
    return " ".join(name.replace(".", " ").casefold().split())


def _paragraphs(text: str, labels: dict[int, _Label]) -> list[_Para]:
    """The non-blank lines of ``text``, each with its label from ``labels`` (see :func:`_labels`)."""
    paras = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if stripped.strip():
            paras.append(_Para(pos, pos + len(stripped), labels.get(pos)))
        pos += len(line) + 1
    return paras


def _goes_on(text: str, para: _Para, below: _Para) -> bool:
    """Whether ``below`` is the line right under ``para`` (no blank line between) and starts with a lowercase
    letter."""
    if text.find("\n", para.end) + 1 != below.start:
        return False
    first = text[below.start:below.end].lstrip()[:1]
    return first.isalpha() and first.islower()


def _finished(text: str, start: int, end: int) -> bool:
    tail = text[start:end].rstrip()
    return bool(tail) and (tail[-1] in _FINISHED and not _open_quote(tail) or tail.endswith(_MARKS))


def _open_quote(tail: str) -> bool:
    """A quote closed after a comma ("...as it was before,”") waits for its "he said": the paragraph is cut."""
    return len(tail) > 1 and tail[-1] in "\"”’'" and tail[-2] == ","


def _ending(text: str, turn: _Turn) -> tuple[str, int | None]:
    """How the turn ends, and for a dangling turn where its last complete sentence ends (see :class:`_Turn`)."""
    if turn.last is None:
        return "empty", None
    start, end = turn.tail
    body = text[start:end]
    if body.endswith(_MARKS):
        return "marked", None
    if _finished(body, 0, len(body)):
        return "finished", None
    if not body or _in_url(text, end - 1):
        return "other", None
    if body[-1] == ":" and turn.last.label not in (None, turn.label):
        return "other", None  # the line is shaped like a label or heading ("Part two:")
    if body[-1].isalnum() or body[-1] == "%" or body[-1] in _HANGING_PUNCT or _open_quote(body):
        return "dangling", _cut_point(text, start, end)
    return "other", None  # an emoji, a symbol: nothing to go by


def _in_url(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` is inside a URL, e-mail address, domain, handle or hashtag.

    Only the word around ``pos`` is looked at (they contain no spaces), and only when it holds one of their marks:
    a few places per transcript need the answer, and each costs the length of one word.
    """
    lo, hi = pos, pos + 1
    while lo > max(0, pos - _URL_WINDOW) and not text[lo - 1].isspace():
        lo -= 1
    while hi < min(len(text), pos + _URL_WINDOW) and not text[hi].isspace():
        hi += 1
    word = text[lo:hi]
    if not any(c in word for c in "./@#"):
        return False
    return any(a <= pos - lo < b for a, b in protected_spans(word))


def _transcripts(text: str) -> list[_Transcript]:
    lines = _label_lines(text)
    # A label's line holds its speaker's name before its first colon, with only emphasis and a space around it
    # (_AROUND_NAME). When no two of those lines hold the same there, no one speaks twice: told without matching
    # the label pattern on each line, as most texts with a colon are (interview about 9.5 -> 7.3 ms per MB).
    said = [_speaker(text[start:colon].strip(_AROUND_NAME)) for start, colon, _ in lines]
    if len(set(said)) == len(said):
        return []
    labels = _labels(text, lines)
    counts = Counter(label.key for label in labels.values())
    speakers = {k for k, n in counts.items() if n >= 2}
    if not speakers:
        return []  # no one speaks twice (most texts with a colon): no transcript, and its paragraphs are not needed
    paras = _paragraphs(text, labels)
    # Blocks of paragraphs between the first and the last speaker label, split where labels are far apart.
    blocks: list[tuple[int, int]] = []
    first = last = -1
    for i, p in enumerate(paras):
        if p.label and p.label.key in speakers:
            if first >= 0 and i - last - 1 > _MAX_GAP:
                blocks.append((first, last))
                first = -1
            if first < 0:
                first = i
            last = i
    if first >= 0:
        blocks.append((first, last))
    # Told on first ask, once: only a last turn with a lowercase line under it asks.
    wrapped = cache(lambda: hard_wrapped(split_lines(text)))
    found = []
    for first, last in blocks:
        t = _transcript(text, paras, first, last, speakers, wrapped)
        if t is not None:
            found.append(t)
    return found


def _transcript(text: str, paras: list[_Para], first: int, last: int, speakers: set[str],
                wrapped: Callable[[], bool]) -> _Transcript | None:
    turns: list[_Turn] = []
    for i in range(first, last + 1):
        label = paras[i].label
        if label is None or label.key not in speakers:
            continue
        alone = label.alone
        j = i + 1 if alone else i
        nxt = paras[j] if alone and j < len(paras) and paras[j].label is None else None
        if alone and nxt is None:
            turns.append(_Turn(label, label.content, None))
            continue
        # Further unlabeled paragraphs belong to the turn, except after the transcript's last label, where they
        # could as well be the article going on: there only a line right under the turn's that starts lowercase, the
        # turn's sentence going on in a hard-wrapped transcript ("Your father just" / "landed a twelve pound bass.").
        while i < last and j + 1 <= last and paras[j + 1].label is None:
            j += 1
        while (i == last and j + 1 < len(paras) and paras[j + 1].label is None
               and _goes_on(text, paras[j], paras[j + 1]) and wrapped()):
            j += 1
        turns.append(_Turn(label, paras[i + 1].start if alone else label.content, paras[j]))
    for t in turns:
        t.ending, t.cut = _ending(text, t)
    keys = [t.label.key for t in turns]
    by_speaker = Counter(keys)
    changes = sum(a != b for a, b in zip(keys, keys[1:]))
    finished = sum(t.ending in ("finished", "marked") for t in turns)
    if (
        len(turns) < _MIN_TURNS
        or sum(n >= 2 for n in by_speaker.values()) < 2
        or changes < _MIN_TURNS - 1
        or changes < _MIN_ALTERNATION * (len(turns) - 1)
        or finished < _MIN_FINISHED * len(turns)
    ):
        return None
    forms = Counter(t.label.form for t in turns)
    form = max(forms, key=lambda f: (forms[f], -next(i for i, t in enumerate(turns) if t.label.form == f)))
    alone_labels = sum(t.label.alone for t in turns)
    _assign_roles(text, turns)
    # The transcript's punctuation style, judged on the turns other than the answers under suspicion.
    suspects = sum(t.ending == "dangling" and t.role == "answer" for t in turns)
    punctuated = finished >= _PUNCTUATED * (len(turns) - suspects)
    answers = [t for t in turns if t.role == "answer" and t.last is not None]
    long_answers = punctuated and len(answers) > 2 and sum(_whole_short_answer(text, t) for t in answers) <= 1
    spaces = Counter(t.label.sep[0] for t in turns if t.label.sep != ":")
    space = max(spaces, key=spaces.__getitem__) if spaces else " "
    return _Transcript(turns, punctuated, long_answers, _spellings(turns), form, space,
                       join=2 * alone_labels < len(turns))


def _whole_short_answer(text: str, turn: _Turn) -> bool:
    """An answer of fewer than _LONG_ANSWER_WORDS words that shows no sign of a cut (not "and the", not a sentence
    without its stop): "Yes.", "Lebron James", and an answer cut after its first words alike."""
    assert turn.last is not None  # only answers with a last paragraph are asked
    if len(text[turn.content : turn.last.end].split(None, _LONG_ANSWER_WORDS)) >= _LONG_ANSWER_WORDS:
        return False  # counted only up to the threshold: a long answer is not split word by word
    tail = text[slice(*turn.tail)]
    return not (turn.ending == "dangling" and (_sure_cut(tail) or _prose(tail, _STANDS_OUT_WORDS)))


def _spellings(turns: list[_Turn]) -> dict[str, dict[str, str]]:
    """For each speaker, the capitalized spelling of each word its labels write capitalized at least once.

    A word capitalized in one label is capitalized in all ("professor Aron" -> "Professor Aron"); nothing is ever
    lowered, so the casing steps, which also raise titles before names, cannot disagree.
    """
    spellings: dict[str, dict[str, Counter[str]]] = {}
    for t in turns:
        words = spellings.setdefault(t.label.key, {})
        for w in t.label.name.split():
            if w[0].isupper():
                words.setdefault(w.casefold(), Counter())[w] += 1
    return {key: {w: forms.most_common(1)[0][0] for w, forms in words.items()} for key, words in spellings.items()}


def _assign_roles(text: str, turns: list[_Turn]) -> None:
    """Mark turns as "question" or "answer" when one speaker is clearly the interviewer."""
    asks: dict[str, list[int]] = {}
    for t in turns:
        body = text[t.content : t.last.end] if t.last else ""
        asks.setdefault(t.label.key, [0, 0])
        asks[t.label.key][0] += "?" in body
        asks[t.label.key][1] += 1
    share = {k: q / n for k, (q, n) in asks.items()}
    interviewer = "q" if "q" in share else max(share, key=share.__getitem__)
    others = [s for k, s in share.items() if k != interviewer]
    if interviewer != "q" and (share[interviewer] < _INTERVIEWER_QUESTIONS or max(others) > share[interviewer] / 2):
        return
    for t in turns:
        t.role = "question" if t.label.key == interviewer else "answer"


def _prose(body: str, min_words: int) -> bool:
    """A sentence, not a title or a list of names ("Bob Marley, Bruno Mars", "St. Croix in the U.S. Virgin Islands").

    Mostly lowercase words, or at least _PROSE_LOWER lowercase words of four letters or more: a title or a list
    lowers only short words ("of", "the", "and", "in"), a sentence full of names still has its verbs and nouns
    ("Officers from the Columbus Police Department ... conducted a traffic stop near Seventh Street"). Only words
    are weighed: numbers and symbols ("6-3, 7-6 (7) to level") are neither case.
    """
    words = body.split()
    if len(words) < min_words:
        return False
    cased = [w for w in (w.lstrip("\"“‘'([") for w in words) if w[:1].isalpha()]
    lower = [w for w in cased if w[0].islower()]
    return len(lower) >= 0.5 * len(cased) or sum(len(w.rstrip(",;:")) >= 4 for w in lower) >= _PROSE_LOWER


def _sure_cut(body: str, english: bool = True) -> bool:
    """Whether a dangling turn surely stops mid-sentence: on a comma, semicolon or colon, a quote left open, or (in
    English) a word that cannot end a sentence."""
    return body[-1] in _HANGING_PUNCT or _open_quote(body) or english and _last_word(body) in _CANNOT_END


def _few_words(body: str) -> bool:
    """At most _FEW_WORDS words that do not read as a reply ("Eastern", "The United"; not "Not at all", "Sure").

    A subject pronoun alone ("It", "We") is no reply: it waits for its verb ("We do").
    """
    words = [w.strip("\"“”‘’'()[],;:").replace("’", "'") for w in body.split()]
    if len(words) == 1 and words[0].casefold() in _SUBJECTS:
        return True
    return 0 < len(words) <= _FEW_WORDS and not any(
        w.casefold() in _REPLY_WORDS and not (len(w) > 1 and w.isupper())  # "US" is no pronoun
        or w.casefold().endswith(("ly", "n't"))
        for w in words
    )


def _last_word(body: str) -> str:
    """The word a turn ends on, as _CANNOT_END holds it ("Facility—a" ends on "a", "That’s" on "that's").

    A capital letter alone keeps its case: "Plan A" does not end on an article.
    """
    word = regex.split(r"[—–/]", body.split()[-1])[-1].strip("\"“”‘’'([")
    return word if len(word) == 1 and word.isupper() else word.casefold().replace("’", "'")


def _cut_point(text: str, start: int, end: int) -> int | None:
    """Offset just after the last complete sentence in ``text[start:end]``, if any."""
    titles = _titles()
    cuts = []
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.group("stop")
        if m.group("space") is None:
            # No space after the stop: only "word.Word", a stop between two real words, is a boundary.
            before = text[max(start, m.start() - 2) : m.start()]
            if stop not in ".!?" or len(before) < 2 or not before.isalpha() or not before.islower():
                continue
        elif stop in ("...", "…") and not text[m.end() : m.end() + 1].isupper():
            continue  # "he said... and then": a pause, not an end
        elif not text[m.end() : m.end() + 1].isalpha() and text[m.end() : m.end() + 1] not in "\"“‘'(":
            continue
        if stop == ".":
            i, floor = m.start(), max(start, m.start() - _ABBREVIATION_CHARS)
            while i > floor and (text[i - 1].isalpha() or text[i - 1] == "."):
                i -= 1
            word = text[i : m.start()]
            # Initials, dotted abbreviations and titles ("J.", "U.S.", "Dr.") do not end sentences; "0.2%." does.
            if len(word) == 1 or "." in word or word.casefold() in titles:
                continue
        cuts.append((m.start(), m.start() + len(stop) + len(m.group("close"))))
    # The last stop that is not inside a URL ("cnn.Com" is none, but "example.com/A.Html" might look like one).
    return next((cut for stop, cut in reversed(cuts) if cut > start and not _in_url(text, stop)), None)


@register
@dataclass(frozen=True)
class Interview(Normalizer):
    """Repair interview transcripts: one label form, one paragraph per turn, truncated answers cut and marked.

    Fixes ``"**professor Aron:** It's certainly a critical moment. the"`` to
    ``"**Professor Aron:** It's certainly a critical moment. […]"`` (and reports the truncated turn).
    Leaves ``"Rebels in Damascus: Rebel forces infiltrate..."`` alone: one colon is not a transcript.

    A transcript is recognized from alternating speaker labels (see the module docstring). Within one, every label
    takes the form the transcript uses most, a word of a label is capitalized where the same speaker's other labels
    capitalize it (letters are only raised, never lowered: the casing steps raise titles too, so the two agree), a
    label alone on its line is joined to its text (unless that is the transcript's own layout), and a turn that stops mid-sentence is cut back to its last complete sentence with a
    "[…]" mark (``truncated="mark"``), cut without a mark (``"trim"``) or only reported (``"keep"``). Every
    truncated turn is reported as a ``truncated_answer`` note, and ``metadata["interview"]`` counts them, so a
    pipeline can drop or flag the document. A question left without an answer and an answer without a question are
    reported, never rewritten. Not English-only: labels and turns look alike in every language, but outside English
    a truncated turn is only reported, since where a sentence ends is judged with English abbreviations and words.
    """

    name = "interview"
    summary = "interview transcripts: consistent speaker labels, one paragraph per turn, truncated answers marked"

    truncated: str = "mark"
    """What to do with a turn cut mid-sentence: "mark" (cut back and mark "[…]"), "trim" (cut back) or "keep"."""

    def __post_init__(self) -> None:
        if self.truncated not in ("mark", "trim", "keep"):
            raise ValueError(f"truncated must be 'mark', 'trim' or 'keep', not {self.truncated!r}")

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        edits = self._once(text, ctx)
        # A cut can change what reads as a transcript further down (a lone label joined to its turn near the top
        # lets the lines below read as turns): the step runs again on its own result until it finds nothing more, as
        # a second run would, and each later round's edits and notes are placed back on ``text``. A later edit that
        # touches an earlier one's change cannot be placed back: then the rounds stop there.
        for _ in range(_MAX_ROUNDS):
            if not edits:
                break
            seen_notes = len(ctx.notes)
            more = self._once(apply_edits(text, edits), ctx)
            placed = _placed_back(edits, more, ctx.notes[seen_notes:])
            if placed is None:
                del ctx.notes[seen_notes:]
                break
            more, ctx.notes[seen_notes:] = placed
            if not more:
                break
            edits = sorted(edits + more, key=attrgetter("start"))
        return edits

    def _once(self, text: str, ctx: Context) -> list[Edit]:
        """The edits of one reading of ``text``."""
        if ":" not in text:
            return []
        transcripts = _transcripts(text)
        if not transcripts:
            return []
        english = ctx.language == "en"
        edits: list[Edit] = []
        truncated: set[int] = set()
        number = 0
        for t in transcripts:
            for turn in t.turns:
                number += 1
                turn.number = number
                head = self._head(text, t, turn)
                if head:
                    edits.append(head)
                tail = self._tail(text, t, turn, english, ctx)
                if tail is not False:
                    truncated.add(number)
                    if tail is not None:
                        edits.append(tail)
            self._report_pairs(text, t, ctx)
        previous = ctx.metadata.get("interview", {})
        # Later passes no longer see a fragment trimmed without a mark: keep what earlier passes found.
        truncated |= set(previous.get("truncated_turns", ()))
        ctx.metadata["interview"] = {
            "turns": number,
            "speakers": _speakers(transcripts),
            "truncated_turns": sorted(truncated),
        }
        return edits

    def _head(self, text: str, t: _Transcript, turn: _Turn) -> Edit | None:
        label = turn.label
        name = _raised(label.name, t.capitalized[label.key])
        opened, spaced, inside = t.form
        sep = (label.sep if label.sep != ":" else t.space + ":") if spaced else ":"
        written = f"{opened}{name}{sep}{opened}" if inside else f"{opened}{name}{opened}{sep}"
        gap = text[label.end : turn.content]
        if turn.last is not None and (not gap or label.alone and t.join):
            gap = " "  # "Q:What", or the label alone on its line joined to its text
        if written + gap == text[label.start : turn.content]:
            return None
        reasons = []
        if t.form != label.form:
            reasons.append(f"label written {written!r} as in most of this transcript")
        if name != label.name:
            reasons.append(f"speaker written {name!r} as elsewhere in this transcript")
        if "\n" in text[label.end : turn.content] and gap == " ":
            reasons.append("label alone on its line joined to its turn")
        elif gap != text[label.end : turn.content]:
            reasons.append("space after the label")
        return self.edit(text, label.start, turn.content, written + gap, "; ".join(reasons))

    def _tail(
        self, text: str, t: _Transcript, turn: _Turn, english: bool, ctx: Context
    ) -> Edit | None | Literal[False]:
        """The cut of a truncated turn; None if truncated but left as it is; False if not truncated."""
        if turn.ending not in ("marked", "dangling"):
            return False
        start, end = turn.tail
        what = f"turn {turn.number} ({turn.role}) ends mid-sentence"
        if turn.ending == "marked":
            self._report(ctx, what, start, end, "mark" if english else "keep")
            return None
        body = text[start:end]
        sure = _sure_cut(body, english)
        if _NOT_PROSE.match(body):
            # A list item or heading is no sentence: cut for sure ("- the"), it is reported, never cut ("2." is
            # no sentence to cut back to).
            if sure:
                self.note(ctx, "truncated_answer", f"{what}; left as it is: a list item or heading", start, end)
                return None
            return False
        if turn.cut is None:
            # A sentence-like answer without its end: long enough, or short but alone so among finished turns, or
            # a few words (not a reply) among long answers.
            judged = english and turn.role == "answer"
            if sure or judged and _prose(body, _STANDS_OUT_WORDS if t.punctuated else _PROSE_WORDS):
                why = "no complete sentence to cut back to"
            elif judged and t.long_answers and _few_words(body):
                why = "a few words without a stop among long answers (a whole short answer would read the same)"
            else:
                return False
            self.note(ctx, "truncated_answer", f"{what}; left as it is: {why}", start, end)
            return None
        fragment = text[turn.cut : end].strip()
        if not english:
            mode = "keep"
        elif not sure and len(fragment.split()) > _SURE_FRAGMENT_WORDS:
            self.note(ctx, "truncated_answer", f"{what}; left as it is: its last sentence may only lack its stop",
                      turn.cut, end)
            return None
        else:
            mode = self.truncated
        self._report(ctx, what, turn.cut, end, mode)
        if mode == "keep":
            return None
        after = " " + MARK if mode == "mark" else ""
        return self.edit(text, turn.cut, end, after,
                         f"turn cut mid-sentence: fragment {fragment!r} cut back to the last complete sentence")

    def _report(self, ctx: Context, what: str, start: int, end: int, mode: str) -> None:
        action = {
            "mark": "cut back to its last complete sentence and marked […]",
            "trim": "cut back to its last complete sentence",
            "keep": "left as it is",
        }[mode]
        self.note(ctx, "truncated_answer", f"{what}; {action}", start, end)

    def _report_pairs(self, text: str, t: _Transcript, ctx: Context) -> None:
        """Questions left without an answer and answers without a question: reported, never rewritten."""
        turns = t.turns
        for i, turn in enumerate(turns):
            before = turns[i - 1] if i else None
            after = turns[i + 1] if i + 1 < len(turns) else None
            start = turn.label.start
            end = turn.last.end if turn.last else turn.label.end
            if turn.role == "answer" and turn.last is None:
                self.note(ctx, "unanswered_question", f"turn {turn.number} (answer) is empty: the question before it "
                                                      f"has no answer", start, end)
            elif turn.role == "question" and (after is None or after.role == "question") and "?" in text[
                    turn.content : end]:
                where = "ends the transcript" if after is None else "is followed by another question"
                self.note(ctx, "unanswered_question", f"turn {turn.number} (question) {where}", start, end)
            elif turn.role == "answer" and (before is None or before.label.key == turn.label.key):
                where = "opens the transcript" if before is None else "follows an answer by the same speaker"
                self.note(ctx, "answer_without_question", f"turn {turn.number} (answer) {where}", start, end)


def _speakers(transcripts: list[_Transcript]) -> list[str]:
    """Each speaker once, in order of appearance, spelled as their labels are written after the repair."""
    seen: dict[str, str] = {}
    for t in transcripts:
        for turn in t.turns:
            seen.setdefault(turn.label.key, _raised(turn.label.name, t.capitalized[turn.label.key]))
    return list(seen.values())


def _raised(name: str, capitalized: dict[str, str]) -> str:
    """``name`` with each lowercase word written as the speaker's labels capitalize it elsewhere."""
    return " ".join(_raise_word(w, capitalized.get(w.casefold(), w)) for w in name.split(" "))


def _raise_word(word: str, target: str) -> str:
    if word[0].isupper() or len(target) != len(word):
        return word
    return target if all(a == b or a.upper() == b for a, b in zip(word, target)) else word


def _placed_back(earlier: list[Edit], later: list[Edit], notes: list[Note]) -> tuple[list[Edit], list[Note]] | None:
    """``later`` edits and ``notes`` of the text that the ``earlier`` edits (sorted) made, placed on the text those
    were made on; None when a later edit touches an earlier one's change."""
    # Where each earlier change stands in the new text, and how far the changes up to it moved what follows it.
    starts, ends, moved = [], [], []
    shift = 0
    for e in earlier:
        starts.append(e.start + shift)
        ends.append(e.start + shift + len(e.after))
        shift += len(e.after) - (e.end - e.start)
        moved.append(shift)

    def back(at: int, end: int) -> tuple[int, int] | None:
        k = bisect_right(starts, end) - 1
        if k < 0:
            return at, end
        if ends[k] >= at:
            return None  # it meets the k-th change, which has no place in the old text
        return at - moved[k], end - moved[k]

    placed = []
    for e in later:
        span = back(e.start, e.end)
        if span is None:
            return None
        placed.append(replace(e, start=span[0], end=span[1]))
    kept = []
    for n in notes:
        span = back(n.start, n.end)
        kept.append(replace(n, start=span[0], end=span[1]) if span else replace(n, start=0, end=0))
    return placed, kept
