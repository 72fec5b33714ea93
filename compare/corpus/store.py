"""The results database of a corpus run (SQLite): checked before use, one transaction a document.

:class:`ResultStore` is the only writer (the runner's process). A file compare must not write
(not SQLite, damaged, another program's database) is refused before any change
(:func:`check_results_file`), and every SQLite or disk error becomes one line for the user
(:func:`database_error`). Databases of schema ``compare.corpus/1`` (before the meaning model)
open as they are: the new columns are added, empty, on the first write.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from compare.corpus.manifest import RowError
from compare.corpus.records import DocumentPair, DocumentResult
from compare.errors import InputError

SCHEMA_VERSION = "compare.corpus/2"
"""/2 added documents.qe_mean, documents.qe_pairs and pairs.qe (the meaning model)."""
DEFAULT_EMBEDDING_CACHE = str(Path.home() / ".cache" / "compare" / "embeddings.sqlite")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, outlet TEXT, date TEXT, url TEXT, tags TEXT,
    declared_lang TEXT, source_path TEXT, target_path TEXT, input_hash TEXT,
    status TEXT NOT NULL, error TEXT, source_lang TEXT, target_lang TEXT,
    source_sentences INTEGER, target_sentences INTEGER, pairs INTEGER, flags INTEGER,
    omitted_sentences INTEGER, added_sentences INTEGER,
    similarity_sum REAL, similarity_n INTEGER, seconds REAL, signature TEXT,
    report BLOB, finished_at TEXT, qe_mean REAL, qe_pairs INTEGER);
CREATE TABLE IF NOT EXISTS pairs (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, source TEXT, target TEXT, kind TEXT,
    score REAL, similarity REAL, flags INTEGER, qe REAL, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS flags (
    doc_id TEXT NOT NULL, pair_idx INTEGER NOT NULL, n INTEGER NOT NULL, check_id TEXT,
    category TEXT, severity TEXT, side TEXT, start INTEGER, end INTEGER, message TEXT,
    evidence TEXT, PRIMARY KEY (doc_id, pair_idx, n));
CREATE INDEX IF NOT EXISTS flags_doc ON flags (doc_id);
CREATE TABLE IF NOT EXISTS manifest_errors (line INTEGER, id TEXT, message TEXT);
CREATE TABLE IF NOT EXISTS manifest_ids (id TEXT PRIMARY KEY);
"""
SQLITE_MAGIC = b"SQLite format 3\x00"
_OUR_TABLES = {"meta", "documents", "pairs", "flags", "manifest_errors", "manifest_ids"}
_ADDED_COLUMNS = (("documents", "qe_mean", "REAL"), ("documents", "qe_pairs", "INTEGER"),
                  ("pairs", "qe", "REAL"))
"""Columns added after schema /1, appended to an older database when it is opened to write."""
_DOCUMENT_COLUMNS = (
    "id, outlet, date, url, tags, declared_lang, source_path, target_path, input_hash, status, "
    "error, source_lang, target_lang, source_sentences, target_sentences, pairs, flags, "
    "omitted_sentences, added_sentences, similarity_sum, similarity_n, seconds, signature, "
    "report, qe_mean, qe_pairs, finished_at"
)


