"""Ordinal words that differ between the two sides: "занял второе место" -> "came third".

An ordinal word is a soft mention for the number check (:mod:`compare.checks.numbers`): "first"
and "second" are said for many things that are no rank (at first, for the first time, a
second), so an ordinal word on one side only is never flagged, and two soft mentions never
pair. That let a rank change through. Here, as for growth multiples, the two sides' ordinal
words are compared as a whole: a swap is an ordinal word on each side, none of whose values
the other side says in any way (a digit, a word, "2-е"), and neither of them "first", the most
idiomatic of them (впервые, first of all, бірінші кезекте).
"""

from __future__ import annotations

import regex

from compare.number_types import Mention

_ORDINAL = {
    "en": regex.compile(r"(?:first|second|third|\w+th|\w+-(?:first|second|third))s?",
                        regex.IGNORECASE),
    # Russian ordinals end as adjectives (второе, третьего, пятым), Kazakh ones in -ншы/-нші
    # and its cases (екінші, үшіншісі).
    "ru": regex.compile(r"\w+(?:ый|ой|ий|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми|ья|ье|ьи|ьего|ьему"
                        r"|ьим|ьей|ью|ьих|ьими)", regex.IGNORECASE),
    "kk": regex.compile(r"\w+(?:ншы|нші)\w*", regex.IGNORECASE),
}


def ordinal_words(mentions: list[Mention], lang: str) -> list[Mention]:
    """The soft mentions of ``mentions`` that are ordinal words (not "first": see above)."""
    pattern = _ORDINAL.get(lang)
    return [m for m in mentions if m.soft and m.word and pattern is not None
            and pattern.fullmatch(m.text.strip()) and 1.0 not in m.values]  # fmt: skip


def ordinal_swap(src: list[Mention], tgt: list[Mention], lang: str,
                 ) -> tuple[Mention, Mention] | None:  # fmt: skip
    """(source ordinal, English ordinal) of a swap, or None: both sides have an ordinal word and
    no value of either side's ordinals is said anywhere on the other side."""
    src_ord, tgt_ord = ordinal_words(src, lang), ordinal_words(tgt, "en")
    if not src_ord or not tgt_ord:
        return None
    said_src = frozenset().union(*(m.values for m in src))
    said_tgt = frozenset().union(*(m.values for m in tgt))
    if any(m.values & said_tgt for m in src_ord) or any(m.values & said_src for m in tgt_ord):
        return None
    return src_ord[0], tgt_ord[0]
