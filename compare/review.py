"""What a reviewer does with a report: read it side by side, fix the alignment, dismiss flags.

The browser app is a thin shell over these functions, so everything here works on plain
:class:`~compare.report.Report` objects and can be tested without a browser:

- :func:`build_rows` turns a report into one row per aligned pair, with every flag's span
  converted from offsets into the full text to offsets into the row's own text, ready to be
  highlighted (and escaped) by whoever draws it;
- :func:`merge_pairs`, :func:`split_pair` and :func:`relink` correct the aligner when it got a
  pair wrong, and re-run the checks on the corrected pairs, returning a *new* report;
- :class:`DismissalStore` remembers flags a reviewer dismissed as false positives, keyed by a
  signature of the check and the texts it looked at (as CheckMate does), so that the same flag
  on the same text stays dismissed across sessions while any edit of the text brings it back.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from compare.alignment_types import AlignedPair
from compare.checks import CheckContext, all_checks, run_checks
from compare.errors import InputError
from compare.flags import SEVERITY_RANK, Flag
from compare.reading import InputText, read_bytes, read_pasted
from compare.report import PairResult, Report, attach_flags

JOINER = " "
"""Sentences of one side of a pair are shown joined by this, as in Report.pair_text."""


# --------------------------------------------------------------------------- running
DEMO_DIR = Path(__file__).resolve().parent.parent / "corpora" / "demo"
DEMOS = {
    "Russian → English": ("library.ru.txt", "library.en.txt"),
    "Kazakh → English": ("park.kk.txt", "park.en.txt"),
}
"""The demo pairs in corpora/demo (written for this project, with planted errors)."""


def demo_texts(name: str) -> tuple[str, str]:
    """(source, English) texts of a demo named in :data:`DEMOS`."""
    src, tgt = DEMOS[name]
    return (DEMO_DIR / src).read_text(encoding="utf-8"), (DEMO_DIR / tgt).read_text("utf-8")


DEFAULT_SETTINGS: dict[str, Any] = {
    "source_lang": "auto",
    "mt": False,
    "mt_to_en": None,
    "mt_from_en": None,
    "device": "auto",
    "max_mb": 5.0,
    "thresholds": {},
    "qe": True,
}
"""What the app's settings widgets produce; the library reads nothing else from the app.

``mt`` switches machine translation on (when :func:`mt_available`); ``mt_to_en`` and
``mt_from_en`` name a model per direction (None: the default of the direction). ``qe``
switches the meaning model on (it runs when the caller passes a loaded one).
"""

NO_MT_NOTICE = (
    "Machine translation did not run, so there is no back-translation and no chrF/BLEU/TER "
    "score: the checks compare the two texts directly (numbers, names, negations, coverage, "
    "punctuation) and cannot catch a reworded meaning."
)
NO_QE_NOTICE = (
    "The meaning model did not run (its files are missing or damaged): only the rule checks "
    "judged meaning."
)
MEANING_CHECK = "meaning-shift"
"""The check of the meaning model; its flags mark every word the model doubts."""


@functools.lru_cache(maxsize=1)
def mt_available() -> bool:
    """Whether the machine-translation backend and its packages are installed."""
    try:
        if importlib.util.find_spec("compare.mt") is None:
            return False
        from compare.mt import missing_packages

        return not missing_packages()
    except ImportError:
        return False


_MT_SETUPS: dict[tuple[str, str | None, str | None, str], Any] = {}


def _mt_setup(lang: str, to_en: str | None, from_en: str | None, device: str) -> Any:
    """Translators for one source language, built once per process (models are large).

    A setup that loaded no model is not kept, so a model fetched while the app runs is
    found on the next check.
    """
    key = (lang, to_en, from_en, device)
    if key in _MT_SETUPS:
        return _MT_SETUPS[key]
    from compare.mt import MTOptions, build_translators

    setup = build_translators(lang, MTOptions(to_en=to_en, from_en=from_en, device=device))
    if setup.to_en is not None or setup.from_en is not None:
        _MT_SETUPS[key] = setup
    return setup


@dataclass(frozen=True)
class CachedMT:
    """What the pipeline's ``mt`` argument needs: translators for the detected language."""

    to_en: str | None = None
    from_en: str | None = None
    device: str = "auto"

    def for_language(self, lang: str) -> Any:
        return _mt_setup(lang, self.to_en, self.from_en, self.device)


