"""The name check: proper names must survive translation, in both directions.

Source side: a run of capitalised words inside a sentence (Токаева, Магистратский суд Вестминстера)
must have a counterpart in the English, either by spelling (through
:func:`compare.translit.latin_key` and, for the English word,
:func:`compare.translit.english_keys`, which reads English spellings by sound: Hume ~ Хьюм, Utah ~
Юта; after stripping Russian/Kazakh endings) or through the exonym and translation tables
(compare.lang.exonyms: Германия -> Germany, Белый дом -> White House, РФ -> Russia). A Latin word
is also read by the spelling of the language a name reached Russian and Kazakh through
(compare.lang.name_spellings: Mechichi as French is Машиши, Zhejiang as pinyin Чжэцзян), and the
one unmatched name of each side, when they sound alike, is one name spelled two ways (Саид /
Saied). Words before the last matched word of a run may go unmatched, because names are often half
translated (Кубок Райдера -> Ryder Cup) or shortened (Питер Джонс -> Jones); words after it may not
(Ангела Меркель -> Angela Davis is a changed name).

English side: the same for a run of capitalised English words against all source words (any case:
"Latin" <- латинском); generic name parts (District, River, Court) translate rather than
transliterate and so need no counterpart.

Capitals that prove nothing (general conventions, not entries for sentences):

* English title case: a stretch of three or more capitalised words joined only by the function
  words of names (of, for, the, and, with) in which at least half the capitalised words are
  generic or rendered (the last among them when no function word joins them) is a
  title-cased institution, post, day or product name (Fund for the Support of Russian
  Writers, International Day of Universal Health Coverage, International Universal Health
  Coverage Day, Chandelier with Nores PDU); Russian capitalises only the first word of such
  names, so the remaining English capitals are translations. A name after a post (British PM
  Kavanaugh) ends in an unrendered word.
* A title segment: from the start of the sentence, or after a number, bracket, slash or colon,
  up to the next comma, colon, bracket or number, three or more words all capitalised but
  for the function words of names: an English product or document title (Clan De File Beef
  Treats for Dogs, 30 items; Studio Tabletop Easel 20*24 cm; Egoist Unity Gilded Table Set
  (4 pieces)), which Russian writes in lower case after its first word.
* Ministries by stump compound (Минцифры, Минфин) are rendered by "Ministry".
* A title-cased quotation in the English when the source quotes a phrase too: the title of a
  work, translated ("No Time to Die" <- «Не время умирать»).
* Job titles and posts (Advisor, Associate, Researcher, Editor...) are generic English words.
* Russian document titles capitalise their head noun (приказ "Об утверждении Порядка ...",
  Правила, Положение, Кодекс): those nouns are generic source words, as Procedure, Rules,
  Code are in English; so are stump compounds whose tail is a generic word (Литфонд,
  Горсовет, Облсуд: лит-/гор-/обл- + фонд/совет/суд).
* A run never mixes Latin and Cyrillic words (SONEX 2085/EL Люстра), and the first Cyrillic
  word of a sentence that opens with a Latin brand or model code opens the Russian text.
* Latin words in the English with Cyrillic look-alike letters (WНO with a Cyrillic Н) are
  read with the Latin letters.

Conventions of professional news translation (NTREX dev lines 1-700; each rule documented beside
its code): a government named by its capital (Правительство Греции -> Athens); compass compounds
(Юго-Запад -> Southwest); -ический adjectives opening translated institution names (Юридический
комитет -> Judiciary Committee); English institution names joined by "on" (Commission on Artificial
Intelligence); possessive names read by sound without 's (Flake's); US state postal codes (AZ);
Russian letter names (Джей-Зи = JAY-Z, Би-би-си = BBC); named scales as units (по шкале Рихтера)
and unit symbols after numbers (7,1 Mw); an institution named by its initials (Университет штата
Луизиана -> LSU); a title the source quotes, unquoted in English (Dragons Den <- «Логово дракона»);
a country's acronym after an institution word (Конгрессе США -> Congress). A Russian person's name
that the English gives as a spare third-person pronoun ("По словам Трампа" -> "He said") is minor,
not major.

Deliberately not caught: names at the very start of a sentence that the English drops (a capital
there proves nothing in Russian), misspellings within the fuzzy tolerance, and names replaced by a
common word (Hyun -> "North").

Where the parts live: the tables in compare.lang (exonyms, name_words, name_spellings), whether a
word renders another in compare.name_matching, which capitals may carry a name in
compare.name_candidates; this module pairs the two sides and flags. A place whose compass word the
two sides give differently (Северная Корея / South Korea) is the antonym check's.
"""

