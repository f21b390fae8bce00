"""The normalizer contract and the per-document context that normalizers share.

A normalizer is a small frozen dataclass: its fields are its options (so ``Config`` can name and check them), its
class attributes name and describe it, and :meth:`Normalizer.propose` turns a document into edits. It keeps no
per-document state, so a pipeline pickles cheaply and runs the same in every worker process.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

from newsclean.edits import Edit, Note
from newsclean.language import detect, line_is_english

__all__ = ["Normalizer", "Context"]


class Context:
    """What one document's normalizers share: metadata found on the way, notes, and cached analyses.

    A fresh context is made for each document; normalizers read and write it, but never keep it.

    * ``metadata``: facts about the document for the caller (``byline``, ``authors``, ``source``, ``dateline``...).
    * ``notes``: what was seen and left alone; see :class:`newsclean.edits.Note`.
    * ``batch``: evidence gathered from the other documents of a batch, when the caller asked for it.
    * ``cache``: analyses a normalizer wants to compute once per document (keyed by the normalizer's name).
    * ``text``: the text the running step received (set by the pipeline before each step).
    * ``original``: the document the analyses are made from: the text as the first step of a pass that reads the
      document receives it (its lines ended by ``\n``, as every step sees them; :meth:`reread`).
    """

    __slots__ = ("original", "metadata", "notes", "batch", "cache", "_language", "stage", "text")

    def __init__(self, original: str, batch: Any = None) -> None:
        self.original = original
        self.metadata: dict[str, Any] = {}
        self.notes: list[Note] = []
        self.batch = batch
        self.cache: dict[str, Any] = {}
        self._language: str | None = None
        self.text = original
        self.stage = 0

    def reread(self, text: str) -> None:
        """Make the document's analyses from ``text`` from now on, as a new run over ``text`` would: a step that
        decides on the whole document's evidence ("Homs" written mid-sentence) has changed that evidence by its own
        edits, and a second run over the output would decide on the changed evidence. The language stays as
        decided: case and spelling do not change it."""
        self.original = text
        self.cache.clear()

    @property
    def language(self) -> str:
        """Language of the document (see :func:`newsclean.language.detect`), computed once, from the text as the
        first step that asks receives it: in the default pipeline, once the site chrome and the duplicated lines are
        gone. Read from the original, a chrome line (a lone "U.S.", a menu in another language) could tip a short
        document's verdict, which a second run over the output, without that line, then turned the other way."""
        if self._language is None:
            self._language = detect(self.text)
        return self._language


@dataclass(frozen=True)
class Normalizer:
    """Base class of every normalizer.

    Subclasses set ``name`` (the one name used by the API, CLI, config, explanations and docs), ``summary`` (one line
    for ``newsclean list``), and implement :meth:`propose`. Dataclass fields are the normalizer's options.
    ``english_only`` normalizers are skipped for documents that :mod:`newsclean.language` does not call English.
    """

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    english_only: ClassVar[bool] = False
    idempotent: ClassVar[bool] = True
    """Part of the contract: run on its own output, the normalizer proposes nothing. The pipeline relies on it to
    skip steps that have already seen the current text; only a wrapped arbitrary callable sets it False."""
    reads_document: ClassVar[bool] = False
    """True for a normalizer that decides on analyses of the whole document (``ctx.original``: its case evidence,
    its words), made from the text as the first such normalizer of a pass receives it: when one changes the text,
    the pipeline's next pass reads the document as it now is (see :meth:`Context.reread`)."""

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        """Return the edits this normalizer makes to ``text``: sorted, non-overlapping, each changing something."""
        raise NotImplementedError

    # --- helpers for subclasses -------------------------------------------------------------------------------

    def edit(self, text: str, start: int, end: int, after: str, reason: str) -> Edit:
        """An :class:`Edit` replacing ``text[start:end]`` by ``after``, signed with this normalizer's name."""
        return Edit(self.name, start, end, text[start:end], after, reason)

    def note(self, ctx: Context, kind: str, message: str, start: int = 0, end: int = 0) -> None:
        """Record that something was seen and left alone (or needs the caller's attention)."""
        ctx.notes.append(Note(self.name, kind, message, start, end, stage=ctx.stage))

    def on_english_lines(self, text: str, edits: list[Edit], ctx: Context) -> list[Edit]:
        """``edits`` but those on a line in another language, each left with a ``foreign_line`` note: for an
        English-only normalizer, in a document called English by its start that may quote a paragraph in another
        language (see :func:`newsclean.language.line_is_english`). Told once per line, for the lines with an edit."""
        kept = []
        english, first, line_end = True, 0, -1  # the verdict on the line of the edits from ``first`` to ``line_end``
        for e in edits:
            if not first <= e.start <= line_end:
                # Searched forward from the edit, never back to the text's start: linear in a text without breaks.
                first, line_end = e.start, text.find("\n", e.start)
                if line_end < 0:
                    line_end = len(text)
                english = line_is_english(text, e.start)
            if english:
                kept.append(e)
            else:
                self.note(ctx, "foreign_line", f"left {e.before!r}: its line is not English", e.start, e.end)
        return kept

    # --- using a normalizer on its own --------------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        """Run this normalizer alone, to its fixed point: ``Whitespace()("a  b") == "a b"``."""
        from newsclean.pipeline import Pipeline

        return Pipeline([self]).fix(text)

    @classmethod
    def options(cls) -> dict[str, Any]:
        """The option names of this normalizer with their defaults."""
        return {f.name: f.default for f in fields(cls)}