def read_side(
    label: str, pasted: str | None, upload: tuple[str, bytes] | None, max_mb: float = 5.0
) -> InputText | None:
    """One side of the input from an upload (preferred) or a paste; None when both are empty.

    Errors name the side (``label``), because the user gave two texts and must know which
    one is wrong.
    """
    max_bytes = int(max_mb * 1_000_000)
    try:
        if upload is not None:
            return read_bytes(upload[1], upload[0], max_bytes=max_bytes)
        if pasted is None or not pasted.strip():
            return None
        return read_pasted(pasted, max_bytes=max_bytes)
    except InputError as error:
        raise InputError(f"{label}: {error}") from error


USER_AGENT = "compare/0.1 (translation checker; +offline review app)"
_URL_TYPES = {"text/plain": ".txt", "application/vnd.openxmlformats-officedocument."
              "wordprocessingml.document": ".docx"}


def fetch_url(url: str, max_mb: float = 5.0, timeout: float = 15.0) -> InputText:
    """Fetch a web page (or a .txt/.docx link) and read it with the library's reader.

    Every failure, from a typo to a server that does not answer, is an InputError with a
    one-line reason, because the user can act on it (fix the address, paste the text).
    """
    import urllib.error
    import urllib.request
    from urllib.parse import urlparse

    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"{url!r} is not a web address; it must start with http:// or https://.")
    max_bytes = int(max_mb * 1_000_000)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            ctype = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        reason = f"{error.code} {error.reason}"
        raise InputError(f"{url} answered {reason}; check the address.") from error
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise InputError(f"Could not fetch {url}: {reason}.") from error
    except (TimeoutError, OSError, ValueError) as error:
        raise InputError(f"Could not fetch {url}: {error}.") from error
    ext = _URL_TYPES.get(ctype, ".html")
    try:
        text = read_bytes(data, f"page{ext}", max_bytes=max_bytes)
    except InputError as error:
        raise InputError(f"The page at {url} could not be used: {error}") from error
    text.name = url
    return text


def run_review(
    target: InputText,
    source: InputText | None,
    settings: dict[str, Any],
    embedder: Any,
    progress: Callable[[str, str], None] | None = None,
    qe: Any = None,
) -> Report:
    """Run the pipeline with the app's settings dict and add what the reviewer should know.

    ``qe`` is the loaded meaning model (:class:`compare.qe.predict.QEModel`), or None when it
    could not be loaded; it runs when ``settings["qe"]`` is on and a source is given.
    """
    from compare.pipeline import Settings, check_texts

    chosen = {**DEFAULT_SETTINGS, **settings}
    pipeline_settings = Settings(
        source_lang=chosen["source_lang"], thresholds=dict(chosen["thresholds"])
    )
    extra: dict[str, Any] = {}
    if chosen["mt"] and source is not None and mt_available():
        extra["mt"] = CachedMT(chosen["mt_to_en"] or None, chosen["mt_from_en"] or None,
                               chosen["device"])
    if chosen["qe"] and source is not None and qe is not None:
        extra["qe"] = qe
    try:
        report = check_texts(target, source, pipeline_settings, embedder, progress, **extra)
    except InputError as error:
        # The library's hint names the command-line option; the app calls it a setting.
        message = str(error).replace("set --source-lang", "choose it under Settings")
        raise InputError(message) from error
    if report.mt is None and source is not None:
        report.notices.append(NO_MT_NOTICE)
    if chosen["qe"] and source is not None and qe is None:
        report.notices.append(NO_QE_NOTICE)
    for side, text in (("English", target), ("Source", source)):
        for note in text.notes if text is not None else []:
            report.notices.append(f"{side}: {note}")
    return report


# --------------------------------------------------------------------------- rows
@dataclass(frozen=True)
class Highlight:
    """A flag's span inside one row's text (not the full document)."""

    start: int
    end: int
    severity: str
    category: str
    check: str
    message: str
    key: str


@dataclass
class RowFlag:
    """A flag of a row, with the signature it is dismissed by."""

    key: str
    flag: Flag
    excerpt: str
    dismissed: bool = False


