"""site_chrome: tables of chrome that goes, look-alike article lines that stay, the seeds, and properties."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsclean import Pipeline
from newsclean.config import Config, ConfigError
from newsclean.normalizers.chrome import SiteChrome, phrase_library

from conftest import SHARED
from strategies import CLEAN_LINES, clean_prose

BODY = (
    "Rebel forces pushed closer to Damascus on Saturday, securing key positions within the city's outskirts.\n"
    "Residents reported intense clashes in the Barzeh neighborhood as rebel units advanced through the alleys.\n"
)
BODY_LINES = BODY.splitlines()


def removed(text: str, **options) -> list[str]:
    """The lines (stripped) that site_chrome removes from ``text``."""
    result = Pipeline([SiteChrome(**options)]).clean(text)
    return [e.before.strip() for e in result.edits if e.is_removal and e.before.strip() not in ("", "#")]


# Chrome that goes wherever it stands: the line is put between two paragraphs of the article.
SURE_CHROME = [
    "Skip to main content",
    "Table of Contents",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sharing is caring!",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Email",
    "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
    "Subscribe to our newsletter",
    "Sign up for our daily newsletter",
    "Thanks for signing up!",
    "There was an error processing your subscription.",
    "We use cookies to improve your experience. By continuing to use this site you accept our cookie policy.",
    "How useful was this article?",
    "Click on a star to rate it!",
    "Average rating 4.2 / 5. Vote count: 17",
    "No votes so far! Be the first to rate this article.",
    "12 Comments",
    "Leave a comment",
    "·2 mins",
    "5 min read",
    "Tempo de leitura: 1 minuto",
    "Image",
    "Image 1 of 23",
    "This slideshow requires JavaScript.",
    "© 2019 CBS Interactive Inc. All Rights Reserved.",
    "Published 11:11 PM EST Nov 19, 2019",
    "Updated: 18 Nov 2019 9:38 pm",
    "UPDATED: Tue., Nov. 19, 2019",
    "Posted: Fri 6:45 PM, Feb 16, 2018  |",
    "copyright Inexhibit 2019 - ISSN: 2283-5474",
    "Copyright © 2024 Newslooks. All rights reserved.",
    "2019-11-19T08:57:40+01:00",
    "Related: The 15 Weirdest Galaxies in Our Universe",
    "China furious at Macron for Hong Kong protest jibe [INSIGHT]",
    "  • Share on Twitter",
    "**Advertisement**",
    "» Publicidade",
    "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
    "By subscribing I accept the terms of use",
    "You have been successfully subscribed!",
    "Want more deals? Join the IGN Deals Newsletter.",
    "Updated an hour ago",
    "Wordcount: 717",
    "These are external links and will open in a new window",
    "Page 2 of 5",
    "« Previous 1 2 3 Next »",
    "Older posts",
    "Load more stories",
    "LEARN MORE",
    "If you enjoyed this article, we have a proposition for you: Join our membership program.",
    "Follow us on:",
    "Listen to this article",
    "Listen to this story · 5 min",
    # a photo's credit on a line of its own, its caption gone (the extraction benchmark's inputs)
    "(AP Photo/Omar Albam)",
    "Photo: John Locher, AP",
    "Photo: Gene J. Puskar",
    "Photo by Jason Kempin/Getty Images",
    "(Image credit: All About Space)",
    "Natalie Naccache | Bloomberg | Getty Images",
    "Jupiterimages, Getty Images/Creatas RF",
    "Getty Images",
    "REUTERS/Yves Herman",
    "Credit: Getty Images",
]

# Labels that go at the top or the bottom of the page (around the article), and stay inside it.
EDGE_CHROME = ["Menu", "Latest News", "World", "Top Stories", "Search", "Stay tuned.", "Contact Us", "Nov 19, 2019",
               "About the BBC", "Über uns", "Über SPIEGEL.de", "Sobre nosotros",
               "Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com.", "C. M. says:"]

# Headings of the article: short, title case, nothing in the library. A heading has text under it, so it stands
# between two paragraphs or above the article, never alone at its end.
HEADINGS = ["Battle for Homs", "Deep Look", "Homs Falls", "Highlights"]

LOOK_ALIKES = [
    "Russia, Iran, Turkey",
    "HTS Leads the Charge",
    "- Rebels take Homs in a decisive one-day battle, sparking celebrations.",
    "• U.S. Position: No intervention planned, focus remains on ISIS containment.",
    # a caption with its credit, and prose that starts as a credit does: a sentence ends with a full stop
    "Defectors line-up to register their details with Syrian insurgents in Aleppo.(AP Photo/Omar Albam)",
    "WeWork chairman Marcelo Claure (Credit: Getty Images)",
    "Photo: the rebels celebrate in Daraa’s main square.",
    "Photo: the rebels celebrate in Daraa",  # a caption in lowercase words, which a credit does not have
    "Image: A satellite photo shows the damage",
    "Picture by picture, the rebels rebuilt the city.",
    "Credit: where it is due, the rebels fought well.",
    "Credit card debt rose 5% in March.",
    "Getty Images said on Tuesday it would cut 5% of its staff.",
    "Reuters reported the deal first.",
    "Listen to this story, the minister said, before you judge the rebels.",
    "“We can hear the fighting getting closer,” one resident told reporters.",
    "DAMASCUS, Syria (AP) — Rebels entered the capital on Sunday.",
    "He shared the image on Facebook and Twitter, where it was viewed 2 million times.",
    "The company said it would subscribe to the new standard next year.",
    "Comments from the minister drew an angry reply from Ankara.",
    "The advertisement ran in three newspapers on Sunday.",
    "Read more about the offensive in our explainer on the war.",
    "Sources said the rebels had captured the airbase.",
    "More than 300,000 people have died since 2011.",
    "Next, the rebels turned south toward Damascus.",
    "Image is everything, the minister said.",
    "Trump Declares: “Not Our Fight”",
    "Syrian Conflict Intensifies: Quick Looks",
    "Copyright lawyers say the ruling will matter for years.",
    "Copyright lawyers say the 2019 ruling will matter for years.",
    "Posted gains on March 3, the company said.",
    "Updated figures on Nov. 19 showed a rise.",
    "Updated figures show 2,000 soldiers crossed into Iraq.",
    "Video shows rebels celebrating in Daraa’s main square.",
    "The vote count was 21 to 9.",
    "Page 2 of the report says the army withdrew from Homs.",
    "Page Six reported the story first.",
    "Learn more about the rebels, the minister told reporters, before judging them.",
    "Next year, the rebels plan to hold elections.",
    "Related coverage of the war has been thin, critics say.",
    # "About", "Über", "Sobre" head menu labels, and lines of prose: an amount, a sentence, a lowercase line
    "Über 100 Menschen starben bei dem Unglück.",
    "Über 100 Tote",
    "über den Tod mit den Leiden des Lebens.",
    "Sobre la mesa.",
    "About 200 people died",
    # a contact line gives an address: an e-mail, a telephone number, a site
    "She can be reached at any hour, the hospital said.",
    # a commenter's name holds no sentence of its own
    "HEY KIDS! ANN LANDERS SAYS:",
    # a number no clock shows (minutes past 59) is no time of day: a price, a ratio
    "7.99",
    "0.75",
]


@pytest.mark.parametrize("line", SURE_CHROME)
def test_sure_chrome_goes_anywhere(line: str) -> None:
    text = f"{BODY_LINES[0]}\n{line}\n{BODY_LINES[1]}\n"
    assert removed(text) == [line.strip()]


@pytest.mark.parametrize("line", EDGE_CHROME)
def test_edge_labels_go_at_the_edges(line: str) -> None:
    assert removed(f"{line}\n{BODY}") == [line]
    assert removed(f"{BODY}{line}\n") == [line]


#: What a removal leaves of the blank lines around it: never two in a row, and at the end of the text what
#: ``whitespace`` would leave, so the pipeline needs no further pass to tidy up after it.
REMOVAL_SPACING = [
    ("A.\n\nAdvertisement\n\nB.\n", "A.\n\nB.\n"),
    ("A.\nAdvertisement\nB.\n", "A.\nB.\n"),
    ("A.\n\nAdvertisement\n", "A.\n"),
    ("A.\n\nAdvertisement", "A.\n"),
    ("A.\n\nAdvertisement\n\nShare this article\n", "A.\n"),
    ("A.\n\n___\n\nAdvertisement\n", "A.\n\n___\n"),  # a rule is not debris: only whitespace goes
]


@pytest.mark.parametrize(("text", "expected"), REMOVAL_SPACING)
def test_removals_leave_no_blank_line_debris(text: str, expected: str) -> None:
    assert Pipeline([SiteChrome()]).fix(text) == expected
    assert Pipeline(["whitespace"]).fix(expected) == expected


@pytest.mark.parametrize("line", EDGE_CHROME)
def test_edge_labels_stay_inside_the_article(line: str) -> None:
    text = f"{BODY_LINES[0]}\n{line}\n{BODY_LINES[1]}\n"
    assert removed(text) == []


@pytest.mark.parametrize("line", LOOK_ALIKES)
@pytest.mark.parametrize("where", ["inside", "top", "bottom"])
def test_look_alike_article_lines_stay(line: str, where: str) -> None:
    text = {
        "inside": f"{BODY_LINES[0]}\n{line}\n{BODY_LINES[1]}\n",
        "top": f"{line}\n{BODY}",
        "bottom": f"{BODY}{line}\n",
    }[where]
    assert removed(text) == []


#: A line the library knows that goes on with a sentence of the line above or below it is hard-wrapped prose.
INSIDE_A_SENTENCE = [
    "Our lawyers say so, and if the machine messes up, it's you that's out the million, not us. If you don't like"
    " this\ndisclaimer: tough. We reserve the right to do the absolute minimum provided\nby law, up to and including"
    " nothing.\n",
    'Disclaimer: "These opinions are my own, though for a small fee they be\nyours too."\n',
]

#: ... but a line of page furniture next to a paragraph that lost its capital, or under a headline, is still chrome.
BESIDE_A_LOWERCASE_LINE = [
    ("Advertisement\nthe rebels took the city on Sunday, the army said in a statement.\n", "Advertisement"),
    ("Share this article\nthe rebels took the city on Sunday, the army said in a statement.\n", "Share this article"),
    ("Rebels take the city\nskip to main content\nThe rebels took the city on Sunday, the army said.\n",
     "skip to main content"),
    ("The rebels took the city on Sunday, the army said\nAdvertisement\nthat it had retreated to the hills.\n",
     "Advertisement"),
    (BODY + "How to invest in index funds, explained in full by our money desk\ninternational\n", "international"),
]


@pytest.mark.parametrize("text", INSIDE_A_SENTENCE)
def test_a_library_line_inside_a_sentence_stays(text: str) -> None:
    assert removed(text) == []


#: ... told against the neighbours that stay: one that goes along would leave the line another neighbour on a second
#: run (found by random lines of the library and of prose, put together).
BESIDE_LINES_THAT_GO = [
    'Disclaimer: "These opinions are my own, though for a small fee they be\nadvertisement\n',
    'Skip to main content\nDisclaimer: "These opinions are my own, though for a small fee they be\nadvertisement\n',
    "The rebels took the city on Sunday, the army said\nShare this article\ndisclaimer: tough. We reserve the right"
    " to do the absolute minimum provided\n",
]


@pytest.mark.parametrize("text", BESIDE_LINES_THAT_GO)
def test_a_line_is_told_against_the_neighbours_that_stay(text: str) -> None:
    once = Pipeline([SiteChrome()]).fix(text)
    assert Pipeline([SiteChrome()]).fix(once) == once
    assert "Disclaimer" not in once and "disclaimer" not in once


@pytest.mark.parametrize(("text", "line"), BESIDE_A_LOWERCASE_LINE)
def test_chrome_beside_a_lowercase_line_goes(text: str, line: str) -> None:
    assert removed(text) == [line]


@pytest.mark.parametrize("line", HEADINGS)
@pytest.mark.parametrize("where", ["inside", "top"])
def test_headings_stay(line: str, where: str) -> None:
    text = {"inside": f"{BODY_LINES[0]}\n{line}\n{BODY_LINES[1]}\n", "top": f"{line}\n{BODY}"}[where]
    assert removed(text) == []


def test_teasers_go_with_their_header() -> None:
    text = BODY + (
        "Previous Article\nPolice Intensify Hunt for UnitedHealthcare CEO’s Killer\n"
        "Next Article\nHegseth Faces Scrutiny\n"
    )
    assert removed(text) == [
        "Previous Article",
        "Police Intensify Hunt for UnitedHealthcare CEO’s Killer",
        "Next Article",
        "Hegseth Faces Scrutiny",
    ]


def test_heading_after_a_related_line_stays() -> None:
    text = f"{BODY_LINES[0]}\nRelated: Rebels Advance\nBattle for Homs\n{BODY_LINES[1]}\n"
    assert removed(text) == ["Related: Rebels Advance"]


def test_comment_thread_after_the_article_goes() -> None:
    thread = (
        "3 responses to “Rebels Advance on Damascus”\njoetoronto says:\nNovember 19, 2019 at 6:44 am\n"
        "It’s time for both sides to come to grips with reality, it’s over yet again.\nC. M. says:\n"
        "I actually don’t think the rebels will stop at Homs, they look pretty strong this time.\n"
    )
    assert SiteChrome()(BODY + thread) == BODY


def test_a_comments_link_without_a_thread_goes_alone() -> None:
    text = f"{BODY_LINES[0]}\n12 Comments\n{BODY_LINES[1]}\n"
    assert removed(text) == ["12 Comments"]


def test_glued_breadcrumb_at_the_top() -> None:
    assert removed(f"Top StoryWorld\n{BODY}") == ["Top StoryWorld"]
    assert removed(f"{BODY_LINES[0]}\nPlayStation\n{BODY_LINES[1]}\n") == []


def test_anchor_mark_after_a_heading() -> None:
    text = f"Syrian Rebels Capture Key Cities #\n{BODY}"
    assert SiteChrome()(text) == f"Syrian Rebels Capture Key Cities\n{BODY}"
    assert SiteChrome()(f"{BODY}We're number #\n") == f"{BODY}We're number #\n"


def test_reasons_name_the_evidence() -> None:
    text = f"Menu\n{BODY}Click on a star to rate it!\nNext Article\nHegseth Faces Scrutiny\n"
    reasons = [e.reason for e in Pipeline(["site_chrome"]).clean(text).edits]
    assert reasons == [
        "navigation labels above the article",
        "rating: a phrase of page furniture",
        "adjacent: introduces links to other articles",
        "teaser headline under 'Next Article'",
    ]


def test_extra_patterns_from_config() -> None:
    text = f"{BODY_LINES[0]}\nNewslooks Evening Edition\n{BODY_LINES[1]}\n"
    assert removed(text) == []
    flat = Config.from_mapping({"site_chrome_extra_patterns": ["newslooks .* edition"]})
    nested = Config.from_mapping({"site_chrome": {"extra_patterns": ["(newslooks) (evening|morning) edition"]}})
    for config in (flat, nested):
        reasons = [e.reason for e in Pipeline(["site_chrome"], config=config).clean(text).edits]
        assert reasons == ["site pattern: a phrase of page furniture"]


def test_bad_extra_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="extra_patterns"):
        Pipeline(["site_chrome"], site_chrome_extra_patterns=["(unclosed"])


def test_full_page_menus_go_and_the_article_stays() -> None:
    menu = "\n".join(["Home", "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health", "Sports"] * 4)
    footer = "\n".join(["About Us", "Contact", "Careers", "Privacy", "Terms", "Site Map"] * 5)
    page = f"Rebels Advance on Damascus - Newslooks\n{menu}\n{BODY}{footer}\n"
    assert SiteChrome()(page) == BODY


NAMES = ["Ahmad Khalil", "Mona Saleh", "Yusuf Haddad", "Rami Nasser", "Layla Darwish", "Omar Farouk", "Hana Aziz",
         "Samir Qasim", "Nour Hamdan", "Karim Bitar", "Dana Sabbagh", "Fadi Mansour", "Rania Halabi", "Tariq Zein",
         "Salma Yassin", "Walid Jaber", "Maya Rahal", "Ziad Khoury", "Lina Shami", "Bassam Najjar", "Huda Kanaan",
         "Nabil Issa", "Rasha Tamer", "Jamal Obeid", "Amal Hijazi", "Khaled Saad"]


@pytest.mark.parametrize("items", [NAMES, [f"• {n}" for n in NAMES], [f"{i}. {n}" for i, n in enumerate(NAMES, 1)]])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
@pytest.mark.parametrize("aggressive", [False, True])
def test_a_list_the_article_introduces_is_no_menu(items: list[str], between: str, aggressive: bool) -> None:
    # A list of names under a line that ends with a colon, and one phrase of page furniture, made a page of the
    # article: the list, its introduction and the paragraph after it went as outside its body.
    text = (f"{BODY}\nHere are the names of the people killed in the attack, as released by the ministry on Sunday:\n\n"
            + between.join(items) + "\n\nThe ministry said the toll could rise as rescuers searched the rubble.\n\n"
            "© 2019 The Associated Press. All rights reserved.\n")
    assert removed(text, aggressive=aggressive) == ["© 2019 The Associated Press. All rights reserved."]


@pytest.mark.parametrize("aggressive", [False, True])
def test_a_listing_of_code_is_no_menu(aggressive: bool) -> None:
    # Thirty-nine short lines of code and a sharing line made a page of a programming article: the code and the
    # paragraph after it went as outside its body.
    code = ("def total(items):\n    result = 0\n    for item in items:\n        if not item.ready:\n"
            "            continue\n        result += price(item)\n    return result\n\n") * 5
    text = f"{BODY}\nHere is the new loop, as the patch writes it, for every item in the list.\n\n{code}" \
           "The patch was merged the same day, the maintainers said.\n\nShare this article\n"
    assert removed(text, aggressive=aggressive) == ["Share this article"]


@pytest.mark.parametrize("aggressive", [False, True])
def test_an_article_of_lists_is_not_a_page(aggressive: bool) -> None:
    plan = "\n".join(f"Day {d}\nBreakfast\n2 eggs\nOatmeal\nLunch\nChicken salad\nDinner\nSalmon" for d in range(1, 6))
    text = f"{BODY_LINES[0]}\n{plan}\n{BODY_LINES[1]}\n"
    assert SiteChrome(aggressive=aggressive)(text) == text


def test_a_page_without_a_clear_body_is_left_with_a_note() -> None:
    menu = "\n".join(["Home", "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health", "Sports"] * 4)
    prose = [f"{line}\n{menu}" for line in CLEAN_LINES[7:12]]
    page = "Menu\n" + "\n".join(prose) + "\n"
    result = Pipeline(["site_chrome"]).clean(page)
    assert [n.kind for n in result.notes] == ["page_body_unsure"]
    # The labels at the edges still go; between the paragraphs, without a body to cut to, everything stays.
    assert result.text == "\n".join(prose[:-1]) + "\n" + CLEAN_LINES[11] + "\n"


@pytest.mark.parametrize("aggressive", [False, True])
def test_a_page_keeps_the_headline_above_its_article(aggressive: bool) -> None:
    menu = "\n".join(["Home", "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health", "Sports"] * 4)
    page = f"{menu}\nRebels Advance on Damascus Amid Anti-Assad Protests\n{BODY}{menu}\n"
    assert SiteChrome(aggressive=aggressive)(page) == f"Rebels Advance on Damascus Amid Anti-Assad Protests\n{BODY}"


def test_aggressive_ends_the_body_of_a_page_sooner() -> None:
    menu = "\n".join(["Home", "World", "U.S.", "Politics", "Business", "Tech", "Science", "Health", "Sports"] * 4)
    article = "\n".join(CLEAN_LINES[7:13]) + "\n"
    teasers = "\n".join(["Other news", "A teaser about something else entirely, with a description that runs on."] * 3)
    page = f"{menu}\n{article}Share\nPrint\n{teasers}\n{menu}\n"
    assert SiteChrome()(page) == f"{article}Share\nPrint\n{teasers}\n".replace("Share\nPrint\n", "")
    assert SiteChrome(aggressive=True)(page) == article


def test_the_library_spares_the_annotated_article_bodies() -> None:
    """No line of the dev half's gold bodies is chrome to the library, but one site footer and one image credit the
    annotator kept (both are what the library means to remove: the same lines in the extractors' output go)."""
    # The shared folder sits next to the checkout (one level further up for a worktree).
    bases = (SHARED, SHARED.parent.parent / "shared")
    candidates = [base / "bench" / "extraction" / "ground-truth.json" for base in bases]
    gold_file = next((c for c in candidates if c.exists()), None)
    if gold_file is None:
        pytest.skip("the extraction benchmark's data is not next to this checkout")
    import json

    from newsclean.normalizers.chrome import _core

    lib = phrase_library()
    matched = []
    for page in json.loads(gold_file.read_text("utf-8")).values():
        for line in page["articleBody"].split("\n"):
            core = _core(line)
            if core and lib.match(core):
                matched.append(core[:40])
    assert sorted(matched) == ["(Image credit: All About Space)", "Disclaimer: The views and investment tip"]


def test_the_library_compiles_every_kind() -> None:
    lib = phrase_library()
    assert {"navigation", "sharing", "subscription", "cookies", "advertisement", "related", "comments", "rating",
            "reading_time", "placeholders", "photo_credits", "footer", "timestamp"} <= set(lib.kinds)


def test_the_packaged_library_is_built_from_chrome_toml() -> None:
    """data/chrome.json is what ``python -m newsclean.data.build chrome`` makes of chrome.toml: rebuild it after an
    edit."""
    from newsclean.data import build, load

    assert load("chrome") == build.chrome()


def _first_kind_in_order(core: str) -> tuple[str, str] | None:
    """What the library means: the kind of the first pattern, in order, that matches all of ``core``."""
    from newsclean.data import load

    data = load("chrome")
    evidence = {kind: level for kind, level, _ in data["kinds"]}
    for kind, pattern, *_ in data["patterns"]:
        if regex.fullmatch(pattern, core, regex.IGNORECASE):
            return kind, evidence[kind]
    return None


#: Lines that the keys of the library's buckets must not mislead: chrome in odd cases and scripts, with the characters
#: that the regex module matches to ASCII letters ignoring case ("İ", the Kelvin sign, the long s), digits of other
#: scripts, other spaces, and look-alikes that differ by a character.
_ODD_LINES = [
    "SKİP TO CONTENT", "ſhare on Facebook", "\u212aeep reading", "LIKE", "lİke", "ſubſcribe", "Page ٣ of ١٠",
    "١٢ comments", "12\u00a0comments", "12\u2009shares", "© 2024 Daily Bugle. All rights reserved.",
    "Published: Nov. 19, 2019 at 9:47 am EST", "Updated 3 hours ago", "FACEBOOK TWITTER EMAIL", "« Previous",
    "Previous»", "Next ›", "«  previous", "5 min read", "• 12 min read", "Copyright 2023 The Bugle", "Mehr",
    "über Anna Schmidt", "ÜBER ANNA SCHMIDT", "By clicking here you agree", "Joe says:", "x", "X", "Xx", "ad", "Ad.",
    "adverts", "Sign up for our newsletter!", "Sign up for the Bugle newsletter", "2024-01-05T10:00:00Z", "12/05/2024",
]


@pytest.mark.parametrize("line", SURE_CHROME + EDGE_CHROME + HEADINGS + LOOK_ALIKES + BODY_LINES + _ODD_LINES)
def test_the_buckets_find_the_first_kind_in_order(line: str) -> None:
    from newsclean.normalizers.chrome import _core

    core = _core(line)
    for variant in {core, core.upper(), core.lower(), core.swapcase()}:
        if variant:
            assert phrase_library().match(variant) == _first_kind_in_order(variant), variant


_LIBRARY_WORDS = st.sampled_from(
    ["share", "Share", "on", "Facebook", "more", "news", "read", "next", "12", "٣", " ", "  ", "\u00a0", ":", ".", "…",
     "»", "«", "©", "2024", "nov", "19,", "min", "comments", "sign", "up", "newsletter", "our", "the", "İ", "ſ",
     "\u212a", "x", "advertisement", "says:", "by", "clicking", "here", "page", "of", "|", "/", "am", "pm", "EST"]
)


@given(st.lists(_LIBRARY_WORDS, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip() == s and s))
def test_the_buckets_agree_with_the_patterns_on_any_line(core: str) -> None:
    assert phrase_library().match(core) == _first_kind_in_order(core)


def test_fold_finds_ascii_text_as_the_regex_module_does() -> None:
    """The wildcard-led patterns are skipped on a line whose lower case lacks their literal: every character that
    the regex module matches to an ASCII letter ignoring case must fold to that letter."""
    from newsclean.normalizers.chrome import _fold

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for char in regex.findall(regex.escape(letter), everything, regex.IGNORECASE):
            assert _fold(char) == letter, (letter, char)


# --- seeds -----------------------------------------------------------------------------------------------------


def test_seed_000(seeds: dict[str, str]) -> None:
    gone = removed(seeds["000_77d11aa37ebc9ec8.txt"])
    assert gone == [
        "Top StoryWorld",
        "More on World News",
        "Rebels Advance",
        "Previous Article",
        "Police Intensify Hunt for UnitedHealthcare CEO’s Killer",
        "Next Article",
        "Hegseth Faces Scrutiny from GOP Senators Amid Allegations",
        "How useful was this article?",
        "Click on a star to rate it!",
        "Average rating 0 / 5. Vote count: 0",
        "No votes so far! Be the first to rate this article.",
        "Latest News",
        "Menu",
    ]
    out = SiteChrome()(seeds["000_77d11aa37ebc9ec8.txt"])
    for kept in ("Rebels Advance on Damascus Amid Anti-Assad Protests in Homs\n", "\nDeep Look\n",
                 "(AP Photo/Omar Albam)", "\nSyrian Conflict Intensifies: Quick Looks\n", "\nRegime Under Pressure\n"):
        assert kept in out
    assert out.count("  • ") == 7


def test_seed_001(seeds: dict[str, str]) -> None:
    assert removed(seeds["001_22400fdf319afacc.txt"]) == [
        "Table of Contents",
        "**Coming up:** We’ll delve into the potential ramifications of the Syrian crisis for global stability and "
        "the fight against terrorism.",
        "**Stay tuned.**",
    ]
    out = SiteChrome()(seeds["001_22400fdf319afacc.txt"])
    assert "\nRussia, Iran, Turkey\n" in out and "\nBattle for Homs\n" in out


def test_seed_004(seeds: dict[str, str]) -> None:
    text = seeds["004_abc9d40aaf08aa38.txt"]
    assert removed(text) == ["Skip to main content", "·2 mins", "Image"]
    out = SiteChrome()(text)
    assert out.startswith("Syrian rebels seize fourth city, close in on Homs in threat to Assad's rule\n\n")
    assert "\nSyrian Rebels Capture Key Cities\n" in out


@pytest.mark.parametrize("name", ["002_3a754ec7feaf7df1.txt", "003_cbb8445dadc2087e.txt"])
def test_clean_seeds_untouched(seeds: dict[str, str], name: str) -> None:
    assert SiteChrome()(seeds[name]) == seeds[name]
    assert SiteChrome(aggressive=True)(seeds[name]) == seeds[name]  # not a page: aggressive has nothing more to cut


# --- properties ------------------------------------------------------------------------------------------------

_CHROME_OR_BODY = st.sampled_from(
    SURE_CHROME + EDGE_CHROME + LOOK_ALIKES + HEADINGS + CLEAN_LINES + ["", "Previous Article"]
)


@given(lines=st.lists(_CHROME_OR_BODY, max_size=12), aggressive=st.booleans())
def test_only_whole_lines_or_anchor_marks_go(lines: list[str], aggressive: bool) -> None:
    text = "\n".join(lines) + "\n"
    result = Pipeline([SiteChrome(aggressive=aggressive)]).clean(text)
    for e in result.edits:
        assert e.after == ""
        if e.before.strip() != "#":
            assert e.start == 0 or text[e.start - 1] == "\n", e
            assert e.before.endswith("\n") or e.end == len(text), e
    assert SiteChrome(aggressive=aggressive)(result.text) == result.text


@given(prose=clean_prose)
def test_clean_article_lines_untouched(prose: str) -> None:
    assert SiteChrome()(prose) == prose
    assert SiteChrome(aggressive=True)(prose) == prose


_LINE_PARTS = st.sampled_from(
    ["Share", "on", " ", "\t", "\u00a0", "\x1c", "-", "*", "**", "_", "__", "•", "·", "|", ">", "»", "›", "#", "–",
     "—", ".", "!", "?", "…", "。", "\"", "'", "”", "’", ")", "]"]
)


@given(st.lists(_LINE_PARTS, max_size=10).map("".join) | st.text(max_size=30))
def test_quick_forms_agree_with_the_patterns(line: str) -> None:
    # A line's core and its sentence end are computed with str methods for speed; these patterns say what they mean.
    from newsclean.normalizers.chrome import _core, _ends_sentence

    decor = regex.compile(r"^[\s\-*•·|>»›#–—]+|[\s|*_]+$")
    assert _core(line) == decor.sub("", regex.sub(r"\*\*|__", "", line)).strip()
    core = _core(line)
    assert _ends_sentence(core) == bool(regex.search(r"[.!?…。！？][\"'”’»)\]]*$", core))
