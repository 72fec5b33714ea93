"""Correcting the aligner by hand: merge two pairs, split one, move a sentence to a neighbour.

Each correction returns a *new* report with the checks run again on the corrected pairs
(unchanged pairs keep their scores, machine-translation signals and meaning-model scores).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from compare.alignment_types import AlignedPair
from compare.checks import CheckContext, all_checks, run_checks
from compare.report import GROUPED_NOTICE_END, PairResult, Report, attach_flags, group_edge_runs
from compare.review import JOINER
from compare.risk import attach_risk


class CorrectionError(ValueError):
    """A correction that cannot be made; ``str(error)`` is a one-line message for the user."""


def merge_pairs(
    report: Report, first: int, embedder: Any = None, qe: Any = None, glossary: Any = None
) -> Report:
    """Merge pair ``first`` with the pair after it (e.g. a 1-0 and a 0-1 that belong together).

    Every correction takes the loaded meaning model as ``qe`` (optional): when the report was
    made with it, the changed pairs are scored again (see :func:`_recheck`); and the glossary
    in force (:class:`compare.glossary.Glossary`, None: the built-in list).
    """
    pairs = _aligned(report)
    if not 0 <= first < len(pairs) - 1:
        raise CorrectionError(f"There is no pair after pair {first} to merge it with.")
    a, b = pairs[first], pairs[first + 1]
    merged = AlignedPair(a.source + b.source, a.target + b.target, 1.0)
    return _recheck(report, pairs[:first] + [merged] + pairs[first + 2 :], embedder, qe,
                    glossary)


def split_pair(
    report: Report, index: int, source_cut: int, target_cut: int, embedder: Any = None,
    qe: Any = None, glossary: Any = None,
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
    return _recheck(report, pairs[:index] + [head, tail] + pairs[index + 1 :], embedder, qe,
                    glossary)


def relink(
    report: Report, side: str, sentence: int, to_pair: int, embedder: Any = None, qe: Any = None,
    glossary: Any = None,
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
    return _recheck(report, new, embedder, qe, glossary)


def _with_side(pair: AlignedPair, side: str, indices: tuple[int, ...]) -> AlignedPair:
    if side == "source":
        return AlignedPair(indices, pair.target, 1.0)
    return AlignedPair(pair.source, indices, 1.0)


def _aligned(report: Report) -> list[AlignedPair]:
    return [
        AlignedPair(tuple(p.source), tuple(p.target), p.score, p.similarity) for p in report.pairs
    ]


def _recheck(
    report: Report, pairs: list[AlignedPair], embedder: Any = None, qe: Any = None,
    glossary: Any = None,
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
        glossary=glossary,
        embedder=getattr(embedder, "name", None),
        embed_model=embedder,
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
               if not n.startswith(("The alignment was corrected", QE_UNSCORED_PREFIX))
               and not n.endswith(GROUPED_NOTICE_END)]
    notices.append("The alignment was corrected by hand; the checks ran again on the new pairs.")
    if unscored:
        notices.append(f"{QE_UNSCORED_PREFIX} {unscored} corrected pair(s) (it is not loaded): "
                       "they have no meaning score and no meaning-shift flag.")
    signature = replace(report.signature, extra={**report.signature.extra, "corrected": True})
    fixed_report = replace(report, pairs=results, notices=notices, signature=signature,
                           qe=summary)
    group_edge_runs(fixed_report)
    # The corrected pairs have new flags (and maybe new meaning scores), hence a new risk.
    attach_risk(fixed_report)
    return fixed_report


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

