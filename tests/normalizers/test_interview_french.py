"""interview in the whole default pipeline with French-style labels ("Q :", "R :"): no step undoes another's work.

French typography puts a space (plain, no-break or narrow no-break) before the colon. punctuation_spacing only ever
inserts a space after a comma or a sentence end, never removes one before a colon, and interview keeps each label's
own space: the pipeline must reach its fixed point with the transcript intact.
"""

from __future__ import annotations

import pytest

import newsclean

TURNS = [
    ("Q", "Madame la ministre, la situation en Syrie est-elle sous contrôle ?"),
    ("R", "Non, pas encore. Nous suivons la situation heure par heure avec nos partenaires européens."),
    ("Q", "Que pensez-vous de la position de la Russie ?"),
    ("R", "La Russie doit respecter ses engagements. Nous l’avons dit clairement à Moscou la semaine dernière."),
    ("Q", "Et l’Iran ?"),
    ("R", "L’Iran joue un rôle déstabilisateur dans la région. Nous le disons depuis des années."),
]


def interview(seps: list[str], emphasis: str = "", turns: list[tuple[str, str]] = TURNS) -> str:
    """An article with a transcript whose label ``i`` is written ``{emphasis}{speaker}{seps[i]}{emphasis}``."""
    lines = ["Entretien exclusif avec la ministre des Affaires étrangères, à Paris."]
    lines += [f"{emphasis}{name}{sep}{emphasis} {text}" for (name, text), sep in zip(turns, seps)]
    lines.append("Propos recueillis par Marie Dubois.")
    return "\n\n".join(lines) + "\n"


def clean(text: str) -> newsclean.CleanResult:
    result = newsclean.clean(text)
    assert not [n for n in result.notes if n.kind == "no_fixed_point"], result.explain()
    assert newsclean.fix(result.text) == result.text  # a fixed point: cleaning again changes nothing
    assert result.metadata["interview"]["speakers"] == ["Q", "R"]
    return result


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"], ids=["space", "no-break", "narrow no-break"])
@pytest.mark.parametrize("emphasis", ["", "**"])
def test_french_labels_are_left_as_they_are(space: str, emphasis: str) -> None:
    text = interview([space + ":"] * len(TURNS), emphasis)
    result = clean(text)
    assert result.text == text, result.explain()
    assert result.metadata["interview"]["turns"] == len(TURNS)


def test_mixed_spaces_before_the_colon_are_one_form() -> None:
    # A no-break space and a plain one are the same label form: each label keeps the space it has.
    text = interview([" :", "\u00a0:", " :", "\u00a0:", "\u00a0:", " :"])
    assert clean(text).text == text


def test_labels_without_the_space_take_the_transcript_form() -> None:
    text = interview(["\u00a0:", "\u00a0:", ":", "\u00a0:", "\u00a0:", ":"])
    assert clean(text).text == interview(["\u00a0:"] * len(TURNS))


def test_truncated_french_answer_is_only_reported() -> None:
    turns = TURNS[:5] + [("R", "L’Iran joue un rôle déstabilisateur dans la région. Nous le disons depuis des")]
    text = interview([" :"] * len(TURNS), turns=turns)
    result = clean(text)
    assert result.text == text
    assert result.metadata["interview"]["truncated_turns"] == [6]
    (note,) = [n for n in result.notes if n.kind == "truncated_answer"]
    assert note.message == "turn 6 (answer) ends mid-sentence; left as it is"


def test_english_transcript_with_french_spacing() -> None:
    # English text: punctuation_spacing, the casing steps and typos all run; the labels keep their space.
    turns = [
        ("Q", "Minister, is the situation in Syria under control?"),
        ("R", "No, not yet. We follow the situation hour by hour with our European partners."),
        ("Q", "What do you make of the position of Russia?"),
        ("R", "Russia must respect its commitments. We said so clearly in Moscow last week."),
        ("Q", "And Iran?"),
        ("R", "Iran plays a destabilizing role in the region. We have said so for the"),
    ]
    text = interview([" :"] * len(turns), turns=turns)
    result = clean(text)
    assert result.text == text.replace("We have said so for the", "[…]")
    assert result.metadata["interview"]["truncated_turns"] == [6]
