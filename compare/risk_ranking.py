"""The ranking part of the risk (``pairs[].risk``, "Read these first"), fitted on real errors:

    python -m compare.risk_ranking [--qe-model DIR] [--risk-model FILE] [--shared DIR]
        [--inputs qe_low[,log_chars]] [--level professional|ted]

refits only the ``ranking`` entry of ``compare/risk_model.json`` (the evidence weights and the
severity thresholds, some set by hand, stay as they are) and prints its dev figures.

What the risk ranks: P(the pair holds a severe error), a major or critical error other than
punctuation as MQM annotators mark them, from the meaning model's score (``qe_low`` = 1 - score)
and the pair's length (``log_chars``, the log of its characters on both sides plus one): a
longer pair holds more words that can be wrong, and on the MQM TED talks no meaning model
trained on, and on the news annotations of NTREX 631-700, score and length rank severe errors
better than either alone (``benchmarks/README.md``, sessions 29 and 30). The meaning score
(``pairs[].qe.score``) is length-free either way.

The level is professional text's. TED's translations are mostly MT, with a severe error in four
segments of ten (its professional one: 1.5 %), and at TED's level ordinary long sentences of a
professional translation reached the 50 % floor of "Read these first" (session 29). So the
slopes are TED's, and the bias is lowered until at most :data:`LEVEL_SHARE` of any professional
dev set reaches that floor by the ranking alone (:func:`professional_level`); the order of
pairs, and so every rank correlation below, is the same either way. A pair of a machine
translation is then shown a lower probability than TED's base rate would give it: the risk
orders, and a flag with its evidence says what is wrong.

Fitted on (dev only): the MQM TED talks the meaning model did not train on (the dev talk, and the
training talks when the model was trained without TED, as the shipped one is), all 15
translators, roles swapped; every pair is scored by the meaning model alone (the rule flags do
not enter the ranking). Held-out talks are never read (:mod:`compare.splits`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from compare.report import READ_FIRST_FLOOR
from compare.risk import RISK_MODEL_FILE, RiskModel, log_chars

LENGTH_INPUTS = ("qe_low", "log_chars")
RANKING_INPUTS = LENGTH_INPUTS
"""The shipped ranking's inputs: the meaning score and the pair's length (session 30). Fitted on
TED alone, this ranking lifted ordinary long sentences of a professional translation over the
50 % floor of "Read these first" (5 of 40 NTREX dev lines: session 29), so its level is set on
professional text (:data:`LEVEL_SHARE`); ``--inputs qe_low`` refits the score alone."""
LEVEL_SHARE = 0.01
"""At most this share of the pairs of any professional dev set (:func:`professional_dev_pairs`)
may reach the 50 % floor of "Read these first" by the ranking alone: the fitted slopes stay, the
bias is lowered in :data:`LEVEL_STEP` steps until it holds (``--level ted`` keeps TED's)."""
LEVEL_STEP = 0.05
HUMAN_SYSTEM = "ref.A"
"""The professional translation among the MQM TED translators."""


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0
                 ) -> tuple[np.ndarray, float]:  # fmt: skip
    """Weighted L2-penalised logistic regression (the bias is not penalised)."""
    from scipy.optimize import minimize

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ theta[:-1] + theta[-1]
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-9
        value = -np.sum(w * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        value += 0.5 * l2 * float(theta[:-1] @ theta[:-1])
        grad_z = w * (p - y)
        grad = np.append(x.T @ grad_z + l2 * theta[:-1], grad_z.sum())
        return float(value), grad

    start = np.zeros(x.shape[1] + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return result.x[:-1], float(result.x[-1])


def fit_ranking(rows: Sequence[dict[str, float]], labels: Sequence[int],
                inputs: Sequence[str] = RANKING_INPUTS, fitted_on: str = "ted",
                ) -> dict[str, Any]:  # fmt: skip
    """The ranking entry of the risk model: a logistic of ``inputs`` (keys of each row, as
    :func:`compare.risk.pair_features` makes them) for P(severe error)."""
    x = np.array([[row[name] for name in inputs] for row in rows], dtype=float)
    coef, bias = fit_logistic(x, np.array(labels, dtype=float), np.ones(len(labels)), l2=0.01)
    return {"weights": {name: round(float(c), 6) for name, c in zip(inputs, coef, strict=True)},
            "bias": round(bias, 6), "fitted_on": fitted_on}  # fmt: skip


def professional_dev_pairs(shared: Any = None) -> dict[str, list[tuple[str, str]]]:
    """(source, English) pairs of the professional translations of the dev split: WMT22
    references of the even documents, NTREX lines 1-700 ru and kk, and Tatoeba kk-en (short
    human pairs). The human translation of the fitted TED talks is added by the caller."""
    from compare.qe.data import wmt22_documents
    from compare.splits import NTREX_DEV_LINES, ntrex_lines, tatoeba_kk_pairs

    english = ntrex_lines("en", NTREX_DEV_LINES, shared)
    sets = {"wmt22 references, even documents":
            [seg for doc in wmt22_documents(0, shared) for seg in doc]}
    for lang in ("ru", "kk"):
        source = ntrex_lines(lang, NTREX_DEV_LINES, shared)
        sets[f"ntrex {lang} 1-700"] = list(zip(source, english, strict=True))
    sets["tatoeba kk-en"] = tatoeba_kk_pairs(shared)
    return sets  # fmt: skip


def over_floor(entry: dict[str, Any], rows: Sequence[dict[str, float]],
               floor: float = READ_FIRST_FLOOR) -> float:  # fmt: skip
    """The share of ``rows`` whose ranking probability under ``entry`` reaches ``floor``."""
    from compare.risk import probability

    bias = float(entry["bias"])
    return sum(probability(r, entry["weights"], bias) >= floor for r in rows) / max(len(rows), 1)


def professional_level(entry: dict[str, Any], sets: dict[str, Sequence[dict[str, float]]],
                       share: float = LEVEL_SHARE) -> dict[str, Any]:  # fmt: skip
    """``entry`` with its bias lowered (in :data:`LEVEL_STEP` steps, slopes kept) until no set of
    ``sets`` has more than ``share`` of its pairs at the 50 % floor; records the shift and each
    set's share before and after."""
    level = dict(entry)
    before = {name: round(over_floor(entry, rows), 4) for name, rows in sets.items()}
    steps = 0
    while max(over_floor(level, rows) for rows in sets.values()) > share and steps < 200:
        steps += 1
        level["bias"] = round(float(entry["bias"]) - steps * LEVEL_STEP, 6)
    level["level"] = {"fitted_bias": entry["bias"], "shift": round(-steps * LEVEL_STEP, 4),
                      "share_allowed": share, "over_floor_before": before,
                      "over_floor_after": {name: round(over_floor(level, rows), 4)
                                           for name, rows in sets.items()}}  # fmt: skip
    return level


def ranking_talks(qe_model: Any) -> tuple[str, ...]:
    """The MQM TED talks the ranking is fitted on: the dev talk, and the training talks unless
    the meaning model trained on them (``--mqm-ted 1``)."""
    from compare.splits import MQM_TED_DEV_TALKS, MQM_TED_TRAIN_TALKS

    options = ((getattr(qe_model.config, "metrics", None) or {}).get("options") or {})
    return MQM_TED_DEV_TALKS + (() if options.get("mqm_ted") else MQM_TED_TRAIN_TALKS)


def model_rows(qe_model: Any, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    """The ranking inputs of (source, English) pairs from the meaning model alone."""
    from compare.qe.data import split_words

    scores = qe_model.predict([(split_words(s), split_words(e)) for s, e in pairs])
    return [{"qe_low": 1.0 - qe_model.judge(item)[0], "log_chars": log_chars(len(s), len(e))}
            for item, (s, e) in zip(scores, pairs, strict=True)]  # fmt: skip


def ranking_entry(qe_model: Any, shared: Any = None, command: str = "",
                  inputs: Sequence[str] = RANKING_INPUTS, level: str = "professional",
                  ) -> dict[str, Any]:  # fmt: skip
    """The ranking entry fitted for ``qe_model`` (see the module docstring), its level set on
    professional dev text unless ``level`` is ``"ted"`` (:func:`professional_level`), with its
    dev figures: Spearman with the MQM penalty in-sample, across talks (fitted on the others,
    measured on one), and on the news annotations of NTREX 631-700 (another domain, never
    fitted), for the score alone, length alone and both."""
    from compare.detokenise import detokenise
    from compare.qe.data import read_mqm_news, read_mqm_ted
    from compare.qe.metrics import spearman
    from compare.risk import probability
    from compare.splits import NTREX_CALIBRATION_LINES

    talks = ranking_talks(qe_model)
    segments = read_mqm_ted(talks, shared)
    rows = model_rows(qe_model, [(s.russian, s.english) for s in segments])
    severe = [int(s.severe) for s in segments]
    penalty = [s.penalty for s in segments]
    ranking = fit_ranking(rows, severe, inputs, fitted_on="ted " + ",".join(talks))
    if level == "professional":
        sets = {name: model_rows(qe_model, pairs)
                for name, pairs in professional_dev_pairs(shared).items()}  # fmt: skip
        sets["ted human translation, fitted talks"] = [
            row for row, s in zip(rows, segments, strict=True) if s.system == HUMAN_SYSTEM]
        ranking = professional_level(ranking, sets)

    def risks(entry: dict[str, Any], items: list[dict[str, float]]) -> list[float]:
        return [probability(r, entry["weights"], float(entry["bias"])) for r in items]

    news = read_mqm_news(NTREX_CALIBRATION_LINES, shared)
    news_rows = model_rows(qe_model, [(detokenise(e.source_words), detokenise(e.target_words))
                                      for e in news])  # fmt: skip
    news_bad = [-(e.z or 0.0) for e in news]
    figures: dict[str, Any] = {}
    for label, inputs in (("score", ("qe_low",)), ("length", ("log_chars",)),
                          ("score_and_length", LENGTH_INPUTS)):  # fmt: skip
        entry = fit_ranking(rows, severe, inputs)
        figures[f"ted_in_sample_{label}"] = round(spearman(risks(entry, rows), penalty), 4)
        figures[f"news_dev_{label}"] = round(spearman(risks(entry, news_rows), news_bad), 4)
        for held in talks if len(talks) > 1 else ():
            fit = [i for i, s in enumerate(segments) if s.talk != held]
            test = [i for i, s in enumerate(segments) if s.talk == held]
            part = fit_ranking([rows[i] for i in fit], [severe[i] for i in fit], inputs)
            figures[f"ted_{held}_from_others_{label}"] = round(spearman(
                risks(part, [rows[i] for i in test]), [penalty[i] for i in test]), 4)
    ranking["dev_figures"] = figures
    ranking["command"] = command or "python -m compare.risk_ranking"
    return ranking


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.risk_ranking", description=__doc__)
    parser.add_argument("--qe-model", default=None, help="meaning model folder (default: shipped)")
    parser.add_argument("--risk-model", default=str(RISK_MODEL_FILE))
    parser.add_argument("--shared", default=None)
    parser.add_argument("--inputs", default=",".join(RANKING_INPUTS),
                        help="comma-separated, of qe_low and log_chars")
    parser.add_argument("--level", choices=("professional", "ted"), default="professional",
                        help="where the ranking's level is set (see LEVEL_SHARE)")
    args = parser.parse_args(argv)
    inputs = [name for name in args.inputs.split(",") if name]
    if not inputs or set(inputs) - set(LENGTH_INPUTS):
        parser.error("--inputs takes qe_low and/or log_chars")

    from compare.qe.predict import QEModel

    qe_model = QEModel.load(args.qe_model)
    command = "python -m compare.risk_ranking" + (
        f" --qe-model {args.qe_model}" if args.qe_model else "")
    command += f" --inputs {args.inputs} --level {args.level}"
    model = RiskModel.load(args.risk_model)
    model.ranking = ranking_entry(qe_model, args.shared, command, inputs, args.level)
    Path(args.risk_model).write_text(
        json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(model.ranking, indent=1))
    print(f"saved to {args.risk_model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
