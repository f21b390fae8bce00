"""interview: tables of repaired transcripts, of text that must not change, seed 001 turn by turn, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import ConfigError, Pipeline
from newsclean.normalizers import interview
from newsclean.normalizers.interview import MARK, Interview

from strategies import CLEAN_LINES

Q1 = "Professor Aron, the speed of the rebel advance is remarkable. What has enabled it?"
A1 = "Several factors are converging. Years of repression have fueled resentment."
Q2 = "Can Assad's forces hold the line?"
A2 = "The claim by rebel sources is highly credible. The rebel momentum is undeniable."
Q3 = "Are we witnessing the beginning of the end for Assad?"
A3 = "It's certainly a critical moment. Much depends on the army."


def qa(*turns: str, sep: str = "\n") -> str:
    """A transcript, one paragraph per turn: "label|text" is the label, a space and the text; "label|" a label with
    no text; "label|\ntext" a label alone on its line; a turn without "|" is taken as it is."""

    def turn(t: str) -> str:
        label, bar, body = t.partition("|")
        return t if not bar else label + body if not body or body[0] == "\n" else f"{label} {body}"

    return sep.join(turn(t) for t in turns) + "\n"


BASE = ["**WTN:**|" + Q1, "**Professor Aron:**|" + A1, "**WTN:**|" + Q2, "**Professor Aron:**|" + A2,
        "**WTN:**|" + Q3, "**Professor Aron:**|" + A3]


def with_turn(i: int, turn: str, sep: str = "\n") -> str:
    """BASE with its turn ``i`` replaced."""
    return qa(*BASE[:i], turn, *BASE[i + 1 :], sep=sep)


FIXES = [
    # truncated answers: cut back to the last complete sentence and marked (seed 001's two cases)
    (with_turn(1, "**Professor Aron:**|Several factors are converging. second, the influx of disillusioned Syrian "
                  "soldiers.The recent"),
     with_turn(1, "**Professor Aron:**|Several factors are converging. second, the influx of disillusioned Syrian "
                  "soldiers. […]")),
    (with_turn(1, "**Professor Aron:**|Several factors are converging. The influx of soldiers. The recent"),
     with_turn(1, "**Professor Aron:**|Several factors are converging. The influx of soldiers. […]")),
    (with_turn(5, "**Professor Aron:**|It’s certainly a critical moment. the"),
     with_turn(5, "**Professor Aron:**|It’s certainly a critical moment. […]")),
    (with_turn(1, "**Professor Aron:**|He met Dr. Smith. They spoke with Gen. Ali and"),
     with_turn(1, "**Professor Aron:**|He met Dr. Smith. […]")),
    (with_turn(1, "**Professor Aron:**|See news.example.org/syria.Today for more. Then the"),
     with_turn(1, "**Professor Aron:**|See news.example.org/syria.Today for more. […]")),
    (with_turn(1, "**Professor Aron:**|Troops left the U.S. base. “We lost,” he said. Then the army,"),
     with_turn(1, "**Professor Aron:**|Troops left the U.S. base. “We lost,” he said. […]")),
    # a colon announces what was cut, however long the fragment; a capitalized word that cannot end a sentence
    (with_turn(1, "**Professor Aron:**|Several factors are converging. The army now has two reliable allies:"),
     with_turn(1, "**Professor Aron:**|Several factors are converging. […]")),
    (with_turn(1, "**Professor Aron:**|Several factors are converging. Years of repression have fueled ESA’s Design "
                  "Facility—a"),
     with_turn(1, "**Professor Aron:**|Several factors are converging. […]")),
    # labels: one form (the transcript's most common), one spelling per speaker (raised, never lowered)
    (with_turn(2, "**WTN**:|" + Q2), with_turn(2, "**WTN:**|" + Q2)),
    (with_turn(3, "**professor Aron:**|" + A2), with_turn(3, "**Professor Aron:**|" + A2)),
    (with_turn(3, "**professor aron:**|" + A2), with_turn(3, "**Professor Aron:**|" + A2)),
    (qa("Q:|" + Q1, "professor aron:|" + A1, "Q:|" + Q2, "professor aron:|" + A2, "Q:|" + Q3, "Professor Aron:|" + A3),
     qa("Q:|" + Q1, "Professor Aron:|" + A1, "Q:|" + Q2, "Professor Aron:|" + A2, "Q:|" + Q3, "Professor Aron:|" + A3)),
    (with_turn(3, "**Professor Aron:**" + A2), with_turn(3, "**Professor Aron:**|" + A2)),
    (qa("Q:|" + Q1, "A:|" + A1, "Q:|" + Q2, "**A:**|" + A2), qa("Q:|" + Q1, "A:|" + A1, "Q:|" + Q2, "A:|" + A2)),
    (qa("Q:" + Q1, "A:|" + A1, "Q:|" + Q2, "A:|" + A2), qa("Q:|" + Q1, "A:|" + A1, "Q:|" + Q2, "A:|" + A2)),
    (qa("JOHN SMITH:|" + Q1, "MARY JONES:|" + A1, "JOHN SMITH:|" + Q2, "mary jones:|" + A2),
     qa("JOHN SMITH:|" + Q1, "MARY JONES:|" + A1, "JOHN SMITH:|" + Q2, "MARY JONES:|" + A2)),
    # a label alone on its line joined to its text, with or without a blank line between
    (with_turn(3, "**Professor Aron:**|\n" + A2), with_turn(3, "**Professor Aron:**|" + A2)),
    (with_turn(3, "**Professor Aron:**|\n\n" + A2, sep="\n\n"), with_turn(3, "**Professor Aron:**|" + A2, sep="\n\n")),
    # prose before and after the transcript is not part of it
    ("Intro: the interview was edited.\n" + with_turn(2, "**WTN**:|" + Q2) + "**Coming up:** More at ten\n",
     "Intro: the interview was edited.\n" + with_turn(2, "**WTN:**|" + Q2) + "**Coming up:** More at ten\n"),
]

UNCHANGED = [
    # prose with colons, times, bylines, headings, lists
    "He said: the rebels are coming. Note: this was before 10:30.\nShe said: they are here\n",
    "By: Mary Sidiqi\nPhoto: AP\nThe rebels advanced on Saturday.\n",
    "Key points:\nRebels took Homs.\nAssad fled.\n",
    "Rebels in Damascus: Rebel forces infiltrate the Barzeh neighborhood\nStrategic Offensive: Coordinated rebel "
    "movements advance\nDefections Rumored: Rebels claim discussions\nU.S. Position: No intervention planned\n",
    "Pros: fast, light\nCons: pricey, loud\nPros: bright screen\nCons: weak battery, heavy\nPros: cheap\n"
    "Cons: slow\n",
    "Photo: AP\nSource: Reuters\nPhoto: AFP\nSource: CNN\nPhoto: AP\n",
    "Time: 10:30\nTime: 11:45\nPlace: Homs\nPlace: Damascus\n",
    # one question and one answer are not enough to call a text a transcript
    "Q: Will Assad fall?\nA: Several factors are converging. The recent\n",
    # finished transcripts: question, closing quote, dash interruption, ellipsis, short answers without a stop
    qa(*BASE),
    with_turn(1, "**Professor Aron:**|They told me “we will win”"),
    with_turn(1, "**Professor Aron:**|The regime is finished —"),
    with_turn(1, "**Professor Aron:**|Well, I wonder…"),
    with_turn(1, "**Professor Aron:**|Ask them yourself?"),
    with_turn(1, "**Professor Aron:**|Read it at example.com/syria"),
    with_turn(1, "**Professor Aron:**|Bob Marley, Bruno Mars, Drake, The Eagles, Jay Z, Frank Sinatra"),
    with_turn(1, "**Professor Aron:**|Broncos vs. Raiders at Mile High"),
    with_turn(1, "**Professor Aron:**|St. Croix in the U.S. Virgin Islands"),
    with_turn(1, "**Professor Aron:**|A Fistful of Rice and The Hard Thing About Hard Things"),
    # whole short replies among long answers (BASE's answers have 9 to 13 words)
    *[with_turn(1, "**Professor Aron:**|" + reply) for reply in [
        "Not at all", "I think so", "Absolutely", "Yes", "No", "Of course", "Sure", "I do", "It is", "Thank you",
        "Definitely not", "Me", "We will", "Not really", "Yes.", "No.", "Absolutely.", "Who knows?"]],
    # a turn that ends on a list item or a heading ends on no sentence
    with_turn(1, "**Professor Aron:**|Several factors are converging:\n- better weapons"),
    with_turn(1, "**Professor Aron:**|Several factors are converging:\n2. Defections"),
    with_turn(1, "**Professor Aron:**|" + A1 + "\n## Part two"),
    # a few words without a stop where another answer is short too: short answers are this interview's style
    qa(*BASE[:1], "**Professor Aron:**|Eastern", *BASE[2:5], "**Professor Aron:**|Yes."),
    # a short line ending in a colon, shaped like a heading, between two turns
    with_turn(1, "**Professor Aron:**|" + A1 + "\nPart two:"),
    # the real Q&A of a dev page: short answers without a full stop are whole answers
    qa("Q:|Where did you grow up?", "A:|St. Croix in the U.S. Virgin Islands – the most beautiful 87 square miles.",
       "Q:|Favorite childhood memory?", "A:|Trip to Disney World", "Q:|Favorite apps?",
       "A:|Bleacher Report, Uber Eats, and ParkMobile", "Q:|Favorite technology purchase in the last 5 years",
       "A:|Sonos – Music is the soundtrack to your life. Also, they do it in a simple way.", "Q:|Favorite athlete?",
       "A:|Lebron James", "Q:|Favorite plan?", "A:|Plan A", sep="\n\n"),
    # a hard-wrapped transcript: the last turn's sentence goes on on the line under it
    ("President: Hah! The computer is wrong. My father died over twenty\nyears ago!\n"
     "Computer: Your mother's husband died 22 years ago. Your father just\nlanded a twelve pound bass.\n"
     "President: That cannot be true, and you know it, machine.\n"
     "Computer: Ask your mother about it, then. Ask her about the\nfishing trip of 1962.\n"),
    # capitalized words in labels are never changed, so "Mary Jones" stays beside "MARY JONES" (never lowered)
    qa("JOHN SMITH:|" + Q1, "MARY JONES:|" + A1, "JOHN SMITH:|" + Q2, "Mary Jones:|" + A2),
    # a transcript laid out with every label on its own line keeps its layout
    qa("Q:|\n" + Q1, "A:|\n" + A1, "Q:|\n" + Q2, "A:|\n" + A2),
    # a conversation in Portuguese (from the dev pages): consistent already
    qa("Prof. Carlos:|Estou aqui ao lado do Eugênio Tadeu, que já é de casa.", "Eugênio:|Por sua causa, Carlos.",
       "Prof. Carlos:|E agora estamos aqui aprontando o quê?", "Eugênio:|Estamos fazendo uma série de brincadeiras.",
       sep="\n\n"),
    "",
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert Interview()(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_alone(text: str) -> None:
    result = Pipeline([Interview()]).clean(text)
    assert result.text == text, result.explain()
    assert not [n for n in result.notes if n.kind == "truncated_answer"], result.explain()


TRUNCATED = with_turn(1, "**Professor Aron:**|Several factors are converging. The influx of soldiers.The recent")


@pytest.mark.parametrize(
    ("mode", "answer"),
    [
        ("mark", "Several factors are converging. The influx of soldiers. […]"),
        ("trim", "Several factors are converging. The influx of soldiers."),
        ("keep", "Several factors are converging. The influx of soldiers.The recent"),
    ],
)
def test_truncated_option(mode: str, answer: str) -> None:
    result = Pipeline(["interview"], interview_truncated=mode).clean(TRUNCATED)
    assert result.text == with_turn(1, "**Professor Aron:**|" + answer)
    notes = [n for n in result.notes if n.kind == "truncated_answer"]
    assert [n.line for n in notes] == [2]
    assert result.metadata["interview"]["truncated_turns"] == [2]
    if mode != "keep":
        (edit,) = result.edits
        assert edit.before == "The recent" and "cut back to the last complete sentence" in edit.reason


def test_bad_option_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="truncated must be"):
        Pipeline(["interview"], interview_truncated="drop")


#: Truncated turns that are reported but not cut: there is no complete sentence to cut back to, or the fragment may
#: be a whole sentence that only lost its full stop.
REPORTED = [
    ("**Professor Aron:**|Several factors and the", "no complete sentence"),
    ("**Professor Aron:**|“It doesn’t affect me at all now,”", "no complete sentence"),
    ("**Professor Aron:**|It did not reveal the crash", "no complete sentence"),
    ("**Professor Aron:**|Fad diets can change", "no complete sentence"),  # every other turn is finished
    ("**Professor Aron:**|Several factors are converging. Years of repression have fueled", "may only lack its stop"),
    ("**Professor Aron:**|See news.example.org/syria.Today and the", "no complete sentence"),  # no stop in a URL
    # a word that cannot end a sentence, capitalized or not, after a dash or contracted with its verb
    ("**Professor Aron:**|During", "no complete sentence"),
    ("**Professor Aron:**|That’s", "no complete sentence"),
    ("**Professor Aron:**|ESA’s Concurrent Design Facility—a", "no complete sentence"),
    ("**Professor Aron:**|“We’re", "no complete sentence"),
    # a sentence whose numbers are neither case: its words are mostly lowercase
    ("**Professor Aron:**|Nadal earlier defeated Khachanov 6-3, 7-6 (7) to level", "no complete sentence"),
    # full of names, but with the verbs and nouns no title or list has
    ("**Professor Aron:**|Officers from the Columbus Police Department Intelligence Unit conducted a traffic stop near "
     "Seventh Street and Central Avenue and later arrested Elizabeth A. Burton", "no complete sentence"),
    # a few words that are no reply, among long answers; a subject pronoun alone waits for its verb
    ("**Professor Aron:**|Eastern", "a few words without a stop among long answers"),
    ("**Professor Aron:**|The United", "a few words without a stop among long answers"),
    ("**Professor Aron:**|Dempsey picked up", "a few words without a stop among long answers"),
    ("**Professor Aron:**|It", "a few words without a stop among long answers"),
    # a list item cut for sure is reported, never cut back ("2." ends no sentence)
    ("**Professor Aron:**|Several factors are converging:\n2. Defections and the", "a list item or heading"),
]


@pytest.mark.parametrize(("turn", "why"), REPORTED)
def test_reported_not_cut(turn: str, why: str) -> None:
    text = with_turn(1, turn)
    result = Pipeline(["interview"]).clean(text)
    assert result.text == text
    (note,) = result.notes
    assert note.kind == "truncated_answer" and why in note.message
    assert result.metadata["interview"]["truncated_turns"] == [2]


def test_outside_english_truncated_turns_are_only_reported() -> None:
    text = qa("Prof. Carlos:|Estou aqui ao lado do Eugênio Tadeu, que já é de casa.",
              "Eugênio:|Por sua causa, Carlos. Eu fico até emocionado, porque o",
              "Prof. Carlos:|E agora estamos aqui aprontando o quê?",
              "Eugênio:|Estamos fazendo uma série de brincadeiras com o Serelepe.")
    result = Pipeline(["interview"]).clean(text)
    assert result.text == text
    assert [n.kind for n in result.notes] == ["truncated_answer"]
    assert "left as it is" in result.notes[0].message


def test_unanswered_question_and_answer_without_question_are_reported() -> None:
    text = qa("**WTN:**|" + Q1, "**Professor Aron:**|", "**WTN:**|" + Q2, "**WTN:**|" + Q3,
              "**Professor Aron:**|" + A1, "**Professor Aron:**|" + A2, "**WTN:**|" + Q1, "**Professor Aron:**|" + A3)
    result = Pipeline(["interview"]).clean(text)
    assert result.text == text
    kinds = [(n.kind, n.line) for n in result.notes]
    assert kinds == [("unanswered_question", 2), ("unanswered_question", 3), ("answer_without_question", 6)]


def test_a_transcript_ending_on_a_question_is_reported() -> None:
    result = Pipeline(["interview"]).clean(qa(*BASE[:5]))
    assert [(n.kind, n.line) for n in result.notes] == [("unanswered_question", 5)]


def test_roles_need_an_interviewer() -> None:
    # Neither speaker mostly asks: the turns have no roles, and no pairing is reported.
    text = qa("A:|Hello there.", "B:|Hello to you.", "A:|Fine weather.", "B:|Indeed it is.")
    assert not Pipeline(["interview"]).clean(text).notes


# --- seed 001 -------------------------------------------------------------------------------------------------------

#: Every turn of seed 001's interview after this normalizer, reviewed line by line. Spacing inside turns
#: ("regime,but", "balance.What") is punctuation_spacing's to fix and casing ("second,", "can they") the casing
#: steps'; this normalizer leaves them as they are.
SEED_001_TURNS = [
    "**WTN:** Professor Aron, the speed of the rebel advance is remarkable. What are the key factors that have enabled "
    "them to achieve such rapid gains?",
    "**Professor Aron:** Several factors are converging. First, years of brutal repression by the Assad regime have "
    "fueled widespread resentment and a hunger for change. second, the rebel forces have benefited from tactical "
    "improvements, better coordination, and the influx of disillusioned Syrian soldiers. […]",
    "**WTN:** The capture of Aleppo was a major blow to the regime,but the fall of Homs,a strategically vital "
    "city,would be catastrophic.Can Assad’s forces hold the line?",
    "**Professor Aron:** The claim by rebel sources that they have “breached government defenses” and captured "
    "significant territory around Homs is highly credible. State-controlled media insists they are repelling the "
    "assault on the outskirts of the city, but the fact remains that the rebel momentum is undeniable.",
    "**WTN:** The reports of protests in Damascus suburbs, with troops deserting and Assad posters being torn down, "
    "are chilling. Are we witnessing the beginning of the end for Assad?",
    "**Professor Aron:** It’s certainly a critical moment. […]",
    "**WTN:** Russia and Iran have been Assad’s steadfast allies, propping up his regime for years. can they still "
    "save him, given Russia’s preoccupation with Ukraine and Hezbollah’s own struggles?",
    "**Professor Aron:** Russia’s ability to intervene decisively is limited by its commitments in Ukraine, and "
    "Hezbollah is stretched thin after years of conflict with Israel. Iran may be willing to provide more support, "
    "but it faces its own challenges, and any significant deployment would likely risk provoking Israeli "
    "retaliation.",
    "**WTN:** The future of Syria hangs in the balance.What are the potential scenarios we may see unfold in the "
    "coming weeks and months?",
    "**Professor Aron:** There are several possibilities. One is an outright rebel victory, which could lead to the "
    "toppling of the Assad regime and the establishment of a new government. Another is a protracted civil war, with "
    "neither side able to achieve a decisive victory. A third possibility is a negotiated settlement, but this seems "
    "unlikely in the foreseeable future, given the deep mistrust between the warring parties.",
    "**WTN:** Professor Aron, thank you for your insightful analysis. The situation in Syria is complex and evolving "
    "rapidly, but your expertise provides valuable context for understanding these critical developments.",
]


@pytest.fixture(scope="module")
def seed_001(seeds: dict[str, str]) -> str:
    return seeds["001_22400fdf319afacc.txt"]


def _interview_part(text: str) -> list[str]:
    lines = text.split("\n")
    first = next(i for i, ln in enumerate(lines) if ln.startswith("**WTN:**"))
    return lines[first : first + len(SEED_001_TURNS)]


def test_seed_001_every_turn(seed_001: str) -> None:
    assert _interview_part(Interview()(seed_001)) == SEED_001_TURNS


def test_seed_001_in_the_default_pipeline(seed_001: str) -> None:
    # Other steps repair spacing and casing inside the turns; the structure is this normalizer's and must hold.
    result = newsclean.clean(seed_001)
    turns = _interview_part(result.text)
    assert [t.split(":**", 1)[0] + ":**" for t in turns] == [t.split(":**", 1)[0] + ":**" for t in SEED_001_TURNS]
    assert [i for i, t in enumerate(turns, start=1) if t.endswith(" […]")] == [2, 6]
    assert turns[1].endswith("Syrian soldiers. […]") and turns[5].endswith("critical moment. […]")
    assert turns[3].startswith("**Professor Aron:** The claim by rebel sources")
    assert sorted(n.message for n in result.notes if n.kind == "truncated_answer") == [
        "turn 2 (answer) ends mid-sentence; cut back to its last complete sentence and marked […]",
        "turn 6 (answer) ends mid-sentence; cut back to its last complete sentence and marked […]",
    ]
    assert result.metadata["interview"] == {
        "turns": 11, "speakers": ["WTN", "Professor Aron"], "truncated_turns": [2, 6]}
    # "The recent" or " The recent", as punctuation_spacing restored the space first or not.
    assert {e.before.strip() for e in result.edits if e.normalizer == "interview" and e.after == " […]"} == {
        "The recent", "the"}


@pytest.mark.parametrize("mode", ["mark", "trim", "keep"])
def test_seed_001_report_survives_every_pass(seed_001: str, mode: str) -> None:
    result = newsclean.clean(seed_001, interview_truncated=mode)
    assert len([n for n in result.notes if n.kind == "truncated_answer"]) == 2
    assert result.metadata["interview"]["truncated_turns"] == [2, 6]
    again = newsclean.clean(result.text, interview_truncated=mode)
    assert again.text == result.text
    # Cleaning the output again still reports what is visible: the marks, or the fragments kept.
    expected = [] if mode == "trim" else [2, 6]
    assert again.metadata["interview"]["truncated_turns"] == expected


def test_seed_001_after_spacing_fix(seed_001: str) -> None:
    # punctuation_spacing runs first in the full pipeline: "soldiers.The recent" arrives as "soldiers. The recent".
    fixed = seed_001.replace("soldiers.The recent", "soldiers. The recent")
    assert _interview_part(Interview()(fixed))[1].endswith("Syrian soldiers. […]")


def test_seed_001_outside_the_interview_unchanged(seed_001: str) -> None:
    out = Interview()(seed_001)
    before, after = seed_001.split("**WTN:**", 1)[0], seed_001.rsplit("**Coming up:**", 1)[1]
    assert out.startswith(before) and out.endswith("**Coming up:**" + after)


# --- properties -----------------------------------------------------------------------------------------------------

_FORMS = ["**{}:**", "**{}**:", "{}:", "__{}:__"]
_PROSE = [ln for ln in CLEAN_LINES if ln.endswith(".") and ln[0].isupper() and len(ln.split()) >= 8]


@st.composite
def transcripts(draw):
    """Prose, then a transcript of clean news paragraphs, some answers cut at a word, then prose again."""
    paras = draw(st.lists(st.sampled_from(_PROSE), min_size=6, max_size=12, unique=True))
    form = draw(st.sampled_from(_FORMS))
    names = draw(st.sampled_from([("Q", "A"), ("WTN", "Professor Aron"), ("HOST", "GUEST")]))
    intro, outro, turns = paras[0], paras[-1], paras[1:-1]
    lines, answers = [], []
    for i, para in enumerate(turns):
        if i % 2 and draw(st.booleans()):
            words = para.split(" ")
            para = " ".join(words[: draw(st.integers(1, max(1, len(words) - 1)))])
        if i % 2:
            answers.append(para)
        lines.append(form.format(names[i % 2]) + " " + para)
    return intro, lines, outro, answers


@given(transcripts())
def test_only_dangling_fragments_are_removed(case) -> None:
    intro, lines, outro, answers = case
    text = "\n".join([intro, *lines, outro]) + "\n"
    result = Pipeline([Interview()]).clean(text)
    assert result.metadata["interview"]["turns"] == len(lines)
    out = result.text.split("\n")
    assert out[0] == intro and out[-2] == outro  # outside the transcript: unchanged
    assert len(out) == len(lines) + 3
    cut_lines = {n.line for n in result.notes if n.kind == "truncated_answer"}
    for k, (before, after) in enumerate(zip(lines, out[1:-2]), start=2):
        if after != before:
            kept = after.removesuffix(" " + MARK)
            assert before.startswith(kept) and k in cut_lines, (before, after)
    assert Pipeline([Interview()]).fix(result.text) == result.text


_NAME_WORDS = ["Q", "A", "Prof.", "O'Neil", "Ünal", "professor", "İlhan", "Straße", "e\u0301", "2", "-", "’"]
_label_like = st.builds(
    "{}{}{}{}{}{}".format,
    st.sampled_from(["", "**", "__", "*", "_", " "]),
    st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=6).map(" ".join),
    st.sampled_from(["", "**", "__", " "]),
    st.sampled_from(["", " ", "\u00a0", "\u202f", "\t", "  "]),
    st.sampled_from([":", "::", ":**", ":__", "://x.org", ":30"]),
    st.sampled_from(["", " What", "What", " and so on", " 10:30"]),
)


@pytest.mark.parametrize("line", ["**WTN:** Hi", "**WTN** : Hi", "__Prof. Aron :__ Hi", "**Q**\u00a0: Hi", "_Q_\u202f:",
                                  "Professor Aron: Hi"])
def test_a_labels_speaker_is_what_its_line_holds_before_the_colon(line: str) -> None:
    # A text whose lines hold different things before their first colon is passed over without matching labels:
    # that holds as long as a label's speaker is what its line holds there, less emphasis and spaces.
    _assert_speakers_told_before_the_colon(line)


@given(st.lists(_label_like | st.sampled_from(CLEAN_LINES[:5]), min_size=1, max_size=6).map("\n".join))
def test_a_labels_speaker_is_told_by_its_line_before_the_colon(text: str) -> None:
    _assert_speakers_told_before_the_colon(text)


def _assert_speakers_told_before_the_colon(text: str) -> None:
    for start, colon, end in interview._label_lines(text):
        label = interview._label(text, start, start + len(text[start:end].rstrip()))
        if label is not None:
            assert interview._speaker(text[start:colon].strip(interview._AROUND_NAME)) == label.key


def test_abbreviations_match_pysbd() -> None:
    pysbd = pytest.importorskip("pysbd.lang.english")
    from newsclean.data import load

    assert load("abbreviations")["prepositive"] == sorted(set(pysbd.English.Abbreviation.PREPOSITIVE_ABBREVIATIONS))
    assert load("abbreviations")["all"] == sorted(set(pysbd.English.Abbreviation.ABBREVIATIONS))


@given(transcripts())
def test_default_pipeline_keeps_the_report_and_is_idempotent(case) -> None:
    intro, lines, outro, _ = case
    result = newsclean.clean("\n".join([intro, *lines, outro]) + "\n")
    flagged = result.metadata["interview"]["truncated_turns"]
    assert len({n.message for n in result.notes if n.kind == "truncated_answer"}) == len(flagged)
    again = newsclean.clean(result.text)
    assert again.text == result.text
    assert set(again.metadata["interview"]["truncated_turns"]) <= set(flagged)


def test_a_cut_fragment_is_reported_as_removed_text_numbers_and_all() -> None:
    # Found by tests/fuzz/fuzz_clean.py (atheris): a fragment with a digit, cut and marked "[…]", was neither a
    # removal (its numbers seemed altered) nor in CleanResult.removed; a marked cut now is a removal.
    text = ("**WTN:** What happened in Homs?\n\n"
            "**Professor Aron:** The rebels took the city in one day. Some 2 of the\n\n"
            "**WTN:** And next?\n\n**Professor Aron:** Damascus, most likely.\n")
    result = newsclean.clean(text)
    assert "in one day. […]" in result.text
    assert result.removed == [" Some 2 of the"]
