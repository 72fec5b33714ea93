"""False alarms and synthetic recall of the date check (``date-mismatch``) on real text.

Every line pair of a professional translation (WMT22 references, NTREX ru-en and kk-en, by the
splits of :mod:`compare.splits`) runs through :class:`compare.checks.dates.DateMismatch` alone,
one pair a document, as ``name_flags.py`` does (seconds, no model).

False alarms: the share of pairs with a flag (95 % Wilson interval). The translations are
professional, so a flag is a false alarm or a real difference of the corpus (dev flags are
printed with ``--show-dev``; held-out ones never are).

Recall: each line whose English names a weekday or a month in full (found by a plain word list,
not by the check) gets that word replaced by another day or month (seeded); caught when the
perturbed pair is flagged and the unperturbed one was not. Lines whose source does not name
that day or month at all (the English says "Monday" for "вчера") are kept: a swap there is
an error too, which the check, reading swaps only, is expected to miss.

Usage::

    python benchmarks/date_flags.py [--shared PATH] [--seed N] [--show-dev SET]
"""

from __future__ import annotations

import argparse
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from name_flags import check_printable, load_sets, wilson  # noqa: E402

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
# "May" and "March" are verbs and names too: left out of the words replaced.
_WORD = re.compile(r"\b(" + "|".join(DAYS + [m for m in MONTHS if m not in ("May", "March")])
                   + r")\b")  # fmt: skip


def run_check(src: str, eng: str, lang: str) -> list:
    from compare.alignment_types import AlignedPair
    from compare.checks.base import CheckContext
    from compare.checks.dates import DateMismatch
    from compare.document import Document, Sentence, Span

    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    return DateMismatch().run(ctx)


def perturb(pairs: list[tuple[str, str]], seed: int) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    out = []
    for i, (_, eng) in enumerate(pairs):
        found = list(_WORD.finditer(eng))
        if not found:
            continue
        m = rng.choice(found)
        kind = DAYS if m.group() in DAYS else MONTHS
        new = rng.choice([w for w in kind if w != m.group() and w not in eng])
        out.append((i, eng[: m.start()] + new + eng[m.end() :]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show-dev", choices=["wmt22", "ntrex-ru", "ntrex-kk"])
    args = ap.parse_args(argv)
    sets = load_sets(args.shared)
    print("False alarms on professional translations (pairs flagged, 95 % Wilson)")
    print(f"{'set':10} {'split':9} {'n':>5} {'flagged':>7} {'share':>7} {'95 % CI':>13}")
    for s in sets:
        flagged = [(src, eng, r) for src, eng in s.pairs if (r := run_check(src, eng, s.lang))]
        lo, hi = wilson(len(flagged), len(s.pairs))
        print(f"{s.name:10} {s.split:9} {len(s.pairs):5d} {len(flagged):7d} "
              f"{len(flagged) / len(s.pairs):7.3f} {lo:6.3f}-{hi:6.3f}")  # fmt: skip
        if args.show_dev == s.name and s.split == "dev":
            check_printable(s)
            for src, eng, r in flagged:
                print(f"  {r[0].message}\n      SRC {src}\n      ENG {eng}")
    print("\nSynthetic recall: a weekday or month of the English replaced by another (95 % Wilson)")
    print(f"{'set':10} {'split':9} {'n':>5} {'caught':>7} {'recall':>7} {'95 % CI':>13}"
          f"  {'source names it':>15}")  # fmt: skip
    for s in sets:
        cases = perturb(s.pairs, args.seed)
        caught = named = hit_named = 0
        for i, eng2 in cases:
            src, eng = s.pairs[i]
            hit = bool(run_check(src, eng2, s.lang)) and not run_check(src, eng, s.lang)
            caught += hit
            from compare.checks.dates import english_dates, source_dates

            if {d[0] for d in english_dates(eng)} & source_dates(src, s.lang):
                named += 1
                hit_named += hit
        lo, hi = wilson(caught, len(cases))
        print(f"{s.name:10} {s.split:9} {len(cases):5d} {caught:7d} "
              f"{caught / max(1, len(cases)):7.3f} {lo:6.3f}-{hi:6.3f}  "
              f"{hit_named:5d} of {named:4d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
