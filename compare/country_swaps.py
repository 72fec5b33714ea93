"""Which states each side of a pair names, and whether the English swapped one: for the country
check (:mod:`compare.checks.countries`), and for the name check, which leaves such a swap to it
(:func:`swap_members`), so that a swapped state is one flag, not two. Both ask about every pair,
so the answer for a pair's two texts is kept (:func:`country_swap`).

A state is named by its name, its adjective or demonym, or its capital or seat (Россия,
российский, россиянин, Москва, Кремль); the swap logic is :mod:`compare.closed_words`'s, the
words :mod:`compare.lang.country_names`.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from compare.closed_words import Found, compile_table, find, swapped
from compare.lang.country_names import COUNTRIES, EN, KK, RU

_SOURCE = {"ru": compile_table(RU, regex.IGNORECASE), "kk": compile_table(KK, regex.IGNORECASE)}
_ENGLISH = compile_table(EN)
# How a member is named in a message: its English name.
_NAMES = {"usa": "the United States", "uk": "the United Kingdom", "north_korea": "North Korea",
          "south_korea": "South Korea", "saudi": "Saudi Arabia", "czechia": "Czechia",
          "netherlands": "the Netherlands", "philippines": "the Philippines"}  # fmt: skip


def english_countries(text: str) -> list[Found]:
    """(state, start, end) of each state the English names."""
    return find(text, _ENGLISH)


def source_countries(text: str, lang: str) -> list[Found]:
    """(state, start, end) of each state the source names, in its language or in English
    (a source may quote an English name: BBC News, Brexit-era "UK")."""
    return sorted([*find(text, _SOURCE.get(lang, _SOURCE["ru"])), *find(text, _ENGLISH)],
                  key=lambda f: (f[1], f[0]))  # fmt: skip


@lru_cache(maxsize=64)
def country_swap(source: str, english: str, lang: str
                 ) -> tuple[tuple[Found, ...], tuple[Found, ...]] | None:  # fmt: skip
    """The English mentions of states the source does not name and the source mentions of
    states the English does not name, when there are both (a swap); None otherwise. Kept for
    the last pairs asked: the name check and the country check ask the same pair in turn."""
    found = english_countries(english)
    if not found:  # no swap without a state in the English: the source is not read
        return None
    in_source = source_countries(source, lang)
    swap = swapped({key for key, _, _ in in_source}, found, COUNTRIES)
    if swap is None:
        return None
    extra, missing = swap
    return tuple(extra), tuple(m for m in in_source if m[0] in missing)


def country_name(key: str) -> str:
    return _NAMES.get(key, key.replace("_", " ").title())


def swap_members(source: str, english: str, lang: str) -> tuple[set[str], set[str]]:
    """(states the source names and the English swapped away, states the English put in their
    place); both empty where the pair holds no swap."""
    swap = country_swap(source, english, lang)
    if swap is None:
        return set(), set()
    extra, missing = swap
    return {k for k, _, _ in missing}, {k for k, _, _ in extra}


def names_any(text: str, lang: str, members: set[str]) -> bool:
    """Whether ``text`` (English where ``lang`` is ``en``) names one of ``members``."""
    if not members:
        return False
    table = _ENGLISH if lang == "en" else _SOURCE.get(lang, _SOURCE["ru"])
    return any(key in members for key, _, _ in find(text, table))
