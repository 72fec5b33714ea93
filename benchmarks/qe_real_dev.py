"""Dev: several meaning models side by side on real errors and on synthetic recall by kind.

    python benchmarks/qe_real_dev.py --models compare/qe/weights,/tmp/other [--shared DIR]
        [--json OUT]

For each model folder (the first is the baseline of the paired differences) this prints:

- **TED unseen**: Spearman of the predicted z with minus the MQM penalty on the three MQM TED
  *training* talks (1, 4, 6; 289 segments x 15 translators). The shipped recipe does not train on
  TED (``--mqm-ted 0``), so for such a model these talks are the largest real-error dev set there
  is; a model trained with ``--mqm-ted 1`` is marked, as it has seen them. 95 % bootstrap over
  source segments, and the paired difference from the first model on the same resamples; and
  *within a segment*: the mean Spearman among the 15 translations of each English sentence
  (does the model tell a worse translation of one sentence from a better one?).
- **TED dev talk 3**, **WMT22 dev tau** (DA z of every MT output of the dev documents) and
  **news dev** (the WMT22 QE news annotations of NTREX lines 631-700): the training log's
  real-error dev figures (:func:`compare.qe.training_data.real_dev_sets`), here on the model as
  stored; WMT22 also within a segment (mean tau among the MT outputs of one source sentence).
- **Reference over MT** (WMT22 dev documents): the share of (professional reference, MT
  output) pairs of one source sentence where the model scores the reference higher, over all
  MT outputs and over those people scored below average (DA z < 0). The reference is no
  training pair of any model here; a model that reads free professional English as less
  faithful than literal MT (session 29) is under 0.5.
- **Post-edit over MT** (MLQE-PE ru-en ``dev``): the share of rows whose MT a person changed
  (HTER at least 0.1, and at least 0.3) where the model scores the human post-edit above the
  MT. MLQE-PE ``train`` trains every model here; its dev rows select the epoch, their
  post-edits train none. A model that tells a corrected translation from the one with errors
  is well above 0.5 (v3: 0.555).
- **Synthetic recall at 3 %** on the training command's synthetic dev split (NTREX 631-700 ru
  and kk, WMT22 dev references; seed 13): the cut is the 3rd percentile of the faithful pairs'
  z, and the recall is given overall and per kind of error.

Dev only: nothing held out is read. Why it exists: session 28 measured candidate models with a
throw-away script; every choice between meaning models needs the same table.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.qe.data import (  # noqa: E402
    Example,
    mqm_example,
    read_mqm_ted,
    split_words,
    wmt22_documents,
)
from compare.qe.metrics import kendall, spearman, within_groups  # noqa: E402
from compare.qe.predict import QEModel  # noqa: E402
from compare.qe.train import TrainOptions, data_for  # noqa: E402
from compare.qe.training_data import real_dev_sets  # noqa: E402
from compare.splits import MQM_TED_TRAIN_TALKS, WMT22_CALIBRATION_EVERY  # noqa: E402

FALSE_ALARM_RATE = 0.03
RESAMPLES = 1000


def predict_z(model: QEModel, examples: list[Example]) -> np.ndarray:
    pairs = [(e.source_words, e.target_words) for e in examples]
    return np.array([s.z for s in model.predict(pairs)])


def grouped_resamples(groups: list[tuple], resamples: int = RESAMPLES, seed: int = 0
                      ) -> list[np.ndarray]:  # fmt: skip
    """Row indices of ``resamples`` bootstrap draws over the distinct groups (source segments),
    the same draws for every model so that differences are paired."""
    by_group: dict[tuple, list[int]] = defaultdict(list)
    for row, group in enumerate(groups):
        by_group[group].append(row)
    members = list(by_group.values())
    rng = np.random.default_rng(seed)
    return [np.concatenate([members[g] for g in rng.integers(0, len(members), len(members))])
            for _ in range(resamples)]  # fmt: skip


def interval(values: list[float]) -> list[float]:
    low, high = np.percentile(values, [2.5, 97.5])
    return [round(float(low), 3), round(float(high), 3)]


def synthetic_recall(z: np.ndarray, examples: list[Example]) -> dict[str, float | int]:
    kinds = np.array([e.kind for e in examples])
    cut = float(np.quantile(z[kinds == "clean"], FALSE_ALARM_RATE))
    broken = kinds != "clean"
    out: dict[str, float | int] = {"all": round(float(np.mean(z[broken] < cut)), 3)}
    for kind in sorted(set(kinds[broken])):
        chosen = kinds == kind
        out[kind] = round(float(np.mean(z[chosen] < cut)), 3)
        out[f"n_{kind}"] = int(chosen.sum())
    return out


def reference_over_mt(model: QEModel, da: list[Example], human: list[float],
                      shared: str | None) -> dict[str, float]:  # fmt: skip
    """The share of (reference, MT output) pairs of one WMT22 dev source sentence where the
    model scores the reference higher: over all outputs, and over those with DA z < 0."""
    references = {" ".join(split_words(source)): split_words(reference)
                  for position, document in enumerate(wmt22_documents(0, shared))
                  if position % WMT22_CALIBRATION_EVERY == 0
                  for source, reference in document}  # fmt: skip
    keys = sorted({" ".join(e.source_words) for e in da} & set(references))
    ref_z = dict(zip(keys, predict_z(model, [
        Example(k.split(" "), references[k], None, [], [], "ru", "clean") for k in keys]),
        strict=True))  # fmt: skip
    mt_z = predict_z(model, da)
    wins = [(ref_z[k] > z, h < 0) for e, z, h in zip(da, mt_z, human, strict=True)
            if (k := " ".join(e.source_words)) in ref_z]
    return {"all": round(float(np.mean([w for w, _ in wins])), 3),
            "poor": round(float(np.mean([w for w, poor in wins if poor])), 3)}


def post_edit_over_mt(model: QEModel, shared: str | None) -> dict[str, float | int]:
    """The share of MLQE-PE dev rows whose MT was changed where the model scores the human
    post-edit above the MT: HTER at least :data:`compare.qe.data.POST_EDIT_MIN_HTER`, and at
    least 0.3."""
    from compare.qe.data import POST_EDIT_MIN_HTER, mlqe_rows

    rows = [row for row in mlqe_rows("dev", shared) if float(row["hter"]) >= POST_EDIT_MIN_HTER]

    def side(column: str) -> list[Example]:
        return [Example(row["src_tok"].split(), row[column].split(), None, [], [])
                for row in rows]  # fmt: skip

    better = predict_z(model, side("pe")) > predict_z(model, side("mt_tok"))
    heavy = np.array([float(row["hter"]) >= 0.3 for row in rows])
    return {"changed": round(float(better.mean()), 3), "n": len(rows),
            "heavily": round(float(better[heavy].mean()), 3), "n_heavily": int(heavy.sum())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", required=True, help="comma-separated model folders")
    parser.add_argument("--shared", default=None, help="the shared corpora folder")
    parser.add_argument("--json", default=None, help="write the figures here too")
    args = parser.parse_args(argv)
    folders = [m for m in args.models.split(",") if m]
    ted = read_mqm_ted(MQM_TED_TRAIN_TALKS, args.shared)
    ted_examples = [mqm_example(s) for s in ted]
    ted_human = np.array([-s.penalty for s in ted])
    groups = [(s.talk, s.segment) for s in ted]
    draws = grouped_resamples(groups)
    real = real_dev_sets(args.shared)
    _, _, synthetic = data_for(TrainOptions(seed=13), args.shared)
    results, baseline = [], None
    for folder in folders:
        model = QEModel.load(folder)
        options = (model.config.metrics or {}).get("options", {})
        z = predict_z(model, ted_examples)
        boot = [spearman(z[rows], ted_human[rows]) for rows in draws]
        row: dict = {
            "model": folder,
            "ted_unseen": round(spearman(z, ted_human), 3),
            "ted_unseen_ci": interval(boot),
            "ted_seen_in_training": bool(options.get("mqm_ted", False)),
        }
        row["ted_unseen_within"] = round(within_groups(z, ted_human, groups)[0], 3)
        if baseline is None:
            baseline = boot
        else:
            row["ted_unseen_diff_ci"] = interval([a - b for a, b in zip(boot, baseline,
                                                                        strict=True)])  # fmt: skip
        for name, (examples, human) in real.items():
            predicted = predict_z(model, examples)
            row[name] = round(kendall(predicted, human) if name == "wmt22"
                              else spearman(predicted, np.array(human)), 3)  # fmt: skip
            if name == "wmt22":  # the translations of one source sentence, among themselves
                sources = [" ".join(e.source_words) for e in examples]
                row["wmt22_within"] = round(within_groups(predicted, human, sources,
                                                          "kendall")[0], 3)  # fmt: skip
                row["reference_over_mt"] = reference_over_mt(model, examples, human, args.shared)
        row["post_edit_over_mt"] = post_edit_over_mt(model, args.shared)
        row["synthetic_recall"] = synthetic_recall(predict_z(model, synthetic), synthetic)
        print(json.dumps(row), flush=True)
        results.append(row)
    kinds = [k for k in results[0]["synthetic_recall"] if not k.startswith("n_")]
    print("\n| model | TED unseen (1, 4, 6) | paired diff | within a segment | TED talk 3 | "
          "WMT22 tau | within a segment | reference over MT (all, DA z < 0) | "
          "post-edit over MT (HTER >= 0.1, >= 0.3) | news dev | "
          + " | ".join(f"recall {k}" for k in kinds) + " |")  # fmt: skip
    print("|" + "---|" * (10 + len(kinds)))
    for row in results:
        seen = " (seen)" if row["ted_seen_in_training"] else ""
        print(f"| {row['model']} | {row['ted_unseen']:.3f} {row['ted_unseen_ci']}{seen} | "
              f"{row.get('ted_unseen_diff_ci', '')} | {row['ted_unseen_within']:.3f} | "
              f"{row['ted']:.3f} | {row['wmt22']:.3f} | {row['wmt22_within']:.3f} | "
              f"{row['reference_over_mt']['all']:.3f}, {row['reference_over_mt']['poor']:.3f} | "
              f"{row['post_edit_over_mt']['changed']:.3f}, "
              f"{row['post_edit_over_mt']['heavily']:.3f} | "
              f"{row['news']:.3f} | "
              + " | ".join(f"{row['synthetic_recall'][k]:.3f}" for k in kinds) + " |")
    counts = {k[2:]: v for k, v in results[0]["synthetic_recall"].items() if k.startswith("n_")}
    print(f"synthetic errors by kind: {counts}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
