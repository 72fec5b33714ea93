"""The omitted-passage check: part of a source sentence that the English does not render.

The coverage checks see a whole sentence left without a partner and a pair whose English is far
too short; the meaning model scores a pair low but is seldom sure of any word when the English
leaves something out (its synthetic training pairs carry no source-side tags for an omission,
``benchmarks/README.md``, session 17). This check asks the sentence embedder one question of a
pair whose English is shorter than its source usually is: does the source, with one passage of
it dropped, say what the English says better than the whole source does? For each window of
the source's words, the cosine between the shortened source and the English is compared with
the cosine of the whole source; when the best window gains ``omitted_passage_gain`` or more,
the pair is flagged on that passage of the source. The windows are each clause (cut at punctuation
and before a word that opens one: и, который, что; және, бірақ) and two clauses together, and
runs of a third and of half of the words; at least three words, never more than three fifths.
A faithful English renders every passage, so dropping any of them moves the source away from
it; an English that left one out moves closer.

Chosen on dev (``python benchmarks/omitted_passage.py``: synthetic omissions of NTREX lines
631-700, which neither the meaning model nor any threshold had seen, five seeds, ru and kk,
n = 690; faithful: the professional dev sets of ``benchmarks/trust.py --split dev`` and the
MLQE-PE ru-en dev post-edits, n = 3,836): only a pair whose English/source length ratio is
under 0.7 of the usual one is asked (an English that left a clause out is much shorter; the
looser cut 0.9 caught 0.20 of the omissions but flagged 5 faithful pairs, mostly a Russian
more explicit than the English original, and embedded eight times as many sentences), and a
gain of 0.03 flags 0.18 [0.15, 0.21] of the omissions and none of the faithful pairs, for
about one sentence embedded per five faithful pairs. The gain lives on multilingual-e5-small's
cosine scale, so the check runs with those vectors only.

Written by hand because no library asks where a translation is shorter than its source; the
vectors come from :mod:`compare.embed`.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

import numpy as np

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, E5SmallCheck, Setting, register
from compare.flags import Flag
from compare.words import MODEL_WORD

SETTINGS = (
    Setting("omitted_passage_gain", float, 0.03,
            "how much closer (cosine) the source without one passage must read to the English "
            "than the whole source for the passage to be flagged as left out (higher: fewer "
            "flags)", off="no omitted-passage flags"),
    Setting("omitted_passage_ratio", float, 0.7,
            "a pair is examined only when its English/source length ratio is under this share "
            "of the usual ratio (the document's median, or the language's)", minimum=0.0),
)
DEFAULTS = {s.name: s.default for s in SETTINGS}

# The median English/source character ratio of NTREX-128 lines 1-700 (professional news
# translations; dev), the usual ratio of a document too short to have its own.
TYPICAL_RATIO = {"ru": 0.901, "kk": 0.945}
# A document of at least this many pairs (of MIN_CHARS or more a side) has its own usual ratio.
MIN_PAIRS = 8
MIN_CHARS = 20
# The windows: shares of the source's words dropped at a time, the fewest words a window drops,
# and the largest share of the sentence that can be "a passage".
SHARES = (0.35, 0.5)
MIN_WORDS = 3
MAX_SHARE = 0.6
# Words that open a clause: a passage left out is often one clause.
CLAUSE_OPENERS = {
    "ru": frozenset({"и", "а", "но", "или", "что", "чтобы", "когда", "если", "хотя", "где",
                     "потому", "поскольку", "который", "которая", "которое", "которые",
                     "которого", "которой", "которых", "которым", "котором", "которую"}),
    "kk": frozenset({"және", "бірақ", "алайда", "ал", "немесе", "әрі", "өйткені", "себебі",
                     "сондықтан", "егер"}),
}
# As for the antonym-vector check: a paragraph-sized pair is left alone (one passage barely
# moves its vector, and each window would embed all of it again).
MAX_PAIR_CHARS = 1500


@dataclass(frozen=True)
class Passage:
    """The source passage whose dropping brings the source nearest the English."""

    span: tuple[int, int]
    """Character offsets in the pair's source text."""
    gain: float
    similarity: float
    """Cosine of the whole source and the English."""


def clauses(source: str, lang: str) -> list[list[tuple[int, int]]]:
    """The source's words (character spans) cut into runs at punctuation and before a word that
    opens a clause (a conjunction or a relative word)."""
    opens = CLAUSE_OPENERS.get(lang, frozenset())
    runs: list[list[tuple[int, int]]] = [[]]
    for match in MODEL_WORD.finditer(source):
        word = match.group()
        if not word[0].isalnum():
            if word not in "-‑'’":
                runs.append([])
            continue
        if word.lower() in opens and runs[-1]:
            runs.append([])
        runs[-1].append(match.span())
    return [run for run in runs if run]


