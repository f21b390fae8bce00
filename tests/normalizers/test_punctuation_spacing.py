"""punctuation_spacing: a table of fixes, a long table of text that must not change, and its own properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean import Pipeline
from newsclean.normalizers.punctuation import PunctuationSpacing

from strategies import any_text, news_like

FIXES = [
    # A space dropped the same way twice after a lowercase word, or once after a name: still sentence ends.
    ("He said.The army left. She said.The war ended.", "He said. The army left. She said. The war ended."),
    ("Troops entered Syria.The army left.", "Troops entered Syria. The army left."),
    # Every glued word of seed 001, in its own sentence.
    ("Assad had long relied on allies to subdue the rebels,with Russian warplanes",
     "Assad had long relied on allies to subdue the rebels, with Russian warplanes"),
    ("allied forces,including Lebanon’s Hezbollah", "allied forces, including Lebanon’s Hezbollah"),
    ("Iraqi militias,to bolster the Syrian military", "Iraqi militias, to bolster the Syrian military"),
    ("sending forces to Syria,but any immediate", "sending forces to Syria, but any immediate"),
    ("Britain has issued a stern warning,declaring that", "Britain has issued a stern warning, declaring that"),
    ("in the northern part of the city,a location", "in the northern part of the city, a location"),
    ("disillusioned Syrian soldiers.The recent", "disillusioned Syrian soldiers. The recent"),
    ("the regime,but the fall of Homs,a strategically vital city,would be catastrophic.Can Assad’s forces",
     "the regime, but the fall of Homs, a strategically vital city, would be catastrophic. Can Assad’s forces"),
    ("The future of Syria hangs in the balance.What are the potential scenarios",
     "The future of Syria hangs in the balance. What are the potential scenarios"),
    # The other marks, and words around them.
    ("Really?Yes, really.", "Really? Yes, really."),
    ("It fell!Rebels cheered.", "It fell! Rebels cheered."),
    ("Mr.Smith said", "Mr. Smith said"),
    ("St.Louis", "St. Louis"),
    ("Bashar al-Assad,but not", "Bashar al-Assad, but not"),
    ("Assad’s,but not", "Assad’s, but not"),
    ("Assad's,but not", "Assad's, but not"),
    ("Washington,DC", "Washington, DC"),
    ("in 2012,the regime", "in 2012, the regime"),
    ("(rebels,with tanks)", "(rebels, with tanks)"),
    ("“soldiers.The recent”", "“soldiers. The recent”"),
    ("rebels,well-armed", "rebels, well-armed"),
    ("forces,including.", "forces, including."),
    ("São Paulo,Brasília", "São Paulo, Brasília"),
    ("¿Qué pasó?Nadie sabe", "¿Qué pasó? Nadie sabe"),
    ("Yahoo!News reported", "Yahoo! News reported"),
    ("soldiers.The end.\nrebels,with", "soldiers. The end.\nrebels, with"),
    # The two one-letter English words start sentences too.
    ("The market grew.I think it will go on.", "The market grew. I think it will go on."),
    ("They came back too.A week later they left.", "They came back too. A week later they left."),
    ("It fell today.I’m sure of it.", "It fell today. I’m sure of it."),
]

UNCHANGED = [
    # A name written with a full stop, the same way twice.
    "The former director of One.Tel has denied claims that the accounts of One.Tel were hidden.",
    # Numbers in any locale.
    "1,000 people",
    "3.5 percent",
    "at 2:30 p.m.",
    "1.000,50 euros",
    "3,5 Prozent",
    "Dec. 5,2024",
    "over 305,000 lives",
    "v2.0.1",
    "Python 3.12",
    "COVID-19.",
    # Abbreviations and initials.
    "U.S. officials",
    "the U.N. Security Council",
    "U.S.Army",
    "e.g. this",
    "e.g.this",
    "i.e.This",
    "J.R.R. Tolkien",
    "J.R.R.Tolkien",
    "Ph.D. student",
    "Ph.D.Student",
    # Any other single capital after a full stop is an initial or a label.
    "an own goal.J. Smith scored",
    "Plan.B",
    "at 10 a.m.Friday",
    "z.B.Das",
    # A lowercase word after a full stop.
    "soldiers.the recent",
    "example.this",
    # Domains, URLs, e-mail addresses, handles, hashtags.
    "cnn.com",
    "CNN.com reported",
    "news.example.org/a,b",
    "https://www.reuters.com/world/middle-east/syria-2024-12-07/",
    "http://x.org/?q=homs,syria&p=2",
    "desk@example.com",
    "Write to Desk.News@example.com today",
    "@AP.The",
    "#Syria,Homs",
    "Salon.Com",
    # File names, versions, code.
    "report.pdf",
    "rebels,with.pdf",
    "(Syria,Homs)/2024",
    "Report.PDF",
    "obj.method",
    "obj.Method()",
    "SortCondition(NULL,NULL);",  # a call's arguments
    "Math.Max(a,b)",
    "System.Console.WriteLine",
    "Console.WriteLine",
    "ASP.NET",
    "ASP.Net",
    "the .NET framework",
    "config_file.Name",
    "a=1,b=2",
    "{rebels,with}",
    "~/notes/rebels,with",
    "<b>rebels,with</b>",
    # Names with inner capitals after a dot.
    "soldiers.McDonald",
    "new.iPhone",
    # Ellipses.
    "wait...What",
    "wait…What",
    "wait..What",
    # Quotes and brackets next to the mark.
    "said,”The",
    "“Yes,”she said",
    "won’t be hunted down.(AP Photo/Omar Albam)",
    "“Go.”Then",
    # Single letters and chemistry.
    "N,N-dimethylformamide",
    "2,4-D herbicide",
    "x,y coordinates",
    "grades A,B",
    # Lists and data.
    "red,green,blue",
    "tags:syria,homs,damascus",
    # Other scripts.
    "東京。大阪",
    "北京，上海。",
    "東京,大阪",
    "Москва,Россия",
    "Москва.Россия",
    "Αθήνα,Ελλάδα",
    "دمشق،حمص",
    "東京,Tokyo",
    "東京。Tokyo",
    "wordswithoutspaces" * 10 + ",rebels,with",
    # Correct text.
    "Rebels advance, and Homs falls. The regime is shaken.",
    "“What we are going to do is focus on American national security priorities.”",
    "**WTN:** The capture of Aleppo was a major blow.",
    "",
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert PunctuationSpacing()(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_alone(text: str) -> None:
    assert PunctuationSpacing()(text) == text


def test_every_glued_word_of_seed_001(seeds: dict[str, str]) -> None:
    text = seeds["001_22400fdf319afacc.txt"]
    edits = Pipeline([PunctuationSpacing()]).clean(text).edits
    assert [_glued_pair(text, e.start) for e in edits] == [
        "rebels,with", "forces,including", "militias,to", "Syria,but", "warning,declaring", "city,a",
        "soldiers.The", "regime,but", "Homs,a", "city,would", "catastrophic.Can", "balance.What",
    ]


def _glued_pair(text: str, at: int) -> str:
    """The glued pair of words around an insertion point."""
    start = at - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


@pytest.mark.parametrize("name", ["000_77d11aa37ebc9ec8.txt", "002_3a754ec7feaf7df1.txt", "003_cbb8445dadc2087e.txt",
                                  "004_abc9d40aaf08aa38.txt"])
def test_other_seeds_have_no_glued_words(seeds: dict[str, str], name: str) -> None:
    assert PunctuationSpacing()(seeds[name]) == seeds[name]


def test_reasons_name_the_mark() -> None:
    edits = Pipeline([PunctuationSpacing()]).clean("rebels,with. soldiers.The? Really?Yes! It fell!Rebels").edits
    assert [e.reason for e in edits] == [
        "missing space after comma in 'rebels,with'",
        "missing space after full stop in 'soldiers.The'",
        "missing space after question mark in 'Really?Yes'",
        "missing space after exclamation mark in 'fell!Rebels'",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("tags:syria,homs,damascus", "comma_list"), ("U.S.Army", "abbreviation_glued"),
     ("J.R.R.Tolkien", "abbreviation_glued"),
     # a name written with a full stop, twice alike ("One.Tel", an Australian telecom company)
     ("The director of One.Tel denied it. The accounts of One.Tel were hidden.", "dotted_name")],
)
def test_doubts_are_noted(text: str, kind: str) -> None:
    result = Pipeline([PunctuationSpacing()]).clean(text)
    assert result.text == text
    assert [n.kind for n in result.notes] == [kind]


def test_max_commas_in_token_option() -> None:
    assert PunctuationSpacing()("tanks,mortars,rockets") == "tanks,mortars,rockets"
    assert PunctuationSpacing(max_commas_in_token=2)("tanks,mortars,rockets") == "tanks, mortars, rockets"
    with pytest.raises(ValueError):
        PunctuationSpacing(max_commas_in_token=0)


@given(text=st.one_of(any_text, news_like))
def test_only_ever_inserts_one_space_between_a_mark_and_a_letter(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    for e in Pipeline([PunctuationSpacing()]).clean(text).edits:
        assert (e.before, e.after, e.stage) == ("", " ", 0), e
        assert lf[e.start - 1] in ",.!?" and lf[e.start].isalpha(), e


_WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=2, max_size=8)
_NOT_A_DOMAIN = _WORD.filter(lambda w: w not in {"com", "org", "net", "gov", "edu"})


@given(left=_WORD, right=_NOT_A_DOMAIN, mark=st.sampled_from(",.!?"))
def test_glued_prose_words_are_split(left: str, right: str, mark: str) -> None:
    capital = right.capitalize()
    text = f"The {left}{mark}{capital} rest."
    assert PunctuationSpacing()(text) == f"The {left}{mark} {capital} rest."
