"""The figures QE is judged by: Pearson r, Kendall tau, word-level MCC, recall; their
intervals come from :mod:`compare.intervals`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    from scipy.stats import spearmanr

    value = spearmanr(x, y).statistic
    return 0.0 if value != value else float(value)  # NaN when a side is constant


def kendall(x: Sequence[float], y: Sequence[float]) -> float:
    from scipy.stats import kendalltau

    value = kendalltau(x, y).statistic
    return 0.0 if value != value else float(value)  # NaN when a side is constant


def mcc(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Matthews correlation of binary labels (1 = BAD)."""
    g, p = np.asarray(gold, dtype=bool), np.asarray(predicted, dtype=bool)
    tp, tn = float(np.sum(g & p)), float(np.sum(~g & ~p))
    fp, fn = float(np.sum(~g & p)), float(np.sum(g & ~p))
    denominator = np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return 0.0 if denominator == 0 else float((tp * tn - fp * fn) / denominator)


def best_threshold(gold: Sequence[int], probability: Sequence[float]) -> tuple[float, float]:
    """The BAD-probability threshold with the highest MCC (for calibration on dev only)."""
    prob = np.asarray(probability)
    candidates = np.unique(np.quantile(prob, np.linspace(0.5, 0.99, 50)))
    scored = [(mcc(gold, prob >= t), float(t)) for t in candidates]
    value, threshold = max(scored)
    return threshold, value


def within_groups(x: Sequence[float], y: Sequence[float], groups: Sequence[object],
                  method: str = "spearman") -> tuple[float, int]:  # fmt: skip
    """The mean over groups (say, the translations of one source sentence) of the correlation of
    ``x`` with ``y`` inside each group, and how many groups had one (both sides varying): how
    well ``x`` tells a better translation of one sentence from a worse one, which a correlation
    over all rows mixes with how hard each sentence is (and how long)."""
    from collections import defaultdict

    from scipy.stats import kendalltau, spearmanr

    statistic = spearmanr if method == "spearman" else kendalltau
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    members: dict[object, list[int]] = defaultdict(list)
    for row, group in enumerate(groups):
        members[group].append(row)
    values = []
    for rows in members.values():
        if len(rows) < 2 or np.ptp(x[rows]) == 0 or np.ptp(y[rows]) == 0:
            continue  # no order to agree with inside this group
        value = float(statistic(x[rows], y[rows]).statistic)
        if value == value:  # not NaN
            values.append(value)
    return (float(np.mean(values)) if values else 0.0), len(values)
