"""Cleaning many documents: clean_many (order, bounded laziness, early stop, errors) and the batch functions."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from itertools import count, islice

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclean
from newsclean import DocumentError, Pipeline
from newsclean.batch import clean_batch, fix_batch, fix_frame, is_missing, report_batch, report_json
from newsclean.edits import Edit
from newsclean.evidence import batch_evidence
from newsclean.normalizer import Context, Normalizer
from newsclean import parallel
from newsclean.parallel import resolve_workers

from strategies import news_like

# --- steps used by the tests; module level, so spawned workers can unpickle them --------------------------------


def fail_on_boom(text: str) -> str:
    if "boom" in text:
        raise ValueError(f"cannot clean {text!r}")
    return text


class UnpicklableError(Exception):
    def __init__(self, code: int, detail: str) -> None:
        super().__init__(f"{code}: {detail}")


def fail_unpicklably(text: str) -> str:
    if "boom" in text:
        raise UnpicklableError(7, "custom exception whose constructor pickle cannot call")
    return text


def exit_on_boom(text: str) -> str:
    if "boom" in text:
        os._exit(3)  # a crash no exception handler sees: a segfault, the OOM killer
    return text


def slow(text: str) -> str:
    time.sleep(0.05)
    return text


PICKLED = 0


@dataclass(frozen=True)
class Probe(Normalizer):
    """Fixes nothing: records the batch evidence each document gets, and counts how often it is pickled (sent).

    Leaves the text unchanged.
    """

    name = "probe"
    summary = "record ctx.batch, count pickling"

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        ctx.metadata.setdefault("batch", ctx.batch)
        return []

    def __reduce__(self) -> tuple:
        global PICKLED
        PICKLED += 1
        return (Probe, ())


class Counted:
    """An endless source of documents that counts how many were read from it."""

    def __init__(self) -> None:
        self.read = 0

    def __iter__(self):
        for i in count():
            self.read = i + 1
            yield f"doc {i}  end"


def expected(i: int) -> str:
    return f"doc {i} end"


# --- clean_many ---------------------------------------------------------------------------------------------------


@pytest.fixture(params=["fork", "spawn"])
def each_start_method(request, monkeypatch) -> str:
    """Runs a test with forked workers and with spawned ones: which one a run gets depends on the threads alive at
    the call (:func:`newsclean.parallel.start_method`), and both must behave alike."""
    if request.param == "fork" and parallel.start_method() != "fork":
        # Ray's threads, once an earlier test has started it, outlive ray.shutdown(): forking would be unsafe.
        pytest.skip("this process runs other threads now: its workers are spawned, never forked")
    monkeypatch.setattr(parallel, "start_method", lambda: request.param)
    return request.param




@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize(
    ("workers", "chunksize", "window", "n"),
    [
        (1, 16, None, 50),
        (2, 1, None, 50),
        (2, 3, 1, 50),  # a window of one chunk still makes progress
        (2, 16, None, 5),  # fewer documents than one chunk
        (2, 16, None, 0),  # no documents at all
        (0, 7, None, 50),  # 0: every core
    ],
)
def test_clean_many_yields_every_result_in_input_order(workers, chunksize, window, n) -> None:
    texts = [f"doc {i}  end" for i in range(n)]
    results = list(newsclean.clean_many(texts, workers=workers, chunksize=chunksize, window=window))
    assert [r.text for r in results] == [expected(i) for i in range(n)]
    assert [r.original for r in results] == texts


def test_clean_many_in_process_reads_one_document_per_result() -> None:
    source = Counted()
    results = newsclean.clean_many(source, workers=1)
    assert source.read == 0  # nothing happens before the first result is asked for
    assert [r.text for r in islice(results, 5)] == [expected(i) for i in range(5)]
    assert source.read == 5


@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize(("chunksize", "window"), [(4, 2), (1, 3), (10, 1)])
def test_clean_many_with_workers_reads_at_most_a_window_ahead(chunksize, window) -> None:
    source = Counted()
    with closing(newsclean.clean_many(source, workers=2, chunksize=chunksize, window=window)) as results:
        assert source.read == 0
        taken = [r.text for r in islice(results, 25)]
        assert taken == [expected(i) for i in range(25)]
        # The window of chunks in flight, plus the one refilled as the current chunk was handed over.
        assert 25 <= source.read <= 25 + (window + 1) * chunksize


@pytest.mark.usefixtures("each_start_method")
def test_clean_many_stops_its_workers_when_the_caller_stops_early() -> None:
    results = newsclean.clean_many(Counted(), workers=2, chunksize=2)
    for i, _ in enumerate(results):
        if i == 3:
            break
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("each_start_method")
def test_clean_many_stops_its_workers_on_keyboard_interrupt() -> None:
    pipe = Pipeline(["whitespace", slow])
    # Ctrl-C as the terminal sends it, once the pool is up and the caller is waiting on a slow chunk.
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    with pytest.raises(KeyboardInterrupt):
        for _ in pipe.clean_many(Counted(), workers=2, chunksize=4):
            if timer.ident is None:  # not started yet
                timer.start()
    timer.join()
    assert multiprocessing.active_children() == []


def test_the_pipeline_goes_to_each_worker_once_not_with_each_chunk(each_start_method) -> None:
    pipe = Pipeline(["whitespace", Probe()])
    before = PICKLED
    results = list(pipe.clean_many([f"doc {i}  end" for i in range(60)], workers=2, chunksize=2))
    assert [r.text for r in results] == [expected(i) for i in range(60)]
    # Checked once at the call, then sent once to each of the 2 spawned workers (forked ones inherit it); not once
    # per chunk (30 of them).
    assert PICKLED - before == {"fork": 1, "spawn": 3}[each_start_method]


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="Linux only: elsewhere workers are always spawned")
def test_workers_are_forked_only_while_this_process_runs_one_thread() -> None:
    # In a new interpreter: this test process may still be winding down the threads of an earlier pool.
    script = (
        "import threading\n"
        "from newsclean.parallel import start_method\n"
        "alone = start_method()\n"
        "release = threading.Event()\n"
        "thread = threading.Thread(target=release.wait)\n"
        "thread.start()\n"
        "print(alone, start_method())\n"
        "release.set()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["fork", "spawn"]


@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_document_is_named_after_every_earlier_result(workers) -> None:
    pipe = Pipeline(["whitespace", fail_on_boom])
    texts = ["a  b", "c", "d", "e", "this goes boom", "never reached"]
    got = []
    with pytest.raises(DocumentError) as info:
        for r in pipe.clean_many(texts, workers=workers, chunksize=2):
            got.append(r.text)
    assert got == ["a b", "c", "d", "e"]
    assert info.value.index == 4
    assert isinstance(info.value.error, ValueError)
    assert isinstance(info.value.__cause__, ValueError)
    assert str(info.value) == "document 4: ValueError: cannot clean 'this goes boom'"
    assert "fail_on_boom" in info.value.traceback
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_the_input_comes_after_every_document_read_before_it(workers) -> None:
    def source():
        yield from (f"doc {i}  end" for i in range(5))
        raise OSError("the disk went away")

    got = []
    with pytest.raises(OSError, match="the disk went away"):
        for r in newsclean.clean_many(source(), workers=workers, chunksize=2):
            got.append(r.text)
    assert got == [expected(i) for i in range(5)]
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("each_start_method")
def test_a_worker_that_dies_is_an_error_naming_the_documents_it_had() -> None:
    pipe = Pipeline([exit_on_boom])
    texts = ["a", "b", "c", "d", "boom", "f"]
    # One chunk: which of several in-flight chunks a dead pool reports first is up to the scheduler.
    with pytest.raises(RuntimeError, match="a worker process ended abruptly while cleaning documents 0 to 5"):
        list(pipe.clean_many(texts, workers=2, chunksize=10))
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("each_start_method")
def test_an_exception_that_cannot_cross_processes_arrives_as_its_message() -> None:
    pipe = Pipeline([fail_unpicklably])
    with pytest.raises(DocumentError) as info:
        list(pipe.clean_many(["fine", "boom"], workers=2))
    assert info.value.index == 1
    assert str(info.value.error) == "UnpicklableError: 7: custom exception whose constructor pickle cannot call"


@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize("workers", [1, 2])
def test_text_that_is_not_a_string_is_a_document_error(workers) -> None:
    with pytest.raises(DocumentError, match=r"document 1: TypeError: newsclean cleans str, not bytes"):
        list(newsclean.clean_many(["a", b"b"], workers=workers))


@pytest.mark.usefixtures("each_start_method")
@pytest.mark.parametrize("workers", [1, 2])
def test_batch_evidence_reaches_every_document(workers) -> None:
    evidence = {"capitalized": ("Assad",)}
    pipe = Pipeline([Probe()])
    results = list(pipe.clean_many(["a", "b", "c"], workers=workers, batch=evidence))
    assert [r.metadata["batch"] for r in results] == [evidence] * 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": -1}, "workers must be 0"),
        ({"chunksize": 0}, "chunksize must be at least 1"),
        ({"window": 0}, "window must be at least 1"),
    ],
)
def test_bad_settings_fail_at_the_call_not_at_the_first_result(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message):
        newsclean.clean_many(["a"], **kwargs)


def test_a_pipeline_that_cannot_go_to_a_worker_fails_at_the_call() -> None:
    pipe = Pipeline(["whitespace", lambda text: text])
    with pytest.raises(TypeError, match="does not pickle.*not lambdas"):
        pipe.clean_many(["a"], workers=2)
    assert [r.text for r in pipe.clean_many(["a  b"], workers=1)] == ["a b"]  # in process, anything goes


def test_zero_workers_means_every_available_core() -> None:
    assert resolve_workers(0) == len(os.sched_getaffinity(0))
    assert resolve_workers(3) == 3


# --- pickling: what travels to a worker ------------------------------------------------------------------------


def test_a_configured_pipeline_pickles_small_and_keeps_its_options() -> None:
    pipe = newsclean.default_pipeline(whitespace_max_blank_lines=2)
    data = pickle.dumps(pipe)
    assert len(data) < 2_000
    copy = pickle.loads(data)
    assert copy.steps == pipe.steps and copy.config == pipe.config
    assert copy.fix("a\n\n\n\nb") == "a\n\n\nb"


def test_document_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(DocumentError(3, ValueError("x"), "tb")))
    assert (error.index, str(error.error), error.traceback) == (3, "x", "tb")


# --- batch functions --------------------------------------------------------------------------------------------

MISSING = [None, float("nan")]


@pytest.mark.parametrize(
    ("texts", "expected_texts"),
    [
        (["a  b", "c"], ["a b", "c"]),
        (["a  b", None, "c  d"], ["a b", None, "c d"]),
        ([None, None], [None, None]),
        ([], []),
    ],
)
def test_fix_batch_keeps_length_order_and_missing_values(texts, expected_texts) -> None:
    assert fix_batch(texts) == expected_texts


def test_nan_passes_through_as_the_same_object() -> None:
    nan = float("nan")
    out = fix_batch(["a  b", nan])
    assert out[0] == "a b" and out[1] is nan


def test_report_batch_gives_a_json_report_per_present_text() -> None:
    texts, reports = report_batch(["a  b", None, "ok"])
    assert texts == ["a b", None, "ok"]
    assert reports[1] is None
    assert json.loads(reports[0]) == {"changed": True, "edits": {"whitespace": 1}}
    assert json.loads(reports[2]) == {"changed": False, "edits": {}}


def test_the_full_report_has_every_edit_but_not_the_texts() -> None:
    _, reports = report_batch(["a  b"], full_report=True)
    report = json.loads(reports[0])
    assert report["counts"] == {"whitespace": 1}
    assert [(e["before"], e["after"]) for e in report["edits"]] == [("  ", " ")]
    assert "text" not in report and "original" not in report


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("clean", {"changed": False, "edits": {}}),
        ("a  b   c", {"changed": True, "edits": {"whitespace": 2}}),
        # Mixed line endings are unified by the pipeline itself: a change with a note, not an edit.
        ("a\r\nb\nc", {"changed": True, "edits": {}, "notes": {"line_endings": 1}}),
    ],
)
def test_the_compact_report_counts_edits_and_notes(text, report) -> None:
    assert newsclean.clean(text).report() == report


def test_report_json_is_compact_and_keeps_non_ascii() -> None:
    result = newsclean.clean("Zürich\u00a0 café")
    for report in (report_json(result), report_json(result, full=True)):
        assert report == json.dumps(json.loads(report), ensure_ascii=False, separators=(",", ":"))
    assert '"before":"\u00a0 "' in report_json(result, full=True)
    assert "Zürich" not in report_json(result, full=True)  # the texts are not in the report


def test_clean_batch_uses_a_given_pipeline_or_options_not_both() -> None:
    assert clean_batch(["a  b"], only=["whitespace"])[0].text == "a b"
    assert clean_batch(["a  b"], pipeline=Pipeline([str.upper]))[0].text == "A  B"
    with pytest.raises(TypeError, match="not both"):
        clean_batch(["a"], pipeline=Pipeline([str.upper]), only=["whitespace"])


@given(st.lists(st.one_of(news_like, st.none(), st.just(float("nan"))), max_size=6))
def test_fix_batch_is_fix_on_each_text_and_identity_on_each_missing_value(column) -> None:
    out = fix_batch(column)
    assert len(out) == len(column)
    for value, cleaned in zip(column, out):
        if isinstance(value, str):
            assert cleaned == newsclean.fix(value)
        else:
            assert cleaned is value


@given(st.lists(news_like, max_size=6))
def test_clean_many_in_process_is_clean_on_each_text(texts) -> None:
    assert [r.text for r in newsclean.clean_many(texts)] == [newsclean.fix(t) for t in texts]


SAASA = [
    "Rebels reached Saasa on Friday, near the town of Saasa in the south.",
    "Troops pulled back to saasa, officials said on Friday.",
]
SAASA_FIXED = "Troops pulled back to Saasa, officials said on Friday."


def test_case_evidence_pooled_over_a_batch_repairs_a_name_one_document_lowercased() -> None:
    column = [*SAASA, None]
    assert fix_batch(column)[1] == SAASA[1]  # alone, the document has no evidence that the word is a name
    assert fix_batch(column, batch=batch_evidence(SAASA)) == [SAASA[0], SAASA_FIXED, None]


def test_batch_evidence_travels_to_the_workers() -> None:
    results = newsclean.clean_many(SAASA, workers=2, batch=batch_evidence(SAASA))
    assert [r.text for r in results] == [SAASA[0], SAASA_FIXED]


def test_a_value_that_is_neither_text_nor_missing_is_an_error_naming_its_position() -> None:
    with pytest.raises(DocumentError, match="document 2: TypeError: newsclean cleans str, not int"):
        fix_batch(["a", None, 3])


@pytest.mark.parametrize(
    ("value", "missing"), [(None, True), (math.nan, True), ("", False), ("nan", False), (0, False)]
)
def test_is_missing(value, missing) -> None:
    assert is_missing(value) is missing


@pytest.fixture
def pd():
    return pytest.importorskip("pandas", reason="pandas is not installed (pip install 'newsclean[integrations]')")


@pytest.fixture
def frame(pd):
    return pd.DataFrame({"id": [1, 2, 3, 4], "text": ["a  b", None, float("nan"), "ok"]})


def test_fix_batch_on_a_series_with_missing_values(pd) -> None:
    out = fix_batch(pd.Series(["a  b", pd.NA, None], dtype="object"))
    assert out[0] == "a b" and out[1] is pd.NA and out[2] is None


def test_fix_frame_replaces_the_column_and_keeps_the_others(frame) -> None:
    out = fix_frame(frame)
    assert list(out.columns) == ["id", "text"]
    assert out["id"].tolist() == [1, 2, 3, 4]
    assert out["text"][0] == "a b" and out["text"][3] == "ok"
    assert out["text"][1:3].isna().all()
    assert frame["text"][0] == "a  b"  # the input frame is not modified


def test_fix_frame_to_new_columns_with_reports(frame) -> None:
    out = fix_frame(frame, "text", output_column="clean", report_column="report")
    assert list(out.columns) == ["id", "text", "clean", "report"]
    assert out["clean"][0] == "a b"
    assert json.loads(out["report"][0]) == {"changed": True, "edits": {"whitespace": 1}}
    assert out["report"][1:3].isna().all()


def test_fix_frame_names_the_columns_when_the_text_column_is_absent(frame) -> None:
    with pytest.raises(KeyError, match="no column 'body'; the columns are id, text"):
        fix_frame(frame, "body")


def test_import_newsclean_loads_no_engine() -> None:
    import subprocess
    import sys

    engines = "{'ray', 'datatrove', 'pandas', 'pyarrow'}"
    code = f"import sys, newsclean, newsclean.batch; print(sorted({engines} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
