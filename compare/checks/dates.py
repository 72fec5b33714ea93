"""The date check: the English names another weekday, month, half of the day, relative day or
last / this / next period than the source ("в субботу" -> "on Sunday", "29 сентября" or
"29.09.2018" -> "December 29", "в 7 утра" -> "7 p.m.", "вчера" -> "today", "в прошлом году" ->
"next year").

A wrong day or month is a wrong number to a reader, but the number check reads digits and
number words (and an hour as either half of the day), and the name check takes weekdays and
months for generic words, so before this check nothing flagged "29 сентября" -> "December 29".
A pair is flagged when the English names a day (or month, or half of the day) that the source
does not and the source names one that the English does not: a swap, not an addition ("вчера"
-> "on Monday", as English news writes) nor a day left out. The Russian night before a day ("в
ночь на субботу" -> "Friday night") counts the day before too; the night itself is neither
half of the day. The words, with the contexts that make an ambiguous word a date (среда,
қазан, May), are in :mod:`compare.lang.date_words`.

False alarms and recall: ``python benchmarks/closed_word_flags.py --check date``.
"""

from __future__ import annotations

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.closed_words import Found, compile_table, find, swapped
from compare.flags import Flag
from compare.lang.date_words import (
    DAY_HALVES,
    EN,
    EN_HALVES,
    EN_NAMED,
    EN_RELATIVE,
    KK,
    KK_HALVES,
    KK_NIGHT_AFTER,
    KK_RELATIVE,
    MONTHS,
    NUMERIC_DATE,
    RELATIVE_DAYS,
    RELATIVE_PERIODS,
    RU,
    RU_HALVES,
    RU_NIGHT_BEFORE,
    RU_RELATIVE,
    WEEKDAYS,
)

_SOURCE = {"ru": compile_table({**RU, **RU_HALVES, **RU_RELATIVE}, regex.IGNORECASE),
           "kk": compile_table({**KK, **KK_HALVES, **KK_RELATIVE}, regex.IGNORECASE)}  # fmt: skip
_ENGLISH = compile_table({**EN, **EN_HALVES, **EN_RELATIVE})
_KINDS = (WEEKDAYS, MONTHS, DAY_HALVES, RELATIVE_DAYS, *RELATIVE_PERIODS)
_NAMED_KINDS = (WEEKDAYS, MONTHS)  # written with a capital: "Monday", "September"
_NUMERIC_DATE = regex.compile(NUMERIC_DATE)
_NAMED = regex.compile(EN_NAMED)
_NIGHT_RU = regex.compile(RU_NIGHT_BEFORE, regex.IGNORECASE)
_NIGHT_KK = regex.compile(KK_NIGHT_AFTER, regex.IGNORECASE)


def english_dates(text: str) -> list[Found]:
    """(member, start, end) of each date word the English names (weekday, month, half of the
    day, relative day or period), named things (Super Tuesday, the Sunday Times) left out."""
    return find(_NAMED.sub(lambda m: " " * len(m.group()), text), _ENGLISH)


def source_dates(text: str, lang: str) -> set[str]:
    """The weekdays, months, halves of the day, relative days and periods the source names
    (with the day before a Russian "в ночь на" day and a numeric date's month), and any weekday
    or month it writes in English (the Sunday Times, Saturday Night Live)."""
    out: set[str] = set()
    for key, start, end in find(text, _SOURCE.get(lang, [])):
        out.add(key)
        night = (_NIGHT_RU.search(text[max(0, start - 30) : start]) if lang == "ru"
                 else _NIGHT_KK.match(text, end))  # fmt: skip
        if night and key in WEEKDAYS:
            out.add(WEEKDAYS[WEEKDAYS.index(key) - 1])
    for m in _NUMERIC_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        day, month = (month, day) if month > 12 else (day, month)
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.add(MONTHS[month - 1])
    out |= {key for key, _, _ in find(text, _ENGLISH) if key in WEEKDAYS or key in MONTHS}
    out |= {key for m in _NAMED.finditer(text) for key, _, _ in find(m.group(), _ENGLISH)}
    return out


@register
class DateMismatch(PairCheck):
    """Flags a pair whose English names another weekday, month, half of the day, relative day
    or period than its source."""

    id = "date-mismatch"
    category = "number"
    severity = "major"
    description = "The English names another weekday, month or part of the day than the source."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        assert ctx.source is not None
        source, english = ctx.pair_texts(pair)
        found = english_dates(english)
        if not found:  # no swap without a date in the English: the source is not read
            return []
        said = source_dates(source, ctx.source.lang)
        out: list[Flag] = []
        for kind in _KINDS:
            if (swap := swapped(said, found, kind)) is None:
                continue
            extra, missing = swap
            if {*missing, *(m[0] for m in extra)} == {"yesterday", "tomorrow"}:
                continue  # the antonym check's pair
            start, end = ctx.target_span(pair, (extra[0][1], extra[0][2]))
            named = ", ".join(m.capitalize() if kind in _NAMED_KINDS else m for m in missing)
            named = f"the {named}" if kind is DAY_HALVES else named
            out.append(self.flag(
                "target", start, end,
                f"The English says “{english[extra[0][1]:extra[0][2]]}” where the source says "
                f"{named}.", {"source": missing, "target": sorted({d[0] for d in extra})}))
        return out
