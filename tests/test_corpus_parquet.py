"""Parquet export of a results database: every table round-trips with its row count, and a
DuckDB query over the export gives the rates ``corpus stats`` prints for an outlet.

The database is written through the runner's own ResultStore with hand-made documents (two
outlets, a failed document, a document no longer in the manifest, a bad manifest row), so the
test needs no model and takes a second.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from compare.corpus.manifest import RowError
from compare.corpus.runner import (
    DocumentPair,
    DocumentResult,
    FlagRecord,
    PairRecord,
    ResultStore,
)
from compare.corpus.stats import group_stats, load_documents

pq = pytest.importorskip("pyarrow.parquet")

DOCS = [  # id, outlet, status, source sentences, flags (severity), omitted
    ("a1", "kp", "ok", 10, ["critical", "minor"], 1),
    ("a2", "kp", "ok", 30, ["major", "major", "minor"], 0),
    ("a3", "kp", "failed", 0, [], 0),
    ("b1", "tass", "ok", 12, ["minor"], 2),
    ("old", "kp", "ok", 50, ["critical"] * 9, 9),  # dropped from the manifest since
]


@pytest.fixture()
def results(tmp_path: Path) -> Path:
    out = tmp_path / "results.sqlite"
    store = ResultStore(out)
    for doc_id, outlet, status, sentences, severities, omitted in DOCS:
        pair = DocumentPair(doc_id, "s.txt", "t.txt", source_lang="ru", outlet=outlet,
                            date="2024-05-02", tags=("news",))
        pairs = [PairRecord(i, [i], [i] if i >= omitted else [], 0.9, 0.8, 0)
                 for i in range(sentences)]
        flags = [FlagRecord(0, n, "number-mismatch", "number", severity, "target", 0, 3,
                            "Number changed: «4500» → «5400»", '{"n": 1}')
                 for n, severity in enumerate(severities)]
        store.save(pair, DocumentResult(
            doc_id, "h", status, error="empty" if status == "failed" else "",
            source_lang="ru", target_lang="en", source_sentences=sentences,
            target_sentences=sentences - omitted, omitted_sentences=omitted,
            similarity_sum=0.8 * (sentences - omitted), similarity_n=sentences - omitted,
            pairs=pairs, flags=flags, report_json='{"x": 1}'))
    store.save_manifest_errors([RowError(7, "bad", "Row 7 (bad): the date is wrong.")],
                               {"a1", "a2", "a3", "b1"})
    store.save_manifest_ids(["a1", "a2", "a3", "b1", "bad"])
    store.close()
    return out


def test_export_round_trips_every_table(results: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from compare.cli import main

    folder = tmp_path / "parquet"
    assert main(["corpus", "export", str(results), "--parquet", str(folder)]) == 0
    assert "to " + str(folder) in capsys.readouterr().out
    db = sqlite3.connect(results)
    for table in ("documents", "pairs", "flags", "manifest_errors"):
        stored = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        assert pq.read_table(folder / f"{table}.parquet").num_rows == stored, table
    documents = pq.read_table(folder / "documents.parquet").to_pylist()
    by_id = {d["id"]: d for d in documents}
    assert "report" not in by_id["a1"]
    assert by_id["a1"]["flags"] == 2 and by_id["a1"]["source_sentences"] == 10
    assert by_id["old"]["in_manifest"] is False and by_id["b1"]["in_manifest"] is True
    assert by_id["bad"]["status"] == "invalid"
    flags = pq.read_table(folder / "flags.parquet").to_pylist()
    assert flags[0]["message"] == "Number changed: «4500» → «5400»"
    # No temporary file is left behind.
    assert sorted(p.name for p in folder.iterdir()) == [
        "documents.parquet", "flags.parquet", "group_figures.parquet", "manifest_errors.parquet",
        "pairs.parquet"]
    # Every grouping's figures, the per-category rates among them, as corpus stats gives them.
    figures = pq.read_table(folder / "group_figures.parquet").to_pylist()
    assert {f["by"] for f in figures} == {"outlet", "source_lang", "tag", "month"}
    expected = {s.group: s for s in group_stats(load_documents(results), "outlet")}
    for row in figures:
        if row["by"] == "outlet" and row["metric"].startswith(("category:", "serious:")):
            e = expected[row["group"]].metrics[row["metric"]]
            assert (row["value"], row["low"], row["high"]) == (e.value, e.low, e.high)
    assert any(f["metric"] == "serious:number" and f["value"] for f in figures)


def test_duckdb_over_the_export_reproduces_corpus_stats(results: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    from compare.corpus.parquet_export import export_parquet

    folder = tmp_path / "parquet"
    export_parquet(results, folder)
    expected = {s.group: s for s in group_stats(load_documents(results), "outlet")}["kp"]
    # The README's query: flags per 100 source sentences and omitted share, one outlet.
    con = duckdb.connect()
    row = con.execute(
        f"SELECT COUNT(*), 100.0 * SUM(flags) / SUM(source_sentences), "
        f"SUM(omitted_sentences) / SUM(source_sentences) "
        f"FROM '{folder}/documents.parquet' "
        f"WHERE status = 'ok' AND in_manifest AND outlet = 'kp'").fetchone()
    assert row[0] == expected.documents == 2
    assert row[1] == pytest.approx(expected.metrics["total"].value) == pytest.approx(12.5)
    assert row[2] == pytest.approx(expected.metrics["omission_rate"].value)
    serious = con.execute(
        f"SELECT 100.0 * COUNT(*) / (SELECT SUM(source_sentences) FROM "
        f"'{folder}/documents.parquet' WHERE status = 'ok' AND in_manifest AND outlet = 'kp') "
        f"FROM '{folder}/flags.parquet' f JOIN '{folder}/documents.parquet' d ON f.doc_id = d.id "
        f"WHERE d.status = 'ok' AND d.in_manifest AND d.outlet = 'kp' "
        f"AND f.severity IN ('critical', 'major')").fetchone()[0]
    assert serious == pytest.approx(expected.metrics["critical+major"].value)


def test_export_of_a_file_that_is_not_a_results_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.cli import main

    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE users (name TEXT)")
    db.commit()
    db.close()
    assert main(["corpus", "export", str(other), "--parquet", str(tmp_path / "p")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a corpus results database" in err
