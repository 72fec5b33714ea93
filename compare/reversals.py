"""Opposite words across a source and its English, by the bilingual antonym lexicon
(:mod:`compare.lang.antonym_lexicon`, about 150 pairs: rise/fall, win/lose, buy/sell,
cheap/expensive, arrest/release, day/night...). Each pair names the English words of both poles
and the Russian and Kazakh stems of both poles.

A pair is reversed when the English has a word of one pole and none of the other, while the
source has a stem of the other pole and none of the first: "цены выросли" -> "prices fell".
Both "none" conditions keep it quiet where a sentence speaks of both poles ("rose in March after
falling in February") or where the translator chose a word outside the lexicon. A negation next
to the pole word on one side only makes a paraphrase, left to the negation check: "не выросли"
-> "fell", "did not rise" <- "упали". A negation on both sides ("не опасны" -> "not safe") or
elsewhere in the sentence does not silence the pair.

Read by the antonym check (:mod:`compare.checks.antonyms`) and by the antonym-vector check
(:mod:`compare.checks.antonym_vectors`), which leaves alone what the lexicon settles.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import regex

from compare.lang.antonym_lexicon import IDLE, JOINED, LEXICON
from compare.negations import count_negations
from compare.words import LETTERS

# How the lexicon's ~900 word patterns are matched (issue 25, the CLI's cold start). Compiling
# them with the regex module, at import, took 0.3 s of every run; Python's re compiles them
# three times faster, and each is compiled on first need (see _index below). The patterns are
# literals, classes of literals, (?:...), (?!...) and \w (tests/test_reversals.py keeps it so),
# and \w is the one construct whose meaning the two
# engines do not share: their Unicode tables differ, and regex's \w takes combining marks. On
# the characters below they agree (the test compares every one), so re matches a word made of
# them only (Latin, Greek and Cyrillic letters: nearly every word of en, ru and kk text) and
# the regex module, compiled only if such a word comes, any other: the matches are the regex
# module's either way.
_SAME_IN_BOTH = re.compile(r"[\x00-\xb1\xb4-\xb8\xba\xbb\xbf-\u02ff\u0370-\u0482\u048a-\u052f]*")


# Most words of a text match no pattern, and most patterns open with a literal stem (выросл\w*,
# конц[аеу]): a word can only match a pattern whose stem it starts with. So the patterns are
# indexed by their stems' first letter, and a pattern is compiled only when a word that starts
# with one of its stems comes: a 40-sentence document compiles a few dozen of the ~900, not all
# of them and an alternation of all (0.3-0.5 s of the CLI's cold start). A pattern with an
# alternative that opens with no literal ((?:...), a class) is tried on every word.
_HEAD = re.compile(r"[^\\\[\](){}.*+?|^$]*")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (a ``|`` inside parentheses or a class stays)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = pattern.index("]", i + 2)  # a class of literals; "]" first would be literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def stems(pattern: str) -> tuple[str, ...] | None:
    """Literal prefixes of which a fully matching word starts with one; None when an
    alternative has none (it opens with a group or a class)."""
    out = []
    for alternative in _alternatives(pattern):
        head = _HEAD.match(alternative).group()
        if alternative[len(head) : len(head) + 1] in ("?", "*", "{"):
            head = head[:-1]  # the last literal is optional (colou?r)
        if not head:
            return None
        out.append(head)
    return tuple(out)


@functools.cache
def _index(key: str) -> tuple[dict[str, list], list]:
    """The patterns of ``key`` as (lexicon entry, pole), pattern, stems: by the first letter of
    each stem, and those tried on every word."""
    by_letter: dict[str, list] = {}
    always: list = []
    for i, entry in enumerate(LEXICON):
        for pole, pattern in enumerate(getattr(entry, key)):
            if not pattern:
                continue
            heads = stems(pattern)
            item = ((i, pole), pattern, heads)
            if heads is None:
                always.append(item)
            for letter in {h[0] for h in heads or ()}:
                by_letter.setdefault(letter, []).append(item)
    return by_letter, always


@functools.cache
def _pattern(pattern: str, engine: ModuleType) -> Any:
    return engine.compile(pattern)


_WORD = LETTERS
_NOT_LETTERS = regex.compile(r"\P{L}+")


def _join(match: regex.Match) -> str:
    """A phrase as one word, padded to its length ("passed away" -> "passedaway ")."""
    joined = _NOT_LETTERS.sub("", match.group())
    return joined + " " * (len(match.group()) - len(joined))


def _words(text: str, lang: str) -> list[tuple[str, int, int]]:
    """Lower-cased words with their spans, after the language's phrase rewrites: idle phrases
    blanked and joined phrases padded so that English offsets still point into ``text``."""
    text = IDLE[lang].sub(lambda m: " " * len(m.group()), text)
    text = JOINED[lang].sub(_join, text)
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


@functools.lru_cache(maxsize=200_000)
def _word_poles(word: str, key: str) -> tuple[tuple[int, int], ...]:
    """(lexicon entry, pole) of every pattern of ``key`` ("en", "ru", "kk", "ru_quiet" or
    "kk_quiet") that the lower-cased ``word`` matches; cached, since news vocabulary repeats."""
    engine = re if _SAME_IN_BOTH.fullmatch(word) else regex
    by_letter, always = _index(key)
    candidates = [item for item in by_letter.get(word[:1], ()) if word.startswith(item[2])]
    hits = {at for at, pattern, _ in [*candidates, *always]
            if _pattern(pattern, engine).fullmatch(word)}  # fmt: skip
    return tuple(sorted(hits))


def _poles(
    words: list[tuple[str, int, int]], key: str
) -> dict[tuple[int, int], list[tuple[str, int, int]]]:
    """The words of ``words`` at each (lexicon entry, pole)."""
    out: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for w in words:
        for hit in _word_poles(w[0], key):
            out.setdefault(hit, []).append(w)
    return out


@dataclass(frozen=True)
class Reversal:
    """One opposite pair seen reversed: the source's word and the English word."""

    name: str
    source_word: str
    english_word: str
    english_span: tuple[int, int]


