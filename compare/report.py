"""The report: one object that holds both sides, the aligned pairs and every flag.

Serialised as JSON under the schema ``compare.report/1`` (other tools rely on its field
names: fields may be added, never renamed), as CSV (one row per pair) and as a short
terminal summary. Like a sacrebleu score, every report carries a :class:`Signature` saying
how it was made, so two reports can be compared knowingly.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from compare.alignment_types import AlignedPair
from compare.document import Document, Sentence, Span
from compare.flags import CATEGORIES, SEVERITIES, SEVERITY_RANK, Flag

SCHEMA = "compare.report/1"
READ_FIRST = 10
"""How many of the riskiest pairs the "Read these first" lists show."""
READ_FIRST_FLOOR = 0.5
"""A pair with no active flag joins those lists only when its risk is at least this (a major
error more likely than not): in a clean text the list stays short instead of filling up with
pairs of ordinary risk."""
OPENING_WORDS = 8
"""How many words of a pair's text those lists quote."""


@dataclass
class Signature:
    """How a report was made: versions, models and every threshold that shaped it."""

    compare: str
    embedder: str | None
    segmenter: str
    aligner: str | None
    checks: list[str]
    thresholds: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        extra = d.pop("extra")
        d.update(extra)
        return d

    def __str__(self) -> str:
        parts = [f"compare:{self.compare}", f"embedder:{self.embedder or 'none'}"]
        parts += [f"segmenter:{self.segmenter}", f"aligner:{self.aligner or 'none'}"]
        parts += [f"checks:{len(self.checks)}"]
        parts += [f"{k}:{v}" for k, v in sorted(self.thresholds.items())]
        if self.extra.get("code"):
            parts.append(f"code:{self.extra['code']}")
        return "|".join(parts)


@dataclass
class PairResult:
    """One aligned pair with the flags found in its sentences.

    ``source``/``target`` are sentence indices; an empty ``source`` is an addition,
    an empty ``target`` an omission.
    """

    source: list[int]
    target: list[int]
    score: float
    similarity: float | None = None
    flags: list[Flag] = field(default_factory=list)
    mt: dict[str, Any] | None = None
    """Machine-translation signals for this pair when MT ran (see compare.mt), else None."""
    qe: dict[str, Any] | None = None
    """The meaning model's view of this pair when it ran (see compare.qe): ``score`` 0-1,
    ``z``, ``source_bad``/``target_bad`` word spans ``{start, end, p}`` in full-text offsets, and
    ``omitted``: the source passage the model's omission head reads as most surely left out
    (``{start, end, p}``; None for a model without the head), and ``source_omitted``: the source
    words it reads as possibly left out (probability 0.15 or more)."""
    risk: float | None = None
    """How likely the pair holds a major meaning error, 0-1 (see compare.risk); None when the
    report was made before risk existed."""

    @property
    def max_severity(self) -> str | None:
        active = [f.severity for f in self.flags if not f.dismissed]
        return max(active, key=SEVERITY_RANK.__getitem__) if active else None

    @property
    def main_flag(self) -> Flag | None:
        """The flag a reviewer should read first (see :func:`main_flag`)."""
        return main_flag([f for f in self.flags if not f.dismissed])


