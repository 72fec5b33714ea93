"""Punctuation checks: marks in the English that are broken, stray, or differ from the source.

Target-only checks (quotes, brackets, doubled marks, spaces) read the English
paragraph by paragraph, because a quotation or a bracket may run over several sentences but
rarely over a paragraph break. Source-comparing checks (final punctuation, quotations) read the
aligned pairs. Every check reports the mark itself, never rewrites the text. Marks inserted
where none belongs are :mod:`compare.checks.unexpected_punctuation`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex as re

from compare.abbreviations import is_abbreviation
from compare.alignment_types import AlignedPair
from compare.checks.base import Check, CheckContext, PairCheck, register
from compare.document import Document, paragraph_texts
from compare.flags import Flag


def last_char_span(text: str, offset: int) -> tuple[int, int]:
    """Span of the last visible character of ``text`` (placed at ``offset``)."""
    stripped = text.rstrip()
    end = len(stripped)
    return offset + max(end - 1, 0), offset + end


# ----------------------------------------------------------------------------- quote-balance

_OPEN_BEFORE = set(" \t\n\u00a0([{<—–-/\u2018\u201c\u00ab\u201e")
_CLOSE_AFTER = set(" \t\n\u00a0.,;:!?)]}>—–-/…\u2019\u201d\u00bb'\"")


@dataclass
class _Open:
    """An opening quote waiting for its closing one."""

    family: str  # "double", "guillemet", "single"
    char: str
    pos: int  # offset in the full text
    paragraph: int


def _position(text: str, i: int) -> str:
    """'open', 'close' or 'ambiguous' from the characters around a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _OPEN_BEFORE and after not in " \t\n\u00a0"
    closes = before not in " \t\n\u00a0" and after in _CLOSE_AFTER
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "ambiguous"


def _classify(text: str, i: int, stack: list[_Open], carried: list[_Open]) -> tuple[str, str]:
    """Role ('open', 'close', 'ignore') and family of the quote mark at ``text[i]``."""
    ch = text[i]
    double_open = any(o.family == "double" for o in stack + carried)
    if ch == "\u00ab":
        return "open", "guillemet"
    if ch == "\u00bb":
        return "close", "guillemet"
    if ch == "\u201e":
        return "open", "double"
    if ch == "\u201d":
        # ” closes; written before a word with no quotation open, it was meant to open one.
        role = "open" if _position(text, i) == "open" and not double_open else "close"
        return role, "double"
    if ch == "\u201c":
        # “ closes „…“ and the miswritten “…“; otherwise it opens.
        if double_open and _position(text, i) == "close":
            return "close", "double"
        return "open", "double"
    if ch == '"':
        pos = _position(text, i)
        if pos == "ambiguous":
            pos = "close" if double_open else "open"
        return pos, "double"
    if ch == "\u2018":
        after = text[i + 1] if i + 1 < len(text) else " "
        return ("open", "single") if after.isalpha() else ("ignore", "single")
    if ch == "\u2019":
        single_open = any(o.family == "single" for o in stack)
        after = text[i + 1] if i + 1 < len(text) else " "
        return ("close", "single") if single_open and not after.isalpha() else ("ignore", "")
    return "ignore", ""


_QUOTE_MARKS = re.compile('[\u201c\u201d\u201e\u00ab\u00bb"\u2018\u2019]')


