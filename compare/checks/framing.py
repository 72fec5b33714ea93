"""Framing shifts: the English changes who says a thing, how sure it is, or how loaded its
words are, without changing what happened (issue 22).

A researcher comparing outlets asks not only "is it wrong?" but "is it told differently?":
an attribution dropped (по данным полиции → the statement stands as fact), distance added
("so-called", "allegedly"), a hedge dropped or added (возможно → stated as certain), a loaded
term added or dropped (спецоперация → invasion; боевики → fighters), a direct quotation turned
into paraphrase. None of these is a translation error by itself, so every flag is a minor note
of category ``framing`` that the corpus statistics never count as an error.

Per aligned pair and per kind (:data:`compare.lang.framing.KINDS`), a kind is *dropped* when the
source has a strong marker of it and the English has no marker of it at all (strong or weak),
and *added* the other way round; the word lists are in :mod:`compare.lang.framing` plus the
user's own (:mod:`compare.framing_lexicon`). Quotations: a quotation of four words or more on
one side and nothing quoted on the other, except what a language's own quoting habits make
(:data:`compare.lang.framing.QUOTATIVE`, :data:`compare.lang.framing.NAMED_BY_QUOTES`; Kazakh):
a «»-quoted name or term (the word after it says what it names) is no quotation; a source
quotation closed by a verb of saying (or opened after one and a colon) is the translator's way
of reported speech when the English attributes the words and speaks of nobody as "I", "we" or
"you" (a quotation's marks dropped from direct speech leave those); an English quotation
beside a source that reports speech with such a verb and no quotation marks is the same speech,
when the English attributes it outside the quotation; so is one beside a source that sets its
speech off with dashes (:data:`compare.lang.framing.DASH_SPEECH`: – …, – деді ол). In every
language, an English quotation right after a word that names a title (a song, a book "titled",
a campaign "called": :data:`compare.lang.framing.TITLED_BY_QUOTES_EN`) is no quotation.
"""

from __future__ import annotations

import regex as re

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, Setting, register
from compare.flags import Flag
from compare.framing_lexicon import FramingLexicon, load_framing_lexicon
from compare.lang.framing import DASH_SPEECH, NAMED_BY_QUOTES, QUOTATIVE, TITLED_BY_QUOTES_EN
from compare.words import WITH_APOSTROPHES_AND_HYPHENS

QUOTE_MIN_WORDS = 4
"""Words inside quotation marks that make a quotation rather than a name («Газпром», "Vesti")."""
_QUOTED = re.compile(r"«([^«»]+)»|„([^„“”]+)[“”]|“([^“”]+)[“”]|\"([^\"]+)\"|‘([^‘’]+)’")
_QUOTE_MARK = re.compile(r"[\"“”«»„]|(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])")
"""Any quotation mark (a straight apostrophe only at a word's edge, not inside "it's")."""
_WORD = WITH_APOSTROPHES_AND_HYPHENS


def _edge(pattern: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}])(?:{pattern})(?![\p{{L}}\p{{N}}])"


_NAMED_AFTER = {lang: re.compile(r"[\s»“”\"]*" + _edge(p), re.IGNORECASE)
                for lang, p in NAMED_BY_QUOTES.items()}
"""A quoted phrase followed by one of these words is a name («…» ұлттық компаниясы)."""
_SAID_AFTER = {lang: re.compile(r"[\s,.:;!?–—-]*(?:\p{L}+\s+){0,2}?" + _edge(p),
                                re.IGNORECASE)
               for lang, p in QUOTATIVE.items()}
"""A quotation closed by a verb of saying within two words («…», – деді ол)."""
_SAID_BEFORE = {lang: re.compile(_edge(p) + r"(?:\s+\p{L}+){0,2}\s*:\s*$", re.IGNORECASE)
                for lang, p in QUOTATIVE.items()}
"""A quotation opened after a verb of saying and a colon (былай деді: «…»)."""
_SAID = {lang: re.compile(_edge(p), re.IGNORECASE) for lang, p in QUOTATIVE.items()}
_DASH_SPEECH = {lang: re.compile(f"{opening}|{before}{_edge(QUOTATIVE[lang])}", re.IGNORECASE)
                for lang, (opening, before) in DASH_SPEECH.items()}
"""Direct speech between dashes (– …, – деді ол), which quotes without quotation marks."""
_TITLED_BEFORE = re.compile(_edge(TITLED_BY_QUOTES_EN) + r"[\s:,]*$", re.IGNORECASE)
"""An English quotation right after one of these words is a title or a name ("the song
"…"")."""
_FIRST_SECOND_PERSON = re.compile(
    r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves|[Yy]ou|[Yy]ours?"
    r"|[Yy]ourself)\b")
"""English words of direct speech (case-sensitive: "US" is no "us")."""

_KIND_NAMES = {"attribution": "Attribution", "distancing": "Distancing", "hedge": "Hedge",
               "loaded": "Loaded term", "quote": "Quotation"}


def quotations(text: str, min_words: int = QUOTE_MIN_WORDS, lang: str | None = None
               ) -> list[tuple[int, int]]:  # fmt: skip
    """Spans of the quotations of at least ``min_words`` words in ``text``; in a language with
    :data:`~compare.lang.framing.NAMED_BY_QUOTES`, not the names and terms it quotes."""
    named = _NAMED_AFTER.get(lang or "")
    out = []
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(_WORD.findall(inner)) < min_words:
            continue
        if named is not None and named.match(text, m.end()):
            continue
        out.append(m.span())
    return out