from __future__ import annotations

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, Setting, register
from compare.country_swaps import names_any, swap_members
from compare.country_words import (
    is_country_en,
    is_country_src,
    opening_country_en,
    opening_country_src,
)
from compare.flags import Flag
from compare.glossary import builtin_glossary
from compare.lang.name_words import STREET_TYPES, THIRD_PERSON_PRONOUNS
from compare.name_candidates import (
    PATRONYMIC,
    QUOTED_SRC,
    WORD,
    abbreviated,
    capitalised_runs,
    clarifying_country,
    clarifying_place,
    clarifying_place_en,
    country_of_institution,
    currency_country,
    family_name_like,
    generic_en,
    generic_src,
    given_syllables,
    hyphened_to_rendered,
    in_acronym,
    initialism,
    is_capitalised,
    joined_runs,
    kazakh_institution,
    known_place_en,
    opens_sentence,
    quoted_titles,
    scale_name,
    shouting,
    split_at_initials,
    title_case,
    title_segments,
    titled_stretches,
    unit_symbol,
    word_spans,
)
from compare.name_matching import exonym_targets, spells_joined, src_matches_en
from compare.name_pairs import Candidate as _Candidate
from compare.name_pairs import changed_first_name, mark_dropped, mark_swapped, unpair_variants
from compare.translit import consonant_skeleton, latin_key

# The name check compares every source word with every English word of a pair; beyond this
# many words on a side (ten times the longest sentence of the corpora here) it says so instead.
MAX_WORDS_PER_PAIR = 1000
NEARBY_PAIRS = 2
"""A name the other side gives within this many pairs before or after (in the same or an
adjacent paragraph) is taken as known from context: the pair may say "he" or "the city"."""
# "In this country", "the nation": a description of a country the source names.
_COUNTRY_DESCRIBED = regex.compile(r"\b(?:this|the|that|our|their|its)\s+(?:country|nation)\b",
                                   regex.IGNORECASE)
_COUNTRY_WORD_SRC = regex.compile(r"\b(?:стран\w*|государств\w*|ел|елі\w*|елд\w*|мемлекет\w*)\b",
                                  regex.IGNORECASE)
# How far back a person's name the English gave earlier excuses the source's repeating it.
PERSON_BACK_PAIRS = 8


# A surname in -ов/-ев/-ин reads as an adjective (Сидоровой): after a first name, a surname.
_SURNAME = regex.compile(r"\p{Lu}\w+(?:ов|ев|ёв|ин|ын)(?:ой|ым|ых|ыми)")


def _opens_alike(src_word: str, en_word: str) -> bool:
    """Whether the two words' keys open alike, the first two letters and the first two
    consonants (Адамс, Adams; Трамп, Trump; not Токаев, Talks): a sentence's first word is
    capitalised whatever it is."""
    a, b = latin_key(src_word), latin_key(en_word)
    return len(a) >= 3 and a[:2] == b[:2] and (
        consonant_skeleton(a)[:2] == consonant_skeleton(b)[:2])