@register
class QuoteBalance(Check):
    """Stray or unclosed quote marks (“ ” „ « » " ‘ ’) in the English, paragraph by paragraph.

    Catches a closing quote with no opening one (``“patrols.” ”``) and an opening quote that is
    never closed. A quotation may run over sentences, and over paragraphs in the usual way (the
    next paragraph re-opens it, or closes it). Deliberately not flagged: apostrophes (let’s,
    students’), straight single quotes (too ambiguous to pair), an unclosed inner ‘ quote.
    """

    id = "quote-balance"
    category = "punctuation"
    severity = "major"
    needs_source = False
    description = "Stray or unbalanced quotation marks in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags: list[Flag] = []
        carried: list[_Open] = []
        for p_index, offset, text in paragraph_texts(ctx.target):
            carried = self._paragraph(text, offset, p_index, carried, flags)
        for o in carried:
            flags.append(self._unclosed(o))
        return [self._mirrored(ctx, f) for f in flags] if ctx.source is not None else flags

    def _mirrored(self, ctx: CheckContext, flag: Flag) -> Flag:
        """A quote imbalance the source shares is the author's, not the translator's: minor.

        The source is judged by plain counts over the paragraphs aligned with the flagged
        English sentence (« against », “ against ”, straight quotes by parity)."""
        source = ctx.source
        assert source is not None
        sentence = _sentence_at(ctx.target, flag.start)
        paragraphs = {
            source.sentences[i].paragraph
            for pair in ctx.pairs
            if sentence in pair.target
            for i in pair.source
        }
        if not paragraphs or not any(
            _counts_unbalanced(text)
            for p, _, text in paragraph_texts(source)
            if p in paragraphs
        ):
            return flag
        flag.severity = "minor"
        flag.message += " The source is unbalanced here too."
        flag.evidence["source_unbalanced"] = True
        return flag

    def _paragraph(
        self, text: str, offset: int, p_index: int, carried: list[_Open], flags: list[Flag]
    ) -> list[_Open]:
        """Pair the marks of one paragraph; return the openings it leaves open."""
        stack: list[_Open] = []
        first = len(text) - len(text.lstrip())
        seen_families: set[str] = set()
        for m in _QUOTE_MARKS.finditer(text):
            i = m.start()
            role, family = _classify(text, i, stack, carried)
            if role == "ignore":
                continue
            seen_families.add(family)
            if role == "open":
                if i == first and any(o.family == family for o in carried):
                    _pop_family(carried, family)  # “… ¶ “… : the quotation goes on
                stack.append(_Open(family, text[i], offset + i, p_index))
            elif _pop_family(stack, family) is None and _pop_family(carried, family) is None:
                inch = text[i] == '"' and i > 0 and text[i - 1].isdigit()  # a 6" pipe
                if family != "single" and not inch:
                    flags.append(self._stray(text[i], offset + i))
        still: list[_Open] = []
        for o in carried:  # an earlier quotation this paragraph neither closed nor went on with
            if o.family in seen_families:
                flags.append(self._unclosed(o))
            else:
                still.append(o)
        return still + [o for o in stack if o.family != "single"]

    def _stray(self, char: str, pos: int) -> Flag:
        return self.flag(
            "target",
            pos,
            pos + 1,
            f"Closing quote {char} has no opening quote in this paragraph.",
            {"mark": char, "problem": "stray closing quote"},
        )

    def _unclosed(self, o: _Open) -> Flag:
        return self.flag(
            "target",
            o.pos,
            o.pos + 1,
            f"Opening quote {o.char} is never closed.",
            {"mark": o.char, "problem": "unclosed opening quote", "paragraph": o.paragraph},
        )


def _sentence_at(doc: Document, pos: int) -> int:
    """Index of the sentence of ``doc`` that holds (or last starts before) offset ``pos``."""
    starts = [s.start for s in doc.sentences]
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _counts_unbalanced(text: str) -> bool:
    """Whether a text's quote marks do not pair up by simple counting."""
    return (
        text.count("«") != text.count("»")
        or (text.count("“") + text.count("„") + text.count("”")) % 2 == 1  # “…” and „…“
        or text.count('"') % 2 == 1
    )


