"""The figures QE is judged by: Pearson r, Kendall tau, word-level MCC, recall, each with a
seeded bootstrap 95 % interval (resampling segments)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


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


def bootstrap(
    statistic: Callable[[np.ndarray], float],
    n: int,
    resamples: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """95 % percentile interval of ``statistic(indices)`` over resampled segment indices."""
    rng = np.random.default_rng(seed)
    values = [statistic(rng.integers(0, n, n)) for _ in range(resamples)]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def wilson(successes: int, n: int) -> tuple[float, float]:
    """Wilson 95 % interval of a proportion."""
    if n == 0:
        return 0.0, 1.0
    z = 1.959964
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, float(centre - half)), min(1.0, float(centre + half))
