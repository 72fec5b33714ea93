"""Group comparisons: differences with intervals, permutation p-values, pairing by source
article, Holm's correction and the small-sample note, on hand-made documents."""

from __future__ import annotations

import numpy as np
import pytest

from compare.corpus.comparisons import (
    MIN_PAIRED,
    compare_groups,
    differences_csv,
    format_differences,
    holm,
)
from compare.corpus.stats import MIN_DOCUMENTS, DocFigures, format_table, group_stats
from compare.errors import InputError


def _doc(doc_id: str, outlet: str, sentences: int, serious: int, source: str = "",
         omitted: int = 0) -> DocFigures:
    flags = {"total": serious, "critical+major": serious, "severity:major": serious,
             "category:omission": serious, "serious:omission": serious}
    return DocFigures(doc_id, {"outlet": [outlet], "source_lang": ["ru"], "tag": ["(none)"],
                               "month": ["2024-05"]},
                      sentences, sentences, omitted, 0, 0.9 * sentences, sentences, flags,
                      source_key=source)


def _group(outlet: str, rates: list[int], sentences: int = 100, shared: bool = False
           ) -> list[DocFigures]:
    return [_doc(f"{outlet}{i}", outlet, sentences, r, source=f"art{i}" if shared else "")
            for i, r in enumerate(rates)]


def test_holm_matches_the_step_down_by_hand() -> None:
    # Sorted: 0.01 x 3 = 0.03; 0.03 x 2 = 0.06; 0.04 x 1 = 0.04 -> kept at 0.06 (monotone).
    assert holm([0.01, 0.04, 0.03, None]) == pytest.approx([0.03, 0.06, 0.06, None])
    assert holm([0.5, 0.9]) == [1.0, 1.0]  # capped at 1
    assert holm([]) == []


def test_a_clear_difference_is_found_and_no_difference_is_not() -> None:
    a = _group("A", [9, 11, 10, 12, 8, 10, 11, 9, 10, 12])
    b = _group("B", [2, 3, 1, 2, 3, 2, 1, 2, 3, 2])
    c = _group("C", [10, 9, 11, 12, 9, 10, 8, 11, 12, 10])
    diffs = {(d.group_a, d.group_b): d for d in compare_groups(a + b + c, resamples=500,
                                                                 permutations=500)}
    ab = diffs[("A", "B")]
    assert ab.value_a == pytest.approx(10.2) and ab.value_b == pytest.approx(2.1)
    assert ab.difference.value == pytest.approx(8.1)
    assert 0 < ab.difference.low < 8.1 < ab.difference.high
    assert ab.ratio == pytest.approx(10.2 / 2.1)
    assert ab.p_value < 0.01 and ab.p_holm >= ab.p_value
    assert not ab.paired and ab.note == ""
    ac = diffs[("A", "C")]
    assert ac.difference.low < 0 < ac.difference.high
    assert ac.p_value > 0.2


def test_shared_articles_are_paired_and_pairing_sees_what_independence_cannot() -> None:
    # Articles differ a lot in difficulty; outlet A adds one serious flag to every article.
    difficulty = [0, 5, 20, 40, 2, 30, 10, 15]
    a = _group("A", [d + 1 for d in difficulty], shared=True)
    b = _group("B", difficulty, shared=True)
    (paired,) = compare_groups(a + b, resamples=500, permutations=2000)
    assert paired.paired and "paired on 8 shared source documents" in paired.note
    assert paired.difference.value == pytest.approx(1.0)
    assert (paired.difference.low, paired.difference.high) == pytest.approx((1.0, 1.0))
    assert paired.p_value < 0.02  # 2 of the 256 sign patterns are as extreme
    for d in a + b:
        d.source_key = ""  # the same figures, not known to share articles
    (independent,) = compare_groups(a + b, resamples=500, permutations=2000)
    assert not independent.paired
    assert independent.p_value > 0.5
    assert independent.difference.low < 0 < independent.difference.high


def test_too_few_shared_articles_are_not_paired_and_the_note_says_so() -> None:
    shared = MIN_PAIRED - 1
    a = _group("A", [3] * 12)
    b = _group("B", [1] * 12)
    for i in range(shared):
        a[i].source_key = b[i].source_key = f"art{i}"
    (d,) = compare_groups(a + b, resamples=200, permutations=200)
    assert not d.paired
    assert f"{shared} shared source document(s), too few to pair" in d.note


def test_small_groups_are_named_in_the_comparison_and_the_table() -> None:
    a = _group("A", [3, 4, 2])
    b = _group("B", [1] * MIN_DOCUMENTS)
    (d,) = compare_groups(a + b, resamples=200, permutations=200)
    assert "too few documents for the interval to mean much: A (3)" in d.note
    assert "B (" not in d.note
    table = format_table(group_stats(a + b, resamples=200), "outlet")
    assert "Too few documents" in table and "A (3)" in table and "B (" not in table


