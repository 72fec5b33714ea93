"""Does the meaning model's confidence help the name check? Measured on the dev split only.

    python benchmarks/qe_name_demotion.py [--model DIR]

A major ``name-mismatch`` flag on a pair that the model scores at least T (and whose flagged
words it does not doubt) is demoted to minor (:mod:`compare.qe.evidence`). For several T this
prints, on dev data the model was not trained on (NTREX lines 631-700 ru-en and kk-en, and every
fifth even-position WMT22 document: the calibration split of ``compare.qe.train``):
- the share of faithful pairs with a major name flag (false alarms; lower is better), and
- the share of pairs with one English name swapped for another (synthetic, seeded) that keep a
  major name flag (recall; should not drop).
The chosen T goes into the model's ``config.json`` as ``thresholds.name_confident``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.qe_accuracy import detokenise, line_docs  # noqa: E402
from compare.checks import CheckContext, all_checks, run_checks  # noqa: E402
from compare.intervals import wilson  # noqa: E402
from compare.qe.data import ntrex_lines, split_words, wmt22_documents  # noqa: E402
from compare.qe.evidence import attach_qe  # noqa: E402
from compare.qe.predict import QEModel, estimate_pairs  # noqa: E402
from compare.qe.synthetic import synthetic_set  # noqa: E402
from compare.report import attach_flags  # noqa: E402
from compare.splits import NTREX_CALIBRATION_LINES, WMT22_CALIBRATION_EVERY  # noqa: E402

CANDIDATES = (None, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def dev_sets() -> list[tuple[str, list[tuple[list[str], list[str]]]]]:
    lines = NTREX_CALIBRATION_LINES  # 631-700
    english = ntrex_lines("en", lines)
    sets = []
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, lines)
        sets.append(
            (lang, [(split_words(s), split_words(e)) for s, e in zip(source, english, strict=True)])
        )
    wmt = [seg for position, doc in enumerate(wmt22_documents(0))
           if position % WMT22_CALIBRATION_EVERY == 0
           for seg in doc]  # fmt: skip
    sets.append(("ru", [(split_words(s), split_words(r)) for s, r in wmt]))
    return sets


def name_flags(texts, lang, model) -> list[list[tuple[float, bool]]]:
    """Per pair: (model score, flagged words doubted) of each major name flag."""
    source, target, links = line_docs(texts, lang)
    results = estimate_pairs(model, source, target, links)
    thresholds = {"qe_major": model.config.thresholds["major"],
                  "qe_critical": model.config.thresholds["critical"]}  # fmt: skip
    ctx = CheckContext(target, source, links, thresholds, qe=results)
    pairs = attach_flags(links, run_checks(ctx, all_checks()), source, target)
    attach_qe(pairs, results, model.name, thresholds)
    return [
        [(f.evidence["qe"]["score"], f.evidence["qe"]["words_doubted"]) for f in p.flags
         if f.check == "name-mismatch" and f.severity == "major"]
        for p in pairs
    ]  # fmt: skip


def still_flagged(flags: list[tuple[float, bool]], confident: float | None) -> bool:
    """What :func:`compare.qe.evidence.attach_qe` leaves major at this threshold."""
    return any(confident is None or score < confident or doubted for score, doubted in flags)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    model = QEModel.load(args.model)
    clean, swapped = [], []
    for lang, pairs in dev_sets():
        examples = synthetic_set(pairs, lang, seed=4242, kinds=("name",))
        for example in examples:
            text = (detokenise(example.source_words), detokenise(example.target_words))
            (clean if example.kind == "clean" else swapped).append((lang, text))
    print(f"dev: {len(clean)} faithful pairs, {len(swapped)} with a swapped name")
    print("T            faithful pairs with a major name flag   swapped names still flagged")
    found = [
        [flags for lang in ("ru", "kk")
         for flags in name_flags([t for lg, t in items if lg == lang], lang, model)]
        for items in (clean, swapped)
    ]  # fmt: skip
    for confident in CANDIDATES:
        rates = []
        for items, flags in zip((clean, swapped), found, strict=True):
            hits = sum(still_flagged(f, confident) for f in flags)
            low, high = wilson(hits, len(items))
            rates.append(f"{hits / len(items):.3f} [{low:.3f}, {high:.3f}]")
        print(f"{'off' if confident is None else confident:<12} {rates[0]:<40}{rates[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
