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
"""

from __future__ import annotations

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.flags import Flag
from compare.reversals import find_reversals


@register
class AntonymSwap(PairCheck):
    """Flags a pair whose English has the opposite of a word of its source (rose -> "fell")."""

    id = "antonym"
    category = "meaning"
    severity = "major"
    description = "The English says the opposite of the source (an antonym)."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        src_text, tgt_text = ctx.pair_texts(pair)
        found = find_reversals(src_text, tgt_text, ctx.source.lang)
        if not found:
            return []
        # Offsets in the joined English text map back to the document through its sentences.
        flags = []
        for rev in found[:1]:  # one flag a pair: the first reversal explains the pair
            start, end = ctx.target_span(pair, rev.english_span)
            flags.append(
                self.flag(
                    "target", start, end,
                    f"The English says “{rev.english_word}” where the source says "
                    f"“{rev.source_word}”: the opposite ({rev.name}).",
                    {"source": rev.source_word, "target": rev.english_word, "pair": rev.name},
                )  # fmt: skip
            )
        return flags
