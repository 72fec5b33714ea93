"""The antonym check: true positives in Russian and Kazakh, and translations it must not flag."""

from __future__ import annotations

import pathlib

import pytest

from compare.alignment_types import AlignedPair
from compare.checks import all_checks
from compare.checks.antonyms import LEXICON, AntonymSwap, find_reversals
from compare.checks.base import CheckContext
from compare.document import Document, Sentence, Span


def doc(sentences: list[str], lang: str) -> Document:
    text, sents, pos = " ".join(sentences), [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, pos, pos + len(s), 0))
        pos += len(s) + 1
    return Document(text, lang, [Span(0, len(text))], sents)


def flags(src: list[str], eng: list[str], lang: str = "ru") -> list:
    source, target = doc(src, lang), doc(eng, "en")
    pair = AlignedPair(tuple(range(len(src))), tuple(range(len(eng))), 1.0)
    return AntonymSwap().run(CheckContext(target=target, source=source, pairs=[pair]))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "word"),
    [
        ("Цены на нефть выросли на 3 % за неделю.", "Oil prices fell 3% in a week.", "ru", "fell"),
        ("Сборная России победила в финале.", "The Russian team lost in the final.", "ru", "lost"),
        ("Магазин открылся в понедельник.", "The shop closed on Monday.", "ru", "closed"),
        ("Парламент одобрил законопроект.", "Parliament rejected the bill.", "ru", "rejected"),
        ("Бағалар өткен айда төмендеді.", "Prices rose last month.", "kk", "rose"),
        ("Біздің команда финалда жеңілді.", "Our team won the final.", "kk", "won"),
        ("Дүкен дүйсенбіде жабылды.", "The shop opened on Monday.", "kk", "opened"),
        ("Ол үйін сатып алды.", "He sold his house.", "kk", "sold"),
    ],
)
def test_opposite_in_the_english_is_flagged(src: str, eng: str, lang: str, word: str) -> None:
    found = flags([src], [eng], lang)
    assert len(found) == 1
    assert eng[found[0].start : found[0].end] == word
    assert found[0].check == "antonym" and found[0].severity == "major"
    assert found[0].side == "target"


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        # Both poles in the sentence.
        ("Цены выросли в марте после падения в феврале.",
         "Prices rose in March after falling in February.", "ru"),
        # A negation on either side is the negation check's business.
        ("Цены не выросли.", "Prices fell.", "ru"),
        ("Цены упали.", "Prices did not rise.", "ru"),
        # Phrases whose pole word does not carry the pole.
        ("Молодой человек 20 лет задержан.", "A 20-year-old man was detained.", "ru"),
        ("Впервые с прошлого года он выступил первым.", "He spoke first, for the first time since"
         " last year.", "ru"),
        ("Это уже третий случай за неделю.", "This is the third wide-ranging case in a week.",
         "ru"),
        ("Ол бір қорғаушыдан өтті, сонан соң тағы бірнеше ойыншыдан өтті.",
         "He passed one defender before outrunning several more.", "kk"),
        # Same pole, other words.
        ("Продажи выросли.", "Sales increased.", "ru"),
        ("Бағалар өсті.", "Prices went up.", "kk"),
    ],
)
def test_faithful_translations_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags([src], [eng], lang) == []


def test_span_points_into_the_document_across_sentences() -> None:
    src = ["Компания отчиталась за год.", "Её прибыль выросла вдвое."]
    eng = ["The company reported its annual results.", "Its profit fell by half."]
    found = flags(src, eng)
    assert len(found) == 1
    assert doc(eng, "en").text[found[0].start : found[0].end] == "fell"


def test_every_lexicon_entry_has_two_english_poles() -> None:
    for entry in LEXICON:
        assert entry.en[0] and entry.en[1], entry.name
        assert entry.ru[0] or entry.ru[1], entry.name
    assert find_reversals("Выросли.", "Rose.", "ru") == []


def test_registered() -> None:
    assert "antonym" in [c.id for c in all_checks()]


@pytest.mark.parametrize(("lang", "name"), [("ru", "rus"), ("kk", "kaz")])
def test_ntrex_professional_translations_rarely_flagged(
    shared_dir: pathlib.Path, lang: str, name: str
) -> None:
    """All 1,000 NTREX lines as one-pair documents; measured 3 (ru) and 3 (kk) flags, lines where
    the translator did change the meaning or speaks of another clause (benchmarks/README.md)."""
    base = shared_dir / "corpora" / "ntrex128"
    eng = (base / "dev.eng.txt").read_text(encoding="utf-8").splitlines()
    src = (base / f"dev.{name}.txt").read_text(encoding="utf-8").splitlines()
    flagged = sum(bool(flags([s], [e], lang)) for s, e in zip(src, eng, strict=True))
    assert flagged <= 5
