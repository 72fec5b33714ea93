"""Dev only: what the meaning-shift check's doubted-passage rule adds, for a few settings.

    python benchmarks/qe_passage_dev.py [--model DIR]

On the synthetic dev split of ``compare.qe.train`` (NTREX lines 631-700 ru-en and kk-en and
every fifth even-position WMT22 document, each pair as is plus one error, seed 13), it prints per
error kind how many pairs the low-score rule flags, how many the passage rule flags (a run of at
least L consecutive English words each BAD with probability >= P; punctuation ignored), and how
many either flags. The faithful ("clean") row is the false-alarm count. The defaults of
``compare.checks.meaning.QE_DEFAULTS`` were chosen from this table; nothing held out is read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.qe.predict import QEModel  # noqa: E402
from compare.qe.train import TrainOptions, build_data  # noqa: E402

SETTINGS = ((0.8, 3), (0.8, 4), (0.9, 3), (0.9, 4), (0.9, 5), (0.95, 4))


def longest_run(probabilities, words, cut: float) -> int:
    """Consecutive words at or above ``cut``, punctuation neither breaking nor counting (the
    rule of :func:`compare.checks.meaning.doubted_passage`, on word lists)."""
    best = run = 0
    for p, word in zip(probabilities, words, strict=False):
        if not any(ch.isalnum() for ch in word):
            continue
        run = run + 1 if p >= cut else 0
        best = max(best, run)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    model = QEModel.load(args.model)
    options = TrainOptions()
    _, _, dev = build_data(options.seed, None, 1, options.kinds.split(","))
    predicted = model.predict([(e.source_words, e.target_words) for e in dev])
    major = model.config.thresholds["major"]
    low = [model.judge(p)[0] < major for p in predicted]
    kinds = sorted({e.kind for e in dev})
    for cut, length in SETTINGS:
        print(f"\nP >= {cut}, L >= {length} words: kind, n, low score, passage, either")
        passage = [longest_run(p.target, e.target_words, cut) >= length
                   for p, e in zip(predicted, dev, strict=True)]  # fmt: skip
        for kind in kinds:
            rows = [i for i, e in enumerate(dev) if e.kind == kind]
            print(f"  {kind:<10} {len(rows):4d} {sum(low[i] for i in rows):5d} "
                  f"{sum(passage[i] for i in rows):5d} "
                  f"{sum(low[i] or passage[i] for i in rows):5d}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
