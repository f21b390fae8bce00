"""One ``newsclean fix`` run: documents read from files, cleaned by ``Pipeline.clean_many``, written where asked.

The command line (:mod:`newsclean.cli`) turns its arguments into a pipeline and calls :func:`fix_files`. This module
routes documents and results: which text goes to which output, which record is rejected, what is counted, what the
exit status is. It cleans nothing itself, and the bytes on disk are :mod:`newsclean.files`' business.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO, Protocol

from newsclean.edits import Note
from newsclean.files import AtomicFile, Decoded, InputError, Record, abort_pending
from newsclean.pipeline import Pipeline
from newsclean.result import CleanResult

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_CHANGED",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REJECTED",
    "PassOnFailure",
    "fix_files",
]

EXIT_OK = 0
"""Everything was cleaned and written (with ``--check``: nothing would change)."""
EXIT_CHANGED = 1
"""``--check``: some document would change."""
EXIT_ERROR = 2
"""A usage error, or an input that could not be read or an output that could not be written."""
EXIT_REJECTED = 3
"""Some documents could not be cleaned (a bad JSONL record, a normalizer failure) and were passed on unchanged."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C): no output file was left half-written."""
EXIT_BROKEN_PIPE = 141
"""Standard output was closed by the reader (``| head``), as 128 + SIGPIPE."""

# When several things went wrong, the exit status reports the most serious one.
_SEVERITY = {EXIT_OK: 0, EXIT_CHANGED: 1, EXIT_REJECTED: 2, EXIT_ERROR: 3, EXIT_BROKEN_PIPE: 4, EXIT_INTERRUPTED: 5}

#: What `-r --jsonl` cleans under a directory unless --include says otherwise.
DEFAULT_JSONL_INCLUDE = ("*.jsonl", "*.jsonl.gz")
#: Note kind of a document whose cleaning raised; it is passed on unchanged.
FAILED = "failed"


# --- a pipeline that never stops a run --------------------------------------------------------------------------


class PassOnFailure(Pipeline):
    """A pipeline whose :meth:`clean` returns a document it fails on unchanged, with a ``failed`` note.

    One odd document among millions must not end a corpus run: it is passed on untouched and reported.
    """

    def clean(self, text: str, *, batch: Any = None) -> CleanResult:
        try:
            return super().clean(text, batch=batch)
        except Exception as exc:  # a normalizer bug: report it, lose nothing
            note = Note("pipeline", FAILED, f"{type(exc).__name__}: {exc}")
            return CleanResult(text, text, notes=(note,))

    def __reduce__(self) -> tuple:
        rebuild, args = super().__reduce__()[:2]
        return (_pass_on_failure, (rebuild, args))


def _pass_on_failure(rebuild: Callable[..., Pipeline], args: tuple) -> Pipeline:
    pipeline = rebuild(*args)
    pipeline.__class__ = PassOnFailure
    return pipeline


# --- the run ------------------------------------------------------------------------------------------------------


class _Unit:
    """One input file (or standard input) and where its output goes."""

    __slots__ = ("path", "out", "sink", "decoded", "documents", "changed", "broken")

    def __init__(self, path: str, out: str | None = None) -> None:
        self.path = path
        self.out = out
        """Its own output file (-o DIR, -r), or None for the run's shared output (or the file itself with -i)."""
        self.sink: AtomicFile | None = None
        self.decoded: Decoded | None = None
        self.documents = 0
        self.changed = 0
        self.broken = False

    @property
    def label(self) -> str:
        return "<stdin>" if self.path == "-" else self.path


class _Doc:
    """One document: a whole text file (``lineno`` 0), or one line of a JSONL file (``record`` None if blank)."""

    __slots__ = ("unit", "lineno", "raw", "record", "size")

    def __init__(self, unit: _Unit, lineno: int = 0, raw: bytes = b"", record: Record | None = None, size: int = 0):
        self.unit = unit
        self.lineno = lineno
        self.raw = raw
        self.record = record
        self.size = size

    @property
    def label(self) -> str:
        return f"{self.unit.label}:{self.lineno}" if self.lineno else self.unit.label

    @property
    def text(self) -> str:
        """What to clean: the file's text, or the record's field ("" for a blank line or a bad record)."""
        if not self.lineno:
            assert self.unit.decoded is not None
            return self.unit.decoded.text
        return (self.record.text or "") if self.record is not None else ""