@dataclass
class Row:
    """One aligned pair as a reviewer sees it.

    ``kind`` is ``pair``, ``omission`` (no English) or ``addition`` (no source).
    Highlights and ``flags`` exclude nothing: dismissed flags are marked, not dropped, so the
    view can offer to restore them; :attr:`active` lists the others.
    """

    index: int
    kind: str
    source_text: str
    target_text: str
    source_highlights: list[Highlight]
    target_highlights: list[Highlight]
    flags: list[RowFlag]
    score: float
    similarity: float | None
    machine_english: str | None = None
    back_translation: str | None = None
    mt: dict[str, Any] | None = None
    """The pair's machine-translation signals (see compare.mt) when MT ran."""
    qe: dict[str, Any] | None = None
    """The meaning model's view of the pair (``score``, ``z``, BAD spans) when it ran."""
    doubted: dict[str, list[str]] = field(default_factory=dict)
    """Words the meaning model tags BAD, by side (``source``/``target``), in text order."""

    @property
    def qe_score(self) -> float | None:
        """The meaning model's 0-1 score of the pair, or None when it did not score it."""
        return None if not self.qe else float(self.qe["score"])

    @property
    def active(self) -> list[RowFlag]:
        return [f for f in self.flags if not f.dismissed]

    @property
    def max_severity(self) -> str | None:
        sevs = [f.flag.severity for f in self.active]
        return max(sevs, key=SEVERITY_RANK.__getitem__) if sevs else None


def flag_key(flag: Flag, source_text: str, target_text: str, excerpt: str) -> str:
    """A stable signature of a flag: check id, both texts of its pair, side and flagged text.

    Offsets are left out on purpose: the same sentence pair in another copy of the article
    (other paragraphs before it) must give the same signature.
    """
    payload = "\x1f".join([flag.check, flag.side, excerpt, source_text, target_text])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def build_rows(report: Report, dismissed: set[str] | frozenset[str] = frozenset()) -> list[Row]:
    """One row per pair, in document order, with flag spans mapped into the row's texts."""
    rows = []
    for n, pair in enumerate(report.pairs):
        src_text = report.pair_text(pair, "source")
        tgt_text = report.pair_text(pair, "target")
        kind = "omission" if not pair.target else "addition" if not pair.source else "pair"
        row_flags: list[RowFlag] = []
        lights: dict[str, list[Highlight]] = {"source": [], "target": []}
        for flag in pair.flags:
            doc = report.source if flag.side == "source" else report.target
            excerpt = doc.text[flag.start : flag.end] if doc is not None else ""
            key = flag_key(flag, src_text, tgt_text, excerpt)
            is_dismissed = key in dismissed
            row_flags.append(RowFlag(key, flag, excerpt, is_dismissed))
            if is_dismissed:
                continue
            for side, start, end in flag_spans(flag):
                span = _row_span(report, pair, side, start, end)
                if span is not None:
                    lights[side].append(
                        Highlight(span[0], span[1], flag.severity, flag.category, flag.check,
                                  flag.message, key)
                    )
        mt = pair.mt or None
        rows.append(
            Row(
                index=n,
                kind=kind,
                source_text=src_text,
                target_text=tgt_text,
                source_highlights=lights["source"],
                target_highlights=lights["target"],
                flags=row_flags,
                score=float(pair.score),
                similarity=pair.similarity,
                machine_english=(mt or {}).get("en"),
                back_translation=(mt or {}).get("back"),
                mt=mt,
                qe=pair.qe or None,
                doubted=_doubted_words(report, pair),
            )
        )
    return rows


def flag_spans(flag: Flag) -> list[tuple[str, int, int]]:
    """Where a flag is drawn, as ``(side, start, end)`` in full-text offsets.

    A meaning-shift flag is drawn on every word the model doubts, on both sides (its own span
    runs from the first doubted English word to the last); when it names no word, and for
    every other flag, the flag's own span.
    """
    if flag.check == MEANING_CHECK:
        spans = [
            (side, int(a), int(b))
            for side, key in (("source", "source_bad"), ("target", "target_bad"))
            for a, b in flag.evidence.get(key) or []
        ]
        if spans:
            return spans
    return [(flag.side, flag.start, flag.end)]


def _doubted_words(report: Report, pair: PairResult) -> dict[str, list[str]]:
    if not pair.qe:
        return {}
    out = {}
    for side, doc in (("source", report.source), ("target", report.target)):
        spans = pair.qe.get(f"{side}_bad") or []
        out[side] = [doc.text[s["start"] : s["end"]] for s in spans] if doc is not None else []
    return out


