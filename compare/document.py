"""Plain data for one side of a comparison: its text, paragraphs and sentences.

Offsets are character offsets into ``Document.text``, which is the text exactly as read:
``text[start:end]`` is what a span covers. Nothing in the pipeline rewrites the text, with one
exception that keeps every offset: while a source is checked, Latin look-alike letters inside its
Cyrillic words are read as Cyrillic (:mod:`compare.script_mix`), and the report carries the text
as given.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of a side: ``index`` in the side's sentence list, character span, paragraph."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass
class Document:
    """One side: the full text as read, its language, paragraph spans and sentences."""

    text: str
    lang: str
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    as_given: str | None = None
    """While the pipeline reads a copy of the text with look-alike letters folded
    (:mod:`compare.script_mix`), the text as the user gave it, for the check that reports those
    letters; None otherwise."""

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]


def paragraph_texts(doc: Document) -> Iterator[tuple[int, int, str]]:
    """(paragraph index, start offset, text) for each paragraph; the whole text if none given."""
    if not doc.paragraphs:
        yield 0, 0, doc.text
        return
    for i, span in enumerate(doc.paragraphs):
        yield i, span.start, doc.text[span.start : span.end]
