"""False-alarm rate and synthetic recall of the name check (``name-mismatch``) on real text.

Every line-parallel pair of a professional translation becomes a one-sentence-per-side document
with a single 1-1 pair, and :class:`compare.checks.names.NameMismatch` runs on it directly (no
segmenter, aligner or embedder, so the whole run takes seconds), with the country check
(``country-mismatch``), to which the name check leaves a state put in another's place (session
38); a ``--code-root`` without the country check is measured by the name check alone.

False alarms: the share of pairs with at least one name-mismatch flag, per 100 pairs, with a 95 %
Wilson interval, and the number of flags per 100 pairs. The translations are professional, so
nearly every flag is a false alarm (a few are real divergences of the corpora).

Recall: for each held-out (or dev) line whose English has a capitalised name that is not
sentence-initial, that name is replaced by a name from another line of the same set (seeded).
A "name" here is decided without the check: a capitalised word of three or more letters, not
all capitals, not opening a sentence or quotation, whose lower-case form never occurs in
lower case in all the English text of these corpora (so "Court" or "Russian" do not count, but
"Smith" does). The replacement is caught when the perturbed pair gets a flag the unperturbed
pair did not have: an English-side flag over the inserted name, or a source-side flag that was
not there before.

Splits (compare/splits.py, ../shared/README.md): DEV = WMT22 documents at an even position
in order of first appearance of doc_id (0, 2, 4, ...) and NTREX lines 1-700; HELD-OUT = odd
documents and NTREX lines 701-1000. Tune on DEV only; report HELD-OUT.

Usage::

    python benchmarks/name_flags.py [--shared PATH] [--show-dev SET] [--show-misses SET] [--seed N]
        [--dev-only]

``--show-dev`` prints the flagged pairs of one dev set (wmt22, ntrex-ru, ntrex-kk) for error
analysis, ``--show-misses`` the synthetic name swaps of one dev set that the check let through;
held-out pairs are never printed (:func:`check_printable` refuses them by the rows each set was
read from). ``--code-root DIR`` measures the compare/ package in DIR instead (the BEFORE
figures: ``git archive <commit> compare | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import pathlib
import random
import sys
from collections import Counter
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _load_splits():
    """This checkout's compare/splits.py, loaded by path and not as ``compare.splits``:
    ``--code-root`` may put an older compare package (without it) first on the path."""
    path = ROOT / "compare" / "splits.py"
    spec = importlib.util.spec_from_file_location("benchmark_splits", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SPLITS = _load_splits()


@dataclass(frozen=True)
class PairSet:
    """Line-parallel (source, English) pairs of one split of one corpus; ``corpus`` and
    ``rows`` name, as compare/splits.py does, the rows they were read from (NTREX line indices,
    WMT22 document positions, MLQE-PE split names)."""

    name: str
    split: str
    lang: str
    pairs: list[tuple[str, str]]
    corpus: str = ""
    rows: tuple = ()


def check_printable(s: PairSet) -> None:
    """Refuse (``HeldOutRead``) to print the pairs of ``s`` when any row it was read from is
    held out: printing pairs is error analysis, a tuning mode. A set that names no rows is
    refused too."""
    if not s.corpus or not s.rows:
        raise SPLITS.HeldOutRead(f"{s.name} names no rows: its pairs are not printed")
    SPLITS.check_printable(s.corpus, s.rows, tuning=True)


def wilson(k: int, n: int) -> tuple[float, float]:
    """95 % Wilson interval of k/n, by scipy (as compare.intervals.wilson; not imported from
    the package, because --code may point this benchmark at an older copy of it)."""
    from scipy.stats import binomtest

    if n == 0:
        return 0.0, 1.0
    ci = binomtest(k, n).proportion_ci(method="wilson")
    return float(ci.low), float(ci.high)


def corpora(shared: pathlib.Path) -> pathlib.Path:
    """The corpora folder, given ``../shared`` or ``../shared/corpora`` (as
    compare.splits.corpora_dir; written here because --code may point at an older copy)."""
    return shared / "corpora" if (shared / "corpora").is_dir() else shared


def load_sets(shared: pathlib.Path) -> list[PairSet]:
    """WMT22 ru-en by document position, NTREX ru-en and kk-en by line number."""
    path = corpora(shared) / "wmt22-ru-en" / "wmt22_ru-en.src_ref.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    position: dict[str, int] = {}
    for r in rows:
        position.setdefault(r["doc_id"], len(position))
    halves = (("dev", SPLITS.WMT22_DEV_PARITY), ("held-out", SPLITS.WMT22_HELDOUT_PARITY))
    wmt = {
        split: [(r["src"], r["ref_A"]) for r in rows if position[r["doc_id"]] % 2 == parity]
        for split, parity in halves
    }
    docs = {split: tuple(p for p in position.values() if p % 2 == parity)
            for split, parity in halves}  # fmt: skip
    base = corpora(shared) / "ntrex128"
    eng = (base / "dev.eng.txt").read_text(encoding="utf-8").splitlines()
    out = [PairSet("wmt22", s, "ru", wmt[s], SPLITS.WMT22, docs[s]) for s in ("dev", "held-out")]
    for lang, fname in (("ru", "rus"), ("kk", "kaz")):
        src = (base / f"dev.{fname}.txt").read_text(encoding="utf-8").splitlines()
        assert len(src) == len(eng) == SPLITS.NTREX_LINES
        pairs = list(zip(src, eng, strict=True))
        for split, lines in (("dev", SPLITS.NTREX_DEV_LINES),
                             ("held-out", SPLITS.NTREX_HELDOUT_LINES)):
            out.append(PairSet(f"ntrex-{lang}", split, lang, pairs[lines.start : lines.stop],
                               SPLITS.NTREX, tuple(lines)))  # fmt: skip
    return out


def run_check(src: str, eng: str, lang: str) -> list:
    """name-mismatch and country-mismatch flags of one pair, as a one-sentence document on each
    side."""
    from compare.alignment_types import AlignedPair
    from compare.checks.base import CheckContext
    from compare.checks.names import NameMismatch
    from compare.document import Document, Sentence, Span

    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    flags = NameMismatch().run(ctx)
    if importlib.util.find_spec("compare.checks.countries") is not None:
        from compare.checks.countries import CountryMismatch

        flags += CountryMismatch().run(ctx)
    return flags


# Word finder and "opens a sentence or a quotation" test of the synthetic set, kept apart from
# the check's own so that the benchmark does not decide names the way the check does.
_WORD = r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]"


def _words(text: str) -> list[tuple[int, int, str]]:
    import re

    return [(m.start(), m.end(), m.group()) for m in re.finditer(_WORD, text)]


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"“”«»'‘’([—–-"


def lowercase_vocabulary(sets: list[PairSet]) -> set[str]:
    """Every word seen in lower case anywhere in the English of all sets."""
    seen = {pair[1] for s in sets for pair in s.pairs}
    return {w for text in seen for _, _, w in _words(text) if w.islower()}


def names_in(text: str, lower_vocab: set[str]) -> list[tuple[int, int, str]]:
    """Capitalised non-initial words never seen in lower case: names, decided without the check."""
    out = []
    for a, b, w in _words(text):
        if len(w) < 3 or not w[0].isupper() or w.isupper() or _sentence_initial(text, a):
            continue
        if w.lower() in lower_vocab or w.lower().rstrip("s'’") in lower_vocab:
            continue
        out.append((a, b, w))
    return out


def perturb(s: PairSet, lower_vocab: set[str], seed: int) -> list[tuple[int, str, int, int]]:
    """(line index, perturbed English, start, end of the inserted name) per eligible line."""
    rng = random.Random(f"{seed}-{s.name}-{s.split}")
    per_line = [names_in(eng, lower_vocab) for _, eng in s.pairs]
    out = []
    for i, names in enumerate(per_line):
        if not names:
            continue
        eng = s.pairs[i][1]
        a, b, old = rng.choice(names)
        present = {w.lower() for _, _, w in _words(eng)}
        for _ in range(50):
            j = rng.randrange(len(per_line))
            if j == i or not per_line[j]:
                continue
            new = rng.choice(per_line[j])[2]
            if new.lower() not in present and new.lower()[:4] != old.lower()[:4]:
                break
        else:
            continue
        out.append((i, eng[:a] + new + eng[b:], a, a + len(new)))
    return out


def caught(before: list, after: list, start: int, end: int) -> bool:
    """A new flag: over the inserted English name, or on the source side and not there before."""
    old_src = {(f.start, f.end) for f in before if f.side == "source"}
    for f in after:
        if f.side == "target" and f.start < end and start < f.end:
            return True
        if f.side == "source" and (f.start, f.end) not in old_src:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument(
        "--code-root",
        type=pathlib.Path,
        default=ROOT,
        help="folder holding the compare/ package to measure (default: this checkout)",
    )
    ap.add_argument("--show-dev", choices=["wmt22", "ntrex-ru", "ntrex-kk"])
    ap.add_argument("--show-misses", choices=["wmt22", "ntrex-ru", "ntrex-kk"],
                    help="print the synthetic swaps of this dev set that no flag caught")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dev-only", action="store_true",
                    help="measure the dev sets only (while tuning: no held-out figure in view)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.code_root.resolve()))

    sets = load_sets(args.shared)
    lower_vocab = lowercase_vocabulary(sets)
    if args.dev_only:
        sets = [s for s in sets if s.split == "dev"]
    print(f"code: {args.code_root.resolve()}")
    print()
    print("False alarms on professional translations (pairs flagged per 100, 95 % Wilson)")
    print(f"{'set':10} {'split':9} {'n':>5} {'flagged':>7} {'per 100':>8} {'95 % CI':>13} "
          f"{'flags/100':>9}")  # fmt: skip
    total: dict[str, list[int]] = {}
    for s in sets:
        results = [run_check(src, eng, s.lang) for src, eng in s.pairs]
        k = sum(bool(r) for r in results)
        n_flags = sum(len(r) for r in results)
        lo, hi = wilson(k, len(s.pairs))
        print(f"{s.name:10} {s.split:9} {len(s.pairs):5d} {k:7d} {100 * k / len(s.pairs):8.1f} "
              f"{100 * lo:6.1f}-{100 * hi:5.1f} {100 * n_flags / len(s.pairs):9.1f}")  # fmt: skip
        acc = total.setdefault(s.split, [0, 0, 0])
        acc[0] += len(s.pairs)
        acc[1] += k
        acc[2] += n_flags
        if args.show_dev == s.name and s.split == "dev":
            check_printable(s)
            sides = Counter(f.side for r in results for f in r)
            print(f"  sides: {dict(sides)}")
            for (src, eng), r in zip(s.pairs, results, strict=True):
                for f in r:
                    text = src if f.side == "source" else eng
                    print(f"  [{f.side[:3]}] {text[f.start : f.end]!r}")
                if r:
                    print(f"      SRC {src}\n      ENG {eng}")
    for split, (n, k, n_flags) in total.items():
        lo, hi = wilson(k, n)
        print(f"{'all':10} {split:9} {n:5d} {k:7d} {100 * k / n:8.1f} "
              f"{100 * lo:6.1f}-{100 * hi:5.1f} {100 * n_flags / n:9.1f}")  # fmt: skip

    print()
    print("Synthetic recall: one English name replaced by a name from another line (95 % Wilson)")
    print(f"{'set':10} {'split':9} {'n':>5} {'caught':>7} {'recall':>7} {'95 % CI':>13}")
    rec_total: dict[str, list[int]] = {}
    for s in sets:
        cases = perturb(s, lower_vocab, args.seed)
        k = 0
        shown = args.show_misses == s.name and s.split == "dev"
        if shown:
            check_printable(s)
        for i, eng2, a, b in cases:
            src, eng = s.pairs[i]
            hit = caught(run_check(src, eng, s.lang), run_check(src, eng2, s.lang), a, b)
            k += hit
            if shown and not hit:
                print(f"  missed {eng2[a:b]!r}\n      SRC {src}\n      ENG {eng2}")
        lo, hi = wilson(k, len(cases))
        print(f"{s.name:10} {s.split:9} {len(cases):5d} {k:7d} {k / max(1, len(cases)):7.3f} "
              f"{lo:6.3f}-{hi:6.3f}")  # fmt: skip
        acc = rec_total.setdefault(s.split, [0, 0])
        acc[0] += len(cases)
        acc[1] += k
    for split, (n, k) in rec_total.items():
        lo, hi = wilson(k, n)
        print(f"{'all':10} {split:9} {n:5d} {k:7d} {k / n:7.3f} {lo:6.3f}-{hi:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
