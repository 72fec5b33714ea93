"""Thresholds searched again for another model (compare.threshold_search)."""

from compare.threshold_search import GRID, coordinate_search, cross_fitted, outcome


def keeps(pair: tuple[str, float], needed: dict[str, float]) -> bool:
    """A toy decision: the pair's flag (its check) stays major when its risk reaches the check's
    threshold."""
    check, risk = pair
    return risk >= needed[check]


# Name flags: errors at risk 0.3-0.5, faithful pairs at 0.2-0.35. Number flags: errors at 0.6-0.8,
# faithful pairs at 0.1 and 0.65, so that lowering their threshold under 0.65 costs a false alarm.
ITEMS = ([("name", ("name", r)) for r in (0.3, 0.4, 0.5)]
         + [("faithful", ("name", r)) for r in (0.2, 0.35)]
         + [("number", ("number", r)) for r in (0.6, 0.7, 0.8)]
         + [("faithful", ("number", r)) for r in (0.1, 0.65)])  # fmt: skip
KINDS = ("name", "number")
START = {"name": 0.45, "number": 0.9}


def test_outcome_counts_false_alarms_and_recall_by_kind():
    result = outcome(ITEMS, keeps, START, KINDS)
    assert result.false_alarms == 0
    assert result.recall == {"name": 1 / 3, "number": 0.0}
    assert abs(result.mean_recall - 1 / 6) < 1e-9


def test_the_search_raises_recall_within_the_budget_as_far_as_any_setting_does():
    needed = coordinate_search(ITEMS, keeps, START, ("name", "number"), budget=1, kinds=KINDS)
    result = outcome(ITEMS, keeps, needed, KINDS)
    assert result.false_alarms <= 1
    assert result.mean_recall > outcome(ITEMS, keeps, START, KINDS).mean_recall
    # Every pair of grid values, for the best that one false alarm allows: one is spent on the
    # names (0.3 catches all three) or on the numbers (0.6 catches all three), not on both.
    feasible = [outcome(ITEMS, keeps, {"name": a, "number": b}, KINDS)
                for a in GRID for b in GRID]  # fmt: skip
    best = max(o.mean_recall for o in feasible if o.false_alarms <= 1)
    assert abs(result.mean_recall - best) < 1e-9
    assert min(result.recall.values()) < 1.0


def test_a_budget_of_nothing_keeps_every_faithful_pair_unflagged():
    needed = coordinate_search(ITEMS, keeps, START, ("name", "number"), budget=0, kinds=KINDS)
    assert outcome(ITEMS, keeps, needed, KINDS).false_alarms == 0
    assert needed["number"] > 0.65 and needed["name"] > 0.35


def test_keys_left_out_of_the_search_stay_as_they_were():
    needed = coordinate_search(ITEMS, keeps, START, ("name",), budget=5, kinds=KINDS)
    assert needed["number"] == START["number"]
    assert needed["name"] in GRID


def test_a_start_over_budget_moves_to_a_setting_within_it():
    # Four faithful pairs flagged; no single threshold brings it to none, two moves do.
    over = {"name": 0.0, "number": 0.0}
    assert outcome(ITEMS, keeps, over, KINDS).false_alarms == 4
    needed = coordinate_search(ITEMS, keeps, over, ("name", "number"), budget=0, kinds=KINDS)
    result = outcome(ITEMS, keeps, needed, KINDS)
    assert result.false_alarms == 0
    assert result.recall == {"name": 2 / 3, "number": 2 / 3}  # the best that none allows


def test_cross_fitting_judges_each_half_by_the_other_halfs_fit():
    # The second half's faithful number pair sits where the first half's errors are: a threshold
    # fitted on the first half flags it, which the cross-fitted count shows.
    first = [("number", ("number", 0.6)), ("faithful", ("number", 0.1))]
    second = [("number", ("number", 0.9)), ("faithful", ("number", 0.6))]
    judged, fitted = cross_fitted((first, second), keeps, {"number": 1.01}, ("number",), (0, 0),
                                  ("number",))  # fmt: skip
    assert fitted[0]["number"] <= 0.6 and fitted[1]["number"] > 0.6
    assert judged.false_alarms == 1
    assert judged.recall["number"] == 0.5