class _End:
    """The end of a unit's documents, with the reason it could not be read to the end, if any."""

    __slots__ = ("unit", "error")

    def __init__(self, unit: _Unit, error: str | None = None) -> None:
        self.unit = unit
        self.error = error


class _Feed:
    """The documents of every input as one flat stream of texts for ``clean_many``.

    Every document, good or not, yields exactly one text (an empty one for a record that cannot be cleaned), so the
    n-th result belongs to the n-th document. The documents themselves, and the ends of units, wait in
    :attr:`events` in input order. When ``clean_many`` runs a pool, this generator may run on another thread; a deque
    is safe for one appending and one popping thread.
    """

    def __init__(self, units: Iterator[_Unit], read: Callable[[_Unit], Iterator[_Doc]]) -> None:
        self.units = units
        self.read = read
        self.events: deque[_Doc | _End] = deque()
        self.fatal: BaseException | None = None

    def __iter__(self) -> Iterator[str]:
        try:
            for unit in self.units:
                error = None
                try:
                    for doc in self.read(unit):
                        self.events.append(doc)
                        yield doc.text
                except InputError as exc:
                    error = str(exc)
                self.events.append(_End(unit, error))
        except Exception as exc:  # a bug: stop reading, and let the main loop raise it in order
            self.fatal = exc


class _Stats:
    """What the closing summary reports."""

    def __init__(self) -> None:
        self.documents = self.changed = self.bytes = self.truncated = 0
        self.rejected = self.failed = self.unreadable = 0
        self.edits: Counter[str] = Counter()
        self.start = time.monotonic()

    def elapsed(self) -> float:
        return max(time.monotonic() - self.start, 1e-9)

    def summary(self) -> str:
        secs = self.elapsed()
        mb = self.bytes / 1e6
        lines = [
            f"newsclean: {self.documents:,} documents, {self.changed:,} changed; "
            f"{mb:,.2f} MB in {secs:,.1f} s ({mb / secs:,.2f} MB/s)",
            "  edits: " + (", ".join(f"{n} {c:,}" for n, c in self.edits.most_common()) or "none"),
            f"  documents with truncated answers: {self.truncated:,}",
            f"  failures: {self.rejected:,} rejected records, {self.failed:,} documents failed to clean, "
            f"{self.unreadable:,} unreadable inputs",
        ]
        return "\n".join(lines)


class _Progress:
    """One line on standard error, rewritten at most five times a second.

    Asked for with ``--progress`` it shows at once; shown because standard error is a terminal, it waits a second,
    so that cleaning one article in a terminal prints nothing but the article.
    """

    def __init__(self, stream: Any, total: int | None, delay: float) -> None:
        self.stream = stream
        self.total = total
        self.delay = delay
        self.last = 0.0
        self.shown = False

    def update(self, stats: _Stats) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 or now - stats.start < self.delay:
            return
        self.last = now
        self.shown = True
        mb = stats.bytes / 1e6
        line = f"{stats.documents:,} documents  {mb:,.2f} MB  {mb / stats.elapsed():,.2f} MB/s"
        if self.total:
            done = min(stats.bytes / self.total, 1.0)
            filled = int(done * 20)
            line = f"[{'#' * filled}{'.' * (20 - filled)}] {done:6.1%}  " + line
        failures = stats.rejected + stats.failed + stats.unreadable
        if failures:
            line += f"  {failures:,} failures"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class _StdoutClosed(Exception):
    pass


