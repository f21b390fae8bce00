"""Cleaning many documents: lazily, in input order, in one process or in a pool of worker processes.

The input may be a generator over a corpus of any size, so the pool never reads ahead more than a fixed window of
chunks: a chunk is read from the input only when an earlier one has been handed back to the caller. Memory is
bounded by ``window * chunksize`` documents whatever the size of the input and however slow the consumer is.

Workers get the pipeline once through the pool's initializer. They are forked when that is safe (see
:func:`start_method`): they then start at once with whatever the parent has loaded. Otherwise they are spawned, and
each loads normalizer data lazily, once per process.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from newsclean.result import CleanResult

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newsclean.pipeline import Pipeline

__all__ = ["DocumentError", "clean_many", "resolve_workers", "start_method"]


class DocumentError(Exception):
    """Cleaning one document of a stream failed.

    ``index`` is the document's 0-based position in the input, ``error`` the exception raised while cleaning it and
    ``traceback`` its formatted traceback (from the worker process when there was one). Every document before it has
    already been returned.
    """

    def __init__(self, index: int, error: BaseException, traceback: str = "") -> None:
        super().__init__(index, error, traceback)
        self.index = index
        self.error = error
        self.traceback = traceback

    def __str__(self) -> str:
        return f"document {self.index}: {type(self.error).__name__}: {self.error}"


def resolve_workers(workers: int) -> int:
    """The number of processes for ``workers``: ``0`` means every core this process may run on."""
    if workers < 0:
        raise ValueError(f"workers must be 0 (all cores) or more, got {workers}")
    if workers:
        return workers
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: How many times, a millisecond apart, :func:`start_method` looks again for threads that are exiting.
_THREAD_EXIT_POLLS = 20


def start_method() -> str:
    """How worker processes start: ``"fork"`` on Linux when this process runs a single thread, else ``"spawn"``.

    A forked worker starts at once with everything the parent has loaded: the modules, the normalizers' data, their
    per-word memos. A spawned one starts a new interpreter, imports newsclean, loads the data and warms its memos
    again: two spawned workers spend about a second of CPU more than one process, whatever the length of the run
    (``benchmarks/throughput.py``). Forking is unsafe only when another thread runs: one holding a lock at the
    moment of the fork (Ray's, a web server's, a logging handler's) would leave it locked in the child forever.
    Linux lists a process's threads, its own and those of C libraries alike; elsewhere (macOS forbids forking its
    system frameworks, Windows cannot fork) workers are spawned.
    """
    if not sys.platform.startswith("linux"):
        return "spawn"
    for _ in range(_THREAD_EXIT_POLLS):
        try:
            if len(os.listdir("/proc/self/task")) == 1:
                return "fork"
        except OSError:  # no /proc mounted
            return "spawn"
        if threading.active_count() > 1:
            return "spawn"
        # No other Python thread, yet more than one listed: a thread just joined (the last pool's) is still
        # exiting, or a C library runs its own. Wait a moment for the first, which a call right after another
        # clean_many meets.
        time.sleep(0.001)
    return "spawn"


def clean_many(
    pipeline: Pipeline, texts: Iterable[str], workers: int, chunksize: int, window: int | None, batch: Any
) -> Iterator[CleanResult]:
    """See :meth:`newsclean.Pipeline.clean_many`, which gives the defaults."""
    n = resolve_workers(workers)
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    if window is not None and window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    if n == 1:
        return _in_process(pipeline, texts, batch)
    try:
        pickle.dumps((pipeline, batch))
    except Exception as exc:
        raise TypeError(
            f"clean_many with workers sends the pipeline to other processes, and it does not pickle ({exc}); "
            "use module-level functions as steps, not lambdas or nested functions"
        ) from exc
    return _in_pool(pipeline, texts, n, chunksize, window or 2 * n, batch)


def _in_process(pipeline: Pipeline, texts: Iterable[str], batch: Any) -> Iterator[CleanResult]:
    for index, text in enumerate(texts):
        try:
            result = pipeline.clean(text, batch=batch)
        except Exception as exc:
            raise DocumentError(index, exc, traceback.format_exc()) from exc
        yield result


def _in_pool(
    pipeline: Pipeline, texts: Iterable[str], workers: int, chunksize: int, window: int, batch: Any
) -> Iterator[CleanResult]:
    # Imported here: ``import newsclean`` stays quick for the many runs that never start a pool.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    numbered = enumerate(texts)
    pending: deque[tuple[int, int, Future]] = deque()
    input_error: list[Exception] = []  # raised by the input itself: raised in turn once what came before is out
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=_init_worker,
        initargs=(pipeline, batch),
    )

    def submit() -> bool:
        chunk: list[tuple[int, str]] = []
        if not input_error:
            try:
                chunk.extend(islice(numbered, chunksize))
            except Exception as exc:
                input_error.append(exc)
        if chunk:
            start = chunk[0][0]
            pending.append((start, len(chunk), pool.submit(_clean_chunk, start, [t for _, t in chunk])))
        return bool(chunk) and not input_error

    try:
        while len(pending) < window and submit():
            pass
        while pending:
            start, size, future = pending.popleft()
            try:
                results, failure = future.result()
            except BrokenProcessPool as exc:
                raise RuntimeError(
                    f"a worker process ended abruptly while cleaning documents {start} to {start + size - 1}"
                    " (its own error, if it could print one, is on standard error)"
                ) from exc
            # Refill before handing results over, so the workers keep busy while the caller works.
            submit()
            yield from results
            if failure is not None:
                raise failure from failure.error
        if input_error:
            raise input_error[0]
    finally:
        # Reached on exhaustion, on an error, on KeyboardInterrupt and when the caller stops early (the generator is
        # closed): queued chunks are dropped, running ones (a few milliseconds each) finish, the workers exit.
        pool.shutdown(wait=True, cancel_futures=True)


_PIPELINE: Pipeline | None = None
_BATCH: Any = None


def _init_worker(pipeline: Pipeline, batch: Any) -> None:
    global _PIPELINE, _BATCH
    # Ctrl-C reaches every process of the terminal's group; only the parent decides what to do about it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PIPELINE, _BATCH = pipeline, batch


def _clean_chunk(start: int, texts: list[str]) -> tuple[list[CleanResult], DocumentError | None]:
    assert _PIPELINE is not None, "worker not initialized"
    results = []
    for offset, text in enumerate(texts):
        try:
            results.append(_PIPELINE.clean(text, batch=_BATCH))
        except Exception as exc:
            # Hand back what was cleaned before the failure, and an error that survives the trip to the parent.
            return results, DocumentError(start + offset, _portable(exc), traceback.format_exc())
    return results, None


def _portable(exc: Exception) -> Exception:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
