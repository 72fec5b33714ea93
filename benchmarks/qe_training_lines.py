"""Does the meaning model trust the professional lines it trained on more than others? (dev only)

    python benchmarks/qe_training_lines.py [--qe-model DIR]

For NTREX dev lines 1-700, ru and kk: the model's mean 0-1 score and the share of pairs under
its ``major`` cut, for the lines it made synthetic training pairs of (1..N, N from the model's
``ntrex_train_lines`` option, 630 before it existed) and for the lines it never trained on.
Wilson intervals. Reads no held-out row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.intervals import wilson  # noqa: E402
from compare.qe.data import split_words  # noqa: E402
from compare.splits import NTREX_DEV_LINES, ntrex_lines  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--qe-model", default=None)
    args = parser.parse_args(argv)
    from compare.qe.predict import QEModel
    from compare.qe.train import NTREX_TRAIN_END

    qe = QEModel.load(args.qe_model)
    options = qe.config.metrics.get("options", {})
    trained = int(options.get("ntrex_train_lines", NTREX_TRAIN_END))
    cut = float(qe.config.thresholds["major"])
    english = ntrex_lines("en", NTREX_DEV_LINES)
    print(f"meaning model {qe.name}; trained on NTREX lines 1-{trained}; major cut {cut:.3f}")
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_DEV_LINES)
        pairs = zip(source, english, strict=True)
        results = qe.predict([(split_words(s), split_words(e)) for s, e in pairs])
        scores = np.array([qe.judge(r)[0] for r in results])
        for name, part in (("trained on", slice(0, trained)),
                           ("not trained on", slice(trained, NTREX_DEV_LINES.stop))):
            x = scores[part]
            under = int((x < cut).sum())
            low, high = wilson(under, len(x))
            print(f"  {lang} lines {part.start + 1}-{part.stop} ({name}): mean {x.mean():.3f}, "
                  f"under major {under} of {len(x)} ({under / len(x):.1%} [{low:.1%}, {high:.1%}])")
    return 0


if __name__ == "__main__":
    sys.exit(main())
