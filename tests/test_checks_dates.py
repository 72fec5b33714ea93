"""The date check: another weekday or month in the English than in the source (made-up news
sentences; the faithful ones are renderings a translator writes)."""

from __future__ import annotations

import pytest
from test_checks_negation import one_pair

from compare.checks import all_checks
from compare.checks.dates import DateMismatch, english_dates, source_dates


def flags(src: str, eng: str, lang: str = "ru") -> list:
    return DateMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "said"),
    [
        ("Встреча состоится в субботу.", "The meeting will take place on Sunday.", "ru",
         "Saturday"),
        ("Выборы пройдут 29 сентября.", "The election will be held on December 29.", "ru",
         "September"),
        ("Протесты начались в марте.", "The protests began in May.", "ru", "March"),
        ("Встреча пройдет в среду.", "The meeting will be on Thursday.", "ru", "Wednesday"),
        ("Суд вынес решение в понедельник, 5 октября.", "The court ruled on Tuesday, October 5.",
         "ru", "Monday"),
        ("Кездесу сенбіде өтеді.", "The meeting will take place on Sunday.", "kk", "Saturday"),
        ("Сайлау 29 қыркүйекте өтеді.", "The election will be held on December 29.", "kk",
         "September"),
        ("Сайлау 5 қазанда өтті.", "The election was held on November 5.", "kk", "October"),
        ("Дауыс беру қарашада өтеді.", "The vote is in February.", "kk", "November"),
        ("Нөсер сәйсенбі күні басталады.", "The rain will start on Thursday.", "kk", "Tuesday"),
    ],
)
def test_swapped_day_or_month_is_flagged(src: str, eng: str, lang: str, said: str) -> None:
    found = flags(src, eng, lang)
    assert len(found) == 1 and found[0].severity == "major"
    assert found[0].category == "number" and said in found[0].message


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        # The same day or month, in any case or as an adjective
        ("Встреча состоится в субботу.", "The meeting will take place on Saturday.", "ru"),
        ("Субботний матч перенесли.", "The Saturday match was postponed.", "ru"),
        ("После июньского саммита в Сингапуре прошло три месяца.",
         "Three months have passed since the June summit in Singapore.", "ru"),
        ("Кездесу жексенбі күні өтті.", "The meeting took place on Sunday.", "kk"),
        # The night before a day is that day's eve in English
        ("Взрыв прогремел в ночь на субботу.", "The blast went off on Friday night.", "ru"),
        ("Взрыв прогремел в ночь с пятницы на субботу.", "The blast went off overnight Friday.",
         "ru"),
        # "Среда" as the environment, "маусым" as a season, "Қазан" as a city
        ("Загрязнение окружающей среды растет, сообщили в пятницу.",
         "Pollution is growing, officials said on Friday.", "ru"),
        ("В среде экспертов это обсуждали в четверг.", "Experts discussed it on Thursday.", "ru"),
        ("Маусым ашу матчы жексенбіде өтеді.", "The season opener is on Sunday.", "kk"),
        ("Ол Қазанға сәрсенбіде барды.", "He went to Kazan on Wednesday.", "kk"),
        # English May and March that are no months, named things with a weekday
        ("Тереза Мэй заявила об этом в понедельник.", "Theresa May said so on Monday.", "ru"),
        ("Об этом написала Sunday Times в субботу.", "The Sunday Times reported it on Saturday.",
         "ru"),
        ("Скидки черной пятницы начнутся в четверг.", "Black Friday discounts start on Thursday.",
         "ru"),
        # A day the English adds ("yesterday" as news writes it) or leaves out is no swap
        ("Вчера он заявил об этом.", "On Monday he said so.", "ru"),
        ("Матчи пройдут в пятницу и субботу.", "The matches will be played on Friday.", "ru"),
    ],
)
def test_faithful_dates_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == []


def test_english_reading_skips_named_things_and_verbs() -> None:
    text = "Super Tuesday falls in March 2024; troops may march on May 5."
    assert [d[0] for d in english_dates(text)] == ["march", "may"]
    assert source_dates("Он пришёл в ночь на понедельник.", "ru") == {"monday", "sunday"}


def test_registered_once() -> None:
    assert [c.id for c in all_checks()].count("date-mismatch") == 1


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Встреча начнется в 7 утра.", "The meeting starts at 7 p.m.", "ru", True),
        ("Встреча начнется в 19:00.", "The meeting starts at 7 a.m.", "ru", True),
        ("Встреча начнется в 7 часов вечера.", "The meeting starts at 7 in the morning.", "ru",
         True),
        ("Кездесу таңғы сағат 7-де басталады.", "The meeting starts at 7 p.m.", "kk", True),
        ("Это случилось 29.09.2018.", "It happened on December 29, 2018.", "ru", True),
        # The same half of the day, time zones converted within it, decimals that are no clock
        ("Встреча начнется в 19:00.", "The meeting starts at 7 p.m.", "ru", False),
        ("Ураган вышел на берег в 5 часов утра по Нью-Йорку.",
         "The hurricane made landfall at 5 a.m. Eastern time.", "ru", False),
        ("Утром курс составил 10.25 рубля.", "In the morning the rate was 10.25 roubles.", "ru",
         False),
        ("Это случилось 29.09.2018.", "It happened on September 29, 2018.", "ru", False),
        ("Это случилось 09.29.2018.", "It happened on September 29, 2018.", "ru", False),
        ("Ночью в 2:00 прогремел взрыв.", "A blast went off at 2 a.m. overnight.", "ru", False),
    ],
)
def test_part_of_day_and_numeric_dates(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Он заявил об этом вчера.", "He said so today.", "ru", True),
        ("Сегодня парламент примет закон.", "Yesterday parliament passed the law.", "ru", True),
        ("В прошлом году цены выросли.", "Next year prices will rise.", "ru", True),
        ("Биыл бағалар өсті.", "Prices rose last year.", "kk", True),
        ("На этой неделе он уедет.", "He will leave next week.", "ru", True),
        # Today's evening is tonight; "the next week" is the coming seven days
        ("Сегодня вечером он выступит.", "Tonight he will speak.", "ru", False),
        ("В этом году цены выросли.", "Prices rose this year.", "ru", False),
        ("Бұл осы аптада өтетін бес жиынның біріншісі.",
         "It is the first of five rallies in the next week.", "kk", False),
        ("Вчера он заявил это.", "On Monday he said this.", "ru", False),
        # Yesterday for tomorrow is the antonym check's flag, not this one's
        ("Вчера он заявил об отставке.", "Tomorrow he will announce his resignation.", "ru",
         False),
    ],
)
def test_relative_days_and_periods(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) is flagged
