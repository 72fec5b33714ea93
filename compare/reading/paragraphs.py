"""Splitting a text into paragraphs: one a line, unless the text is hard-wrapped.

A hard-wrapped text (lines broken at a fixed width inside paragraphs, as in e-mails and old
.txt files) is recognised by its lines, and its paragraphs end at a blank line or at a line
that ends a sentence well short of the wrap width.
"""

from __future__ import annotations

import itertools
import re

from compare.document import Span

_SENTENCE_END = tuple(".!?…:;\"”»)’'")


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans (surrounding whitespace excluded), in order.

    Each non-blank line is a paragraph, unless the text is hard-wrapped (lines broken at a
    fixed width inside paragraphs, as in e-mails and old .txt files). Then a paragraph ends
    at a blank line, or at a line that ends a sentence well short of the wrap width: word
    wrap fills every line of a paragraph but its last one.
    """
    lines = [(s, e) for s, e in _line_spans(text) if text[s:e].strip()]
    width = _wrap_width(text, lines)
    if width is None:
        return [strip_span(text, s, e) for s, e in lines]
    spans: list[Span] = []
    first = 0
    for i, (start, end) in enumerate(lines):
        last = i + 1 == len(lines)
        if last or _blank_between(text, end, lines[i + 1][0]) or _short_sentence_end(
            text[start:end].strip(), width
        ):
            spans.append(strip_span(text, lines[first][0], end))
            first = i + 1
    return spans


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The wrap width when the text is hard-wrapped, else None.

    A line is wrapped when it does not end a sentence and either the next line goes on in
    lower case or the line is about as long as the longest lines. Headings fail both tests
    (short, and followed by a capital), so a text of headings and one-line paragraphs is not
    taken for a wrapped one.
    """
    pairs = [
        (text[s:e].strip(), text[s2:e2].strip())
        for (s, e), (s2, e2) in itertools.pairwise(lines)
        if not _blank_between(text, e, s2)
    ]
    if len(pairs) < 2:
        return None
    lengths = sorted(len(text[s:e].strip()) for s, e in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = sum(
        1
        for line, following in pairs
        if not line.endswith(_SENTENCE_END)
        and (following[:1].islower() or (width >= 40 and len(line) >= 0.75 * width))
    )
    return width if wrapped / len(pairs) > 0.5 else None


def _blank_between(text: str, end: int, next_start: int) -> bool:
    return text.count("\n", end, next_start) >= 2


def _short_sentence_end(line: str, width: int) -> bool:
    return line.endswith(_SENTENCE_END) and len(line) < 0.75 * width


def _line_spans(text: str):
    start = 0
    for m in re.finditer("\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