@dataclass
class Report:
    signature: Signature
    target: Document
    source: Document | None
    pairs: list[PairResult]
    notices: list[str] = field(default_factory=list)
    languages: dict[str, Any] = field(default_factory=dict)
    mt: dict[str, Any] | None = None
    """Document-level MT figures (models, chrF/BLEU/TER) when MT ran, else None."""
    qe: dict[str, Any] | None = None
    """Document-level meaning-model figures (model, mean score, pairs under the threshold)."""

    # ----------------------------------------------------------------- queries
    def all_flags(self) -> list[Flag]:
        """Every flag the reviewer has not dismissed."""
        return [f for p in self.pairs for f in p.flags if not f.dismissed]

    def dismissed_flags(self) -> list[Flag]:
        """Flags a reviewer dismissed (kept in exports, marked, and counted apart)."""
        return [f for p in self.pairs for f in p.flags if f.dismissed]

    def counts(self) -> dict[str, dict[str, int]]:
        """Flags counted by category and by severity (dismissed ones left out)."""
        flags = self.all_flags()
        return {
            "category": dict(Counter(f.category for f in flags)),
            "severity": dict(Counter(f.severity for f in flags)),
        }

    def has_flags_at_least(self, severity: str) -> bool:
        floor = SEVERITY_RANK[severity]
        return any(SEVERITY_RANK[f.severity] >= floor for f in self.all_flags())

    def pair_text(self, pair: PairResult, side: str) -> str:
        doc = self.source if side == "source" else self.target
        idx = pair.source if side == "source" else pair.target
        if doc is None:
            return ""
        return " ".join(doc.sentence_text(i) for i in idx)

    # ----------------------------------------------------------- serialisation
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "signature": self.signature.to_dict(),
            "source": _side_to_dict(self.source),
            "target": _side_to_dict(self.target),
            "pairs": [
                {
                    "source": list(p.source),
                    "target": list(p.target),
                    "score": round(float(p.score), 4),
                    "similarity": None if p.similarity is None else round(float(p.similarity), 4),
                    "flags": [asdict(f) for f in p.flags],
                    **({"mt": p.mt} if p.mt is not None else {}),
                    **({"qe": p.qe} if p.qe is not None else {}),
                    **({"risk": round(float(p.risk), 4)} if p.risk is not None else {}),
                }
                for p in self.pairs
            ],
            "summary": {"pairs": len(self.pairs), **self.counts(),
                        "dismissed": len(self.dismissed_flags())},
            "notices": list(self.notices),
            "languages": self.languages,
            "mt": self.mt,
            "qe": self.qe,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Report:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} report (schema is {d.get('schema')!r})")
        sig = dict(d["signature"])
        known = {k: sig.pop(k) for k in ("compare", "embedder", "segmenter", "aligner", "checks")}
        thresholds = sig.pop("thresholds", {})
        return cls(
            signature=Signature(**known, thresholds=thresholds, extra=sig),
            source=_side_from_dict(d["source"]),
            target=_side_from_dict(d["target"]),
            pairs=[
                PairResult(
                    source=list(p["source"]),
                    target=list(p["target"]),
                    score=p["score"],
                    similarity=p.get("similarity"),
                    flags=[Flag(**f) for f in p["flags"]],
                    mt=p.get("mt"),
                    qe=p.get("qe"),
                    risk=p.get("risk"),
                )
                for p in d["pairs"]
            ],
            notices=list(d.get("notices", [])),
            languages=dict(d.get("languages", {})),
            mt=d.get("mt"),
            qe=d.get("qe"),
        )

    def to_csv(self) -> str:
        """One row per pair, numbered from 1 as on the page (its sentences too), flags joined;
        opens in a spreadsheet as it is. Dismissed flags have a column of their own. Cells that a
        spreadsheet would run as a formula are neutralised (see :func:`csv_safe`)."""
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(
            ["pair", "source_sentences", "target_sentences", "score", "similarity",
             "source_text", "target_text", "flag_count", "max_severity", "categories", "flags",
             "qe_score", "dismissed_flags", "risk"]
        )
        for n, p in enumerate(self.pairs):
            active = [f for f in p.flags if not f.dismissed]
            gone = [f for f in p.flags if f.dismissed]
            writer.writerow(
                [csv_safe(cell) for cell in (
                    n + 1,
                    " ".join(str(i + 1) for i in p.source),  # 1-based, as the pair number
                    " ".join(str(i + 1) for i in p.target),
                    f"{p.score:.4f}",
                    "" if p.similarity is None else f"{p.similarity:.4f}",
                    self.pair_text(p, "source"),
                    self.pair_text(p, "target"),
                    len(active),
                    max((f.severity for f in active), key=SEVERITY_RANK.__getitem__,
                        default=""),
                    ";".join(sorted({f.category for f in active})),
                    " | ".join(f"[{f.severity}] {f.check}: {f.message}" for f in active),
                    "" if p.qe is None else f"{p.qe['score']:.4f}",
                    " | ".join(f"[dismissed] [{f.severity}] {f.check}: {f.message}"
                               for f in gone),
                    "" if p.risk is None else f"{p.risk:.4f}",
                )]
            )
        return buf.getvalue()

    def summary(self, max_flags: int = 20) -> str:
        """A short plain-text summary for the terminal."""
        lines = []
        src = self.source
        if src is not None:
            lines.append(
                f"Source: {src.lang}, {len(src.sentences)} sentences.  "
                f"English: {self.target.lang}, {len(self.target.sentences)} sentences.  "
                f"Pairs: {len(self.pairs)}."
            )
        else:
            lines.append(
                f"English only: {len(self.target.sentences)} sentences (no source given)."
            )
        for notice in self.notices:
            lines.append(f"Note: {notice}")
        if self.qe and self.qe.get("mean_score") is not None:
            lines.append(
                f"Meaning model: mean score {self.qe['mean_score']:.2f} over "
                f"{self.qe['pairs_scored']} pairs, {self.qe.get('below_threshold') or 0} under "
                "its threshold."
            )
        lines += self._read_first_lines()
        counts = self.counts()
        total = sum(counts["severity"].values())
        dismissed = len(self.dismissed_flags())
        if dismissed:
            lines.append(f"Dismissed by the reviewer: {dismissed} (kept in the exports, marked).")
        if not total:
            lines.append("No flags.")
        else:
            sev = ", ".join(f"{counts['severity'][s]} {s}" for s in SEVERITIES
                            if s in counts["severity"])
            cat = ", ".join(f"{c} {counts['category'][c]}" for c in CATEGORIES
                            if c in counts["category"])
            lines.append(f"Flags: {total} ({sev}).  By category: {cat}.")
            shown = 0
            for n, p in enumerate(self.pairs):
                for f in p.flags:
                    if f.dismissed:
                        continue
                    if shown >= max_flags:
                        break
                    doc = self.source if f.side == "source" else self.target
                    excerpt = _excerpt(doc.text if doc else "", f.start, f.end)
                    lines.append(f"  #{n + 1} [{f.severity}] {f.category}/{f.check}: {f.message}")
                    side = "source" if f.side == "source" else "English"  # never "target"
                    lines.append(f"      {side}: {excerpt}")
                    shown += 1
            if total > shown:
                lines.append(f"  ... and {total - shown} more (see the JSON or CSV report).")
        lines.append(f"Signature: {self.signature}")
        return "\n".join(lines)

    def _read_first_lines(self, k: int = READ_FIRST) -> list[str]:
        """The "Read these first" section of :meth:`summary`: the riskiest pairs, riskiest
        first, each with its risk, the opening words of its English and its main flag."""
        if all(p.risk is None for p in self.pairs):
            return []  # a report made before risk existed: nothing to rank by
        from compare.risk import riskiest  # here, not at the top: compare.risk reads reports

        picked = [n for n in riskiest(self, k)
                  if self.pairs[n].main_flag is not None
                  or (self.pairs[n].risk or 0.0) >= READ_FIRST_FLOOR]  # fmt: skip
        if not picked:
            return ["Read these first: no pair looks risky."]
        lines = ["Read these first (the pairs most likely to hold a major meaning error):"]
        for n in picked:
            p = self.pairs[n]
            main = p.main_flag
            why = f"[{main.severity}] {main.check}: {main.message}" if main else "no flag"
            lines.append(f"  #{n + 1} risk {p.risk or 0:.0%}  {self.pair_opening(p)}")
            lines.append(f"      {why}")
        return lines

    def pair_opening(self, pair: PairResult, words: int = OPENING_WORDS) -> str:
        """The first words of a pair's English, or of its source marked as such when the
        English has none (an omission): enough to find the pair, short enough for a list."""
        english = self.pair_text(pair, "target")
        if english.strip():
            return opening(english, words)
        return "(not translated) " + opening(self.pair_text(pair, "source"), words)


