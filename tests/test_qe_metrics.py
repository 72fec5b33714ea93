"""Figures QE is judged by (compare.qe.metrics)."""

import pytest

from compare.qe.metrics import within_groups


def test_within_groups_reads_each_group_alone_and_skips_groups_without_an_order():
    x = [1, 2, 3, 1, 2, 3, 5, 5, 7, 8]
    y = [1, 2, 3, 3, 2, 1, 0, 1, 4, 4]  # a agrees, b disagrees, c and d have no order on a side
    groups = ["a"] * 3 + ["b"] * 3 + ["c"] * 2 + ["d"] * 2
    assert within_groups(x, y, groups) == (pytest.approx(0.0), 2)
    # Over all rows the two agree (the groups differ in level); inside them they do not.
    shifted = [v + 10 * (g == "a") for v, g in zip(x, groups, strict=True)]
    level = [v + 10 * (g == "a") for v, g in zip(y, groups, strict=True)]
    assert within_groups(shifted, level, groups, "kendall") == (pytest.approx(0.0), 2)
    assert within_groups(x[:3], y[:3], groups[:3], "kendall") == (pytest.approx(1.0), 1)
    assert within_groups([1.0], [2.0], ["a"]) == (0.0, 0)
