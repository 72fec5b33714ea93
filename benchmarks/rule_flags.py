"""False alarms of one rule check (default ``negation-mismatch``) on professional translations.

Every line-parallel pair becomes a one-sentence-per-side document with a single 1-1 pair, and
the check (any registered check that needs no embedder or meaning model: ``negation-mismatch``,
``number-mismatch``, ``name-mismatch``, ``antonym``...) runs on it directly (no segmenter,
aligner or embedder: seconds). The translations are professional, so nearly every flag is a
false alarm, and each one costs a translator's attention.

Splits as in ``name_flags.py``: DEV = even WMT22 documents, NTREX lines 1-700 and the human
post-edits of MLQE-PE's training split (``--show-dev`` prints a dev set's flags); HELD-OUT = odd
WMT22 documents and NTREX 701-1000 (never printed). Recall is measured elsewhere
(``demetr_flags.py``, ``qe_accuracy.py``'s synthetic errors, ``name_flags.py``,
``antonym_flags.py``, ``kazakh_heldout.py``).

Usage::

    python benchmarks/rule_flags.py [--check ID] [--shared PATH] [--show-dev SET] [--code-root DIR]

``--code-root DIR`` measures the compare/ package in DIR instead (a BEFORE figure:
``git archive <commit> compare | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run_check(check, src: str, eng: str, lang: str) -> list:
    """The check's flags on one pair, as a one-sentence document on each side."""
    from compare.alignment_types import AlignedPair
    from compare.checks.base import CheckContext
    from compare.document import Document, Sentence, Span

    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    return check.run(ctx)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", default="negation-mismatch", help="the check's id")
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--show-dev", choices=["wmt22", "ntrex-ru", "ntrex-kk", "mlqe-pe-train"])
    ap.add_argument("--code-root", type=pathlib.Path, default=ROOT,
                    help="folder holding the compare/ package to measure (default: this checkout)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks.antonym_flags import mlqe_postedits
    from benchmarks.name_flags import check_printable, load_sets, wilson

    # The measured package goes first, after the helpers above put this checkout on the path.
    for name in [m for m in sys.modules if m == "compare" or m.startswith("compare.")]:
        del sys.modules[name]
    sys.path.insert(0, str(args.code_root.resolve()))

    import compare
    from compare.checks import all_checks

    checks = {c.id: c for c in all_checks()}
    if args.check not in checks:
        print(f"No check {args.check!r}; one of: {', '.join(sorted(checks))}.")
        return 2
    check = checks[args.check]
    print(f"{check.id}; code: {pathlib.Path(compare.__file__).parent.parent}")
    print("False alarms on professional translations: share of pairs flagged, 95 % Wilson")
    print(f"{'set':22} {'split':9} {'n':>5} {'flag':>5} {'rate':>7}  95 % CI")
    for s in [*load_sets(args.shared), mlqe_postedits(args.shared)]:
        flagged = [(src, eng, found) for src, eng in s.pairs
                   if (found := run_check(check, src, eng, s.lang))]  # fmt: skip
        low, high = wilson(len(flagged), len(s.pairs))
        print(f"{s.name:22} {s.split:9} {len(s.pairs):5d} {len(flagged):5d} "
              f"{len(flagged) / len(s.pairs):7.3f}  [{low:.3f}-{high:.3f}]")  # fmt: skip
        if s.split == "dev" and args.show_dev == s.name:
            check_printable(s)
            for src, eng, found in flagged:
                print(f"    src: {src}\n    eng: {eng}\n    -> {found[0].message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
