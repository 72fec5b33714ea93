"""How a corpus run checks its documents: :class:`RunSettings`, plain data for any worker.

The settings travel to every worker (a pool process, a Ray actor) as they are, so they hold
names and paths only, never a model. :meth:`RunSettings.fingerprint` is what in them changes
results; it is part of every document's input hash (:func:`compare.corpus.runner.input_hash`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare import __version__
from compare.provenance import behaviour_fingerprint

DEFAULT_EMBEDDING_CACHE = str(Path.home() / ".cache" / "compare" / "embeddings.sqlite")


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
    """CPU threads of each worker's models (None: :func:`compare.threads.threads_for`, every
    core or the ``COMPARE_THREADS`` limit; ``make_executor`` shares them out between workers)."""
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
    check_settings: str = ""
    """The checks' settings the user gave (``corpus run --set``), as JSON text of
    :class:`compare.pipeline.Settings` ``thresholds`` ("": none; text keeps the settings
    hashable plain data); part of the input hash, so changed settings re-check every document."""

    def thresholds(self) -> dict[str, Any]:
        """:attr:`check_settings` as the pipeline takes them."""
        return json.loads(self.check_settings) if self.check_settings else {}

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
        if self.check_settings:  # only when given: a database made before keeps its hashes
            parts.append(["settings", self.thresholds()])
        return json.dumps(parts, sort_keys=True)
