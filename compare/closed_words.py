"""Swaps within a closed class of words: the English names a member (a weekday, a month, a
currency) that the source does not, while the source names one that the English does not.

Shared by the date and currency checks (:mod:`compare.checks.dates`,
:mod:`compare.checks.currencies`). A class is a table of patterns per member, one table per
language (:mod:`compare.lang.date_words`, :mod:`compare.lang.currency_words`); a member found on
one side only is no error by itself (the English may add "on Monday" for "вчера", or the
dollar value of a sum), two different members on the two sides are. Written here because no
library reads Russian and Kazakh weekdays or currencies; the patterns are plain regular
expressions.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex


def compile_table(table: dict[str, str], flags: int = 0, signs: dict[str, str] | None = None,
                  ) -> list[tuple[str, regex.Pattern]]:  # fmt: skip
    """Each member's pattern as a whole word (no letter, digit or hyphen right around it), or
    one of its ``signs`` anywhere ($, €: a sign stands right beside a digit or a letter)."""
    out = []
    for key in dict.fromkeys([*table, *(signs or {})]):
        parts = [rf"(?<![\w-])(?:{table[key]})(?![\w-])"] if key in table else []
        parts += [f"(?:{signs[key]})"] if signs and key in signs else []
        out.append((key, regex.compile("|".join(parts), flags)))
    return out


Found = tuple[str, int, int]
"""(member, start, end) of one mention."""


def find(text: str, table: list[tuple[str, regex.Pattern]]) -> list[Found]:
    """(member, start, end) of every mention in ``text``, in the order of the text (a flag
    lands on the first one the source lacks)."""
    return sorted(((key, m.start(), m.end()) for key, pattern in table
                   for m in pattern.finditer(text)), key=lambda f: (f[1], f[0]))  # fmt: skip


def swapped(source_members: set[str], english: list[Found], members: Iterable[str],
            ) -> tuple[list[Found], list[str]] | None:  # fmt: skip
    """The English mentions of ``members`` the source lacks and the source's members the
    English lacks, in ``members``' order, when there are both (a swap); None otherwise."""
    order = list(members)
    src = source_members.intersection(order)
    eng = [m for m in english if m[0] in order]
    extra = [m for m in eng if m[0] not in src]
    missing = sorted(src - {m[0] for m in eng}, key=order.index)
    return (extra, missing) if extra and missing else None
