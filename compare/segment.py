"""Sentence segmentation for English, Russian and Kazakh, with offsets into the text as read.

razdel does the first cut for all three languages: it handles initials, quotes, dialogue dashes,
ellipses, URLs and most abbreviations, and it never drops characters. We chose it over pysbd for
English too: on the English hard cases in tests/test_segment.py pysbd got 19/22 (razdel plus
these rules 22/22), and pysbd detaches the real defects the punctuation checks must see (it
makes a sentence of the lone ``.`` in ``punished. .`` and moves a stray ``”`` to the next
sentence). razdel reads quote marks by their shape, so we add one kind of cut: a sentence end
next to a curly quote facing the other way (Kazakh ``Кеннеди. ”Менің``, ``болды.“ Содан``).
Otherwise our rules only *join* razdel's pieces (abbreviations, initials, item numbers, lone
punctuation, a cut after ``;`` or inside parentheses), so a sentence is always a contiguous,
whitespace-stripped slice of its paragraph and no character is lost or repeated.
"""

from __future__ import annotations

import regex
from razdel import sentenize

from compare.abbreviations import MAY_END, NEVER_END
from compare.document import Document, Sentence, Span

# Abbreviations (compare.abbreviations, shared with the punctuation checks): after NEVER_END the
# next piece always continues the sentence; after MAY_END only before a lowercase word or a digit.
_ALWAYS_JOIN = NEVER_END
_BEFORE_LOWER_OR_DIGIT = MAY_END

# Abbreviations that continue the sentence before particular capitalised words ("7 p.m. ET",
# "37 млрд. долл. США"): the pair is unambiguous where the abbreviation alone is not.
_BEFORE_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "en": dict.fromkeys(
        ("a.m.", "p.m."),
        frozenset(
            "ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST UTC Eastern Central Mountain "
            "Pacific Moscow local".split()
        ),
    ),
    "ru": {"долл.": frozenset({"США"})},
    "kk": {"долл.": frozenset({"АҚШ"})},
}

# Company forms are the same in every language ("CRRC Zhuzhou Locomotive Co. Ltd.").
_BEFORE_WORDS_ANY: dict[str, frozenset[str]] = {
    "co.": frozenset({"Ltd", "Inc", "LLC", "Limited", "KG", "AG", "GmbH", "KGaA"}),
}

# A sentence never starts with a comma, semicolon or colon, even after a closing quote.
_CONTINUATION_START = regex.compile(r"^[\"”»“’')\]]*\s*[,;:]")
_TAIL = 300  # characters of the sentence so far that the join rules look at
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_LAST_TOKENS = regex.compile(r"(?:(\S+)\s+)?(\S+)$", flags=regex.REVERSE)
_OPENERS = "([{«„“‘\"'"
_INITIAL_END = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu})\.$")
_ITEM_NUMBER = regex.compile(r"^[(\[]?(?:\d{1,3}|[IVXLC]{1,6}|\p{L})[.)]$")
_BLANK_LINE = regex.compile(r"\n[^\S\n]*\n\s*")
_FIRST_WORD_CHAR = regex.compile(r"^[^\p{L}\p{N}]*([\p{L}\p{N}])")
# Sentence ends razdel misses because a curly quote faces the "wrong" way, as Kazakh (and some
# Russian) typing often has it: an opening ” or “ glued to the capital after a full stop
# (`Кеннеди. ”Менің`), or a closing “ after the full stop (`болды.“ Содан`; `“…“` quotations).
# Cut there; the join rules below still undo a cut after an abbreviation or an initial.
_QUOTE_CUT = regex.compile(
    r"(?<=[.!?…])\s+(?=[”“\"]\p{Lu})|(?<=[.!?…][“\"])\s+(?=[«„“”\"]?\p{Lu})"
)


def segment(text: str, lang: str, paragraphs: list[Span]) -> list[Sentence]:
    """Split each paragraph of ``text`` into sentences; offsets refer to ``text`` itself.

    With no paragraphs the whole text is one paragraph. A sentence never crosses a paragraph,
    and every non-whitespace character of every paragraph lies in exactly one sentence.
    """
    spans = paragraphs or [Span(0, len(text))]
    sentences: list[Sentence] = []
    for p_index, para in enumerate(spans):
        for start, end in _split_paragraph(text, para.start, para.end, lang):
            sentences.append(Sentence(len(sentences), start, end, p_index))
    return sentences


def segment_document(text: str, lang: str, paragraphs: list[Span]) -> Document:
    """A Document with its sentences filled in, for callers that start from raw text."""
    return Document(text, lang, list(paragraphs), segment(text, lang, paragraphs))


