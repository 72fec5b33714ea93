"""The currency check: another currency in the English than in the source (made-up news
sentences; the faithful ones are renderings a translator writes)."""

from __future__ import annotations

import pytest
from test_checks_negation import one_pair

from compare.checks import all_checks
from compare.checks.currencies import CurrencyMismatch, english_currencies, source_currencies
from compare.closed_words import swapped


def flags(src: str, eng: str, lang: str = "ru") -> list:
    return CurrencyMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "said"),
    [
        ("Он заплатил 100 долларов.", "He paid 100 euros.", "ru", "USD"),
        ("Контракт стоит 2 млрд рублей.", "The contract is worth $2bn.", "ru", "RUB"),
        ("Рынок оценивается в 2,8 млрд фунтов стерлингов.", "The market is worth €2.8bn.", "ru",
         "GBP"),
        ("Сделка на 11 млн фунтов сорвалась.", "The $11 million deal fell through.", "ru", "GBP"),
        ("Штраф составил 5 тысяч гривен.", "The fine was 5,000 roubles.", "ru", "UAH"),
        ("Ол 100 доллар төледі.", "He paid 100 euros.", "kk", "USD"),
        ("Бағасы 500 мың теңге.", "It costs 500,000 roubles.", "kk", "KZT"),
        ("Келісім 125 млн. фунтқа жасалды.", "The deal was made for $125m.", "kk", "GBP"),
    ],
)
def test_swapped_currency_is_flagged(src: str, eng: str, lang: str, said: str) -> None:
    found = flags(src, eng, lang)
    assert len(found) == 1 and found[0].severity == "major"
    assert found[0].category == "number" and said in found[0].message


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Он заплатил 100 долларов.", "He paid $100.", "ru"),
        ("Стоимость — 100 канадских долларов.", "It costs C$100.", "ru"),
        ("Рынок оценивается в 2,8 млрд фунтов стерлингов.", "The market is worth £2.8bn.", "ru"),
        ("Бағасы 500 мың теңге.", "It costs 500,000 tenge (about $1,000).", "kk"),
        # A conversion the English adds keeps the source's currency
        ("Зарплата — 60 тысяч рублей.", "The salary is 60,000 roubles ($800).", "ru"),
        # Pounds of weight, the euro of football, yen and yuan under one sign
        ("Свинья весом 300 кг напала на фермера, которому должны 100 долларов.",
         "A 650-pound pig attacked a farmer who was owed $100.", "ru"),
        ("Перед Евро-2020 курс евро вырос.", "Ahead of Euro 2020 the euro rate rose.", "ru"),
        ("Цена — 500 иен.", "The price is ¥500.", "ru"),
        ("Стоимость — 100 у.е.", "It costs 100 euros.", "ru"),
    ],
)
def test_faithful_currencies_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == []


def test_signs_and_words_are_read_on_both_sides() -> None:
    assert {m[0] for m in english_currencies("US$5 and €3, not 3 pounds")} == {"usd", "eur"}
    assert source_currencies("Цена 5 $ или 300 ₽", "ru") == {"usd", "rub"}
    assert swapped({"usd"}, [("eur", 0, 1)], ("usd", "eur")) == ([("eur", 0, 1)], ["usd"])
    assert swapped({"usd"}, [("usd", 0, 1), ("eur", 3, 4)], ("usd", "eur")) is None


def test_registered_once() -> None:
    assert [c.id for c in all_checks()].count("currency-mismatch") == 1


def test_flag_lands_on_the_first_currency_the_source_lacks() -> None:
    eng = "He paid €50 and then 100 yen."
    found = flags("Он заплатил 100 долларов.", eng)
    assert len(found) == 1 and eng[found[0].start : found[0].end] == "€"
