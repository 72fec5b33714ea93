"""The currency check: the English names another currency than the source ("100 долларов" ->
"100 euros", "2 млрд рублей" -> "$2bn").

The number check compares the numbers of a sum, not its currency, and the name check reads no
currency words, so a sum in the wrong currency went unflagged. As the date check does
(:mod:`compare.closed_words`), a pair is flagged when the English names a currency that the
source does not and the source names one that the English does not: an added conversion
("15 млн рублей" -> "15 million roubles ($230,000)") keeps the source's currency and is no
swap. Words and signs per language: :mod:`compare.lang.currency_words`.

False alarms and recall: ``python benchmarks/closed_word_flags.py --check currency``.
"""

from __future__ import annotations

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.closed_words import Found, compile_table, find, swapped
from compare.flags import Flag
from compare.lang.currency_words import CURRENCIES, EN, KK, RU, SIGNS

_SOURCE = {"ru": compile_table(RU, regex.IGNORECASE, SIGNS),
           "kk": compile_table(KK, regex.IGNORECASE, SIGNS)}  # fmt: skip
_ENGLISH = compile_table(EN, 0, SIGNS)


def english_currencies(text: str) -> list[Found]:
    """(currency, start, end) of each currency the English names."""
    return find(text, _ENGLISH)


def source_currencies(text: str, lang: str) -> set[str]:
    """The currencies the source names (in its language, by sign, or in English words)."""
    return {key for key, _, _ in find(text, _SOURCE.get(lang, []))} | {
        key for key, _, _ in find(text, _ENGLISH)}


@register
class CurrencyMismatch(PairCheck):
    """Flags a pair whose English names another currency than its source."""

    id = "currency-mismatch"
    category = "number"
    severity = "major"
    description = "The English names another currency than the source."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        source, english = ctx.pair_texts(pair)
        found = english_currencies(english)
        if not found:  # no swap without a currency in the English: the source is not read
            return []
        swap = swapped(source_currencies(source, ctx.source.lang), found, CURRENCIES)
        if swap is None:
            return []
        extra, missing = swap
        start, end = ctx.target_span(pair, (extra[0][1], extra[0][2]))
        return [self.flag(
            "target", start, end,
            f"The English says “{english[extra[0][1]:extra[0][2]]}” where the source names "
            f"another currency ({', '.join(m.upper() for m in missing)}).",
            {"source": missing, "target": sorted({m[0] for m in extra})})]