def _split_paragraph(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph: razdel's pieces, then our joins and fix-ups."""
    spans: list[tuple[int, int]] = []
    # A blank line inside a paragraph is a hard boundary: rules never join across it.
    for b_start, b_end in _blocks(text, start, end):
        spans.extend(_fix_block(text, _razdel_pieces(text, b_start, b_end), lang))
    return spans


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a paragraph separated by blank lines (they matter only without paragraph spans)."""
    blocks = []
    pos = start
    for m in _BLANK_LINE.finditer(text, start, end):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, end))
    return blocks


def _razdel_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """razdel's cut points, turned into stripped spans that cover the block without gaps."""
    chunk = text[start:end]
    cuts = {s.start for s in sentenize(chunk)} | {m.end() for m in _QUOTE_CUT.finditer(chunk)}
    bounds = [0, *sorted(cuts - {0}), len(chunk)]
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        stripped = _strip(text, start + a, start + b)
        if stripped is not None:
            spans.append(stripped)
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding whitespace, or None if it holds only whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _fix_block(text: str, pieces: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    """Join razdel's pieces of one block where our rules say the sentence goes on."""
    out: list[tuple[int, int]] = []
    for piece in pieces:
        if out:
            start, end = out[-1]
            # Rules look only at the end of the sentence so far: long joined runs stay linear.
            tail = text[max(start, end - _TAIL) : end]
            if _joins(tail, text[piece[0] : piece[1]], lang):
                out[-1] = (start, piece[1])
                continue
        out.append(piece)
    # A lone mark at the start of a block has no sentence before it: glue it to the next one.
    if len(out) > 1 and not _HAS_WORD.search(text[out[0][0] : out[0][1]]):
        out[:2] = [(out[0][0], out[1][1])]
    return out


def _joins(prev: str, nxt: str, lang: str) -> bool:
    """True when ``nxt`` continues the sentence whose last characters are ``prev``."""
    if not _HAS_WORD.search(nxt):
        return True  # a lone mark or closing quote is never a sentence of its own
    if _ITEM_NUMBER.match(prev):
        return True  # "1." / "IV." / "a)" heads the item that follows
    if prev.endswith(";") or _CONTINUATION_START.match(nxt) or _inside_parentheses(prev, nxt):
        return True  # a semicolon joins clauses; razdel sometimes cuts after it
    first = _FIRST_WORD_CHAR.match(nxt)
    first_char = first.group(1) if first else ""
    abbrevs = _last_abbrev_candidates(prev)
    if abbrevs & _ALWAYS_JOIN.get(lang, frozenset()) and not _is_street(prev, lang):
        return True
    if not prev.endswith("."):
        return False
    if _joins_before_word(abbrevs, nxt, lang):
        return True
    if first_char.islower():
        return True  # after a full stop a sentence does not start in lowercase
    if first_char.isdigit() and abbrevs & _BEFORE_LOWER_OR_DIGIT.get(lang, frozenset()):
        return True
    return first_char.isupper() and _ends_with_initial(prev, lang)


def _last_abbrev_candidates(prev: str) -> set[str]:
    """The last token and the last two tokens glued ("т. е." -> "т.е."), lowercased."""
    m = _LAST_TOKENS.search(prev)
    if not m:
        return set()
    last = m.group(2).lstrip(_OPENERS).lower()
    found = {last}
    if m.group(1):
        found.add(m.group(1).lstrip(_OPENERS).lower() + last)
    return found


def _joins_before_word(abbrevs: set[str], nxt: str, lang: str) -> bool:
    """True for an abbreviation that the next word completes ("p.m. ET", "долл. США")."""
    words = nxt.split(maxsplit=1)
    first_word = words[0].rstrip(".,;:!?") if words else ""
    table = _BEFORE_WORDS.get(lang, {})
    return any(
        first_word in table.get(a, frozenset()) or first_word in _BEFORE_WORDS_ANY.get(a, ())
        for a in abbrevs
    )


def _inside_parentheses(prev: str, nxt: str) -> bool:
    """razdel may cut inside "(… группами. - Ред.)": keep a parenthesis open until it closes."""
    return prev.count("(") > prev.count(")") and ")" in nxt


def _is_street(prev: str, lang: str) -> bool:
    """English "Main St." is a street and may end a sentence; "St. James" is a saint."""
    if lang != "en" or not prev.endswith(" St."):
        return False
    before = prev[: -len(" St.")].split()
    return bool(before) and before[-1][:1].isupper()


def _ends_with_initial(prev: str, lang: str) -> bool:
    """Initials ("В. В.", "J. R. R.", "K.") before a name; English "I." is a pronoun or numeral."""
    m = _INITIAL_END.search(prev)
    if not m:
        return False
    return not (lang == "en" and m.group(1) == "I")
