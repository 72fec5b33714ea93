"""Stems of Russian and Kazakh words: a word with its case endings stripped
(:mod:`compare.lang.case_endings`), and those stems' Latin keys
(:func:`compare.translit.latin_key`).

Shared by the name check (:mod:`compare.name_matching`: Токаева matches Tokayev) and the
glossary (:mod:`compare.glossary`: санкция matches санкциями, Ресей matches Ресейдің), so that
both read inflected words the same way; :func:`has_stem` tells a generic word of the name check
(Суда, Армии) from a name that begins like one (Судан, Армитаж).
"""

from __future__ import annotations

from functools import lru_cache

from compare.lang.case_endings import CASE_ENDINGS
from compare.translit import latin_key

_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_UNVOICED = {"г": "к", "ғ": "қ", "б": "п"}


@lru_cache(maxsize=65536)
def source_stems(word: str) -> tuple[str, ...]:
    """A source word in lower case and its stems with one or two endings stripped (Kazakh
    stacks a possessive and a case: Сот-ы-нда, Лондон-дағы), longest first."""
    w = word.lower()
    stems = {w}
    frontier = {w}
    for _ in range(2):
        nxt = set()
        for s in frontier:
            for e in CASE_ENDINGS:
                if s.endswith(e) and len(s) - len(e) >= 2:
                    nxt.add(s[: -len(e)])
        stems |= nxt
        frontier = nxt
    # Kazakh voices a stem's final к, қ, п before a vowel ending (түбек: түбегі, мұздық:
    # мұздығы, алқап: алқабы); the dictionary form is the unvoiced one. Only in a Kazakh word
    # (ғ, or a letter Russian lacks), so a Russian Гамбург keeps its г.
    if _KAZAKH_LETTERS.intersection(w):
        stems |= {s[:-1] + _UNVOICED[s[-1]] for s in stems - {w} if s[-1] in _UNVOICED}
    return tuple(sorted(stems, key=len, reverse=True))


@lru_cache(maxsize=65536)
def stem_keys(word: str) -> tuple[str, ...]:
    """Latin keys of a source word and of its stems (one or two endings stripped)."""
    stems = [s for s in source_stems(word) if len(s) >= 3 or s == word.lower()]
    return tuple(sorted({latin_key(s) for s in stems if latin_key(s)}, key=len, reverse=True))


# Derivations that may stand between a short stem and its ending (суд-ебн-ый, банк-овск-ий,
# церк-в-и, дом-ашн-ий, школ-ьн-ый).
_DERIVATIONS = frozenset(("", "в", "ов", "ев", "н", "ьн", "ск", "ебн", "овск", "енн", "ашн"))


def has_stem(word: str, stems: tuple[str, ...], short: int = 4) -> bool:
    """Whether a lower-case source word is one of ``stems`` in some form: it begins with a stem
    of more than ``short`` letters, or it is a shorter stem with its endings and at most a short
    derivation (Суда, Судебный, Армии; not Судан, Армитаж, Новак: names that begin like one)."""
    if not word.startswith(stems):
        return False
    begun = [s for s in stems if word.startswith(s)]
    if any(len(s) > short for s in begun):
        return True
    return any(form.startswith(s) and form[len(s) :] in _DERIVATIONS
               for s in begun for form in source_stems(word))  # fmt: skip
