"""Missing spaces after punctuation: "rebels,with", "soldiers.The" (the damage of seed 001)."""

from __future__ import annotations

import random

from corruption import Doc

NORMALIZERS = ("punctuation_spacing",)
#: Share of eligible places damaged in each document.
SHARE = 0.3


def _drop_space_after(marks: str, next_upper: bool):
    def corrupt(doc: Doc, rng: random.Random) -> dict[int, set[str]]:
        damage: dict[int, set[str]] = {}
        t = doc.tokens
        for i in range(1, len(t) - 1):
            word_before, mark, word_after = t[i - 1], t[i], t[i + 1]
            if (
                mark in marks
                and not doc.seps[i]
                and doc.seps[i + 1] == " "
                and word_before.isalpha()
                and len(word_before) > 1  # not an initial: "J. Smith"
                and word_after.isalpha()
                and word_after[0].isupper() == next_upper
                and rng.random() < SHARE
            ):
                doc.seps[i + 1] = ""
                damage[i + 1] = {f"after '{mark}'"}
        return damage

    return corrupt



def concerns(before: tuple[str, bool], after: tuple[str, bool]) -> bool:
    """A change of the space before a token ("rebels,with" -> "rebels, with")."""
    return before[1] != after[1]

KINDS = {
    "comma": _drop_space_after(",", next_upper=False),
    "sentence_end": _drop_space_after(".!?", next_upper=True),
}
