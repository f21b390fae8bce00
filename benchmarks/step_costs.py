"""Where the default pipeline's time goes: CPU milliseconds per MB for each step, inside the pipeline.

    python benchmarks/step_costs.py            # 4 MB of the extraction benchmark's gold bodies, best of 2 rounds
    python benchmarks/step_costs.py --mb 8 --rounds 3
    python benchmarks/step_costs.py --per-document   # each step's cost split into per document and per MB

A step's figure is the time of its ``propose`` calls on the text it sees in the pipeline (later passes included),
so it differs from the step run alone (``throughput.py``): analyses shared between steps (the case evidence, the
language check) are counted in the first step that asks for them, and shown apart too. "the pipeline itself" is
what is left: applying edits, and freeing each document's analyses.

``--per-document`` cleans each distinct body ``--rounds`` times (at least 5), keeps each step's least time on it, and
fits it by least squares as a cost per document plus a cost per MB: what a short text pays that a long one spreads
over more bytes. The part per document is not a set-up that could be skipped (a one-line document costs far less):
it is the work per line, per distinct word and per cold cache line that short texts pay for fewer bytes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the corpus loaders, shared with the throughput benchmark)

import newsclean  # noqa: E402
from newsclean import evidence, normalizer  # noqa: E402
from newsclean.pipeline import Pipeline  # noqa: E402

#: Shared analyses shown apart: (module, function name, label).
SHARED = [
    (evidence, "split_words", "case evidence: split into words"),
    (evidence, "_collect", "case evidence: counted"),
    (normalizer, "detect", "language check"),
]


class TimedPipeline(Pipeline):
    """The default pipeline, adding each step's CPU time to ``spent``."""

    def __init__(self, spent: defaultdict[str, float]) -> None:
        default = newsclean.default_pipeline()
        super().__init__(default.steps, default.config)
        self.spent = spent

    def _run_step(self, step, text, ctx):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return super()._run_step(step, text, ctx)
        finally:
            self.spent[step.name] += time.process_time() - start


def timed(func: Callable[..., Any], label: str, spent: defaultdict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return wrapper


def per_document(pipeline: TimedPipeline, bodies: list[str], spent: defaultdict[str, float], rounds: int) -> int:
    """Each step's least time on each body, fitted as a cost per document plus a cost per MB (least squares)."""
    for body in bodies:  # lazily loaded data and per-word memos, before the clock
        pipeline.fix(body)
    shared = [label for _, _, label in SHARED]
    least: list[dict[str, float]] = []
    for body in bodies:
        best: dict[str, float] = {}
        for _ in range(rounds):
            spent.clear()
            start = time.process_time()
            pipeline.fix(body)
            row = dict(spent)
            row["(all)"] = total = time.process_time() - start
            row["(the pipeline itself)"] = total - sum(v for k, v in spent.items() if k not in shared)
            for key, value in row.items():
                best[key] = min(best.get(key, value), value)
        least.append(best)
    sizes = [len(body.encode("utf-8")) for body in bodies]
    mean_size = sum(sizes) / len(sizes)
    spread = sum((x - mean_size) ** 2 for x in sizes)
    print(f"{len(bodies)} bodies, {sum(sizes) / 1e6:.2f} MB, {mean_size:.0f} bytes on average, each the least of"
          f" {rounds} runs: µs per document + ms per MB (least squares), and ms per MB of these bodies")
    print(f"  {'':<34}{'µs/doc':>8}{'ms/MB':>8}{'share':>8}")
    labels = [*pipeline.names, *shared, "(the pipeline itself)", "(all)"]
    for label in labels:
        times = [row.get(label, 0.0) for row in least]
        mean_time = sum(times) / len(times)
        per_byte = sum((x - mean_size) * (t - mean_time) for x, t in zip(sizes, times)) / spread
        per_doc = mean_time - per_byte * mean_size
        print(f"  {label:<34}{per_doc * 1e6:8.1f}{per_byte * 1e9:8.1f}{sum(times) / sum(sizes) * 1e9:8.1f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; the fastest is shown (default 2)")
    parser.add_argument("--gold", type=Path, help="the extraction benchmark's ground-truth.json (found by default)")
    parser.add_argument("--per-document", action="store_true", help="split each step's cost into a part per "
                        "document and a part per MB (least squares over the distinct bodies)")
    args = parser.parse_args(argv)
    docs = throughput.corpus(throughput.load_bodies(args.gold), args.mb)
    size = throughput.mb(docs)
    spent: defaultdict[str, float] = defaultdict(float)
    for module, name, label in SHARED:
        setattr(module, name, timed(getattr(module, name), label, spent))
    pipeline = TimedPipeline(spent)
    if args.per_document:
        return per_document(pipeline, list(dict.fromkeys(docs)), spent, max(args.rounds, 5))
    pipeline.fix(docs[0])  # lazily loaded data, before the clock
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(args.rounds):
        spent.clear()
        start = time.process_time()
        for doc in docs:
            pipeline.fix(doc)
        total = time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    total, steps = best
    per_mb = 1000 / size
    print(f"{size:.1f} MB, {len(docs)} documents: {total * per_mb:.0f} ms per MB in all, {size / total:.2f} MB per"
          " CPU second (timing adds a little)")
    shared = [label for _, _, label in SHARED]
    for name in pipeline.names:
        print(f"  {name:<22} {steps.get(name, 0.0) * per_mb:6.1f}")
    print("  shared analyses, counted in the first step that asks for them:")
    for label in shared:
        print(f"    {label:<34} {steps.get(label, 0.0) * per_mb:6.1f}")
    rest = total - sum(v for k, v in steps.items() if k not in shared)
    print(f"  {'the pipeline itself':<22} {rest * per_mb:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
