"""Per-check thresholds of the severity decision, searched again for another meaning model.

The shipped thresholds (``compare/risk_model.json``, ``needed_risk``) were chosen on one meaning
model's scores; a retrained model flags more or fewer faithful pairs under them, so its recall
cannot be read against the shipped model's at face value (``benchmarks/README.md``, session
34). :func:`coordinate_search` moves one threshold at a time over a grid, keeping a move only
when the faithful pairs that keep a major flag stay within a budget (the shipped model's count)
and the mean recall over the error kinds rises; two rounds over the keys. :func:`cross_fitted`
fits on one half of the rows and judges on the other, both ways, so that what the search learns
of its own rows is not read as the model's merit.

Written here rather than taken from ``scipy.optimize``: the objective is a count of decided
flags under a constraint on another count, a step function of the thresholds with no gradient,
and the decision itself (:func:`compare.risk.decide_severity`) is the caller's ``keeps``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

GRID = tuple(round(0.05 * step, 2) for step in range(21)) + (1.01,)
"""Thresholds tried for each key: 0 to 1 by 0.05, and 1.01 (the flag never stays major)."""

Item = tuple[str, Any]
"""(kind: ``faithful`` or an error kind, the pair as ``keeps`` reads it)."""
Keeps = Callable[[Any, dict[str, float]], bool]
"""Whether a pair keeps a major flag under the given thresholds."""


@dataclass
class Outcome:
    """Faithful pairs that keep a major flag, and the recall of each error kind."""

    false_alarms: int
    recall: dict[str, float]

    @property
    def mean_recall(self) -> float:
        return sum(self.recall.values()) / len(self.recall) if self.recall else 0.0


def outcome(items: Sequence[Item], keeps: Keeps, needed: dict[str, float],
            kinds: Sequence[str]) -> Outcome:  # fmt: skip
    """What ``needed`` decides on ``items``; recall of each of ``kinds`` (0 for a kind absent)."""
    false_alarms, kept, total = 0, Counter(), Counter()
    for kind, pair in items:
        if kind == "faithful":
            false_alarms += keeps(pair, needed)
        elif kind in kinds:
            kept[kind] += keeps(pair, needed)
            total[kind] += 1
    return Outcome(false_alarms, {k: kept[k] / total[k] if total[k] else 0.0 for k in kinds})


def _merit(result: Outcome, budget: int) -> tuple[int, float]:
    """Within budget first, then the more recall; over it, the fewer false alarms."""
    if result.false_alarms <= budget:
        return (1, round(result.mean_recall, 9))
    return (0, -float(result.false_alarms))


def coordinate_search(items: Sequence[Item], keeps: Keeps, start: dict[str, float],
                      keys: Sequence[str], budget: int, kinds: Sequence[str],
                      grid: Sequence[float] = GRID, rounds: int = 2,
                      ) -> dict[str, float]:  # fmt: skip
    """Thresholds from ``start`` with the keys of ``keys`` moved over ``grid``, one at a time, each
    move kept when the faithful pairs keeping a major flag stay within ``budget`` and the mean
    recall over ``kinds`` rises. From a start over budget, moves that flag fewer faithful pairs
    are kept first, until one is within it."""
    needed = dict(start)
    best = _merit(outcome(items, keeps, needed, kinds), budget)
    for _ in range(rounds):
        for key in keys:
            for value in grid:
                if needed.get(key) == value:
                    continue
                trial = {**needed, key: value}
                merit = _merit(outcome(items, keeps, trial, kinds), budget)
                if merit > best:
                    best, needed = merit, trial
    return needed


def cross_fitted(halves: tuple[Sequence[Item], Sequence[Item]], keeps: Keeps,
                 start: dict[str, float], keys: Sequence[str], budgets: tuple[int, int],
                 kinds: Sequence[str]) -> tuple[Outcome, list[dict[str, float]]]:  # fmt: skip
    """Fit on each half within its budget, judge on the other; the two judged halves summed
    (false alarms) and averaged (recall), and the two fitted settings."""
    judged, fitted = [], []
    for fit_on in (0, 1):
        needed = coordinate_search(halves[fit_on], keeps, start, keys, budgets[fit_on], kinds)
        fitted.append(needed)
        judged.append(outcome(halves[1 - fit_on], keeps, needed, kinds))
    recall = {k: (judged[0].recall[k] + judged[1].recall[k]) / 2 for k in kinds}
    return Outcome(judged[0].false_alarms + judged[1].false_alarms, recall), fitted
