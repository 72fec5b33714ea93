"""The plain records of a corpus run: a document to check, and what checking it gave.

Picklable dataclasses only (no model, no open file), so that any executor (this process, a
process pool, Ray actors) can hand them across; :class:`compare.corpus.store.ResultStore`
writes them to the results database one document at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
