"""The pipeline: composition, fixed point, the edit log, line endings, pickling, the public API."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

import newsclean
from newsclean import Edit, Normalizer, Pipeline
from newsclean.normalizer import Context


def test_fix_and_clean_agree() -> None:
    text = "a  b \n\n\n\nc"
    result = newsclean.clean(text)
    assert result.text == newsclean.fix(text) == "a b\n\nc"
    assert result.original == text
    assert result.counts() == {"whitespace": 3}
    assert result.replay() == result.text


def test_steps_by_name_object_and_callable() -> None:
    from newsclean.normalizers.whitespace import Whitespace

    pipe = Pipeline(["whitespace", Whitespace(max_blank_lines=0), str.upper])
    result = pipe.clean("a  b\n\n\nc")
    assert result.text == "A B\nC"
    assert pipe.names == ["whitespace", "whitespace", "upper"]
    # the callable's change is one edit trimmed to what changed
    upper = [e for e in result.edits if e.normalizer == "upper"]
    assert [(e.before, e.after) for e in upper] == [("a b\nc", "A B\nC")]


def test_unknown_step_is_a_clear_error() -> None:
    with pytest.raises(newsclean.UnknownNormalizer, match="did you mean whitespace"):
        Pipeline(["whitspace"])
    with pytest.raises(TypeError, match="pipeline step"):
        Pipeline([42])  # type: ignore[list-item]


def test_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="cleans str"):
        newsclean.fix(b"bytes")  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Doubler(Normalizer):
    """Turns every 'x' into 'xx' while the text is shorter than 8: converges only after several passes."""

    name = "doubler"
    summary = "test"
    idempotent = False

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        if len(text) >= 8 or "x" not in text:
            return []
        i = text.index("x")
        return [self.edit(text, i, i + 1, "xx", "double")]


def test_fixed_point_reached_and_replayable() -> None:
    result = Pipeline([_Doubler()]).clean("x")
    assert result.text == "xxxxx"  # one more x per pass, and the pipeline stops after four passes
    assert result.replay() == result.text
    assert [n.kind for n in result.notes] == ["no_fixed_point"]


@dataclass(frozen=True)
class _ReadsTheDocument(Normalizer):
    """Records the document it would decide on (``ctx.original``) each time it runs."""

    name = "reads"
    summary = "test"
    reads_document = True

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        ctx.metadata.setdefault("read", []).append(ctx.original)
        return []


@dataclass(frozen=True)
class _RaisesHoms(Normalizer):
    name = "raises"
    summary = "test"

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        i = text.find("homs")
        return [self.edit(text, i, i + 4, "Homs", "test")] if i >= 0 else []


@dataclass(frozen=True)
class _RaisesHomsReadingTheDocument(_RaisesHoms):
    reads_document = True


@pytest.mark.parametrize("step", [
    # A step that decides on the document changed it: the next pass reads it as it now is, as a run over the output
    # would (its raise is evidence for the rest of the document).
    _RaisesHomsReadingTheDocument(),
    # So does any other step's change: each pass makes the analyses from the text as its first step that reads them
    # receives it.
    _RaisesHoms(),
])
def test_a_pass_after_a_step_changed_the_document_reads_it_anew(step: Normalizer) -> None:
    assert Pipeline([_ReadsTheDocument(), step]).clean("homs").metadata["read"] == ["homs", "Homs"]


def test_the_document_is_read_as_the_first_step_that_reads_it_receives_it() -> None:
    # A chrome line an earlier step removes is no part of the document the analyses read ("Vote count: 0" made
    # "count" a word of it, and a second run over the output, without that line, decided otherwise).
    assert Pipeline([_RaisesHoms(), _ReadsTheDocument()]).clean("homs").metadata["read"] == ["Homs"]


@dataclass(frozen=True)
class _Broken(Normalizer):
    """Proposes an edit whose 'before' does not match the text."""

    name = "broken"
    summary = "test"

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        return [Edit(self.name, 0, 1, "?", "!", "bad")] if text else []


def test_contract_breach_names_the_normalizer() -> None:
    with pytest.raises(newsclean.EditError, match="broken"):
        Pipeline([_Broken()]).fix("abc")


@dataclass(frozen=True)
class _Slow(Normalizer):
    """Raises TimeoutError as a regex with a timeout would."""

    name = "slow"
    summary = "test"

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        raise TimeoutError("regex timed out")


def test_timeout_skips_the_step_and_reports_it() -> None:
    result = Pipeline([_Slow(), "whitespace"]).clean("a  b")
    assert result.text == "a b"
    assert [(n.normalizer, n.kind) for n in result.notes] == [("slow", "timeout")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b\r\nc \r\n", "a b\r\nc\r\n"),
        ("a  b\rc \r", "a b\rc\r"),
        ("a  b\nc \n", "a b\nc\n"),
    ],
)
def test_line_ending_style_is_kept(text: str, expected: str) -> None:
    result = newsclean.clean(text)
    assert result.text == expected
    assert result.replay() == expected
    assert not result.notes


def test_mixed_line_endings_are_unified_with_a_note() -> None:
    result = newsclean.clean("a\r\nb\r\nc\n")
    assert result.text == "a\r\nb\r\nc\r\n"
    assert [n.kind for n in result.notes] == ["line_endings"]


def test_pipeline_pickles_small_and_works_after() -> None:
    pipe = newsclean.default_pipeline()
    data = pickle.dumps(pipe)
    assert len(data) < 2_000
    assert pickle.loads(data).fix("a  b") == "a b"


def test_default_pipeline_is_shared() -> None:
    assert newsclean.default_pipeline() is newsclean.default_pipeline()
    assert newsclean.default_pipeline(skip=["whitespace"]) is not newsclean.default_pipeline()


def test_clean_many_is_lazy_and_ordered() -> None:
    def texts():
        yield "a  b"
        raise AssertionError("consumed too far")

    results = newsclean.clean_many(texts())
    assert next(results).text == "a b"


def test_clean_many_with_workers_keeps_order() -> None:
    texts = [f"doc {i}  end" for i in range(20)]
    out = [r.text for r in newsclean.clean_many(texts, workers=2)]
    assert out == [f"doc {i} end" for i in range(20)]


def test_explain_lists_edits_and_notes() -> None:
    result = newsclean.clean("a  b\r\nc\n")
    text = result.explain()
    assert "whitespace" in text and "'  ' -> ' '" in text and "line endings" in text


def test_to_dict_is_json_ready() -> None:
    import json

    report = newsclean.clean("a  b").to_dict(include_text=False)
    assert json.loads(json.dumps(report))["counts"] == {"whitespace": 1}
