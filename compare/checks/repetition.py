"""Repeated words in the English: "at the site site", "Sagittarius Sagittarius Sagittarius".

A word typed twice is an editing slip a reader notices at once, and no source is needed to
see it. Deliberately not flagged: reduplications that English uses on purpose ("had had",
"that that", "very very", "bye bye"), a name doubled as in the source ("Bora Bora" for
"Бора-Бора", "Roa Roa"; without a source every doubled name), repeated numbers ("10 10" in a
table is data), and repeats across a line break or punctuation ("no, no").
"""

from __future__ import annotations

import regex as re

from compare.checks.base import Check, CheckContext, register
from compare.flags import Flag

# A word, then the same word again (case-insensitive) after spaces only, any number of times.
_REPEAT = re.compile(r"(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}'’-]*)(?:[ \t\u00a0]+\1(?![\p{L}\p{N}]))+",
                     re.IGNORECASE)
_INTENDED = frozenset(
    """had that is very bye no so ha ho hee boo knock tut yada blah chop aye yeah
    bora walla sing baden pago mahi tom dum bam bling""".split()
)


# Capitalised repeats are names unless the word is one of these ("The The Beatles" is a slip).
_FUNCTION = frozenset(
    """the a an of in on at to for and or but by with from as is are was were it this""".split()
)


_NUMBER_REPEAT = re.compile(r"(?<![\p{L}\p{N}.,])(\d+)(?:[ \t\u00a0]+\1(?!\p{N}|[.,]\d))+")
_SOURCE_DOUBLE = re.compile(r"(?<!\p{L})(\p{Lu}\p{L}*)[ -]\1(?!\p{L})")


def _is_name(repeat: str) -> bool:
    words = repeat.split()
    return all(w[0].isupper() for w in words) and words[0].lower() not in _FUNCTION


def _source_text(ctx: CheckContext, pos: int) -> str | None:
    """The source text aligned with the English sentence at ``pos`` (None without one)."""
    if ctx.source is None:
        return None
    sentence = next((s.index for s in ctx.target.sentences if s.start <= pos < s.end), None)
    for pair in ctx.pairs:
        if sentence in pair.target:
            return " ".join(ctx.source.sentence_text(i) for i in pair.source)
    return None


def _name_doubled_in_source(ctx: CheckContext, pos: int) -> bool:
    """Whether the source of the English sentence at ``pos`` doubles a name too (Роа-Роа,
    Бора-Бора); without a source a doubled name gets the benefit of the doubt."""
    source_text = _source_text(ctx, pos)
    return source_text is None or bool(_SOURCE_DOUBLE.search(source_text))


@register
class RepeatedWord(Check):
    """Flags a word repeated back to back in the English (the repeats, not the first word)."""

    id = "repeated-word"
    category = "addition"
    severity = "minor"
    needs_source = False
    description = "A word is repeated back to back in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        text = ctx.target.text
        flags = []
        for m in _REPEAT.finditer(text):
            word = m.group(1)
            if word.lower() in _INTENDED:
                continue
            times = len(m.group(0).split())
            if times == 2 and _is_name(m.group(0)) and _name_doubled_in_source(ctx, m.start()):
                continue  # a reduplicated name: Bora Bora, Roa Roa, Walla Walla
            first_end = m.start(1) + len(word)
            flags.append(
                self.flag(
                    "target",
                    first_end,
                    m.end(),
                    f"“{word}” is repeated {times} times in a row.",
                    {"word": word, "times": times},
                )
            )
        if ctx.source is not None:
            flags.extend(self._numbers(ctx))
        return flags

    def _numbers(self, ctx: CheckContext) -> list[Flag]:
        """A number repeated back to back ("on February 16 16") where its source has no such
        run; without a source a repeated number may be data ("10 10" in a table)."""
        flags = []
        for m in _NUMBER_REPEAT.finditer(ctx.target.text):
            source_text = _source_text(ctx, m.start())
            if source_text is None or _NUMBER_REPEAT.search(source_text):
                continue
            number = m.group(1)
            times = len(m.group(0).split())
            flags.append(
                self.flag(
                    "target",
                    m.start(1) + len(number),
                    m.end(),
                    f"“{number}” is repeated {times} times in a row; the source has it once.",
                    {"word": number, "times": times},
                )
            )
        return flags