class Run:
    """One ``newsclean fix`` run: read the inputs, clean them through the pipeline, route each result."""

    def __init__(self, args: argparse.Namespace, pipeline: Pipeline) -> None:
        self.args = args
        self.pipeline = pipeline
        self.code = EXIT_OK
        self.stats = _Stats()
        self.out_errors = "surrogateescape" if args.errors == "surrogateescape" else "strict"
        output = args.output
        self.mirror = bool(output) and (args.recursive or os.path.isdir(output) or output.endswith(("/", os.sep)))
        self.shared: AtomicFile | None = None
        self.rejects: AtomicFile | None = None
        self.stdout: _ByteSink | None = None
        self.includes = tuple(args.include or (DEFAULT_JSONL_INCLUDE if args.jsonl else ()))
        self.seen_outputs: dict[str, str] = {}
        self.units_read = 0
        stdin = sys.stdin
        self.stdin: BinaryIO | None = getattr(stdin, "buffer", None) if stdin is not None else None
        stderr = sys.stderr
        auto = args.progress is None
        show = bool(stderr is not None and stderr.isatty()) if auto else args.progress
        self.progress = _Progress(stderr, self._total_size(), 1.0 if auto else 0.0) if show else None

    # --- messages and status ----------------------------------------------------------------------------------

    def fail(self, code: int, message: str | None = None) -> None:
        if message:
            err(f"newsclean: {message}")
        if _SEVERITY[code] > _SEVERITY[self.code]:
            self.code = code

    # --- inputs -----------------------------------------------------------------------------------------------

    def _total_size(self) -> int | None:
        if self.args.recursive or "-" in self.args.files or any(f.endswith(".gz") for f in self.args.files):
            return None
        try:
            return sum(os.path.getsize(f) for f in self.args.files)
        except OSError:
            return None

    def units(self) -> Iterator[_Unit]:
        for path in self.args.files:
            if self.args.recursive and path != "-" and os.path.isdir(path):
                for rel in _walk(path, self.includes, skip=self.args.output if self.mirror else None):
                    yield self._unit(os.path.join(path, rel), rel)
            else:
                yield self._unit(path, os.path.basename(path))

    def _unit(self, path: str, rel: str) -> _Unit:
        if not self.mirror:
            return _Unit(path)
        return _Unit(path, out=os.path.join(self.args.output, rel) if path != "-" else None)

    def read(self, unit: _Unit) -> Iterator[_Doc]:
        if self.mirror:
            if unit.out is None:
                raise InputError("-: standard input has no name to write it under in the output directory")
            first = self.seen_outputs.setdefault(unit.out, unit.label)
            if first != unit.label:
                raise InputError(f"{unit.label}: would overwrite {unit.out}, already written from {first}")
        if not self.args.jsonl:
            from newsclean.files import read_document

            unit.decoded = read_document(unit.path, self.args.encoding, self.args.errors, self.stdin)
            yield _Doc(unit, size=unit.decoded.size)
            return
        yield from self._records(unit)

    def _records(self, unit: _Unit) -> Iterator[_Doc]:
        import zlib

        from newsclean.files import iter_lines, open_binary, parse_record

        f = open_binary(unit.path, self.stdin)
        lineno = 0
        try:
            for lineno, raw in enumerate(iter_lines(f), 1):
                if not raw.strip():
                    yield _Doc(unit, lineno, raw)
                else:
                    yield _Doc(unit, lineno, raw, parse_record(raw, self.args.field, self.args.errors), len(raw) + 1)
        except (OSError, EOFError, zlib.error) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise InputError(f"{unit.label}: cannot read after line {lineno}: {reason}") from None
        finally:
            if f is not self.stdin:
                f.close()

    # --- outputs ----------------------------------------------------------------------------------------------

    def _stdout(self) -> _ByteSink:
        if self.stdout is None:
            stream = sys.stdout
            if stream is None:
                raise _StdoutClosed("standard output is closed")
            stream.flush()
            # Bytes, not text: the output is UTF-8 whatever the locale says.
            self.stdout = getattr(stream, "buffer", None) or _TextAsBinary(stream)
        return self.stdout

    def _write_out(self, unit: _Unit, data: bytes) -> None:
        """Write output bytes of ``unit`` to where its output goes."""
        if unit.broken:
            return
        if self.args.in_place or unit.out is not None:
            if unit.sink is None:
                target = unit.out if unit.out is not None else unit.path
                if unit.out is not None:
                    _check_inside(unit.out, self.args.output)
                    os.makedirs(os.path.dirname(unit.out) or ".", exist_ok=True)
                unit.sink = AtomicFile(target)
            unit.sink.write(data)
        elif self.args.output:
            if self.shared is None:
                self.shared = AtomicFile(self.args.output)
            self.shared.write(data)
        else:
            self._stdout().write(data)

    def _unit_write(self, unit: _Unit, data: bytes | Callable[[], bytes]) -> None:
        """Write to where the unit's output goes; a failure on its own output file loses that file only."""
        try:
            self._write_out(unit, data if isinstance(data, bytes) else data())
        except (OSError, InputError, UnicodeEncodeError) as exc:
            if not (self.args.in_place or unit.out is not None):
                raise
            unit.broken = True
            self._drop(unit)
            self.fail(EXIT_ERROR, f"{unit.out or unit.label}: cannot write: {_reason(exc)}")

    def _print(self, text: str) -> None:
        self._stdout().write(text.encode("utf-8", self.out_errors))

    # --- results ----------------------------------------------------------------------------------------------

    def run(self) -> int:
        feed = _Feed(self.units(), self.read)
        results = self.pipeline.clean_many(iter(feed), workers=self.args.jobs)
        try:
            for result in results:
                while True:
                    event = feed.events.popleft()
                    if isinstance(event, _Doc):
                        self.document(event, result)
                        break
                    self.end(event)
            while feed.events:
                event = feed.events.popleft()
                assert isinstance(event, _End), "every document has a result"
                self.end(event)
            if feed.fatal is not None:
                raise feed.fatal
            # An empty output is an output: -o gets its file even when no line was written to it.
            if self.args.output and not self.mirror and self.shared is None and self.units_read:
                self.shared = AtomicFile(self.args.output)
            if self.args.rejects and self.rejects is None:
                self.rejects = AtomicFile(self.args.rejects)  # no rejects: an empty file says so
            for sink in (self.shared, self.rejects):
                if sink is not None:
                    sink.commit()
            if self.stdout is not None:
                self.stdout.flush()
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            abort_pending()  # whatever was not committed: the run stopped before it was complete
            if self.progress is not None:
                self.progress.close()
            if self.args.summary or (self.progress is not None and self.progress.shown):
                err(self.stats.summary())
        return self.code

    def document(self, doc: _Doc, result: CleanResult) -> None:
        if doc.lineno:
            self.record(doc, result)
        else:
            self.text_file(doc, result)
        if self.progress is not None:
            self.progress.update(self.stats)

    def _count(self, doc: _Doc, result: CleanResult) -> bool:
        """Count a cleaned document; False when it failed to clean (and was reported)."""
        stats = self.stats
        stats.bytes += doc.size
        if any(n.kind == FAILED for n in result.notes):
            stats.failed += 1
            message = next(n.message for n in result.notes if n.kind == FAILED)
            self.fail(EXIT_REJECTED, f"{doc.label}: cleaning failed ({message}); passed on unchanged")
            return False
        stats.documents += 1
        doc.unit.documents += 1
        if result.changed:
            stats.changed += 1
            doc.unit.changed += 1
        stats.edits.update(result.counts())
        if any(n.kind == "truncated_answer" for n in result.notes):
            stats.truncated += 1
        if self.args.explain and (result.edits or result.notes):
            err(f"== {doc.label}\n{result.explain()}")
        return True

    def text_file(self, doc: _Doc, result: CleanResult) -> None:
        unit, args = doc.unit, self.args
        decoded = unit.decoded
        assert decoded is not None
        self._count(doc, result)
        if args.diff:
            self._print(_unified_diff(result.original, result.text, unit.label))
        elif args.json:
            report = {"file": unit.label, **result.to_dict(include_text=not (args.in_place or args.output))}
            self._print(_json_line(report, self.out_errors))
        if args.in_place:
            if result.changed:
                # In its own encoding (the cleaned text may hold a character that encoding lacks: an error then).
                self._unit_write(unit, lambda: decoded.encode(result.text, self.out_errors))
        elif args.output or not (args.diff or args.json or args.check):
            self._unit_write(unit, result.text.encode("utf-8", self.out_errors))
        self._commit(unit)
        if args.check and result.changed:
            err(f"would change {unit.label}")

    def record(self, doc: _Doc, result: CleanResult) -> None:
        unit, args = doc.unit, self.args
        record = doc.record
        if record is None:  # a blank line: kept as it is, not a document
            self._record_out(unit, doc.raw)
            return
        if record.problem is not None:
            self.stats.rejected += 1
            self.stats.bytes += doc.size
            if args.rejects:
                self.fail(EXIT_REJECTED, f"{doc.label}: {record.problem}; sent to {args.rejects}")
                self._reject(doc, record.problem)
            else:
                self.fail(EXIT_REJECTED, f"{doc.label}: {record.problem}; passed through unchanged")
                self._record_out(unit, doc.raw)
            return
        if not self._count(doc, result) or not (result.changed or args.report_field):
            self._record_out(unit, doc.raw)
            return
        from newsclean.files import render_record

        report = (args.report_field, result.report()) if args.report_field else None
        line = render_record(record, args.field, result.text, report, self.out_errors)
        self._record_out(unit, line.encode("utf-8", self.out_errors))

    def _record_out(self, unit: _Unit, line: bytes) -> None:
        if self.args.check and not (self.args.in_place or self.args.output):
            return
        self._unit_write(unit, line + b"\n")

    def _reject(self, doc: _Doc, problem: str) -> None:
        if self.rejects is None:
            self.rejects = AtomicFile(self.args.rejects)
        entry = {
            "file": doc.unit.label,
            "line": doc.lineno,
            "error": problem,
            "raw": doc.raw.decode("utf-8", "surrogateescape"),
        }
        # ASCII escapes: a raw line that is not UTF-8 keeps its bytes as \udcXX escapes, so nothing is lost.
        self.rejects.write(_json_line(entry, "strict", ascii_only=True).encode("ascii"))

    def _drop(self, unit: _Unit) -> None:
        sink, unit.sink = unit.sink, None
        if sink is not None:
            sink.abort()

    def _commit(self, unit: _Unit) -> None:
        sink, unit.sink = unit.sink, None
        if sink is None or unit.broken:
            return
        try:
            sink.commit()
        except OSError as exc:
            self.fail(EXIT_ERROR, f"{sink.path}: cannot write: {_reason(exc)}")

    def end(self, end: _End) -> None:
        unit = end.unit
        if end.error is not None:
            self.stats.unreadable += 1
            self._drop(unit)
            self.fail(EXIT_ERROR, end.error)
            return
        self.units_read += 1
        if self.args.jsonl:
            if self.args.in_place and not unit.changed:
                self._drop(unit)  # nothing changed: leave the file exactly as it was
            elif unit.out is not None and unit.sink is None:
                self._unit_write(unit, b"")  # an empty input still gets its (empty) output file
            self._commit(unit)
            if self.args.check and unit.changed:
                err(f"would change {unit.label} ({unit.changed:,} of {unit.documents:,} records)")
        if self.args.check and unit.changed:
            self.fail(EXIT_CHANGED)


