"""newsclean is a typed library (PEP 561): its annotations are what users' type checkers read, so they must hold.

Also the invariants that the package's few ``# type: ignore`` comments rely on, where a test can state them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.data import load
from newsclean.evidence import collect
from newsclean.normalizers.casing import _Entry

ROOT = Path(__file__).resolve().parents[1]


def test_package_is_marked_typed() -> None:
    assert (ROOT / "src" / "newsclean" / "py.typed").is_file()


def test_mypy_finds_no_error(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    # The settings of pyproject.toml's [tool.mypy]; a fresh cache, so that no run reads another's results.
    stdout, stderr, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(tmp_path),
        str(ROOT / "src" / "newsclean"),
    ])
    assert status == 0, stdout + stderr
    assert stdout.startswith("Success: no issues found"), stdout


@pytest.mark.parametrize("kind", sorted(load("gazetteer")["kinds"]))
def test_every_gazetteer_name_has_a_word(kind: str) -> None:
    # casing._gazetteer() takes _Entry.of() to return an entry for every packaged name.
    names = load("gazetteer")["kinds"][kind]
    assert names
    assert [name for name in names if _Entry.of(name, kind) is None] == []


@pytest.mark.parametrize("text", [
    "The talks in Geneva went on. Officials in Geneva and in geneva said so.",
    "McCain spoke. Then mccain and MCCAIN left with McCain's aide.",
    "nothing here is capitalized mid-sentence, not even geneva.",
])
def test_a_word_counted_capitalized_has_a_form(text: str) -> None:
    # casing's _after_number() and _beside_name() take form() to be a spelling wherever capitalized_count() > 0.
    evidence = collect(text)
    for word in {w.lower() for w in text.replace(".", " ").replace("'s", " ").split()}:
        if evidence.capitalized_count(word):
            assert evidence.form(word) is not None, word
        else:
            assert evidence.form(word) is None, word
