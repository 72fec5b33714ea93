"""What the meaning model adds to a finished report: per-pair ``qe``, the document summary, and
its view on the rule checks' number, name and negation flags (as evidence, never a new flag)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compare.qe.predict import QEResult
from compare.report import PairResult

RULE_CATEGORIES = ("number", "name", "negation")


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int, float]]) -> bool:
    return any(a < max(end, start + 1) and start < b for a, b, _ in spans)


def attach_qe(
    pairs: list[PairResult], results: Sequence[QEResult | None], model_name: str,
    thresholds: dict[str, Any],
) -> dict[str, Any]:  # fmt: skip
    """Put each result on its pair and the model's view on rule flags; return the document
    summary (model, mean score, pairs scored, pairs under the major threshold)."""
    scores = []
    for pair, result in zip(pairs, results, strict=True):
        if result is None:
            continue
        pair.qe = result.to_dict()
        scores.append(result.score)
        for flag in pair.flags:
            if flag.category in RULE_CATEGORIES:
                bad = result.source_bad if flag.side == "source" else result.target_bad
                flag.evidence["qe"] = {
                    "score": round(result.score, 4),
                    "words_doubted": _overlaps(flag.start, flag.end, bad),
                }
    major = thresholds.get("qe_major")
    return {
        "model": model_name,
        "pairs_scored": len(scores),
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
        "below_threshold": sum(s < major for s in scores) if major is not None else None,
    }
