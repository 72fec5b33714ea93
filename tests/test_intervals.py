"""The project's one home for intervals: Wilson by scipy, a seeded bootstrap."""

from __future__ import annotations

import math

import numpy as np
import pytest

from compare.intervals import bootstrap, wilson


def test_wilson_matches_the_score_interval_formula() -> None:
    k, n, z = 7, 40, 1.959964
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert wilson(k, n) == pytest.approx((centre - half, centre + half), abs=1e-6)
    assert wilson(0, 0) == (0.0, 1.0)
    low, high = wilson(0, 25)
    assert low == 0.0 and 0.1 < high < 0.2


def test_bootstrap_is_seeded_and_brackets_the_mean() -> None:
    values = np.random.default_rng(3).normal(5.0, 1.0, 200)
    first = bootstrap(lambda idx: float(values[idx].mean()), len(values), 500, seed=1)
    assert first == bootstrap(lambda idx: float(values[idx].mean()), len(values), 500, seed=1)
    assert first[0] < values.mean() < first[1] and first[1] - first[0] < 0.5
