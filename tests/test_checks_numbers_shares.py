"""number-mismatch: shares, falls as factors, anniversaries and sums in two scale words, as
professional news translation writes them (made-up sentences, not held-out data)."""

from __future__ import annotations

import pytest
from test_checks_numbers import flags

from compare.number_mentions import extract_numbers


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # a fall by a percentage is the factor it divides by
        ("Продажи снизились на 50 %.", "Sales halved.", "ru", False),
        ("Продажи снизились на 40 %.", "Sales halved.", "ru", True),
        ("Продажи сократились вдвое.", "Sales fell by 50%.", "ru", False),
        ("Продажи сократились вдвое.", "Sales fell by 40%.", "ru", True),
        ("Продажи упали в два раза.", "Sales fell by 50 percent.", "ru", False),
        ("Продажи упали в три раза.", "Sales fell by 50 percent.", "ru", True),
        ("Продажи упали на 75 %.", "Sales fell fourfold.", "ru", False),
        ("Продажи упали на 75 %.", "Sales fell threefold.", "ru", True),
        ("Сатылым 50 пайызға азайды.", "Sales halved.", "kk", False),
        ("Сатылым 30 пайызға азайды.", "Sales halved.", "kk", True),
        ("Сатылым екі есе қысқарды.", "Sales fell by 50%.", "kk", False),
        ("Сатылым екі есе қысқарды.", "Sales fell by 60%.", "kk", True),
        # a rise is no fall: 50 % up is not "halved", nor a change in percentage points
        ("Продажи выросли на 50 %.", "Sales halved.", "ru", True),
        ("Безработица снизилась на 1,5 процентного пункта.",
         "Unemployment fell by half a percentage point.", "ru", True),
        # a growth said as a percentage before "more"
        ("Туристов в 1,5 раза больше.", "There are 50% more tourists.", "ru", False),
        ("Туристов в 1,5 раза больше.", "There are 60% more tourists.", "ru", True),
        ("Зарплата в два раза меньше.", "The salary is half as much.", "ru", False),
        ("Зарплата в три раза меньше.", "The salary is half as much.", "ru", True),
    ],
)
def test_a_fall_said_as_a_factor_or_a_percentage(src: str, eng: str, lang: str,
                                                 flagged: bool) -> None:  # fmt: skip
    assert bool(flags(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Четверть опрошенных против.", "25% of respondents are against.", "ru", False),
        ("Четверть опрошенных против.", "35% of respondents are against.", "ru", True),
        ("Половина опрошенных против.", "50% of respondents are against.", "ru", False),
        ("Половина опрошенных против.", "60% of respondents are against.", "ru", True),
        ("Треть россиян против.", "33% of Russians are against.", "ru", False),
        ("Треть россиян против.", "43% of Russians are against.", "ru", True),
        ("Три четверти россиян против.", "75% of Russians are against.", "ru", False),
        ("Три четверти россиян против.", "70% of Russians are against.", "ru", True),
        ("Две трети россиян против.", "Three quarters of Russians are against.", "ru", True),
        ("Две трети россиян против.", "Two thirds of Russians are against.", "ru", False),
        ("67 % россиян против.", "Two-thirds of Russians are against.", "ru", False),
        ("Каждый пятый россиянин против.", "20% of Russians are against.", "ru", False),
        ("Каждый пятый россиянин против.", "25% of Russians are against.", "ru", True),
        ("20 % россиян против.", "One in five Russians is against.", "ru", False),
        ("25 % россиян против.", "One in five Russians is against.", "ru", True),
        ("Тұрғындардың жартысы кетті.", "50% of residents left.", "kk", False),
        ("Тұрғындардың жартысы кетті.", "40% of residents left.", "kk", True),
        ("Тұрғындардың үштен бірі кетті.", "33% of residents left.", "kk", False),
        ("Әрбір бесінші тұрғын қарсы.", "20% of residents are against.", "kk", False),
        ("Әрбір бесінші тұрғын қарсы.", "30% of residents are against.", "kk", True),
    ],
)
def test_a_share_said_as_a_word_or_a_percentage(src: str, eng: str, lang: str,
                                                flagged: bool) -> None:  # fmt: skip
    assert bool(flags(src, eng, lang)) is flagged


