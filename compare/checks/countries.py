"""The country check: the English names another state than the source ("российские войска" ->
"Ukrainian troops", "Американдық санкциялар" -> "British sanctions").

A state is named by its name, its adjective or demonym, or its capital or seat (Россия,
российский, россиянин, Москва, Кремль). The name check reads capitalised words, and it sets a
sentence's first word aside (any word is capitalised there) and reads Russian adjectives of
place, which are written in lower case, as common words; so a swapped nationality opening a
sentence, or said by an adjective, went unflagged. As the date and currency checks do
(:mod:`compare.closed_words`), a pair is flagged when the English names a state that the source
does not and the source names one that the English does not: a state the English adds to
clarify ("Лавров" -> "Russia's Lavrov") or leaves out ("the country") is no swap, and a capital
put for its state (Москва -> Russia) is the same member. Words per language:
:mod:`compare.lang.country_names`; the finding, :mod:`compare.country_swaps`.

The name check leaves a swap this check finds to it (:func:`compare.country_swaps.swap_members`),
so a swapped state is one flag, not two. Each state the English puts in is flagged at its
first mention: where the English also names a state to clarify, the first is not always the
swapped one.

False alarms and recall: ``python benchmarks/closed_word_flags.py --check country``.
"""

from __future__ import annotations

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.country_swaps import country_name, country_swap
from compare.flags import Flag


@register
class CountryMismatch(PairCheck):
    """Flags a pair whose English names another state than its source."""

    id = "country-mismatch"
    category = "name"
    severity = "major"
    description = "The English names another country than the source."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        source, english = ctx.pair_texts(pair)
        swap = country_swap(source, english, ctx.source.lang)
        if swap is None:
            return []
        extra, missing = swap
        named = [source[s:e] for _, s, e in missing]
        flags = []
        # Every state the English puts in: where it also names one to clarify (Russia's
        # Lavrov), the first is not always the swapped one.
        firsts = {key: (s, e) for key, s, e in reversed(extra)}
        for key, (s, e) in sorted(firsts.items(), key=lambda item: item[1]):
            start, end = ctx.target_span(pair, (s, e))
            flags.append(self.flag(
                "target", start, end,
                f"The English says “{english[s:e]}” ({country_name(key)}) where the source "
                f"names another country: {', '.join(f'“{n}”' for n in dict.fromkeys(named))} "
                f"({', '.join(dict.fromkeys(country_name(k) for k, _, _ in missing))}).",
                {"source": sorted({k for k, _, _ in missing}), "target": [key]}))
        return flags
