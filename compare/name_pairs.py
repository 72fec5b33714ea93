"""How the unmatched names of the two sides of a pair pair up, for the name check
(:mod:`compare.checks.names`): two spellings of one name, or another first name.

Two spellings: when the one unmatched name of each side sounds like the other word for word
(Саид / Saied, a romanisation no rule reads), it is a translator's variant, not a changed name.

Another first name (Георге Иванов / Crescent Ivanov): the check lets the words before a
name's last rendered word go unmatched, because translators drop first names, titles and
patronymics (Питер Джонс / Jones). But where both sides give a word there, each right before
the same surname, and neither spells the other nor sounds like it, the English names someone
else: a first name changed (Георге / Crescent), or a country or a weekday put in its place by a
careless edit (Дональд Трамп / Korea Trump).

Left out, not replaced: a source name the English lacks where the English has no capitalised
word of its own in the sentence (not even a generic one: "Monday", "British") was written as
"he", "the city" or nothing, as translators do; a swapped name leaves another word behind. The
flag says so (evidence ``dropped``) and the severity decision asks more evidence of it
(:func:`compare.risk.decision_key`, session 31). Its mirror, one unmatched name on each side that
do not sound alike, is a name put in another's place (evidence ``swapped``).

Written by hand: the likeness of two words comes from :mod:`compare.name_matching` and the
check's own readings, passed in; this module holds only which words stand against which.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from compare.name_candidates import (
    PATRONYMIC,
    generic_en,
    generic_src,
    is_capitalised,
    opens_sentence,
    word_spans,
)
from compare.name_matching import sounds_alike
from compare.translit import consonant_skeleton, latin_key

Word = tuple[int, int, str]
"""(start, end, text) of a word in its side's text."""
Candidate = tuple[str, int, int, str, dict, list]
"""An unmatched name before it becomes a flag: side, start, end, message, evidence and the words
that no counterpart rendered."""


def unpair_variants(found: list[Candidate], src_free: list, en_free: list) -> list[Candidate]:
    """Candidates left once the one unmatched name of each side, when they sound alike word
    for word, are taken for two spellings of one name (Саид / Saied). A side's unmatched name
    is the words of its one candidate or, where it has none (the English side excuses more),
    its ``free`` words: capitalised words that nothing on the other side renders. A clearly
    different name (Ким / Moon, Смит / Johnson) stays flagged."""
    src = [c for c in found if c[0] == "source"]
    tgt = [c for c in found if c[0] == "target"]
    if len(src) > 1 or len(tgt) > 1:
        return found
    a = src[0][5] if src else src_free
    b = tgt[0][5] if tgt else en_free
    if a and len(a) == len(b) and all(
        sounds_alike(s[2], e[2]) for s, e in zip(a, b, strict=True)
    ):
        return []
    return found


def changed_first_name(
    src_first: Word,
    src_surname: Word,
    en_words: list[Word],
    opens_sentence: Callable[[Word], bool],
    renders: Callable[[str, str], bool],
    rendered_by_source: Callable[[str], bool],
) -> Word | None:
    """The English word that stands right before the English rendering of ``src_surname`` in
    place of ``src_first`` (the source word right before that surname), or None.

    ``opens_sentence``: whether an English word opens a sentence (capitalised for that alone);
    ``renders(src, en)``: the check's reading of a source word as an English one (a looser
    likeness of sound, for a romanisation the readings do not know, is
    :func:`compare.name_matching.sounds_alike`); ``rendered_by_source``: whether any source
    word of the pair renders an English word."""
    first = src_first[2]
    # A first name or surname may look like an adjective in a case (Ангелой Смирновой: -ой),
    # not be a word that opens institution names (Министр, Верховный).
    if (generic_src(first, adjective_shape=False) or PATRONYMIC.fullmatch(first.lower())
            or generic_src(src_surname[2], adjective_shape=False)):  # fmt: skip
        return None
    for k, surname in enumerate(en_words):
        if k == 0 or generic_en(surname[2]) or not renders(src_surname[2], surname[2]):
            continue
        before = en_words[k - 1]
        if (surname[0] - before[1] > 1  # a word right before it, a space or hyphen apart
                or not is_capitalised(before[2]) or generic_en(before[2])
                or rendered_by_source(before[2]) or opens_sentence(before)):  # fmt: skip
            continue
        if not (renders(first, before[2]) or sounds_alike(first, before[2])
                or _variant(latin_key(first), latin_key(before[2]))):  # fmt: skip
            return before
    return None


def _variant(src_key: str, en_key: str) -> bool:
    """Looser than a name's likeness, for a first name before the same surname: a short form
    (Ant for Энтони: its consonants open the name's) or a romanisation that differs only in
    its first letters (Gjose / Йосе: the two end alike for three fifths of the longer)."""
    short, full = sorted((consonant_skeleton(src_key), consonant_skeleton(en_key)), key=len)
    if len(short) >= 2 and full.startswith(short):
        return True
    common = len(os.path.commonprefix([src_key[::-1], en_key[::-1]]))
    return common >= 3 and common >= 0.6 * max(len(src_key), len(en_key))


def mark_swapped(found: list[Candidate]) -> None:
    """Mark both candidates ``swapped`` (in their evidence) where each side has one left: two
    names that do not sound alike (:func:`unpair_variants` has run), one put in the other's
    place."""
    sides = [c[0] for c in found]
    if sides.count("source") == 1 and sides.count("target") == 1:
        for candidate in found:
            candidate[4]["swapped"] = True


def mark_dropped(found: list[Candidate], text: str, sentences: list, src_words: list[Word],
                 renders: Callable[[str, str], bool]) -> None:  # fmt: skip
    """Mark source-side candidates ``dropped`` (in their evidence) when no candidate is on the
    English side and no word of the English ``sentences`` of ``text`` is capitalised inside its
    sentence without a source word that ``renders(source, english)`` it."""
    if not found or any(c[0] == "target" for c in found):
        return
    if any(is_capitalised(w[2]) and w[2] != "I" and not opens_sentence(text, s.start, w[0])
           and not any(renders(x[2], w[2]) for x in src_words)
           for s in sentences for w in word_spans(text, s.start, s.end, True)):  # fmt: skip
        return
    for candidate in found:
        candidate[4]["dropped"] = True
