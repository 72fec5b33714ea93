"""Run a whole manifest: every pair checked, results kept in SQLite, resumable at any moment.

This module is the orchestration (:func:`run_corpus`): read the manifest, decide which
documents need checking, hand them to an executor and store each result as it comes. The
parts it puts together each live in their own module, and their public names are importable
from here too, as they always were:

* :mod:`compare.corpus.settings`: :class:`RunSettings`, how every document is checked.
* :mod:`compare.corpus.records`: the plain data passed around (:class:`DocumentPair`,
  :class:`DocumentResult`, :class:`RunSummary`, ...).
* :mod:`compare.corpus.worker`: :func:`process_document`, the per-document work, a pure
  function from a pair and the settings to a result that never raises (a bad document becomes
  a result with ``status="failed"`` and a one-line message, so one broken file never stops a
  run); the models it needs are built once per process (:func:`init_worker`), never per
  document.
* :mod:`compare.corpus.executors`: who runs it: :class:`InlineExecutor` (this process),
  :class:`PoolExecutor` (a local process pool) and, when asked for, Ray actors on a cluster
  (:mod:`compare.corpus.ray_engine`). A worker that dies mid-document (killed, out of memory)
  costs that document a retry, never the run: a document whose worker dies twice is stored
  as failed with that message. Pool workers exit when the runner itself is killed.
* :mod:`compare.corpus.store`: the results database. Only the calling process writes it, one
  transaction per document, so a kill can lose at most the documents in flight.

Each stored document carries the hash of its inputs (:func:`input_hash`: both files, the
declared language and the settings). A re-run skips documents whose hash is unchanged and
re-checks the others, so a killed run finishes with the same totals as an uninterrupted one,
and an edited file is checked again. The meaning model (:mod:`compare.qe`) is loaded once per
worker like the embedder, when ``RunSettings.qe`` is on and its files are there (else the run
says so in one line and goes on without it); its identity (a hash of its files) is part of the
input hash only while it runs, so a database made without it resumes unchanged with
``--no-qe``.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from compare.corpus.executors import (
    ENGINES,
    WORKER_DIED,
    DocumentTask,
    EngineOptions,
    Executor,
    InlineExecutor,
    PoolExecutor,
    cpu_cores,
    make_executor,
    watch_parent,
)
from compare.corpus.manifest import ManifestRow, read_manifest
from compare.corpus.records import (
    DocumentPair,
    DocumentResult,
    FlagRecord,
    PairRecord,
    RunSummary,
)
from compare.corpus.settings import DEFAULT_EMBEDDING_CACHE, RunSettings
from compare.corpus.store import (
    SCHEMA_VERSION,
    SQLITE_MAGIC,
    ResultStore,
    check_results_file,
    database_error,
    load_report,
    open_read_only,
)
from compare.corpus.worker import (
    init_worker,
    prepare_qe,
    process_document,
    qe_identity,
    result_from_report,
    worker_embedder,
    worker_qe,
)
from compare.errors import InputError
from compare.paths import file_identity

__all__ = [  # the names callers have always imported from here, wherever they now live
    "DEFAULT_EMBEDDING_CACHE", "ENGINES", "SCHEMA_VERSION", "SQLITE_MAGIC", "WORKER_DIED",
    "DocumentPair", "DocumentResult", "DocumentTask", "EngineOptions", "Executor", "FlagRecord",
    "InlineExecutor", "PairRecord", "PoolExecutor", "ResultStore", "RunSettings", "RunSummary",
    "check_results_file", "cpu_cores", "database_error", "init_worker", "input_hash",
    "load_report", "make_executor", "open_read_only", "pair_from_row", "prepare_qe",
    "process_document", "qe_identity", "refuse_writing_articles", "result_from_report",
    "run_corpus", "watch_parent", "worker_embedder", "worker_qe",
]


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