def reported_speech(lang: str, text: str, span: tuple[int, int]) -> bool:
    """Whether the quotation at ``span`` is the object of a verb of saying (closed by one, or
    opened after one and a colon), in a language with :data:`~compare.lang.framing.QUOTATIVE`."""
    after, before = _SAID_AFTER.get(lang), _SAID_BEFORE.get(lang)
    if after is None or before is None:
        return False
    return bool(after.match(text, span[1]) or before.search(text[:span[0]]))


@register
class FramingShift(PairCheck):
    """Attribution, distancing, hedges, loaded terms and direct quotations present on one
    side of a pair only (a minor ``framing`` note, never an error)."""

    id = "framing-shift"
    category = "framing"
    severity = "minor"
    description = ("Who says it, how sure it is, how loaded its words are: present on one side "
                   "only")
    settings = (
        Setting("framing_quote_min_words", int, QUOTE_MIN_WORDS,
                "words inside quotation marks that make a quotation rather than a name",
                minimum=1),
    )

    def __init__(self, lexicon: FramingLexicon | None = None) -> None:
        self.lexicon = lexicon

    def run(self, ctx: CheckContext) -> list[Flag]:
        if self.lexicon is None:
            self.lexicon = load_framing_lexicon()
        return super().run(ctx)

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None and self.lexicon is not None
        lang = ctx.source.lang
        if lang not in self.lexicon.languages:
            return []
        src, tgt = ctx.pair_texts(pair)
        flags = []
        for kind in self.lexicon.kinds:
            flags += self._shift(ctx, pair, kind, src, tgt, lang)
        flags += self._quotes(ctx, pair, src, tgt, lang)
        return flags

    def _shift(self, ctx: CheckContext, pair: AlignedPair, kind: str, src: str, tgt: str,
               lang: str) -> list[Flag]:
        lex = self.lexicon
        assert lex is not None
        in_source = lex.strong(lang, kind).search(src)
        in_english = lex.strong("en", kind).search(tgt)
        if in_source and not in_english and not lex.weak("en", kind).search(tgt):
            return [self._note(ctx, pair, "source", in_source.span(), kind, "dropped",
                               in_source.group(0))]
        if in_english and not in_source and not lex.weak(lang, kind).search(src):
            return [self._note(ctx, pair, "target", in_english.span(), kind, "added",
                               in_english.group(0))]
        return []

    def _quotes(self, ctx: CheckContext, pair: AlignedPair, src: str, tgt: str,
                lang: str) -> list[Flag]:
        # A long quotation on one side and no quotation mark at all on the other: the two
        # sides may quote different amounts of the same words («Растет напряжение» / "It's
        # getting more and more tense"), and a quotation may run over two sentences.
        lex = self.lexicon
        assert lex is not None
        words = int(ctx.thresholds.get("framing_quote_min_words", QUOTE_MIN_WORDS))
        src_q, tgt_q = quotations(src, words, lang=lang), quotations(tgt, words)
        if src_q and not _QUOTE_MARK.search(tgt):
            if (lex.weak("en", "attribution").search(tgt)
                    and not _FIRST_SECOND_PERSON.search(tgt)):
                # the English attributes the words in the third person: reported speech,
                # which this language quotes («…», – деді ол / "…, he said")
                src_q = [q for q in src_q if not reported_speech(lang, src, q)]
            if src_q:
                return [self._note(ctx, pair, "source", src_q[0], "quote", "dropped",
                                   src[src_q[0][0]:src_q[0][1]])]
        # an English title or name in quotation marks is no speech ("a book called "…"")
        tgt_q = [q for q in tgt_q if not _TITLED_BEFORE.search(tgt[:q[0]])]
        if tgt_q and not _QUOTE_MARK.search(src):
            dashes = _DASH_SPEECH.get(lang)
            if dashes is not None and dashes.search(src):
                # the source quotes too, between dashes: – …, – деді ол
                return []
            said = _SAID.get(lang)
            if said is not None and said.search(src):
                # the source reports the speech with a verb of saying and no quotation marks;
                # the same speech if the English attributes it outside its quotations
                outside = "".join(tgt[a:b] for a, b in zip([0] + [e for _, e in tgt_q],
                                                           [s for s, _ in tgt_q] + [len(tgt)],
                                                           strict=True))
                if lex.weak("en", "attribution").search(outside):
                    tgt_q = []
            if tgt_q:
                return [self._note(ctx, pair, "target", tgt_q[0], "quote", "added",
                                   tgt[tgt_q[0][0]:tgt_q[0][1]])]
        return []

    def _note(self, ctx: CheckContext, pair: AlignedPair, side: str, span: tuple[int, int],
              kind: str, shift: str, marker: str) -> Flag:
        if side == "target":
            start, end = ctx.target_span(pair, span)
            where = "the source"
            shown = f"“{marker}”"
        else:
            start, end = ctx.source_span(pair, span)
            where = "the English"
            shown = f"«{marker}»"
        if kind == "quote":
            message = ("Quotation turned into paraphrase: the source quotes directly; the "
                       "English has no quotation." if shift == "dropped" else
                       "Quotation added: the English quotes directly; the source has no "
                       "quotation.")
        else:
            message = f"{_KIND_NAMES[kind]} {shift}: {shown} has no counterpart in {where}."
        return self.flag(side, start, end, message,
                         evidence={"kind": kind, "shift": shift, "marker": marker})

