"""Ordinal words that differ between the sides (a rank changed), a multiple said as a
percentage, and the renderings that say the same thing (made-up news sentences)."""

from __future__ import annotations

import pytest
from test_checks_numbers import flags


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Он занял второе место.", "He came third.", "ru"),
        ("Это третий случай за неделю.", "This is the fourth case this week.", "ru"),
        ("Компания стала второй по величине в стране.",
         "The company became the third-largest in the country.", "ru"),
        ("Бұл екінші орын.", "This is third place.", "kk"),
    ],
)
def test_changed_rank_is_flagged(src: str, eng: str, lang: str) -> None:
    found = flags(src, eng, lang)
    assert len(found) == 1 and found[0].severity == "major"


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Он занял второе место.", "He came second.", "ru"),
        ("Он занял 2-е место.", "He came second.", "ru"),
        ("Это в третий раз.", "This is the third time.", "ru"),
        ("Он впервые выступил во второй раз за день.", "He spoke for the second time that day.",
         "ru"),
        ("Бұл екінші орын.", "This is second place.", "kk"),
    ],
)
def test_same_or_no_rank_is_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == []


def test_first_is_never_part_of_a_swap() -> None:
    """An accepted miss: "first" is said for much that is no rank (at first, first of all,
    впервые), so a second time rendered as the first is let through."""
    assert flags("Он выступил во второй раз.", "He spoke for the first time.") == []


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Цены выросли в 2 раза.", "Prices rose by 2 percent.", "ru", True),
        ("Цены выросли на 30%.", "Prices rose 30 times.", "ru", True),
        ("Бағалар 2 есе өсті.", "Prices rose by 2%.", "kk", True),
        ("Цены выросли в 2 раза.", "Prices rose 2 times.", "ru", False),
        ("Цены выросли на 30%.", "Prices rose by 30 percent.", "ru", False),
        # "2 раза" without "в" counts occurrences; the same figure said both ways on each side
        ("Это случилось 2 раза за 5 лет, рост составил 2%.",
         "It happened twice in five years, and growth was 2%.", "ru", False),
        ("Он бывал там в 3 раза чаще, а цены выросли на 3%.",
         "He was there 3 times as often, and prices rose 3%.", "ru", False),
    ],
)
def test_multiple_said_as_percentage(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) is flagged
