"""sentence_case and proper_nouns: what they raise, what they leave, and their properties."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsclean
from newsclean import Pipeline
from newsclean.evidence import CaseEvidence, batch_evidence, collect, split_words
from newsclean.normalizer import Context
from newsclean.normalizers import casing
from newsclean.normalizers.casing import ProperNouns, SentenceCase

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BOTH = Pipeline(["sentence_case", "proper_nouns"])


def fix(text: str) -> str:
    return BOTH.fix(text)


#: (input, expected): each restores capitals from evidence named in the edit.
FIXES = [
    # the document's own evidence
    ("Rebels reached Homs on Friday. A homs resident said the army left.",
     "Rebels reached Homs on Friday. A Homs resident said the army left."),
    ("The senator, John McCain, met voters while his wife, Cindy McCain, stayed home. Later mccain spoke to them.",
     "The senator, John McCain, met voters while his wife, Cindy McCain, stayed home. Later McCain spoke to them."),
    # gazetteer and calendar
    ("Hezbollah has suffered heavy losses in its war with israel, officials said.",
     "Hezbollah has suffered heavy losses in its war with Israel, officials said."),
    ("They agreed on the importance of syria's territorial integrity.",
     "They agreed on the importance of Syria's territorial integrity."),
    ("Some 2,000 syrian soldiers crossed the border into iraq seeking refuge.",
     "Some 2,000 Syrian soldiers crossed the border into Iraq seeking refuge."),
    ("The talks ended on december 8, 2024 in the capital.", "The talks ended on December 8, 2024 in the capital."),
    ("The vote is due on 5 march and results in may 2025.", "The vote is due on 5 March and results in May 2025."),
    ("It opened on the 8th of may, after rallies on 3rd june and 9 of march.",
     "It opened on the 8th of May, after rallies on 3rd June and 9 of March."),
    ("He flew from new york to hong kong last week.", "He flew from New York to Hong Kong last week."),
    # frequent names newer than the cased sources, which no English word list holds
    ("Missiles struck kyiv and shenzhen factories shipped parts to kolkata.",
     "Missiles struck Kyiv and Shenzhen factories shipped parts to Kolkata."),
    ("Rebels loyal to the old order of the Assad family left the anti-assad town near the Assad stronghold.",
     "Rebels loyal to the old order of the Assad family left the anti-Assad town near the Assad stronghold."),
    # a compound the document writes capitalized elsewhere, and a name before a hyphen
    ("The Mercedes-Benz dealer said the Mercedes-Benz cars sold well. He drove a mercedes-benz to work.",
     "The Mercedes-Benz dealer said the Mercedes-Benz cars sold well. He drove a Mercedes-Benz to work."),
    ("Users of Siri said Siri was slow, and Siri agreed. Your siri-enabled speaker listens.",
     "Users of Siri said Siri was slow, and Siri agreed. Your Siri-enabled speaker listens."),
    # names the cased corpus never writes lowercase, though a dictionary lists "jordan" (a chamber pot)
    ("King Abdullah of jordan met the envoys from georgia on Monday morning.",
     "King Abdullah of Jordan met the envoys from Georgia on Monday morning."),
    # a name that is also a word, with strong context
    ("The ministers of Russia, Iran and turkey met on Saturday.",
     "The ministers of Russia, Iran and Turkey met on Saturday."),
    # the list is one of countries once its other names are raised, in the same run
    ("The ministers of iran, russia, and turkey met in qatar on Saturday.",
     "The ministers of Iran, Russia, and Turkey met in Qatar on Saturday."),
    ("The officials who had been invited arrived in turkey's capital on Sunday.",
     "The officials who had been invited arrived in Turkey's capital on Sunday."),
    # a title the document writes capitalized before the name
    ("We asked Professor Aron first, then we asked Professor Aron again. Then professor Aron answered the question.",
     "We asked Professor Aron first, then we asked Professor Aron again. Then Professor Aron answered the question."),
    # a phrase the document writes capitalized, written half lowercase here: raised as a whole
    (("Judges of the Supreme Court heard the appeal before the holiday, and lawyers expected the Supreme Court to "
      "rule within weeks. Markets waited for the Supreme court ruling, traders said."),
     ("Judges of the Supreme Court heard the appeal before the holiday, and lawyers expected the Supreme Court to "
      "rule within weeks. Markets waited for the Supreme Court ruling, traders said.")),
    (("Engineers at Blue Origin said the lander was ready, and managers at Blue Origin agreed with them. The "
      "contract went to blue Origin and two other companies."),
     ("Engineers at Blue Origin said the lander was ready, and managers at Blue Origin agreed with them. The "
      "contract went to Blue Origin and two other companies.")),
    (("The Apple Watch Series 3 sold well, and the Apple Watch Series 5 sold better. Get the Apple Watch series 5 "
      "today, the store said."),
     ("The Apple Watch Series 3 sold well, and the Apple Watch Series 5 sold better. Get the Apple Watch Series 5 "
      "today, the store said.")),
    # a name damaged more often than left: lowercase only next to a capitalized name, or only in its pair
    (("WeWork's founder, Adam neumann, left the board. Investors said Neumann had borrowed money, and Adam neumann "
      "denied it."),
     ("WeWork's founder, Adam Neumann, left the board. Investors said Neumann had borrowed money, and Adam Neumann "
      "denied it.")),
    (("Police in Fort Worth said the girl was safe. A jury in Fort worth deliberated, and Fort worth officials "
      "welcomed the verdict."),
     ("Police in Fort Worth said the girl was safe. A jury in Fort Worth deliberated, and Fort Worth officials "
      "welcomed the verdict.")),
    (("Officials said The White House called it a sham. The White house spokesman repeated it, and the White house "
      "agreed."),
     ("Officials said The White House called it a sham. The White House spokesman repeated it, and the White House "
      "agreed.")),
    ("Boeing grounded the 737 Max in March. Crashes of its popular 737 max jet killed many, and the 737 max fleet waits.",
     "Boeing grounded the 737 Max in March. Crashes of its popular 737 Max jet killed many, and the 737 Max fleet waits."),
    # a phrase lowercased whole, whose words the document writes lowercase nowhere else
    ("Engineers at Blue Origin built the lander, and the contract went to blue origin last year.",
     "Engineers at Blue Origin built the lander, and the contract went to Blue Origin last year."),
    # a spelling with an inner capital is never the document's lowercase style; an abbreviation defined in brackets
    ("Apple's MacBook sold well. Buyers said the macbook was light, and a new macbook is due.",
     "Apple's MacBook sold well. Buyers said the MacBook was light, and a new MacBook is due."),
    ("Hospitals need more nurses in Intensive Care Units (icus) this winter, and ICUs are full.",
     "Hospitals need more nurses in Intensive Care Units (ICUs) this winter, and ICUs are full."),
    # between a closing and an opening straight quote stands no quotation
    ('Doctor Martin Taylor treated him. "He improved within two days," taylor wrote. "The course went on," Taylor '
     "added.",
     'Doctor Martin Taylor treated him. "He improved within two days," Taylor wrote. "The course went on," Taylor '
     "added."),
    # sentence starts
    ("Tensions rose.\nthe foreign ministers of Russia, Iran and Turkey met on Saturday.",
     "Tensions rose.\nThe foreign ministers of Russia, Iran and Turkey met on Saturday."),
    ("First, years of repression fueled resentment. second, the rebel forces have improved.",
     "First, years of repression fueled resentment. Second, the rebel forces have improved."),
    ("**WTN:** can they still save him, given the war?", "**WTN:** Can they still save him, given the war?"),
    ("**professor Aron:** It is certainly a critical moment for the country.",
     "**Professor Aron:** It is certainly a critical moment for the country."),
    # a speaker label and its answer both lowercase: two sentence starts on one line, in order
    ("**professor Aron:** it is certainly a critical moment for the country.",
     "**Professor Aron:** It is certainly a critical moment for the country."),
    # a common word after a number is no unit's abbreviation: the full stop ends the sentence
    ("The crash killed all of 346 people. its fleet of jets stayed on the ground for months.",
     "The crash killed all of 346 people. Its fleet of jets stayed on the ground for months."),
    # after a person's initial a surname (or a sentence) starts: a capital either way
    ("The studio was founded by Renzo B. larriviere and Simone Chua in the old town.",
     "The studio was founded by Renzo B. Larriviere and Simone Chua in the old town."),
    ("George R. R. martin wrote the books that the show was based on.",
     "George R. R. Martin wrote the books that the show was based on."),
    ("Table of Contents\niran has said it would consider sending forces to Syria.",
     "Table of Contents\nIran has said it would consider sending forces to Syria."),
    # a compass word before a name is raised where the document writes the two as a name
    ("He was born in Western Australia and moved to Perth, then back to western Australia, officials said.",
     "He was born in Western Australia and moved to Perth, then back to Western Australia, officials said."),
    # hard-wrapped text: a line under a finished sentence starts one
    ("Officials from the Syrian Arab Red Crescent and the United Nations High Commission\n"
     "reached the town on Monday, and aid workers said the roads were open again.\n"
     "the convoy carried food, water and medicine for about four thousand people.",
     "Officials from the Syrian Arab Red Crescent and the United Nations High Commission\n"
     "reached the town on Monday, and aid workers said the roads were open again.\n"
     "The convoy carried food, water and medicine for about four thousand people."),
]

#: Text that must come out unchanged.
LEAVES = [
    # a chat log's speakers, whose nicknames are lists' names ("Kira", a city; "Jim")
    "<kira> Ada, the only language written to milspec.\n<jim> Debian Free Software",
    # a word after a hyphen in a lowercase compound: the capitals of another compound ("Wi-Fi") say nothing of it
    "Guests said the Wi-Fi was fast, the Wi-Fi was free, and the Wi-Fi reached the pool. The lobby shows sci-fi films.",
    "The U.S. officials met. U.S. officials said e.g. this works, approx. two hours later.",
    "He bought an iPhone on eBay. iPhone sales rose in the U.S. market.",
    "Charles de Gaulle met Mohammed bin Salman and Bashar al-Assad in al-Qaem.",
    "de Gaulle was a general, and van Gogh was a painter.",
    "Visit https://example.com/syria or write to desk@syria.org, follow @homs and #israel today.",
    "Run `import syria` and then call iran_data() in the shell.",
    # a block of code, indented or fenced: its comments start no sentences
    "The loop is simple.\n\ndef total(items):\n    # sum the prices. then round them\n    for item in items:\n"
    "        yield item.price\n",
    "The config is short.\n\n```\nx = 1\n# first the x. then the y\n```\n",
    "They bought a turkey and fine china for the march through the park.",
    "The bill was passed after the reading; the weather was nice in may.",
    "Officials said a hanging chad was found on the ballot in the county.",
    "Rebels took Homs. The city is quiet, and the president spoke to the regime's army.",
    "Key points:\n- rebels take the city\n- the army retreats\n1. talks resume",
    "She asked, “Who is there?” she said, walking on.",
    "He said the brand is written “ebay” on the sign and left it there.",
    "He wrote it all by hand...and then he slept in the park after the long day.",
    "Both are paid 1 tsp. olive oil and 4 oz. cooked chicken every day at noon.",
    "Add 2 Tbsp. dressing and 1 Tbsp. cilantro to the bowl, then serve it at once.",
    "The U. S. officials met them, and In U. S. courts the case went on.",
    "A poll found South Bend, Ind. mayor Pete Buttigieg and Fresno, Calif. officials at zero percent.",
    # a quotation's first word is capitalized as a sentence's: no evidence for the word ("meth")
    "Materials from South Dakota’s viral “Meth. We’re on it.” campaign drew mockery, and the “Meth. We’re on it.” "
    "slogan spread. South Dakota’s got a Meth problem, he said; meth use is rising, meth labs too, and meth kills.",
    # a title capitalized only before a name stays lowercase where no name follows (AP style)
    "Volker said he tried to convince him, and therefore the president, that the new Ukrainian president was not "
    "corrupt. However, he said the July 25 call made him realize Giuliani and the president still believed Ukraine "
    "needed to investigate Burisma.\n"
    "Morrison was the third witness testifying Tuesday who listened in on Trump's July 25 call with Ukrainian "
    "President Volodymyr Zelensky\n"
    "Morrison was the third witness testifying Tuesday who listened in on Trump's July 25 call with Ukrainian "
    "President Volodymyr Zelensky",
    # a paragraph cut in two by an image: the long line above has no stop at its end
    "The hero is stretched, drawn and quartered, and variously tortured before an English crowd\n\n"
    "that’s hissing and calling for more blood, up until a point.",
    "The recipe needs an\n\neffective way to cook the beans slowly over the fire.",
    "Die Rebellen sagten, sie hätten die Tore der Hauptstadt von syrien am Samstag erreicht.",
    "Повстанцы вошли в хомс и дамаск в субботу утром.",
    "the lowercase poem\nwalks in the rain\nno capitals at all\nnor names to see",
    "Apple unveiled its lander. The lunar lander will fly, and the metro newspapers wrote about it.",
    "The Kaepernick Saga Drags On . . . off the Field, he wrote in the column that day.",
    "Photo taken at the show in Los Angeles on Tuesday, Nov. 19, 2019. less",
    "twitter linkedin facebook instagram",
    "Filed under afghanistan, hostages, middle east, prisoners, taliban",
    "Seoul : 43, Jeongdong-gil, Jung-gu, Seoul is where the office of the company is.",
    "slug: browns-player-on-mason-rudolphs-role-in-fight-with-myles-garrett | sport: football",
    "Ireland (English) Italia (italiano) Magyarország (magyar) Suomi (suomi) are the editions of the site.",
    "We want to hear from you! Send us a tip using our form. Send Us a Tip, Send Us a Tip.",
    # phrase evidence: a lone word of the phrase stays; a phrase written half lowercase as often, all lowercase
    # here, or capitalized only before a name is no evidence; function words and particles stay lowercase
    ("Delegates said the Security Council would meet again soon, and then the Security Council voted on the plan. "
     "The council of the city was not asked about the matter at all."),
    ("Critics said the Assad Regime was weak, and others wrote that the Assad regime had lost the support of the "
     "army, but the Assad regime held on to the capital for many years."),
    ("He spoke with Ukrainian President Volodymyr Zelensky by phone for a long time, and said the new Ukrainian "
     "president was a reformer."),
    ("The painting Starry Night hangs in the museum, and visitors love Starry Night there; the installation gives "
     "Amsterdam its own starry night every winter."),
    # ... and an article capitalized as a sentence's first word is an article all the same
    "The Old Man and the Sea is a short novel by Ernest Hemingway.\n\nAn old man goes fishing, but he has no luck.",
    "The editors of The Washington Post wrote about it, and later the editors of the Washington Post wrote again.",
    ("Actor James Van Der Beek spoke to reporters about the show, and Van Der Beek thanked the fans. Fans cheered "
     "van Der Beek loudly."),
    # a plural of a common word after a name; a phrase capitalized only inside one longer name, holding a function
    # word, after an adjective or an article; a word the document also writes lowercase on its own as often; a number
    # the document never writes before the capitalized word
    "Officials of the United States met envoys of two Arab states on Monday.",
    ("Congress passed the Hong Kong Human Rights and Democracy Act, and officials responsible for human rights abuses "
     "face sanctions."),
    "Here is Everything You Need to Know about the phone. This is the news you need to know today.",
    "The company named its first Chief Strategy Officer, and the new chief strategy officer starts on Monday.",
    "He spoke about Star Wars at length, and the kids played with a star wars toy on the floor.",
    "The agency warned about Meth on Monday, and the meth crisis grew while Dakota meth labs stayed open.",
    "He said the Lakers won, and the Los Angeles lakers fans, and the lakers of the region, cheered.",
    "The 2 max setting and the Max button differ; turn it to 2 max and wait, then use 3 max later.",
    # a common word the document capitalizes only after an acronym, in a company's name
    ("Olivier Bosc is the head of Life Care Solutions at GE Healthcare. The scanners of GE Healthcare help "
     "healthcare professionals in the clinic every day."),
    # a lowercase word starting a line that is no sentence (an address): a tie of evidence is no evidence
    ("The showroom of the designers is on Corso Monforte in the city of Milan, near the center.\n"
     "Flos Showroom\ncorso Monforte, 15"),
    # hard-wrapped text: a line under a full line continues its sentence, however many names the line above holds
    ("Officials from the Syrian Arab Red Crescent and the United Nations High Commission\n"
     "reached the town on Monday, and aid workers said the roads were open again.\n"
     "The convoy carried food, water and medicine for about four thousand people."),
    # ... and under a line that trails off or ends in an abbreviation; a function word or a particle after a person's
    # initial; a unit abbreviated after a number and a hyphen
    ("He said the talks had stalled, that the two sides had not met since March, and that his\n"
     "answer to the question of what would come of the next round in Geneva came out sort of...\n"
     "muffled, he told reporters, and the fund was set up in the U.S.\n"
     "to hold money in trust for the families of the victims of the attack there."),
    "The prize went to Fred A. of New York, and a book went to Stephen R. van den Berg of Delft.",
    "It came in an 8-oz. can, but now it comes in a 16-oz. can that is twice as big as the old one.",
    # CLDR names that are no names: its unknown region, and descriptions written lowercase in news
    "The plane vanished over an unknown region of the ocean, and Israel said it would act in the Palestinian "
    "territories while the eurozone grew.",
    # the rest of a word after its inner apostrophe; a compass word before a name says where in it
    "The money enabled al-Qa'ida to fund camps, and the Shi'ite leaders of the Ba'ath party met Ida Smith in Paris.",
    ("In 1948 the Western allies extended the reform to the Western zones, and the Western powers agreed. "
     "The Havel flows through western Berlin, and the Western sectors grew."),
    # the first part of a lowercase compound is a word's, whatever names a dictionary knows ("Eco")
    "The company launched an eco-friendly line of products on Monday, officials said.",
    # a British spelling is a word, not the surname an American dictionary knows
    "The knights wore ornamental armour to the feast, and the coloured banners hung in the hall.",
    # a list item's first word starts a sentence: no evidence of a name
    "(1) Alexander the Great was a great general.\n(2) Great generals are forewarned.\n(3) Forewarned is forearmed.",
    # the word before a line's first word in hard-wrapped text is the last of the line above: "the" / "house"
    ('The president was at odds with the Senate, but got on better with the House of\n'
     'Representatives. One night his wife woke him, crying that there were burglars in the\n'
     'house.\n"Not here, my dear," he said, "in the Senate maybe, but not in the House."'),
    # letters whose capital is no single letter: a casing step changes case, never letters
    "ŉ Syrian rebels breached Damascus.",
    "The rebels left. ß is a letter of German, and ŉ is one of Afrikaans.",
]


@pytest.mark.parametrize(("text", "expected"), FIXES)
def test_fixes(text: str, expected: str) -> None:
    assert fix(text) == expected


@pytest.mark.parametrize("text", LEAVES)
def test_leaves(text: str) -> None:
    assert fix(text) == text


def test_every_edit_names_its_evidence() -> None:
    result = BOTH.clean("Rebels reached Homs and later left Homs again. A homs resident fled to israel on december 8.")
    reasons = {e.before: e.reason for e in result.edits}
    assert "the document writes 'Homs'" in reasons["homs"]
    assert reasons["israel"] == "gazetteer: country 'Israel'"
    assert reasons["december"] == "gazetteer: month 'December'"


@pytest.mark.parametrize(("text", "before", "reason"), [
    ("Investors said Neumann had borrowed money, and Adam neumann denied it; Adam neumann left.", "neumann",
     "the document writes 'Neumann' capitalized mid-sentence 1x and 'neumann' lowercase only next to a capitalized "
     "name (2x in all), here 'Adam'"),
    ("Investors said Neumann and Neumann's firm had borrowed money; neumann denied it, and Adam neumann left.",
     "neumann", "the document writes 'Neumann' capitalized mid-sentence 2x and 'neumann' lowercase 1x away from a "
     "name (2x in all), here 'Adam'"),
    ("Police in Fort Worth said so. A jury in Fort worth met, and Fort worth officials agreed.", "worth",
     "the document writes 'Fort Worth' capitalized 1x, and 'worth' lowercase only next to 'Fort'"),
    ("Engineers at Blue Origin built it, and the contract went to blue origin last year.", "origin",
     "the document writes the phrase 'Blue Origin' capitalized mid-sentence 1x, and its words lowercase nowhere but "
     "in it"),
    ("Boeing grounded the 737 Max in March, and the 737 max fleet waits.", "max",
     "the document writes '737 Max' capitalized 1x, and 'max' lowercase only after '737'"),
    # the word to raise stands third in the phrase: the phrase is found where it starts, two words before
    ("Engineers at Blue Origin Labs built it, and Blue Origin Labs sold it. The contract went to Blue Origin labs "
     "last year.", "labs", "the document writes the phrase 'Blue Origin Labs' capitalized mid-sentence 2x"),
    # the other word of a listed name ("west" of "West Virginia") written capitalized only
    ("Roads in West virginia were closed by the snow on Monday.", "virginia", "gazetteer: us_state 'West Virginia'"),
])
def test_new_evidence_is_named(text: str, before: str, reason: str) -> None:
    # Among the word's edits: a raise is evidence for its other places, which a later pass may raise on the counts
    # alone ("neumann denied it" once "Adam neumann" is "Adam Neumann").
    assert reason in {e.reason for e in BOTH.clean(text).edits if e.before == before}


def test_phrase_evidence_is_named() -> None:
    text = ("Judges of the Supreme Court heard the appeal before the holiday, and lawyers expected the Supreme Court "
            "to rule within weeks. Markets waited for the supreme Court ruling, traders said.")
    (edit,) = BOTH.clean(text).edits
    assert (edit.before, edit.after) == ("supreme", "Supreme")
    assert edit.reason == "the document writes the phrase 'Supreme Court' capitalized mid-sentence 2x"


def test_evidence_phrases() -> None:
    ev = collect("Members of the White House National Security Council met on Friday with some of the people from "
                 "the country, and then the Security Council voted on the plan that they had made.\n"
                 "Then the staff of Tyvak Nano-Satellite Systems Corp came to talk about the launch of the rocket.")
    assert ev.phrases["security", "council"] == 2 and ev.phrases["white", "house", "national", "security"] == 1
    assert ev.phrases["white", "house", "national", "security", "council"] == 0  # longer than four words
    # not the tail of a hyphenated word: "Satellite Systems" is part of "Nano-Satellite Systems"
    assert ev.phrases["satellite", "systems"] == 0 and ev.phrases["tyvak", "nano"] == 0
    assert ev.phrases["systems", "corp"] == 1
    # a phrase is evidence in its own document only: a batch gathers none
    assert not batch_evidence(["Then the Security Council voted on the plan that the members had made there."]).phrases


def test_user_names_option() -> None:
    text = "The convoy reached saasa and then tell rifaat before dawn."
    assert fix(text) == text
    mine = Pipeline(["proper_nouns"], proper_nouns_names=("Saasa", "Tell Rifaat"))
    assert mine.fix(text) == "The convoy reached Saasa and then Tell Rifaat before dawn."


def test_ambiguous_name_is_left_with_a_note() -> None:
    text = "The delegation flew to turkey and stayed for a week of talks there."
    result = BOTH.clean(text)
    assert result.text == text
    assert [(n.kind, text[n.start:n.end]) for n in result.notes] == [("ambiguous_name", "turkey")]


def test_batch_evidence() -> None:
    others = ["Rebels reached Saasa on Friday, near the town of Saasa in the south."]
    text = "Troops pulled back to saasa, officials said on Friday."
    assert fix(text) == text
    batch = batch_evidence(others)
    assert isinstance(batch, CaseEvidence) and batch.capitalized_count("saasa") == 2
    assert BOTH.clean(text, batch=batch).text == "Troops pulled back to Saasa, officials said on Friday."


def test_batch_evidence_about_a_documents_words() -> None:
    batch = batch_evidence(["The troops reached Saasa after the Syrian Army had pulled out of the whole area there."])
    part = batch.about({"saasa", "syrian", "army"})
    assert set(part.capitalized) == {"saasa", "syrian", "army"} and part.pairs["syrian", "army"] == 1
    assert batch.about({"saasa"}).pairs == {}


def test_batch_is_no_evidence_for_common_words() -> None:
    batch = batch_evidence(["The officials of the Party met the Party leaders at the Party office on Friday."])
    text = "The party of the old guard met in the town hall on Friday evening, officials said."
    assert BOTH.clean(text, batch=batch).text == text


def test_evidence_pairs_and_alone() -> None:
    ev = collect("They met with the old President Assad, and then the president left. Russia and also Turkey agreed.")
    assert ev.pairs["president", "assad"] == 1
    assert ev.alone["turkey"] == 1 and ev.alone["president"] == 0


# --- the seeds -----------------------------------------------------------------------------------------------

SEED_001_FIXES = [
    (4, "homs", "Homs"), (11, "israel", "Israel"), (15, "the", "The"), (15, "syria", "Syria"),
    (18, "iran", "Iran"), (19, "syria", "Syria"), (24, "russia", "Russia"), (29, "syrian", "Syrian"),
    (29, "iraq", "Iraq"), (33, "december", "December"), (36, "second", "Second"),
    # line 41 ends "a critical moment. the", cut short by the scraper: a lone last word is left alone
    (41, "professor", "Professor"), (42, "can", "Can"), (45, "professor", "Professor"),
]


def test_seed_001() -> None:
    text = next(SEEDS.glob("001_*.txt")).read_text("utf-8")
    result = BOTH.clean(text)
    assert sorted((e.line, e.before, e.after) for e in result.edits) == sorted(SEED_001_FIXES)


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
def test_other_seeds_keep_their_case(seed: str) -> None:
    text = next(SEEDS.glob(f"{seed}_*.txt")).read_text("utf-8")
    assert fix(text) == text


# --- properties ----------------------------------------------------------------------------------------------

words = st.sampled_from(["homs", "Homs", "syria", "the", "iran", "turkey", "march", "may", "december", "bill",
                         "professor", "Aron", "al-Assad", "iPhone", "U.S.", "e.g.", "new", "york", "said", "2,000",
                         "www.x.com", "@homs", "#syria", "`code`", "“ebay”", "хомс", "東京", "Supreme", "Court",
                         "court", "Nano-Satellite"])
seps = st.sampled_from([" ", " ", " ", ", ", ". ", "? ", "\n", "\n\n", "'s ", "-", ": "])
texts = st.lists(st.tuples(words, seps), max_size=40).map(lambda ps: "".join(w + s for w, s in ps))


@pytest.mark.parametrize("step", [SentenceCase(), ProperNouns()])
@given(text=texts)
def test_only_raises_letters(step, text: str) -> None:
    out = step(text)
    assert out.lower() == text.lower()
    assert all(a == b or (a.islower() and b == a.upper()) for a, b in zip(text, out))


@pytest.mark.parametrize("step", [SentenceCase(), ProperNouns()])
@given(text=texts)
@example("homs the. homs Nano-Satellite\nhoms e.g. al-Assad ")  # raised, line 1 reads as a headline above line 2
def test_idempotent(step, text: str) -> None:
    once = step(text)
    assert step(once) == once


@pytest.mark.parametrize("pipeline", [BOTH, newsclean.default_pipeline()], ids=["casing steps", "default"])
@given(text=texts)
@example("professor Aron said so. the professor Aron left.")
@example("homs homs homs homs U.S.\nU.S. ")
@example("U.S.\n東京 december U.S. хомс хомс ")  # "other" with the chrome line, English without it
@example("gb gb Gb ")  # the raise of the second "gb" is evidence for the first, at a line start
def test_the_casing_steps_in_a_pipeline_are_idempotent(pipeline, text: str) -> None:
    # proper_nouns reads the evidence of the original: a capital that sentence_case gives a sentence's first word
    # ("Professor Aron said so") must be no evidence on a second run, or that run raises more ("the Professor Aron").
    # Nor may a line an earlier step removes ("U.S.", taken for Czech words) change the document's language.
    once = pipeline.fix(text)
    assert pipeline.fix(once) == once


def assert_shortcut_changes_nothing(text: str, without) -> None:
    """proper_nouns gives the same edits and notes on ``text`` as with a shortcut for speed patched away
    (``without``, a ``mock.patch``)."""
    step = ProperNouns()
    with without:
        slow = Context(text)
        slow_edits = step.propose(text, slow)
    fast = Context(text)
    assert step.propose(text, fast) == slow_edits
    assert fast.notes == slow.notes


dated_words = st.sampled_from(["may", "May", "march", "june", "8", "8th", "of", "3", "2024", "the", "nice", "in"])
dated_seps = st.sampled_from([" ", " ", ", ", ". ", "\n", "-", " 8 ", "8", "th "])
dated_texts = st.lists(st.tuples(dated_words, dated_seps), max_size=30).map(lambda ps: "".join(w + s for w, s in ps))


@given(text=dated_texts)
@example("on 8th of may and may 3, but may not")
def test_months_without_a_digit_near_are_not_decided(text: str) -> None:
    # proper_nouns decides a month that is a common word ("may") only where a digit stands near it: the same edits
    # and notes as deciding it everywhere.
    assert_shortcut_changes_nothing(text, mock.patch.object(casing, "_dated_words", frozenset))


phrase_words = st.sampled_from(["Security", "Council", "security", "council", "the", "said", "Blue", "Origin", "blue",
                                 "origin", "Professor", "Aron", "professor", "new", "york", "New", "737", "max", "Max",
                                 "gb", "GB", "Gb", "homs", "Homs", "iran", "turkey", "march", "8"])
phrase_texts = st.lists(st.tuples(phrase_words, seps), max_size=40).map(lambda ps: "".join(w + s for w, s in ps))


@given(text=phrase_texts)
@example("The Security Council met. the security council said, and the Blue Origin team left blue origin.")
@example("We read the Iran Deal text. the iran deal said no. the iran deal said yes.")  # "iran" raised alone
@example("They sell the 8 Gb Drive now. It has 8 gb drive space, 8 gb here, 8 gb there, 8 gb more.")  # after 8
def test_phrase_starts_decided_as_phrases_only(text: str) -> None:
    # A word decided only because a name or a phrase of the document may start there is not asked for a verdict of
    # its own when the line scan found no evidence about it alone: the same edits and notes as asking it.
    decide = ProperNouns._decide

    def asking_every_word(self, *args):
        return decide(self, *args[:-1], True)

    assert_shortcut_changes_nothing(text, mock.patch.object(ProperNouns, "_decide", asking_every_word))


@given(text=st.one_of(texts, phrase_texts))
@example("The Security Council met. the security council said so in Homs, and homs. Professor Aron, professor aron.")
@example("the 737 Max flew. the 737 max flew. the Iran Deal: the iran deal said. Fort Worth and fort worth said.")
def test_a_long_documents_line_index_reads_what_the_scans_read(text: str) -> None:
    # The questions about a few words of the original are answered by scans of its lines, and past a few, in a long
    # document, by an index of every word's lines (see _WordLines): the same edits and notes from the first question
    # on as with scans only.
    assert_shortcut_changes_nothing(text, mock.patch.object(casing, "_SCANS_BEFORE_INDEX", 0))


@given(st.lists(st.tuples(words, seps), max_size=60).map(lambda ps: "".join(w + s for w, s in ps)),
       st.sets(st.sampled_from(["homs", "Homs", "syria", "the", "Court", "court", "york", "Aron", "absent"])))
def test_the_lines_holding_words_are_the_same_from_the_index(text: str, wanted: set[str]) -> None:
    lines = split_words(text)
    scanned = casing._WordLines(lines)
    indexed = casing._WordLines(lines)
    with mock.patch.object(casing, "_SCANS_BEFORE_INDEX", 0):
        from_index = indexed.holding(frozenset(wanted))
    assert scanned.holding(frozenset(wanted)) == from_index
    assert from_index == [parts for parts in lines if not wanted.isdisjoint(parts[1::2])]


@given(st.sets(st.sampled_from(["homs", "Homs", "HOMS", "McCain", "Mccain", "mccain", "the", "The", "iPhone"])),
       st.sampled_from(["homs", "mccain", "the", "iphone", "absent"]))
def test_the_spellings_of_a_word_are_the_same_from_the_index(written: set[str], low: str) -> None:
    lowercase = Counter(w for w in written if w.islower())
    scanned, indexed = casing._Spellings(written, lowercase), casing._Spellings(written, lowercase)
    with mock.patch.object(casing, "_SCANS_BEFORE_INDEX", 0):
        from_index = indexed.of(low)
    assert scanned.of(low) == from_index == {w for w in written if w.lower() == low}


_ENGLISH_START = ("The minister spoke in Madrid on Monday. He said the plan would help farmers across the region and "
                  "that the government would act soon, according to Que, the local newspaper.\n\n")


@pytest.mark.parametrize(("foreign", "step", "left"), [
    # Spanish: "que" is the newspaper "Que" elsewhere, and Hunspell's English list writes "Prensa" capitalized.
    ("creemos que el plan es bueno para todos y que los agricultores van a estar mejor en el futuro, dijo el "
     "ministro a la prensa local.", "proper_nouns", "'que'"),
    # French: a paragraph start in another language is that language's to capitalize or not.
    ("la situation est grave, a déclaré le ministre aux journalistes présents ce matin dans la capitale.",
     "sentence_case", "'la'"),
])
def test_a_paragraph_in_another_language_is_left_with_a_note(foreign: str, step: str, left: str) -> None:
    # The document is English by its start; the casing steps ask each line they would change, as typos does.
    text = _ENGLISH_START + foreign + "\n\nQue reported that the plan had been welcomed by farmers in the north.\n"
    result = BOTH.clean(text)
    assert result.text == text, result.explain()
    assert any(n.normalizer == step and n.kind == "foreign_line" and left in n.message for n in result.notes)


def test_a_short_line_counts_as_english() -> None:
    # Too few words to tell a language: the line is decided as English, and "que" raised as the document writes it.
    text = _ENGLISH_START + "Readers of que agreed.\n"
    assert fix(text).endswith("Readers of Que agreed.\n")


@given(st.text(alphabet=st.sampled_from(list("хомс дамаск ιράν سوريا 東京 .,\n"))))
def test_non_latin_text_unchanged(text: str) -> None:
    assert fix(text) == text


def test_paragraph_starts_are_left_when_line_breaks_fall_inside_sentences() -> None:
    # Text split around links (a readability page of the extraction benchmark): the paragraphs start lowercase
    # because each continues the line above, so none is raised, and a note says why.
    from newsclean import Pipeline

    text = (
        "The major Asian market indexes were mixed in early trading Tuesday after\n\nCNBC reported\n\n"
        "that the mood in Beijing was pessimistic about the talks this week.\n\nJapan's\n\nNikkei 225 (N225)\n\n"
        "declined 0.3% in early trade, while South Korea's index also fell.\n\nShanghai Composite (SHCOMP)\n\n"
        "slumped 0.2%, but recovered those losses and was last trading up.\n\nHang Seng Index (HSI)\n\n"
        "started in the red, but was last trading up about 1% on the day.\n"
    )
    result = Pipeline(["sentence_case"]).clean(text)
    assert result.text == text
    assert [n.kind for n in result.notes] == ["lines_break_sentences"]
