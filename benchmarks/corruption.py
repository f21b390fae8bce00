"""Corruption benchmark: damage clean article bodies on purpose, then score how well each method repairs them.

    python benchmarks/corruption.py                      # every family, every method
    python benchmarks/corruption.py --family casing      # one family
    python benchmarks/corruption.py --docs 20 --quick    # a fast look while iterating

The clean texts are the annotated English article bodies of ``shared/bench/extraction/ground-truth.json``. Each
*family* of damage lives in ``benchmarks/corruptions/<family>.py`` and declares:

* ``KINDS``: ``{kind: corrupt}``, where ``corrupt(doc, rng)`` damages a :class:`Doc` in place (token texts or the
  separators before them) and returns ``{token_index: {tags}}`` for every token it damaged. Tags name sub-populations
  to report recall on ("with_evidence", "sentence_start", ...).
* ``NORMALIZERS``: the normalizers that repair this family (the method ``newsclean-only`` runs just these).
* ``PEERS`` (optional): ``{name: factory}``, each factory returning a ``str -> str`` peer to compare with, or raising
  ``ImportError`` when the peer is not installed (it is then reported as skipped).
* ``concerns(before, after)`` (optional): whether a change of a token (its :meth:`Doc.keys` entry) is of the
  family's kind ("homs" -> "Homs" for casing, not "jewerly" -> "jewelry"). The default pipeline repairs other
  defects of the bodies too; a change of another kind on an undamaged token is scored by its own family, not here.
  Without it, every change counts.
* ``evaluate(bodies, seed, methods)`` (optional) for damage that is not token-for-token (transcripts): it returns its
  own rows and the generic token scoring is not used.
* ``before_run()`` (optional): called once when the family is among those run, before any text is cleaned: the
  typos family hides the misspellings it draws its damage from.

Token scoring. A text is a list of tokens, each a word or a punctuation mark with the whitespace before it. The
corruption keeps the token count, so damaged token *i* of the corrupted text *C* is token *i* of the original *O*. The
method's output *P* is aligned to *C* with difflib (so removed or inserted lines only drop out of the count). For every
aligned token: it was **changed** if it differs from *C* (text, or whether a space precedes it); the change is
**correct** if it equals *O*. Precision = correct changes / changes; recall = damaged tokens restored / damaged tokens;
false changes are counted per 1,000 tokens on the *undamaged* bodies, where every change (of the family's kind) is
a false one.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import regex

ROOT = Path(__file__).resolve().parent.parent
#: The checkout's sibling ``shared/``; a worktree elsewhere names it with NEWSCLEAN_GROUND_TRUTH.
GROUND_TRUTH = Path(os.environ.get("NEWSCLEAN_GROUND_TRUTH",
                                   ROOT.parent / "shared" / "bench" / "extraction" / "ground-truth.json"))
FAMILIES_DIR = Path(__file__).resolve().parent / "corruptions"

_TOKEN = regex.compile(r"(\s*)(\w+|[^\w\s])")


@dataclass
class Doc:
    """A text as tokens with the whitespace before each; ``str(doc)`` gives the text back exactly."""

    seps: list[str]
    tokens: list[str]
    tail: str = ""

    @classmethod
    def parse(cls, text: str) -> Doc:
        seps, tokens, end = [], [], 0
        for m in _TOKEN.finditer(text):
            seps.append(m.group(1))
            tokens.append(m.group(2))
            end = m.end()
        return cls(seps, tokens, text[end:])

    def __str__(self) -> str:
        return "".join(s + t for s, t in zip(self.seps, self.tokens)) + self.tail

    def keys(self) -> list[tuple[str, bool]]:
        """What scoring compares: each token's text and whether whitespace precedes it."""
        return [(t, bool(s)) for s, t in zip(self.seps, self.tokens)]


Corrupt = Callable[[Doc, random.Random], dict[int, set[str]]]


@dataclass
class Score:
    changes: int = 0
    correct: int = 0
    damaged: int = 0
    restored: int = 0
    tokens: int = 0
    by_tag: dict[str, list[int]] = field(default_factory=dict)  # tag -> [damaged, restored]
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.changes if self.changes else 1.0

    @property
    def recall(self) -> float:
        return self.restored / self.damaged if self.damaged else 1.0

    def per_thousand(self) -> float:
        return 1000 * self.changes / self.tokens if self.tokens else 0.0


def english_bodies(limit: int | None = None) -> list[str]:
    """The annotated bodies that newsclean's language check calls English, in a fixed order."""
    from newsclean.language import detect

    data = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    bodies = [data[k]["articleBody"] for k in sorted(data)]
    bodies = [b for b in bodies if b.strip() and detect(b) == "en"]
    return bodies[:limit] if limit else bodies


