"""The terminology check: a glossary term in the source must be rendered as the glossary says.

Xbench and Verifika run the same check: when a pair's source holds a glossary term (matched by
stem, see :mod:`compare.glossary`) and its English holds none of the term's prescribed
renderings, the pair is flagged on the source term. The English of the neighbouring pairs is
searched too, because the aligner may have put the rendering one pair away.

Terms of the reviewer's own glossary are ``major`` (a client's term list is binding); the
built-in abbreviations (РФ, США, ЕС, ...) are ``minor``, since a news translation may render
РФ as "Moscow" or "the country" on purpose.
"""

from __future__ import annotations

from compare.checks.base import Check, CheckContext, register
from compare.flags import Flag
from compare.glossary import Glossary, Term, builtin_glossary


def _quoted(names: tuple[str, ...]) -> str:
    shown = [f"“{n.rstrip('*')}”" for n in names[:4]]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " or " + shown[-1]


@register
class TerminologyMismatch(Check):
    """A glossary term in the source whose English renderings are all missing."""

    id = "terminology"
    category = "terminology"
    severity = "major"
    needs_source = True
    description = "A glossary term in the source is not rendered as the glossary prescribes."

    def run(self, ctx: CheckContext) -> list[Flag]:
        if ctx.source is None:
            return []
        glossary: Glossary = ctx.glossary or builtin_glossary()
        english = [" ".join(ctx.target.sentence_text(i) for i in p.target) for p in ctx.pairs]
        flags: list[Flag] = []
        for n, pair in enumerate(ctx.pairs):
            if not pair.source or not pair.target:
                continue  # an untranslated sentence is the omission check's finding
            seen: set[int] = set()
            for i in pair.source:
                sent = ctx.source.sentences[i]
                for term, start, end in glossary.find_in_source(ctx.source.text, sent.start,
                                                                sent.end):
                    if id(term) in seen:
                        continue
                    seen.add(id(term))
                    nearby = english[max(0, n - 1) : n + 2]
                    if any(Glossary.english_has(term, text) for text in nearby):
                        continue
                    flags.append(self._flag(ctx, term, start, end))
        return flags

    def _flag(self, ctx: CheckContext, term: Term, start: int, end: int) -> Flag:
        assert ctx.source is not None
        found = ctx.source.text[start:end]
        note = f" ({term.note})" if term.note and not term.builtin else ""
        message = (f"The glossary renders “{found}” as {_quoted(term.english)}{note}; "
                   "the English has none of these.")
        return self.flag(
            "source", start, end, message,
            {"source": [found], "term": term.label, "english": list(term.english),
             "builtin": term.builtin},
            severity="minor" if term.builtin else None,
        )