def windows(source: str, lang: str = "") -> list[tuple[int, int]]:
    """Character spans of the passages tried: runs of whole words (punctuation is never a
    window's first or last word): each clause and two clauses together, and windows of a
    fifth, a third and half of the words, wherever they fall."""
    words = [m.span() for m in MODEL_WORD.finditer(source) if m.group()[0].isalnum()]
    n = len(words)
    out: list[tuple[int, int]] = []
    runs = clauses(source, lang)
    for k, run in enumerate(runs):
        for joined in (run, run + runs[k + 1] if k + 1 < len(runs) else []):
            if MIN_WORDS <= len(joined) <= MAX_SHARE * n:
                span = (joined[0][0], joined[-1][1])
                if span not in out:
                    out.append(span)
    for share in SHARES:
        size = max(MIN_WORDS, round(n * share))
        if size > MAX_SHARE * n:
            continue
        step = max(1, size // 2)
        for first in range(0, n - size + 1, step):
            span = (words[first][0], words[first + size - 1][1])
            if span not in out:
                out.append(span)
    return out


def without(source: str, span: tuple[int, int]) -> str:
    """``source`` with the passage at ``span`` cut out."""
    left, right = source[: span[0]].rstrip(), source[span[1] :].lstrip()
    return f"{left} {right}".strip()


def find_passages(pairs: list[tuple[str, str]], embedder: Any, gain: float, lang: str = ""
                  ) -> list[Passage | None]:  # fmt: skip
    """For each (source, English) pair, the passage of the source whose dropping brings it
    closest to the English, when that gain reaches ``gain`` (else None). One call of the
    embedder for every pair's variants."""
    texts: list[str] = []
    asked: list[tuple[int, int, list[tuple[int, int]]]] = []
    for index, (source, english) in enumerate(pairs):
        if max(len(source), len(english)) > MAX_PAIR_CHARS:
            continue
        spans = windows(source, lang)
        if spans:
            asked.append((index, len(texts), spans))
            texts += [source, english, *(without(source, s) for s in spans)]
    found: list[Passage | None] = [None] * len(pairs)
    if not asked:
        return found
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    for index, at, spans in asked:
        english = vectors[at + 1]
        whole = float(vectors[at] @ english)
        gains = vectors[at + 2 : at + 2 + len(spans)] @ english - whole
        # The shortest of the windows that gain the most (within rounding): the passage itself
        # rather than the passage and a neighbouring word that the English renders.
        top = float(gains.max())
        best = min((k for k in range(len(spans)) if gains[k] >= top - 1e-4),
                   key=lambda k: spans[k][1] - spans[k][0])  # fmt: skip
        if float(gains[best]) >= gain:
            found[index] = Passage(spans[best], float(gains[best]), whole)
    return found


def usual_ratio(ctx: CheckContext) -> float | None:
    """The document's median English/source ratio over its pairs of some length, or the
    language's typical one when it has too few (None for a language without one)."""
    ratios = []
    for pair in ctx.pairs:
        if pair.source and pair.target:
            src, tgt = ctx.pair_texts(pair)
            if len(src) >= MIN_CHARS and len(tgt) >= MIN_CHARS:
                ratios.append(len(tgt) / len(src))
    if len(ratios) >= MIN_PAIRS:
        return statistics.median(ratios)
    assert ctx.source is not None
    return TYPICAL_RATIO.get(ctx.source.lang)


@register
class OmittedPassage(E5SmallCheck):
    """Flags the passage of a source sentence that its (shorter) English seems to leave out."""

    id = "omitted-passage"
    category = "omission"
    severity = "major"
    needs_source = True
    description = (
        "Part of the source sentence seems to be missing from the English (the source without "
        "it reads closer to the English)."
    )
    settings = SETTINGS
    calibrated = "its gain is"

    def run(self, ctx: CheckContext) -> list[Flag]:
        embedder = self.vectors(ctx)
        if embedder is None:
            return []
        settings = {**DEFAULTS, **ctx.thresholds}
        gain, share = settings["omitted_passage_gain"], settings["omitted_passage_ratio"]
        usual = ctx.once("omitted-passage.ratio", lambda: usual_ratio(ctx))
        if gain is None or share is None or usual is None:
            return []
        chosen: list[AlignedPair] = []
        texts: list[tuple[str, str]] = []
        for pair in ctx.pairs:
            if not (pair.source and pair.target):
                continue
            src, tgt = ctx.pair_texts(pair)
            if src and len(tgt) / len(src) < float(share) * usual:
                chosen.append(pair)
                texts.append((src, tgt))
        flags = []
        for pair, (src, _), found in zip(chosen, texts, find_passages(
                texts, embedder, float(gain), ctx.source.lang), strict=True):  # fmt: skip
            if found is None:
                continue
            start, end = ctx.source_span(pair, found.span)
            shown = src[found.span[0] : found.span[1]]
            flags.append(self.flag(
                "source", start, end,
                f"The English may leave out “{shown}”: without it the source reads closer to "
                f"the English (similarity {found.similarity:.2f} → "
                f"{found.similarity + found.gain:.2f}).",
                {"gain": round(found.gain, 4), "similarity": round(found.similarity, 4)},
            ))  # fmt: skip
        return flags