def align(c: list[tuple[str, bool]], p: list[tuple[str, bool]]) -> Iterable[tuple[int, int]]:
    """Pairs (i, j) of corrupted token i and output token j that correspond (equal runs and same-size replacements)."""
    matcher = difflib.SequenceMatcher(None, c, p, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            yield from zip(range(i1, i2), range(j1, j2))


def score_one(original: Doc, corrupted: Doc, damage: dict[int, set[str]], output: str, score: Score,
              concerns: Callable[[tuple[str, bool], tuple[str, bool]], bool] | None = None) -> None:
    o, c, p = original.keys(), corrupted.keys(), Doc.parse(output).keys()
    for i in damage:
        score.damaged += 1
        for tag in damage[i]:
            score.by_tag.setdefault(tag, [0, 0])[0] += 1
    for i, j in align(c, p):
        if p[j] != c[i] and (concerns is None or i in damage or concerns(c[i], p[j])):
            score.changes += 1
            score.correct += p[j] == o[i]
        if i in damage and p[j] == o[i]:
            score.restored += 1
            for tag in damage[i]:
                score.by_tag[tag][1] += 1
    score.tokens += len(c)


def methods_for(family, wanted: list[str]) -> dict[str, Callable[[str], str] | str]:
    """The methods to compare: newsclean's default pipeline, the family's normalizers alone, and its peers."""
    import newsclean

    out: dict[str, Callable[[str], str] | str] = {}
    if "newsclean" in wanted:
        out["newsclean"] = newsclean.default_pipeline().fix
    if "newsclean-only" in wanted and getattr(family, "NORMALIZERS", None):
        try:
            out["newsclean-only"] = newsclean.Pipeline(list(family.NORMALIZERS)).fix
        except newsclean.UnknownNormalizer as exc:
            out["newsclean-only"] = f"skipped: {exc}"
    for name, factory in getattr(family, "PEERS", {}).items():
        if "peers" in wanted or name in wanted:
            try:
                out[name] = factory()
            except ImportError as exc:
                out[name] = f"skipped: {exc}"
    return out


def run_family(name: str, bodies: list[str], seed: int, wanted: list[str]) -> list[dict]:
    family = importlib.import_module(f"corruptions.{name}")
    methods = methods_for(family, wanted)
    if hasattr(family, "evaluate"):
        return family.evaluate(bodies, seed, methods)
    rows = []
    originals = [Doc.parse(b) for b in bodies]
    concerns = getattr(family, "concerns", None)
    for method, fix in methods.items():
        if isinstance(fix, str):
            rows.append({"family": name, "kind": "*", "method": method, "note": fix})
            continue
        clean = Score()
        t = time.perf_counter()
        for doc in originals:
            score_one(doc, doc, {}, fix(str(doc)), clean, concerns)
        clean.seconds = time.perf_counter() - t
        for kind, corrupt in family.KINDS.items():
            s = Score()
            rng = random.Random(f"{seed}:{name}:{kind}")
            for doc in originals:
                damaged = Doc(list(doc.seps), list(doc.tokens), doc.tail)
                damage = corrupt(damaged, rng)
                if not damage:
                    continue
                t = time.perf_counter()
                output = fix(str(damaged))
                s.seconds += time.perf_counter() - t
                score_one(doc, damaged, damage, output, s, concerns)
            rows.append(
                {
                    "family": name,
                    "kind": kind,
                    "method": method,
                    "damaged": s.damaged,
                    "changes": s.changes,
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "recall_by_tag": {t: round(r / d, 4) if d else None for t, (d, r) in sorted(s.by_tag.items())},
                    "false_per_1k_clean": round(clean.per_thousand(), 3),
                    "seconds": round(s.seconds, 2),
                }
            )
    return rows


def families() -> list[str]:
    return sorted(p.stem for p in FAMILIES_DIR.glob("*.py") if not p.stem.startswith("_"))


def print_table(rows: list[dict]) -> None:
    cols = ["family", "kind", "method", "damaged", "changes", "precision", "recall", "false_per_1k_clean", "seconds"]
    print(" | ".join(cols) + " | recall by tag / note")
    for r in rows:
        extra = r.get("note") or ", ".join(f"{t} {v}" for t, v in r.get("recall_by_tag", {}).items())
        # Families that score themselves (evaluate) add figures of their own: show them too.
        extra += "".join(f"; {k} {v}" for k, v in r.items() if k not in cols and k not in ("recall_by_tag", "note"))
        print(" | ".join(str(r.get(c, "")) for c in cols) + f" | {extra}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", action="append", help="damage family (default: all): " + ", ".join(families()))
    ap.add_argument("--methods", default="newsclean,newsclean-only,peers",
                    help="comma-separated: newsclean, newsclean-only, peers, or a peer's name")
    ap.add_argument("--seed", type=int, default=20241208)
    ap.add_argument("--docs", type=int, help="use only the first N English bodies")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    names = args.family or families()
    for name in names:
        before_run = getattr(importlib.import_module(f"corruptions.{name}"), "before_run", None)
        if before_run is not None:
            before_run()
    bodies = english_bodies(args.docs)
    print(f"{len(bodies)} English bodies, seed {args.seed}")
    rows = []
    for name in names:
        rows += run_family(name, bodies, args.seed, args.methods.split(","))
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