def _row_span(
    report: Report, pair: PairResult, side: str, flag_start: int, flag_end: int
) -> tuple[int, int] | None:
    """Map a span's document offsets to offsets in the pair's joined text (clipped to it)."""
    doc = report.source if side == "source" else report.target
    indices = pair.source if side == "source" else pair.target
    if doc is None or not indices:
        return None
    offset = 0
    for i in indices:
        sent = doc.sentences[i]
        if sent.start <= flag_start <= sent.end or flag_start < sent.start:
            start = max(flag_start, sent.start) - sent.start + offset
            end = min(max(flag_end, flag_start), sent.end) - sent.start + offset
            return start, max(start, end)
        offset += (sent.end - sent.start) + len(JOINER)
    last = doc.sentences[indices[-1]]  # a flag in the whitespace after the last sentence
    end = offset - len(JOINER)
    return (end, end) if flag_start >= last.end else None


def segments(text: str, highlights: list[Highlight]) -> list[tuple[str, list[Highlight]]]:
    """Cut a row's text into pieces, each with the highlights covering it (most severe first;
    an empty list for plain text).

    An empty span (a mark missing at a position) becomes an empty piece of its own, so that
    it can still be shown.
    """
    cuts = {0, len(text)}
    for h in highlights:
        cuts.update((min(h.start, len(text)), min(h.end, len(text))))
    bounds = sorted(cuts)
    pieces: list[tuple[str, list[Highlight]]] = []
    empties = sorted((h for h in highlights if h.start == h.end), key=lambda h: h.start)
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        while empties and empties[0].start <= lo:
            pieces.append(("", [empties.pop(0)]))
        covering = [h for h in highlights if h.start <= lo and hi <= h.end and h.start < h.end]
        covering.sort(key=lambda h: -SEVERITY_RANK[h.severity])
        pieces.append((text[lo:hi], covering))
    pieces.extend(("", [h]) for h in empties)
    return pieces


def filter_rows(
    rows: list[Row],
    categories: set[str] | None = None,
    severities: set[str] | None = None,
    only_flagged: bool = False,
) -> list[Row]:
    """Rows narrowed to the chosen flag categories and severities (None: all).

    Flags and highlights outside the filter are left out of each row; with ``only_flagged``
    rows left with no active flag are dropped. Dismissed flags stay listed (marked).
    """

    def wanted(category: str, severity: str) -> bool:
        return (categories is None or category in categories) and (
            severities is None or severity in severities
        )

    out = []
    for row in rows:
        flags = [f for f in row.flags if wanted(f.flag.category, f.flag.severity)]
        narrowed = replace(
            row,
            flags=flags,
            source_highlights=[h for h in row.source_highlights if wanted(h.category, h.severity)],
            target_highlights=[h for h in row.target_highlights if wanted(h.category, h.severity)],
        )
        if only_flagged and not narrowed.active:
            continue
        out.append(narrowed)
    return out


def without_dismissed(report: Report, dismissed: set[str] | frozenset[str]) -> Report:
    """A copy of the report without the dismissed flags: what exports should carry."""
    rows = build_rows(report, dismissed)
    pairs = []
    for pair, row in zip(report.pairs, rows, strict=True):
        keep = [rf.flag for rf in row.flags if not rf.dismissed]
        pairs.append(replace(pair, flags=keep))
    return replace(report, pairs=pairs)


def format_diff(diff: list[dict[str, str]]) -> str:
    """A word diff from compare.mt (runs of op/mt/human) as one plain line:
    shared words as they are, ``[-words]`` only in the machine English, ``[+words]`` only in
    the human English."""
    out = []
    for run in diff:
        if run["op"] == "equal":
            out.append(run["mt"])
            continue
        if run.get("mt"):
            out.append(f"[-{run['mt']}]")
        if run.get("human"):
            out.append(f"[+{run['human']}]")
    return " ".join(out)


# --------------------------------------------------------------------------- corrections
class CorrectionError(ValueError):
    """A correction that cannot be made; ``str(error)`` is a one-line message for the user."""


