"""What a reviewer reads: a report turned into display rows, one per aligned pair.

The browser app and the HTML export draw these rows; everything here works on plain
:class:`~compare.report.Report` objects and can be tested without a browser:

- :func:`build_rows` turns a report into one row per aligned pair, with every flag's span
  converted from offsets into the full text to offsets into the row's own text, ready to be
  highlighted (and escaped) by whoever draws it, and each flag's signature (:func:`flag_key`)
  by which it is dismissed;
- :func:`filter_rows`, :func:`search_rows` and :func:`next_flagged` narrow a long document to
  what the reviewer wants to see, :func:`read_first` picks the pairs to read before the rest;
- :func:`mark_dismissed` keeps dismissed flags in a report, marked, for the exports;
- :func:`plain` escapes text for page elements that render Markdown.

Running a check (:mod:`compare.app_run`), correcting the alignment (:mod:`compare.corrections`),
remembering dismissals (:mod:`compare.dismissals`), the demos (:mod:`compare.demos`), machine
translation setups (:mod:`compare.mt_setup`) and fetching web pages (:mod:`compare.fetch`) live
in modules of their own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Any

from compare.dismissals import normalise_term
from compare.flags import CATEGORIES, SEVERITIES, SEVERITY_RANK, Flag
from compare.report import READ_FIRST, READ_FIRST_FLOOR, PairResult, Report, main_flag

JOINER = " "
"""Sentences of one side of a pair are shown joined by this, as in Report.pair_text."""

MEANING_CHECK = "meaning-shift"
"""The check of the meaning model; its flags mark every word the model doubts."""


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
    """A flag of a row, with the signature it is dismissed by.

    ``dismissed`` is true when the reviewer dismissed it or an ignore rule covers it;
    ``by_rule`` says which (a rule is lifted, not the flag restored)."""

    key: str
    flag: Flag
    excerpt: str
    dismissed: bool = False
    by_rule: bool = False

    @property
    def rule(self) -> tuple[str, str]:
        """The ignore rule that would cover this flag: (check id, normalised flagged text)."""
        return self.flag.check, normalise_term(self.excerpt)


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
    risk: float | None = None
    """How likely the pair holds a major meaning error, 0-1 (see compare.risk), when known."""

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


def build_rows(
    report: Report,
    dismissed: set[str] | frozenset[str] = frozenset(),
    rules: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> list[Row]:
    """One row per pair, in document order, with flag spans mapped into the row's texts.

    A flag is dismissed when its signature is in ``dismissed``, when an ignore rule
    ``(check, normalised text)`` in ``rules`` covers it, or when the report already marks it
    (an exported report read back)."""
    rows = []
    for n, pair in enumerate(report.pairs):
        src_text = report.pair_text(pair, "source")
        tgt_text = report.pair_text(pair, "target")
        kind = "omission" if not pair.target else "addition" if not pair.source else "pair"
        if report.source is None:
            kind = "pair"  # the English checked alone: nothing is "added"
        row_flags: list[RowFlag] = []
        lights: dict[str, list[Highlight]] = {"source": [], "target": []}
        for flag in pair.flags:
            doc = report.source if flag.side == "source" else report.target
            excerpt = doc.text[flag.start : flag.end] if doc is not None else ""
            key = flag_key(flag, src_text, tgt_text, excerpt)
            by_rule = bool(rules) and (flag.check, normalise_term(excerpt)) in rules
            is_dismissed = key in dismissed or by_rule or flag.dismissed
            row_flags.append(RowFlag(key, flag, excerpt, is_dismissed, by_rule))
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
                risk=pair.risk,
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


@dataclass(frozen=True)
class ReadFirst:
    """One entry of a "Read these first" list: a pair a reviewer should look at early."""

    index: int
    """The pair's index in the report (shown as ``index + 1``)."""
    risk: float
    opening: str
    """The first words of the pair's English (of its source, marked, when it has none)."""
    flag: Flag | None
    """Its most severe flag the reviewer has not dismissed; None when the risk comes from the
    meaning model alone or every flag was dismissed."""


def read_first(report: Report, rows: list[Row], k: int = READ_FIRST) -> list[ReadFirst]:
    """The ``k`` riskiest pairs (see :func:`compare.risk.riskiest`), riskiest first, as a
    reviewer sees them: ``rows`` (from :func:`build_rows`) say which flags are dismissed. A pair
    with no active flag is left out unless its risk reaches :data:`READ_FIRST_FLOOR`. Empty
    when the report has no risk (made before risk existed)."""
    if all(p.risk is None for p in report.pairs):
        return []
    from compare.risk import riskiest

    out = []
    for n in riskiest(report, k):
        pair = report.pairs[n]
        flag = main_flag([rf.flag for rf in rows[n].active])
        if flag is None and float(pair.risk or 0.0) < READ_FIRST_FLOOR:
            continue  # no active flag and ordinary risk: not worth reading first
        out.append(ReadFirst(n, float(pair.risk or 0.0), report.pair_opening(pair), flag))
    return out


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

    everything = ((categories is None or set(CATEGORIES) <= categories)
                  and (severities is None or set(SEVERITIES) <= severities))
    if everything:  # nothing to narrow: a long document's rows are not copied on every view
        return [r for r in rows if r.active] if only_flagged else rows
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


def search_rows(rows: list[Row], query: str) -> list[Row]:
    """Rows whose source or English text contains ``query`` (case-insensitive; spaces
    collapsed); all rows for an empty query."""
    needle = " ".join(query.split()).casefold()
    if not needle:
        return rows
    return [r for r in rows
            if needle in " ".join(r.source_text.split()).casefold()
            or needle in " ".join(r.target_text.split()).casefold()]


def next_flagged(rows: list[Row], after: int) -> int | None:
    """The position in ``rows`` of the first row after position ``after`` with an active flag,
    wrapping round to the start; None when no row has one."""
    flagged = [n for n, r in enumerate(rows) if r.active]
    if not flagged:
        return None
    return next((n for n in flagged if n > after), flagged[0])


def mark_dismissed(
    report: Report,
    dismissed: set[str] | frozenset[str] = frozenset(),
    rules: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> Report:
    """A copy of the report with every dismissed flag kept and marked ``dismissed``: what the
    exports carry, so a report records what the reviewer set aside (counts leave them out)."""
    rows = build_rows(report, dismissed, rules)
    pairs = []
    for pair, row in zip(report.pairs, rows, strict=True):
        flags = [replace(rf.flag, dismissed=rf.dismissed) for rf in row.flags]
        pairs.append(replace(pair, flags=flags))
    return replace(report, pairs=pairs)


def without_dismissed(
    report: Report,
    dismissed: set[str] | frozenset[str] = frozenset(),
    rules: set[tuple[str, str]] | frozenset[tuple[str, str]] = frozenset(),
) -> Report:
    """A copy of the report without the dismissed flags (what the checks still stand by)."""
    marked = mark_dismissed(report, dismissed, rules)
    pairs = [replace(p, flags=[f for f in p.flags if not f.dismissed]) for p in marked.pairs]
    return replace(marked, pairs=pairs)


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



_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&=\"'])")


def plain(text: str) -> str:
    """Text for a page element that renders Markdown (errors, notices): every Markdown, HTML
    and LaTeX sign backslash-escaped, so a file name, path or web address shows as it is."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", text)
