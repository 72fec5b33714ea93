"""How compare.reversals matches the antonym lexicon's word patterns (issue 25): Python's re for
words whose characters both engines read alike, the regex module for any other word, and the
same matches as the regex module gives for every word either way."""

from __future__ import annotations

import re

import pytest
import regex

from compare.lang.antonym_lexicon import LEXICON
from compare.reversals import _SAME_IN_BOTH, _word_poles, find_reversals, source_poles

KEYS = ("en", "ru", "kk", "ru_quiet", "kk_quiet")
PATTERNS = {
    key: [((i, pole), regex.compile(p)) for i, entry in enumerate(LEXICON)
          for pole, p in enumerate(getattr(entry, key)) if p]
    for key in KEYS
}  # fmt: skip


def regex_poles(word: str, key: str) -> tuple[tuple[int, int], ...]:
    """What the lexicon says of ``word`` with every pattern matched by the regex module alone."""
    return tuple(at for at, pattern in PATTERNS[key] if pattern.fullmatch(word))


def test_patterns_use_only_what_both_engines_read_alike() -> None:
    """Literals, classes of literals, (?:...), (?!...) and \\w: no flags, no other escape, no
    dot, no negated class, no lookbehind. A new construct must be checked against both engines
    before the lexicon uses it."""
    special = re.compile(r"\\.|\(\?[^:!]|\.|\[\^|\(\?$")
    for entry in LEXICON:
        for pattern in (*entry.en, *entry.ru, *entry.kk, *entry.ru_quiet):
            assert set(special.findall(pattern)) <= {"\\w"}, (entry.name, pattern)


def test_both_engines_agree_on_every_character_given_to_re() -> None:
    """\\w is the same in re and in the regex module on every character the fast path takes;
    outside it they differ (a combining mark, a letter newer than Python's Unicode tables)."""
    taken = [chr(c) for c in range(0x110000) if _SAME_IN_BOTH.fullmatch(chr(c))]
    assert len(taken) > 1000
    for char in taken:
        assert bool(re.fullmatch(r"\w", char)) == bool(regex.fullmatch(r"\w", char)), hex(ord(char))
    assert not _SAME_IN_BOTH.fullmatch("\u0307")  # "İ".lower() is "i" + this mark
    assert bool(re.fullmatch(r"\w", "\u0307")) != bool(regex.fullmatch(r"\w", "\u0307"))


WORDS = [
    # Plain words of both poles, stems with endings, words no pattern knows.
    "rose", "fell", "increased", "won", "lost", "opened", "closure", "cheap", "table",
    "выросли", "упали", "ростов", "рост", "победили", "откровенно", "открылся", "начале",
    "конца", "өсті", "төмендеді", "сатыпалды", "сатты", "жеңілді", "жеңіл",
    # Accented and Greek letters take re, which reads them as regex does.
    "rosé", "café", "naïve", "αύξηση",
    # Words re would read otherwise: "GROWİNG".lower() ends in a combining dot that regex's \w
    # takes, so it is "grow" + letters to the regex module; a superscript two is no \w in
    # regex but is one in re; a CJK letter newer than Python's tables.
    "growi\u0307ng", "выросли\u00b2", "increase\U00031350", "рост\u0483",
]


@pytest.mark.parametrize("key", KEYS)
def test_word_poles_are_the_regex_modules(key: str) -> None:
    for word in WORDS:
        assert _word_poles(word, key) == regex_poles(word, key), (word, key)


def test_the_regex_module_decides_words_re_would_read_otherwise() -> None:
    rise = next(i for i, entry in enumerate(LEXICON) if entry.name == "rise / fall")
    assert (rise, 0) in _word_poles("growi\u0307ng", "en")  # grow + \w* to the regex module
    assert not re.fullmatch(LEXICON[rise].en[0], "growi\u0307ng")  # but not to re
    assert _word_poles("выросли\u00b2", "ru") == ()  # "²" is no \w to the regex module
    assert re.fullmatch(LEXICON[rise].ru[0], "выросли\u00b2")  # but is one to re


