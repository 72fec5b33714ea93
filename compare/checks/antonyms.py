"""The antonym check: the English says the opposite of the source (rose -> "fell", won -> "lost").

Neither the number, name and negation checks nor the sentence vectors see an antonym: the
sentence keeps its shape and its cosine. The meaning model sees few (benchmarks/README.md).
This check reads a hand-written bilingual lexicon of opposite pairs that news and everyday text
use (``compare/lang/antonym_lexicon.py``, about 150 pairs: rise/fall, win/lose, buy/sell,
cheap/expensive, arrest/release, day/night...), matched as :mod:`compare.reversals` says: a
pair is flagged when the English has a word of one pole and none of the other, while the
source has a stem of the other pole and none of the first ("цены выросли" -> "prices fell"),
and a negation next to the pole word on one side only makes a paraphrase, left to the negation
check.

Its false alarms and recall are measured in ``benchmarks/antonym_flags.py``.

The view (session 22): where the document's vectors are multilingual-e5-small's, each flag
records how much closer to the source the English reads with the flagged word replaced by its
opposite (:mod:`compare.opposites`; "fell" -> "rose"): the cosine of the source and that English
minus the cosine of the source and the English as written (``with_opposite``). A reversal the
translation made reads closer once undone; a loose rendering that the lexicon misreads (the
second "night" for "второй день") does not. From a gain of :data:`OPPOSITE_GAIN` the flag is
``reversed``, and the severity decision (:mod:`compare.risk`, key ``antonym+reversed``) keeps
it major whatever the pair's risk; otherwise the pair's risk decides, as before. Chosen on dev
(``python benchmarks/antonym_view.py``; synthetic swaps of NTREX lines 631-700, seeds 77 and 78,
ru and kk, n = 54): the swaps that keep a major flag go from 16 to 22 at 0.015 (28 at 0.01, 39 at
0), and no professional or post-edited dev pair gains one (two NTREX ru pairs do at 0.005, and a
made-up loose rendering, "the second night" for "второй день", gains 0.011: hence 0.015).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, e5_small_embedder, register
from compare.flags import Flag
from compare.opposites import opposites
from compare.reversals import Reversal, find_reversals

OPPOSITES = opposites()
# The cosine gain (multilingual-e5-small) from which a flag's English reads as reversed.
OPPOSITE_GAIN = 0.015


def with_opposites(english: str, span: tuple[int, int]) -> list[str]:
    """The English with the word at ``span`` replaced by each of its opposites (in its case)."""
    word = english[span[0] : span[1]]
    out = []
    for opposite in OPPOSITES.get(word.lower(), ()):
        cased = opposite[:1].upper() + opposite[1:] if word[:1].isupper() else opposite
        out.append(english[: span[0]] + cased + english[span[1] :])
    return out


def opposite_gains(embedder: Any, asked: list[tuple[str, str, list[str]]]) -> list[float | None]:
    """For each (source, English, the English with an opposite), the best cosine gain of an
    opposite over the English as written (None where no opposite is known). One embedder call."""
    texts: dict[str, int] = {}
    for source, english, variants in asked:
        for text in (source, english, *variants):
            texts.setdefault(text, len(texts))
    if not any(variants for _, _, variants in asked):
        return [None] * len(asked)
    vectors = np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    out: list[float | None] = []
    for source, english, variants in asked:
        src = vectors[texts[source]]
        whole = float(src @ vectors[texts[english]])
        out.append(max((float(src @ vectors[texts[v]]) - whole for v in variants), default=None))
    return out


@register
class AntonymSwap(PairCheck):
    """Flags a pair whose English has the opposite of a word of its source (rose -> "fell")."""

    id = "antonym"
    category = "meaning"
    severity = "major"
    description = "The English says the opposite of the source (an antonym)."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags: list[Flag] = []
        asked: list[tuple[str, str, list[str]]] = []
        for pair in ctx.pairs if ctx.source is not None else []:
            if pair.source and pair.target:
                for flag, rev, src, tgt in self._reversals(ctx, pair):
                    flags.append(flag)
                    asked.append((src, tgt, with_opposites(tgt, rev.english_span)))
        embedder = e5_small_embedder(ctx)
        if embedder is not None and flags:
            for flag, gain in zip(flags, opposite_gains(embedder, asked), strict=True):
                if gain is not None:
                    flag.evidence["with_opposite"] = {"gain": round(gain, 4),
                                                      "reversed": gain >= OPPOSITE_GAIN}
        return flags

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        return [flag for flag, *_ in self._reversals(ctx, pair)]

    def _reversals(self, ctx: CheckContext, pair: AlignedPair
                   ) -> list[tuple[Flag, Reversal, str, str]]:  # fmt: skip
        assert ctx.source is not None
        src_text, tgt_text = ctx.pair_texts(pair)
        found = find_reversals(src_text, tgt_text, ctx.source.lang)
        # Offsets in the joined English text map back to the document through its sentences.
        out = []
        for rev in found[:1]:  # one flag a pair: the first reversal explains the pair
            start, end = ctx.target_span(pair, rev.english_span)
            flag = self.flag(
                "target", start, end,
                f"The English says “{rev.english_word}” where the source says "
                f"“{rev.source_word}”: the opposite ({rev.name}).",
                {"source": rev.source_word, "target": rev.english_word, "pair": rev.name},
            )  # fmt: skip
            out.append((flag, rev, src_text, tgt_text))
        return out
