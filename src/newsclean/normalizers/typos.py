"""Typos: misspelled ordinary English words, corrected offline and only on strong evidence.

A lowercase word is corrected when it is no word at all (not in the spelling lists, not frequent in wordfreq, not a
frequent word of a language English news quotes), the document never writes it capitalized (a name is not a typo),
and one correction clearly wins: codespell lists the token as a common misspelling, or one frequent word is one slip
away and far likelier than the others (the document's own words may confirm the likeliest in a close call, never
promote another). Close calls are left alone with a note. Everything a word-level step must not touch is skipped:
URLs, handles, codes, numbers, acronyms, names, accented and foreign words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, filterfalse
from typing import Container, Iterable

import regex

from newsclean.edits import Edit
from newsclean.evidence import (CaseEvidence, case_evidence, collect, document_evidence, gathered_case_evidence,
                                is_sentence_start, written_words)
from newsclean.normalizer import Context, Normalizer
from newsclean.normalizers.lines import document_code_blocks, inside
from newsclean.registry import register
from newsclean.spans import SpanIndex, protected_spans
from newsclean.spelling import (COMMON_ZIPF, Candidate, candidates, common_within_one_edit, derived,
                                distant_candidates, lexicon, regular_plural)

#: An ASCII word and what touches it on either side (a word glued to digits, paths, handles... is a code, not prose).
_TOKEN = regex.compile(r"(?<![\w@#/\\&=%+~*.'’-])[A-Za-z]+(?:-[A-Za-z]+)*(?:['’]s)?(?![\w@#/\\&=%+~*'’-])")
_PART = regex.compile(r"[A-Za-z]+")
#: Each byte of UTF-8 text that is not an ASCII letter turned into a space: the text's runs of letters (as _PART
#: finds them) are then its words, split in C.
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
#: The most runs looked for one by one (about 0.6 ms per MB each, where one pass over every token costs about 90).
_FOUND_RUNS_MAX = 128
#: How far before a capitalized token the text is read to tell whether a sentence starts there.
_SENTENCE_START_READ = 200
#: A line of prose (eight words or more) right above, ending mid-sentence: with a comma or a lowercase word.
_WRAPPED_ABOVE = regex.compile(r"(?:[^\W\d_]+[^\w\n]+){7}\p{Ll}*[\p{Ll},][ \t]*\n[ \t]*\Z")
#: A capitalized word right after a word, one space between: the two are a name's.
_CAPITAL_NEXT = regex.compile(r" \p{Lu}")
#: The chain of letters and hyphens around a position, forwards and backwards from it.
_CHAIN = regex.compile(r"[A-Za-z-]*")
_CHAIN_BACK = regex.compile(r"[A-Za-z-]*", regex.REVERSE)
#: The run of non-space characters around a position, forwards and backwards from it.
_RUN = regex.compile(r"\S*")
_RUN_BACK = regex.compile(r"\S*", regex.REVERSE)
#: A word followed by a dot and a letter is part of an abbreviation or a file name ("e.g", "report.pdf"); one followed
#: by an ellipsis was cut short by a teaser ("improved Alexa suppor..."), not misspelled.
_CUT_OR_DOTTED = regex.compile(r"\.\w|\.\.|…")
#: A word directly followed by an opening parenthesis is a function called in code ("creat()", "atof(str)"), but
#: for a plural written "word(s)".
_CALL = regex.compile(r"\((?!e?s\))")
#: What marks a line as code: operators and comment or preprocessor marks that prose never writes.
_CODE_LINE = regex.compile(r"[{}]|==|!=|&&|\|\||/\*|\*/|^[ \t]*#[ \t]*(?:define|include|if|else|endif)\b", regex.M)
#: A chat log's speaker tag at a line start ("<joeyh> ..."), and what a speaker tag before a word looks like.
_SPEAKER = regex.compile(r"^<([^<>\s]+)>", regex.M)
_AFTER_SPEAKER = regex.compile(r"(?:^<[^<>\s]+>|^\*)[ \t]+\Z", regex.M)
#: Where a text writes code or a path: see :func:`_code_names`.
_CODE = regex.compile(
    r"(?<![^\s(\[\"'])[~.]?/[^\s/]++(?:/[^\s/]*+)*+"  # a path from the root, the home or here
    r"|(?<![\w.])[^\W_]++(?:_[^\W_]++)++"  # a name with an underscore: dbus_connection_open
    r"|(?<![\w.])[^\W\d_]{3,}+(?:\.[^\W\d_]++)++(?=[\s,;:)\]]|$)"  # a dotted name: dbus.service
    r"|[$][{]?\w++|(?<![\w-])--?[^\W\d_][\w-]*+"  # $VAR, ${VAR}, --option
    r"|(?<!\w)\w++(?==[^=]|\((?!e?s\)))"  # name=, call( (not a plural "word(s)")
)
_CODE_RUN = regex.compile(r"[A-Za-z]{3,}")
#: Code between backticks (it may hold spaces).
_BACKTICKED = regex.compile(r"`[^`\n]{1,80}`")
#: A mark of one of :data:`_CODE`'s kinds, in a run of non-space characters: where it may match. Every branch starts
#: with its character, so the engine skips to the next of them (a branch led by a lookbehind made the scan 4x slower).
_CODE_MARK = re.compile(r"[/_$=]|\.(?=[A-Za-z])|\((?<=\w\()(?!e?s\))|-(?<![\w-]-)(?=-?[A-Za-z])")
#: A web address, and what parts its host and path are split into (a slug's words stay joined by their hyphens).
_URL = regex.compile(r"\b(?:https?|ftp)://([^\s?#\"'<>)\]]+)")
_URL_PART = regex.compile(r"[./]+")
#: The endings a compound gives a word that it does not take alone: a plural ("add-ons"), an agent ("left-hander").
_COMPOUND_ENDINGS = ("s", "er", "ers")
#: How an archaic verb form ends ("heareth", "goest", "maketh"): read as the known verb before it.
_ARCHAIC_ENDINGS = ("eth", "est")
#: The two-letter verbs that take the archaic endings ("goest", "doeth"); longer ones are any common word.
_ARCHAIC_SHORT_VERBS = ("go", "do")
#: Early Modern English around a word: its possessive before it, or its subject after it ("thy logick", "thy saule",
#: "writest thou"). Spellings there are the quotation's, not slips.
_ARCHAIC_BEFORE = regex.compile(r"\b(?:thy|thine)\s+\Z", regex.I)
_ARCHAIC_AFTER = regex.compile(r"\s{1,3}(?:thou|ye)\b", regex.I)
#: Words around a token, and how many of them (on each side, on its line) tell whether it stands among others that
#: are no English words (a foreign phrase, a quotation in dialect, made-up words).
_NEAR_WORDS = 3
_NEAR_CHARS = 80
_WORD = regex.compile(r"[^\W\d_]+")
#: A lone letter before the word that is not a word itself: a drop cap split off ("W hile Anglophiles...").
_SPLIT_INITIAL = regex.compile(r"(?<![\w'’.-])[B-HJ-Zb-hj-z] \Z")
ENV_LANGUAGETOOL = "NEWSCLEAN_LANGUAGETOOL_URL"
#: Shorter tokens are corrected from codespell's list only: a three-letter string is one slip from dozens of words.
_MIN_GUESS = 4
#: Longer runs of letters are no words (the lexicon's longest has 45 letters): not looked at, so cost stays linear.
_MAX_WORD = 45
#: Beyond one slip, only longer words are looked for, and the correction must be this much more frequent again (Zipf).
_MIN_DISTANT = 6
_DISTANT_GAIN = 0.5
#: Case evidence is read from the lines that hold the words asked about for up to this many words.
_FEW_WORDS = 32
#: Forms of one word ("order", "orders") need this many times the usual ratio to be told apart by frequency.
_SIBLING_FACTOR = 10.0


@register
@dataclass(frozen=True)
class Typos(Normalizer):
    """Correct misspelled ordinary English words when one correction clearly wins.

    Fixes ``"it woudl consider"`` to ``"it would consider"`` and ``"residents saeid"`` to ``"residents said"``.
    Leaves ``"Saasa"``, ``"colour"``, ``"señor"`` and ``"A4B"`` alone: names, British spellings, foreign words and
    codes are not typos.

    Evidence is required on every count: the token is no word in the packaged lexicon, the document never writes it
    capitalized mid-sentence, and either codespell lists it as a common misspelling or a single frequent word is one
    slip away (two letters swapped, a letter dropped or doubled, one wrong key) and at least ``min_ratio`` times
    likelier than any other candidate (or, in a close call, the only one the document itself uses); a long token with
    nothing one slip away may get a common word within two edits, on stricter terms. A capitalized word is only
    corrected at a sentence start, when the document also writes the misspelling or its correction in lowercase.
    With ``languagetool_url`` (or the ``NEWSCLEAN_LANGUAGETOOL_URL`` environment variable) a LanguageTool server's
    spelling suggestions are used instead, through the same protections.
    """

    name = "typos"
    summary = "misspelled ordinary English words, corrected only when one correction clearly wins"
    english_only = True
    reads_document = True

    min_ratio: float = 10.0
    """How many times likelier the best correction must be than the runner-up."""
    min_gain: float = 1.5
    """How much more frequent (Zipf scale: 1 = 10 times) a correction must be than the token itself."""
    min_zipf: float = 3.0
    """Corrections are ordinary words: at least this frequent (Zipf scale; 3 = once per million words)."""
    frequent_gain: float = 2.5
    """How much more frequent (Zipf) a correction must be than a token that wordfreq itself sees often (Zipf 2 and
    more) and codespell does not list."""
    languagetool_url: str = ""
    """A LanguageTool server (``http://localhost:8081``) or ``"local"`` for a local install; empty: offline lexicon."""
    languagetool_timeout: float = 10.0
    """Seconds to wait for the LanguageTool server before failing with a clear error."""

    def __post_init__(self) -> None:
        if self.min_ratio < 1 or self.min_gain < 0 or self.frequent_gain < 0 or self.languagetool_timeout <= 0:
            raise ValueError("min_ratio must be >= 1, min_gain and frequent_gain >= 0 and languagetool_timeout > 0")

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        url = self.languagetool_url or os.environ.get(ENV_LANGUAGETOOL, "")
        evidence = _Evidence(ctx)
        if url:
            from newsclean.languagetool import suggestions

            proposals = suggestions(text, url, self.languagetool_timeout)
            suspects, tokens = None, _TOKEN.finditer(text)
            paired: frozenset[str] = frozenset()
        else:
            # Offline, only a word that is no word at all can be corrected: find those few in bulk, and look at the
            # tokens they are in only.
            proposals = None
            suspects, paired = self._suspects(text, ctx, evidence)
            if not suspects:
                return []
            tokens = _tokens_with(text, suspects)
        parts = _words_of(text, tokens, suspects)
        if not parts:
            return []
        edits: list[Edit] = []
        for start, end in parts:
            if proposals is None:
                decided = self._offline(text, start, end, evidence, ctx, paired)
            else:
                decided = self._checked(text, start, end, evidence, proposals.get((start, end)))
            if decided is None:
                continue
            after, reason = decided
            edits.append(self.edit(text, start, end, after, reason))
        return self.on_english_lines(text, edits, ctx)

    # --- deciding one token --------------------------------------------------------------------------------------

    def _offline(self, text: str, start: int, end: int, evidence: _Evidence, ctx: Context,
                 paired: Set[str]) -> tuple[str, str] | None:
        token = text[start:end]
        word = self._plain(text, start, token, evidence)
        if word is None:
            return None
        found = _lexical(word, self.min_zipf, self.min_gain)
        if found is None:
            return None
        if isinstance(found, str):
            if not self._capital_ok(text, start, token, found, evidence) or self._left(text, start, end, word, found,
                                                                                      ctx):
                return None
            return _cased(found, token), f"'{token}' is a common misspelling of '{found}' (codespell's list)"
        if token in paired:
            # The document writes it capitalized and lowercase ("Coty acquired ..." where a sentence starts, then
            # "beauty company coty"): a name written lowercase, which a slip would not also be.
            self.note(ctx, "both_cases", f"'{token}' is no word, but the document also writes "
                      f"'{_other_case(token)}': a name written lowercase?; left as is", start, end)
            return None
        other = _other_form(word, found, evidence, self.min_zipf, self.min_gain)
        if other is not None:
            # A slip is made once, not again in the word's plural or singular: a word the document writes in two
            # forms, neither of them known nor misspelled alike, is a term of its own ("smallsat", "smallsats").
            self.note(ctx, "own_term", f"'{token}' is no word, but the document also writes '{other}': a term of its "
                      "own; left as is", start, end)
            return None
        if word.endswith("in") and found[0].word == word + "g":
            # Quoted speech drops a final g on purpose ("whoopin", "nothin"): a slip of the fingers seldom does.
            self.note(ctx, "spoken_form", f"'{token}' may be speech written with its final g dropped; left as is",
                      start, end)
            return None
        own = lexicon().zipf(word)
        best, why = self._pick(list(found), own, evidence, token)
        if best is None:
            # A capitalized token that no candidate could replace here (a name mid-sentence: "met Ruoff") is left
            # whatever the call: there is no doubt to report.
            if token.islower() or any(self._capital_ok(text, start, token, c.word, evidence) for c in found):
                self.note(ctx, "unsure_spelling", f"'{token}' is not a word but could be {why}; left as is", start,
                          end)
            return None
        if not self._capital_ok(text, start, token, best.word, evidence):
            return None
        if own and best.zipf - own < self.frequent_gain:
            # wordfreq counts typos too, but one this frequent is more often a word the lists lack ("cetera",
            # "devel", "coulda"): only a correction far more frequent still outweighs it ("goverment").
            self.note(ctx, "frequent_word", f"'{token}' is no word in the lists, but wordfreq sees it often (Zipf "
                      f"{own:.1f}, '{best.word}' only {_times(best.zipf - own)} more); left as is", start, end)
            return None
        if self._left(text, start, end, word, best.word, ctx):
            return None
        away = f"one slip away ({best.detail})" if best.slip != "two_edits" else "within two edits"
        return _cased(best.word, token), f"'{token}' is not a word; '{best.word}' is {away}, {why}"

    def _pick(
        self, found: list[Candidate], own: float, evidence: _Evidence, token: str
    ) -> tuple[Candidate | None, str]:
        """The candidate that clearly wins and why; or None and, for a close call, the candidates in words
        (``found`` is likeliest first, and the likeliest is frequent enough: see :func:`_lexical`)."""
        best = found[0]
        if len(found) == 1:
            return best, f"the only word that close, and {_times(best.zipf - own)} more frequent than '{token}'"
        if all(best.score >= self.min_ratio * _grammar_factor(best, c) * c.score for c in found[1:]):
            return best, f"{best.score / found[1].score:,.0f}x likelier than '{found[1].word}', the next candidate"
        # A close call: the document's own vocabulary may confirm the likeliest candidate, never promote another.
        if [c for c in found if evidence.lowercase(c.word)] != [best]:
            return None, " or ".join(f"'{c.word}'" for c in found[:3])
        return best, f"and the only candidate this document uses elsewhere (others: {_others(found, best)})"

    def _checked(self, text: str, start: int, end: int, evidence: _Evidence, suggestion: tuple[str, str] | None):
        """A LanguageTool suggestion for ``text[start:end]``, if it passes the offline step's protections."""
        if suggestion is None:
            return None
        token = text[start:end]
        after, message = suggestion
        if after.lower() == token.lower():
            # Casing: only towards the spelling this document itself uses mid-sentence.
            if after != token and after == evidence.form(token):
                return after, f"LanguageTool {message}; this document writes '{after}' mid-sentence"
            return None
        word = self._plain(text, start, token, evidence)
        if word is None or not (after.isascii() and after.isalpha()) or after.lower() not in lexicon().words:
            return None
        if not self._capital_ok(text, start, token, after.lower(), evidence):
            return None
        return _cased(after.lower(), token), f"LanguageTool {message}; '{token}' is no word in newsclean's lexicon"

    def _suspects(self, text: str, ctx: Context, evidence: _Evidence) -> tuple[frozenset[str], frozenset[str]]:
        """The runs of letters of ``text`` that may be misspelled ordinary words: every part of a token is such a run,
        and whether it may be a typo depends on the run, the lexicon and (looked at later, for these few only) the
        document's case evidence. And of these, those ``text`` writes both lowercase and capitalized ("coty",
        "Coty"): the other spelling is no common word either, so it is among the same unknown runs."""
        min_zipf, min_gain = self.min_zipf, self.min_gain
        never = _never_typos(min_zipf, min_gain)
        unknown = _unknown_runs(text, ctx, never)
        suspects = []
        named = evidence.named()
        for run in unknown:
            # Only a lowercase or capitalized run may be a typo ("McCain", "NATO" are not).
            if not (3 <= len(run) <= _MAX_WORD and (run.islower() or run.istitle())):
                never.add(run)
                continue
            word = run.lower()
            if named is not None:
                if word in named:
                    continue  # a name the document writes mid-sentence: no typo here, whatever the lexicon says
            elif word != run and word not in unknown and _first_sight(word):
                # A capitalized word new to this process, never written in lowercase here, is most often a name
                # that the document also writes mid-sentence: then it is no typo in this document, which its lines
                # tell for less than the search for its candidates costs. Seen again, it gets that search (once).
                if lexicon().is_known(word) or evidence.capitalized(word):
                    continue
            if _lexical(word, min_zipf, min_gain) is None:
                never.add(run)
            else:
                suspects.append(run)
        return frozenset(suspects), frozenset(run for run in suspects if _other_case(run) in unknown)

    def _plain(self, text: str, start: int, token: str, evidence: _Evidence) -> str | None:
        """The lowercase form of ``token`` if it may be a misspelled ordinary word at all, else None."""
        if not 3 <= len(token) <= _MAX_WORD or not (token.islower() or token.istitle()):
            return None  # short words, acronyms, "McCain", "iPhone", a run of letters no word is that long
        word = token.lower()
        if lexicon().is_known(word) or evidence.capitalized(word):
            return None
        return word

    def _left(self, text: str, start: int, end: int, word: str, correction: str, ctx: Context) -> bool:
        """True, with a note, when the context of ``text[start:end]`` says it is no typo (see
        :func:`_left_in_context`)."""
        speakers = ctx.cache.get("typos_speakers")
        if speakers is None:
            # The chat log's speakers, found once per document: a search of the whole text for each token would
            # cost a long log's length for every correction in it.
            original = ctx.original
            speakers = ctx.cache["typos_speakers"] = frozenset(
                m.group(1).lower() for m in _SPEAKER.finditer(original)) if "<" in original else frozenset()
        names = ctx.cache.get("typos_code_names")
        if names is None:
            names = ctx.cache["typos_code_names"] = _code_names(ctx.original)
        left: tuple[str, str] | None
        if inside(document_code_blocks(text, ctx), start):
            left = "code", "it stands in a block of code"
        elif word in names:
            left = "code_name", "the document writes it as a name in code or a path ('/etc/passwd', 'dbus.service')"
        else:
            left = _left_in_context(text, start, end, word, correction, speakers)
        if left is not None:
            self.note(ctx, left[0], f"'{text[start:end]}' is no word in the lists, but {left[1]}; left as is", start,
                      end)
        return left is not None

    @staticmethod
    def _capital_ok(text: str, start: int, token: str, correction: str, evidence: _Evidence) -> bool:
        """A capitalized token is corrected only at a sentence start, when the document writes the token or the
        correction in lowercase too: otherwise it is more likely a name than a misspelled word. Nor when a capital
        follows it: a name of several words starts there ("Groupe LAPS produces", "Societe Generale said")."""
        if token.islower():
            return True
        # Only the text just before the token tells a sentence start (the openers after the last sentence end), so
        # only that is read: a search and a copy back to the start of each line would cost a long line's length for
        # every capitalized token on it.
        near = max(0, start - _SENTENCE_START_READ)
        line_start = text.rfind("\n", near, start) + 1 or near
        if _CAPITAL_NEXT.match(text, start + len(token)) or not is_sentence_start(text[line_start:start],
                                                                                 start - line_start):
            return False
        if line_start == text.rfind("\n", near, start) + 1 and _WRAPPED_ABOVE.search(text, near, line_start):
            # The line above is prose that ends mid-sentence ("...programs, such as" / "Outreachy, Google Summer of
            # Code"): the line goes on with its sentence, and a capital there is a name's.
            return False
        return bool(evidence.lowercase(token.lower()) or evidence.lowercase(correction))


class _Evidence:
    """The document's case evidence (:mod:`newsclean.evidence`) about the few words a typo check asks about.

    A line's evidence depends on that line alone (whether it is headline-style, where its sentences start, which
    words stand together), so the lines that hold a word, in any case, give the whole document's counts for it: a
    few lines are collected instead of the whole document. With evidence from a batch (``ctx.batch``), the
    document's merged with the batch's, as every step sees it, for the capitals that protect a name; the lowercase
    uses that confirm a correction are the document's own (:meth:`lowercase`)."""

    __slots__ = ("_ctx", "_lines", "_about", "_whole")

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._lines: list[tuple[str, str]] | None = None
        self._about: dict[str, CaseEvidence] = {}
        # When a casing step has run first, the whole document's evidence is gathered already, and every question
        # about it is a dictionary lookup.
        self._whole: CaseEvidence | None = gathered_case_evidence(ctx)

    def named(self) -> Container[str] | None:
        """The words (lowercase) the document writes capitalized mid-sentence, when the whole document's evidence is
        gathered already (else None): what :meth:`capitalized` counts, tested as a dictionary's keys."""
        return None if self._whole is None else self._whole.capitalized.keys()

    def _of(self, word: str) -> CaseEvidence:
        """Evidence that is exact about lowercase ``word``."""
        if self._whole is not None:
            return self._whole
        if self._ctx.batch is not None or len(self._about) >= _FEW_WORDS:
            # Past a few words, the whole document's evidence, gathered once, costs less than their lines.
            return case_evidence(self._ctx)
        found = self._about.get(word)
        if found is None:
            if self._lines is None:
                original = self._ctx.original
                self._lines = list(zip(original.split("\n"), original.lower().split("\n")))
            found = self._about[word] = collect("\n".join(line for line, lowered in self._lines if word in lowered))
        return found

    def capitalized(self, word: str) -> int:
        """How often the document writes ``word`` capitalized mid-sentence (outside headline-style lines)."""
        return self._of(word).capitalized_count(word)

    def lowercase(self, word: str) -> int:
        """How often the document writes ``word`` (lowercase) in lowercase: the document itself, never its batch.
        What other articles write says nothing of which word this one means ("Groupe LAPS" is no "Group" because
        other articles write "group")."""
        if self._ctx.batch is not None:
            return document_evidence(self._ctx).lowercase.get(word, 0)
        return self._of(word).lowercase.get(word, 0)

    def form(self, token: str) -> str | None:
        """The document's most common capitalized spelling of ``token``, if any."""
        return self._of(token.lower()).form(token)


#: What the step remembers between documents is forgotten all at once when it grows this big (a few MB).
_REMEMBERED = 1 << 16
#: Capitalized words the step has met (see :meth:`Typos._suspects`).
_SIGHTED: set[str] = set()
#: For each ``(min_zipf, min_gain)``: runs of letters that are never a typo, whatever the document (the lexicon
#: has no correction for them, or they are acronyms, mixed case, too short or too long).
_NEVER: dict[tuple[float, float], set[str]] = {}


def _first_sight(word: str) -> bool:
    """True the first time ``word`` is asked about in this process (or since the record was last cleared)."""
    if word in _SIGHTED:
        return False
    if len(_SIGHTED) >= _REMEMBERED:
        _SIGHTED.clear()
    _SIGHTED.add(word)
    return True


def _never_typos(min_zipf: float, min_gain: float) -> set[str]:
    never = _NEVER.setdefault((min_zipf, min_gain), set())
    if len(never) >= _REMEMBERED:
        never.clear()
    return never


@lru_cache(maxsize=_REMEMBERED)
def _lexical(word: str, min_zipf: float, min_gain: float) -> str | tuple[Candidate, ...] | None:
    """What the lexicon alone says lowercase ``word`` may be corrected to: codespell's correction, or the candidates
    (likeliest first, the likeliest frequent enough to be a correction), or None: it is a word, or nothing could
    replace it. The same in every document, so worked out once per word (names recur, and so do typos)."""
    lex = lexicon()
    if lex.is_known(word):
        return None
    known = lex.misspellings.get(word)
    if known is not None:
        return known
    if len(word) < _MIN_GUESS or regular_plural(word):
        return None
    own = lex.zipf(word)
    # Corrections are common words (min_zipf): with none one edit away, no candidate one slip away could be one, and
    # the full search only matters to know whether to look further.
    nothing_near = min_zipf >= COMMON_ZIPF and not common_within_one_edit(word)
    if not nothing_near:
        found = candidates(word)
        if found:
            return tuple(found) if found[0].zipf >= max(min_zipf, own + min_gain) else None
    if len(word) < _MIN_DISTANT:
        return None
    # Nothing one slip away: a common word a little further may still be meant ("statmenmt"), on stricter terms.
    far = distant_candidates(word)
    if not far or far[0].zipf < max(min_zipf, own + min_gain + _DISTANT_GAIN) or derived(word):
        return None
    return None if nothing_near and candidates(word) else tuple(far)


def _left_in_context(text: str, start: int, end: int, word: str, likeliest: str,
                     speakers: Set[str]) -> tuple[str, str] | None:
    """Why the token ``text[start:end]`` (lowercase ``word``, no word in the lists, ``likeliest`` the correction
    it would get, ``speakers`` the nicknames of the document's chat lines, lowercase) is left where it stands, as a
    note's kind and reason; or None. Asked only of the few tokens the step would correct."""
    # Only the text near the token is read as its line: a paragraph written as one long line is read in part.
    near = max(0, start - _SENTENCE_START_READ)
    line_start = text.rfind("\n", near, start) + 1 or near
    line_end = text.find("\n", end, end + _SENTENCE_START_READ)
    line = text[line_start : line_end if line_end >= 0 else end + _SENTENCE_START_READ]
    at, to = start - line_start, end - line_start
    if _CODE_LINE.search(line):
        return "code", "its line is code"
    if _split_word(text, start, end, line, at, to):
        return "split_word", "it is part of a word split by a hyphen"
    if _compound_word_form(line, at, to, word):
        return "compound_part", "it is a word with a suffix (-s, -er, -ers) inside a hyphenated compound"
    if speakers and _speaker(line, at, to, word, speakers):
        return "speaker", "it names a speaker of a chat log"
    if _archaic(word, likeliest):
        return "archaic_form", "it is an archaic form of a known verb (-eth, -est)"
    if _ARCHAIC_BEFORE.search(line, max(0, at - 8), at) or _ARCHAIC_AFTER.match(line, to):
        return "archaic_form", "it stands in Early Modern English ('thy ...', '... thou')"
    if sum(map(_strange, _near_words(line, at, to))) >= 2:
        return "foreign_phrase", "the words around it are no English words either"
    return None


def _split_word(text: str, start: int, end: int, line: str, at: int, to: int) -> bool:
    """True when the token continues a word broken at a line end ("state-" / "ment"), or its hyphenated neighbour
    makes a word with it ("prosperi-ty")."""
    before = text[max(0, start - 80) : start].rstrip(" \t")
    if before.endswith("-\n") and before[:-2][-1:].isalpha():
        return True
    if text.startswith("-\n", end):
        return True
    words = lexicon().words
    if at > 1 and line[at - 1] == "-" and line[at - 2].isalpha():
        left = _CHAIN_BACK.match(line, 0, at - 1).group().rpartition("-")[2]
        if (left + line[at:to]).lower() in words:
            return True
    if line.startswith("-", to):
        right = _PART.match(line, to + 1)
        if right and (line[at:to] + right.group()).lower() in words:
            return True
    return False


def _code_names(text: str) -> frozenset[str]:
    """The runs of letters (three or more, lowercase) that ``text`` writes inside code or a path anywhere: a path
    ("/etc/passwd", "~/.config"), a dotted or underscored name ("dbus.service", "dbus_connection"), code between
    backticks, a variable ("$HOME"), an option ("--venv"), an assignment or a call ("args=", "perf("), a web
    address's host or a one-word part of its path. A word the document uses as a name in code is no slip where it
    stands in prose either ("systemd starts dbus"). Once per document, and only when a correction is about to be
    made.

    Only the runs of non-space characters that hold a mark of code are read (found by one scan for the marks):
    the patterns of code tried at every character of the text cost 270 ms per MB, this about 11."""
    names: set[str] = set()
    if "`" in text:
        names.update(run.lower() for m in _BACKTICKED.finditer(text) for run in _CODE_RUN.findall(m.group()))
    done = -1
    for mark in _CODE_MARK.finditer(text):
        at = mark.start()
        if at < done:
            continue  # in the run read already
        start = _RUN_BACK.match(text, 0, at).start()
        done = _RUN.match(text, at).end()
        # Read in place: the patterns look at the characters around the run (a space after "cmp=").
        found = _CODE.finditer(text, start, done + 1)
        names.update(word.lower() for m in found for word in _CODE_RUN.findall(m.group()))
        # A web address's host and its path's one-word parts ("freedesktop.org/software/dbus/"); not the words of a
        # slug ("/2019/goverment-falls"), made from a headline, typos and all.
        for url in _URL.finditer(text, start, done):
            names.update(part.lower() for part in _URL_PART.split(url.group(1)) if part.isalpha() and len(part) >= 3)
    return frozenset(names)


def _compound_word_form(line: str, at: int, to: int, word: str) -> bool:
    """True when the token ``line[at:to]`` (lowercase ``word``) is joined by a hyphen to another word and is a known
    word with a plural's or an agent's ending: compounds make such forms of words that stand alone in no list
    ("add-ons", "walk-ons", "left-hander"), which codespell's list takes for slips ("owns", "handler"). A slip in a
    compound ("non-existant", "winfow-panes") is no such form and is corrected."""
    if not (at > 1 and line[at - 1] == "-" and line[at - 2].isalpha()
            or line.startswith("-", to) and line[to + 1 : to + 2].isalpha()):
        return False
    words = lexicon().words
    return any(word.endswith(end) and len(word) - len(end) >= 2 and word[: -len(end)] in words
               for end in _COMPOUND_ENDINGS)


def _speaker(line: str, at: int, to: int, word: str, speakers: Set[str]) -> bool:
    """True when the token, in a document with chat lines, is a nickname: in a speaker tag, addressed at the start
    of a message ("<netgod> joeyh: ..."), acting ("* joeyh runs ..."), or one of the document's ``speakers``."""
    if word in speakers or line[at - 1 : at] == "<" and line[to : to + 1] == ">":
        return True
    return bool(_AFTER_SPEAKER.search(line, 0, at)) and (line[to : to + 1] in ":," or line.startswith(" -", to)
                                                         or line.startswith("*"))


def _archaic(word: str, likeliest: str) -> bool:
    """True for an archaic verb form: a known word with -eth or -est ("heareth", "maketh", "goest", "writest"),
    unless the likeliest correction holds the word and the ending too: a slip in a superlative ("bigest", "atest").
    The verb is a common one (Zipf 3): a slip leaves rarer strings before the ending ("juest")."""
    common = lexicon().common
    for ending in _ARCHAIC_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if (len(stem) > 2 or stem in _ARCHAIC_SHORT_VERBS) and (stem in common or stem + "e" in common):
                return not (stem in likeliest and likeliest.endswith(ending))
    return False


def _near_words(line: str, at: int, to: int) -> list[str]:
    """The words of three letters or more nearest to the token on its line (``_NEAR_WORDS`` on each side): a typo
    stands among English words, a run of words that are not (:func:`_strange`: two of them) is a foreign phrase,
    dialect or nonsense verse. Shorter words say little, and the lists lack most of them ("as", "is")."""
    before = [w for w in _WORD.findall(line[max(0, at - _NEAR_CHARS) : at]) if len(w) > 2][-_NEAR_WORDS:]
    return before + [w for w in _WORD.findall(line[to : to + _NEAR_CHARS]) if len(w) > 2][:_NEAR_WORDS]


def _strange(w: str) -> bool:
    """True for a word that is no English word: accented, a frequent word of another language, or lowercase and
    beyond any correction. A misspelling the lexicon could correct is not counted: typos come one at a time, but a
    text with many of them must not shield each one with its neighbours."""
    if not w.isascii():
        return True
    lex = lexicon()
    if not w.islower() or w in lex.words:
        return False
    return lex.is_known(w) or _lexical(w, COMMON_ZIPF, 0.0) is None


def _grammar_factor(best: Candidate, other: Candidate) -> float:
    """How much more evidence it takes to prefer ``best`` over ``other`` when they are forms of one word ("seems",
    "seemed" for "seemd"): frequency cannot tell which form the sentence needs, so they must be far apart."""
    a, b = best.word, other.word
    n = min(len(a), len(b))
    return _SIBLING_FACTOR if n >= 3 and abs(len(a) - len(b)) <= 2 and a[: n - 1] == b[: n - 1] else 1.0


def _other_form(word: str, found: tuple[Candidate, ...], evidence: _Evidence, min_zipf: float,
                min_gain: float) -> str | None:
    """The plural or singular of ``word`` (lowercase, no known word, with candidates ``found``) that the document
    writes in lowercase too and that is no known word either ("smallsats" for "smallsat"), unless both are the same
    misspelling of two forms of one word ("asist", "asists": "assist", "assists"); else None."""
    forms = [word + "s", word + "es"]
    if word.endswith("s"):
        forms.append(word[:-1])
        if word.endswith("es"):
            forms.append(word[:-2])
    for form in forms:
        if len(form) < 3 or not evidence.lowercase(form) or lexicon().is_known(form):
            continue
        theirs = _lexical(form, min_zipf, min_gain)
        corrections = {theirs} if isinstance(theirs, str) else {c.word for c in theirs or ()}
        if corrections.isdisjoint(_changed_alike(c.word, word, form) for c in found):
            return form
    return None


def _changed_alike(correction: str, word: str, form: str) -> str:
    """``correction`` of ``word`` changed as ``form`` changes ``word``: its plural when ``form`` is the plural."""
    if form.startswith(word):
        return correction + form[len(word):]
    ending = word[len(form):]
    return correction[:-len(ending)] if correction.endswith(ending) else ""


def _other_case(run: str) -> str:
    """A lowercase run capitalized, a capitalized one lowercase."""
    return run.capitalize() if run.islower() else run.lower()


def _cased(word: str, token: str) -> str:
    return word.capitalize() if token[0].isupper() else word


def _times(zipf_gain: float) -> str:
    return f"{10 ** zipf_gain:,.0f}x"


def _others(found: list[Candidate], best: Candidate) -> str:
    return ", ".join(f"'{c.word}'" for c in found[:4] if c is not best)


def _words_of(text: str, tokens: Iterable[regex.Match], suspects: frozenset[str] | None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each word of ``tokens`` (in order) that may be changed (and is one of ``suspects``, if
    given): not in a URL or the like, not cut short or dotted, not split from a drop cap, not in a compound with a
    name."""
    words = []
    protected = _Protected(text)
    for m in tokens:
        if (
            _CUT_OR_DOTTED.match(text, m.end())
            or _CALL.match(text, m.end())
            or _SPLIT_INITIAL.search(text, max(0, m.start() - 3), m.start())
            or protected.covers(m.start(), m.end())
        ):
            continue
        chunk = m.group()
        parts = list(_PART.finditer(chunk))
        if chunk.endswith(("'s", "’s")):
            parts.pop()
        if len(parts) > 1 and not all(p.group().islower() for p in parts):
            continue  # "al-Qaem", "Iranian-backed": a compound with a name in it is a name
        words += [(m.start() + p.start(), m.start() + p.end()) for p in parts
                  if suspects is None or p.group() in suspects]
    return words


def _runs(text: str) -> list[str]:
    """The runs of ASCII letters in ``text``, in order (``_PART.findall(text)``, several times faster)."""
    return text.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).decode("ascii").split()


def _unknown_runs(text: str, ctx: Context, never: set[str]) -> Set[str]:
    """The distinct runs of letters of ``text`` (``set(_runs(text))``) less the common words (lowercase and
    capitalized) and the runs that are ``never`` typos: most of a text's words are common, and most of the others
    were met before, set aside here in C.

    When ``text`` is the document as it came and its case evidence is gathered, its distinct words are gathered
    too (:func:`newsclean.evidence.written_words`), and read instead of a split into new strings, their hashing and a
    set of them (typos: 29 -> 20 ms per MB inside the pipeline). Every ASCII letter is in one of those words: a word
    of ASCII letters is a run, and a word with a letter beyond ASCII holds its runs. The common words and ``never``
    are runs of ASCII letters, so the words beyond ASCII outlast the difference, and are looked for among the few
    words left, not among all of the document's: one pass over a thousand words in cold memory fewer."""
    common = lexicon().common_forms
    if text is not ctx.original or gathered_case_evidence(ctx) is None:
        return set(_runs(text)).difference(common, never)
    unknown = written_words(ctx).difference(common, never)
    beyond = list(filterfalse(str.isascii, unknown))
    if not beyond:
        return unknown
    return unknown.difference(beyond).union(set(chain.from_iterable(map(_runs, beyond))).difference(common, never))


class _Protected:
    """Whether a token overlaps a URL, e-mail address, domain, handle or hashtag, for tokens asked about in order.

    No such span holds whitespace, so the run of non-space characters around a token is all that needs scanning;
    each run is scanned once, however many tokens it holds."""

    __slots__ = ("_text", "_lo", "_hi", "_spans")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lo = self._hi = -1
        self._spans = SpanIndex([])

    def covers(self, start: int, end: int) -> bool:
        if not self._lo <= start <= end <= self._hi:
            text = self._text
            self._lo, self._hi = _RUN_BACK.match(text, 0, start).start(), _RUN.match(text, end).end()
            self._spans = SpanIndex(protected_spans(text[self._lo : self._hi]))
        return self._spans.covers(start - self._lo, end - self._lo)


def _tokens_with(text: str, runs: frozenset[str]) -> list[regex.Match]:
    """The tokens (``_TOKEN.finditer(text)``) that hold one of ``runs`` as a whole run of letters, in order.

    A token starts where a chain of letters and hyphens starts (its lookbehind refuses a letter or a hyphen before
    it) and takes in the whole chain, so the chain around each place a run stands is all there is to match."""
    if len(runs) > _FOUND_RUNS_MAX:
        # Each run is a search through the text: a long document with many unknown words would cost runs times
        # length. Past a hundred or so runs, one pass over every token costs less, and keeps the work linear. Most
        # tokens are one run; only the others (hyphens, "'s") are split.
        return [m for m in _TOKEN.finditer(text)
                if (token := m.group()) in runs or not token.isalpha() and not runs.isdisjoint(_PART.findall(token))]
    places = []
    for run in runs:
        i = text.find(run)
        while i >= 0:
            j = i + len(run)
            if not (i and _is_letter(text[i - 1])) and not (j < len(text) and _is_letter(text[j])):
                places.append(i)
            i = text.find(run, i + 1)
    tokens = []
    done = 0  # the end of the last chain looked at: each stretch of text is scanned once
    for i in sorted(places):
        if i < done:
            continue
        start = _CHAIN_BACK.match(text, done, i).start()
        done = _CHAIN.match(text, i).end()
        m = _TOKEN.match(text, start)
        if m:
            tokens.append(m)
    return tokens


def _is_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


