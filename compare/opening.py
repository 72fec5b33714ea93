"""The opening of a long document, checked first so that the app shows its first page in
seconds (issue 25: the first page of a 1,000-pair document within 15 s).

The app's first look (:func:`compare.app_run.first_look`) used to align and check the whole
document before showing anything: 24 s for 1,040 pairs on 2 cores, most of it embedding 2,000
sentences and the checks of pairs nobody reads yet. On a long document it now checks only the
opening of each side, shows that, and leaves the whole document to the later pass, whose
report takes its place as before.

The opening is a prefix of each text, cut at a paragraph end (or, inside one long paragraph,
after a sentence's end), so every offset of its report is an offset into the whole text and
dismissals, which are keyed by the texts a flag looked at, carry over. The English is cut
further on than the source in proportion to the two lengths, with a margin, and the pairs at
the end of the opening are dropped (:func:`trim_opening`): near the cut, a sentence's
translation may lie past the other side's cut, and the aligner would report an omission or an
addition that is not there. Nothing a reviewer reads is a guess of the whole check: the pairs
kept are those the whole check aligns the same way, barring a document whose two sides differ
a great deal in length.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from compare.document import Span
from compare.reading import InputText
from compare.report import Report

OPENING_CHARS = 20_000
"""Source characters the opening holds (about 130-200 news sentences; a page shows 50 pairs)."""

LONG_DOCUMENT_CHARS = 3 * OPENING_CHARS
"""A source longer than this is shown by its opening first; a shorter one is checked whole (its
first look takes a few seconds anyway)."""

ENGLISH_MARGIN = 1.25
"""The English opening's length over the source's, times the two texts' length ratio."""

TAIL_SENTENCES = 15
"""Source sentences at the end of the opening whose pairs are not shown (see the module
comment)."""

_SENTENCE_END = regex.compile(r"[.!?…。][»”\"')\]]*\s+(?=\S)")


def is_long(source: InputText | None) -> bool:
    """Whether the first look shows the opening of this document rather than all of it."""
    return source is not None and len(source.text) > LONG_DOCUMENT_CHARS


def _cut(text: InputText, chars: int) -> InputText | None:
    """The prefix of ``text`` up to the first paragraph end at or after ``chars`` characters
    (after a sentence end within one very long paragraph); None when no cut is found or the
    prefix would be the whole text."""
    kept: list[Span] = []
    for para in text.paragraphs:
        if para.end < chars:
            kept.append(para)
            continue
        end = para.end
        if end > 2 * chars:  # one long paragraph: cut it after a sentence
            found = _SENTENCE_END.search(text.text, max(chars, para.start))
            if found is None or found.end() >= para.end:
                return None
            end = found.start() + len(found.group(0).rstrip())
        kept.append(Span(para.start, end))
        break
    else:
        return None
    end = kept[-1].end
    if end >= len(text.text.rstrip()):
        return None
    return replace(text, text=text.text[:end], paragraphs=kept, notes=list(text.notes))


def opening_of(target: InputText, source: InputText,
               chars: int = OPENING_CHARS) -> tuple[InputText, InputText] | None:  # fmt: skip
    """The openings of the English and the source (in that order), or None when the document
    is short or cannot be cut (then the first look checks it whole)."""
    if not is_long(source):
        return None
    source_part = _cut(source, chars)
    if source_part is None:
        return None
    ratio = len(target.text) / max(1, len(source.text))
    target_part = _cut(target, int(len(source_part.text) * ratio * ENGLISH_MARGIN) + 200)
    if target_part is None:
        return None
    return target_part, source_part


def trim_opening(report: Report, tail: int = TAIL_SENTENCES) -> Report:
    """``report`` (of an opening) without its pairs from the last ``tail`` source sentences on,
    and without the pairs after those (see the module comment)."""
    if report.source is None:
        return report
    limit = len(report.source.sentences) - tail
    kept = []
    for pair in report.pairs:
        if pair.source and max(pair.source) >= limit:
            break
        kept.append(pair)
    while kept and not kept[-1].source:  # an "addition" just before the cut may be its neighbour
        kept.pop()
    return replace(report, pairs=kept, notices=list(report.notices))


def opening_notice(report: Report, whole_chars: int) -> str:
    """What the reviewer must know about a first look that shows only the opening."""
    shown = len(report.pairs)
    share = len(report.source.text) / max(1, whole_chars) if report.source else 0.0
    return (f"This is the opening of a long document: its first {shown:,} pairs (about "
            f"{share:.0%} of the source), checked first so you can start reading. The whole "
            "document is being checked and takes its place when done; the counts above are "
            "for the opening only.")
