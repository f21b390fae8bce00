"""The shared analyses: language identification, protected spans, document case evidence, packaged data."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import language
from newsclean.evidence import collect
from newsclean.language import detect
from newsclean.spans import PROTECTED, SpanIndex, protected_spans

LANGUAGES = [
    ("The rebels said they had reached the gates of the capital on Saturday, officials said.", "en"),
    ("Die Rebellen sagten, sie hätten die Tore der Hauptstadt am Samstag erreicht, so die Behörden.", "de"),
    ("Os rebeldes disseram que chegaram aos portões da capital no sábado, segundo as autoridades.", "pt"),
    ("Les rebelles ont déclaré avoir atteint les portes de la capitale samedi, selon les autorités.", "fr"),
    ("Para pemberontak mengatakan bahwa mereka telah mencapai gerbang ibu kota pada hari Sabtu.", "id"),
    ("Повстанцы заявили, что в субботу достигли ворот столицы.", "other"),
    ("反政府勢力は土曜日に首都の門に到達したと述べた。", "other"),
    ("Officials arrived in turkey's capital on Sunday.", "en"),  # a few French-looking hits are not enough
    ("rebels,with", "en"),
    ("", "en"),
    # Initials and abbreviations are no words: "u", "s" and "d" are Czech, Dutch and French function words.
    ("U.S. stocks fell on Monday as U.S. yields rose.", "en"),
    ("U.S. and U.K. officials met in Washington on Monday.", "en"),
    ("Palm Bay d. Rockledge 70-44. Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal.", "en"),
    ("V Praze se v pondělí sešli ministři s předsedou vlády a s prezidentem.", "cs"),
    # Too short for function words alone: told by each language's frequent words, lowercase ones (a capitalized "El"
    # is a name's), that English does not use as much ("am" is German too).
    ("Kaffee nicht gefunden.", "de"),
    ("Ich will Frauen nicht verstehen, sondern begreifen.", "de"),
    ("Año nuevo, vida nueva.", "es"),
    ("Un po' di sofferenza fa bene all'animo.", "it"),
    ("I am here", "en"),
    ("Rebels take Homs, El Pais says", "en"),
    ("a la carte menu prices rise", "en"),
    # ... and making a fifth of the words: one Slovenian "oz" in a list of foods is not enough
    ("Tomato salad: ½ cup cherry tomatoes, 4 oz. cooked chicken, ½ cup white beans, 1 tsp. olive oil, 1 cup grapes",
     "en"),
    # A proverb holds few frequent words of any language: those of another one, with the lowercase words that are no
    # English words, make half of it; "other" when they name no language.
    ("A buen hambre, no hay pan duro.", "es"),
    ("Alcanza, quien no cansa.", "es"),
    ("Is fearr stuaim ná neart.", "other"),
    # ... but words that are no English words say nothing without a sure sign of another language: typos, names.
    ("the rebels woudl attack homs, saeid the official.", "en"),
    ("Sidiqi told reporters in Barzeh", "en"),
    ("the rebels woudl attack homs, saeid teh official.", "en"),  # "teh" is Indonesian, and a common misspelling
    ("in thier homes", "en"),  # "homes" is Catalan, and an English word
]


@pytest.mark.parametrize(("text", "lang"), LANGUAGES)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_a_short_english_headline_with_abbreviations_gets_the_english_steps() -> None:
    # Called Czech for its "u" and "s", it was left to the steps that serve every language.
    assert newsclean.fix("U.S. forces hit iran, U.S. officials say") == "U.S. forces hit Iran, U.S. officials say"
    assert newsclean.fix("Talks with syria resume in Geneva") == "Talks with Syria resume in Geneva"


@pytest.mark.parametrize("text", [
    # One-line quotations and headlines in other languages (from Debian's fortunes in German, Spanish, Italian): too
    # short for their function words to tell, they were taken for English ("nicht" -> "night", "salud" -> "salad").
    "Kaffee nicht gefunden.",
    "Computer können alles.",
    "Ich will Frauen nicht verstehen, sondern begreifen.",
    "Sin virtud poco vale la salud.",
    "Año nuevo, vida nueva.",
    "Son todos una mierda.",
    "Un po' di sofferenza fa bene all'animo.",
    # Proverbs (Debian's fortunes in Spanish, Irish, Esperanto): "buen" -> "been", "fearr" -> "fear".
    "A buen hambre, no hay pan duro.",
    "Alcanza, quien no cansa.",
    "Is fearr stuaim ná neart.",
    "Akvo kaj pano servas al sano",
])
def test_short_text_in_another_language_is_unchanged(text: str) -> None:
    assert newsclean.fix(text) == text


@given(st.text(alphabet=st.sampled_from("ab AB’—“é\u0301²_1\u00a0")))
def test_words_of_a_text_without_word_characters_beyond_ascii_are_split_in_bytes(text: str) -> None:
    # language.detect's fast path, for a text whose only non-ASCII characters are no word characters.
    beyond = "".join(c for c in text if not c.isascii())
    if not language._WORD_CHAR.search(beyond):
        words = text.encode().translate(language._LOWER_LETTERS).decode("ascii").split()
        assert words == [w.lower() for w in language._WORD.findall(text)]


#: Letters beyond ASCII, some with a lowercase of two characters ("İ") or one that depends on the next letter (a
#: final sigma), modifier letters (case-ignorable), a mark, digits that are or are not decimal, non-letters beyond
#: ASCII (quotes, a space, a middle dot), lone surrogates, and more non-letters than are replaced one by one.
_BEYOND_ASCII = st.text(alphabet=st.sampled_from("aB .-_1’—“é\u0301²\u00a0ΣσİßʼǅⅠª·日\ud800\udc00")
                        | st.characters(min_codepoint=0x2010, max_codepoint=0x2060))


@given(_BEYOND_ASCII)
def test_words_with_letters_beyond_ascii_are_split_as_the_regex_splits_them(text: str) -> None:
    # language.detect's split of a text with letters beyond ASCII: its non-letters made spaces in the UTF-8.
    encoded = text.encode("utf-8", "surrogatepass")
    beyond = "".join(c for c in text if not c.isascii())
    spaced = language._spaced_words(text, encoded, beyond)
    words = language._WORD.findall(text)
    assert spaced.lower().split() == [w.lower() for w in words]
    assert len(spaced) - spaced.count(" ") == sum(map(len, words))


@given(st.text(alphabet=st.sampled_from("aB .._1é\u0301²ʼ日\n")))
def test_initials_are_found_from_their_full_stop(text: str) -> None:
    initial = re.compile(r"\b[^\W\d_]\.")
    assert bool(language._INITIAL.search(text)) == bool(initial.search(text))
    assert language._without_initials(text) == initial.sub(" ", text)


def _scored_verdict(text: str) -> str:
    """What language._scored says when it scores every language (no English shortcut), on an ASCII text."""
    table = language._table()
    words = text.lower().split()
    scores = [0.0] * len(table.langs)
    # Summed as _verdict sums (a distinct word's weight times its count, in order of first use): a tie between two
    # languages stays a tie.
    for w, n in Counter(words).items():
        for i, weight in table.weights.get(w, ()):
            scores[i] += weight * n
    en = scores[table.langs.index("en")]
    best = max(range(len(table.langs)), key=scores.__getitem__)
    if len(words) < language._MIN_WORDS or table.langs[best] == "en" or scores[best] < 0.02 * len(words) or (
            scores[best] <= language._MARGIN * en):
        return "en"
    return table.langs[best]


_FUNCTION_WORDS = sorted(w for w in language._table().known if w.isascii() and w.isalpha())
_ENGLISH = [w for w in _FUNCTION_WORDS if language._table().lead[w] > 0]
_OTHERS = [[w for w in _FUNCTION_WORDS if any(i == k for i, _ in language._table().weights[w])]
           for k, lang in enumerate(language._table().langs) if lang != "en"]


@given(st.sampled_from([ws for ws in _OTHERS if ws]).flatmap(
    lambda other: st.lists(st.sampled_from(_ENGLISH) | st.sampled_from(other), min_size=8, max_size=60)))
def test_the_english_shortcut_gives_the_verdict_of_scoring_every_language(words: list[str]) -> None:
    # English function words and one other language's, about as many of each: texts where English just wins, just
    # loses, or ties with the other language's score over the margin.
    text = " ".join(words)
    assert language._scored(text.lower().split()) == _scored_verdict(text)


SPANS = [
    ("See cnn.com or @AP.", ["cnn.com", "@AP"]),
    ("news.example.org/a,b and desk@example.com", ["news.example.org/a,b", "desk@example.com"]),
    ("https://x.org/a?b=1,2.", ["https://x.org/a?b=1,2"]),
    ("(www.bbc.co.uk/news).", ["www.bbc.co.uk/news"]),
    ("#Syria trends", ["#Syria"]),
    ("news.al-monitor.com and xn--80ak.org", ["news.al-monitor.com", "xn--80ak.org"]),
    ("Visit cnn.com...and e.g. apnews.com.", ["cnn.com", "apnews.com"]),
    ("my-site.example.co.uk:8080", ["my-site.example.co.uk"]),
    ("soldiers.The recent", []),
    ("rebels,with", []),
    ("U.S. and U.N. and e.g. this", []),
    ("1,000 and 3.5 and 2:30", []),
]


@pytest.mark.parametrize(("text", "found"), SPANS)
def test_protected_spans(text: str, found: list[str]) -> None:
    assert [text[a:b] for a, b in protected_spans(text)] == found


#: Text dense in the characters that start, end or break a span, so that triggers, quiet stretches and runs meet.
SPAN_DEBRIS = st.text(alphabet="ab.c@#:/ w-W.\n\"”)x1_é", max_size=80)


@given(SPAN_DEBRIS)
def test_protected_spans_match_a_scan_of_the_whole_text(text: str) -> None:
    # protected_spans scans only around triggers; it must find exactly what one scan of the whole text finds.
    assert protected_spans(text) == [m.span() for m in PROTECTED.finditer(text)]


def test_span_index() -> None:
    index = SpanIndex.of("See cnn.com now")
    assert [index.covers(i) for i in (3, 4, 10, 11)] == [False, True, True, False]
    assert index.covers(0, 5) and not index.covers(11, 15)


def test_case_evidence_ignores_sentence_starts_and_headlines() -> None:
    text = "Battle For Homs\nRebels took Homs. Homs fell. Residents of homs fled to Damascus.\nThe end.\n"
    ev = collect(text)
    assert ev.capitalized_count("homs") == 1  # "took Homs"; not "Homs fell" (sentence start) nor the headline
    assert ev.form("damascus") == "Damascus"
    assert ev.capitalized_count("the") == 0 and ev.capitalized_count("battle") == 0
    assert ev.lowercase["homs"] == 1


def test_function_words_match_wordfreq() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    from newsclean.data import load

    data = load("function_words")
    for lang, words in data["languages"]:
        assert words == wordfreq.top_n_list(lang, len(words)), lang
    frequent = load("frequent_words")
    for lang, words in frequent["languages"]:
        assert words == wordfreq.top_n_list(lang, len(words)), lang
    assert frequent["english_common"] == wordfreq.top_n_list("en", len(frequent["english_common"]))


_EN = "The rebels said on Saturday that they had reached the gates of the capital city after a long advance."
_PT = "Nunca ouviu as sensacionais brinquedorias musicais do grupo que encantou o Brasil nos anos oitenta?"
_PT_SHORT = "Eugênio: Por sua causa, Carlos."


@pytest.mark.parametrize(("text", "at", "english"), [
    (f"{_EN}\n{_PT}\n", _PT, False),  # a line long enough is told alone
    (f"{_PT}\n{_EN}\n", _EN, True),
    (f"{_EN}\n\n{_PT}\n{_PT_SHORT}\n", _PT_SHORT, False),  # a short line by its paragraph
    (f"{_PT}\n\n{_EN}\nHe said so.\n", "He said", True),
    (f"{_PT}\n\n{_PT_SHORT}\n\n{_PT}\n", _PT_SHORT, False),  # a short paragraph by the text around it
    (f"{_EN}\n\n{_PT_SHORT}\n\n{_PT}\n", _PT_SHORT, False),  # ... on either side: where two languages meet, left
    (f"{_EN}\n\nPor sua causa.\n\n{_EN}\n", "Por sua", True),  # a few foreign words in English text
    ("Por sua causa.", "Por", True),  # nothing to tell by: English
    # a line with too few common words to tell, in a paragraph of another language: the paragraph's
    (f"{_EN}\n\nBatal\nTulisan tidak terkirim - cek Alamat surel Anda!\nMaaf, blog Anda tidak dapat berbagi tulisan "
     "lewat surel.\n", "Tulisan", False),
])
def test_the_language_of_a_line(text: str, at: str, english: bool) -> None:
    assert language.line_is_english(text, text.index(at)) is english


def test_a_line_longer_than_what_is_read_is_told_around_the_edit() -> None:
    # A step asks once per edit, so the search is bounded: in a text without line breaks, the text around the edit
    # tells, not the start of the line (which made the work grow with the square of the length).
    text = " ".join([_EN] * 100 + [_PT] * 100)
    assert language.line_is_english(text, 10)
    assert not language.line_is_english(text, len(text) - 10)