def main_flag(flags: list[Flag]) -> Flag | None:
    """The most severe of ``flags``, the first of equals (a pair keeps its flags in text
    order, so that is the one a reader meets first); None for no flags."""
    # max() returns the first of equal maxima.
    return max(flags, key=lambda f: SEVERITY_RANK[f.severity]) if flags else None


def opening(text: str, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, whitespace collapsed, with "…" when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: object) -> object:
    """A CSV cell a spreadsheet will not run (OWASP CSV injection): text starting with
    ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe. Numbers are
    left as they are (a negative number is not a formula)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _excerpt(text: str, start: int, end: int, context: int = 30) -> str:
    lo, hi = max(0, start - context), min(len(text), end + context)
    snippet = text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]
    snippet = " ".join(snippet.split())
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def _side_to_dict(doc: Document | None) -> dict[str, Any] | None:
    if doc is None:
        return None
    return {
        "lang": doc.lang,
        "text": doc.text,
        "paragraphs": [{"start": p.start, "end": p.end} for p in doc.paragraphs],
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph} for s in doc.sentences
        ],
    }


def _side_from_dict(d: dict[str, Any] | None) -> Document | None:
    if d is None:
        return None
    return Document(
        text=d["text"],
        lang=d["lang"],
        paragraphs=[Span(p["start"], p["end"]) for p in d.get("paragraphs", [])],
        sentences=[
            Sentence(index=i, start=s["start"], end=s["end"], paragraph=s["paragraph"])
            for i, s in enumerate(d["sentences"])
        ],
    )


def attach_flags(
    pairs: list[AlignedPair],
    flags: list[Flag],
    source: Document | None,
    target: Document,
) -> list[PairResult]:
    """Give each flag to the pair holding the sentence its span starts in.

    A flag that starts between sentences (in whitespace) goes to the sentence before it.
    """
    results = [
        PairResult(list(p.source), list(p.target), p.score, p.similarity) for p in pairs
    ]
    owner = {"source": {}, "target": {}}
    for n, p in enumerate(pairs):
        for i in p.source:
            owner["source"][i] = n
        for i in p.target:
            owner["target"][i] = n
    starts = {
        "source": [s.start for s in source.sentences] if source else [],
        "target": [s.start for s in target.sentences],
    }
    for f in flags:
        side_starts = starts[f.side]
        if not side_starts:
            continue
        sentence = max(0, bisect.bisect_right(side_starts, f.start) - 1)
        pair = owner[f.side].get(sentence)
        if pair is not None:
            results[pair].flags.append(f)
    for r in results:
        r.flags.sort(key=lambda f: (f.side != "target", f.start, f.check))
    return results


GROUPED_NOTICE_END = "; they are listed below with one flag for all."
EDGE_RUN_MIN = 3
"""Unmatched sentences in a row at a document's start or end that become one grouped flag."""


