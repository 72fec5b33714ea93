"""Corpus statistics on hand-made documents: groups, pooled rates, bootstrap intervals."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.corpus.runner import DocumentPair, DocumentResult, FlagRecord, ResultStore
from compare.corpus.stats import (
    QE_KEYS,
    DocFigures,
    format_table,
    group_stats,
    load_documents,
    to_csv,
)
from compare.errors import InputError


def _doc(doc_id: str, outlet: str, sentences: int, serious: int, minor: int = 0,
         omitted: int = 0, tags: list[str] | None = None, month: str = "2024-05") -> DocFigures:
    flags = {"total": serious + minor, "critical+major": serious, "severity:major": serious,
             "severity:minor": minor, "category:number": serious, "category:punctuation": minor}
    return DocFigures(doc_id, {"outlet": [outlet], "source_lang": ["ru"],
                               "tag": tags or ["(none)"], "month": [month]},
                      sentences, sentences - omitted, omitted, 0, 0.9 * sentences, sentences,
                      flags)


DOCS = [
    _doc("a1", "A", 10, 1, minor=2, tags=["x"]),
    _doc("a2", "A", 30, 5, omitted=3, tags=["x", "y"]),
    _doc("a3", "A", 20, 0, tags=["y"], month="2024-06"),
    _doc("b1", "B", 10, 2),
    _doc("b2", "B", 10, 2),
]


def test_groups_and_pooled_rates_are_exact() -> None:
    stats = {s.group: s for s in group_stats(DOCS, "outlet", resamples=500)}
    assert set(stats) == {"A", "B"}
    a = stats["A"]
    assert (a.documents, a.sentences) == (3, 60)
    assert a.metrics["critical+major"].value == pytest.approx(100 * 6 / 60)
    assert a.metrics["total"].value == pytest.approx(100 * 8 / 60)
    assert a.metrics["category:punctuation"].value == pytest.approx(100 * 2 / 60)
    assert a.metrics["omission_rate"].value == pytest.approx(3 / 60)
    assert a.metrics["similarity"].value == pytest.approx(0.9)
    assert a.metrics["category:name"].value == 0.0


def test_intervals_contain_the_estimate_and_vanish_without_spread() -> None:
    for s in group_stats(DOCS, "outlet", resamples=1000):
        for name, e in s.metrics.items():
            if e.value is None:  # the meaning model scored none of these documents
                assert name in QE_KEYS and e.low is None and e.high is None
                continue
            assert e.low <= e.value + 1e-9 and e.value <= e.high + 1e-9, (s.group, name)
    a = {s.group: s for s in group_stats(DOCS, "outlet")}["A"].metrics["critical+major"]
    assert a.high - a.low > 1.0  # the documents disagree: a real interval
    b = {s.group: s for s in group_stats(DOCS, "outlet")}["B"].metrics["critical+major"]
    assert b.low == b.value == b.high == pytest.approx(20.0)  # identical documents


def test_bootstrap_is_seeded() -> None:
    many = [_doc(f"d{i}", "A", 5 + i % 7, (i * 7) % 5, minor=i % 3) for i in range(40)]
    one = group_stats(many, "outlet", seed=3)[0].metrics["total"]
    two = group_stats(many, "outlet", seed=3)[0].metrics["total"]
    other = group_stats(many, "outlet", seed=4)[0].metrics["total"]
    assert (one.low, one.high) == (two.low, two.high)
    assert (one.low, one.high) != (other.low, other.high)


def test_tags_and_months_group_documents() -> None:
    tags = {s.group: s.documents for s in group_stats(DOCS, "tag", resamples=100)}
    assert tags == {"x": 2, "y": 2, "(none)": 2}
    months = {s.group: s.documents for s in group_stats(DOCS, "month", resamples=100)}
    assert months == {"2024-05": 4, "2024-06": 1}
    with pytest.raises(InputError, match="Cannot group by"):
        group_stats(DOCS, "colour")


def test_table_and_csv_carry_every_group() -> None:
    stats = group_stats(DOCS, "outlet", resamples=200)
    table = format_table(stats, "outlet")
    assert table.splitlines()[1].startswith("A ") and "10.0 [" in table.splitlines()[1]
    lines = to_csv(stats, "outlet").splitlines()
    assert lines[0].startswith("outlet,documents,sentences,target_sentences,flags_per_100_total,")
    assert "flags_per_100_critical_major_low" in lines[0]
    assert [line.split(",")[0] for line in lines[1:]] == ["A", "B"]


def test_load_documents_reads_a_results_file(tmp_path: Path) -> None:
    out = tmp_path / "r.sqlite"
    store = ResultStore(out)
    for doc_id, outlet, status, n_flags in (("d1", "kp", "ok", 2), ("d2", "tass", "ok", 0),
                                            ("d3", "kp", "failed", 0)):
        pair = DocumentPair(doc_id, "s", "t", outlet=outlet, date="2024-07-09", tags=("t1",))
        flags = [FlagRecord(0, n, "number-mismatch", "number", "critical", "target", 0, 1,
                            "m", "{}") for n in range(n_flags)]
        store.save(pair, DocumentResult(doc_id, "h", status, source_lang="ru",
                                        source_sentences=4, target_sentences=4, flags=flags))
    store.close()
    docs = {d.id: d for d in load_documents(out)}
    assert set(docs) == {"d1", "d2"}  # failed documents are not counted
    assert docs["d1"].flags["critical+major"] == 2 and docs["d1"].groups["month"] == ["2024-07"]
    stats = {s.group: s for s in group_stats(list(docs.values()), "outlet", resamples=100)}
    assert stats["kp"].metrics["critical+major"].value == pytest.approx(50.0)
    with pytest.raises(InputError, match="not found"):
        load_documents(tmp_path / "missing.sqlite")


def test_bootstrap_sums_equal_the_direct_resampling_and_block_size_does_not_matter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy as np

    from compare.corpus import stats as stats_module

    rng = np.random.default_rng(1)
    num, den = rng.random((5, 37)), rng.random((5, 37)) + 1
    idx = np.random.default_rng(3).integers(0, 37, size=(300, 37))
    monkeypatch.setattr(stats_module, "BOOTSTRAP_BLOCK_CELLS", 100)  # 2 resamples a block
    boot_num, boot_den = stats_module.bootstrap_sums(num, den, 300, 3)
    assert np.allclose(boot_num, num[:, idx].sum(axis=2))
    assert np.allclose(boot_den, den[:, idx].sum(axis=2))


def test_bootstrap_memory_stays_flat_on_a_large_corpus() -> None:
    """Metrics x resamples x documents would be 1.5 GB here; blocks keep it to megabytes."""
    import tracemalloc

    many = [_doc(f"d{i}", "A", 5 + i % 7, (i * 7) % 5, minor=i % 3) for i in range(5000)]
    tracemalloc.start()
    try:
        group_stats(many, "outlet", resamples=2000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 150 * 1024**2, f"{peak / 1024**2:.0f} MB"


def test_resamples_out_of_range_is_one_input_error() -> None:
    with pytest.raises(InputError, match="--resamples"):
        group_stats(DOCS, "outlet", resamples=-5)


def test_csv_group_names_are_never_formulas() -> None:
    """An outlet named like a formula in the manifest is text in the stats CSV (OWASP)."""
    docs = [_doc("e1", "=HYPERLINK(\"http://x\")", 10, 1), _doc("e2", "@evil", 10, 0)]
    lines = to_csv(group_stats(docs, "outlet", resamples=50), "outlet").splitlines()
    firsts = sorted(line.split(",")[0] for line in lines[1:])
    assert all(cell.startswith(("'", "\"'")) for cell in firsts), firsts
