"""The per-document work of a corpus run, in whichever process runs it.

:func:`process_document` is a pure function from a :class:`DocumentPair` and
:class:`RunSettings` to a :class:`DocumentResult`: it never raises (a bad document becomes a
result with ``status="failed"`` and a one-line message), so any engine can call it as it is.
The models it needs (the embedder, the translation models, the meaning model) are built once
per process by :func:`init_worker` and kept here, never per document.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from compare.corpus.records import DocumentPair, DocumentResult, FlagRecord, PairRecord
from compare.corpus.settings import RunSettings
from compare.errors import InputError

_WORKER: dict[str, Any] = {}


def init_worker(settings: RunSettings) -> None:
    """Build this process's embedder (and MT setup, and meaning model) once; pool workers call
    it at start. A meaning model that cannot be loaded here is remembered with its reason:
    every document of this worker then fails with it (a re-run with ``--retry-failed`` or
    ``--no-qe`` recovers), rather than being stored as checked with the model."""
    key = repr(settings)
    if _WORKER.get("key") == key:
        return
    from compare.embed import CachingEmbedder, make_embedder
    from compare.threads import threads_for

    # make_executor shares the cores out between workers; a run in this process alone (no
    # threads set) takes every core, or the COMPARE_THREADS limit.
    threads = settings.threads or threads_for()
    inner = make_embedder(settings.embedder, threads)
    cache = settings.embedding_cache or None
    _WORKER.clear()
    _WORKER.update(key=key, embedder=CachingEmbedder(inner, cache),
                   mt=_PerLanguageMT(settings, threads) if settings.mt else None, builds=1)
    _WORKER.update(qe=None, qe_error="")
    if settings.qe:
        try:
            from compare.qe.predict import QEModel

            _WORKER["qe"] = QEModel.load(settings.qe_model, settings.qe_precision,
                                         num_threads=threads)
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

    def __init__(self, settings: RunSettings, threads: int | None = None) -> None:
        from compare.mt import MTOptions

        self._options = MTOptions(settings.mt_to_en, settings.mt_from_en, settings.device,
                                  cache_path=settings.mt_cache, threads=threads)
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
                              glossary=cached_glossary(settings.glossary),
                              thresholds=settings.thresholds())
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