def test_holm_is_applied_across_every_pair_and_metric() -> None:
    docs = (_group("A", [9, 11, 10, 12, 8, 10, 11, 9, 10, 12])
            + _group("B", [2, 3, 1, 2, 3, 2, 1, 2, 3, 2])
            + _group("C", [5, 6, 4, 5, 6, 5, 4, 5, 6, 5]))
    diffs = compare_groups(docs, metrics=("critical+major", "serious:omission"),
                           resamples=200, permutations=500)
    assert len(diffs) == 6  # 3 pairs x 2 metrics
    raw = [d.p_value for d in diffs]
    assert [d.p_holm for d in diffs] == pytest.approx(holm(raw))
    assert all(d.p_holm >= d.p_value for d in diffs)


def test_undefined_rates_and_bad_options_are_clear() -> None:
    a = _group("A", [1, 2])
    empty = [_doc("e1", "E", 0, 0)]
    (d,) = compare_groups(a + empty, resamples=50, permutations=50)
    assert d.value_b is None and d.difference.value is None and d.p_value is None
    assert d.p_holm is None and d.ratio is None
    (single,) = compare_groups(a + [_doc("s1", "S", 10, 5)], resamples=50, permutations=50)
    assert single.difference.value == pytest.approx(1.5 - 50.0) and single.p_value is None
    assert "no test with a single document in a group" in single.note
    with pytest.raises(InputError, match="Unknown metric"):
        compare_groups(a, metrics=("critical+majr",))
    with pytest.raises(InputError, match="permutations"):
        compare_groups(a, permutations=0)
    with pytest.raises(InputError, match="group by"):
        compare_groups(a, by="color")


def test_the_table_and_csv_carry_each_comparison() -> None:
    docs = _group("=A", [3] * 10) + _group("B", [1] * 10)
    diffs = compare_groups(docs, resamples=100, permutations=100)
    text = format_differences(diffs, "outlet")
    assert "=A" in text and "independent" in text and "Holm" in text
    assert format_differences([], "outlet") == "Only one outlet: nothing to compare."
    lines = differences_csv(diffs, "outlet").splitlines()
    assert lines[0].startswith("by,metric,group_a,group_b")
    assert "'=A" in lines[1]  # a formula-looking group name stays text in a spreadsheet
    assert len(lines) == 2


def test_the_permutation_null_keeps_each_documents_figures_together() -> None:
    # Every document has the same rate (its flags equal its sentences), sizes differ: any
    # relabelling keeps both pooled rates at 100, so no permutation differs from 0.
    rng = np.random.default_rng(1)
    a = [_doc(f"a{i}", "A", int(n), int(n)) for i, n in enumerate(rng.integers(1, 60, 12))]
    b = [_doc(f"b{i}", "B", int(n), int(n)) for i, n in enumerate(rng.integers(1, 60, 12))]
    (d,) = compare_groups(a + b, resamples=100, permutations=300)
    assert d.difference.value == pytest.approx(0.0)
    assert d.p_value == pytest.approx(1.0)


def test_with_many_groups_the_default_permutations_still_let_a_clear_difference_pass_holm():
    # Ten groups sharing 30 articles: one adds five serious flags per article. 45 comparisons
    # put Holm's first bar at 0.05 / 45; 2,000 permutations could not go under it.
    docs = []
    for g in range(10):
        rates = [k % 4 + (5 if g == 0 else 0) for k in range(30)]
        docs += _group(f"G{g}", rates, shared=True)
    diffs = compare_groups(docs, resamples=200)
    worst = [d for d in diffs if d.group_a == "G0"]
    assert len(diffs) == 45 and all(d.paired for d in diffs)
    assert all(d.p_holm < 0.05 for d in worst)
    assert all(d.p_holm == 1.0 or d.p_holm >= 0.05 for d in diffs if d.group_a != "G0")


def test_a_note_every_comparison_shares_is_printed_once():
    docs = []
    for g in ("A", "B", "C"):
        docs += _group(g, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8], shared=True)
    docs += [_doc("d0", "D", 100, 2, source="art0")]
    text = format_differences(compare_groups(docs, resamples=50, permutations=50), "outlet")
    assert "A vs B (critical+major): paired on 12 shared source documents." in text
    assert text.count("paired on 12 shared source documents") == 3  # A-B, A-C, B-C
    everyone = compare_groups(docs[:36], resamples=50, permutations=50)
    once = format_differences(everyone, "outlet")
    assert once.count("paired on 12 shared source documents") == 1
    assert "Every comparison: paired on 12 shared source documents." in once
