"""The typos damage family: it damages only ordinary lowercase words, into non-words, from held-out misspellings."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from newsclean.data.build import held_out
from newsclean.spelling import lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corruption import Doc  # noqa: E402

typos = pytest.importorskip("corruptions.typos")

TEXT = ("President Bashar al-Assad said the government would receive their support. Residents of Saasa said the "
        "committee had already accepted the separate agreement, although officials believed it was necessary. ") * 8


@pytest.mark.parametrize("kind", sorted(typos.KINDS))
def test_damage_is_to_ordinary_words_and_makes_non_words(kind: str) -> None:
    pytest.importorskip("codespell_lib")
    original = Doc.parse(TEXT)
    damaged = Doc(list(original.seps), list(original.tokens), original.tail)
    damage = typos.KINDS[kind](damaged, random.Random(1))
    assert damage, "nothing was damaged"
    lex = lexicon()
    assert len(damaged.tokens) == len(original.tokens)
    for i, was in enumerate(original.tokens):
        now = damaged.tokens[i]
        if i not in damage:
            assert now == was
            continue
        assert was.islower() and len(was) >= 4 and was in lex.words
        assert now != was and not lex.is_known(now)
        if kind == "common":
            assert held_out(now)  # one the benchmark hides from the corrector's list (before_run)


def test_the_benchmark_hides_the_held_out_misspellings_from_the_corrector() -> None:
    # "untill" is held out, "recieve" is not (a stable hash split): the packed list keeps only the second.
    assert held_out("untill") and not held_out("recieve")
    assert typos.without_held_out("recieve receive untill until") == "recieve receive"
