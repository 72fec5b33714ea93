"""A sentence said without a name, for the meaning model's view of a name flag
(:mod:`compare.qe.name_view`).

Plain text work that no library does: the flagged span goes with what is written onto its last
word (a Kazakh case ending after a hyphen or apostrophe, "Google-дың"; an English "'s": an
ending left alone is no word); a Russian or Kazakh name whose ending is part of the word goes
whole; an English article right before it ("the Kremlin"), which would read as noise; with
``prepositions``, a preposition right before it ("в Москве", "in Moscow"), so that no sentence
ends on a dangling one. Kazakh has postpositions, which are left. Then the punctuation the cut
leaves behind (empty brackets, doubled commas, a comma before the full stop) is tidied.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

PREPOSITIONS = {
    "ru": frozenset("в во на с со к ко из от до у о об обо по за для при про через над под "
                    "перед между без".split()),
    "en": frozenset("in at on with to from of by for about into onto over under near "
                    "between without".split()),
}  # fmt: skip
ARTICLES = {"en": frozenset({"the"})}

_ATTACHED = regex.compile(r"(?:['’\-]\p{L}+|\p{L}+)*")
_WORD_BEFORE = regex.compile(r"(\p{L}+)[ \t]+$")
_SPACES = regex.compile(r"[ \t]{2,}")
_SPACE_BEFORE_MARK = regex.compile(r"[ \t]+(?=[,.;:!?)»”])")
_SPACE_AFTER_OPEN = regex.compile(r"(?<=[(«“])[ \t]+")
_EMPTY_PAIR = regex.compile(r"\(\s*\)|«\s*»|“\s*”|\"\s*\"|'\s*'")
_DOUBLED_COMMA = regex.compile(r",(?:\s*,)+")
_LEADING_MARKS = regex.compile(r"^[\s,;:.\-–—]+")
_MARK_BEFORE_END = regex.compile(r"[,;:]\s*(?=[.!?]$)")


def _widen(text: str, start: int, end: int, lang: str, prepositions: bool) -> tuple[int, int]:
    """The span to cut for a name at ``text[start:end]``: the whole words, their attached
    endings, and the small words before them that would dangle (see the module docstring)."""
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = _ATTACHED.match(text, end).end()
    droppable = ARTICLES.get(lang, frozenset())
    if prepositions:
        droppable |= PREPOSITIONS.get(lang, frozenset())
    for _ in range(2):  # "in the Kremlin": the article, then the preposition
        before = _WORD_BEFORE.search(text, 0, start)
        if before is None or before.group(1).lower() not in droppable:
            break
        start = before.start()
    return start, end


def without_spans(text: str, spans: Sequence[tuple[int, int]], lang: str,
                  prepositions: bool = False) -> str | None:  # fmt: skip
    """``text`` with each (start, end) name span edited out (see the module docstring), or
    None when there is nothing to cut or nothing with a letter would be left."""
    if not spans:
        return None
    lang = lang if lang in ("en", "kk") else "ru"
    cuts = sorted(_widen(text, a, b, lang, prepositions) for a, b in spans if b > a)
    if not cuts:
        return None
    parts, last = [], 0
    for start, end in cuts:
        if start > last:
            parts.append(text[last:start])
        last = max(last, end)
    parts.append(text[last:])
    edited = " ".join(part.strip(" \t") for part in parts if part.strip(" \t"))
    edited = _EMPTY_PAIR.sub("", edited)
    edited = _SPACE_AFTER_OPEN.sub("", _SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", edited)))
    edited = _DOUBLED_COMMA.sub(",", edited)
    edited = _MARK_BEFORE_END.sub("", _LEADING_MARKS.sub("", edited)).strip()
    if not regex.search(r"\p{L}", edited):
        return None
    if edited[:1].islower() and text.lstrip()[:1].isupper():
        edited = edited[:1].upper() + edited[1:]
    return edited
