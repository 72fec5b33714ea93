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


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # goals and dozens said with words
        ("Он оформил хет-трик.", "He scored three goals.", "ru", False),
        ("Он оформил хет-трик.", "He scored two goals.", "ru", True),
        ("Он забил три мяча.", "He scored a hat-trick.", "ru", False),
        ("Он забил два мяча.", "He scored a brace.", "ru", False),
        ("Задержаны шесть человек.", "Half a dozen people were detained.", "ru", False),
        ("Задержаны семь человек.", "Half a dozen people were detained.", "ru", True),
        ("Выборы проходят каждые 2 года.", "Elections are held every other year.", "ru", False),
        ("Выборы проходят каждые 3 года.", "Elections are held every other year.", "ru", True),
        # decades: a word, a range, a century
        ("В девяностые всё изменилось.", "In the 1990s everything changed.", "ru", False),
        ("В девяностые всё изменилось.", "In the 1980s everything changed.", "ru", True),
        ("В 70-80-е годы всё изменилось.", "In the 1970s and 1980s everything changed.", "ru",
         False),
        ("В 70-80-е годы всё изменилось.", "In the 1960s and 1980s everything changed.", "ru",
         True),
        ("ХХ ғасырдың 90-жылдары бәрі өзгерді.", "In the 1990s everything changed.", "kk", False),
        ("ХХ ғасырдың 90-жылдары бәрі өзгерді.", "In the 1980s everything changed.", "kk", True),
        ("В 80-х годах XIX века.", "In the 1880s.", "ru", False),
        ("В 80-х годах XIX века.", "In the 1980s.", "ru", True),
        ("Сезон 2018/19.", "The 2018-2019 season.", "ru", False),
        ("Сезон 2018/19.", "The 2018-2020 season.", "ru", True),
        # a night dated by the morning it ends
        ("Удар нанесён в ночь на 5 мая.", "The strike came on the night of May 4.", "ru", False),
        ("Удар нанесён в ночь на 5 мая.", "The strike came on the night of May 6.", "ru", True),
        ("Удар нанесён 5 мая.", "The strike came on May 4.", "ru", True),
        # a rise by half, a duration in hours and minutes
        ("Цены выросли в полтора раза.", "Prices rose by half.", "ru", False),
        ("Цены выросли в два раза.", "Prices rose by half.", "ru", True),
        ("Цены упали вдвое.", "Prices fell by half.", "ru", False),
        ("Полёт длился 2 часа 30 минут.", "The flight took two and a half hours.", "ru", False),
        ("Полёт длился 2 часа 30 минут.", "The flight took three and a half hours.", "ru",
         True),
        ("Полёт длился 1 ч 30 мин.", "The flight took 90 minutes.", "ru", False),
        ("Полёт длился 1 ч 30 мин.", "The flight took 80 minutes.", "ru", True),
        # knockout rounds and fractions in digits
        ("Команда вышла в 1/8 финала.", "The team reached the last 16.", "ru", False),
        ("Команда вышла в 1/8 финала.", "The team reached the last 32.", "ru", True),
        ("За закон проголосовали 2/3 депутатов.", "Two-thirds of MPs voted for it.", "ru", False),
        ("За закон проголосовали 2/3 депутатов.", "Three quarters of MPs voted for it.", "ru",
         True),
        ("Это 3/4 бюджета.", "That is 75% of the budget.", "ru", False),
        ("Это 3/4 бюджета.", "That is 70% of the budget.", "ru", True),
        # a wind in metres per second, a measure after an abbreviated scale word
        ("Ветер с порывами до 20 м/с.", "Winds gusting up to 45 mph.", "ru", False),
        ("Ветер с порывами до 20 м/с.", "Winds gusting up to 20 mph.", "ru", True),
        ("Около 1,5 тыс. км.", "About 930 miles.", "ru", False),
        ("Около 1,5 тыс. км.", "About 1,500 miles.", "ru", True),
        ("Это 100 тыс. кв. м.", "That is 1 million square feet.", "ru", False),
        ("Это 100 тыс. кв. м.", "That is 2 million square feet.", "ru", True),
        # names and words: F1, a centenarian, 9/11, "three and a half"
        ("Он сыграл в «Формуле-1».", "He raced in F1.", "ru", False),
        ("Вернулся 100-летний ветеран.", "A centenarian veteran returned.", "ru", False),
        ("Это произошло 11 сентября 2001 года.", "It happened on 9/11.", "ru", False),
        ("Это произошло 11 сентября 2002 года.", "It happened on 9/11, 2001.", "ru", True),
        ("Ему дали три с половиной года.", "He got 3.5 years.", "ru", False),
        ("Ему дали три с половиной года.", "He got 4.5 years.", "ru", True),
    ],
)
def test_goals_decades_nights_durations_rounds_and_winds(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # one measure in two units
        ("Ол 2 жыл 6 айға сотталды.", "He got two and a half years.", "kk", False),
        ("Ол 2 жыл 6 айға сотталды.", "He got three and a half years.", "kk", True),
        ("Он получил 2 года и 6 месяцев.", "He got two years and six months.", "ru", False),
        ("Он получил 2 года и 6 месяцев.", "He got two years and eight months.", "ru", True),
        ("Бойы 2 метр 1 сантиметр.", "He is 6-foot-7.", "kk", False),
        ("Бойы 2 метр 1 сантиметр.", "He is 5-foot-7.", "kk", True),
        # "nine in 10" is 90 %
        ("90 % американцев согласны.", "Nine in 10 Americans agree.", "ru", False),
        ("90 % американцев согласны.", "Eight in 10 Americans agree.", "ru", True),
        ("Девять из десяти американцев согласны.", "Nine in 10 Americans agree.", "ru", False),
        ("Он забил 5 голов за 15 минут.", "He scored 5 in 10 minutes.", "ru", True),
        # a speed per second, midnight on the 12-hour clock
        ("Жел жылдамдығы секундына 15 метрге дейін.", "Winds of up to 34 mph.", "kk", False),
        ("Жел жылдамдығы секундына 15 метрге дейін.", "Winds of up to 15 mph.", "kk", True),
        ("Оқиға түнгі сағат 12-де болды.", "It happened at midnight.", "kk", False),
        ("Оқиға түнгі сағат 11-де болды.", "It happened at midnight.", "kk", True),
        ("Это случилось в 12 часов ночи.", "It happened at midnight.", "ru", False),
    ],
)
def test_two_unit_measures_n_in_m_speeds_per_second_and_midnight(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged
