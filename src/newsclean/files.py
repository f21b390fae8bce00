"""Reading and writing files safely: the decoding policy, binary refusal, atomic writes, JSONL records.

Everything here is about bytes on disk and in pipes; nothing here cleans text. The command line
(:mod:`newsclean.cli`) is built on it, and it is usable on its own:

>>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9", "x.txt").text
'café'
"""

from __future__ import annotations

import codecs
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any, BinaryIO, Iterator

__all__ = [
    "InputError",
    "Decoded",
    "decode",
    "read_document",
    "open_binary",
    "AtomicFile",
    "abort_pending",
    "Record",
    "parse_record",
    "render_record",
    "is_gzip_name",
]

#: Bytes read to decide whether a file is text: enough to see past a header, cheap on every file.
SAMPLE_BYTES = 8192
#: Above this share of control bytes in the sample, a file is binary. Text has none beyond a stray one (a NUL left by a
#: broken decoder must not get an article refused); images, archives and executables have several percent.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")
_CONTROL = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"

#: File signatures of formats that are never text, with the name given in the message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip data"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstandard data"),
    (b"7z\xbc\xaf'\x1c", "a 7-zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A file that cannot be read as text; the message names the file and the problem on one line."""


@dataclass(frozen=True)
class Decoded:
    """A file's text with how it was stored, so that rewriting it in place keeps its encoding and byte-order mark."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    size: int = 0
    """Bytes read."""

    def encode(self, text: str, errors: str = "strict") -> bytes:
        return self.bom + text.encode(self.encoding, errors)


def is_gzip_name(path: str) -> bool:
    return path.endswith(".gz")


def decode(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> Decoded:
    """Decode a whole file, refusing binary data; raises :class:`InputError` naming ``name``.

    With ``encoding=None`` the text is UTF-8, unless a byte-order mark says UTF-16 or UTF-32; a UTF-8 mark is dropped
    from the text (and put back by :meth:`Decoded.encode`). An explicit ``encoding`` is used as given.
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: binary file ({kind}), not text")
    bom = b""
    if encoding is None:
        encoding = "utf-8"
        for mark, enc in _BOMS:
            if data.startswith(mark):
                bom, encoding = mark, enc
                break
    # UTF-16 and UTF-32 text is full of NUL bytes, so only other encodings are judged by their control bytes.
    if "16" not in encoding and "32" not in encoding and _looks_binary(data[:SAMPLE_BYTES]):
        raise InputError(f"{name}: binary file (control bytes), not text")
    try:
        text = codecs.decode(data[len(bom) :], encoding, errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: {_decode_problem(exc, len(bom))}") from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    return Decoded(text, encoding, bom, len(data))


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > MAX_CONTROL_SHARE * len(sample)


def _decode_problem(exc: UnicodeDecodeError, offset: int = 0, hint: str = "use --encoding, or --errors") -> str:
    bad = exc.object[exc.start : exc.start + 1].hex()
    where = exc.start + offset
    return f"not valid {exc.encoding.upper()} (byte 0x{bad} at offset {where}); {hint} replace or surrogateescape"


def open_binary(path: str, stdin: BinaryIO | None = None) -> BinaryIO:
    """Open ``path`` for reading bytes (``-`` is ``stdin``); a ``.gz`` name is decompressed on the fly."""
    if path == "-":
        if stdin is None:
            raise InputError("-: standard input is closed")
        return stdin
    try:
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory (use -r to clean the files under it)")
        f: BinaryIO = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from None
    if is_gzip_name(path):
        import gzip

        return gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]
    return f


def read_document(
    path: str, encoding: str | None = None, errors: str = "strict", stdin: BinaryIO | None = None
) -> Decoded:
    """Read and decode a whole text file (``-``: standard input) under the decoding policy of :func:`decode`."""
    f = open_binary(path, stdin)
    try:
        data = f.read()
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    finally:
        if f is not stdin:
            f.close()
    return decode(data, "<stdin>" if path == "-" else path, encoding, errors)


#: Atomic files neither committed nor aborted yet; see :func:`abort_pending`.
_PENDING: set[AtomicFile] = set()


def abort_pending() -> None:
    """Abort every :class:`AtomicFile` not committed yet: what a run stopped by an error or Ctrl-C calls last."""
    for f in list(_PENDING):
        f.abort()


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold a Ctrl-C back until the block is done, then deliver it."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # signals are only ever handled on the main thread
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)