def _text_boundary(doc, first: int, last: int) -> bool:
    """Whether an empty paragraph stands between paragraphs ``first`` and ``last``: where a
    benchmark joins unrelated texts (compare.risk_fit.line_documents)."""
    return any(doc.paragraphs[k].start == doc.paragraphs[k].end for k in range(first + 1, last))


def _alone(words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether a word has no capitalised, non-generic word right beside it: a family name
    given alone (President Xi), not one of a two-word name (Wang Yi)."""
    for k in (index - 1, index + 1):
        if 0 <= k < len(words):
            word = words[k][2]
            generic = generic_en(word) if word.isascii() else generic_src(word)
            if is_capitalised(word) and not generic:
                return False
    return True


def _pronoun_count(words: list[tuple[int, int, str]], lang: str) -> int:
    table = THIRD_PERSON_PRONOUNS.get(lang, THIRD_PERSON_PRONOUNS["ru"])
    return sum(1 for w in words if w[2].lower() in table)


def _person_like(words: list[tuple[int, int, str]]) -> bool:
    """Whether the unmatched words may name a person: Cyrillic (a Latin name in the source is
    copied, not replaced: Guiyang Evening News) and none an exonym-table word."""
    return all(regex.match(r"\p{Cyrillic}", w[2]) for w in words) and not any(
        exonym_targets(w[2]) for w in words
    )


@register
class NameMismatch(PairCheck):
    """Flags names missing from the English or present in the English with no source name."""

    id = "name-mismatch"
    category = "name"
    severity = "major"
    description = "A name in the source is missing from the English, or the English adds one."

    settings = (
        Setting("names_nearby_pairs", int, NEARBY_PAIRS,
                "a name the other side gives within this many pairs before or after is known "
                "from context, not a major flag (0: only the pair itself counts)", minimum=0),
    )

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        self._glossary = ctx.glossary or builtin_glossary()
        self._ctx, self._current = ctx, pair
        return self._pair(ctx, pair.source, pair.target)

    def _described(self, unmatched: list) -> bool:
        """A source country that the English calls "this country", "the nation" (в США ->
        "in this country"), where the source has no word for a country of its own."""
        ctx, pair = getattr(self, "_ctx", None), getattr(self, "_current", None)
        if ctx is None or pair is None or ctx.source is None or not all(
                is_country_src(w[2]) for w in unmatched):  # fmt: skip
            return False
        source, english = ctx.pair_texts(pair)
        return bool(_COUNTRY_DESCRIBED.search(english)) and not _COUNTRY_WORD_SRC.search(source)

    def _named_nearby(self, side: str, unmatched: list) -> bool:
        """Whether the other side gives this name in a nearby pair (:data:`NEARBY_PAIRS`).

        Translators name a person or place once and then write "he", "the city" or nothing
        (Трамп подчеркнул -> He stressed; В Кельне -> The city), in both directions; on the
        professional dev translations (NTREX lines 1-700) most name flags were such
        references. A name the other side never gives nearby stays a major flag, and so does
        a name put in its place (the inserted name has no counterpart anywhere near).
        """
        ctx, pair = getattr(self, "_ctx", None), getattr(self, "_current", None)
        reach = int((ctx.thresholds if ctx else {}).get("names_nearby_pairs", NEARBY_PAIRS))
        if ctx is None or pair is None or ctx.source is None or reach <= 0 or not unmatched:
            return False
        index = ctx.once("names:pair-index", lambda: {id(p): i for i, p in enumerate(ctx.pairs)})
        here = index.get(id(pair))
        if here is None:
            return False
        other = ctx.target if side == "source" else ctx.source
        own = ctx.source if side == "source" else ctx.target
        own_ids = pair.source if side == "source" else pair.target
        if not own_ids:
            return False
        paragraph = own.sentences[own_ids[0]].paragraph
        # A person the English named earlier in the same text: Kazakh, whose "ол" is he, she and
        # it alike, and Russian repeat the name where the English writes "he" or "she".
        back = PERSON_BACK_PAIRS if side == "source" and _person_like(unmatched) else 0
        for near in ctx.pairs[max(0, here - max(reach, back)): here + reach + 1]:
            if near is pair:
                continue
            ids = near.target if side == "source" else near.source
            near_own = near.source if side == "source" else near.target
            at = own.sentences[near_own[0]].paragraph if near_own else paragraph
            if abs(at - paragraph) > 1 and not (
                    at < paragraph and index[id(near)] >= here - back
                    and not _text_boundary(own, at, paragraph)):  # fmt: skip
                continue  # another part of the text (or, in a benchmark, another text)
            far = abs(index[id(near)] - here) > reach
            for i in ids:
                sent = other.sentences[i]
                words = word_spans(other.text, sent.start, sent.end, side == "source")
                if far:  # farther back, only a name may be the one given: not "Talks" ~ Токаев
                    words = [e for e in words if is_capitalised(e[2]) and not generic_en(e[2])
                             and (not opens_sentence(other.text, sent.start, e[0])
                                  or any(_opens_alike(w[2], e[2]) for w in unmatched))]
                for w in unmatched:
                    if any(self._renders(w[2], e[2]) if side == "source"
                           else self._renders(e[2], w[2]) for e in words):  # fmt: skip
                        return True
        return False

    def _renders(self, src_word: str, en_word: str) -> bool:
        """By spelling or exonym, or because the glossary pairs them (РФ / Federation)."""
        glossary = getattr(self, "_glossary", None) or builtin_glossary()
        return src_matches_en(src_word, en_word) or glossary.renders(src_word, en_word)

    def _renders_joined(self, src_word: str, joined: str) -> bool:
        """Whether a source word renders English words written as one (Гонконг / Hong Kong):
        it must spell nearly all of them, not only the first (Ангелины is no Angelina Fadeev)."""
        return len(joined) - len(src_word) <= 4 and self._renders(src_word, joined)

    def _pair(self, ctx: CheckContext, s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> list:
        src_doc, tgt_doc = ctx.source, ctx.target
        assert src_doc is not None
        src_sents = [src_doc.sentences[i] for i in s_idx]
        tgt_sents = [tgt_doc.sentences[i] for i in t_idx]
        src_words = [w for s in src_sents for w in word_spans(src_doc.text, s.start, s.end)]
        en_words = [w for s in tgt_sents for w in word_spans(tgt_doc.text, s.start, s.end, True)]
        if max(len(src_words), len(en_words)) > MAX_WORDS_PER_PAIR and src_sents:
            return [self._over_budget(src_sents[0], len(src_words), len(en_words))]
        src_text = " ".join(src_doc.text[s.start : s.end] for s in src_sents)
        self._lang, self._english = src_doc.lang, (tgt_doc.text, tgt_sents)
        surplus = _pronoun_count(en_words, "en") - _pronoun_count(src_words, src_doc.lang)
        # Source side only, and not for Kazakh, which drops its pronouns (the verb ending says
        # the person): there, and for names the English adds, the spare pronoun excused more
        # real errors than false alarms on dev.
        self._spare = {"source": max(surplus, 0) if src_doc.lang == "ru" else 0}
        found = [
            c for s in src_sents for c in self._source_side(src_doc.text, s, src_words, en_words)
        ]
        found += [c for s in tgt_sents
                  for c in self._target_side(tgt_doc.text, s, src_words, en_words, src_text)]
        # A state put in another's place is the country check's flag (compare.country_swaps):
        # a name here only when some unmatched word of it names no swapped state.
        swaps = swap_members(src_text, " ".join(tgt_doc.text[s.start : s.end] for s in tgt_sents),
                             src_doc.lang)  # fmt: skip
        found = [c for c in found if not all(names_any(
            w[2], src_doc.lang if c[0] == "source" else "en", swaps[c[0] != "source"])
            for w in c[5] or [(0, 0, "")])]  # fmt: skip
        if found:
            found = unpair_variants(
                found, self._unclaimed_source(src_doc.text, src_sents, en_words),
                self._unclaimed_english(tgt_doc.text, tgt_sents, src_words))
        mark_swapped(found)
        mark_dropped(found, tgt_doc.text, tgt_sents, src_words, self._renders)
        return [self._name_flag(*c) for c in found]

    def _over_budget(self, first, src_count: int, en_count: int) -> Flag:
        """One minor flag instead of the comparison: every source word is compared with every
        English word, so a pair of thousands of words (a text with no full stops) would tie up
        the check for minutes."""
        return self.flag(
            "source", first.start, first.start, f"Names were not compared in this pair: it has "
            f"{src_count:,} source and {en_count:,} English words, more than the name check's "
            f"{MAX_WORDS_PER_PAIR:,} (a text without full stops?).",
            {"over_budget": MAX_WORDS_PER_PAIR}, severity="minor",
        )  # fmt: skip

    def _stray_english(self, word: tuple, src_words: list, first: bool = False) -> bool:
        """A capitalised English word, not generic, that no source word renders: a name of the
        English's own (or a country), which a clarifying place must not excuse. The sentence's
        first word only when the exonym table knows it as a name (Ankara)."""
        name = known_place_en(word[2]) if first else (
            (is_capitalised(word[2]) and not generic_en(word[2])) or is_country_en(word[2]))
        # a lower-case source word renders a name through the exonym table only (американский:
        # American), not by a chance likeness of sound (өтті ~ Ohio)
        return name and not any(self._renders(x[2], word[2]) for x in src_words
                                if is_capitalised(x[2]) or exonym_targets(x[2]))

    def _english_names_own(self, src_words: list, en_words: list) -> bool:
        """Whether the English has a name no source word renders (a clarifying place or country
        in the source is then no longer taken for one: Wheeling, Ohio; Portland, Canada)."""
        return any(self._stray_english(e, src_words, k == 0) for k, e in enumerate(en_words))

    def _stray_source(self, word: tuple, en_words: list) -> bool:
        """The same on the source side."""
        return ((is_capitalised(word[2]) and not generic_src(word[2])) or is_country_src(word[2])) \
            and not any(self._renders(word[2], e[2]) for e in en_words)

    def _unclaimed_source(self, text: str, sents: list, en_words: list) -> list:
        """Capitalised source words inside sentences that no English word renders and that
        could carry a name (not generic): the source names a candidate may pair with."""
        return [
            w
            for s in sents
            for w in word_spans(text, s.start, s.end)
            if is_capitalised(w[2])
            and not opens_sentence(text, s.start, w[0], True)
            and not generic_src(w[2])
            and not any(self._renders(w[2], e[2]) for e in en_words)
        ]

    def _unclaimed_english(self, text: str, sents: list, src_words: list) -> list:
        """Capitalised English words inside sentences that no source word renders and that
        are not generic (see _unclaimed_source)."""
        return [
            w
            for s in sents
            for w in word_spans(text, s.start, s.end, True)
            if is_capitalised(w[2])
            and not opens_sentence(text, s.start, w[0])
            and not generic_en(w[2])
            and not any(self._renders(x[2], w[2]) for x in src_words)
        ]

    def _name_flag(self, side: str, start: int, end: int, message: str, evidence: dict,
                   unmatched: list) -> Flag:  # fmt: skip
        """A major flag, or a minor one when the other side has a spare third-person pronoun
        that may stand for this (person's) name; each pronoun excuses one name."""
        spare = getattr(self, "_spare", {}).get(side, 0)
        where = "English" if side == "source" else "source"
        if spare and _person_like(unmatched):
            self._spare[side] = spare - 1
            return self.flag(side, start, end, f"{message} The {where} may refer to it by a "
                             "pronoun.", evidence, severity="minor")  # fmt: skip
        if side == "source" and self._described(unmatched):
            return self.flag(side, start, end, f"{message} The English may call it “the "
                             "country” here.", {**evidence, "described": True}, severity="minor")
        if self._named_nearby(side, unmatched):
            return self.flag(side, start, end, f"{message} The {where} names it in a nearby "
                             "sentence; here it may be a pronoun or implied.",
                             {**evidence, "named_nearby": True}, severity="minor")
        return self.flag(side, start, end, message, evidence)

    def _first_name_swap(self, text: str, sent, first: tuple, surname: tuple, src_words: list,
                         en_words: list) -> _Candidate | None:  # fmt: skip
        """Another first name before the same surname in the English (compare/name_pairs.py)."""
        if opens_sentence(text, sent.start, first[0], True):
            return None
        en_text, en_sents = self._english
        other = changed_first_name(
            first, surname, en_words,
            lambda w: any(s.start <= w[0] < s.end and opens_sentence(en_text, s.start, w[0])
                          for s in en_sents),
            self._renders,
            lambda e: any(self._renders(x[2], e) for x in src_words
                          if is_capitalised(x[2]) or exonym_targets(x[2])))
        if other is None:
            return None
        name = text[first[0] : surname[1]]
        return ("source", first[0], surname[1], f"The English gives the first name “{other[2]}” "
                f"where the source has “{name}”.", {"source": [name], "target": [other[2]]},
                [first])  # fmt: skip

    def _counted(self, whole: list, run: list, other: list, source: bool) -> list:
        """A run as :func:`given_syllables` counts its words: with the sentence's first word
        only where the other side renders it (Ким Чен Ын / Kim), not a word before the name
        (Рэппер Канье Уэст: three words, but not three East Asian syllables)."""
        if whole is run:
            return run
        first = whole[0][2]
        rendered = any(self._renders(first, e[2]) if source else self._renders(e[2], first)
                       for e in other)  # fmt: skip
        return whole if rendered else run

    def _source_side(self, text: str, sent, src_words: list, en_words: list) -> list[_Candidate]:
        out: list[_Candidate] = []
        words = word_spans(text, sent.start, sent.end)
        en_all = en_words + joined_runs(en_words)
        en_caps = {e[2] for e in en_words if e[2].isupper()}
        first_cyrillic = next((w[0] for w in words if regex.match(r"\p{Cyrillic}", w[2])), -1)
        acronyms: list[str] | None = None
        for run in split_at_initials(capitalised_runs(text, words)):
            whole = run  # before the sentence's first word goes: Ким Чен Ын opening a sentence
            # Any word is capitalised there, so it goes, unless it is a country's name alone:
            # one put in place of another is an error there too (Сирия заявила / Iraq said).
            if (opens_sentence(text, sent.start, run[0][0], source=True)
                    or run[0][0] == first_cyrillic):  # fmt: skip
                kept = len(run) == 1 and opening_country_src(run[0][2])
                run = run if kept else run[1:]
            if run and (unit_symbol(text, run) or currency_country(text, run)):
                continue
            if not run:
                continue
            # The words of the run after its last rendered word must be rendered too: a surname
            # replaced while the first name stays (Ангела Меркель -> Angela Turkey) is an error.
            # Words before it may go (Питер Джонс -> Jones: first names and titles are often
            # dropped), but not a part hyphened to a rendered one (Стейтен-Айленд), and so may
            # generic words (Национальный центр) and patronymics.
            hits = [any(self._renders(w[2], e[2]) for e in en_all) for w in run]
            # Two source words that English writes as one (Абдель Кадер -> Abdelkader): both
            # are rendered, when the English word spells the two nearly letter for letter
            # (a looser likeness lets a first name and any surname pass as one word).
            for i in range(len(run) - 1):
                if not hits[i + 1] and any(spells_joined(run[i][2], run[i + 1][2], e[2])
                                           for e in en_words):  # fmt: skip
                    hits[i] = hits[i + 1] = True
            # A hyphenated name the exonym table keys whole (Алма-Ата -> Almaty); not one that
            # only its first part keys (Еуропа-Азия is no Euro-anything).
            for i in range(len(run) - 1):
                if text[run[i][1]:run[i + 1][0]] == "-" and not (hits[i] and hits[i + 1]):
                    whole_word = text[run[i][0]:run[i + 1][1]]
                    keyed = exonym_targets(whole_word)
                    if (keyed and keyed != exonym_targets(run[i][2])
                            and any(self._renders(whole_word, e[2]) for e in en_all)):
                        hits[i] = hits[i + 1] = True
            if all(hits) or initialism(run) in en_caps:
                continue
            last = max((i for i, hit in enumerate(hits) if hit), default=-1)
            # Another first name before a rendered surname, wherever in the run it stands
            # (Андрес Мануэль Лопес Обрадор -> Catalan Manuel Lopez Obrador).
            if swap := next((found for k in range(1, last + 1) if hits[k] and not hits[k - 1]
                             and (found := self._first_name_swap(text, sent, run[k - 1], run[k],
                                                                 src_words, en_words))), None):
                out.append(swap)
                continue
            needed = [
                w
                for i, (w, hit) in enumerate(zip(run, hits, strict=True))
                if not hit
                and (not opens_sentence(text, sent.start, w[0], True) or run is whole)
                and (not generic_src(w[2]) or (i > 0 and hits[i - 1] and _SURNAME.fullmatch(w[2])))
                and not abbreviated(text, w)
                and (i > last or hyphened_to_rendered(text, run, i, hits))
                and not (any(hits) and PATRONYMIC.fullmatch(w[2].lower()))
            ]
            anchored = any(hits) or (
                whole is not run
                and family_name_like(whole[0][2])
                and any(self._renders(whole[0][2], e[2]) for e in en_all)
            )
            family = [w for w, hit in zip(run, hits, strict=True) if hit] + (
                [whole[0]] if whole is not run else [])
            alone = bool(needed and anchored) and any(  # asked only where it can matter
                self._renders(w[2], e[2]) and _alone(en_words, k)
                for w in family for k, e in enumerate(en_words))  # fmt: skip
            counted = self._counted(whole, run, en_all, True) if needed and anchored else run
            if not needed or scale_name(text, run) or (anchored and given_syllables(
                    counted, needed, family_alone=alone)):  # fmt: skip
                continue
            if country_of_institution(run, needed, hits):
                continue
            if clarifying_place(text, run) and not self._english_names_own(src_words, en_words):
                continue  # unless the English has a name of its own (Wheeling, Ohio)
            if self._lang == "kk" and kazakh_institution(text, run, en_words):
                continue
            if clarifying_country(text, run, lambda w: any(self._renders(w, e[2])
                                                            for e in en_all), self._lang) and not (
                    self._english_names_own(src_words, en_words)):  # fmt: skip
                continue  # unless the English has a name of its own (Portland, Canada)
            if acronyms is None:
                acronyms = [e[2] for e in en_words if regex.fullmatch(r"\p{Lu}{3,5}", e[2])
                            and not any(self._renders(s[2], e[2]) for s in src_words)]  # fmt: skip
            if in_acronym(needed, acronyms):
                continue
            name = text[run[0][0] : run[-1][1]]
            out.append(("source", run[0][0], run[-1][1],
                        f"The name “{name}” in the source does not appear in the English.",
                        {"source": [name], "target": []}, needed))  # fmt: skip
        return out

    def _target_side(
        self, text: str, sent, src_words: list, en_words: list, src_text: str = ""
    ) -> list[_Candidate]:
        out: list[_Candidate] = []
        words = word_spans(text, sent.start, sent.end, True)
        if title_case(words):
            return []
        titled = titled_stretches(text, words, lambda w: any(self._renders(s[2], w) for s in
                                                              src_words))  # fmt: skip
        titled += quoted_titles(text, sent.start, sent.end, src_text)
        titled += title_segments(text, sent.start, sent.end)
        # Words of titles the source quotes («Логово дракона»): an English run that renders one
        # of them is that title, translated and written without quotes (Dragons' Den).
        quotes = [WORD.findall(m.group()) for m in QUOTED_SRC.finditer(src_text)]
        quoted = [w for found in quotes for w in found]
        # A quoted source title of common words only (its words after the first in lower case:
        # «Не время умирать») holds no name; an English title-cased run of about its length is
        # that title translated (No Time To Die).
        # Three words at least: a two-word run beside a two-word title may be a person's name.
        common = [len(q) for q in quotes
                  if len(q) >= 3 and not any(is_capitalised(w) for w in q[1:])]  # fmt: skip
        for run in split_at_initials(capitalised_runs(text, words)):
            if any(a <= run[0][0] and run[-1][1] <= b for a, b in titled):
                continue
            if any(self._renders(q, w[2]) for w in run for q in quoted) and len(run) > 1:
                continue
            if any(n <= len(run) <= n + 2 for n in common):
                continue
            whole = run
            # As on the source side, a country's name alone stays (Iraq said / Сирия заявила).
            if opens_sentence(text, sent.start, run[0][0]) and not (
                    len(run) == 1 and opening_country_en(run[0][2])):
                run = run[1:]
            specific = [w for w in run if not generic_en(w[2])]
            if not specific or shouting(run):
                continue
            joined = [(run[0][0], run[-1][1], "".join(w[2] for w in run))] if len(run) > 1 else []
            if any(self._renders_joined(s[2], w[2]) for w in joined for s in src_words):
                continue
            # As on the source side, words after the last word the source renders must be
            # rendered (Angela Turkey); leading ones may be translated (Crown Prince <- наследный
            # принц). Adjacent words written as one in the source (Hong Kong ~ Гонконг) count.
            pairs = joined_runs(run)
            covered = {
                i
                for i, w in enumerate(run)
                if any(self._renders(s[2], w[2]) for s in src_words)
            }
            covered |= {
                j
                for i, p in enumerate(pairs)
                if any(self._renders_joined(s[2], p[2]) for s in src_words)
                for j in (i, i + 1)
            }
            last = max(covered, default=-1)
            missing = [
                w
                for i, w in enumerate(run)
                if i not in covered
                and not generic_en(w[2])
                and not (i == len(run) - 1 and w[2].lower() in STREET_TYPES)
                and i > last
                and (not opens_sentence(text, sent.start, w[0]) or run is whole)
            ]
            anchored = bool(covered) or (
                whole is not run
                and family_name_like(whole[0][2])
                and any(self._renders(w[2], whole[0][2]) for w in src_words)
            )
            family = [run[i] for i in covered] + ([whole[0]] if whole is not run else [])
            alone = bool(missing and anchored) and any(
                self._renders(x[2], w[2]) and _alone(src_words, k)
                for w in family for k, x in enumerate(src_words))  # fmt: skip
            if not missing or (anchored and given_syllables(
                    self._counted(whole, run, src_words, False), missing, text, alone)):
                continue
            if clarifying_place_en(text, run, lambda w: any(self._renders(s[2], w)
                                                             for s in src_words)) and not any(
                    self._stray_source(x, en_words) for x in src_words[1:]):  # fmt: skip
                continue  # unless the source has a name of its own (АҚШ-тағы Портленд)
            name = text[run[0][0] : run[-1][1]]
            out.append(("target", run[0][0], run[-1][1],
                        f"The English has the name “{name}”, which is not in the source.",
                        {"source": [], "target": [name]}, missing))  # fmt: skip
        return out
