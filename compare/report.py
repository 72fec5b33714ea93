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
    ``z``, and ``source_bad``/``target_bad`` word spans ``{start, end, p}`` in full-text offsets."""

    @property
    def max_severity(self) -> str | None:
        if not self.flags:
            return None
        return max((f.severity for f in self.flags), key=SEVERITY_RANK.__getitem__)


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
        return [f for p in self.pairs for f in p.flags]

    def counts(self) -> dict[str, dict[str, int]]:
        """Flags counted by category and by severity."""
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
                }
                for p in self.pairs
            ],
            "summary": {"pairs": len(self.pairs), **self.counts()},
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
                )
                for p in d["pairs"]
            ],
            notices=list(d.get("notices", [])),
            languages=dict(d.get("languages", {})),
            mt=d.get("mt"),
            qe=d.get("qe"),
        )

    def to_csv(self) -> str:
        """One row per pair, flags joined; opens in a spreadsheet as it is."""
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(
            ["pair", "source_sentences", "target_sentences", "score", "similarity",
             "source_text", "target_text", "flag_count", "max_severity", "categories", "flags",
             "qe_score"]
        )
        for n, p in enumerate(self.pairs):
            writer.writerow(
                [
                    n,
                    " ".join(map(str, p.source)),
                    " ".join(map(str, p.target)),
                    f"{p.score:.4f}",
                    "" if p.similarity is None else f"{p.similarity:.4f}",
                    self.pair_text(p, "source"),
                    self.pair_text(p, "target"),
                    len(p.flags),
                    p.max_severity or "",
                    ";".join(sorted({f.category for f in p.flags})),
                    " | ".join(f"[{f.severity}] {f.check}: {f.message}" for f in p.flags),
                    "" if p.qe is None else f"{p.qe['score']:.4f}",
                ]
            )
        return buf.getvalue()

    def summary(self, max_flags: int = 20) -> str:
        """A short plain-text summary for the terminal."""
        lines = []
        src = self.source
        if src is not None:
            lines.append(
                f"Source: {src.lang}, {len(src.sentences)} sentences.  "
                f"Target: {self.target.lang}, {len(self.target.sentences)} sentences.  "
                f"Pairs: {len(self.pairs)}."
            )
        else:
            lines.append(
                f"Target only: {self.target.lang}, {len(self.target.sentences)} sentences."
            )
        for notice in self.notices:
            lines.append(f"Note: {notice}")
        if self.qe and self.qe.get("mean_score") is not None:
            lines.append(
                f"Meaning model: mean score {self.qe['mean_score']:.2f} over "
                f"{self.qe['pairs_scored']} pairs, {self.qe.get('below_threshold') or 0} under "
                "its threshold."
            )
        counts = self.counts()
        total = sum(counts["severity"].values())
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
                    if shown >= max_flags:
                        break
                    doc = self.source if f.side == "source" else self.target
                    excerpt = _excerpt(doc.text if doc else "", f.start, f.end)
                    lines.append(f"  #{n} [{f.severity}] {f.category}/{f.check}: {f.message}")
                    lines.append(f"      {f.side}: {excerpt}")
                    shown += 1
            if total > shown:
                lines.append(f"  ... and {total - shown} more (see the JSON or CSV report).")
        lines.append(f"Signature: {self.signature}")
        return "\n".join(lines)


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