# Words around a pole word that a negation of it may take: Russian and English put the
# negation before the word ("не выросли", "did not rise"), Kazakh after it ("өскен жоқ",
# "қауіпті емес").
_NEGATION_REACH = {"ru": (3, 1), "en": (3, 1), "kk": (1, 2)}


# A pole pattern that is itself a Kazakh negative form (заңсыз "illegal", кінәсіз, бейресми,
# белгісіз): its own -сыз, бей- or емес is its meaning, not a negation of it.
# Kazakh poles whose words are negative forms themselves: the privative, "емес", "бей-", and the
# two verbal negatives the lexicon keys as a pole (қабылдамады "rejected", болмауы "absence").
_KK_OWN_NEGATIVE = regex.compile(r"сыз|сіз|емес|бей|қабылдама|болмау")


def negated(text: str, words: list[tuple[str, int, int]], word: tuple[str, int, int],
            lang: str, own_negative: bool = False) -> bool:
    """Whether a negation stands within reach of ``word`` (one of ``words``) in ``text``.

    A Kazakh pole word is also negated by the privative -сыз/-сіз on it (тоқтаусыз "without
    stopping": continuously) and by "емес" right after it (ресми емес "unofficial"), unless
    its pole is that negative form itself (``own_negative``)."""
    before, after = _NEGATION_REACH[lang]
    at = words.index(word)
    window = words[max(0, at - before): at + after + 1]
    counts = count_negations(text[window[0][1]: window[-1][2]], lang)
    strong = counts.strong + counts.litotes
    if own_negative:  # the word's own negative form (қабылдамады) is its pole, not a negation
        itself = count_negations(word[0], lang)
        strong -= itself.strong + itself.litotes
    if strong > 0:  # "не прекращаются" is negated here too
        return True
    if lang != "kk" or own_negative:
        return False
    following = words[at + 1][0] if at + 1 < len(words) else ""
    return count_negations(word[0], "kk").without > 0 or following.startswith("емес")


