"""The unexpected-punctuation check: a mark inserted inside an English sentence where none
belongs (``river@ was``, ``the harbour. and``, ``largely' symbolic``, ``office- chairs``,
``into: the``), and, when the source is given, a ``;`` or ``:`` the source sentence does not
have. Kept apart from the other punctuation checks (:mod:`compare.checks.punctuation`), which
compare or balance marks; this one reads single marks in their context of words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex as re

from compare.abbreviations import is_abbreviation
from compare.checks.base import Check, CheckContext, register
from compare.document import paragraph_texts
from compare.flags import Flag

_FUNCTION_AFTER_POSSESSIVE = frozenset(
    """in of on at to from by for with is are was were can could will would should may might
    must the a an that which who as than into have has had do does did not be been""".split()
)
_FUNCTION_BEFORE_MARK = frozenset(
    """the a an of to from in on at by for with and or but its their our my your can will would
    should could may must have has had been very than into is are was were""".split()
)
# Lowercase words that do not begin a clause or a list item after ; or :
_NOT_CLAUSE_START = frozenset(
    """to of which whom whose been being than from by with into onto is are was were be has
    have had can could will would should may might must""".split()
)
_COPULAS = frozenset("is are was were".split())  # "The reasons are: ..." is tolerated
_STRAY_SYMBOL = re.compile(r"(?<=\p{L})[@^~|\\_*#](?=\s|$)")
_MID_STOP = re.compile(r"(?<=[\p{L}\p{N}])([.?!])[ \t\u00a0]+(?=(\p{Ll}[\p{L}'’-]*))")
_WORD_FINAL_APOS = re.compile(r"(?<=\S)['’](?=\s)")
_SINGLE_OPENER = re.compile(r"(?:^|(?<=[\s(\[“\"«—–-]))['‘](?=\p{L})")
_LOOSE_HYPHEN = re.compile(r"(?<=\p{L})-(?=[ \t](\p{L}+))|(?<=[,;:])-(?=\s)")
_QUOTE_LOOKBACK = 4  # paragraphs a single-quoted quotation may run over
_SUSPENDED = frozenset("and or to nor".split())
_INNER_MARK = re.compile(r"(?<=\p{L})([;:])(?=[ \t]+(\p{L}+))")
_BRAND_BANG = frozenset({"yahoo", "jeopardy"})


def _word_before(text: str, i: int) -> str:
    """The run of letters just before ``text[i]`` ("" if none); reads at most 40 characters."""
    m = re.search(r"(\p{L}+)$", text[max(0, i - 40) : i])
    return m.group(1) if m else ""


@dataclass
class _Hit:
    start: int
    end: int
    mark: str
    reason: str
    severity: str = "minor"


@register
class UnexpectedPunctuation(Check):
    """A punctuation mark inserted inside an English sentence where none belongs: a symbol
    stuck to a word (``river@ was``, ``and~ roads``), a period, ``?`` or ``!`` followed by a
    lowercase word (``the harbour. and``), a stray apostrophe (``largely' symbolic``), a loose
    hyphen (``office- chairs``), a colon or semicolon after a function word (``into: the``),
    and, when the source is given, a ``;`` or ``:`` the source sentence does not have.

    Deliberately not flagged: possessives (``students'``), contractions, e-mail addresses, URLs,
    hashtags, decimal points, abbreviations (``U.S. and``, ``e.g. the``, ``a.m. on``), ellipses,
    suspended hyphens (``pre- and post-war``), single quotes that close an opened quotation.
    Straight double quotes are left to ``quote-balance``.
    """

    id = "unexpected-punctuation"
    category = "punctuation"
    severity = "minor"
    needs_source = False
    description = "A punctuation mark inserted where it does not belong."

    def run(self, ctx: CheckContext) -> list[Flag]:
        hits: list[_Hit] = []
        previous: list[str] = []
        for _, offset, text in paragraph_texts(ctx.target):
            hits.extend(_shift(h, offset) for h in _target_hits(text, "\n".join(previous)))
            previous = (previous + [text])[-_QUOTE_LOOKBACK:]
        if ctx.source is not None:
            hits.extend(_source_hits(ctx))
        seen: set[int] = set()
        flags: list[Flag] = []
        for h in sorted(hits, key=lambda h: h.start):
            if h.start in seen:
                continue
            seen.add(h.start)
            flags.append(
                self.flag(
                    "target",
                    h.start,
                    h.end,
                    f"Unexpected “{h.mark}” here: {h.reason}.",
                    {"mark": h.mark, "reason": h.reason},
                    severity=h.severity,
                )
            )
        return flags


def _shift(h: _Hit, offset: int) -> _Hit:
    return _Hit(h.start + offset, h.end + offset, h.mark, h.reason, h.severity)


def _target_hits(text: str, before: str = "") -> Iterator[_Hit]:
    """Inserted marks that are wrong in English whatever the source says; ``before`` is the
    text of the preceding paragraphs, where a single-quoted quotation may have opened."""
    for m in _STRAY_SYMBOL.finditer(text):
        if m.group() == "#" and re.search(
            r"(?:^|\s)[A-Z]$", text[max(0, m.start() - 2) : m.start()]
        ):
            continue  # C#, F#
        yield _Hit(m.start(), m.end(), m.group(), "a symbol stuck to the end of a word")
    for m in _MID_STOP.finditer(text):
        yield from _mid_stop(text, m)
    first = _SINGLE_OPENER.search(text)
    quotes_from = 0 if _SINGLE_OPENER.search(before) else (first.start() if first else None)
    for m in _WORD_FINAL_APOS.finditer(text):
        if _stray_apostrophe(text, m.start(), quotes_from):
            yield _Hit(m.start(), m.end(), m.group(), "an apostrophe or quote that closes nothing")
    for m in _LOOSE_HYPHEN.finditer(text):
        nxt = (m.group(1) or "").lower()
        if nxt in _SUSPENDED or (nxt and re.match(r"\p{Lu}", m.group(1))):
            continue  # pre- and post-war; a line-break style "end- Of"
        yield _Hit(m.start(), m.end(), "-", "a hyphen not joining two words")
    for m in _INNER_MARK.finditer(text):
        before = _word_before(text, m.start()).lower()
        if before in _FUNCTION_BEFORE_MARK and not (m.group(1) == ":" and before in _COPULAS):
            yield _Hit(m.start(), m.end(), m.group(1), f"{_name(m.group(1))} after “{before}”")


def _mid_stop(text: str, m: re.Match) -> Iterator[_Hit]:
    """A sentence-ending mark followed by a lowercase word inside a sentence."""
    mark, nxt = m.group(1), m.group(2)
    if re.search(r"\p{Lu}", nxt):  # iPhone, eBay
        return
    if mark == "." and is_abbreviation(text, m.start(1)):
        return
    if mark == "!" and _word_before(text, m.start(1)).lower() in _BRAND_BANG:
        return
    yield _Hit(
        m.start(1),
        m.end(1),
        mark,
        f"{_name(mark)} inside the sentence, before the lowercase word “{nxt}”",
        "major",
    )


def _stray_apostrophe(text: str, i: int, quotes_from: int | None = None) -> bool:
    """Whether a word-final ' or ’ at ``text[i]`` is neither a possessive, a dropped letter,
    nor the end of a single-quoted quotation (one opens at ``quotes_from``, if not None)."""
    before = text[i - 1]
    if before.isdigit() or before in '.!?"”':
        return False
    if quotes_from is not None and quotes_from < i:
        return False
    if before in ",;:":
        return True
    if not before.isalpha():
        return False
    word = _word_before(text, i).lower()
    nxt = re.match(r"\s+(\p{L}+)(?![\p{L}-])", text[i + 1 :])  # "users' in-app" is fine
    if word.endswith("s"):  # plural possessive: only wrong before a function word
        return bool(nxt) and nxt.group(1).lower() in _FUNCTION_AFTER_POSSESSIVE
    return not word.endswith("in")  # goin', nothin'


def _name(mark: str) -> str:
    """The mark's name with its article, for messages."""
    return {".": "a period", "?": "a question mark", "!": "an exclamation mark",
            ";": "a semicolon", ":": "a colon"}.get(mark, "a mark")  # fmt: skip


def _source_hits(ctx: CheckContext) -> Iterator[_Hit]:
    """``;`` or ``:`` before a word that cannot open a clause or a list (``materials; to
    create``, ``no need: to feed``), when the source sentence has fewer of that mark.

    Translators add semicolons and colons freely between clauses, so the source only tips
    the balance for marks that also read badly in the English."""
    assert ctx.source is not None
    for pair in ctx.pairs:
        if not pair.source or not pair.target:
            continue
        src, _ = ctx.pair_texts(pair)
        for mark in ";:":
            extra = [
                m.start()
                for sent in (ctx.target.sentences[i] for i in pair.target)
                for m in _INNER_MARK.finditer(ctx.target.text, sent.start, sent.end)
                if m.group(1) == mark and m.group(2) in _NOT_CLAUSE_START
            ]
            n_tgt = sum(ctx.target.sentence_text(i).count(mark) for i in pair.target)
            if extra and n_tgt > src.count(mark):
                bare = _name(mark).split(" ", 1)[1]
                for pos in extra:
                    yield _Hit(pos, pos + 1, mark, f"the source has no {bare} here")
