"""False alarms and recall of the antonym check (``antonym``) on real text.

Every line-parallel pair becomes a one-sentence-per-side document with a single 1-1 pair, and
:class:`compare.checks.antonyms.AntonymSwap` runs on it directly (no segmenter, aligner or
embedder: the whole run takes seconds).

False alarms: pairs flagged per 100 on professional translations (WMT22 ru-en references,
NTREX ru-en and kk-en), 95 % Wilson intervals; nearly every flag there is a false alarm.
Splits as in ``name_flags.py``: DEV = even WMT22 documents and NTREX lines 1-700 (the lexicon
may be corrected on these; ``--show-dev`` prints their flags), HELD-OUT = odd WMT22 documents
and NTREX 701-1000 (never printed). DEMETR's unperturbed references (``base_id35_reference``,
n=50) are a further held-out false-alarm set. A further DEV set: the human post-edits of
MLQE-PE's training split (ru-en, Reddit and WikiQuote, 7,000 rows); a post-edit is a corrected
translation, so its flags are nearly all false alarms too, though of looser text (proverbs).

Recall, held out:

* DEMETR ru-en ``critical_id7_antonym`` (n=50, minus rows whose ``pert_check`` is false): the
  DEMETR authors replaced one word of the English reference with an antonym. Nobody here read
  these rows while writing the lexicon; they are never printed.
* Synthetic antonyms on NTREX 701-1000, ru and kk: one English word replaced by its opposite
  from ``compare.qe.synthetic``'s list (the held-out quarter, and separately the training
  three quarters). That list and the check's lexicon were written apart, but both are
  general-knowledge antonyms of news English, so this figure is friendlier than DEMETR's.

Usage::

    python benchmarks/antonym_flags.py [--shared PATH] [--show-dev SET]
"""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.name_flags import (  # noqa: E402
    PairSet,
    check_printable,
    corpora,
    load_sets,
    wilson,
)


def run_check(src: str, eng: str, lang: str) -> list:
    """antonym flags of one pair, as a one-sentence document on each side."""
    from compare.alignment_types import AlignedPair
    from compare.checks.antonyms import AntonymSwap
    from compare.checks.base import CheckContext
    from compare.document import Document, Sentence, Span

    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])
    return AntonymSwap().run(ctx)


def demetr(shared: pathlib.Path) -> dict[str, list[tuple[str, str]]]:
    """DEMETR (source, English) pairs: the unperturbed references and the antonym rows."""
    rows = [json.loads(line) for line in
            (corpora(shared) / "demetr-ru-en" / "dev.jsonl").open(encoding="utf-8")]
    out: dict[str, list[tuple[str, str]]] = {"reference": [], "antonym": []}
    for r in rows:
        if r["pert_name"] == "base_id35_reference":
            out["reference"].append((r["src_sent"], r["pert_sent"]))
        elif r["pert_name"] == "critical_id7_antonym" and r.get("pert_check", True):
            out["antonym"].append((r["src_sent"], r["pert_sent"]))
    return out


def mlqe_postedits(shared: pathlib.Path) -> PairSet:
    """MLQE-PE ru-en training rows as (source, human post-edit) pairs: a dev false-alarm set.
    The post-edits are tokenised ("don 't", "Reddit ,"): they are detokenised and their
    contractions joined, as a translator would have written them (and as
    ``meaning_gate.py`` and ``compare.risk_fit`` read them); read raw, "don 't" is no
    negation to the checks and 7.8 % of the pairs got a negation flag."""
    from compare.detokenise import join_contractions
    from compare.risk_fit import detokenise

    csv.field_size_limit(1 << 24)
    path = corpora(shared) / "mlqe-pe-ru-en" / "train.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    pairs = [(r["src"], join_contractions(detokenise(r["pe"].split()))) for r in rows]
    return PairSet("mlqe-pe-train", "dev", "ru", pairs, "mlqe-pe-ru-en", ("train",))


def synthetic_antonyms(s: PairSet, heldout: bool, seed: int) -> list[tuple[str, str]]:
    """(source, English with one word swapped for its antonym) per line that has one."""
    from compare.qe.synthetic import perturbations

    swap = perturbations(heldout=heldout)["antonym"]
    rng = random.Random(f"{seed}-{s.name}-{heldout}")
    out = []
    for src, eng in s.pairs:
        result = swap(eng.split(" "), rng, [])
        if result is not None:
            out.append((src, " ".join(result[0])))
    return out


def _row(label: str, k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    rate = k / n if n else 0.0
    return f"{label:34} {n:>5} {k:>5} {rate:>7.3f}  [{lo:.3f}-{hi:.3f}]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    ap.add_argument("--show-dev", choices=["wmt22", "ntrex-ru", "ntrex-kk", "mlqe-pe-train"])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    sets = load_sets(args.shared) + [mlqe_postedits(args.shared)]
    print("False alarms on professional translations: share of pairs flagged, 95 % Wilson")
    print(f"{'set':34} {'n':>5} {'flag':>5} {'rate':>7}  95 % CI")
    held_k = held_n = 0
    for s in sets:
        flagged = []
        for src, eng in s.pairs:
            found = run_check(src, eng, s.lang)
            if found:
                flagged.append((src, eng, found))
        print(_row(f"{s.name} {s.split}", len(flagged), len(s.pairs)))
        if s.split == "held-out":
            held_k, held_n = held_k + len(flagged), held_n + len(s.pairs)
        if s.split == "dev" and args.show_dev == s.name:
            check_printable(s)
            for src, eng, found in flagged:
                print(f"    src: {src}\n    eng: {eng}\n    -> {found[0].message}")
    dm = demetr(args.shared)
    ref_k = sum(bool(run_check(src, eng, "ru")) for src, eng in dm["reference"])
    print(_row("DEMETR references (held out)", ref_k, len(dm["reference"])))
    print(_row("all held-out sets", held_k + ref_k, held_n + len(dm["reference"])))
    print()
    print("Recall of antonyms (held out): share of perturbed pairs flagged, 95 % Wilson")
    print(f"{'set':34} {'n':>5} {'hit':>5} {'recall':>7}  95 % CI")
    hits = sum(bool(run_check(src, eng, "ru")) for src, eng in dm["antonym"])
    print(_row("DEMETR ru-en critical_id7_antonym", hits, len(dm["antonym"])))
    for s in sets:
        if not s.name.startswith("ntrex") or s.split != "held-out":
            continue
        for heldout, label in ((True, "held-out quarter"), (False, "training pairs")):
            swapped = synthetic_antonyms(s, heldout, args.seed)
            hits = sum(bool(run_check(src, eng, s.lang)) for src, eng in swapped)
            print(_row(f"synthetic {s.name} ({label})", hits, len(swapped)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