class _ByteSink(Protocol):
    """Where the output bytes go: standard output's binary buffer, or a :class:`_TextAsBinary`."""

    def write(self, data: bytes, /) -> object: ...

    def flush(self) -> None: ...


class _TextAsBinary:
    """A text stream without a binary buffer (some embedding environments), written as UTF-8 anyway."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8", "surrogateescape"))

    def flush(self) -> None:
        self.stream.flush()


def _walk(root: str, includes: Sequence[str], skip: str | None) -> Iterator[str]:
    """Paths relative to ``root`` of the files under it, in name order; hidden entries and ``skip`` left out."""
    from fnmatch import fnmatch

    skip_real = os.path.realpath(skip) if skip else None
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and os.path.realpath(os.path.join(dirpath, d)) != skip_real
        )
        for name in sorted(filenames):
            if name.startswith(".") or (includes and not any(fnmatch(name, g) for g in includes)):
                continue
            yield os.path.relpath(os.path.join(dirpath, name), root)


def _check_inside(path: str, directory: str) -> None:
    # An output directory holding a symbolic link to elsewhere must not make us write outside it.
    real_dir = os.path.realpath(directory)
    real = os.path.realpath(path)
    if os.path.commonpath([real, real_dir]) != real_dir:
        raise InputError(f"{path}: resolves to {real}, outside the output directory {directory}")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def _json_line(obj: Any, errors: str, ascii_only: bool = False) -> str:
    import json

    line = json.dumps(obj, ensure_ascii=ascii_only, default=str)
    if not ascii_only:
        try:
            line.encode("utf-8", errors)
        except UnicodeEncodeError:
            line = json.dumps(obj, default=str)
    return line + "\n"


def _unified_diff(before: str, after: str, label: str) -> str:
    import difflib

    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), label, label):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    # Only "\n" ends a line here, as in patch(1); str.splitlines would also split at U+2028 and friends.
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def err(message: str) -> None:
    stream = sys.stderr
    if stream is not None:
        print(message, file=stream, flush=True)


def fix_files(args: argparse.Namespace, pipeline: Pipeline) -> int:
    """Run ``newsclean fix`` with parsed ``args`` through ``pipeline``; return the exit status."""
    run = Run(args, pipeline)
    try:
        return run.run()
    except BrokenPipeError:
        # The reader of standard output went away (| head): stop quietly, as other Unix tools do.
        _silence_stdout()
        run.fail(EXIT_BROKEN_PIPE)
    except (_StdoutClosed, InputError) as exc:
        run.fail(EXIT_ERROR, str(exc))
    except OSError as exc:  # the shared output (standard output, -o FILE, --rejects) failed: the run cannot go on
        run.fail(EXIT_ERROR, f"{exc.filename or 'standard output'}: cannot write: {_reason(exc)}")
    return run.code


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass
