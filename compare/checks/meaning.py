"""The learned meaning check: a pair the QE model scores far below faithful translations.

The score and the word tags come from :mod:`compare.qe` (run by the pipeline, passed in through
``ctx.qe``); this check only turns them into flags. The thresholds are the model's own, calibrated
on dev so that about 3 % of faithful professional pairs fall under ``major`` (see the model
card); a user may override them with ``qe_major`` / ``qe_critical``. The flag spans the English
words the model tags BAD (the whole English of the pair when it tags none), and its evidence
lists every BAD span of both sides so that the app and the exports can mark them.

A pair that scores above ``major`` is still flagged when the model doubts a whole passage of its
English: at least ``qe_passage_words`` consecutive words (punctuation between them ignored), each
BAD with probability ``qe_passage_bad`` or more. That is how added material shows: the sentence
score of a faithful sentence with a clause tacked on stays high, but every word of the addition
is tagged BAD. Chosen on dev (2026-11-30, 12-layer model; ``benchmarks/README.md``): at 0.9 and
4 words it flagged none of 326 faithful dev pairs and raised the recall of added clauses on the
synthetic dev set from 39 to 50 of 60; the source side gave nothing there (omissions are not
tagged that way), so only the English side is read.
"""

from __future__ import annotations

from typing import Any

from compare.checks.base import Check, CheckContext, Setting, register
from compare.flags import Flag

# qe_major / qe_critical None: the model's calibrated values.
QE_SETTINGS = (
    Setting("qe_major", float, None,
            "meaning score below which a pair is a major meaning-shift flag (default: the "
            "meaning model's calibrated value)",
            model_default=True),
    Setting("qe_critical", float, None,
            "meaning score below which that flag is critical (default: the meaning model's "
            "calibrated value)",
            model_default=True),
    Setting("qe_major_word_bad", float, 0.95,
            "a pair under qe_major stays a major (or critical) flag only when the meaning model "
            "doubts one of its English words with this probability or more; otherwise it is a "
            "minor hint", minimum=0.0, maximum=1.0,
            off="every pair under qe_major is a major flag"),
    Setting("qe_passage_bad", float, 0.9,
            "probability from which the meaning model's doubt makes a word part of a doubted "
            "passage", minimum=0.0, maximum=1.0, off="no doubted-passage flags"),
    Setting("qe_passage_words", int, 4,
            "doubted words in a row that flag a pair the model scores above qe_major",
            minimum=1, off="no doubted-passage flags"),
)
QE_DEFAULTS = {s.name: s.default for s in QE_SETTINGS}


def qe_threshold(ctx: CheckContext, key: str) -> float | None:
    value = ctx.thresholds.get(key)
    return None if value is None else float(value)


@register
class MeaningShift(Check):
    id = "meaning-shift"
    category = "meaning"
    severity = "major"
    needs_source = True
    description = "The meaning model scores the pair far below faithful translations."
    settings = QE_SETTINGS
    needs = frozenset({"meaning-model"})

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None or not ctx.qe:
            return []
        major = qe_threshold(ctx, "qe_major")
        critical = qe_threshold(ctx, "qe_critical")
        if major is None:
            return []
        flags = []
        for pair, result in zip(ctx.pairs, ctx.qe, strict=False):
            if result is None or not pair.source or not pair.target:
                continue
            if result.score >= major:
                flags.extend(self._doubted_passage(ctx, result))
                continue
            severe = critical is not None and result.score < critical
            sure = _doubts_a_word(ctx, result)
            if result.target_bad:
                start, end = result.target_bad[0][0], result.target_bad[-1][1]
            else:
                first, last = pair.target[0], pair.target[-1]
                start, end = ctx.target.sentences[first].start, ctx.target.sentences[last].end
            shown = ", ".join(f"“{ctx.target.text[a:b]}”" for a, b, _ in result.target_bad[:4])
            message = (
                f"The meaning model rates this translation {result.score:.2f} "
                f"(faithful pairs rarely score below {major:.2f})"
                + (f"; words it doubts: {shown}." if shown else ".")
                + ("" if sure else " It is sure of no single word, so this is a hint to check, "
                   "not a finding.")
            )
            flags.append(
                self.flag(
                    "target",
                    start,
                    end,
                    message,
                    evidence={
                        "score": round(result.score, 4),
                        "threshold": round(major, 4),
                        "target_bad": [[a, b] for a, b, _ in result.target_bad],
                        "source_bad": [[a, b] for a, b, _ in result.source_bad],
                        "sure_word": sure,
                    },
                    severity=("critical" if severe else "major") if sure else "minor",
                )  # fmt: skip
            )
        return flags

    def _doubted_passage(self, ctx: CheckContext, result: Any) -> list[Flag]:
        cut = ctx.thresholds.get("qe_passage_bad", QE_DEFAULTS["qe_passage_bad"])
        words = ctx.thresholds.get("qe_passage_words", QE_DEFAULTS["qe_passage_words"])
        if cut is None or words is None:  # a user's None turns the passage rule off
            return []
        passage = doubted_passage(ctx.target.text, result.target_bad, float(cut))
        if passage is None or passage[2] < float(words):
            return []
        start, end, count = passage
        message = (
            f"The meaning model doubts a whole passage of this translation ({count} words in a "
            f"row): “{ctx.target.text[start:end]}”. Added material, or words that say something "
            f"the source does not (pair score {result.score:.2f})."
        )
        evidence = {
            "score": round(result.score, 4),
            "passage_words": count,
            "target_bad": [[a, b] for a, b, _ in result.target_bad],
            "source_bad": [[a, b] for a, b, _ in result.source_bad],
        }
        return [self.flag("target", start, end, message, evidence=evidence)]


def _doubts_a_word(ctx: CheckContext, result: Any) -> bool:
    """Whether the model is sure enough of one English word to make its low score a finding.

    On dev, faithful pairs that fall under ``qe_major`` mostly do so without one: a human
    post-edit (MLQE-PE ru-en dev) or a short conversational pair (Tatoeba kk-en) reads as
    awkward, every word a little doubtful; an added clause, a reworded one or another sentence
    altogether has words the model is all but sure of. Measured in benchmarks/README.md
    (session 17): among pairs under the cut, an English word at 0.95 or more in 68 % of the
    synthetic errors of NTREX lines 631-700 and in 7 % of the post-edits. The errors it misses
    that way (a lost negation, a swapped name, an omission) are the rule checks' to find."""
    cut = ctx.thresholds.get("qe_major_word_bad", QE_DEFAULTS["qe_major_word_bad"])
    if cut is None:
        return True
    return any(probability >= float(cut) for _, _, probability in result.target_bad)


def doubted_passage(
    text: str, spans: list[tuple[int, int, float]], cut: float
) -> tuple[int, int, int] | None:
    """The longest run of consecutive words in ``spans`` (character offsets into ``text`` with
    a BAD probability, in text order) whose probability is at least ``cut``: (start, end, words).

    Punctuation neither breaks a run nor counts; any word between two spans (one the model did
    not tag BAD) or a span below ``cut`` ends it."""
    best: tuple[int, int, int] | None = None
    start = end = count = 0
    for a, b, probability in spans:
        if not any(ch.isalnum() for ch in text[a:b]):
            continue
        joined = count > 0 and not any(ch.isalnum() for ch in text[end:a])
        if probability < cut:
            count = 0
            continue
        if joined:
            end, count = b, count + 1
        else:
            start, end, count = a, b, 1
        if best is None or count > best[2]:
            best = (start, end, count)
    return best
