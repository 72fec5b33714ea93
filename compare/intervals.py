"""The 95 % intervals every figure of this project is reported with, in one place.

A proportion (a recall, a false-alarm rate) gets the Wilson score interval, computed by
``scipy.stats.binomtest``; a statistic of many segments (a correlation, an F1) gets a seeded
percentile bootstrap over resampled indices. Corpus figures resample whole documents instead
(:func:`compare.corpus.stats.bootstrap_sums`), because sentences of one article are not
independent.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.stats import binomtest


def wilson(successes: int, n: int) -> tuple[float, float]:
    """Wilson 95 % interval of the proportion ``successes / n`` ((0, 1) when n is 0)."""
    if n <= 0:
        return 0.0, 1.0
    ci = binomtest(int(successes), int(n)).proportion_ci(confidence_level=0.95, method="wilson")
    return float(ci.low), float(ci.high)


def bootstrap(
    statistic: Callable[[np.ndarray], float],
    n: int,
    resamples: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """95 % percentile interval of ``statistic(indices)`` over resampled indices 0..n-1."""
    rng = np.random.default_rng(seed)
    values = [statistic(rng.integers(0, n, n)) for _ in range(resamples)]
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)
