"""Words for fractions of a scale word (half a million, четверть миллиона, жарты миллион), kept
apart from the number check's logic (:mod:`compare.checks.numbers`), which reads them as one
number: word by word they were "a million" against nothing, or четверть (a soft 4) times a
million. Russian forms also serve Kazakh where the languages share them (миллион, мың)."""

from __future__ import annotations

FRACTIONS_EN = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "quarter": 0.25,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
FRACTIONS_RU = {
    "пол": 0.5,
    "четверть": 0.25,
    "четверти": 0.25,
    "треть": 1 / 3,
    "трети": 1 / 3,
    "две трети": 2 / 3,
    "двух третей": 2 / 3,
    "три четверти": 0.75,
    "жарты": 0.5,
    "ширек": 0.25,
}
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "тысяч": 1e3,
    "миллион": 1e6,
    "миллиард": 1e9,
    "триллион": 1e12,
    "мың": 1e3,
}
