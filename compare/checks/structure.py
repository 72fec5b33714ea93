"""Structure of the English: a heading or caption run into the body text.

Two signs, both on the English alone (a source, when given, is only named in the message):
- a calqued box label opening a paragraph and followed by body text in the same paragraph
  ("Reference EADaily. Mass protests…", from «Справка EADaily» on a line of its own);
- a sentence opener capitalised in the middle of a sentence, right after a capitalised word
  ("…Kassym-Jomart Tokayev In an interview with…"): two paragraphs joined without a stop.
A Title Case heading ("Senate Votes In Favour Of Bill") is left alone: the opener must be
followed by a lower-case word. The word lists live in :mod:`compare.lang.headings`.
"""

from __future__ import annotations

import regex

from compare.checks.base import Check, CheckContext, register
from compare.flags import Flag
from compare.lang.headings import (
    BOX_LABELS_SOURCE,
    CALQUED_BOX_LABELS_EN,
    SENTENCE_OPENERS_EN,
)

_LABEL = regex.compile(
    r"(?P<label>(?:" + "|".join(regex.escape(w) for w in CALQUED_BOX_LABELS_EN) + r")"
    r"(?: [\p{Lu}\d][\p{L}\d.-]*){0,3}[.:])(?= +\p{Lu})"
)
_RUN_ON = regex.compile(
    r"(?<=\b\p{Lu}[\p{Ll}’'-]+) (?P<opener>" + "|".join(SENTENCE_OPENERS_EN) + r")(?= \p{Ll})"
)


@register
class MergedHeading(Check):
    """A heading, box label or caption run into an English body paragraph."""

    id = "merged-heading"
    category = "punctuation"
    severity = "minor"
    needs_source = False
    description = "A heading or box label is run into the body text of the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        text = ctx.target.text
        flags = []
        paragraphs = ctx.target.paragraphs or []
        starts = {p.start for p in paragraphs} | {0}
        source_label = self._source_label(ctx)
        for start in sorted(starts):
            m = _LABEL.match(text, start)
            if m is None:
                continue
            label = m.group("label")
            origin = f" (the source's «{source_label}»)" if source_label else ""
            flags.append(self.flag(
                "target", m.start("label"), m.end("label"),
                f"“{label}” opens the paragraph like a box label translated word for word"
                f"{origin} and run into the text: give the heading a line of its own, in "
                "English words (Background, Fact box).", {"label": label}, severity="major",
            ))  # fmt: skip
        for m in _RUN_ON.finditer(text):
            opener = m.group("opener")
            flags.append(self.flag(
                "target", m.start("opener"), m.end("opener"),
                f"“{opener}” is capitalised in the middle of a sentence: a heading, caption or "
                "byline may have been run into the next paragraph without a stop.",
                {"opener": opener},
            ))  # fmt: skip
        return flags

    @staticmethod
    def _source_label(ctx: CheckContext) -> str | None:
        if ctx.source is None:
            return None
        for label in BOX_LABELS_SOURCE.get(ctx.source.lang, ()):
            if label in ctx.source.text:
                return label
        return None
