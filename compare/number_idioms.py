"""Numbers of spoken hyperbole and fixed phrases, which say "very often", "completely",
"none" or "always" rather than count (session 36, TED talks).

A speaker says "I've heard this a million times", "I'm a hundred percent sure", "there were
zero women in the room", "a one-in-a-million chance", "365 days a year"; a subtitler writes
"тысячу раз", "абсолютно уверен", "ни одной женщины", "шансов почти нет", "круглый год". Their
numbers are *soft* (:mod:`compare.number_mentions`): a translation that keeps the figure still
pairs with it, one that says it otherwise is not flagged, and a firm figure on the other side
("I've told you three times" against "сто раз") must still be found. A comparison ("a thousand
times better", "в сто раз больше") counts and stays firm.
"""

from __future__ import annotations

import regex

from compare.lang.number_words import IDIOMS
from compare.number_types import Mention

_IDIOMS = {lang: regex.compile(p, regex.IGNORECASE) for lang, p in IDIOMS.items()}


def soften_idioms(text: str, lang: str, mentions: list[Mention]) -> None:
    """Mark soft, in place, the mentions that lie inside a hyperbole or fixed phrase."""
    pattern = _IDIOMS.get(lang)
    if pattern is None:
        return
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    for mention in mentions:
        if any(a <= mention.start and mention.end <= b for a, b in spans):
            mention.soft = True
