"""number-mismatch on numbers written by libraries nobody here tuned: num2words' cardinals and
ordinals, CLDR's number, currency, compact, date and time formats (benchmarks/cldr_conventions.py
measures the same on more draws). Compound number words were read only up to their first soft
word (девяносто один -> 90, тоғыз жүз он алты -> 900, "seven hundred and three" -> 700)."""

from __future__ import annotations

import random
import sys

import pytest

from compare.checks.numbers import NumberMismatch
from compare.number_mentions import extract_numbers
from tests.test_checks_numbers import one_pair

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "benchmarks"))
from cldr_conventions import number_cases  # noqa: E402

FIGURE = ("Показатель составил {x}.", "Көрсеткіш {x} болды.", "The figure was {x}.")


def major(src: str, eng: str, lang: str) -> list:
    return [f for f in NumberMismatch().run(one_pair(src, eng, lang))
            if f.severity in ("major", "critical")]


def test_compound_number_words_read_as_one_number() -> None:
    def values(text: str, lang: str) -> set[float]:
        return {v for m in extract_numbers(text, lang) if not m.soft for v in m.values}

    assert values("показатель составил девяносто один", "ru") == {91}
    assert values("восемь тысяч шестьсот восемьдесят девять", "ru") == {8689}
    assert values("тоғыз жүз он алты болды", "kk") == {916}
    assert values("бір мың төрт жүз сексен төрт", "kk") == {1484}
    assert values("үш мың жүз он жеті", "kk") == {3117}
    assert values("көрсеткіш он бір болды", "kk") == {11}
    assert values("the figure was seven hundred and three", "en") == {703}
    assert values("one hundred thirty-five", "en") == {135}
    assert values("ninety-one", "en") == {91}


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Показатель составил девяносто один.", "The figure was 91.", "ru", False),
        ("Показатель составил девяносто один.", "The figure was 92.", "ru", True),
        ("Показатель составил 703.", "The figure was seven hundred and three.", "ru", False),
        ("Показатель составил 703.", "The figure was seven hundred and four.", "ru", True),
        ("Көрсеткіш тоғыз жүз он алты болды.", "The figure was nine hundred sixteen.", "kk", False),
        ("Көрсеткіш тоғыз жүз он алты болды.", "The figure was 960.", "kk", True),
        ("Көрсеткіш жүз отыз бес болды.", "The figure was 135.", "kk", False),
        ("Команда заняла шестнадцатое место.", "The team came 16th.", "ru", False),
        ("Команда он бірінші орын алды.", "The team came 11th.", "kk", False),
        # a round number and a number word beside it that does not fill it stay two numbers
        ("Тридцать двадцать.", "Thirty twenty.", "ru", False),
        # years said as ordinals, scale words in every case, a bare thousand opening a number
        ("Две тысячи двадцатый год был трудным.", "The year 2020 was hard.", "ru", False),
        ("Две тысячи двадцатый год был трудным.", "The year 2021 was hard.", "ru", True),
        ("Тысяча девятьсот девяностый год.", "The year 1990.", "ru", False),
        ("Двухтысячный год.", "The year 2000.", "ru", False),
        ("Екі мың жиырмасыншы жыл ауыр болды.", "The year 2020 was hard.", "kk", False),
        ("Екі мың он бірінші жылы.", "In 2011.", "kk", False),
        ("Екі мыңыншы жыл.", "The year 2000.", "kk", False),
        ("В двух тысячах километров.", "2,000 kilometres away.", "ru", False),
        ("В двух тысячах километров.", "3,000 kilometres away.", "ru", True),
        ("Он заплатил тысячу двести рублей.", "He paid 1,200 roubles.", "ru", False),
        # measures converted from US units: below zero, Kazakh word order, short forms
        ("Ночью было -29 градусов Цельсия.", "At night it was -20 degrees Fahrenheit.", "ru",
         False),
        ("Ночью было 29 градусов Цельсия.", "At night it was -20 degrees Fahrenheit.", "ru",
         True),
        ("Түнде -29 Цельсий градусы болды.", "At night it was -20 degrees Fahrenheit.", "kk",
         False),
        ("Жылдамдығы 58 километр/сағат болды.", "Its speed was 36 miles per hour.", "kk", False),
        ("Жылдамдығы 58 километр/сағат болды.", "Its speed was 56 miles per hour.", "kk", True),
        ("Расстояние составило 14 км.", "The distance was 9 mi.", "ru", False),
        ("Расстояние составило 14 км.", "The distance was 19 mi.", "ru", True),
        ("Объём 34 л.", "The volume is 9 gal.", "ru", False),
        ("Длина 91 метр.", "It is 100 yd long.", "ru", False),
        # a range's dash is no minus sign: 10-15 degrees is not -15
        ("Будет 10-15 градусов тепла.", "It will be 50-59 degrees.", "ru", False),
    ],
)
def test_written_numbers_against_digits(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(major(src, eng, lang)) is flagged


def test_library_written_numbers_are_not_flagged_and_changed_ones_are() -> None:
    cases = list(number_cases("dev", per_kind=15))
    alarms = [(src, eng) for lang, _, _, src, eng, _ in cases if major(src, eng, lang)]
    changed = [(lang, src, wrong) for lang, _, _, src, _, wrong in cases if wrong is not None]
    caught = sum(bool(major(src, wrong, lang)) for lang, src, wrong in changed)
    assert not alarms
    assert caught >= 0.95 * len(changed) - 10  # ordinal words against each other are soft


def test_random_compounds_in_three_languages() -> None:
    from num2words import num2words

    rng = random.Random(5)
    for value in [rng.randint(21, 9999) for _ in range(40)]:
        en = num2words(value, lang="en").replace(",", "")
        for li, (lang, code) in enumerate((("ru", "ru"), ("kk", "kz"))):
            src = FIGURE[li].format(x=num2words(value, lang=code))
            assert not major(src, FIGURE[2].format(x=value), lang), (src, value)
            assert not major(src, FIGURE[2].format(x=en), lang), (src, en)
            assert major(src, FIGURE[2].format(x=value + 10), lang), (src, value + 10)
