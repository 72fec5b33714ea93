"""The negation check: a negation on one side only usually turns the meaning around.

How each side's negations are counted (clause by clause, formal negations removed, weak
negators in buckets that pair up across languages, the Kazakh rules) is
:mod:`compare.negations`; this module compares the counts of a pair and flags the side with a
negation the other cannot account for. A negated word whose opposite the other side says
instead ("не выросли" -> "fell", "ашық емес" -> "closed") accounts for its negation: the antonym
lexicon is the evidence that the two words translate each other
(:func:`compare.reversals.rendered_by_opposite`).

Deliberately not caught: a negation moved to another clause of the same sentence, antonyms
(rise -> fall), and negation expressed only by a prefix on both sides.
"""

from __future__ import annotations

from dataclasses import replace

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.flags import Flag
from compare.negations import count_negations, marker_spans, one_sided
from compare.reversals import rendered_by_opposite


@register
class NegationMismatch(PairCheck):
    """Flags a pair where one side negates more often than the other can account for."""

    id = "negation-mismatch"
    category = "negation"
    severity = "critical"
    description = "A negation is present on one side only."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        src_text, tgt_text = ctx.pair_texts(pair)
        lang = ctx.source.lang if ctx.source.lang in ("ru", "kk") else "ru"
        src, tgt = count_negations(src_text, lang), count_negations(tgt_text, "en")
        if src.strong != tgt.strong:
            # "не выросли" -> "fell": the opposite word says the negation (antonym lexicon).
            by_source, by_english = rendered_by_opposite(src_text, tgt_text, lang)
            tgt = replace(tgt, lexical=tgt.lexical + by_source)
            src = replace(src, lexical=src.lexical + by_english)
        evidence = {"source": src.words, "target": tgt.words}
        side = one_sided(src, tgt, lang)
        if side == "target":
            doc, idx, lng = ctx.target, pair.target, "en"
            msg = (
                f"The English has {tgt.strong} negation(s) ({', '.join(tgt.words)}), "
                f"the source {src.strong}: check that the meaning was not reversed."
            )
        elif side == "source":
            doc, idx, lng = ctx.source, pair.source, lang
            msg = (
                f"The source has {src.strong} negation(s) ({', '.join(src.words)}), "
                f"the English {tgt.strong}: a negation may have been lost."
            )
        else:
            return []
        first, last = doc.sentences[idx[0]], doc.sentences[idx[-1]]
        spans = marker_spans(doc.text, first.start, last.end, lng)
        start, end = spans[-1] if spans else (first.start, last.end)
        return [self.flag(side, start, end, msg, evidence)]
