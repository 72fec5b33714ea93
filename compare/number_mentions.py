"""Reading the numbers of a sentence as *mentions*, for the number check
(:mod:`compare.checks.numbers`) and the machine-translation fallback (:mod:`compare.mt`).

Numbers are read as *mentions*: a span and the set of values it may stand for (``3,5`` is 3.5;
``1,500`` in Russian may be 1.5 or 1500; ``2,5 млрд`` is 2.5e9 or, as written, 2.5; ``22:00`` may
be 22 or 10 p.m.). Mentions match when their value sets meet. Written-out numbers (восемьдесят,
fifty, екі) are read too, but "one"/"один"/"бір" and vague plurals ("thousands") are *soft*: they
may satisfy a mention on the other side but are never flagged themselves. Ordinal words are soft: an
English "first" may satisfy a Russian "1" (на 1 этаже "on the first floor"), never demand one.
"шесть десятков" is sixty (десяток as a scale word), полгода six (months). The numbers of
disease and virus names (COVID-19, SARS-CoV-2) are soft: Russian often writes COVID or ковид.

More conventions: a capitalised number word inside a sentence is part of a name (Four Corners,
Четырёх углов) and soft; "между двумя" is soft against an English "between"; Kazakh collective
numerals (екеуі "the two of them") read softly; fashion season codes (SS19, AW20) carry their
year, and the numbers of names ("No 10", "a 911 call", the 49ers) are soft
(:mod:`compare.number_names`); a number word that counts an enumeration on the other side
("Three men, aged 33, 34 and 39") is said by it. Measures in different units of one dimension
match only after conversion (до 25 см ~ up to 10 inches, never the "10" of another measure;
units and the measure conventions of news, 6-foot-7 or "the low 70s", are read by
:mod:`compare.measures`; shares, halves and sums in two scale words, треть ~ 33 %, "2 млн 300
тыс." ~ 2.3 million, by :mod:`compare.number_shares`), and measures in the same unit must
agree exactly; a bare "градусов" / "degrees" may be either
temperature scale (27 градусов ~ 80 degrees). Two soft mentions never pair with each other.

An English number word that opens a hyphenated compound adjective (three-way, five-year,
two-storey, three-dimensional; capitalised in a product title too: Three-Way Mechanism) is soft
as well: Russian writes these as one word with a numeral stem (трёхходовой, пятилетний,
двухэтажный, read softly above) or as a plain adjective (объёмный "three-dimensional"). Number
words joined to each other (twenty-five) stay firm.
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

from compare.lang.number_words import (
    FRACTIONS_EN,
    FRACTIONS_RU,
    ONE_WORDS,
    ORDINAL_ENDINGS,
    ORDINAL_UNIT_VALUES,
    ORDINAL_UNITS,
    ORDINAL_UNITS_EN,
    PLAIN_UNITS,
    SCALE_EN,
    SCALE_RU,
    SCALE_WORDS,
    SOFT_EN,
    SOFT_KK,
    SOFT_RU,
    WORDS_EN,
    WORDS_KK,
    WORDS_RU,
)
from compare.measures import add_units
from compare.number_idioms import soften_idioms
from compare.number_names import read_names
from compare.number_shares import (
    and_a_half,
    join_scales,
    one_in_n,
    range_scales,
    read_digit_shares,
    read_shares,
)
from compare.number_types import Mention, Taken
from compare.number_types import rounded as _r
from compare.words import LETTERS

_SEP = "[ \u00a0\u202f\u2009']"
# Currency codes written onto a sum in English ("KZT2 trillion", "RUB30,000")
_CURRENCY_CODES = "KZT|RUB|RUR|USD|EUR|GBP|CNY|UAH"
_NUM = regex.compile(
    rf"(?:(?<![\p{{L}}\d.,])|(?<=(?<!\p{{L}})(?:pp?|No|№|{_CURRENCY_CODES}))|(?<=\d[xх×]))"
    rf"(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?"  # 1 000 000 / 1 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000,000.5
    r"|\d{1,3}(?:\.\d{3}){2,}"  # 1.000.000
    r"|\d+(?:[.,]\d+)?)"  # 2011, 3,5, 3.5
    r"(?![\d])"
)
_TIME = regex.compile(r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])")
_TIME_EN_DOT = regex.compile(r"(?<![\d.,:])(\d{1,2})\.(\d{2})(?=\s?[ap]\.?m\b)", regex.I)
_DATE = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.]\d)")
_WORD_RE = LETTERS
_WORDS_RU_C = tuple((regex.compile(p), float(v)) for p, v in WORDS_RU)
_WORDS_KK_C = tuple((regex.compile(p), float(v)) for p, v in WORDS_KK)
_SOFT_RU_C = tuple((regex.compile(p), float(v)) for p, v in SOFT_RU)
_SOFT_KK_C = tuple((regex.compile(p), float(v)) for p, v in SOFT_KK)
_ORDINAL_END = {lang: regex.compile(p) for lang, p in ORDINAL_ENDINGS.items()}


def _fills(total: float, word: float) -> bool:
    """Whether a number word fills the empty places of a number being read: 5 after 20 or
    2000, 30 after 100, 600 after 8000; not 20 after 30, nor anything after 1.5."""
    if word < 1 or total < 10 or total != int(total):
        return False
    return total % 10 ** len(str(int(word))) == 0


_ABOVE_BELOW = ("below", "above", "ниже", "выше")
_GROUP_OF = regex.compile(r"Групп[аыеуо]\w*")
_HEADING_BEFORE = regex.compile(r"(?:^|[:.!?\"“«(—–-])\s*$")


def _digit_values(raw: str, lang: str) -> set[float]:
    """Possible values of a digit string, reading separators the way ``lang`` writes them."""
    s = regex.sub(_SEP, "", raw)
    vals: set[float] = set()
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
        return {float(s.replace(".", ""))}
    if "," in s and "." in s:
        return {float(s.replace(",", ""))}
    if "," in s:
        head, _, tail = s.rpartition(",")
        if s.count(",") > 1:
            return {float(s.replace(",", ""))}
        if len(tail) == 3:
            vals.add(float(head + tail))
            if lang != "en":
                vals.add(float(head + "." + tail))
        else:
            vals.add(float(head + "." + tail))
        return vals
    if "." in s:
        head, _, tail = s.partition(".")
        vals.add(float(s))
        if lang != "en" and len(tail) == 3:
            vals.add(float(head + tail))
        return vals
    return {float(s)}


_SCALE_PREFIX_RU = (("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9), ("триллион", 1e12),
                    ("мың", 1e3))  # fmt: skip
# Kazakh scale words take case and derivational endings (мыңнан, миллионға, миллиардтық); жүз
# "hundred" multiplies the number word before it (үш жүз = 300). Only these endings count, so
# that жүзеге (асыру) "realise" is not a hundred. -даған/-деген forms are vague ("thousands").
_SCALES_KK = (("мың", 1e3), ("жүз", 100.0), ("миллион", 1e6), ("миллиард", 1e9),
              ("триллион", 1e12))  # fmt: skip
_KK_SCALE_ENDING = regex.compile(
    r"|ға|ге|қа|ке|да|де|та|те|дан|ден|тан|тен|нан|нен|ның|нің|дың|дің|тың|тің|ды|ді|ты|ті|"
    r"н|ын|ін|мен|бен|пен|дай|дей|тай|тей|дық|дік|тық|тік|ы|і|ыншы|інші"  # екі мыңыншы: 2000th
)
# Scale words that are soft alone but open a number with the words that fill them (тысяча
# двести = 1200, жүз отыз = 130; Kazakh он alone is also "him").
_OPENING_WORDS = {"ru": ("тысяча", "тысячу"), "kk": ("жүз", "мың", "он")}
_KK_VAGUE = regex.compile(r"(?:мың|жүз|миллион|миллиард)(?:даған|деген|таған)\w*")
# Soft Kazakh words that make a firm number before a scale (екі миллион, он мың, бір жарым).
_KK_FIRM_BEFORE_SCALE = {"бір", "екі", "он"}


def _kk_scale(word: str) -> float | None:
    """Factor of a Kazakh scale word with its ending (миллионнан -> 1e6), None otherwise."""
    if _KK_VAGUE.match(word):
        return None
    for stem, factor in _SCALES_KK:
        if word.startswith(stem) and _KK_SCALE_ENDING.fullmatch(word[len(stem) :]):
            return factor
    return None


def _scale_after(text: str, end: int, lang: str) -> tuple[float, int] | None:
    """A scale word (млн, billion, bn, -тысячный) right after ``end``: its factor and its end."""
    m = regex.match(r"[\s\u00a0-]*(\p{L}+)\.?", text[end:]) if end < len(text) else None
    if not m:
        return None
    w = m.group(1).lower()
    if lang == "en":
        if w in SCALE_EN and (len(w) > 3 or m.start(1) == 0 or w in ("bn", "mln", "trn")):
            return SCALE_EN[w], end + m.end(1)
        return None
    if w in SCALE_RU:
        return SCALE_RU[w], end + m.end(1)
    for prefix, factor in _SCALE_PREFIX_RU:
        if w.startswith(prefix):
            return factor, end + m.end(1)
    return None


@lru_cache(maxsize=65536)
def _word_value(w: str, lang: str) -> tuple[float | None, bool]:
    """Value of one number word in ``lang`` and whether it is soft (a "two" that may not be)."""
    lw = w.lower()
    if lang == "en":
        if lw in WORDS_EN:
            return WORDS_EN[lw], False
        return (float(SOFT_EN[lw]), True) if lw in SOFT_EN else (None, False)
    table, soft = (_WORDS_KK_C, _SOFT_KK_C) if lang == "kk" else (_WORDS_RU_C, _SOFT_RU_C)
    for pat, v in table:
        if pat.fullmatch(lw):
            return v, False
    for pat, v in soft:
        if pat.fullmatch(lw):
            return v, True
    return None, False


def _word_scales(lang: str) -> dict[str, float]:
    if lang == "en":
        scales = {k: v for k, v in SCALE_EN.items() if len(k) > 3}
        scales["hundred"] = 100.0
        return scales
    return dict(SCALE_RU)


def _word_mentions(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Written-out numbers, with adjacent number words combined (twenty-five, два миллиона).

    A capitalised number word inside a sentence is taken for part of a name (Four Corners, Big
    Ten, Четырёх углов) and is soft.
    """
    scales = _word_scales(lang)
    out: list[Mention] = []
    words = list(_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        m = words[i]
        w = m.group().lower()
        if taken.covers(m.start()):
            i += 1
            continue
        val, soft = _word_value(w, lang)
        if val is None and w in scales:  # a bare "million", "сотни": may match, never flagged
            val, soft = scales[w], True
        elif val is None and lang == "kk" and (factor := _kk_scale(w)) and not (
                i > 0 and _word_value(words[i - 1].group().lower(), lang)[0] is not None):
            val, soft = factor, True  # мыңнан астам "more than a thousand": a bare scale word
        compound = lang == "en" and val is not None and _en_compound(text, words, i)
        if (
            val is not None
            and m.group()[0].isupper()
            and not _HEADING_BEFORE.search(text[: m.start()])
            and not compound
        ):
            # part of a name (the Four Corners, the Big Ten; Russian "в районе Четырёх углов"):
            # soft, so that it may match the other side's name word but is never flagged
            soft = True
        if compound:
            soft = True  # three-way, five-year: see the module comment
        if lang == "ru" and val == 2 and i > 0 and words[i - 1].group().lower() == "между":
            soft = True  # "между двумя странами": English "between" says the two
        if lang == "ru" and val is not None and i > 0 and _GROUP_OF.fullmatch(words[i - 1].group()):
            soft = True  # "Группа двадцати": the G20, whose digits English joins to a letter
        if val == 0 and i > 0 and words[i - 1].group().lower() in _ABOVE_BELOW:
            soft = True  # "below zero", "ниже нуля": the sign of a temperature, read with it
        if lang == "ru" and val == 0 and i > 0 and words[i - 1].group().lower() in ("с", "c"):
            soft = True  # "начать с нуля": "start from scratch", an idiom, not a zero
        if val is None and w not in ONE_WORDS:
            i += 1
            continue
        total = val if val is not None else 1.0
        start, end, j, scaled = m.start(), m.end(), i + 1, False
        while j < len(words) and text[end : words[j].start()].strip() in ("", "-", "and"):
            nxt = words[j].group().lower()
            if lang == "en" and nxt == "and" and scaled:
                j += 1  # seven hundred and three: the next word must still join the number
                continue
            nval, nsoft = _word_value(nxt, lang)
            opening = j == i + 1 and w in _OPENING_WORDS.get(lang, ())  # тысяча двести
            if nxt in PLAIN_UNITS.get(lang, {}) and val is not None and (not soft or opening) and (
                    _fills(total, PLAIN_UNITS[lang][nxt])):
                nval, nsoft = PLAIN_UNITS[lang][nxt], False  # ninety-one, сто один, жүз он
            factor = scales.get(nxt)
            if factor is None and lang == "kk":
                factor = _kk_scale(nxt)
            if factor is not None:
                low = total % factor  # the part a scale multiplies: 1004 hundred -> 1400
                if low:
                    total = total - low + low * factor
                else:  # мың жүз: a bare hundred after a thousand adds it
                    total = total + factor if factor < total else total * factor
                scaled = True
                if j == i + 1 and (w in ONE_WORDS or lang == "kk" and w in _KK_FIRM_BEFORE_SCALE):
                    val, soft = total, False  # one hundred (and) thirty-five, екі жүз жетпіс
            elif lang == "kk" and nxt == "жарым" and not scaled and j == i + 1:
                total += 0.5  # бір жарым = 1.5, екі жарым миллион = 2.5 million
                if w in _KK_FIRM_BEFORE_SCALE or not soft:
                    val, soft = total, False
            elif lang == "kk" and w == "он" and j == i + 1 and nval and nval < 10:
                val, total, soft = 10 + nval, 10 + nval, False  # он екі = 12 (он alone is soft)
            elif lang != "en" and (nxt.startswith("тысяч") or _KK_VAGUE.match(nxt)):
                soft = True  # он мыңдаған, десятки тысяч: "tens of thousands", not a number
                end, j = words[j].end(), j + 1
                break
            elif (lang == "en" and nxt in ORDINAL_UNITS_EN and val is not None and not soft
                  and not scaled and total >= 20 and total % 10 == 0 and total < 100):
                total += nval  # twenty-first = 21 (XXI век)
            elif (lang != "en" and val is not None and not soft and _fills(total, 1)
                  and (unit := _ordinal_unit(nxt, lang))):
                total += unit  # двадцать первый, жиырма бірінші = 21 (XXI век), сто первый
            elif (lang != "en" and val is not None and not soft and total >= 100 and nval
                  and _ORDINAL_END[lang].fullmatch(nxt) and _fills(total, nval)):
                total += nval  # a year in words: две тысячи двадцатый, екі мың жиырмасыншы
            elif (lang == "kk" and nsoft and nval and val is not None and (not soft or opening)
                  and total >= 100 and _fills(total, nval)):
                total, soft = total + nval, False  # жүз елуге: the case ending ends the number
            elif nval is not None and not nsoft and val is not None and (not soft or opening):
                if not _fills(total, nval):
                    break
                total, soft = total + nval, False  # сто тридцать, жүз отыз, 8000 + 600
            else:
                break
            end, j = words[j].end(), j + 1
        firm = (val is not None and not soft) or (scaled and w in ONE_WORDS)
        firm = firm or (lang == "kk" and scaled and w in _KK_FIRM_BEFORE_SCALE)
        value = frozenset({_r(total)})
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                value,
                soft=not firm,
                word=True,
                scaled=value if scaled else None,
            )  # fmt: skip
        )
        i = j
    return out