def _own_negative(entry: int, pole: int, lang: str) -> bool:
    return lang == "kk" and bool(_KK_OWN_NEGATIVE.search(LEXICON[entry].kk[pole]))


def find_reversals(source: str, english: str, lang: str) -> list[Reversal]:
    """Opposite pairs whose pole in the English is the other pole of the source's.

    A negation next to the pole word on one side only makes a paraphrase ("не выросли" ->
    "fell", "did not rise" <- "упали"), left to the negation check; on both sides ("не
    опасны" -> "not safe") or on neither, the pair is reversed. A negation elsewhere in the
    sentence does not matter."""
    lang = lang if lang in ("ru", "kk") else "ru"
    en_words = _words(english, "en")
    en = _poles(en_words, "en")
    if not en:
        return []
    src_words = _words(source, lang)
    src = _poles(src_words, lang)
    quiet = _poles(src_words, f"{lang}_quiet")
    found = []
    for i in sorted({i for i, _ in en}):
        for pole in (0, 1):
            other = (i, 1 - pole)
            if (i, pole) not in src or other in src or other in quiet or other not in en \
                    or (i, pole) in en:
                continue
            own = _own_negative(i, pole, lang)
            negated_src = any(negated(source, src_words, w, lang, own) for w in src[(i, pole)])
            negated_en = any(negated(english, en_words, w, "en") for w in en[other])
            if negated_src != negated_en:
                continue
            word = en[other][0]
            found.append(Reversal(LEXICON[i].name, src[(i, pole)][0][0], word[0],
                                  (word[1], word[2])))
    return found


def source_poles(source: str, lang: str) -> frozenset[tuple[int, int]]:
    """The (lexicon entry, pole) of every stem the source has (``lang`` "ru" or "kk")."""
    lang = lang if lang in ("ru", "kk") else "ru"
    return frozenset(_poles(_words(source, lang), lang))


def attests(poles: frozenset[tuple[int, int]], word: str, opposite: str) -> bool:
    """Whether source ``poles`` (:func:`source_poles`) show a lexicon pole of the English
    ``word`` without that entry's other pole: then the source speaks of the word, not of its
    ``opposite`` ("выросли" for "rose" against "fell"). Any entry of the word counts, not only
    the one it shares with ``opposite``: "проиграл" (lose / win) attests "lost" against "found"
    as well, the word's other sense."""
    return any(
        (i, pole) in poles and (i, 1 - pole) not in poles
        for i, pole in _word_poles(word.lower(), "en")
    )


def rendered_by_opposite(source: str, english: str, lang: str) -> tuple[int, int]:
    """Negations that the other side says with the opposite word: a pole word negated on one
    side whose opposite stands, not negated, on the other, which lacks the pole itself ("не
    выросли" -> "fell", "ашық емес" -> "closed", "did not rise" <- "упали"). Returns (source
    negations, English negations) so rendered; the negation check reads them as weak, since
    the lexicon entry is the evidence that the two words translate each other."""
    lang = lang if lang in ("ru", "kk") else "ru"
    en_words = _words(english, "en")
    en = _poles(en_words, "en")
    if not en:
        return 0, 0
    src_words = _words(source, lang)
    src = _poles(src_words, lang)
    by_source = by_english = 0
    for i, pole in src:
        other = (i, 1 - pole)
        if other not in en or (i, pole) in en or other in src:
            continue
        own = _own_negative(i, pole, lang)
        negated_src = any(negated(source, src_words, w, lang, own) for w in src[(i, pole)])
        negated_en = any(negated(english, en_words, w, "en") for w in en[other])
        by_source += negated_src and not negated_en
        by_english += negated_en and not negated_src
    return by_source, by_english