class AtomicFile:
    """Write ``path`` all at once or not at all.

    Bytes go to a temporary file in the same directory (so the final rename cannot cross file systems); :meth:`commit`
    flushes it to disk, gives it the permissions of the file it replaces (or the umask's for a new file) and renames it
    over ``path`` with :func:`os.replace`, which is atomic. :meth:`abort` (and leaving a ``with`` block on any
    exception, a Ctrl-C or a full disk included) deletes the temporary file: the original stays intact and no partial
    output ever appears under ``path``. A symbolic link is followed, so the file it points to is replaced, not the link.
    A name ending in ``.gz`` is gzip-compressed.
    """

    def __init__(self, path: str) -> None:
        self.path = os.path.realpath(path)
        directory, base = os.path.split(self.path)
        self.tmp = os.path.join(directory, f".{base}.{os.urandom(4).hex()}.newsclean-tmp")
        self.done = False
        # Creating the file and registering it as pending go together: a Ctrl-C between them would leak the file.
        with _interrupts_deferred():
            # 0o666 minus the umask, as for any new file; O_EXCL: never write through a planted file or link.
            try:
                fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            except OSError as exc:  # name the file the user asked for, not the temporary one
                raise OSError(exc.errno, exc.strerror, path) from None
            self._raw: IO[bytes] = os.fdopen(fd, "wb")
            self._out: IO[bytes] = self._raw
            _PENDING.add(self)
        if is_gzip_name(self.path):
            import gzip

            # mtime=0: the same input gives byte-identical output.
            self._out = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6, mtime=0)  # type: ignore[assignment]

    def write(self, data: bytes) -> None:
        self._out.write(data)

    def commit(self) -> None:
        try:
            if self._out is not self._raw:
                self._out.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()
            try:
                st = os.stat(self.path)
            except FileNotFoundError:
                pass
            else:
                os.chmod(self.tmp, st.st_mode & 0o7777)
            os.replace(self.tmp, self.path)
            self.done = True
            _PENDING.discard(self)
        finally:
            if not self.done:
                self.abort()

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        for f in (self._out, self._raw):
            try:
                f.close()
            except (OSError, ValueError):
                pass  # a full disk fails the close too; the file is deleted next anyway
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
        _PENDING.discard(self)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


# --- JSONL records ----------------------------------------------------------------------------------------------

_JSON_SPACE = " \t\n\r"


@dataclass
class Record:
    """One JSONL line: its text field (``None`` with ``problem`` set when the line cannot be cleaned)."""

    line: str
    """The line as decoded, without its line ending."""
    text: str | None = None
    problem: str | None = None


def parse_record(raw: bytes, field: str, errors: str = "strict") -> Record:
    """Decode one JSONL line and pick out ``field``; a problem unless it is a JSON object with a string there."""
    import json  # here, not at the top: plain-text runs never need it

    try:
        line = raw.decode("utf-8", errors)
    except UnicodeDecodeError as exc:
        return Record("", problem=_decode_problem(exc, hint="see --errors"))
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Record(line, problem=f"not JSON ({exc})")
    if not isinstance(obj, dict):
        return Record(line, problem=f"not a JSON object but {_json_kind(obj)}")
    if field not in obj:
        return Record(line, problem=f"no field {field!r}")
    value = obj[field]
    if not isinstance(value, str):
        return Record(line, problem=f"field {field!r} is {_json_kind(value)}, not a string")
    return Record(line, text=value)


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }[type(value)]


def render_record(
    record: Record, field: str, text: str, report: tuple[str, Any] | None = None, errors: str = "strict"
) -> str:
    """The record's line with ``field`` set to ``text`` (and a report field set), every other byte kept as it was.

    Only the two values are rewritten, in place: key order, spacing, number formatting and any other field stay exactly
    as they were in the input line, which :func:`parse_record` has already checked is a JSON object.
    """
    import json

    line = record.line
    spans, close = _member_spans(line)
    changes = [(spans[field], _dump(text, errors))]
    if report is not None:
        name, value = report
        dumped = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if name in spans:
            changes.append((spans[name], dumped))
        else:
            changes.append(((close, close), ("," if spans else "") + json.dumps(name) + ":" + dumped))
    out = []
    pos = 0
    for (start, end), value in sorted(changes):
        out.append(line[pos:start])
        out.append(value)
        pos = end
    out.append(line[pos:])
    return "".join(out)


def _dump(text: str, errors: str) -> str:
    import json

    dumped = json.dumps(text, ensure_ascii=False)
    try:
        dumped.encode("utf-8", errors)
    except UnicodeEncodeError:
        # A lone surrogate (from a "\\ud800" escape in the input) has no UTF-8 form; keep it as an escape.
        dumped = json.dumps(text)
    return dumped


@lru_cache(maxsize=1)
def _decoder() -> Any:
    import json

    return json.JSONDecoder()


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in _JSON_SPACE:
        i += 1
    return i


def _member_spans(line: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Spans of the top-level values of a JSON object line (the last one of a repeated key), and its closing brace."""
    # The decoder's own string scanner (C-accelerated); typeshed leaves it out of json.decoder's public names.
    from json.decoder import scanstring  # type: ignore[attr-defined]

    decode_value = _decoder().raw_decode
    spans: dict[str, tuple[int, int]] = {}
    i = _skip_space(line, line.index("{") + 1)
    while line[i] != "}":
        key, i = scanstring(line, i + 1)
        i = _skip_space(line, _skip_space(line, i) + 1)  # past the colon
        _, end = decode_value(line, i)
        spans[key] = (i, end)
        i = _skip_space(line, end)
        if line[i] == ",":
            i = _skip_space(line, i + 1)
    return spans, i


def iter_lines(f: BinaryIO) -> Iterator[bytes]:
    """The lines of a binary stream without their line ending (``\\n``, or ``\\r\\n``), a BOM dropped from the first."""
    first = True
    for raw in f:
        if raw.endswith(b"\n"):
            raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
        if first:
            first = False
            raw = raw.removeprefix(codecs.BOM_UTF8)
        yield raw