def _pop_family(stack: list[_Open], family: str) -> _Open | None:
    """Remove and return the innermost open quote of ``family`` (dropping inner single quotes
    opened after it, which were apostrophe-like), or None."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].family == family:
            found = stack[k]
            del stack[k:]
            return found
    return None


# ------------------------------------------------------------------------- unbalanced-brackets

_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
_LIST_MARKER = re.compile(r"(?:^|[\s(])(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})$")
_SMILEY = re.compile(r"[:;=8]-?$")


@register
class UnbalancedBrackets(Check):
    """Brackets ( ) [ ] { } that are not closed, or closed without being opened, in a paragraph.

    Deliberately not flagged: list markers such as ``1)``, ``a)``, ``iv)`` and smileys ``:)``.
    """

    id = "unbalanced-brackets"
    category = "punctuation"
    severity = "major"
    needs_source = False
    description = "Unbalanced brackets in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags: list[Flag] = []
        for _, offset, text in paragraph_texts(ctx.target):
            stack: list[tuple[str, int]] = []
            for m in re.finditer(r"[()\[\]{}]", text):
                ch, i = m.group(), m.start()
                if ch in _BRACKETS:
                    stack.append((ch, i))
                elif stack and stack[-1][0] == _CLOSERS[ch]:
                    stack.pop()
                elif not (
                    _LIST_MARKER.search(text, max(0, i - 8), i)
                    or _SMILEY.search(text, max(0, i - 3), i)
                ):
                    flags.append(
                        self.flag(
                            "target",
                            offset + i,
                            offset + i + 1,
                            f"Closing bracket {ch} has no matching opening bracket.",
                            {"mark": ch, "problem": "stray closing bracket"},
                        )
                    )
            for ch, i in stack:
                flags.append(
                    self.flag(
                        "target",
                        offset + i,
                        offset + i + 1,
                        f"Opening bracket {ch} is never closed in this paragraph.",
                        {"mark": ch, "problem": "unclosed opening bracket"},
                    )
                )
        return flags


# ------------------------------------------------------------------------- doubled-punctuation

_RUN = re.compile(r"[.,;:!?…](?:[ \t\u00a0]?[.,;:!?…])+")
_ALLOWED_RUN = re.compile(r"[?!]+(?:\.\.+|…)?")  # ?! !? ?? ?.. !..


def _doubled_is_fine(text: str, start: int, run: str) -> bool:
    """Whether a run of marks is an accepted combination rather than a doubled mark."""
    compact = run.replace(" ", "").replace("\t", "").replace("\u00a0", "")
    if "…" in compact or "..." in compact:  # an ellipsis, also marking an elision after a comma
        return True
    if _ALLOWED_RUN.fullmatch(compact):
        return True
    if compact[0] == "." and compact[1] in ",;:?!" and len(compact) == 2 and " " not in run:
        return is_abbreviation(text, start)  # "U.S., and", "in the U.S.?"
    return False


@register
class DoubledPunctuation(Check):
    """Two marks where one belongs: ``. .``, ``..``, ``,,``, ``?.``, ``.,``, ``: .``.

    Deliberately not flagged: ellipses (``...``, ``…``, ``. . .``), ``?!``/``!?``, Russian-style
    ``?..``, and an abbreviation's period followed by a comma or a question mark (``U.S.,``).
    """

    id = "doubled-punctuation"
    category = "punctuation"
    severity = "major"
    needs_source = False
    description = "Doubled punctuation marks in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags: list[Flag] = []
        for _, offset, text in paragraph_texts(ctx.target):
            for m in _RUN.finditer(text):
                if _doubled_is_fine(text, m.start(), m.group()):
                    continue
                flags.append(
                    self.flag(
                        "target",
                        offset + m.start(),
                        offset + m.end(),
                        f"Doubled punctuation “{m.group()}”: one of the marks is probably stray.",
                        {"marks": m.group()},
                    )
                )
        return flags


# -------------------------------------------------------------------- space-before-punctuation

_SPACE_BEFORE = re.compile(r"(?<=[\p{L}\p{N}\u201d\u2019\"'\u00bb)\]])[ \t\u00a0]+([,;:?!.])")


@register
class SpaceBeforePunctuation(Check):
    """A space before ``. , ; : ? !`` in the English (``happening” .``).

    Deliberately not flagged: an ellipsis or a leading-dot token after a space (`` ...and``,
    `` .com``, `` .5``), smileys (`` :)``), dashes, and marks after another mark (that is
    doubled punctuation). French spacing is not considered: only the English side is read.
    """

    id = "space-before-punctuation"
    category = "punctuation"
    severity = "minor"
    needs_source = False
    description = "A space before a punctuation mark in the English."

    def run(self, ctx: CheckContext) -> list[Flag]:
        flags: list[Flag] = []
        for _, offset, text in paragraph_texts(ctx.target):
            for m in _SPACE_BEFORE.finditer(text):
                mark, after = m.group(1), text[m.end() : m.end() + 1]
                if mark == "." and (after == "." or after.isalnum()):
                    continue
                if mark in ":;" and after and after in ")(DPp":
                    continue
                flags.append(
                    self.flag(
                        "target",
                        offset + m.start(),
                        offset + m.end(),
                        f"Space before “{mark}”.",
                        {"mark": mark},
                    )
                )
        return flags


# ------------------------------------------------------------------------------ end-punctuation

_TRAILING_CLOSERS = "\"'\u201d\u2019\u201c\u00bb\u00ab)]} \t\n\u00a0*"
_FINAL_RUN = re.compile(r"[.?!…:;,]+$")


def final_mark(sentence: str) -> tuple[str, int, int]:
    """The kind of a sentence's final punctuation and the span of its marks in ``sentence``.

    Closing quotes and brackets after the mark are looked through (``."``, ``?»``, ``!)``).
    Kinds: "?", "!", "…", ".", "other" (: ; ,) or "" (none, with the span -1, -1).
    """
    body = sentence.rstrip(_TRAILING_CLOSERS)
    m = _FINAL_RUN.search(body)
    if not m:
        return "", -1, -1
    run = m.group()
    if "?" in run:
        kind = "?"
    elif "!" in run:
        kind = "!"
    elif "…" in run or "..." in run:
        kind = "…"  # two periods are a doubled period (the doubled-punctuation check's flag)
    elif "." in run:
        kind = "."
    else:
        kind = "other"
    return kind, m.start(), m.end()


_KIND_NAME = {"?": "a question mark", "!": "an exclamation mark", "…": "an ellipsis",
              ".": "a period", "other": "another mark"}  # fmt: skip


def _end_severity(src: str, tgt: str) -> str | None:
    """Severity of a final-punctuation difference, or None when it is not worth a flag."""
    if src == tgt or src in ("", "other") or tgt == "other":
        return None
    if tgt == "":
        return "major"
    if "?" in (src, tgt):
        return "major"
    return "minor"  # ! vs . and … vs .: a change of tone, often a house style


def _quoted_title_moved(src: str, src_kind: str, tgt: str, tgt_kind: str) -> bool:
    """Whether the source's final ? or ! belongs to a quotation it ends with (``фильм "Куда ты
    идешь, Аида?"``) and the English kept that quotation, with its mark, earlier in a sentence
    that ends with a period (``The movie "Quo Vadis, Aida?" received ...``)."""
    if tgt_kind != "." or src_kind not in ("?", "!"):
        return False
    tail = src.rstrip()[len(src.rstrip(_TRAILING_CLOSERS)) :]
    quoted = any(c in tail for c in "\"'\u201d\u2019\u201c\u00bb")
    return quoted and re.search(re.escape(src_kind) + "[\"'\u201d\u2019\u00bb]", tgt) is not None


@register
class EndPunctuation(PairCheck):
    """The final punctuation of a sentence pair differs in kind: a question became a statement
    (or the reverse), ``!`` or ``…`` became ``.``, or the English lost its final mark.

    Compares the last sentence of each side of a 1-1, 1-2 or 2-1 pair, looking through closing
    quotes and brackets (``.»`` and ``.”`` agree). Deliberately not flagged: a source with no
    final mark (headings), a colon or semicolon on either side, ``…`` against ``...``.
    """

    id = "end-punctuation"
    category = "punctuation"
    severity = "major"
    needs_source = True
    description = "The English ends a sentence with different punctuation than the source."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        flag = self._pair(ctx.source, ctx.target, pair)
        return [flag] if flag else []

    def _pair(self, source: Document, target: Document, pair: AlignedPair) -> Flag | None:
        src_text = source.sentence_text(pair.source[-1])
        tgt_sent = target.sentences[pair.target[-1]]
        tgt_text = target.text[tgt_sent.start : tgt_sent.end]
        src_kind = final_mark(src_text)[0]
        tgt_kind, tgt_start, tgt_end = final_mark(tgt_text)
        severity = _end_severity(src_kind, tgt_kind)
        if severity is None or _quoted_title_moved(src_text, src_kind, tgt_text, tgt_kind):
            return None
        if tgt_kind:
            start, end = tgt_sent.start + tgt_start, tgt_sent.start + tgt_end
        else:
            start, end = last_char_span(tgt_text, tgt_sent.start)
        ending = f"ends with {_KIND_NAME[tgt_kind]}" if tgt_kind else "has no final punctuation"
        msg = f"The source sentence ends with {_KIND_NAME[src_kind]} but the English {ending}."
        return self.flag(
            "target",
            start,
            end,
            msg,
            {"source_final": src_kind, "target_final": tgt_kind},
            severity=severity,
        )


# ------------------------------------------------------------------------------ quote-presence

_SRC_QUOTATION = re.compile(
    r"«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)”|(?:^|(?<=[\s(]))\"([^\"]+)\"(?=[\s.,;:!?)—–-]|$)"
)
_TGT_QUOTE = re.compile(r"[\u201c\u201d\u201e\u00ab\u00bb\"\u2018]|(?:^|(?<=\s))'(?=\w)")


def _is_speech(inner: str) -> bool:
    """Whether a quoted passage reads as quoted words rather than a name: five words or more,
    or three or more ending like a sentence. Names of parties, pipelines, summits and titles
    ("Северный поток-2", "Саммит за демократию") are short and usually lose their quotes."""
    words = len(re.findall(r"\w+", inner))
    return words >= 5 or (words >= 3 and inner.rstrip()[-1:] in ".!?…")


@register
class QuotePresence(PairCheck):
    """A quotation in the source (« », „ “, " ") that reads as quoted words has no quotation
    marks at all in the English of the pair.

    Minor: rendering direct speech as reported speech is a convention, not an error. Deliberately
    not flagged: quoted names («Газпром», "Саммит за демократию"), which English usually writes
    without quotes.
    """

    id = "quote-presence"
    category = "punctuation"
    severity = "minor"
    needs_source = True
    description = "A quotation in the source is not a quotation in the English."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        _, tgt = ctx.pair_texts(pair)
        quote = None if _TGT_QUOTE.search(tgt) else self._source_quotation(ctx.source, pair)
        if not quote:
            return []
        start, end, inner = quote
        message = "This quotation in the source is not in quotation marks in the English."
        return [self.flag("source", start, end, message, {"source_quotation": inner})]

    @staticmethod
    def _source_quotation(source: Document, pair: AlignedPair) -> tuple[int, int, str] | None:
        """The first quotation in the pair's source sentences that reads as quoted words."""
        for i in pair.source:
            sent = source.sentences[i]
            text = source.text[sent.start : sent.end]
            for m in _SRC_QUOTATION.finditer(text):
                inner = next(g for g in m.groups() if g is not None)
                if _is_speech(inner):
                    return sent.start + m.start(), sent.start + m.end(), inner
        return None
