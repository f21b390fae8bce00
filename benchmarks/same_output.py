"""Does a change keep newsclean's output byte-identical? Two checkouts, every benchmark text, several pipelines.

A speed-up must not change what newsclean does. This runs the checkout it belongs to and another one (``--base``,
a ``src`` directory: another worktree, or ``git archive main src | tar -x -C /tmp/main``) over the same texts, each
in its own process, and compares the cleaned text, the edits (with their reasons), the notes and the metadata.

    python benchmarks/same_output.py --base /tmp/main/src [--data DIR] [--pipelines default,site_chrome]

Texts: every input of the extraction benchmark (eight extractors' outputs of 91 pages), its annotated bodies, and
the seeds. Pipelines: the default one, the default one with ``site_chrome_aggressive``, and each structural step
alone (see ``PIPELINES``). The exit status is 1 when anything differs, and the first differences are named.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: name -> (steps, options); no steps: the default pipeline.
PIPELINES: dict[str, tuple[list[str], dict[str, Any]]] = {
    "default": ([], {}),
    "aggressive": ([], {"site_chrome_aggressive": True}),
    "site_chrome": (["site_chrome"], {}),
    "site_chrome_aggressive": (["site_chrome"], {"site_chrome_aggressive": True}),
    "duplicate_lines": (["duplicate_lines"], {}),
    "site_chrome+duplicate_lines": (["site_chrome", "duplicate_lines"], {}),
}
FIELDS = ("text", "edits", "notes", "metadata")


def _default_data() -> Path:
    # ``../shared/bench/extraction`` next to the checkout; a worktree sits one level deeper.
    candidates = [base / "shared" / "bench" / "extraction" for base in (ROOT.parent, ROOT.parent.parent)]
    return next((c for c in candidates if c.exists()), candidates[0])


def texts(data: Path) -> dict[str, str]:
    found = {}
    for path in sorted((data / "inputs").glob("*.json")):
        for key, page in json.loads(path.read_text("utf-8")).items():
            if page.get("articleBody"):
                found[f"{path.stem}/{key}"] = page["articleBody"]
    for key, page in json.loads((data / "ground-truth.json").read_text("utf-8")).items():
        if page.get("articleBody"):
            found[f"gold/{key}"] = page["articleBody"]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        found[f"seed/{path.name}"] = path.read_text("utf-8")
    return found


def dump(src: str, data: Path, names: list[str], out: Path) -> None:
    """Clean every text with the checkout at ``src`` and pickle what came out (run in a process of its own)."""
    sys.path.insert(0, src)
    import newsclean

    if not newsclean.__file__.startswith(src):
        sys.exit(f"same_output: imported newsclean from {newsclean.__file__}, not from {src}")
    results = {}
    corpus = texts(data)
    for name in names:
        steps, options = PIPELINES[name]
        pipeline = newsclean.Pipeline(steps, **options) if steps else newsclean.default_pipeline(**options)
        start = time.perf_counter()
        for key, text in corpus.items():
            r = pipeline.clean(text)
            results[name, key] = (
                r.text,
                [(e.normalizer, e.start, e.end, e.before, e.after, e.reason) for e in r.edits],
                [(n.normalizer, n.kind, n.message, n.start, n.end) for n in r.notes],
                repr(sorted(r.metadata.items())),
            )
        print(f"  {src}: {name} {time.perf_counter() - start:.1f} s", file=sys.stderr)
    out.write_bytes(pickle.dumps(results))


def compare(ours: dict, theirs: dict, shown: int = 5) -> int:
    differences = {field: [] for field in FIELDS}
    for key in ours:
        for i, field in enumerate(FIELDS):
            if ours[key][i] != theirs[key][i]:
                differences[field].append(key)
    for field, keys in differences.items():
        for name, text in keys[:shown]:
            print(f"{field} differs: {name} on {text}")
    counts = ", ".join(f"{field} {len(keys)}" for field, keys in differences.items())
    print(f"{len(ours)} results compared ({len({t for _, t in ours})} texts); differences: {counts}")
    return 1 if any(differences.values()) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="the other checkout's src directory")
    parser.add_argument("--data", type=Path, default=_default_data(), help="the extraction benchmark's data")
    parser.add_argument("--pipelines", default=",".join(PIPELINES), help=f"of {', '.join(PIPELINES)}")
    parser.add_argument("--dump", nargs=2, metavar=("SRC", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = [n for n in args.pipelines.split(",") if n]
    unknown = set(names) - set(PIPELINES)
    if unknown:
        parser.error(f"unknown pipelines: {', '.join(sorted(unknown))}")
    if args.dump:
        dump(args.dump[0], args.data, names, Path(args.dump[1]))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        found = []
        for src in (str(ROOT / "src"), str(Path(args.base).resolve())):
            out = Path(tmp) / f"{len(found)}.pickle"
            command = [sys.executable, __file__, "--base", args.base, "--data", str(args.data),
                       "--pipelines", ",".join(names), "--dump", src, str(out)]
            subprocess.run(command, check=True)
            found.append(pickle.loads(out.read_bytes()))
    return compare(*found)


if __name__ == "__main__":
    sys.exit(main())