def merge_pairs(report: Report, first: int, embedder: Any = None, qe: Any = None) -> Report:
    """Merge pair ``first`` with the pair after it (e.g. a 1-0 and a 0-1 that belong together).

    Every correction takes the loaded meaning model as ``qe`` (optional): when the report was
    made with it, the changed pairs are scored again (see :func:`_recheck`).
    """
    pairs = _aligned(report)
    if not 0 <= first < len(pairs) - 1:
        raise CorrectionError(f"There is no pair after pair {first} to merge it with.")
    a, b = pairs[first], pairs[first + 1]
    merged = AlignedPair(a.source + b.source, a.target + b.target, 1.0)
    return _recheck(report, pairs[:first] + [merged] + pairs[first + 2 :], embedder, qe)


def split_pair(
    report: Report, index: int, source_cut: int, target_cut: int, embedder: Any = None,
    qe: Any = None,
) -> Report:
    """Split pair ``index`` in two: the first keeps its first ``source_cut`` source sentences
    and first ``target_cut`` English sentences, the second keeps the rest."""
    pairs = _aligned(report)
    if not 0 <= index < len(pairs):
        raise CorrectionError(f"There is no pair {index}.")
    p = pairs[index]
    if not (0 <= source_cut <= len(p.source) and 0 <= target_cut <= len(p.target)):
        raise CorrectionError("The split point must lie inside the pair.")
    head = AlignedPair(p.source[:source_cut], p.target[:target_cut], 1.0)
    tail = AlignedPair(p.source[source_cut:], p.target[target_cut:], 1.0)
    if not (head.source or head.target) or not (tail.source or tail.target):
        raise CorrectionError("Both parts of a split must keep at least one sentence.")
    return _recheck(report, pairs[:index] + [head, tail] + pairs[index + 1 :], embedder, qe)


def relink(
    report: Report, side: str, sentence: int, to_pair: int, embedder: Any = None, qe: Any = None
) -> Report:
    """Move one sentence of ``side`` into the neighbouring pair ``to_pair``.

    Only a sentence at the edge of its pair can move, and only to the pair next to it, so
    that pairs stay in document order. A pair left with no sentence disappears.
    """
    if side not in ("source", "target"):
        raise CorrectionError("Choose the source or the English side.")
    pairs = _aligned(report)
    where = [n for n, p in enumerate(pairs) if sentence in getattr(p, side)]
    if not where:
        raise CorrectionError(f"Sentence {sentence} is not in any pair.")
    frm = where[0]
    if not 0 <= to_pair < len(pairs):
        raise CorrectionError("There is no pair there to move the sentence to.")
    if to_pair not in (frm - 1, frm + 1):
        raise CorrectionError("A sentence can only move to the pair just before or after it.")
    own = getattr(pairs[frm], side)
    edge = own[0] if to_pair < frm else own[-1]
    if sentence != edge:
        raise CorrectionError("Only the first or last sentence of a pair can move to a neighbour.")
    rest = tuple(i for i in own if i != sentence)
    dest = getattr(pairs[to_pair], side)
    dest = dest + (sentence,) if to_pair < frm else (sentence,) + dest
    new = list(pairs)
    new[frm] = _with_side(pairs[frm], side, rest)
    new[to_pair] = _with_side(pairs[to_pair], side, dest)
    new = [p for p in new if p.source or p.target]
    return _recheck(report, new, embedder, qe)


def _with_side(pair: AlignedPair, side: str, indices: tuple[int, ...]) -> AlignedPair:
    if side == "source":
        return AlignedPair(indices, pair.target, 1.0)
    return AlignedPair(pair.source, indices, 1.0)


def _aligned(report: Report) -> list[AlignedPair]:
    return [
        AlignedPair(tuple(p.source), tuple(p.target), p.score, p.similarity) for p in report.pairs
    ]