@pytest.mark.parametrize(
    ("source", "english", "lang", "found"),
    [
        ("Цены выросли.", "Prices fell.", "ru", [("rise / fall", "выросли", "fell", (7, 11))]),
        ("Цены выросли.", "Prices rose.", "ru", []),
        ("Цены упали.", "Prices were GROWİNG.", "ru", [("rise / fall", "упали", "growi̇ng",
                                                        (12, 19))]),
        ("Бағалар өсті.", "Prices fell.", "kk", [("rise / fall", "өсті", "fell", (7, 11))]),
        ("Магазин открылся.", "The shop closed.", "ru",
         [("open / close", "открылся", "closed", (9, 15))]),
        # "last" is also "previous" (прошлый, өткен): no reversal of "first" (issue 21's example)
        ("На прошлых выборах партия вышла на первое место.",
         "In the last elections the party came out on top.", "ru", []),
        ("Өткен сайлауда партия бірінші орынға шықты.",
         "In the last elections the party came out on top.", "kk", []),
        ("Партия заняла первое место.", "The party came last.", "ru",
         [("first / last", "первое", "last", (15, 19))]),
        ("Партия бірінші орын алды.", "The party came last.", "kk",
         [("first / last", "бірінші", "last", (15, 19))]),
    ],
)
def test_phrases(source: str, english: str, lang: str, found: list[tuple]) -> None:
    got = find_reversals(source, english, lang)
    assert [(r.name, r.source_word, r.english_word, r.english_span) for r in got] == found


def test_source_poles() -> None:
    rise = next(i for i, entry in enumerate(LEXICON) if entry.name == "rise / fall")
    assert (rise, 0) in source_poles("Цены выросли на пять процентов.", "ru")
    assert (rise, 1) in source_poles("Бағалар төмендеді.", "kk")
    assert source_poles("Он читает книгу.", "ru") == frozenset()


def test_stems_are_the_literal_heads_every_match_starts_with() -> None:
    from compare.reversals import stems

    assert stems(r"выросл\w*|вырос\w*") == ("выросл", "вырос")
    assert stems(r"конц[аеу]|концом") == ("конц", "концом")
    assert stems(r"colou?r") == ("colo",)  # an optional last letter is no part of the stem
    assert stems(r"не(?!т)\w+") == ("не",)
    assert stems(r"(?:a|b)c") is None and stems(r"[аб]ва") is None  # tried on every word


@pytest.mark.parametrize("key", KEYS)
def test_patterns_compiled_on_need_find_what_all_of_them_find(key: str, shared_dir) -> None:
    """The stem index (compare.reversals._index) leaves out no pattern a word matches: the words
    of NTREX dev lines 1-40 in the three languages, against every pattern tried."""
    from compare.splits import ntrex_lines
    from compare.words import LETTERS

    words = {m.group().lower() for lang in ("en", "ru", "kk")
             for line in ntrex_lines(lang, range(0, 40), shared_dir / "corpora")
             for m in LETTERS.finditer(line)}  # fmt: skip
    assert len(words) > 1000
    for word in words:
        assert _word_poles(word, key) == regex_poles(word, key), (word, key)


def test_a_kazakh_pole_that_is_a_negative_verb_form_is_not_negated_by_its_own_suffix():
    # қабылдамады ("did not accept") is the lexicon's "reject" pole (session 31): against
    # "accepted" it is a reversal, not a negation the English says with the opposite word.
    from compare.reversals import rendered_by_opposite

    assert rendered_by_opposite("Сот талапты қабылдамады.", "The court accepted the claim.",
                                "kk") == (0, 0)  # fmt: skip
    assert [r.name for r in find_reversals("Сот талапты қабылдамады.",
                                           "The court accepted the claim.", "kk")] == [
        "accept / reject"]  # fmt: skip
    assert find_reversals("Сот талапты қабылдамады.", "The court rejected the claim.", "kk") == []
    # the English negation of the other pole is still rendered by that word
    assert rendered_by_opposite("Сот талапты қабылдамады.", "The court did not accept the claim.",
                                "kk") == (0, 1)  # fmt: skip
