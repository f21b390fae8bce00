"""Do no harm on correct text: run the default pipeline over text written and edited with care, and count what it
changes.

    python benchmarks/correct_text.py                   # every corpus found on this machine
    python benchmarks/correct_text.py --show typos      # and list every change of one step, with its reason
    python benchmarks/correct_text.py --lee DIR         # gensim's Lee corpus from DIR (lee_background.cor, lee.cor)

On such text every change of a word-level or structural step is a suspect: the figures are an upper bound of the
false changes (the sources hold a few real typos too, which a right fix removes, and jokes spelled wrong on purpose).
The corpora, each skipped when absent (Debian packages: ``apt-get install fortunes fortunes-min fortune-anarchism
fortunes-de fortunes-es fortunes-it fortunes-br fortunes-pl fortunes-cs fortunes-eo fortunes-ga
doc-debian``):

* ``fortunes``: Debian's English fortunes, quotations, jokes and chat logs, hard-wrapped at 70 to 80 columns;
* ``fortunes, other languages``: Debian's fortunes in German, Spanish, Italian, Portuguese, Polish, Czech and Slovak,
  mostly one or two lines: the English-only steps must leave them alone; and in Esperanto and Irish, which
  ``newsclean.language`` does not know (short ones are taken for English);
* ``Debian documents``: the constitution, the social contract, the bug-tracking guides and the licences in
  /usr/share/common-licenses, formal English, hard-wrapped;
* ``Lee news corpus``: 348 Australian news articles (ABC, 2001-2002), correctly cased, one per line, from gensim's test
  data (``pip download gensim --no-deps`` and unzip ``gensim/test/test_data/lee*.cor``; or installed gensim).

Changes of ``whitespace`` and ``unicode`` (tabs, runs of spaces, control characters) are counted apart: on these
sources they are formatting, not words.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsclean  # noqa: E402

FORTUNES = Path("/usr/share/games/fortunes")
#: The English files of Debian's fortunes packages (their other files are in other languages).
ENGLISH_FORTUNES = ("art computers cookie debian definitions disclaimer drugs education ethnic food fortunes goedel "
                    "humorists kids knghtbrd law linux linuxcookie literature love magic medicine men-women "
                    "miscellaneous news paradoxum people perl pets platitudes politics pratchett riddles science "
                    "songs-poems sports startrek tao translate-me wisdom work zippy anarchism").split()
OTHER_LANGUAGES = ("de", "es", "it", "pl", "cs", "sk")
#: Languages of Debian's fortunes that newsclean.language does not know (wordfreq lists neither).
UNLISTED_LANGUAGES = ("eo", "ga")
#: fortunes-br installs its Portuguese files next to the English ones.
PORTUGUESE_FORTUNES = ("brasil",)
DEBIAN_DOCS = [Path("/usr/share/doc/debian") / f for f in (
    "constitution.txt.gz", "social-contract.txt.gz", "debian-manifesto.gz", "bug-reporting.txt.gz",
    "mailing-lists.txt.gz", "bug-maint-info.txt.gz", "bug-log-access.txt", "source-unpack.txt")]
LICENCES = [Path("/usr/share/common-licenses") / f for f in ("GPL-3", "LGPL-2.1", "Apache-2.0", "MPL-2.0")]
FORMATTING = ("whitespace", "unicode")
_WORDS = re.compile(r"\w+")


def _read(path: Path) -> str:
    raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _fortunes(paths: list[Path]) -> list[str]:
    return [t for p in paths if p.is_file() for t in _read(p).split("\n%\n") if t.strip()]


def corpora(lee: Path | None) -> Iterator[tuple[str, list[str]]]:
    yield "fortunes", _fortunes([FORTUNES / name for name in ENGLISH_FORTUNES])
    others = [p for lang in OTHER_LANGUAGES for p in sorted((FORTUNES / lang).glob("*")) if not p.suffix]
    others += [FORTUNES / name for name in PORTUGUESE_FORTUNES]
    yield "fortunes, other languages", _fortunes(others)
    yield "fortunes, Esperanto and Irish", _fortunes([p for lang in UNLISTED_LANGUAGES
                                                      for p in sorted((FORTUNES / lang).glob("*")) if not p.suffix])
    yield "Debian documents", [_read(p) for p in DEBIAN_DOCS + LICENCES if p.is_file()]
    if lee is None and importlib.util.find_spec("gensim") is not None:
        lee = Path(importlib.util.find_spec("gensim").origin).parent / "test" / "test_data"  # type: ignore[arg-type]
    if lee is not None:
        lines = [line for name in ("lee_background.cor", "lee.cor") if (lee / name).is_file()
                 for line in _read(lee / name).splitlines() if line.strip()]
        yield "Lee news corpus", lines


def measure(texts: list[str], show: str | None) -> tuple[Counter, int]:
    pipeline = newsclean.default_pipeline()
    changes: Counter = Counter()
    for text in texts:
        result = pipeline.clean(text)
        for e in result.edits:
            changes[e.normalizer] += 1
            if e.normalizer == show:
                print(f"    {e.before!r} -> {e.after!r}: {e.reason[:90]}")
    return changes, sum(len(_WORDS.findall(t)) for t in texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lee", type=Path, help="the folder of gensim's lee_background.cor and lee.cor")
    ap.add_argument("--show", metavar="STEP", help="list every change of this step")
    args = ap.parse_args(argv)
    steps = [s.name for s in newsclean.default_pipeline().steps if s.name not in FORMATTING]
    print("| corpus | texts | MB | words | " + " | ".join(steps) + " | per 1,000 words | formatting |")
    print("|---|---|---|---|" + "---|" * len(steps) + "---|---|")
    for name, texts in corpora(args.lee):
        if not texts:
            print(f"| {name} | absent |")
            continue
        if args.show:
            print(f"  {name}:")
        changes, words = measure(texts, args.show)
        suspects = sum(changes[s] for s in steps)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"| {name} | {len(texts):,} | {mb:.2f} | {words:,} | " + " | ".join(str(changes[s]) for s in steps)
              + f" | {1000 * suspects / words:.2f} | {sum(changes[s] for s in FORMATTING):,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
