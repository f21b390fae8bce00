"""Pipeline: compose normalizers, apply their edits, keep the log, reach a fixed point."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

from newsclean import registry
from newsclean.config import Config, ConfigError
from newsclean.edits import Edit, Note, apply_edits, check_edits, line_of, line_starts, split_newlines
from newsclean.normalizer import Context, Normalizer
from newsclean.parallel import clean_many as _clean_many
from newsclean.result import CleanResult

__all__ = ["Pipeline", "default_pipeline", "FunctionStep", "Step"]

Step = Union[str, Normalizer, Callable[[str], str]]

#: Passes over all steps before giving up on a fixed point. Every built-in normalizer is idempotent on its own, so a
#: second pass only mops up what one step's change revealed to an earlier one (a removed line joining two blanks).
MAX_PASSES = 4


@dataclass(frozen=True)
class FunctionStep(Normalizer):
    """A plain ``str -> str`` callable used as a pipeline step; its change becomes one edit."""

    idempotent = False  # nothing promises it of an arbitrary callable: it runs again until it changes nothing
    func: Callable[[str], str] = str

    @property
    def name(self) -> str:  # type: ignore[override]
        return getattr(self.func, "__name__", type(self.func).__name__)

    def propose(self, text: str, ctx: Context) -> list[Edit]:
        out = self.func(text)
        if not isinstance(out, str):
            raise TypeError(f"step {self.name} returned {type(out).__name__}, not str")
        if out == text:
            return []
        # Trim the common prefix and suffix so the edit shows what changed, not the whole document.
        start = 0
        limit = min(len(text), len(out))
        while start < limit and text[start] == out[start]:
            start += 1
        end_t, end_o = len(text), len(out)
        while end_t > start and end_o > start and text[end_t - 1] == out[end_o - 1]:
            end_t -= 1
            end_o -= 1
        return [self.edit(text, start, end_t, out[start:end_o], "custom step")]


class Pipeline:
    """An ordered list of normalizers applied to their joint fixed point.

    Steps are registered names, :class:`~newsclean.normalizer.Normalizer` objects or plain ``str -> str``
    callables. Options come from ``config`` and keyword overrides (the keys of :class:`~newsclean.config.Config`):

    >>> Pipeline(["whitespace", "punctuation_spacing"]).fix("rebels,with  tanks")
    'rebels, with tanks'
    """

    def __init__(self, steps: Sequence[Step] | None = None, config: Config | None = None, **overrides: Any) -> None:
        self.config = (config or Config()).merged(**overrides)
        chosen: Sequence[Step] = self.config.steps() if steps is None else steps
        self.steps: tuple[Normalizer, ...] = tuple(self._build(s) for s in chosen)

    def _build(self, step: Step) -> Normalizer:
        if isinstance(step, str):
            cls = registry.get(step)
            try:
                return cls(**self.config.options_for(step))
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{step}: {exc}") from None
        if isinstance(step, Normalizer):
            return step
        if callable(step):
            return FunctionStep(step)
        raise TypeError(f"a pipeline step is a normalizer name, a Normalizer or a str -> str callable, not {step!r}")

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def __repr__(self) -> str:
        return f"Pipeline({self.names!r})"

    def __reduce__(self) -> tuple:
        # Normalizers are frozen dataclasses holding only options, so a pipeline pickles as its steps and config;
        # data a normalizer loads lives in module caches and is loaded once per process, on first use.
        return (_rebuild, (self.steps, self.config))

    # --- cleaning -------------------------------------------------------------------------------------------

    def clean(self, text: str, *, batch: Any = None) -> CleanResult:
        """Clean one document and return the text with its edits, notes and metadata."""
        if not isinstance(text, str):
            raise TypeError(f"newsclean cleans str, not {type(text).__name__}")
        newline, lf_text = split_newlines(text)
        current = lf_text
        # The analyses read the text the steps edit, its lines ended by "\n" as theirs are: read from a text whose
        # lines end in "\r", the whole document was one line to them, and a second run decided otherwise.
        ctx = Context(lf_text, batch)
        edits: list[Edit] = []
        stage = 0
        # How many changes the text had when each step last saw it. An idempotent step that has seen the current
        # text has nothing more to say, so a later pass runs only the steps that a later change may concern.
        version = 0
        seen = [-1] * len(self.steps)
        for _ in range(MAX_PASSES):
            changed = reread = read = False  # read: whether a step of this pass has read the document's analyses
            for index, step in enumerate(self.steps):
                ctx.stage = stage
                if seen[index] == version:
                    stage += 1
                    continue
                if step.reads_document and not read:
                    # The analyses are made from the text as the first step that reads them receives it, as the
                    # language is: in the default pipeline, once the site chrome and the duplicated lines are gone.
                    # Made from the text as it came, a chrome line ("Vote count: 0") made "count" a word of the
                    # document, and a second run over the output, without that line, decided otherwise.
                    if current != ctx.original:
                        ctx.reread(current)
                    read = True
                seen_notes = len(ctx.notes)
                proposed = self._run_step(step, current, ctx)
                if proposed or len(ctx.notes) > seen_notes:
                    starts = line_starts(current)
                    for i in range(seen_notes, len(ctx.notes)):
                        ctx.notes[i] = replace(ctx.notes[i], line=line_of(starts, ctx.notes[i].start))
                if proposed:
                    check_edits(current, proposed, step.name)
                    edits.extend(e.placed(line_of(starts, e.start), stage) for e in proposed)
                    current = apply_edits(current, proposed)
                    changed = True
                    reread = reread or step.reads_document
                    version += 1
                seen[index] = version if step.idempotent else version - bool(proposed)
                stage += 1
            if not changed:
                break
            if reread:
                # The next pass decides on the document as it now is, as a run over the output would: else a name
                # raised in one place, evidence for the others, would be raised there only by that second run.
                ctx.reread(current)
                seen = [-1 if step.reads_document else v for step, v in zip(self.steps, seen)]
        else:
            ctx.notes.append(Note("pipeline", "no_fixed_point", f"still changing after {MAX_PASSES} passes"))
        if newline != "\n":
            current = current.replace("\n", newline)
        if lf_text is not text and lf_text.replace("\n", newline) != text:
            ctx.notes.append(Note("pipeline", "line_endings", f"mixed line endings unified to {newline!r}"))
        return CleanResult(current, text, tuple(edits), _unique_notes(ctx.notes), ctx.metadata, newline)

    def _run_step(self, step: Normalizer, text: str, ctx: Context) -> list[Edit]:
        ctx.text = text
        if step.english_only and ctx.language != "en":
            return []
        try:
            return step.propose(text, ctx)
        except TimeoutError as exc:
            # The regex module's timeout is the last guard against a pattern that backtracks: the step is skipped
            # for this document and the skip is reported, rather than hanging a whole corpus run.
            ctx.notes.append(Note(step.name, "timeout", f"skipped: {exc}", stage=ctx.stage))
            return []

    def fix(self, text: str) -> str:
        """Clean one document and return only the text."""
        return self.clean(text).text

    def __call__(self, text: str) -> str:
        return self.fix(text)

    def clean_many(
        self,
        texts: Iterable[str],
        *,
        workers: int = 1,
        chunksize: int = 16,
        window: int | None = None,
        batch: Any = None,
    ) -> Iterator[CleanResult]:
        """Clean documents lazily, yielding one result per input document, in input order.

        ``workers`` processes clean in parallel (``0``: one per core; ``1``: in this process). The input is read
        ``chunksize`` documents at a time and at most ``window`` chunks (default: two per worker) are in flight, so
        a generator over a corpus of any size streams in bounded memory. Each worker receives the pipeline once
        and loads normalizer data once. ``batch`` is passed to every :meth:`clean` call as shared evidence.

        A document that fails raises :class:`~newsclean.parallel.DocumentError` naming its index, after every
        earlier result has been yielded. Stopping early (``break``, ``close()``) or Ctrl-C shuts the workers down;
        to stop early while keeping a reference to the iterator, close it with :func:`contextlib.closing`.
        """
        return _clean_many(self, texts, workers, chunksize, window, batch)


def _rebuild(steps: tuple[Normalizer, ...], config: Config) -> Pipeline:
    p = Pipeline.__new__(Pipeline)
    p.config = config
    p.steps = steps
    return p


def _unique_notes(notes: list[Note]) -> tuple[Note, ...]:
    # Later passes see the same document again and repeat what they noticed; keep each note once.
    seen: set[tuple[str, str, str]] = set()
    out = []
    for n in notes:
        key = (n.normalizer, n.kind, n.message)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


@lru_cache(maxsize=32)
def _cached(config: Config) -> Pipeline:
    return Pipeline(config=config)


def default_pipeline(**overrides: Any) -> Pipeline:
    """The default pipeline (shared and cached: pipelines are immutable), with optional config overrides."""
    return _cached(Config().merged(**overrides))
