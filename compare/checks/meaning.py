"""The learned meaning check: a pair the QE model scores far below faithful translations.

The score and the word tags come from :mod:`compare.qe` (run by the pipeline, passed in through
``ctx.qe``); this check only turns them into flags. The thresholds are the model's own, calibrated
on dev so that about 3 % of faithful professional pairs fall under ``major`` (see the model
card); a user may override them with ``qe_major`` / ``qe_critical``. The flag spans the English
words the model tags BAD (the whole English of the pair when it tags none), and its evidence
lists every BAD span of both sides so that the app and the exports can mark them.
"""

from __future__ import annotations

from compare.checks.base import Check, CheckContext, register
from compare.flags import Flag

QE_DEFAULTS = {"qe_major": None, "qe_critical": None}  # None: the model's calibrated values


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
    defaults = QE_DEFAULTS

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None or not ctx.qe:
            return []
        major = qe_threshold(ctx, "qe_major")
        critical = qe_threshold(ctx, "qe_critical")
        if major is None:
            return []
        flags = []
        for pair, result in zip(ctx.pairs, ctx.qe, strict=False):
            if result is None or not pair.source or not pair.target or result.score >= major:
                continue
            severe = critical is not None and result.score < critical
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
                    },
                    severity="critical" if severe else "major",
                )  # fmt: skip
            )
        return flags