def _recheck(
    report: Report, pairs: list[AlignedPair], embedder: Any = None, qe: Any = None
) -> Report:
    """Re-run the report's checks on corrected pairs and return a new report.

    Pairs the user changed get score 1.0 (a person confirmed them); their similarity is
    recomputed when an embedder is given, else left unknown. Unchanged pairs keep their
    scores, machine-translation signals and meaning-model scores. When the report was made
    with the meaning model, changed pairs are scored again with ``qe`` (the loaded model);
    without it they go unscored (no ``qe``, no meaning-shift flag) and a notice says so.
    """
    old = {(tuple(p.source), tuple(p.target)): p for p in report.pairs}
    fixed = []
    for p in pairs:
        before = old.get((p.source, p.target))
        if before is not None:
            fixed.append(AlignedPair(p.source, p.target, before.score, before.similarity))
        else:
            fixed.append(replace(p, similarity=_similarity(report, p, embedder)))
    qe_results, unscored = _rescore(report, fixed, old, qe)
    wanted = set(report.signature.checks)
    checks = [c for c in all_checks() if c.id in wanted]
    ctx = CheckContext(
        target=report.target,
        source=report.source,
        pairs=fixed,
        thresholds=dict(report.signature.thresholds),
        qe=qe_results,
    )
    results = attach_flags(fixed, run_checks(ctx, checks), report.source, report.target)
    for r in results:
        before = old.get((tuple(r.source), tuple(r.target)))
        r.mt = before.mt if before is not None else None
    summary = report.qe
    if qe_results is not None and report.qe is not None:
        from compare.qe.evidence import attach_qe

        summary = attach_qe(results, qe_results, report.qe.get("model", ""),
                            dict(report.signature.thresholds))
    notices = [n for n in report.notices
               if not n.startswith(("The alignment was corrected", QE_UNSCORED_PREFIX))]
    notices.append("The alignment was corrected by hand; the checks ran again on the new pairs.")
    if unscored:
        notices.append(f"{QE_UNSCORED_PREFIX} {unscored} corrected pair(s) (it is not loaded): "
                       "they have no meaning score and no meaning-shift flag.")
    signature = replace(report.signature, extra={**report.signature.extra, "corrected": True})
    return replace(report, pairs=results, notices=notices, signature=signature, qe=summary)


QE_UNSCORED_PREFIX = "The meaning model did not score"


def _rescore(
    report: Report, fixed: list[AlignedPair], old: dict[tuple, PairResult], qe: Any
) -> tuple[list[Any] | None, int]:
    """The meaning model's results for the corrected pairs (None: the report has none) and
    how many changed pairs went unscored. Unchanged pairs keep their stored result."""
    if report.qe is None or report.source is None:
        return None, 0
    from compare.qe.predict import QEResult, estimate_pairs

    results: list[Any] = [None] * len(fixed)
    changed = []
    for n, p in enumerate(fixed):
        before = old.get((p.source, p.target))
        if before is not None:
            results[n] = QEResult.from_dict(before.qe) if before.qe else None
        elif p.source and p.target:
            changed.append(n)
    if changed and qe is not None:
        scored = estimate_pairs(qe, report.source, report.target, [fixed[n] for n in changed])
        for n, result in zip(changed, scored, strict=True):
            results[n] = result
        return results, 0
    return results, len(changed)


def _similarity(report: Report, pair: AlignedPair, embedder: Any) -> float | None:
    if embedder is None or not pair.source or not pair.target or report.source is None:
        return None
    src = JOINER.join(report.source.sentence_text(i) for i in pair.source)
    tgt = JOINER.join(report.target.sentence_text(i) for i in pair.target)
    vecs = np.asarray(embedder.embed([src, tgt]), dtype=np.float32)
    return float(vecs[0] @ vecs[1])


# --------------------------------------------------------------------------- dismissals
def default_store_path() -> Path:
    """Where dismissals live: $COMPARE_HOME, else ~/.compare, as dismissed.json."""
    home = os.environ.get("COMPARE_HOME") or os.path.join(os.path.expanduser("~"), ".compare")
    return Path(home) / "dismissed.json"


@dataclass
class DismissalStore:
    """Flag signatures a reviewer dismissed, kept in a small JSON file.

    The file is rewritten atomically on every change (write to a temporary file, then rename),
    so a crash or a second browser tab never leaves half a file; an unreadable file is treated
    as empty rather than stopping the app.
    """

    path: Path = field(default_factory=default_store_path)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    def load(self) -> set[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        items = data.get("dismissed", []) if isinstance(data, dict) else []
        return {str(k) for k in items}

    def dismiss(self, key: str) -> set[str]:
        keys = self.load() | {key}
        self._save(keys)
        return keys

    def restore(self, key: str) -> set[str]:
        keys = self.load() - {key}
        self._save(keys)
        return keys

    def _save(self, keys: set[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"schema": "compare.dismissed/1", "dismissed": sorted(keys)})
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".dismissed-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&=\"'])")


def plain(text: str) -> str:
    """Text for a page element that renders Markdown (errors, notices): every Markdown, HTML
    and LaTeX sign backslash-escaped, so a file name, path or web address shows as it is."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", text)
