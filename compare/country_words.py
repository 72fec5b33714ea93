"""Which words name a country or a state, for the name check (:mod:`compare.checks.names`
through :mod:`compare.name_candidates`): an English word of :data:`COUNTRIES_EN` or
:data:`CLARIFYING_PLACES_EN`, a source word the exonym table renders by one, and a country's
name opening a sentence, where any word is capitalised.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from compare.lang.name_words import CLARIFYING_PLACES_EN, COUNTRIES_EN
from compare.name_matching import exonym_targets, is_exonym_key, is_seat_key

POSSESSIVE = regex.compile(r"['’]s?$")  # Britain's, Texas' (not the s of Texas itself)


def is_country_en(word: str) -> bool:
    """A capitalised English word naming a state or country (:data:`CLARIFYING_PLACES_EN`)."""
    return word[:1].isupper() and POSSESSIVE.sub("", word.lower()) in CLARIFYING_PLACES_EN


def is_country_src(word: str) -> bool:
    """A capitalised source word the exonym table reads as a state or country (a prefix the
    table ends with * counts when a country starts with it: german* for Germany); not a
    capital or seat that stands for its government (Сеул, Кремль: see ``SEAT_PREFIXES``)."""
    if not word[:1].isupper() or is_seat_key(word):
        return False
    targets = {t.replace(".", "") for t in exonym_targets(word)}
    return bool({t.rstrip("*") for t in targets} & CLARIFYING_PLACES_EN) or any(
        t.endswith("*") and len(t) > 5 and _country_prefix(t[:-1]) for t in targets
    )


# A Russian adjective of place (Британское правительство -> Whitehall): not a country's name.
_PLACE_ADJECTIVE = regex.compile(
    r"(?:ск|цк)(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|ым|им|ых|их|ую|ими|ыми|ом)$")


def opening_country_src(word: str) -> bool:
    """A country's name as a source sentence's first word, where any word is capitalised: the
    name itself in any case (Сирия, Сирияның), not a word that merely starts like one (see
    :func:`compare.name_matching.is_exonym_key`) nor an adjective (Британское), and one the
    exonym table renders by a country first: not a capital, which may stand for its government
    or be called "the capital" (Астана, Москва), nor a US state."""
    if _PLACE_ADJECTIVE.search(word.lower()) or not is_exonym_key(word):
        return False
    first = next(iter(exonym_targets(word)), "").replace(".", "")
    return first.rstrip("*") in COUNTRIES_EN or (
        first.endswith("*") and len(first) > 5 and _country_prefix(first[:-1], True))


def opening_country_en(word: str) -> bool:
    """An English sentence's first word naming a country (Iraq, Syria's; not a US state)."""
    return word[:1].isupper() and POSSESSIVE.sub("", word.lower()) in COUNTRIES_EN


@lru_cache(maxsize=4096)
def _country_prefix(prefix: str, countries_only: bool = False) -> bool:
    places = COUNTRIES_EN if countries_only else CLARIFYING_PLACES_EN
    return any(place.startswith(prefix) for place in places)