def group_edge_runs(report: Report, minimum: int = EDGE_RUN_MIN) -> Report:
    """Runs of unpaired sentences at the very start or end of a document, grouped.

    An English edition often carries a lead-in or a tail the source lacks (a note on the
    author, "read also" links), or the source goes on past the translated part. Seven
    "no counterpart" flags in a row say one thing; the first pair of the run keeps one flag
    saying it ("the English continues 7 sentences past the end of the source"), the others
    lose their unpaired flag but stay listed as rows, and a notice names the pairs.
    Changes ``report`` in place and returns it.
    """
    pairs = report.pairs
    if report.source is None or not pairs:
        return report
    for at_start in (True, False):
        order = range(len(pairs)) if at_start else range(len(pairs) - 1, -1, -1)
        run: list[int] = []
        kind = None
        for n in order:
            p = pairs[n]
            this = "omission" if not p.target else "addition" if not p.source else None
            if this is None or (kind is not None and this != kind):
                break
            kind = this
            run.append(n)
        if len(run) < minimum or kind is None:
            continue
        run.sort()
        sentences = sum(len(pairs[n].source if kind == "omission" else pairs[n].target)
                        for n in run)
        if kind == "addition":
            what = ("The English opens with {k} sentences before the source begins"
                    if at_start else "The English continues {k} sentences past the end of the "
                    "source")
        else:
            what = ("The source opens with {k} sentences the English does not translate"
                    if at_start else "The source continues {k} sentences past the end of the "
                    "English")
        message = what.format(k=sentences) + f" (pairs {run[0] + 1}–{run[-1] + 1})."
        first = True
        for n in run:
            kept = []
            for f in pairs[n].flags:
                if f.check != kind:
                    kept.append(f)
                elif first:
                    side_doc = report.target if kind == "addition" else report.source
                    last = pairs[run[-1]].target if kind == "addition" else pairs[run[-1]].source
                    end = side_doc.sentences[last[-1]].end if side_doc and last else f.end
                    kept.append(Flag(f.check, f.category, f.severity, f.side, f.start, end,
                                     message, {**f.evidence, "grouped": len(run),
                                               "sentences": sentences}))
                    first = False
            pairs[n].flags = kept
        report.notices.append(message[:-1] + GROUPED_NOTICE_END)
    return report