_ORDINAL_UNITS = {lang: regex.compile(pattern) for lang, pattern in ORDINAL_UNITS.items()}


def _ordinal_unit(word: str, lang: str) -> int | None:
    """The value (1-9) of a Russian or Kazakh ordinal that ends a compound ordinal
    (двадцать первый, жиырма бірінші), or None."""
    pattern = _ORDINAL_UNITS.get(lang)
    if pattern is None or not pattern.fullmatch(word):
        return None
    return next(v for k, v in ORDINAL_UNIT_VALUES.items() if word.startswith(k))


def _en_compound(text: str, words: list, i: int) -> bool:
    """Whether English number word ``i`` opens a hyphenated compound with a non-number word
    (three-way, five-year), as opposed to standing alone or joining a number (twenty-five)."""
    end = words[i].end()
    if i + 1 >= len(words) or not regex.fullmatch(r"[-‑]", text[end : words[i + 1].start()]):
        return False
    nxt = words[i + 1].group().lower()
    return (_word_value(nxt, "en")[0] is None and nxt not in _word_scales("en")
            and nxt not in PLAIN_UNITS["en"])


def _times(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Clock times (22:00, 7.55am): the hour may be written 12-hour on the other side."""
    pats = (_TIME, _TIME_EN_DOT) if lang == "en" else (_TIME,)
    out: list[Mention] = []
    for m in (m for p in pats for m in p.finditer(text)):
        h, mi = int(m.group(1)), int(m.group(2))
        if h > 24 or mi > 59 or taken.covers(m.start()):
            continue
        hv = {float(h)} | ({float(h - 12)} if h > 12 else set()) | ({12.0, 0.0} if h in (0, 12)
                                                                    else set())  # 00:30 12:30 AM
        out.append(Mention(m.start(1), m.end(1), m.group(1), frozenset(hv)))
        out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({float(mi)}), soft=mi == 0))
        taken.append((m.start(), m.end()))
    return out


def _dates(text: str, taken: Taken) -> list[Mention]:
    """Numeric dates (16.02.2020): day and year must match, the month number need not."""
    out: list[Mention] = []
    for m in _DATE.finditer(text):
        d, mo, y = (int(g) for g in m.groups())
        if mo > 12 and 1 <= d <= 12 and mo <= 31:
            # American order (08.29.2008 for 29.08.2008): read the day where it stands
            out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({float(mo)})))
            out.append(Mention(m.start(1), m.end(1), m.group(1), frozenset({float(d)}), soft=True))
            out.append(Mention(m.start(3), m.end(3), m.group(3), frozenset({float(y)})))
            taken.append((m.start(), m.end()))
        elif 1 <= d <= 31 and 1 <= mo <= 12:
            out.append(Mention(m.start(1), m.end(1), m.group(1), frozenset({float(d)})))
            out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({float(mo)}), soft=True))
            out.append(Mention(m.start(3), m.end(3), m.group(3), frozenset({float(y)})))
            taken.append((m.start(), m.end()))
    return out


# The number of a disease or virus name (COVID-19, SARS-CoV-2, ковид-19): see the module comment.
# Also the number of Формула-1, which English writes F1.
_DISEASE_BEFORE = regex.compile(r"(?:covid|ковид|cov|сov|формул\w*)[-‑–]?\s?$", regex.IGNORECASE)


def extract_numbers(text: str, lang: str) -> list[Mention]:
    """All number mentions of ``text`` (``lang`` "en", "ru" or "kk")."""
    taken = Taken()
    mentions = (_dates(text, taken) + _times(text, lang, taken) + read_names(text, lang, taken)
                + read_digit_shares(text, taken))
    decades: list[int] = []  # indices of the mentions of a decade (90-х, 1990s)
    for m in _NUM.finditer(text):
        if taken.covers(m.start()):
            continue
        vals = _digit_values(m.group("num"), lang)
        end = m.end()
        if (len(m.group("num")) == 2  # "2019-20", "2018/19": look back 8 characters only
                and (year := _YEAR_RANGE_BEFORE.search(text, max(0, m.start() - 8),
                                                       m.start()))):  # fmt: skip
            vals.add(float(year.group(1)[:2] + m.group("num")))  # 2019-20: the year 2020
        if regex.match(_DECADE_AFTER[lang == "en"], text[end:]):
            vals |= {1900 + v for v in vals if v % 10 == 0 and v < 100}  # 30-е годы = 1930s
            vals |= {v % 100 for v in vals if 1900 <= v < 2100 and v % 10 == 0}  # the nineties
            decades.append(len(mentions))
        if lang == "ru" and _YEAR_OF_LIFE.match(text, end):
            vals |= {v - 1 for v in vals}  # на 93-м году жизни: aged 92
        if lang == "ru" and _NIGHT_BEFORE.search(text, max(0, m.start() - 16), m.start()) or (
                lang == "kk" and _NIGHT_AFTER_KK.match(text, end)):
            vals |= {v - 1 for v in vals if 2 <= v <= 31}  # в ночь на 5 мая: the night of May 4
        scale = _scale_after(text, end, lang)
        scaled = None
        if scale:
            scaled = frozenset(_r(v * scale[0]) for v in vals)
            vals |= scaled
            end = scale[1]
        mentions.append(
            Mention(
                m.start(),
                end,
                text[m.start() : end],
                frozenset(_r(v) for v in vals),
                scaled=scaled,
                soft=bool(_DISEASE_BEFORE.search(text, max(0, m.start() - 16), m.start())),
            )  # fmt: skip
        )
        taken.append((m.start(), end))
    # before "two and a half", which would take the first words of "two and a half million"
    mentions.extend(_fractions_of_scale(text, lang, taken))
    mentions.extend(read_shares(text, lang, taken))
    for m in _ROMAN_CENTURY.finditer(text):
        value = _roman(m.group(1))
        if value:
            century = Mention(m.start(1), m.end(1), m.group(1), frozenset({float(value)}))
            for decade in (mentions[k] for k in decades):
                # ХХ ғасырдың 90-жылдары, 90-х годов XIX века: one decade, "the 1990s", "1880s"
                if abs(decade.start - century.end) < 30 or abs(century.start - decade.end) < 30:
                    century.soft = True
                    tens = {v for v in decade.values if v < 100}  # not 1980 for XIX века
                    years = {100 * (value - 1) + v for v in tens}
                    decade.values = frozenset(years | (tens if value == 20 else set()))
            mentions.append(century)
            taken.append((m.start(1), m.end(1)))
    mentions.extend(_word_mentions(text, lang, taken))
    mentions.sort(key=lambda x: x.start)
    mentions = join_scales(text, mentions)
    range_scales(text, mentions)
    if lang == "ru":
        mentions = and_a_half(text, mentions)
    mentions = add_units(text, mentions, lang)
    if lang == "en":
        one_in_n(text, mentions)
    soften_idioms(text, lang, mentions)
    # A number too long for a float (310 digits and more reads as infinity) is not compared:
    # it would break every reading of its value that needs a whole number.
    return [m for m in mentions if all(math.isfinite(v) for v in m.values)]


# A decade after its figure: 90-е, 90-х, 70-80-е, 90-жылдары, 90-шы жылдары; English "1990s".
_DECADE_AFTER = {False: r"-?[еех]\b|-х\b|-е\b|-жылдар|-(?:шы|ші)\s+жылдар|[-–]\d{2,4}-(?:[ех]\b|"
                        r"жылдар)", True: r"['’]?s\b"}
# "в ночь на 5 мая" is the night of May 4 to 5, which English may date by either day; Kazakh
# "5 мамырға қараған түні".
_NIGHT_BEFORE = regex.compile(r"ноч\w*\s+на\s+$", regex.IGNORECASE)
_NIGHT_AFTER_KK = regex.compile(r"\s+\p{L}+[ғгқк][аеә]\s+қараған\s+түн", regex.IGNORECASE)
# "скончался на 93-м году жизни": in the 93rd year of life, aged 92.
_YEAR_OF_LIFE = regex.compile(r"-?[а-я]{0,2}\s+году\s+жизни", regex.IGNORECASE)
# A span of years written short, "2019-20" (2019–2020 годы): the two digits are 2020 too.
_YEAR_RANGE_BEFORE = regex.compile(r"\b((?:19|20)\d\d)\s?[-–/]\s?$")

# Fractions of a scale word: half a million, a quarter of a billion, two and a half million;
# полмиллиона, четверть миллиарда, два с половиной миллиона; жарты миллион. Read word by word
# they were "a million" (1e6) against nothing, or четверть (a soft 4) times a million.
_FRACTION_OF_SCALE = {
    "en": regex.compile(
        # spaces or hyphens between the words: half a million, a half-a-million-euro yacht
        r"\b(?:(?P<n>one|a|two|three|four|five|six|seven|eight|nine|ten)[\s-]+and[\s-]+a[\s-]+half"
        r"|(?P<f>" + "|".join(sorted(FRACTIONS_EN, key=len, reverse=True)) + r"))"
        r"[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?(?P<s>thousand|million|billion|trillion)s?\b", regex.I),
    "ru": regex.compile(
        r"(?<!\p{L})(?:(?P<n>\p{L}+)\s+с\s+половиной\s+"
        r"|(?P<f>" + "|".join(sorted(FRACTIONS_RU, key=len, reverse=True)) + r")\s*)"
        r"(?P<s>тысяч|миллион|миллиард|триллион|мың)\p{L}*", regex.I),
}
_FRACTION_OF_SCALE["kk"] = _FRACTION_OF_SCALE["ru"]


def _fractions_of_scale(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Firm mentions of a fraction of a scale word (see :data:`_FRACTION_OF_SCALE`)."""
    out = []
    for m in _FRACTION_OF_SCALE[lang].finditer(text):
        if taken.covers(m.start()):
            continue
        scale = SCALE_WORDS[m.group("s").lower()]
        if m.group("f"):
            fraction = (FRACTIONS_EN if lang == "en" else FRACTIONS_RU)[
                regex.sub(r"\s+", " ", m.group("f").lower())]
            if lang != "en" and fraction == 0.5 and m.group("f").lower() in ("пол", "полу") and (
                    m.start("s") != m.end("f")):  # fmt: skip
                continue  # "пол" is a prefix (полмиллиона), not a word of its own
        else:
            whole = m.group("n").lower()
            if lang == "en":
                base = 1.0 if whole in ("a", "one") else WORDS_EN.get(whole)
            else:
                base = _word_value(whole, lang)[0]
                base = 1.0 if base is None and whole in ONE_WORDS else base
            if base is None:
                continue
            fraction = base + 0.5
        value = frozenset({_r(fraction * scale)})
        out.append(Mention(m.start(), m.end(), m.group(), value, word=True, scaled=value))
        taken.append((m.start(), m.end()))
    return out


# Centuries are often typed with the Cyrillic look-alikes Х and І (ХХ ғасыр, ХIХ век).
_ROMAN_CENTURY = regex.compile(r"\b([IVXLХІ]{1,6})(?:[-–]\w+)?\s+(?:век\w*|в\.|ғасыр\w*|century)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "Х": 10, "І": 1}


def _roman(s: str) -> int:
    """Value of a Roman numeral (XIX -> 19), 0 when it is not a well-formed small one."""
    total = 0
    for k, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(s) and _ROMAN[s[k + 1]] > v else v
    return total if 0 < total < 40 else 0
