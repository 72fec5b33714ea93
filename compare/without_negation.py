"""A sentence said without its negation, for the meaning model's view of a negation flag
(:mod:`compare.qe.negation_view`).

The negation check counts negations; it cannot tell a lost "не" from a free rendering that
carries the negation in another word ("не хотят" -> "worried about", "не последний" ->
"a senior"). The meaning model reads whole pairs, so it is asked about both readings: the pair
as it is and the pair with the flagged side's negation words edited out. This module makes the
edited sentence, word by word, from the tables in :mod:`compare.lang.negation_removal`; the
negation words are the ones the check itself counts (:func:`compare.negations.marker_spans`).
"""

from __future__ import annotations

import regex

from compare.lang.negation_removal import (
    EN_CONTRACTIONS,
    EN_DROP,
    EN_REPLACE,
    KK_DROP,
    KK_REPLACE_PREFIX,
    RU_DROP,
    RU_INDEFINITE_SUFFIX,
    RU_NI_PREFIX,
    RU_REPLACE,
)
from compare.negations import kk_without_suffix, marker_spans

_SPACES = regex.compile(r"[ \t]{2,}")
_SPACE_BEFORE_MARK = regex.compile(r" +(?=[,.;:!?])")


def _same_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if new and old[:1].isupper() else new


def positive_word(word: str, lang: str) -> str | None:
    """The word that replaces one negation word (``""`` to drop it), or None when the tables
    have no positive counterpart for it."""
    lower = word.lower()
    if lang == "en":
        if lower in EN_DROP:
            return ""
        if lower in EN_REPLACE:
            return _same_case(EN_REPLACE[lower], word)
        plain = lower.replace("’", "'")
        if plain in EN_CONTRACTIONS:
            return _same_case(EN_CONTRACTIONS[plain], word)
        if plain.endswith("n't"):
            return word[: -3]
        return None
    if lang == "kk":
        if lower in KK_DROP or lower.startswith(tuple(KK_DROP)):
            return ""
        for negative, positive in KK_REPLACE_PREFIX.items():
            if lower.startswith(negative):
                return _same_case(positive + lower[len(negative) :], word)
        return kk_without_suffix(word)
    if lower in RU_DROP:
        return ""
    if lower in RU_REPLACE:
        return _same_case(RU_REPLACE[lower], word)
    if lower.startswith(RU_NI_PREFIX) and len(lower) > 3:
        return _same_case(lower[len(RU_NI_PREFIX) :] + RU_INDEFINITE_SUFFIX, word)
    return None


def without_negation(text: str, lang: str) -> str | None:
    """``text`` with every negation word the negation check counts edited out, or None when it
    has none or one that the tables cannot undo (the view is then not asked for)."""
    lang = lang if lang in ("en", "kk") else "ru"
    spans = marker_spans(text, 0, len(text), lang)
    if not spans:
        return None
    parts, last = [], 0
    for start, end in spans:
        new = positive_word(text[start:end], lang)
        if new is None:
            return None
        parts += [text[last:start], new]
        last = end
    parts.append(text[last:])
    edited = _SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", "".join(parts))).strip()
    if edited[:1].islower() and text.lstrip()[:1].isupper():
        edited = edited[:1].upper() + edited[1:]
    return edited
