"""The meaning model's omission head: how well its passage separates omissions from faithful pairs.

    python benchmarks/omission_head.py                    # dev: AUCs and the grid (~4 min)
    python benchmarks/omission_head.py --split heldout    # held out: the shipped cuts only

For every pair the shipped meaning model (:mod:`compare.qe.predict`, with its omission head,
:mod:`compare.qe.omission_head`) gives a score and the best window of three source words read as
left out. This prints the pair-level AUC of that window against faithful pairs (beside the same
window of the model's own source-word tags, and the score alone), then for each score cut and
window cut the omissions caught and the faithful pairs flagged: what the ``meaning-omission``
check's two settings choose between.

Dev: synthetic omissions (``compare.qe.synthetic``, kind ``omission``, seeds 2001-2003) of NTREX
lines 631-700 ru and kk and of the WMT22 calibration references (every fifth even-position
document): lines neither the model nor the head trained on; faithful: the same lines unchanged,
the MLQE-PE ru-en dev post-edits, Tatoeba kk-en and the MQM TED dev talk's human translation.
Held out: omissions of NTREX lines 701-1000 (seed 777) and those lines unchanged.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.meaning_gate import post_edits  # noqa: E402
from benchmarks.trust import professional_sets  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import shared_dir, split_words, wmt22_documents  # noqa: E402
from compare.qe.model import z_to_score  # noqa: E402
from compare.qe.omission_head import WINDOW, best_window  # noqa: E402
from compare.qe.synthetic import perturb  # noqa: E402
from compare.splits import (  # noqa: E402
    NTREX_CALIBRATION_LINES,
    NTREX_HELDOUT_LINES,
    WMT22_CALIBRATION_EVERY,
    ntrex_lines,
)

SCORE_CUTS = (0.21, 0.25, 0.3, 0.4)
WINDOW_CUTS = (0.9, 0.95, 0.98)
SHIPPED = (0.25, 0.95)  # qe_omission_score, qe_omission_bad


def ntrex_pairs(lines: range, shared: Path) -> dict[str, list[tuple[list[str], list[str]]]]:
    english = [split_words(e) for e in ntrex_lines("en", lines, shared)]
    return {lang: [(split_words(s), e) for s, e in zip(ntrex_lines(lang, lines, shared), english,
                                                         strict=True)]
            for lang in ("ru", "kk")}  # fmt: skip


def omissions(pairs: list[tuple[list[str], list[str]]], seed: int) -> list[tuple]:
    rng = random.Random(seed)
    pool = [t for _, t in pairs]
    made = [perturb(s, t, "omission", rng, pool) for s, t in pairs]
    return [(x.source_words, x.target_words) for x in made if x is not None]


def readings(model, pairs: list[tuple[list[str], list[str]]]) -> list[tuple[float, float, float]]:
    """(score, head window, window of the model's own source tags) of each pair."""
    out = []
    for (source, _), scores in zip(pairs, model.predict(pairs), strict=True):
        score = float(z_to_score(np.asarray([scores.z]), model.config.z_quantiles)[0])
        head = best_window(scores.omitted, source, WINDOW) if scores.omitted is not None else None
        tags = best_window(scores.source, source, WINDOW)
        out.append((score, head[2] if head else 0.0, tags[2] if tags else 0.0))
    return out


def auc(positive: list[float], negative: list[float]) -> float:
    from scipy.stats import mannwhitneyu

    return float(mannwhitneyu(positive, negative).statistic / (len(positive) * len(negative)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    args = parser.parse_args(argv)
    from compare.qe.predict import QEModel

    shared = shared_dir(args.shared)
    model = QEModel.load(None)
    if not model.omission_head:
        print("the loaded meaning model has no omission head")
        return 1
    errors, faithful = [], {}
    if args.split == "dev":
        groups = ntrex_pairs(NTREX_CALIBRATION_LINES, shared)
        groups["wmt22"] = [(split_words(s), split_words(r))
                           for position, document in enumerate(wmt22_documents(0, shared))
                           if position % WMT22_CALIBRATION_EVERY == 0 for s, r in document]
        for offset, (name, pairs) in enumerate(groups.items()):
            errors += omissions(pairs, 2001 + offset)
            faithful[f"{name} unchanged"] = pairs
        faithful["MLQE-PE ru-en dev post-edits"] = [(split_words(s), split_words(e))
                                                    for s, e in post_edits(shared)]
        for name, _, pairs, *_ in professional_sets(shared, "dev"):
            if name.startswith(("Tatoeba", "MQM")):
                faithful[name] = [(split_words(s), split_words(e)) for s, e in pairs]
    else:
        for name, pairs in ntrex_pairs(NTREX_HELDOUT_LINES, shared).items():
            errors += omissions(pairs, 777)
            faithful[f"NTREX {name}-en 701-1000 unchanged"] = pairs
    faithful = {k: [(s, e) for s, e in v if s and e] for k, v in faithful.items()}
    errors = [(s, e) for s, e in errors if s and e]
    found = readings(model, errors)
    clean = {name: readings(model, pairs) for name, pairs in faithful.items()}
    every = [r for rows in clean.values() for r in rows]
    print(f"{args.split}: {len(found)} synthetic omissions, {len(every)} faithful pairs "
          f"({', '.join(f'{k} {len(v)}' for k, v in clean.items())})")
    for label, index in (("omission head's window", 1), ("model's own source tags, same window",
                                                         2)):  # fmt: skip
        print(f"  AUC, {label}: {auc([r[index] for r in found], [r[index] for r in every]):.3f}")
    print(f"  AUC, 1 - score: {auc([-r[0] for r in found], [-r[0] for r in every]):.3f}")
    grid = [SHIPPED] if args.split == "heldout" else [(s, w) for s in SCORE_CUTS
                                                      for w in WINDOW_CUTS]  # fmt: skip
    print("  score under, window from: omissions caught [95 % CI]; faithful pairs flagged by set")
    for below, cut in grid:
        hit = sum(s < below and w >= cut for s, w, _ in found)
        low, high = wilson(hit, len(found))
        flagged = {k: sum(s < below and w >= cut for s, w, _ in v) for k, v in clean.items()}
        print(f"  {below:.2f}, {cut:.2f}: {hit} of {len(found)} ({hit / len(found):.3f} "
              f"[{low:.3f}, {high:.3f}]); faithful {sum(flagged.values())} "
              f"({', '.join(f'{k} {v}' for k, v in flagged.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
