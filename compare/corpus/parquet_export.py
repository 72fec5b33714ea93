"""Export a results database as Parquet tables, so pandas, Polars and DuckDB read a corpus
directly (``python -m compare corpus export results.sqlite --parquet DIR``).

One file per table: ``documents``, ``pairs``, ``flags`` and ``manifest_errors``, with the
database's own column names and types (TEXT -> string, INTEGER -> int64, REAL -> float64).
``documents`` gains a boolean ``in_manifest`` column: whether the id is in the manifest last
run, which is what ``corpus stats`` counts (stale rows stay, marked). The compressed full report
of each document stays in SQLite (drill-down); everything a table of figures needs is here.
Rows are copied in batches, so memory stays flat on millions of pairs, and each file is written
under a temporary name and renamed, so an interrupted export never leaves a half file behind.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from compare.errors import InputError

TABLES = ("documents", "pairs", "flags", "manifest_errors")
FIGURES = "group_figures"
"""The file of every group's figures (``corpus stats`` for every grouping, long format: by,
group, metric, value, low, high, documents, sentences), written beside the tables."""
BATCH_ROWS = 50_000
LEFT_OUT_COLUMNS = {"documents": ("report",)}
"""Columns kept in SQLite only (the zlib-compressed report JSON)."""


def export_parquet(
    db_path: str | os.PathLike[str], folder: str | os.PathLike[str]
) -> dict[str, int]:
    """Write every table of a results database to ``folder/<table>.parquet``; return the row
    count of each."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("The Parquet export needs pyarrow: python3 -m pip install -r "
                         "requirements-cluster.txt") from exc
    from compare.corpus.stats import _open, _scope

    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot create {out}: {exc.strerror or exc}.") from exc
    db = _open(db_path)
    counts: dict[str, int] = {}
    try:
        present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in present:
            raise InputError(f"{db_path} is not a corpus results database (no documents table).")
        scope = _scope(db)
        for table in TABLES:
            if table not in present:
                continue
            info = db.execute(f"PRAGMA table_info({table})").fetchall()
            columns = [(row[1], row[2]) for row in info
                       if row[1] not in LEFT_OUT_COLUMNS.get(table, ())]
            fields = [pa.field(name, _arrow_type(pa, kind)) for name, kind in columns]
            select = ", ".join(f'"{name}"' for name, _ in columns)
            if table == "documents":
                fields.append(pa.field("in_manifest", pa.bool_()))
                select += f", ({scope}) AS in_manifest"
            schema = pa.schema(fields)
            counts[table] = _write_table(pa, pq, db, f"SELECT {select} FROM {table}", schema,
                                         out / f"{table}.parquet")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{db_path} cannot be read as a corpus results database "
                         f"({exc}).") from exc
    except OSError as exc:
        raise InputError(f"Cannot write the Parquet files in {out}: "
                         f"{exc.strerror or exc}.") from exc
    finally:
        db.close()
    counts[FIGURES] = _write_figures(pa, pq, db_path, out / f"{FIGURES}.parquet")
    return counts


def _write_figures(pa: Any, pq: Any, db_path: str | os.PathLike[str], dest: Path) -> int:
    """Every grouping's per-group figures with their 95 % intervals (the per-category rates
    among them, ``category:X`` and ``serious:X``), one row per group and metric."""
    from compare.corpus.stats import GROUP_BY, group_stats, load_documents

    docs = load_documents(db_path)
    rows = [{"by": by, "group": s.group, "metric": metric, "value": e.value, "low": e.low,
             "high": e.high, "documents": s.documents, "sentences": s.sentences}
            for by in GROUP_BY for s in group_stats(docs, by)
            for metric, e in s.metrics.items()]  # fmt: skip
    schema = pa.schema([("by", pa.string()), ("group", pa.string()), ("metric", pa.string()),
                        ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()),
                        ("documents", pa.int64()), ("sentences", pa.int64())])
    partial = dest.with_name(dest.name + ".partial")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), str(partial),
                       compression="zstd")
        os.replace(partial, dest)
    except OSError as exc:
        raise InputError(f"Cannot write the Parquet files in {dest.parent}: "
                         f"{exc.strerror or exc}.") from exc
    return len(rows)


def _arrow_type(pa: Any, declared: str) -> Any:
    kind = (declared or "").upper()
    if "INT" in kind:
        return pa.int64()
    if "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
        return pa.float64()
    if "BLOB" in kind:
        return pa.binary()
    return pa.string()


def _write_table(pa: Any, pq: Any, db: sqlite3.Connection, query: str, schema: Any,
                 dest: Path) -> int:
    partial = dest.with_name(dest.name + ".partial")
    rows_written = 0
    cursor = db.execute(query)
    with pq.ParquetWriter(str(partial), schema, compression="zstd") as writer:
        while rows := cursor.fetchmany(BATCH_ROWS):
            columns = zip(*rows, strict=True)
            arrays = [_column(pa, values, f.type)
                      for values, f in zip(columns, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            rows_written += len(rows)
        if not rows_written:
            writer.write_table(schema.empty_table())
    os.replace(partial, dest)
    return rows_written


def _column(pa: Any, values: Any, kind: Any) -> Any:
    """One column of a batch; SQLite's loose typing (a number in a TEXT column) is coerced."""
    if pa.types.is_boolean(kind):
        return pa.array([None if v is None else bool(v) for v in values], type=kind)
    if pa.types.is_string(kind):
        return pa.array([None if v is None else v if isinstance(v, str) else
                         v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                         for v in values], type=kind)
    try:
        return pa.array(list(values), type=kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([_coerce(v, kind, pa) for v in values], type=kind)


def _coerce(value: Any, kind: Any, pa: Any) -> Any:
    try:
        if value is None:
            return None
        if pa.types.is_integer(kind):
            return int(value)
        if pa.types.is_floating(kind):
            return float(value)
        return value if isinstance(value, bytes) else str(value).encode()
    except (TypeError, ValueError):
        return None
