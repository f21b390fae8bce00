"""The casing damage family of the corruption benchmark: what it damages and how it tags it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corruption import Doc  # noqa: E402
from corruptions import casing  # noqa: E402

TEXT = ("Rebels reached Homs on Friday and the army left Homs at night.\n"
        "Officials in Damascus said the Series of talks would go on. The city is quiet.\n")


def _damage(kind: str, monkeypatch) -> tuple[Doc, dict[int, set[str]]]:
    monkeypatch.setattr(casing, "SHARE", 1.0)
    monkeypatch.setattr(casing, "ALL_OCCURRENCES_SHARE", 1.0)
    doc = Doc.parse(TEXT)
    return doc, casing.KINDS[kind](doc, random.Random(0))


def test_proper_nouns_are_decided_on_the_original(monkeypatch) -> None:
    doc, damage = _damage("proper_nouns", monkeypatch)
    damaged = {Doc.parse(TEXT).tokens[i]: tags for i, tags in damage.items()}
    # "Homs" twice mid-sentence (both damaged, so no evidence is left); "Damascus" and "Friday" are in the
    # gazetteer; "Series" is capitalized once and no place: not a proper noun by this benchmark's rule; "Rebels",
    # "Officials" and "The" start sentences.
    assert set(damaged) == {"Homs", "Damascus", "Friday"}
    assert damaged["Homs"] == {"without_evidence", "name_word", "name_word+without_evidence"}
    assert str(doc).count("homs") == 2 and "damascus" in str(doc)


def test_sentence_starts(monkeypatch) -> None:
    doc, damage = _damage("sentence_start", monkeypatch)
    assert sorted(doc.tokens[i] for i in damage) == ["officials", "rebels", "the"]
    assert all("sentence_start" in tags for tags in damage.values())


def test_all_occurrences_of_one_place(monkeypatch) -> None:
    doc, damage = _damage("all_occurrences", monkeypatch)
    words = {doc.tokens[i] for i in damage}
    assert len(words) == 1 and words <= {"homs", "damascus"}
    assert all("all_occurrences" in tags for tags in damage.values())


@pytest.mark.parametrize("kind", list(casing.KINDS))
def test_damage_only_changes_case(kind: str, monkeypatch) -> None:
    doc, _ = _damage(kind, monkeypatch)
    assert str(doc).lower() == TEXT.lower()


PHRASES = ("Judges of the Supreme Court heard the appeal on Friday, and the lawyers said that the Supreme Court "
           "would rule soon.\nThe Court met again. Officials said the Switch and the Nintendo Switch sold well.\n")


def test_phrase_evidence_tags(monkeypatch) -> None:
    # The second "Supreme Court" and the first "Switch" lowercased: the other occurrences carry the evidence.
    doc = Doc.parse(PHRASES)
    at = {w: [i for i, t in enumerate(doc.tokens) if t == w] for w in ("Supreme", "Court", "Switch")}
    monkeypatch.setattr(casing, "SHARE", 1.0)
    monkeypatch.setattr(casing, "_proper_nouns", lambda d: [at["Supreme"][1], at["Court"][1], at["Switch"][0]])
    damage = casing.proper_nouns(doc, random.Random(0))
    tags = {Doc.parse(PHRASES).tokens[i]: t for i, t in damage.items()}
    # "Supreme Court" is still written capitalized in the first sentence: phrase evidence for both words
    assert {"phrase_evidence", "document_evidence"} <= tags["Supreme"]
    assert {"phrase_evidence", "document_evidence"} <= tags["Court"]
    # "Switch" capitalized elsewhere on its own says nothing about the common word here
    assert "with_evidence" in tags["Switch"] and "document_evidence" not in tags["Switch"]
