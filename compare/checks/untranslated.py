"""Script checks: Cyrillic left in the English, and words that mix Latin and Cyrillic letters.

Both are cheap character-level checks that need no source: a Russian word in the English is
untranslated text whatever the source says, and a look-alike letter from the other alphabet
(Latin ``P`` in ``Pоссия``, Cyrillic ``М`` in ``Мoscow``) breaks search, spell-checking and
name matching while being invisible to the eye.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from compare.checks.base import Check, CheckContext, register
from compare.document import Document
from compare.flags import Flag
from compare.translit import key_similarity, latin_key

# A run of Cyrillic words: letters (with digits/hyphens/apostrophes inside a word), joined by
# spaces, hyphens or slashes ("и/или", "Су-35").
_CYR_WORD = r"\p{Cyrillic}[\p{Cyrillic}\p{N}'’-]*"
_CYR_RUN = re.compile(rf"(?<![\p{{L}}\p{{N}}]){_CYR_WORD}(?:[ /-]+{_CYR_WORD})*(?![\p{{L}}])")
_LETTERS = re.compile(r"\p{L}+")
_LATIN_LETTER = re.compile(r"\p{Latin}")
_CYR_LETTER = re.compile(r"\p{Cyrillic}")
_LATIN_WORDS = re.compile(r"[\p{Latin}][\p{Latin}\p{N}'’-]*")

_URLISH = re.compile(r"://|^www\.|@|\.(?:рф|рус|москва|қаз|бел|укр|срб)\b", re.IGNORECASE)
# Cyrillic capitals and small letters that look like Latin ones: alone, they are look-alikes
# (50°С with Cyrillic С), not untranslated words.
_LOOKALIKES = frozenset("АВСЕНІКМОРТХасеіорху")

_OPENERS = "(«“„\"'‘["
_CLOSERS = ")»”“\"'’]"


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits directly inside brackets or quotes (nested allowed)."""
    before = text[max(0, start - 8) : start].rstrip()
    after = text[end : end + 8].lstrip()
    return bool(before) and bool(after) and before[-1] in _OPENERS and after[0] in _CLOSERS


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether the run is part of a web or e-mail address (https://премияарсеньева.рф/)."""
    left = text.rfind(" ", 0, start) + 1
    right = len(text) if (k := re.search(r"\s", text[end:])) is None else end + k.start()
    return bool(_URLISH.search(text[left:right]))


def _has_transliteration(text: str, start: int, run: str) -> bool:
    """Whether the Latin words just before ``start`` spell the Cyrillic ``run`` (Kommersant
    («Коммерсантъ»)): a kept original name beside its English form, not untranslated text."""
    window = text[max(0, start - 80) : start]
    words = _LATIN_WORDS.findall(window)[-4:]
    target = latin_key(run)
    if not target:
        return False
    for k in range(1, len(words) + 1):
        if key_similarity(latin_key(" ".join(words[-k:])), target) >= 0.75:
            return True
    return False


@register
class UntranslatedCyrillic(Check):
    """Cyrillic words left in the English (``the biological родители relinquish``).

    The span is the whole Cyrillic run. Severity is minor when the run sits in brackets or quotes
    next to its own transliteration (``Kommersant («Коммерсантъ»)``), which is a deliberate
    choice, or is one look-alike letter on its own (``50°С``); otherwise major. Not flagged:
    Cyrillic web addresses (``https://премияарсеньева.рф/``); Cyrillic letters inside a Latin
    word are left to ``mixed-script-word``.
    """

    id = "untranslated-cyrillic"
    category = "untranslated"
    severity = "major"
    needs_source = False
    description = "Cyrillic text left untranslated in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        text = ctx.target.text
        flags: list[Flag] = []
        for m in _CYR_RUN.finditer(text):
            run = m.group().rstrip("'’-")
            end = m.start() + len(run)
            if not _in_url(text, m.start(), end):
                flags.append(self._run_flag(text, m.start(), end, run))
        return flags

    def _run_flag(self, text: str, start: int, end: int, run: str) -> Flag:
        lookalike = run in _LOOKALIKES
        kept = _enclosed(text, start, end) and _has_transliteration(text, start, run)
        if lookalike:
            msg = f"Cyrillic letter “{run}” where a Latin letter that looks the same belongs."
        elif kept:
            msg = f"The Russian or Kazakh original “{run}” is kept beside its English form."
        else:
            msg = f"Untranslated Cyrillic text “{run}” in the English."
        return self.flag(
            "target",
            start,
            end,
            msg,
            {"cyrillic": run, "kept_beside_transliteration": kept, "lookalike_letter": lookalike},
            severity="minor" if kept or lookalike else None,
        )


def mixed_script_words(text: str) -> Iterator[tuple[int, int, str, list[str]]]:
    """(start, end, word, minority letters) for each run of letters mixing Latin and Cyrillic.

    A word is a run of letters only, so digits and hyphens separate parts: ``Су-35``,
    ``Ту-154М``, ``SMS-сообщение`` and ``COVID-19`` are not mixed words. The minority letters
    are those of the alphabet with fewer letters in the word (the likely look-alikes).
    """
    for m in _LETTERS.finditer(text):
        word, start = m.group(), m.start()
        if start > 0 and text[start - 1] == "\\" and word[0] in "ntr":
            word, start = word[1:], start + 1  # a literal "\n" before a word is an escape
        latin = _LATIN_LETTER.findall(word)
        cyr = _CYR_LETTER.findall(word) if latin else []
        if latin and cyr:
            yield start, m.end(), word, latin if len(latin) <= len(cyr) else cyr


@register
class MixedScriptWord(Check):
    """A word that mixes Latin and Cyrillic letters, on either side: a look-alike letter typed
    from the wrong keyboard (``Pоссия`` with Latin P, ``Мoscow`` with Cyrillic М).

    Reported, never fixed. Deliberately not flagged: tokens whose parts are joined by digits or
    hyphens (``Су-35``, ``Ту-154М``, ``IT-компания``), and words in one alphabet (``iPhone``).
    """

    id = "mixed-script-word"
    category = "untranslated"
    severity = "minor"
    needs_source = False
    description = "A word mixing Latin and Cyrillic letters (look-alike characters)."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags = list(self._side(ctx.target, "target"))
        if ctx.source is not None:
            flags.extend(self._side(ctx.source, "source"))
        return flags

    def _side(self, doc: Document, side: str) -> Iterator[Flag]:
        # The text as given: the pipeline reads the source with these letters folded.
        for start, end, word, odd in mixed_script_words(doc.as_given or doc.text):
            script = "Latin" if _LATIN_LETTER.match(odd[0]) else "Cyrillic"
            letters = ", ".join(dict.fromkeys(odd))
            yield self.flag(
                side,
                start,
                end,
                f"The word “{word}” mixes alphabets: {script} {letters} may be "
                + ("a look-alike letter." if len(set(odd)) == 1 else "look-alike letters."),
                {"word": word, "odd_script": script, "odd_letters": odd},
            )