class ResultStore:
    """The results database: WAL, one transaction per document, written by one process.

    Before anything is written the file is checked (:func:`check_results_file`): a file that
    is not SQLite, a damaged one or another program's database is refused with one line naming
    it, and nothing is added to it and its journal mode is left alone.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"Cannot create the folder of the results file {path}: "
                             f"{exc.strerror or exc}.") from exc
        check_results_file(path)
        try:
            self.db = sqlite3.connect(str(path), timeout=60.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise InputError(f"Cannot open the results file {path}: {exc}.") from exc
        began = False
        try:
            self.db.execute("BEGIN IMMEDIATE")  # fails here, before any change, if read-only
            self.db.execute("ROLLBACK")
            began = True
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            for table, column, kind in _ADDED_COLUMNS:
                present = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
                if column not in present:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.Error as exc:
            self.db.close()
            raise database_error(path, exc, writing=began) from exc

    def known(self) -> dict[str, tuple[str, str]]:
        """``id -> (input_hash, status)`` of every stored document."""
        rows = self.db.execute("SELECT id, input_hash, status FROM documents")
        return {r[0]: (r[1] or "", r[2]) for r in rows}

    def save(self, pair: DocumentPair, result: DocumentResult,
             before_commit: Callable[[str], None] | None = None) -> None:
        """Replace everything stored for this document in a single transaction."""
        report = zlib.compress(result.report_json.encode()) if result.report_json else None
        with _transaction(self.db):
            self._delete(pair.id)
            self.db.execute(
                f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) VALUES "
                "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,datetime('now'))",
                (pair.id, pair.outlet, pair.date, pair.url, json.dumps(list(pair.tags)),
                 pair.source_lang, pair.source_path, pair.target_path, result.input_hash,
                 result.status, result.error, result.source_lang, result.target_lang,
                 result.source_sentences, result.target_sentences, len(result.pairs),
                 len(result.flags), result.omitted_sentences, result.added_sentences,
                 result.similarity_sum, result.similarity_n, result.seconds, result.signature,
                 report, result.qe_mean, result.qe_pairs),
            )
            self.db.executemany(
                "INSERT INTO pairs (doc_id, idx, source, target, kind, score, similarity, flags, "
                "qe) VALUES (?,?,?,?,?,?,?,?,?)",
                [(pair.id, p.idx, json.dumps(p.source), json.dumps(p.target), p.kind, p.score,
                  p.similarity, p.flags, p.qe) for p in result.pairs],
            )
            self.db.executemany(
                "INSERT INTO flags VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(pair.id, f.pair_idx, f.n, f.check, f.category, f.severity, f.side, f.start,
                  f.end, f.message, f.evidence) for f in result.flags],
            )
            if before_commit is not None:
                before_commit(pair.id)

    def save_manifest_errors(self, errors: Iterable[RowError], valid_ids: set[str]) -> None:
        """Record this run's bad rows; a bad row's earlier results stop counting."""
        with _transaction(self.db):
            self.db.execute("DELETE FROM manifest_errors")
            for e in errors:
                self.db.execute("INSERT INTO manifest_errors VALUES (?,?,?)",
                                (e.line, e.id, e.message))
                if e.id and e.id not in valid_ids:
                    self._delete(e.id)
                    self.db.execute(
                        "INSERT INTO documents (id, outlet, date, url, status, error, finished_at)"
                        " VALUES (?,?,?,?, 'invalid', ?, datetime('now'))",
                        (e.id, e.fields.get("outlet", ""), e.fields.get("date", ""),
                         e.fields.get("url", ""), e.message),
                    )

    def save_manifest_ids(self, ids: Iterable[str]) -> None:
        """Remember which ids the manifest of this run lists: ``corpus stats`` counts only
        those, so rows removed from the manifest stop counting (they stay in the file)."""
        with _transaction(self.db):
            self.db.execute("DELETE FROM manifest_ids")
            self.db.executemany("INSERT OR IGNORE INTO manifest_ids VALUES (?)",
                                [(i,) for i in ids])

    def _delete(self, doc_id: str) -> None:
        for table, column in (("documents", "id"), ("pairs", "doc_id"), ("flags", "doc_id")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (doc_id,))

    def close(self) -> None:
        self.db.close()


def check_results_file(path: Path) -> None:
    """Refuse, with one line naming the file, a results file that compare must not write: not
    SQLite, damaged, or another program's database (tables but no ``compare.corpus`` schema).
    A missing or empty file, or an empty database, is fine (it becomes ours)."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        if not path.is_file():
            raise InputError(f"The results file {path} is not a regular file.")
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InputError(f"Cannot read the results file {path}: {exc.strerror or exc}.") from exc
    if magic != SQLITE_MAGIC:
        raise InputError(f"{path} is not a SQLite database (damaged, or another kind of file); "
                         "give --out a new file name.")
    try:
        db = open_read_only(path)
    except sqlite3.Error as exc:
        raise database_error(path, exc) from exc
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        schema = None
        if "meta" in tables:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            schema = row[0] if row else None
        # A damaged page anywhere (not only the schema's) would fail a write midway: look at
        # every page now, before anything is written (read-only, about 1 s a GB).
        verdict = db.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.Error as exc:
        raise database_error(path, exc) from exc
    finally:
        db.close()
    if verdict is None or verdict[0] != "ok":
        found = " ".join(str(verdict[0] if verdict else "no answer").split())[:200]
        raise InputError(f"The results file {path} is damaged ({found}); nothing was written "
                         "to it: give --out a new file name.")
    ours = isinstance(schema, str) and schema.startswith("compare.corpus/")
    # A file whose tables are all ours but has no schema row yet was killed while being made.
    if tables and not ours and not tables <= _OUR_TABLES:
        names = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise InputError(f"{path} is another program's database (tables: {names}); compare "
                         "leaves it untouched: give --out a new file name.")


