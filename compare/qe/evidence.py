"""What the meaning model adds to a finished report: per-pair ``qe``, the document summary, and
its view on the rule checks' number, name and negation flags (as evidence, never a new flag).

One view changes a flag: a major ``name-mismatch`` flag on a pair that the model finds faithful
(score at least ``qe_name_confident``, the flagged words not doubted) becomes minor. Spelling
rules cannot know every transliteration; the model reads the whole pair. The threshold is chosen
on the dev split (``benchmarks/qe_name_demotion.py``) and stored with the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from compare.qe.omission_head import add_rendered_view
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
    confident = thresholds.get("qe_name_confident")
    scores = []
    for pair, result in zip(pairs, results, strict=True):
        if result is None:
            continue
        pair.qe = result.to_dict()
        scores.append(result.score)
        add_rendered_view(pair.flags, result)
        for flag in pair.flags:
            if flag.category in RULE_CATEGORIES:
                bad = result.source_bad if flag.side == "source" else result.target_bad
                doubted = _overlaps(flag.start, flag.end, bad)
                flag.evidence["qe"] = {"score": round(result.score, 4), "words_doubted": doubted}
                if (
                    flag.check == "name-mismatch"
                    and flag.severity == "major"
                    and confident is not None
                    and result.score >= confident
                    and not doubted
                ):
                    flag.severity = "minor"
                    flag.evidence["qe"]["demoted_from"] = "major"
                    flag.message += " (The meaning model finds this pair faithful.)"
    major = thresholds.get("qe_major")
    return {
        "model": model_name,
        "pairs_scored": len(scores),
        "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
        "below_threshold": sum(s < major for s in scores) if major is not None else None,
    }
