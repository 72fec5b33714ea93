"""Words typed in two scripts: Latin letters that look like Cyrillic ones inside a Cyrillic word.

Kazakh typed on a keyboard without its own letters often takes the Latin look-alike: ``i`` for
``і``, ``ə`` for ``ә``, ``h`` for ``һ`` (``Бiлемiн``, ``нəрсе``); Russian and Kazakh text pasted
through other software picks up Latin ``a e o p c x y`` inside Cyrillic words. A reader does not
see it, but every model and word list does: the meaning model scored ``Бiлемiн. / I know.`` 0.06
(the same pair with Cyrillic ``і``: 0.54), a negative verb with a Latin ``i`` escaped the
negation check, and 46 of the 434 Tatoeba kk-en pairs have such words.

So the pipeline reads the source with those letters folded into the word's own script
(:func:`fold_lookalikes`). The edit is one character for one character, so every offset into the
folded text is an offset into the text as given, and the report keeps the text as given. Only
words that already have a Cyrillic letter are touched: a Latin word (a brand, a URL) stays as
it is. A small table, not a library: Unicode's confusables list maps both ways across dozens of
scripts and would fold real Latin words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.lang.lookalikes import CYRILLIC_FOR_LATIN, CYRILLIC_FOR_LATIN_BY_LANG

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[^\W\d_]+")
# A mixed word has a Cyrillic letter beside a non-Cyrillic one: texts without such a place
# (nearly all) are returned at once, without walking their words.
_OTHER_LETTER = r"[^\W\d_\u0400-\u04FF]"
_MIXED_PLACE = re.compile(rf"[\u0400-\u04FF]{_OTHER_LETTER}|{_OTHER_LETTER}[\u0400-\u04FF]")


@dataclass(frozen=True)
class Folded:
    """The text with look-alike letters folded, and the words that had them (as given)."""

    text: str
    words: tuple[str, ...]


def lookalike_table(lang: str) -> dict[str, str]:
    """Latin letter -> the Cyrillic letter it stands for, in text of ``lang``."""
    return {**CYRILLIC_FOR_LATIN, **CYRILLIC_FOR_LATIN_BY_LANG.get(lang, {})}


def fold_lookalikes(text: str, lang: str) -> Folded:
    """``text`` with the Latin look-alike letters of every word that has a Cyrillic letter
    replaced by the Cyrillic ones (same length); ``lang`` is the text's language (``ru``,
    ``kk``). A word with a Latin letter that has no Cyrillic look-alike (``Rosneftь``) is left
    as it is: it is two scripts, not a look-alike."""
    if not _MIXED_PLACE.search(text):
        return Folded(text, ())
    table = lookalike_table(lang)
    pieces: list[str] = []
    words: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii() or not _CYRILLIC.search(word):
            continue
        foreign = [c for c in word if not _CYRILLIC.match(c)]
        if not foreign or not all(c in table for c in foreign):
            continue
        pieces += [text[last:match.start()], "".join(table.get(c, c) for c in word)]
        last = match.end()
        words.append(word)
    if not words:
        return Folded(text, ())
    pieces.append(text[last:])
    folded = "".join(pieces)
    assert len(folded) == len(text)  # one character for one: offsets hold
    return Folded(folded, tuple(words))


def folded_notice(folded: Folded, side: str) -> str | None:
    """One line for the report when words were folded (None when none were)."""
    if not folded.words:
        return None
    distinct = list(dict.fromkeys(folded.words))
    shown = ", ".join(f"“{word}”" for word in distinct[:3])
    more = f" and {len(distinct) - 3} more" if len(distinct) > 3 else ""
    return (
        f"{len(folded.words)} word(s) of the {side} text mix Latin letters that look like "
        f"Cyrillic ones ({shown}{more}); they were read as Cyrillic."
    )
