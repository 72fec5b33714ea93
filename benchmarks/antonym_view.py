"""The antonym check's view: does the English read closer to the source with the flagged word's
opposite? Dev by default.

    python benchmarks/antonym_view.py [--shared DIR]                # dev: the cuts (~5 min)
    python benchmarks/antonym_view.py --split heldout [--shared DIR]

Every pair is scored as the pipeline scores it (``compare.risk_fit.score_lines``: the meaning
model with the sure-word gate, every check, the e5 vectors), so each antonym flag carries its
``with_opposite`` gain (``compare.checks.antonyms``). Each cut of the gain is then applied to the
scored flags (a flag is ``reversed`` from the cut up, and the severity decision keeps a reversed
flag major whatever the pair's risk), and this prints, per cut, the pairs that keep a major+
meaning flag after the decision:

- faithful: the professional sets of ``trust.py`` (dev: WMT22 references of even documents, NTREX
  1-700 ru and kk, Tatoeba kk-en, the MQM TED dev talk's human translation, and the MLQE-PE ru-en
  dev post-edits; held out: ``trust.py``'s held-out professional sets);
- synthetic errors (``compare.qe.synthetic``, two a line): dev NTREX lines 631-700, seeds 77 and
  78; held out NTREX 701-1000, seed 777, the held-out quarter of the opposite list (as
  ``trust.py``). All kinds, and the antonym swaps apart;
- DEMETR's antonym perturbations (``critical_id7_antonym``, people's edits of FLORES references;
  dev ids 551-575, held out 576-600).

"no view" is the decision before session 22 (the risk threshold alone). The held-out run prints
the shipped cut only.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.meaning_gate import post_edits  # noqa: E402
from benchmarks.trust import after_decision, professional_sets  # noqa: E402
from compare.checks.antonyms import OPPOSITE_GAIN  # noqa: E402
from compare.detokenise import detokenise  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import shared_dir, split_words  # noqa: E402
from compare.qe.synthetic import synthetic_set  # noqa: E402
from compare.risk import RISK_MODEL_FILE, RiskModel  # noqa: E402
from compare.risk_fit import ScoredPair, score_lines  # noqa: E402
from compare.splits import (  # noqa: E402
    NTREX_CALIBRATION_LINES,
    NTREX_HELDOUT_LINES,
    demetr_rows,
    ntrex_lines,
)

DEV_CUTS = (None, 0.0, 0.005, 0.01, 0.015, 0.02)


def with_cut(pair: ScoredPair, cut: float | None) -> ScoredPair:
    """The pair with each antonym flag's view read at ``cut`` (None: no view)."""
    flags = []
    for flag in pair.flags:
        view = flag.evidence.get("with_opposite")
        if view is not None:
            flag = copy.copy(flag)
            flag.evidence = {k: v for k, v in flag.evidence.items() if k != "with_opposite"}
            if cut is not None:
                flag.evidence["with_opposite"] = {**view, "reversed": view["gain"] >= cut}
        flags.append(flag)
    return ScoredPair(flags, pair.qe, pair.similarity, pair.source_chars, pair.target_chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args(argv)
    from compare.embed import default_embedder
    from compare.qe.predict import QEModel

    shared, held = shared_dir(args.shared), args.split == "heldout"
    qe, embedder = QEModel.load(None), default_embedder()
    model = RiskModel.load(RISK_MODEL_FILE)
    faithful: dict[str, list[ScoredPair]] = {}
    for name, lang, pairs, texts, _ in professional_sets(shared, args.split):
        faithful[name] = score_lines(pairs, lang, qe, embedder, texts)
    if not held:
        faithful["MLQE-PE ru-en dev, human post-edits"] = score_lines(
            post_edits(shared), "ru", qe, embedder)
    lines, seeds = (NTREX_HELDOUT_LINES, (777,)) if held else (NTREX_CALIBRATION_LINES, (77, 78))
    english = ntrex_lines("en", lines, shared)
    errors = {}
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, lines, shared)
        pairs = [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)]
        made = [x for seed in seeds
                for x in synthetic_set(pairs, lang, seed, errors_per_pair=2, heldout=held)
                if x.kind != "clean"]  # fmt: skip
        texts = [(detokenise(x.source_words), detokenise(x.target_words)) for x in made]
        errors[lang] = ([x.kind for x in made], score_lines(texts, lang, qe, embedder))
    rows = [r for r in demetr_rows(args.split, shared) if r["pert_name"] == "critical_id7_antonym"]
    demetr = score_lines([(r["src_sent"], r["pert_sent"]) for r in rows], "ru", qe, embedder)
    print(f"{args.split}: lines {lines.start + 1}-{lines.stop}, seeds {seeds}")
    for cut in (None, OPPOSITE_GAIN) if held else DEV_CUTS:
        print(f"\nview {'off (risk alone)' if cut is None else f'from a gain of {cut}'}: pairs "
              "with a major+ meaning flag after the decision")  # fmt: skip
        for name, scored in faithful.items():
            kept = sum(after_decision(with_cut(p, cut), model)[1] for p in scored)
            low, high = wilson(kept, len(scored))
            print(f"  {name:<58} {kept:4d} of {len(scored):4d} {kept / len(scored):6.3f} "
                  f"[{low:.3f}, {high:.3f}]")  # fmt: skip
        for lang, (kinds, scored) in errors.items():
            hit, n = Counter(), Counter(kinds)
            for kind, pair in zip(kinds, scored, strict=True):
                hit[kind] += after_decision(with_cut(pair, cut), model)[1]
            total = sum(hit.values())
            print(f"  synthetic errors {lang}: {total / len(kinds):.3f} of {len(kinds)}; "
                  f"antonym swaps {hit['antonym']}/{n['antonym']}")  # fmt: skip
        kept = sum(after_decision(with_cut(p, cut), model)[1] for p in demetr)
        print(f"  DEMETR antonyms (ru): {kept} of {len(demetr)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
