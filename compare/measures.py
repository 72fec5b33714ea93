"""Units and measures of number mentions (:mod:`compare.number_mentions`), so that a measure a
translator converted still reads as the same number.

A unit written right after a number (:data:`compare.lang.number_words.UNITS`) gives the mention
a dimension and its value in SI units (65 км ~ 40 miles); a range's first number takes the unit
of its second (5-10 см). Besides, the ways news writes a measure that a unit table cannot read:

- a height in feet and inches, one measure: "6-foot-7", "6 feet 6 inches", "6ft 7in", "6 фут-6
  дюйм" (2 метра, 198 см); the inches are no number of their own;
- a decade: "the 90s" (в 1990-х годах) and, in a sentence about temperature, degrees: "in the
  90s", "the low 70s" (32 градуса); English news gives Fahrenheit, Russian and Kazakh Celsius;
- a bare number that a temperature word introduces: "highs near 100", "температура поднимется
  до 32" (the scale is read from the other side, as for a bare "градусов");
- a Russian compound adjective of a measure: двухметровый (2 m), пятикилометровый (5 km);
- a temperature below zero, signed (-29 °C is -20 °F);
- a temperature *difference* ("20 degrees above normal", "a 20-degree drop", "на 11 градусов
  теплее", "11 градусқа жоғары"): its own dimension, "tdelta", as a difference converts by 5/9
  alone (20 °F warmer is 11 °C warmer, not the -7 °C that 20 °F is).

Written by hand: these are conventions of news writing, not of a units library (``pint``
reads "6 ft 7 in" but not "6-foot-7", and no library knows "the low 70s").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from compare.lang.number_words import UNITS

if TYPE_CHECKING:
    from compare.number_types import Mention

_UNIT_RE = tuple(
    (regex.compile(rf"[\s\u00a0-]*(?:{p})(?![\p{{L}}])", regex.IGNORECASE), d, f)
    for p, d, f in UNITS
)
# a minus sign right before a number (not a range's dash after a digit), or the word
_MINUS_BEFORE = regex.compile(r"(?:(?<![\p{L}\d])[-−–]\s?|\b(?:минус|minus)\s+)$",
                              regex.IGNORECASE)
_RANGE_GAP = regex.compile(r"\s*(?:[-–—]|до|to|and|or|или|и|–)\s*", regex.IGNORECASE)
_PER_HOUR_BEFORE = regex.compile(r"сағатына\s+(?:[^\s\d]+\s+){0,2}$", regex.IGNORECASE)
FOOT, INCH = 0.3048, 0.0254
_COMPOUND_DIMS = ("time", "length", "mass")
_COMPOUND_GAP = regex.compile(r"\s*(?:,\s*|и\s+|and\s+|мен\s+|бен\s+|пен\s+)?", regex.IGNORECASE)
_PER_SECOND_BEFORE = regex.compile(r"секундына\s+(?:[^\s\d]+\s+){0,2}$", regex.IGNORECASE)
# 6-foot-7, 6 feet 7 inches, 6ft 7in, 6' 7": the feet's mention, then the inches'.
_FEET_INCHES = regex.compile(
    r"\d{1,2}(?:-foot-|\s?(?:feet|foot|ft\.?|фут\w*|['’′])[\s-]?)(\d{1,2})(?:\s?(?:inches|inch|"
    r"in\b\.?|дюйм\w*|[\"”″]))?(?!\d)", regex.IGNORECASE)  # fmt: skip
# "the 90s", "the low 70s", "the mid-80s", "the upper 60s": a decade of degrees.
_DECADE = regex.compile(
    r"\b(?:(low|lower|mid|middle|high|upper)[\s-]+)?['’]?(\d)0s\b", regex.IGNORECASE
)
_PART_OF_DECADE = {
    "low": range(0, 4),
    "lower": range(0, 4),
    "mid": range(3, 7),
    "middle": range(3, 7),
    "high": range(6, 10),
    "upper": range(6, 10),
}
# Words that say a sentence speaks of temperature, and that introduce a bare number as one.
_TEMPERATURE = regex.compile(
    r"\b(?:temperatur\w*|highs?|lows?|degrees?|heat\w*|warm\w*|hot|cold|cool\w*|"
    r"температур\w*|градус\w*|жар[аы]\w*|"
    r"мороз\w*|аяз\w*|ыстық\w*|суық\w*)\b|°", regex.IGNORECASE)  # fmt: skip
_TEMPERATURE_BEFORE = regex.compile(
    r"\b(?:temperatures?|highs?|lows?|a high of|a low of|wind[\s-]?chills?|heat index|"
    r"температур\w*|жара\w*|мороз\w*|аяз\w*)\s+(?:[^\s\d.!?;]+\s+){0,3}(?:минус\s+|minus\s+|плюс\s+)?$",
    regex.IGNORECASE)  # fmt: skip
# The sign below zero said with words after the figure: 5 градусов мороза, ниже нуля.
_BELOW_ZERO_AFTER = regex.compile(
    r"[\s\u00a0]*(?:°\s?[CСF]?|градус\w*|degrees?)?[\s\u00a0]*(?:Цельси\w*|Celsius)?\s*"
    r"(?:мороза|ниже\s+нуля|нөлден\s+төмен|below\s+(?:zero|freezing))", regex.IGNORECASE)
# A frost word in a temperature's clause: the figure may be written with or without its minus.
_FROST = regex.compile(r"(?<!\p{L})(?:мороз\w*|аяз\w*|frost\w*)", regex.IGNORECASE)
# A temperature said as a difference: by ... degrees, degrees warmer / above normal, a
# 20-degree drop (not "below zero", a sign); Russian "на 11 градусов", "градусов теплее";
# Kazakh "11 градусқа жоғары / төмендеді" (not "градусқа дейін", "up to").
_DIFFERENCE_BEFORE = {
    "en": regex.compile(r"\bby\s+(?:(?:about|around|nearly|almost|roughly|some|more\s+than|over|"
                        r"up\s+to|as\s+much\s+as)\s+)?$", regex.IGNORECASE),
    "ru": regex.compile(r"(?<!\p{L})на\s+(?:(?:целых|почти|примерно|около|более|менее|свыше)\s+)?$",
                        regex.IGNORECASE),
}  # fmt: skip
_DIFFERENCE_AFTER = {
    "en": regex.compile(r"(?:\s*°\s?F?|[\s-]*degrees?)?[\s-]*(?:warmer|colder|cooler|hotter|higher|"
                        r"lower|above|below(?!\s+(?:zero|freezing))|difference|drop|swing|rise|"
                        r"jump|plunge|increase|decrease|change)\b", regex.IGNORECASE),
    "ru": regex.compile(r"\s*(?:°\s?[CС]?|градус\w*)\s+(?:теплее|холоднее|прохладнее|жарче|выше|"
                        r"ниже(?!\s+нуля))", regex.IGNORECASE),
    "kk": regex.compile(r"\s*(?:°\s?[CС]?|градус)[\p{L}-]*\s+(?:жоғары|төмен|жылы|суық|салқын|"
                        r"ыстық|көтеріл|өс|түс|арт)", regex.IGNORECASE),
}  # fmt: skip
# двухметровый, пятикилометровая, десятисантиметровый: a numeral stem joined to a unit.
_COMPOUND_UNIT = (("сантиметров", "length", 0.01), ("миллиметров", "length", 0.001),
                  ("километров", "length", 1000.0), ("метров", "length", 1.0),
                  ("килограммов", "mass", 1.0), ("тонн", "mass", 1000.0),
                  ("литров", "volume", 0.001))  # fmt: skip


def _unit_after(text: str, end: int) -> tuple[str, float, int] | None:
    """The unit written right after ``end``: dimension, SI factor, and where it ends."""
    for pattern, dim, factor in _UNIT_RE:
        m = pattern.match(text, end)
        if m:
            return dim, factor, m.end()
    return None


# "a year and a half", "an hour and a half": the unit stands inside the mention (18 месяцев,
# 90 минут)
_HEAD_OF_A_HALF = regex.compile(r"(?:a|an|one)(?=\s+\p{L}+\s+and\s+a\s+half\b)",
                                regex.IGNORECASE)  # fmt: skip


def _unit_inside(text: str, m: Mention) -> tuple[str, float, int] | None:
    """The unit of "a year and a half" (:data:`_HEAD_OF_A_HALF`), or None."""
    head = _HEAD_OF_A_HALF.match(text, m.start)
    unit = _unit_after(text, head.end()) if head and head.end() < m.end else None
    return unit if unit is not None and unit[2] < m.end else None


def add_units(text: str, mentions: list[Mention], lang: str) -> list[Mention]:
    """Attach units and the conventions above; the mentions that remain, in order (the inches
    of a height in feet and inches are part of the feet's mention)."""
    # after an abbreviated scale word, past its dot: "1,5 тыс. км", "100 тыс. кв. м"
    units: list[tuple[str, float, int] | None] = [
        _unit_after(text, m.end + (m.scaled is not None and text.startswith(".", m.end)))
        or _unit_inside(text, m) for m in mentions]  # fmt: skip
    for k in range(len(mentions) - 2, -1, -1):
        nxt = mentions[k + 1]
        gap = text[mentions[k].end : nxt.start]
        if units[k] is None and units[k + 1] is not None and _RANGE_GAP.fullmatch(gap):
            units[k] = units[k + 1]
    for k, (m, u) in enumerate(zip(mentions, units, strict=True)):
        if u is None:
            continue
        dim, factor, unit_end = u
        m.measure = (dim, frozenset(v * factor for v in m.values))
        m.unit = factor
        written = text[m.end : unit_end]
        if not any(c.isdigit() for c in written):  # a range's first number: not its own unit
            m.unit_text = written.strip()
        # Kazakh writes a speed as "сағатына 135 км" (per hour, 135 km).
        if dim == "length" and _PER_HOUR_BEFORE.search(text, max(0, m.start - 40), m.start):
            m.measure = ("speed", frozenset(v * factor / 3600 for v in m.values))
            m.unit = factor / 3600
        elif dim == "length" and _PER_SECOND_BEFORE.search(text, max(0, m.start - 40), m.start):
            m.measure, m.unit = ("speed", m.measure[1]), factor  # секундына 15 метр: 15 m/s
        # "6 метров (18 feet)": a conversion given in brackets adds no number of its own.
        if k > 0 and mentions[k - 1].measure and mentions[k - 1].measure[0] == dim:
            if regex.fullmatch(
                r"[^\d(]{0,12}\(\s*(?:около|about|approx\.?|~)?\s*",
                text[mentions[k - 1].end : m.start],
            ):
                m.soft = True
    mentions = _compound_measures(text, mentions, units)
    mentions = _feet_and_inches(text, mentions)
    if lang == "en":
        _decades(text, mentions)
    else:
        _compound_units(mentions)
    _bare_temperatures(text, mentions)
    _signed_temperatures(text, mentions)
    _temperature_differences(text, mentions, lang)
    return mentions


def _feet_and_inches(text: str, mentions: list[Mention]) -> list[Mention]:
    """A height in feet and inches as one length (see the module comment)."""
    starts = {m.start: m for m in mentions}
    gone: set[int] = set()
    for found in _FEET_INCHES.finditer(text):
        feet, inches = starts.get(found.start()), starts.get(found.start(1))
        if feet is None or inches is None or len(feet.values) != 1 or len(inches.values) != 1:
            continue
        (f,), (i,) = feet.values, inches.values
        if i >= 12:
            continue
        metres = f * FOOT + i * INCH
        feet.end, feet.text = found.end(), found.group()
        # the height itself as the value: 6-foot-6 is not 6-foot-7, though both open with 6
        feet.values = frozenset({round(metres, 4)})
        feet.measure, feet.unit, feet.unit_text = ("length", feet.values), FOOT, "ft"
        gone.add(id(inches))
    return [m for m in mentions if id(m) not in gone]


def _compound_measures(text: str, mentions: list[Mention],
                       units: list[tuple[str, float, int] | None]) -> list[Mention]:  # fmt: skip
    """ "2 часа 30 минут", "2 жыл 6 ай", "2 метр 1 сантиметр" is one measure in its larger
    unit (2.5 hours, 2.5 years, 2.01 m), as English writes it ("two and a half hours",
    6-foot-7): the smaller part is no number of its own. Feet and inches are read apart
    (:func:`_feet_and_inches`)."""
    out: list[Mention] = []
    last: tuple[str, float, int] | None = None  # the unit of the mention last kept
    for m, u in zip(mentions, units, strict=True):
        prev = out[-1] if out else None
        if (prev is not None and u is not None and last is not None
                and u[0] == last[0] in _COMPOUND_DIMS and last[1] > u[1] and last[1] != FOOT
                and len(prev.values) == 1 and len(m.values) == 1 and not prev.scaled
                and not m.scaled and _COMPOUND_GAP.fullmatch(text, last[2], m.start)):  # fmt: skip
            (big,), (small,) = prev.values, m.values
            if small * u[1] < last[1]:  # 30 minutes fill an hour; 90 minutes would not
                value = round(big + small * u[1] / last[1], 6)
                prev.values = frozenset({value})
                prev.measure = (u[0], frozenset({value * last[1]}))
                prev.end, prev.text = m.end, text[prev.start : m.end]
                last = (last[0], last[1], u[2])
                continue
        out.append(m)
        last = u
    return out


def _decades(text: str, mentions: list[Mention]) -> None:
    """ "The 90s" is the 1990s as well (в 1990-х годах); in a sentence about temperature, "the low
    70s" is also the degrees of that part of the decade."""
    warm = bool(_TEMPERATURE.search(text))
    starts = {m.start: m for m in mentions}
    for found in _DECADE.finditer(text):
        m = starts.get(found.start(2))
        before = text[found.start(2) - 1 : found.start(2)]
        if m is None or m.measure is not None or before.isdigit():
            continue
        tens = 10 * int(found.group(2))
        m.values = m.values | {1900.0 + tens} | ({2000.0 + tens} if tens <= 30 else set())
        if not warm:
            continue
        part = _PART_OF_DECADE.get((found.group(1) or "").lower(), range(10))
        degrees = frozenset(float(tens + d) for d in part)
        m.values = m.values | degrees  # the 1990s too, where the sentence means them
        m.measure = ("temp", degrees)


def _bare_temperatures(text: str, mentions: list[Mention]) -> None:
    """A number without a unit that a temperature word introduces is a temperature."""
    for m in mentions:
        if m.measure is None and _TEMPERATURE_BEFORE.search(text, max(0, m.start - 60), m.start):
            m.measure = ("temp", m.values)


def _signed_temperatures(text: str, mentions: list[Mention]) -> None:
    """A temperature below zero keeps its sign (-29 градусов Цельсия is -20 degrees Fahrenheit,
    not 20): other numbers are read without one, as a dash before them is mostly a range's.

    Russian and Kazakh also say the sign with a word: "5 градусов мороза", "5 degrees below
    zero" is -5; a frost word in the clause ("морозы до 30 градусов", "аяз 30 градусқа
    жетеді") makes either sign the figure, as English writes "minus 30" or "30 degrees of
    frost"."""
    for m in mentions:
        if not m.measure or m.measure[0] != "temp":
            continue
        if _MINUS_BEFORE.search(text, max(0, m.start - 8), m.start) or _BELOW_ZERO_AFTER.match(
                text, m.end):  # fmt: skip
            m.values = frozenset(-v for v in m.values)
        elif _FROST.search(text[max(0, m.start - 30) : m.end + 30]):
            m.values = m.values | frozenset(-v for v in m.values)
        m.measure = ("temp", m.values)


def _temperature_differences(text: str, mentions: list[Mention], lang: str) -> None:
    """A temperature said as a difference is a "tdelta" (see the module comment)."""
    before = _DIFFERENCE_BEFORE.get(lang)
    after = _DIFFERENCE_AFTER.get(lang, _DIFFERENCE_AFTER["ru"])
    for m in mentions:
        if m.measure and m.measure[0] == "temp" and (
                after.match(text, m.end)
                or before is not None and before.search(text, max(0, m.start - 30), m.start)):
            m.measure = ("tdelta", m.measure[1])


def _compound_units(mentions: list[Mention]) -> None:
    """двухметровый: the numeral stem's value in the unit it is joined to."""
    for m in mentions:
        word = m.text.lower()
        if not m.word or m.measure is not None or " " in word:
            continue
        for stem, dim, factor in _COMPOUND_UNIT:
            if stem in word[2:]:
                m.measure = (dim, frozenset(v * factor for v in m.values))
                m.unit = factor
                break
