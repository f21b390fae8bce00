"""typos: misspelled ordinary English words are corrected; names, codes, foreign words and variants never are."""

from __future__ import annotations

import json
import socket
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsclean import Pipeline
from newsclean.languagetool import LanguageToolUnavailable, from_matches
from newsclean.normalizers.typos import ENV_LANGUAGETOOL, Typos
from newsclean.evidence import batch_evidence
from newsclean.spelling import KEY_NEIGHBOURS, candidates, derived, distant_candidates, regular_plural

from conftest import SEEDS
from strategies import CLEAN_LINES, clean_prose

PIPE = Pipeline([Typos()])


def fix(text: str) -> str:
    return PIPE.fix(text)


FIXES = [
    # seed 001
    ("Iran has said it woudl consider sending forces.", "Iran has said it would consider sending forces."),
    ("uncontested by army or police,” residents saeid.", "uncontested by army or police,” residents said."),
    # common misspellings (codespell's list and the error model)
    ("they recieve aid", "they receive aid"),
    ("a seperate report", "a separate report"),
    ("it has occured twice", "it has occurred twice"),
    ("it was definately true", "it was definitely true"),
    ("they beleive it", "they believe it"),
    ("in thier homes", "in their homes"),
    ("the goverment said", "the government said"),
    # a capitalized slip at a sentence start, the document writing the word in lowercase: under a headline too
    ("Rebels take the city\nTeh rebels said they had taken the city, and the army withdrew.",
     "Rebels take the city\nThe rebels said they had taken the city, and the army withdrew."),
    # a slip in prose is still one when a web address's slug holds it too (made from a headline, typos and all)
    ("Goverment falls (https://news.example.com/2019/11/goverment-falls). The goverment fell.",
     "Government falls (https://news.example.com/2019/11/goverment-falls). The government fell."),
    # a slip inside a compound is still a slip: it is no known word with a compound's ending
    ("the user-servicable parts", "the user-serviceable parts"),
    ("out of the winfow-panes", "out of the window-panes"),
    # transpositions
    ("the cuonty said", "the county said"),
    ("the cpaital city", "the capital city"),
    ("the soldeirs left", "the soldiers left"),
    # dropped and doubled letters
    ("the weathr was bad", "the weather was bad"),
    ("a ceasfire deal", "a ceasefire deal"),
    ("untill Friday", "until Friday"),
    ("the commmittee met", "the committee met"),
    ("the rebells advanced", "the rebels advanced"),
    # one wrong key
    ("the presodent said", "the president said"),
    ("the militsry said", "the military said"),
    ("the rebeks fled", "the rebels fled"),
    # further than one slip: a common word, alone within two edits, of a long token
    ("the statmenmt said", "the statement said"),
    ("a new gereration", "a new generation"),
    # inside compounds and possessives
    ("a well-knwon fact", "a well-known fact"),
    ("the goverment's plan", "the government's plan"),
    # the same misspelling in two forms of one word: both corrected, to the two forms
    ("the goverment and other goverments", "the government and other governments"),
    # a capitalized misspelling at a sentence start, with the document using the word in lowercase
    ("Goverment forces advanced. The government said so.", "Government forces advanced. The government said so."),
    # what the context rules must not stop: a frequent misspelling far from its correction, a plural "(s)", a
    # slip in a superlative (no archaic "-est" form)
    ("the goverment said", "the government said"),
    ("the goverment(s) said", "the government(s) said"),
    ("the bigest city", "the biggest city"),
    ("you were to subscribe to all thee serivces", "you were to subscribe to all thee services"),
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert fix(text) == expected


#: Tokens that no list knows but that their context shows to be words (all corrected once, each one a harm found
#: in Debian's fortunes), with the note each one leaves.
LEFT_IN_CONTEXT = [
    # frequent in wordfreq, and the correction not far more frequent: Latin, jargon, slang
    ("It was all rules, et cetera, and more rules.", "frequent_word"),
    ("The verdict is the a priori opinion of the jury.", "frequent_word"),
    ("I sent a bug report to debian-devel today.", "frequent_word"),
    # code
    ("if (argc > 1 && verbose) exit;", "code"),
    ("The loop is simple.\n\ndef total(items):\n    reslt = 0\n    for item in items:\n        reslt += item.price\n"
     "    return reslt\n", "code"),
    ("#define creat open /* one call fewer */", "code"),
    # a word broken by a hyphen, at a line end or inside a line
    ("When the quit state-\nment is read, bc stops.", "split_word"),
    ("And whence such fair garments such prosperi-ty?", "split_word"),
    # a word with a plural's or an agent's ending that a compound gives it (codespell's list reads "owns", "handler")
    ("The plan adds add-ons and walk-ons to the show.", "compound_part"),
    ("A left-hander would be the thing, the coach said.", "compound_part"),
    # a name the document writes in code or a path somewhere: a path, a dotted or underscored name, backticks, a
    # variable, an option, an assignment, a call, a web address's host or one-word path part
    ("Edit /etc/passwd as root. The passwd file holds the users.", "code_name"),
    ("The dbus.service unit starts it: dbus then listens.", "code_name"),
    ("Call dbus_connection_open() first; dbus then connects.", "code_name"),
    ("Run `systemd-analyze` to see how long systemd took.", "code_name"),
    ("Use --venv to pick one, and the venv is created.", "code_name"),
    ("Set args=2, then the args are read.", "code_name"),
    ("See https://www.freedesktop.org/wiki/Software/dbus/ for more: dbus is a message bus.", "code_name"),
    # a chat log's speakers
    ("<joeyh> they killed the build!", "speaker"),
    ("<netgod> joeyh: i have the direct line", "speaker"),
    ("<james> the build is fine\n* joeyh runs the tests", "speaker"),
    ("<Knghtbrd> mariab - I am a Debian developer.", "speaker"),
    # archaic verb forms in quotations
    ("He that answereth a matter before he heareth it, it is folly.", "archaic_form"),
    ("Whither goest thou, America, in thy shiny car?", "archaic_form"),
    ("It maketh me accurate to ten significant figures.", "archaic_form"),
    ("Thy logick, like thy locks, is disarrayed;", "archaic_form"),
    # among other words that are no English words
    ("Nullum magnum ingenium sine mixtura dementiae fuit.", "foreign_phrase"),
    # written both lowercase and capitalized: a name lowercased (a slip is not made twice, once with a capital)
    ("Shares of beauty company coty rose.\nCoty acquired a stake in the brand.", "both_cases"),
]


@pytest.mark.parametrize(("text", "kind"), LEFT_IN_CONTEXT)
def test_words_shown_by_their_context_are_left_with_a_note(text: str, kind: str) -> None:
    result = PIPE.clean(text)
    assert result.text == text, result.explain()
    assert kind in {n.kind for n in result.notes if n.normalizer == "typos"}


def test_code_far_back_on_a_long_line_says_nothing_of_a_word() -> None:
    # A paragraph written as one line is read near the word only: "x == y" at its start is not the word's context.
    prose = "The committee met on Tuesday to discuss the budget and the schedule for the coming year. " * 4
    text = "They wrote x == y. " + prose + "It woudl consider the plan."
    assert fix(text) == text.replace("woudl", "would")


@pytest.mark.parametrize("text", ['Your "creat()" calls need a mode.', "Perl calls atof(str) and printf(fmt)."])
def test_a_function_call_is_no_typo(text: str) -> None:
    assert fix(text) == text


SEED_NAMES = ["Sidiqi", "Albam", "Barzeh", "Saasa", "Jarmana", "Mezzeh", "Daraya", "al-Qaem", "Abdurrahman",
              "Pedersen", "Tartus", "Latakia", "Alawite", "Hezbollah", "Hama", "Daraa"]

LEFT_ALONE = [
    # British and American spellings
    "The colour and the color, the organisation and the organization, the programme and the program.",
    "Neighbouring and neighboring, defence and defense, travelled and traveled, grey and gray, centre and center.",
    "They analyse, they analyze; a gruelling and a grueling war.",
    # rare but correct words
    "Petrichor and susurrus, a sesquipedalian defenestration, a frunk.",
    # a derived word the lists lack is not a misspelling of a word two edits away ("united")
    "An uncited claim.",
    # the plural of a noun of a regular ending, which the lists carry without it ("stuffer"): not "staffers"
    "Gift cards and stocking stuffers.",
    # a word the document writes in two forms, neither known, is a term of its own: not "smallest"
    "The smallsat market grew, and the firm builds smallsats for lunar landers.",
    # foreign words, accented or not
    "The intifada, schadenfreude, a fait accompli, hasta luego, señor, über, coup d'état, raison d'être.",
    # abbreviations, acronyms, contractions
    "The govt said approx five dept staff etc. were NATO, HTS, SDF and UNHCR officials.",
    "Don't, won't, y'all, ma'am, o'clock and it's stay as they are.",
    # numbers, codes, URLs, handles, hashtags, e-mails, file names
    "Covid-19, mp3, x86, abc123, A4B, 3rd, 1990s, e.g. and i.e. and U.S. stay.",
    "See https://exmaple.com/goverment and www.goverment.org or @goverment and #goverment, mail woudl@example.com.",
    "Open report.pdf and data.csv now.",
    # capitalized misspellings without document evidence: more likely names than typos
    "Officials of the Goverment said so.",
    "Woudl is the name of the village.",
    # a capitalized word at a sentence start with a capital after it starts a name of several words, even when the
    # document writes the correction in lowercase ("group", "society")
    "Groupe LAPS (France) produces installations.\n\nThe group designed a spider of eighty spiders.",
    "Societe Generale said profits fell. The society of shareholders met.",
    # a capitalized word at the start of a line that goes on with the sentence of the line above (hard-wrapped) is a
    # name's, even when the document writes the correction in lowercase ("outreach")
    "Discussion of Debian participation in internship-like programs, such as\nOutreachy, Google Summer of Code, and"
    " the outreach work.",
    # speech written as spoken: a final g dropped after "in" is no slip ("whooping" is one slip away)
    "Father time just pulled out his whoopin stick; they were cookin and huntin.",
    # words cut short by a teaser, and a drop cap split off its word, are not misspellings
    "The Surface Go range is seei... Lenovo laptops with improved Alexa suppor…",
    "W hile Anglophiles spent the weekend watching.",
    # a short token is only corrected from codespell's list; a run of letters longer than any word is no word
    "The tre and the ber.",
    "The " + "goverment" * 6 + " said.",
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_left_alone(text: str) -> None:
    assert fix(text) == text


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_names_left_alone(name: str) -> None:
    text = f"Residents of {name} said {name} was quiet."
    assert fix(text) == text
    # Written in lowercase, while the document writes it capitalized elsewhere: still a name.
    lowered = f"Residents of {name} said {name.lower()} was quiet."
    assert fix(lowered) == lowered


def test_seed_names_never_change_in_any_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for edit in PIPE.clean(path.read_text(encoding="utf-8")).edits:
            assert not any(n.lower() in edit.before.lower() for n in SEED_NAMES), edit


def test_seed_001_exactly_two_corrections() -> None:
    result = PIPE.clean((SEEDS / "001_22400fdf319afacc.txt").read_text(encoding="utf-8"))
    assert [(e.before, e.after) for e in result.edits] == [("saeid", "said"), ("woudl", "would")]
    assert "codespell" in result.edits[1].reason
    assert "one slip away" in result.edits[0].reason and "likelier" in result.edits[0].reason


@pytest.mark.parametrize("seed", ["000_77d11aa37ebc9ec8.txt", "002_3a754ec7feaf7df1.txt", "003_cbb8445dadc2087e.txt",
                                  "004_abc9d40aaf08aa38.txt"])
def test_other_seeds_unchanged(seed: str) -> None:
    assert not PIPE.clean((SEEDS / seed).read_text(encoding="utf-8")).edits


def test_reason_states_the_evidence() -> None:
    (edit,) = PIPE.clean("the presodent said").edits
    assert edit.reason.startswith("'presodent' is not a word; 'president' is one slip away ('o' typed for 'i')")
    assert "more frequent" in edit.reason


NON_ENGLISH = [
    "Die Regierung hat gesagt, dass sie woudl die Truppen nicht schicken werde, sagten die Bewohner.",
    "Le gouvernement a déclaré que les rebelles avaient atteint la ville, selon les habitants saeid.",
    "El gobierno dijo que los rebeldes habían llegado a la ciudad, según los residentes del barrio.",
]


@given(st.lists(st.sampled_from(NON_ENGLISH), min_size=1, max_size=4))
def test_non_english_text_unchanged(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    assert fix(text) == text


def test_foreign_line_in_english_document_left_with_a_note() -> None:
    text = ("The rebels said on Saturday that they had reached the gates of the capital city.\n"
            "Die Bewohner sagten, dass die Regierung die Truppen woudl nicht schicken werde, und gingen.\n")
    result = PIPE.clean(text)
    assert result.text == text
    # The words around "woudl" are German too: it is left before its line is asked about.
    assert any(n.kind == "foreign_phrase" for n in result.notes)
    alone = "Die Bewohner sagten, dass die Regierung die Truppen nicht schicken werde, sie woudl gehen.\n"
    result = PIPE.clean(text.splitlines(keepends=True)[0] + alone)
    assert result.text.endswith(alone)
    assert any(n.kind in ("foreign_line", "foreign_phrase") for n in result.notes)


def test_a_short_line_of_a_foreign_paragraph_is_told_by_its_paragraph() -> None:
    # "Por sua causa, Carlos." has too few words to tell its language alone: its paragraph is Portuguese.
    text = ("The rebels said on Saturday that they had reached the gates of the capital city after a long advance.\n\n"
            "Nunca ouviu as sensacionais brinquedorias musicais do grupo que encantou o Brasil nos anos oitenta?\n"
            "Eugênio: Por sua causa, Carlos.\n"
            "Carlos: Eu não sabia que você estava em casa quando a música começou a tocar na rádio.\n")
    result = PIPE.clean(text)
    assert result.text == text, result.explain()
    assert any(n.kind in ("foreign_line", "foreign_phrase") and "'causa'" in n.message for n in result.notes)


def test_a_line_of_a_foreign_paragraph_with_few_common_words_is_told_by_its_paragraph() -> None:
    # "Tulisan tidak terkirim - cek Alamat surel Anda!" has eight words but too few common ones to be told Indonesian
    # alone ("tidak" is no "tidal", "surel" no "surely"); its paragraph is.
    text = ("The rebels said on Saturday that they had reached the gates of the capital city after a long advance.\n\n"
            "Kirim ke Alamat Surat Elektronik Nama Anda Alamat Email Anda\nBatal\n"
            "Tulisan tidak terkirim - cek Alamat surel Anda!\nCek surel gagal, silahkan coba kembali\n"
            "Maaf, blog Anda tidak dapat berbagi tulisan lewat surel.\n")
    assert PIPE.fix(text) == text


_MISSPELLED = st.sampled_from(["woudl", "saeid", "goverment", "recieve", "presodent", "cuonty", "weathr"])


@given(clean_prose, _MISSPELLED, st.integers(min_value=0))
def test_only_changes_the_tokens_it_reports(prose: str, typo: str, at: int) -> None:
    words = prose.split(" ")
    i = at % len(words)
    text = " ".join(words[:i] + [typo] + words[i:])
    result = PIPE.clean(text)
    for edit in result.edits:
        assert edit.before.isalpha() and edit.after.isalpha(), edit
    assert result.replay() == result.text
    assert PIPE.fix(result.text) == result.text


@given(clean_prose, _MISSPELLED, st.integers(min_value=0))
def test_never_touches_a_capitalized_token_without_evidence(prose: str, typo: str, at: int) -> None:
    # Mid-sentence, a capitalized token is a name as far as the document tells: never corrected.
    words = prose.split(" ")
    i = 1 + at % len(words)
    assume(not words[i - 1].rstrip("\n”’\"')").endswith((".", "!", "?", ":", ";")))
    # A word after a line break starts its line or a list item ("Highlights\n- Goverment"): no mid-sentence token.
    assume("\n" not in words[i - 1])
    text = " ".join(words[:i] + [typo.capitalize()] + words[i:])
    assert typo.capitalize() in text
    for edit in PIPE.clean(text).edits:
        assert edit.before.islower(), edit


@given(st.lists(st.sampled_from(CLEAN_LINES), min_size=1, max_size=5), _MISSPELLED)
def test_capitalized_at_sentence_start_needs_the_word_in_lowercase(lines: list[str], typo: str) -> None:
    text = "\n".join([f"{typo.capitalize()} officials met."] + lines) + "\n"
    result = PIPE.clean(text)
    touched = [e for e in result.edits if e.before == typo.capitalize()]
    if touched:
        lowered = text.lower().split()
        assert typo in lowered or touched[0].after.lower() in " ".join(lowered)


UNSURE = [
    ("we can lkie focus", "'like' or 'lie'"),  # the commonest word does not win by its frequency alone
    ("they wnat more", "'want' or 'what'"),
    ("it lookd to work", "'looks' or 'looked'"),  # forms of one word: the sentence decides, not frequency
]


def test_a_name_no_candidate_could_replace_gets_no_note() -> None:
    # "Ruoff" is one slip from "runoff" and "ruff": a close call, but a capitalized word mid-sentence is never
    # corrected, so there is no doubt to report; at a sentence start, with the document's lowercase "ruoff", there is
    # (a name the document also writes lowercase, or a close call).
    assert not PIPE.clean("Concerts at the Ruoff Music Center begin in June.").notes
    (note,) = PIPE.clean("Ruoff is the word. Then ruoff again.").notes[:1]
    assert note.kind == "both_cases" and "'Ruoff'" in note.message
    (note,) = PIPE.clean("Ruoff is the word. Then the ruff again.").notes[:1]
    assert note.kind == "unsure_spelling" and "'Ruoff'" in note.message


def test_a_term_in_two_forms_is_left_with_a_note() -> None:
    result = PIPE.clean("The smallsat market grew. Smallsats and more smallsats flew.")
    assert result.text == "The smallsat market grew. Smallsats and more smallsats flew."
    (note,) = result.notes
    assert note.kind == "own_term" and "'smallsats'" in note.message


@pytest.mark.parametrize(("text", "candidates"), UNSURE)
def test_close_calls_are_left_with_a_note(text: str, candidates: str) -> None:
    result = PIPE.clean(text)
    assert result.text == text
    (note,) = result.notes
    assert note.kind == "unsure_spelling" and candidates in note.message


def test_options_are_checked() -> None:
    with pytest.raises(ValueError):
        Typos(min_ratio=0.5)


# --- the error model ---------------------------------------------------------------------------------------------

def test_key_neighbours_are_symmetric_and_local() -> None:
    assert KEY_NEIGHBOURS["s"] == frozenset("weadzx")
    assert all(a in KEY_NEIGHBOURS[b] for a, near in KEY_NEIGHBOURS.items() for b in near)


SLIPS = [
    ("woudl", "would", "swap"),
    ("untill", "until", "doubled"),
    ("ocurred", "occurred", "undoubled"),
    ("goverment", "government", "dropped"),
    ("presodent", "president", "wrong_key"),
    ("seperate", "separate", "wrong_vowel"),
    ("saeid", "said", "extra_vowel"),
    ("witht", "with", "extra_echo"),
]


@pytest.mark.parametrize(("token", "word", "slip"), SLIPS)
def test_candidates_carry_their_slip(token: str, word: str, slip: str) -> None:
    assert any(c.word == word and c.slip == slip for c in candidates(token))


def test_rare_slips_are_not_candidates() -> None:
    # An extra "c" beside neither "n" nor "i" on the keyboard: "uncited" is not a slip for "united".
    assert "united" not in [c.word for c in candidates("uncited")]
    assert derived("uncited") and not derived("statmenmt")


@pytest.mark.parametrize(("word", "plural"), [
    ("stuffers", True), ("inspectors", True),
    # nouns that change before the "s", a doubled "s", a foreign word's plural: misspellings still
    ("countys", False), ("lifes", False), ("namess", False), ("aktions", False),
])
def test_a_plural_the_lists_lack_is_a_word_only_after_a_regular_noun_ending(word: str, plural: bool) -> None:
    assert regular_plural(word) is plural
    assert [c.word for c in distant_candidates("statmenmt")] == ["statement"]


# --- LanguageTool -------------------------------------------------------------------------------------------------

def _match(offset: int, length: int, replacement: str, issue: str = "misspelling", category: str = "TYPOS",
           rule: str = "MORFOLOGIK_RULE_EN_US") -> dict:
    """A match in the documented /v2/check response format."""
    return {
        "message": "Possible spelling mistake found.",
        "shortMessage": "Spelling mistake",
        "replacements": [{"value": replacement}, {"value": "other"}],
        "offset": offset,
        "length": length,
        "context": {"text": "...", "offset": 0, "length": length},
        "sentence": "...",
        "type": {"typeName": "Other"},
        "rule": {"id": rule, "description": "Possible spelling mistake", "issueType": issue,
                 "category": {"id": category, "name": "Possible Typo"}},
    }


def test_from_matches_keeps_spelling_and_casing_only() -> None:
    text = "This is noot okay, said the the man in iran."
    iran = text.index("iran")
    matches = [
        _match(8, 4, "not"),
        _match(24, 7, "the", issue="duplication", category="MISC", rule="ENGLISH_WORD_REPEAT_RULE"),
        _match(iran, 4, "Iran", issue="typographical", category="CASING", rule="EN_PROPER_NOUN"),
    ]
    found = from_matches(text, matches)
    assert {k: v[0] for k, v in found.items()} == {(8, 12): "not", (iran, iran + 4): "Iran"}


def test_from_matches_converts_utf16_offsets() -> None:
    text = "😀 noot"  # the emoji is two UTF-16 code units, one Python character
    found = from_matches(text, [_match(3, 4, "not")])
    assert list(found) == [(2, 6)] and text[2:6] == "noot"


@pytest.fixture
def languagetool_answers(monkeypatch):
    """Make the LanguageTool backend answer with the given matches, without a server."""

    def use(matches: list[dict]) -> None:
        monkeypatch.setattr("newsclean.languagetool.check", lambda text, url, timeout: matches)

    return use


def test_languagetool_suggestions_pass_the_same_protections(languagetool_answers) -> None:
    text = "Residents of Saasa said it woudl rain in saasa and iran, Iran said."
    at = text.index
    languagetool_answers([
        _match(at("Saasa"), 5, "Salsa"),  # a capitalized name
        _match(at("woudl"), 5, "would"),  # a real misspelling
        _match(at("saasa"), 5, "salsa"),  # the name again, lowercase, capitalized elsewhere in the document
        _match(at("iran"), 4, "Iran", issue="typographical", category="CASING"),  # written "Iran" mid-sentence
    ])
    result = Pipeline([Typos(languagetool_url="http://localhost:8081")]).clean(text)
    assert result.text == "Residents of Saasa said it would rain in saasa and Iran, Iran said."
    assert all(e.reason.startswith("LanguageTool") for e in result.edits)


def test_languagetool_from_the_environment(languagetool_answers, monkeypatch) -> None:
    monkeypatch.setenv(ENV_LANGUAGETOOL, "http://localhost:8081")
    languagetool_answers([_match(3, 5, "would")])
    assert fix("It woudl rain.") == "It would rain."
    languagetool_answers([])
    # With a server named, its silence wins: the offline lexicon is not used behind the user's back.
    assert fix("It woudl rain.") == "It woudl rain."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_a_clear_error() -> None:
    typos = Typos(languagetool_url=f"http://127.0.0.1:{_free_port()}", languagetool_timeout=2)
    with pytest.raises(LanguageToolUnavailable, match="could not be reached or did not answer"):
        Pipeline([typos]).fix("It woudl rain.")


def test_silent_server_times_out() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # accepts connections but never answers
        url = f"http://127.0.0.1:{server.getsockname()[1]}"
        started = time.monotonic()
        with pytest.raises(LanguageToolUnavailable):
            Pipeline([Typos(languagetool_url=url, languagetool_timeout=0.5)]).fix("It woudl rain.")
        assert time.monotonic() - started < 10


def test_real_server() -> None:
    import os

    url = os.environ.get(ENV_LANGUAGETOOL)
    if not url:
        pytest.skip(f"no LanguageTool server configured: set {ENV_LANGUAGETOOL}=http://localhost:8081 to run this")
    assert Pipeline([Typos(languagetool_url=url)]).fix("Iran said it woudl consider it.") == (
        "Iran said it would consider it."
    )


# --- packaged data ------------------------------------------------------------------------------------------------

def test_packaged_lexicon_matches_the_packages() -> None:
    for package in ("wordfreq", "symspellpy", "spellchecker", "codespell_lib"):
        pytest.importorskip(package)
    from newsclean.data import build, load

    if not build.HUNSPELL_EN_US.exists():
        pytest.skip(f"{build.HUNSPELL_EN_US} absent: apt-get install hunspell-en-us")

    built = json.loads(json.dumps(build.typos()))
    packaged = load("typos")
    if built["source"] != packaged["source"]:
        pytest.skip(f"installed packages ({built['source']}) differ from the packaged data ({packaged['source']})")
    assert built == packaged


def test_the_held_out_misspellings_are_packaged_too() -> None:
    # The typo benchmark hides its held-out fifth of codespell for its own run (benchmarks/corruptions/typos.py);
    # users get every entry.
    from newsclean.data.build import held_out
    from newsclean.spelling import lexicon

    assert held_out("untill") and lexicon().misspellings.get("untill") == "until"
    assert held_out("dessicated") and fix("the dessicated fruit") == "the desiccated fruit"


def test_a_batch_lends_capitals_that_protect_names_not_lowercase_uses_that_confirm_corrections() -> None:
    # "Goverment" at a sentence start is corrected only when the document itself writes "goverment" or "government"
    # in lowercase; another article of the batch writing "government" says nothing of this one (with a real page's
    # "Groupe LAPS", batch evidence once made "Group LAPS").
    doc = "Goverment officials met on Monday."
    others = ["The government said the board met on Monday.", "A government of ministers met in Paris."]
    pipeline = Pipeline(["typos"])
    assert pipeline.clean(doc, batch=batch_evidence([doc, *others])).text == doc
    with_own_use = doc + " The government was formed in 1990."
    assert pipeline.clean(with_own_use).text.startswith("Government officials")
    # The batch lends evidence about the document's own words, in any case: its capitals protect a name.
    named = "Officials said the shop sells knwon boots."
    assert pipeline.fix(named) == "Officials said the shop sells known boots."
    batch = batch_evidence([named, "The shoes of Knwon Boots sell in Paris, and Knwon opened a shop."])
    assert pipeline.clean(named, batch=batch).text == named