def open_read_only(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open a database for reading only, also in a folder this user cannot write (where a WAL
    database's shared-memory file cannot be made: then it is opened as immutable)."""
    uri = Path(path).resolve().as_uri()
    try:
        db = sqlite3.connect(uri + "?mode=ro", uri=True)
    except sqlite3.OperationalError:
        pass
    else:
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            db.close()
    db = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True)
    db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return db


def database_error(
    path: str | os.PathLike[str], exc: sqlite3.Error | OSError, writing: bool = False
) -> InputError:
    """One line for an error on a results file: a full disk, read-only, locked, damaged, or a
    write the system refused. ``writing``: the run had begun to write the file, so no line may
    say it is untouched (documents committed before are kept: each is one transaction)."""
    text = str(exc)
    low = text.lower()
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # the primary result code
    after = ("the run stopped there; every document saved before is kept" if writing
             else "nothing was written to it")
    if code == sqlite3.SQLITE_FULL or getattr(exc, "errno", None) == errno.ENOSPC or (
            "disk is full" in low):
        return InputError(f"The disk is full: the results file {path} cannot grow ({text}); "
                          f"{after}: free some space and run the same command again.")
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return InputError(f"Cannot write the results file {path} (read-only file or folder: "
                          f"{text}); give --out a writable file.")
    if "locked" in low or "busy" in low:
        return InputError(f"The results file {path} is locked by another program ({text}).")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in low or (
            "not a database" in low):
        stopped = "the run stopped there" if writing else "nothing was written to it"
        return InputError(f"The results file {path} is damaged ({text}); {stopped}: give "
                          "--out a new file name.")
    if code == sqlite3.SQLITE_IOERR or "i/o error" in low:
        return InputError(f"The results file {path} could not be {'written' if writing else 'read'}"
                          f" ({text}: a full disk, a file size limit or a failing drive?); "
                          f"{after}: make room and run the same command again.")
    return InputError(f"The results file {path} could not be used ({text}); {after}.")


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (including a kill: SQLite's own)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if kind is not None else "COMMIT")


def load_report(db_path: str | os.PathLike[str], doc_id: str) -> Any:
    """The full :class:`compare.report.Report` of one stored document (drill-down), or None."""
    from compare.report import Report

    db = sqlite3.connect(str(db_path))
    try:
        row = db.execute("SELECT report FROM documents WHERE id = ?", (doc_id,)).fetchone()
    finally:
        db.close()
    if not row or row[0] is None:
        return None
    return Report.from_dict(json.loads(zlib.decompress(row[0]).decode()))
