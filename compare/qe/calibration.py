"""Per-language sentence thresholds: the meaning model's Kazakh scores on their own scale.

The model learned Russian from human-rated MT and Kazakh from synthetic errors only, so it is
less sure of faithful Kazakh: on the same English sentences (NTREX lines 631-700, dev, never
trained on) a professional Kazakh translation scores about 0.06 lower than the professional
Russian one. One threshold for both languages therefore flags faithful Kazakh pairs about twice
as often as Russian ones. The offset is measured pairwise, on the same English lines, so that
it reflects the language and not the sentences: ``major_kk = major + median(kk - ru)``, and the
same for ``critical``. Russian keeps the thresholds of :func:`compare.qe.train.calibrate`.

``python -m compare.qe calibrate-languages [--model DIR]`` adds the Kazakh thresholds to an
existing model's ``config.json``; training does it too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from compare.qe.data import NTREX_DEV_LINES, ntrex_lines, split_words

# The dev lines that train.py keeps out of training (synthetic dev errors are made from them).
CALIBRATION_LINES = range(630, NTREX_DEV_LINES.stop)
OTHER_LANGUAGES = ("kk",)


def pair_scores(model: Any, lang: str, lines: range, shared: Any = None) -> np.ndarray:
    """The model's 0-1 scores of the professional NTREX translations on ``lines``."""
    english = ntrex_lines("en", lines, shared)
    source = ntrex_lines(lang, lines, shared)
    predicted = model.predict([(split_words(s), split_words(e))
                               for s, e in zip(source, english, strict=True)])  # fmt: skip
    return np.array([model.judge(p)[0] for p in predicted])


def language_offsets(model: Any, shared: Any = None,
                     lines: range = CALIBRATION_LINES) -> dict[str, float]:  # fmt: skip
    """Median score difference, language minus Russian, over the same English lines."""
    russian = pair_scores(model, "ru", lines, shared)
    return {lang: float(np.median(pair_scores(model, lang, lines, shared) - russian))
            for lang in OTHER_LANGUAGES}  # fmt: skip


def language_thresholds(thresholds: dict[str, float],
                        offsets: dict[str, float]) -> dict[str, float]:  # fmt: skip
    """``major_<lang>`` and ``critical_<lang>`` from the Russian ones and the offsets."""
    out = {}
    for lang, offset in offsets.items():
        for kind in ("major", "critical"):
            if kind in thresholds:
                out[f"{kind}_{lang}"] = float(thresholds[kind]) + offset
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from compare.qe.model import CONFIG_FILE, SHIPPED_MODEL_DIR
    from compare.qe.predict import QEModel

    parser = argparse.ArgumentParser(prog="python -m compare.qe calibrate-languages",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.add_argument("--model", default=str(SHIPPED_MODEL_DIR), help="the model's folder")
    parser.add_argument("--shared", default=None, help="the shared corpora folder")
    args = parser.parse_args(argv)
    model = QEModel.load(args.model)
    offsets = language_offsets(model, args.shared)
    path = Path(args.model) / CONFIG_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["thresholds"].update(language_thresholds(data["thresholds"], offsets))
    data.setdefault("metrics", {})["language_offsets"] = {k: round(v, 4)
                                                          for k, v in offsets.items()}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"offsets {offsets}; thresholds now {data['thresholds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