def test_a_share_holds_its_numerator_and_percentage() -> None:
    (share,) = extract_numbers("Три четверти россиян.", "ru")
    assert not share.soft and {3.0, 0.75, 75.0} <= share.values
    (third,) = extract_numbers("Треть россиян.", "ru")
    assert third.soft and 33.0 in third.values and 1.0 not in third.values


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("100-летие университета.", "The centenary of the university.", "ru", False),
        ("150-летие университета.", "The centenary of the university.", "ru", True),
        ("Университеттің 100 жылдығы.", "The university's centenary.", "kk", False),
        ("Он пробежал стометровку за 10 секунд.", "He ran the 100 meters in 10 seconds.", "ru",
         False),
        ("Он пробежал стометровку за 10 секунд.", "He ran the 200 meters in 10 seconds.", "ru",
         True),
        ("Это 2 млн 300 тыс. человек.", "That is 2.3 million people.", "ru", False),
        ("Это 2 млн 300 тыс. человек.", "That is 2.4 million people.", "ru", True),
        ("Бюджет 12 млн 500 мың теңге.", "The budget is 12.5 million tenge.", "kk", False),
        ("Бюджет 12 млн 500 мың теңге.", "The budget is 12 million tenge.", "kk", True),
        ("Потрачено 2 трлн 784 млрд рублей.", "2 trillion 784 billion rubles were spent.", "ru",
         False),
        ("Потрачено 2 трлн 784 млрд рублей.", "2 trillion 748 billion rubles were spent.", "ru",
         True),
        ("Матч закончился нулевой ничьей.", "The match ended 0-0.", "ru", False),
        ("Счёт 0:0.", "It was a goalless draw.", "ru", False),
        ("Счёт 2:0.", "It was a goalless draw.", "ru", True),
    ],
)
def test_anniversaries_sprints_two_scale_sums_and_goalless_draws(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # the sign below zero said with a word
        ("Ожидается 5 градусов мороза.", "Minus 5 degrees is expected.", "ru", False),
        ("Ожидается 5 градусов мороза.", "Temperatures of -5C are expected.", "ru", False),
        ("Ожидается 5 градусов мороза.", "Temperatures of -7C are expected.", "ru", True),
        ("Ожидается 5 градусов тепла.", "Temperatures of -5C are expected.", "ru", True),
        ("Ожидается -5 °C.", "Five degrees below zero is expected.", "ru", False),
        ("Ожидается 5 °C.", "Five degrees below zero is expected.", "ru", True),
        ("Аяз 30 градусқа жетеді.", "Frost will reach minus 30 degrees.", "kk", False),
        ("Аяз 30 градусқа жетеді.", "Frost will reach minus 15 degrees.", "kk", True),
        ("Ауа температурасы 30 градус аяз.", "The air temperature is -30C.", "kk", False),
        # a decade written in full on one side, by its tens on the other
        ("1990-жылдары бәрі өзгерді.", "In the nineties everything changed.", "kk", False),
        ("1980-жылдары бәрі өзгерді.", "In the nineties everything changed.", "kk", True),
        ("В 1990-х годах всё изменилось.", "In the '90s everything changed.", "ru", False),
        # a currency code written onto the sum
        ("Үкімет 2 трлн теңге бөлді.", "The government allocated KZT2 trillion.", "kk", False),
        ("Үкімет 2 трлн теңге бөлді.", "The government allocated KZT3 trillion.", "kk", True),
        # the G20 by its Russian name
        ("Это саммит «Группы двадцати».", "This is the G20 summit.", "ru", False),
        ("Это саммит двадцати стран.", "This is a summit of 30 countries.", "ru", True),
    ],
)
def test_frost_decades_currency_codes_and_the_group_of_twenty(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged
