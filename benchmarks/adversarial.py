"""Linear time on adversarial input: time the default pipeline, each normalizer and each shared analysis on hostile
text at three sizes, and flag anything that grows faster than the input.

    python benchmarks/adversarial.py --quick          # minutes: every case at 1/20 of its size
    python benchmarks/adversarial.py                  # the sizes of issue 8 (20 MB without a newline, ...)
    python benchmarks/adversarial.py --only pipeline --case commas --json out.json

Each case is built at 1x, 2x and 4x its base size (the issue's sizes are the 4x ones). Linear code takes about twice
as long per doubling; the "growth" column is that factor (the geometric mean of the two doublings). A growth above
``--flag`` (2.8: a quadratic scan shows 4) on a run long enough to measure is flagged SUPER-LINEAR. A step that would
take more than ``--max-seconds`` at the next size is not run there and is flagged too: that is how a hang shows.
The exit status is 1 when anything is flagged, so the command can gate a merge.

Timings are the best of ``--repeat`` runs (default 1), in one process. A shared, loaded machine makes single runs
noisy, so a flagged measurement is taken again, best of 3 (the minimum is the least noisy estimate of what the code
costs), and only flagged if it still grows too fast.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import newsclean  # noqa: E402
from newsclean import Pipeline  # noqa: E402
from newsclean.evidence import collect  # noqa: E402
from newsclean.language import detect  # noqa: E402
from newsclean.spans import protected_spans  # noqa: E402

_SENTENCE = "Rebels advanced on Homs on Saturday, officials said, and 1,000 people fled the city. "
#: Sentences whose starts and names lost their capitals, with a misspelling: what the casing and typo steps decide.
_DAMAGED_SENTENCES = "Rebels advanced on Homs, a city in syria. officials saeid so. "
_BYLINE = "As Reported by CNN \\ Rebel forces have intensified their advance into Damascus, \\\n\n"
_TRANSCRIPT = "**WTN:** Professor Aron, what happens next?\n**Professor Aron:**\n**professor Aron:** It is. the\n"
_SCRIPTS = "Damascus Дамаск Δαμασκός دمشق דמשק 大马士革 ダマスカス 다마스쿠스 दमिश्क ดามัสกัส "
_URL = "https://www.reuters.com/world/middle-east/syria-2024-12-07/?id=1,2&x=a.b "


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _fresh_word(i: int) -> str:
    """A made-up word of its own for each ``i`` (syllables spelling ``i`` in base 20): no list knows it."""
    syllables = ("ba", "ke", "li", "mo", "nu", "ra", "se", "ti", "vo", "za", "dor", "fen", "gal", "hum", "jas",
                 "kor", "lun", "mir", "nes", "pol")
    word = ""
    while True:
        i, digit = divmod(i, len(syllables))
        word += syllables[digit]
        if not i:
            break
    return word + "ov" if len(word) < 5 else word


def _slip(i: int) -> str:
    """A common word of newsclean's lexicon with its second and third letters swapped ("wuold" for "would"): a typo,
    a different one for each ``i``."""
    common = _common_words()
    word = common[i * 7919 % len(common)]
    return word[0] + word[2] + word[1] + word[3:]


@lru_cache(maxsize=1)
def _common_words() -> list[str]:
    from newsclean.spelling import lexicon

    return sorted(w for w in lexicon().common if len(w) >= 6 and w.isalpha() and w.isascii() and w[1] != w[2])


def _fresh_prose(paragraphs: int) -> str:
    """News prose whose every paragraph brings new names and misspellings, as a long corpus file does: each name is
    written capitalized mid-sentence and lowercase elsewhere (so the casing step has something to decide about every
    one), each phrase capitalized and lowercase, each misspelling new. Work per distinct word shows here, where text
    repeated (the "prose" case) hides it."""
    out = []
    for i in range(paragraphs):
        town, given, family, org = (_fresh_word(4 * i + k) for k in range(4))
        out.append(
            f"Officials in {town.capitalize()} said {given.capitalize()} {family.capitalize()} met the "
            f"{org.capitalize()} Council on Monday. The {org} council said {town} was calm, and {given} {family} "
            f"would return, {_slip(2 * i)} as it was, to {town} on Tuesday. Residents of {town.capitalize()} told "
            f"reporters the {org.capitalize()} Council had {_slip(2 * i + 1)} aid.\n\n")
    return "".join(out)


def _seeds() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


@dataclass(frozen=True)
class Case:
    key: str
    title: str
    size: int
    """Base size at 4x (the issue's size), in the case's own unit (characters, lines, repetitions)."""
    build: Callable[[int], str]


CASES = [
    Case("prose", "news prose (the seeds, repeated)", 4_000_000, lambda n: _fill(_seeds() + "\n\n", n)),
    Case("fresh_prose", "news prose, new names in each paragraph", 8_000, _fresh_prose),
    Case("no_newline", "text without a newline (chars)", 20_000_000, lambda n: _fill(_SENTENCE, n)),
    Case("no_newline_damaged", "the same, with lowercase starts, names and typos (chars)", 5_000_000,
         lambda n: _fill(_DAMAGED_SENTENCES, n)),
    Case("short_lines", "one-character lines", 1_000_000, lambda n: "a\n" * n),
    Case("bylines", "repeated bylines", 100_000, lambda n: _BYLINE * n),
    Case("commas", "a line of commas", 400_000, lambda n: "Homs" + "," * n + "Damascus\n"),
    Case("nested", "nested quotes and brackets (depth)", 100_000, lambda n: "“‘([{«" * n + "Homs" + "»}])’”" * n),
    Case("same_word", "the same word (words)", 1_000_000, lambda n: "the " * n),
    Case("a_dot", "'a.' alternations (chars)", 1_000_000, lambda n: _fill("a.", n)),
    Case("dotted_names", "capitalized words glued by a full stop, each pair new", 200_000,
         lambda n: " ".join(f"{_fresh_word(i).title()}.{_fresh_word(i + 1).title()}" for i in range(n))),
    Case("a_comma", "'a,' alternations (chars)", 1_000_000, lambda n: _fill("a,", n)),
    Case("a_hyphen", "'a-' alternations (chars)", 1_000_000, lambda n: _fill("a-", n)),
    Case("a_at", "'a@' alternations (chars)", 1_000_000, lambda n: _fill("a@", n)),
    Case("long_url", "one very long URL (chars)", 2_000_000, lambda n: "See https://x.org/" + _fill("a/b-c_d.e?f=g&", n)),
    Case("urls", "URLs", 100_000, lambda n: _URL * n),
    Case("word", "one enormous word (chars)", 4_000_000, lambda n: "a" * n),
    Case("space_lines", "lines holding one space", 1_000_000, lambda n: "Homs" + "\n " * n + "\nx"),
    Case("spaces", "a run of spaces (chars)", 4_000_000, lambda n: "Homs" + " " * n + "Damascus"),
    Case("transcript", "repeated transcript turns", 50_000, lambda n: _TRANSCRIPT * n),
    Case("marks", "letters under 50 combining marks", 40_000, lambda n: ("e" + "\u0301" * 50 + " ") * n),
    Case("scripts", "mixed scripts (repetitions)", 100_000, lambda n: _SCRIPTS * n),
]

SCALES = (1, 2, 4)


def targets(only: list[str] | None) -> dict[str, Callable[[str], object]]:
    """The default pipeline, every registered normalizer alone, and the shared analyses normalizers call."""
    found: dict[str, Callable[[str], object]] = {"pipeline": newsclean.default_pipeline().clean}
    found.update({name: Pipeline([name]).clean for name in newsclean.names()})
    found.update({"spans.protected_spans": protected_spans, "evidence.collect": collect, "language.detect": detect})
    if only:
        unknown = set(only) - set(found)
        if unknown:
            raise SystemExit(f"unknown target(s) {', '.join(sorted(unknown))}; known: {', '.join(found)}")
        found = {k: v for k, v in found.items() if k in only}
    return found


def best_time(func: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # start every run from the same heap: a collection owed by an earlier run is not this one's
        start = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - start)
    return best


@dataclass
class Row:
    case: str
    target: str
    chars: list[int]
    seconds: list[float]
    growth: float | None
    flag: str


def measure(
    case: Case, name: str, func: Callable[[str], object], divisor: int, args: argparse.Namespace, repeat: int
) -> Row:
    chars: list[int] = []
    seconds: list[float] = []
    flag = ""
    for scale in SCALES:
        if seconds and seconds[-1] * 4 > args.max_seconds:
            flag = f"STOPPED: next size could take over {args.max_seconds:.0f} s"
            break
        text = case.build(max(1, case.size * scale // 4 // divisor))
        chars.append(len(text))
        seconds.append(best_time(func, text, repeat))
    growth = None
    if len(seconds) == len(SCALES) and seconds[0] > 0:
        # Per doubling of the input; normalized by the real growth of the text, which is not always exactly 2x.
        growth = ((seconds[-1] / seconds[0]) / (chars[-1] / chars[0])) ** 0.5 * 2
        last = seconds[-1] / seconds[-2] * chars[-2] / chars[-1] * 2
        # The last doubling must show it too: at 1x a fixed cost can hide, and one noisy run can fake a jump.
        if growth > args.flag and last > args.flag and seconds[-1] >= args.min_seconds:
            flag = "SUPER-LINEAR"
    return Row(case.key, name, chars, seconds, growth, flag)


def _fmt_seconds(s: float) -> str:
    return f"{s * 1000:8.1f}ms" if s < 1 else f"{s:8.2f}s "


def report(row: Row) -> str:
    times = "".join(_fmt_seconds(s) for s in row.seconds).ljust(30)
    growth = f"{row.growth:5.2f}" if row.growth is not None else "    -"
    rate = f"{row.chars[-1] / row.seconds[-1] / 1e6:7.1f} MB/s" if row.seconds and row.seconds[-1] > 0 else ""
    return f"{row.case:<12} {row.target:<24} {row.chars[-1]:>11,} {times} {growth}  {rate:>12}  {row.flag}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="every case at 1/20 of its size")
    p.add_argument("--divisor", type=int, help="divide every size by this (default 1, or 20 with --quick)")
    p.add_argument("--only", help="comma-separated targets (pipeline, a normalizer, spans.protected_spans, ...)")
    p.add_argument("--case", help="comma-separated case keys: " + ", ".join(c.key for c in CASES))
    p.add_argument("--repeat", type=int, default=1, help="runs per measurement, best kept (default 1; a flagged "
                   "measurement is always repeated, best of 3)")
    p.add_argument("--flag", type=float, default=2.8, help="growth per doubling above which to flag (default 2.8)")
    p.add_argument("--min-seconds", type=float, default=0.1, help="shorter runs are too noisy to flag (0.1)")
    p.add_argument("--max-seconds", type=float, default=120.0, help="do not run a size predicted to take longer")
    p.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    args = p.parse_args(argv)
    divisor = args.divisor or (20 if args.quick else 1)

    cases = CASES
    if args.case:
        wanted = set(args.case.split(","))
        cases = [c for c in CASES if c.key in wanted]
        if missing := wanted - {c.key for c in cases}:
            raise SystemExit(f"unknown case(s) {', '.join(sorted(missing))}")
    chosen = targets(args.only.split(",") if args.only else None)
    for func in chosen.values():  # load data and compile patterns before the clock starts
        func("warm up. The rebels took Homs.\n")

    print(f"newsclean {newsclean.__version__}; sizes 1x 2x 4x (4x shown), divisor {divisor}, best of {args.repeat}")
    print(f"{'case':<12} {'target':<24} {'chars (4x)':>11} {'1x':>10}{'2x':>10}{'4x':>10} growth  throughput")
    rows: list[Row] = []
    for case in cases:
        for name, func in chosen.items():
            row = measure(case, name, func, divisor, args, args.repeat)
            if row.flag == "SUPER-LINEAR":  # measure again, best of 3, before accusing: the machine may have been busy
                row = measure(case, name, func, divisor, args, max(3, args.repeat))
            rows.append(row)
            print(report(row), flush=True)
    flagged = [r for r in rows if r.flag]
    print(f"\n{len(rows)} measurements, {len(flagged)} flagged")
    for r in flagged:
        print(f"  {r.case} / {r.target}: {r.flag}")
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=1), encoding="utf-8")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
