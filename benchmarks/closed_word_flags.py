"""False alarms and synthetic recall of the date, currency and country checks
(``date-mismatch``, ``currency-mismatch``, ``country-mismatch``) on real text.

Every line pair of a professional translation (WMT22 references, NTREX ru-en and kk-en, by the
splits of :mod:`compare.splits`) runs through the check alone, one pair a document, as
``name_flags.py`` does (seconds, no model).

False alarms: the share of pairs with a flag (95 % Wilson interval). The translations are
professional, so a flag is a false alarm or a real difference of the corpus (dev flags are
printed with ``--show-dev``; held-out ones never are).

Recall: each line whose English names a weekday or month in full, a clock's a.m. or p.m., a
relative day or a last, this or next week, month or year (``--check date``; yesterday for
tomorrow is the antonym check's and counts as missed here), a currency by word or sign
(``--check currency``) or a state by its name or adjective (``--check country``: a name for a
name, an adjective for an adjective), found by a plain word list and not by the check, gets
one such word replaced by another of its class (seeded); caught when the perturbed pair is
flagged and the unperturbed one was not. Lines whose source does not name that day, month,
currency or state (the English says "Monday" for "вчера", or gives a sum's dollar value) are
kept: a swap there is an error too, which the checks, reading swaps only, are expected to miss;
the last column counts the lines whose source names it.

Usage::

    python benchmarks/closed_word_flags.py [--check date|currency|country] [--shared PATH]
        [--seed N] [--show-dev SET] [--dev-only]
"""

from __future__ import annotations

import argparse
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.name_flags import check_printable, load_sets, wilson  # noqa: E402

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
# "May" and "March" are verbs and names too: left out of the words replaced.
WORDS = {
    "date": [DAYS, [m for m in MONTHS if m not in ("May", "March")], ["a.m.", "p.m."],
             ["yesterday", "today", "tomorrow"],
             *([f"{w} {unit}" for w in ("last", "this", "next")] for unit in ("week", "month",
                                                                               "year"))],
    "currency": [["dollars", "euros", "roubles", "yuan", "yen", "tenge", "pounds sterling"],
                 ["$", "€", "£"]],
    "country": [["Russia", "Ukraine", "China", "Japan", "Germany", "France", "Britain", "Italy",
                 "Spain", "Poland", "Turkey", "Iran", "Iraq", "Israel", "Syria", "India",
                 "Canada", "Mexico", "Brazil", "Australia", "Egypt", "Kazakhstan"],
                ["Russian", "Ukrainian", "Chinese", "Japanese", "German", "French", "British",
                 "Italian", "Spanish", "Polish", "Turkish", "Iranian", "Iraqi", "Israeli",
                 "Syrian", "Indian", "Canadian", "Mexican", "Brazilian", "Australian", "Egyptian",
                 "American", "Kazakh"]],
}
CHECKS = {"date": ("compare.checks.dates", "DateMismatch"),
          "currency": ("compare.checks.currencies", "CurrencyMismatch"),
          "country": ("compare.checks.countries", "CountryMismatch")}


def _pattern(check: str) -> re.Pattern:
    words = [w for group in WORDS[check] for w in group]
    return re.compile("|".join(
        (rf"\b{re.escape(w)}" + (r"\b" if w[-1].isalnum() else r"(?!\w)")) if w[0].isalpha()
        else re.escape(w) for w in sorted(words, key=len, reverse=True)))  # fmt: skip


def run_check(src: str, eng: str, lang: str, check: str) -> list:
    import importlib

    from compare.alignment_types import AlignedPair
    from compare.checks.base import CheckContext
    from compare.document import Document, Sentence, Span

    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    module, name = CHECKS[check]
    return getattr(importlib.import_module(module), name)().run(ctx)


def source_names(src: str, eng: str, lang: str, check: str) -> bool:
    """Whether the source names a day, month, currency or state that the English names."""
    if check == "date":
        from compare.checks.dates import english_dates as english
        from compare.checks.dates import source_dates as source
    elif check == "currency":
        from compare.checks.currencies import english_currencies as english
        from compare.checks.currencies import source_currencies as source
    else:
        from compare.country_swaps import english_countries as english
        from compare.country_swaps import source_countries

        def source(text: str, language: str) -> set[str]:
            return {key for key, _, _ in source_countries(text, language)}
    return bool({m[0] for m in english(eng)} & source(src, lang))


def perturb(pairs: list[tuple[str, str]], seed: int, check: str) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    pattern = _pattern(check)
    out = []
    for i, (_, eng) in enumerate(pairs):
        found = list(pattern.finditer(eng))
        if not found:
            continue
        m = rng.choice(found)
        group = next(g for g in WORDS[check] if m.group() in g)
        new = rng.choice([w for w in group if w != m.group() and w not in eng])
        out.append((i, eng[: m.start()] + new + eng[m.end() :]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", choices=sorted(WORDS), default="date")
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show-dev", choices=["wmt22", "ntrex-ru", "ntrex-kk"])
    ap.add_argument("--dev-only", action="store_true", help="measure the dev sets only")
    args = ap.parse_args(argv)
    sets = [s for s in load_sets(args.shared) if s.split == "dev" or not args.dev_only]
    print(f"{args.check}: false alarms on professional translations (pairs flagged, 95 % Wilson)")
    print(f"{'set':10} {'split':9} {'n':>5} {'flagged':>7} {'share':>7} {'95 % CI':>13}")
    for s in sets:
        flagged = [(src, eng, r) for src, eng in s.pairs
                   if (r := run_check(src, eng, s.lang, args.check))]  # fmt: skip
        lo, hi = wilson(len(flagged), len(s.pairs))
        print(f"{s.name:10} {s.split:9} {len(s.pairs):5d} {len(flagged):7d} "
              f"{len(flagged) / len(s.pairs):7.3f} {lo:6.3f}-{hi:6.3f}")  # fmt: skip
        if args.show_dev == s.name and s.split == "dev":
            check_printable(s)
            for src, eng, r in flagged:
                print(f"  {r[0].message}\n      SRC {src}\n      ENG {eng}")
    print(f"\n{args.check}: synthetic recall, one such word of the English replaced by another "
          "(95 % Wilson)")  # fmt: skip
    print(f"{'set':10} {'split':9} {'n':>5} {'caught':>7} {'recall':>7} {'95 % CI':>13}"
          f"  {'source names it':>15}")  # fmt: skip
    for s in sets:
        cases = perturb(s.pairs, args.seed, args.check)
        caught = named = hit_named = 0
        for i, eng2 in cases:
            src, eng = s.pairs[i]
            hit = bool(run_check(src, eng2, s.lang, args.check)) and not run_check(
                src, eng, s.lang, args.check)  # fmt: skip
            caught += hit
            if source_names(src, eng, s.lang, args.check):
                named += 1
                hit_named += hit
        lo, hi = wilson(caught, len(cases))
        print(f"{s.name:10} {s.split:9} {len(cases):5d} {caught:7d} "
              f"{caught / max(1, len(cases)):7.3f} {lo:6.3f}-{hi:6.3f}  "
              f"{hit_named:5d} of {named:4d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
