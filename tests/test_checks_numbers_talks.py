"""number-mismatch on spoken English as TED subtitlers render it (session 36, made-up
English-first probes, no evaluation data): hyperbole ("a million times", "a hundred percent
sure", "zero women"), fixed phrases ("365 days a year", "one in a million"), collective
numerals (мы вдвоём), teen compound adjectives (шестнадцатилетний), centuries as a unit
(два столетия, век назад) and a spoken range ("three, four hundred"). Each faithful pair has a
twin with a figure changed that stays flagged."""

from __future__ import annotations

import pytest
from test_checks_numbers import flags


@pytest.mark.parametrize(("src", "eng"), [
    ("Я слышал это тысячу раз.", "I've heard this a million times."),
    ("Я говорил вам тысячу раз.", "I've told you a hundred times."),
    ("Я абсолютно уверен.", "I'm a hundred percent sure."),
    ("Я уверен на все сто.", "I'm 100 percent sure."),
    ("В зале не было ни одной женщины.", "There were zero women in the room."),
    ("У нас не было никаких денег.", "We had zero money."),
    ("Шансов практически нет.", "It's a one-in-a-million chance."),
    ("Круглый год", "365 days a year"),
    ("Мы работаем круглосуточно.", "We work 24 hours a day."),
    ("Мы вдвоём основали компанию.", "The two of us started the company."),
    ("Нас было пятеро.", "We were five."),
    ("шестнадцатилетний парень", "a 16-year-old boy"),
    ("ролик длиной в полминуты", "a 30-second clip"),
    ("Вернёмся на два столетия назад.", "Let's go back 200 years."),
    ("Век назад", "A hundred years ago"),
    ("300–400 человек", "three, four hundred people"),
    ("200–300 человек", "two or three hundred people"),
])
def test_spoken_numbers_not_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "ru") == []


@pytest.mark.parametrize(("src", "eng"), [
    # a firm figure against a hyperbole is still a changed number
    ("Я говорил вам сто раз.", "I've told you three times."),
    ("Я уверен на сто процентов.", "I'm ninety percent sure."),
    ("В зале не было ни одной женщины.", "There were two women in the room."),
    ("Это шанс один на миллион.", "It's a one-in-a-thousand chance."),
    # a comparison counts: "a thousand times better" is not hyperbole read softly
    ("Это в сто раз лучше.", "It's a thousand times better."),
    ("Мы вдвоём основали компанию.", "The three of us started the company."),
    ("шестнадцатилетний парень", "a 18-year-old boy"),
    ("Вернёмся на два столетия назад.", "Let's go back 300 years."),
    ("500–600 человек", "three, four hundred people"),
])
def test_changed_figure_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "ru") != []
