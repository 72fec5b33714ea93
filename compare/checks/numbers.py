"""The number check: every number in the source must reappear in the English, and vice versa.

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
year; a number word that counts an enumeration on the other side ("Three men, aged 33, 34 and
39") is said by it. Measures in different units of one dimension match only after conversion
(до 25 см ~ up to 10 inches, never the "10" of another measure), and measures in the same unit
must agree exactly; a bare "градусов" / "degrees" may be either temperature scale (27 градусов ~
80 degrees). Two soft mentions never pair with each other.

An English number word that opens a hyphenated compound adjective (three-way, five-year,
two-storey, three-dimensional; capitalised in a product title too: Three-Way Mechanism) is soft
as well: Russian writes these as one word with a numeral stem (трёхходовой, пятилетний,
двухэтажный, read softly above) or as a plain adjective (объёмный "three-dimensional"). Number
words joined to each other (twenty-five) stay firm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.flags import Flag
from compare.lang.number_words import FRACTIONS_EN, FRACTIONS_RU, SCALE_WORDS

_SEP = "[ \u00a0\u202f\u2009']"
_NUM = regex.compile(
    rf"(?:(?<![\p{{L}}\d.,])|(?<=(?<!\p{{L}})(?:pp?|No|№))|(?<=\d[xх×]))"
    rf"(?P<num>\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?"  # 1 000 000 / 1 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000,000.5
    r"|\d{1,3}(?:\.\d{3}){2,}"  # 1.000.000
    r"|\d+(?:[.,]\d+)?)"  # 2011, 3,5, 3.5
    r"(?![\d])"
)
_TIME = regex.compile(r"(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])")
_TIME_EN_DOT = regex.compile(r"(?<![\d.,:])(\d{1,2})\.(\d{2})(?=\s?[ap]\.?m\b)", regex.I)
_DATE = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.]\d)")

# Scale words right after a number (or a number word).
_SCALE_RU = {
    "тыс": 1e3, "тысяч": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысячу": 1e3, "тысячами": 1e3,
    "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "миллионам": 1e6,
    "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
    "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
    # "шесть десятков" = sixty; a bare "десятки" stays vague (soft 10, below)
    "десяток": 10, "десятка": 10, "десятков": 10, "десятках": 10, "десятки": 10,
    "десятками": 10,
    # Kazakh
    "мың": 1e3, "миллионға": 1e6, "миллиардқа": 1e9,
}  # fmt: skip
_SCALE_EN = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

# Written-out numbers. Russian forms are matched by stem over their case forms.
_WORDS_RU: tuple[tuple[str, float], ...] = (
    (r"нол[ья]|нул[ья]", 0), (r"два|две|двух|двум|двумя", 2), (r"три|тр[её]х|тр[её]м|тремя", 3),
    (r"четыре|четыр[её]х|четыр[её]м|четырьмя", 4), (r"пять|пяти|пятью", 5),
    (r"шесть|шести|шестью", 6), (r"семь|семи", 7), (r"восемь|восьми|восемью", 8),
    (r"девять|девяти|девятью", 9), (r"десять|десяти|десятью", 10),
    (r"одиннадцат[ьи]", 11), (r"двенадцат[ьи]", 12), (r"тринадцат[ьи]", 13),
    (r"четырнадцат[ьи]", 14), (r"пятнадцат[ьи]", 15), (r"шестнадцат[ьи]", 16),
    (r"семнадцат[ьи]", 17), (r"восемнадцат[ьи]", 18), (r"девятнадцат[ьи]", 19),
    (r"двадцат[ьи]|двадцатью", 20), (r"тридцат[ьи]|тридцатью", 30), (r"сорок|сорока", 40),
    (r"пятьдесят|пятидесяти", 50), (r"шестьдесят|шестидесяти", 60),
    (r"семьдесят|семидесяти", 70), (r"восемьдесят|восьмидесяти", 80),
    (r"девяносто|девяноста", 90), (r"сто|ста", 100), (r"двести|двухсот", 200),
    (r"триста|трехсот|трёхсот", 300), (r"четыреста|четырехсот|четырёхсот", 400),
    (r"пятьсот|пятисот", 500), (r"шестьсот|шестисот", 600), (r"семьсот|семисот", 700),
    (r"восемьсот|восьмисот", 800), (r"девятьсот|девятисот", 900),
    (r"полтора|полторы", 1.5), (r"двое|двоих|двоим", 2), (r"трое|троих|троим", 3),
    (r"четверо|четверых", 4), (r"пятеро|пятерых", 5), (r"шестеро|шестерых", 6),
    (r"семеро|семерых", 7), (r"восьмеро|восьмерых", 8), (r"десятеро|десятерых", 10),
)  # fmt: skip
_WORDS_KK: tuple[tuple[str, float], ...] = (
    # Kazakh bare forms only (suffixed forms are too easily confused with other words); екі is
    # soft below: екі есе (double), екі жақ (both sides), сол екі арада (meanwhile).
    (r"үш", 3), (r"төрт", 4), (r"бес", 5), (r"алты", 6),
    (r"жеті", 7), (r"сегіз", 8), (r"тоғыз", 9), (r"жиырма", 20), (r"отыз", 30),
    (r"қырық", 40), (r"елу", 50), (r"алпыс", 60), (r"жетпіс", 70), (r"сексен", 80),
    (r"тоқсан", 90),
)  # fmt: skip
# Words that may stand for 2 without being a written number: never flagged, may match a 2.
# Words that may stand for a number without being one: never flagged, may match that number.
_SOFT_RU: tuple[tuple[str, float], ...] = (
    (r"об[аеи]|обоих|обеих|дважды|вдвое|двойн\w*|удво\w*|пар[аыу]", 2), (r"сут(ки|ок|кам)", 24),
    (r"тысяч[аиу]", 1000), (r"десятилети\w*", 10), (r"дюжин\w*", 12), (r"нул\w*", 0),
    (r"трижды|втрое", 3), (r"вчетверо", 4), (r"десятк\w*", 10), (r"семью", 7),
    (r"тройк\w*", 3), (r"четвер\w+", 4), (r"полд[её]н\w*|полудн\w*", 12), (r"полноч\w*", 0),
    # ordinals: второго типа -> type two
    (r"втор(?:ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)", 2), (r"трет(?:ий|ья|ье|ьего|ьему|ьим|ьем)", 3),
    (r"пят(?:ый|ая|ое|ого|ому|ым|ом|ую)", 5), (r"шест(?:ой|ая|ое|ого|ому|ым|ом|ую)", 6),
    (r"седьм(?:ой|ая|ое|ого|ому|ым|ом|ую)", 7), (r"восьм(?:ой|ая|ое|ого|ому|ым|ом|ую)", 8),
    (r"девят(?:ый|ая|ое|ого|ому|ым|ом|ую)", 9), (r"десят(?:ый|ая|ое|ого|ому|ым|ом|ую)", 10),
    # compounds: трехдневный, четырехдневная, двухметровый, пятикратный
    # полгода "six months", полчаса "thirty minutes", полвека, полсотни "fifty"
    (r"полгода|полугоди\w*", 6), (r"полчаса", 30), (r"полвека|полсотни", 50),
    (r"двух\w+|двое\w+", 2), (r"тр[её]х\w+", 3), (r"четыр[её]х\w+", 4), (r"пяти\w+", 5),
    (r"шести\w+", 6), (r"семи\w+", 7), (r"восьми\w+", 8), (r"девяти\w+", 9),
    (r"десяти\w+", 10),
)  # fmt: skip
_SOFT_KK: tuple[tuple[str, float], ...] = (
    (r"екі\w*|қос\w*", 2), (r"тәулік\w*", 24), (r"он\w*", 10), (r"жүз\w*", 100),
    # suffixed forms: үшеуі, төрттік, бесінші
    # collective numerals: екеуі "the two of them", үшеуін, алтауы, жетеуі
    (r"екеу\w*", 2), (r"алтау\w*", 6), (r"жетеу\w*", 7),
    (r"үш\w+", 3), (r"төрт\w+", 4), (r"бес\w+", 5), (r"алты\w+", 6), (r"жеті\w+", 7),
    (r"сегіз\w+", 8), (r"тоғыз\w+", 9), (r"жиырма\w+", 20), (r"отыз\w+", 30),
    # елуге толды "turned fifty"; тоқсан is also "a quarter of the year", soft either way
    (r"қырық\w+", 40), (r"елу\w+", 50), (r"алпыс\w+", 60), (r"жетпіс\w+", 70),
    (r"сексен\w+", 80), (r"тоқсан\w+", 90),
)  # fmt: skip
_SOFT_EN = {"both": 2, "double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "twice": 2,
            "fortnight": 2, "fortnights": 2, "halved": 2, "halving": 2, "halve": 2,
            "pair": 2, "couple": 2, "twin": 2, "twins": 2, "decade": 10, "dozen": 12,
            "thousand": 1000, "hundred": 100, "century": 100, "millennium": 1000,
            # times of day and decades of age (00:00 <- midnight, за пятьдесят <- in his fifties)
            "noon": 12, "midday": 12, "midnight": 0, "twenties": 20, "thirties": 30,
            "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
            "nineties": 90,
            # multiples: "tripled" <- втрое, в три раза, үш есе
            "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3,
            "threefold": 3, "quadruple": 4, "quadrupled": 4, "fourfold": 4, "tenfold": 10,
            # ordinals: Russian writes them as digits (на 1 этаже "on the first floor")
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_WORDS_EN: dict[str, float] = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "one"/"a"/"один" alone are soft mentions of 1; before a scale word they make a firm number.
_ONE = {"one", "a", "an", "один", "одна", "одно", "одну", "одного", "одной", "бір"}
_WORD_RE = regex.compile(r"\p{L}+")
_WORDS_RU_C = tuple((regex.compile(p), float(v)) for p, v in _WORDS_RU)
_WORDS_KK_C = tuple((regex.compile(p), float(v)) for p, v in _WORDS_KK)
_SOFT_RU_C = tuple((regex.compile(p), float(v)) for p, v in _SOFT_RU)
_SOFT_KK_C = tuple((regex.compile(p), float(v)) for p, v in _SOFT_KK)
_HEADING_BEFORE = regex.compile(r"(?:^|[:.!?\"“«(—–-])\s*$")

# Units, so that a converted measure (65 км ~ 40 miles) still counts as the same number.
# (pattern, dimension, factor to SI); speed before length so "км/ч" is not read as "км".
_UNITS: tuple[tuple[str, str, float], ...] = (
    (r"км/ч|км/сағ|km/h|kph|kmh|километр\w* в час|kilomet\w+ per hour", "speed", 1 / 3.6),
    (r"миль? в час|миля/сағ|mph|miles? per hour|miles? an hour", "speed", 0.44704),
    (r"км|километр\w*|km|kilomet\w+", "length", 1000.0),
    (r"см|сантиметр\w*|cm|centimet\w+", "length", 0.01),
    (r"мм|миллиметр\w*|mm|millimet\w+", "length", 0.001),
    (r"метр\w*|м|met(?:er|re)s?|m", "length", 1.0),
    (r"мил[ьяюие]\w*|mil(?:e|es)", "length", 1609.344),
    (r"фут\w*|feet|foot|ft", "length", 0.3048),
    (r"дюйм\w*|inch(?:es)?", "length", 0.0254),
    (r"ярд\w*|yards?", "length", 0.9144),
    (r"кг|килограмм\w*|kg|kilograms?|kilos?", "mass", 1.0),
    (r"фунт\w*|pounds?|lbs?", "mass", 0.45359),
    (r"тонн\w*|тонна\w*|tonnes?|tons?", "mass", 1000.0),
    # a bare "градусов" / "degrees" in weather news is Celsius in Russian and Kazakh and
    # often Fahrenheit in US English (27 градусов ~ 80 degrees): the scale is left open
    (r"°\s?C|градус\w* Цельси\w*|degrees? Celsius|°\s?F|degrees? Fahrenheit|°|градус\w*|"
     r"degrees?", "temp", 1.0),
)
_UNIT_RE = tuple(
    (regex.compile(rf"[\s\u00a0-]*(?:{p})(?![\p{{L}}])", regex.IGNORECASE), d, f)
    for p, d, f in _UNITS
)
_RANGE_GAP = regex.compile(r"\s*(?:[-–—]|до|to|and|or|или|и|–)\s*", regex.IGNORECASE)


@dataclass
class Mention:
    """One number as written: where it is, what it may mean, and whether it must be matched.

    ``measure`` is (dimension, values in SI units) when a unit follows the number.
    """

    start: int
    end: int
    text: str
    values: frozenset[float]
    soft: bool = False
    word: bool = False
    measure: tuple[str, frozenset[float]] | None = None
    scaled: frozenset[float] | None = None  # values after a scale word (2,5 млрд -> 2.5e9)
    unit: float | None = None  # the SI factor of the unit written after it (km: 1000)


class Taken(list):
    """Character spans already read as a number, with :meth:`covers` in logarithmic time: a
    text without full stops can hold thousands of numbers and words, and a linear scan per word
    made the check quadratic (issue 24)."""

    def __init__(self) -> None:
        super().__init__()
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._longest = 0

    def append(self, span: tuple[int, int]) -> None:  # type: ignore[override]
        import bisect

        super().append(span)
        index = bisect.bisect_right(self._starts, span[0])
        self._starts.insert(index, span[0])
        self._spans.insert(index, span)
        self._longest = max(self._longest, span[1] - span[0])

    def covers(self, pos: int) -> bool:
        """Whether a span holds ``pos`` (start <= pos < end)."""
        import bisect

        index = bisect.bisect_right(self._starts, pos) - 1
        while index >= 0 and self._starts[index] >= pos - self._longest:
            start, end = self._spans[index]
            if start <= pos < end:
                return True
            index -= 1
        return False


def _r(x: float) -> float:
    return round(x, 6)


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
    r"н|ын|ін|мен|бен|пен|дай|дей|тай|тей|дық|дік|тық|тік|ы|і"
)
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
        if w in _SCALE_EN and (len(w) > 3 or m.start(1) == 0 or w in ("bn", "mln", "trn")):
            return _SCALE_EN[w], end + m.end(1)
        return None
    if w in _SCALE_RU:
        return _SCALE_RU[w], end + m.end(1)
    for prefix, factor in _SCALE_PREFIX_RU:
        if w.startswith(prefix):
            return factor, end + m.end(1)
    return None


def _unit_after(text: str, end: int) -> tuple[str, float, int] | None:
    """The unit written right after ``end``: dimension, SI factor, and where it ends."""
    for pattern, dim, factor in _UNIT_RE:
        m = pattern.match(text, end)
        if m:
            return dim, factor, m.end()
    return None


@lru_cache(maxsize=65536)
def _word_value(w: str, lang: str) -> tuple[float | None, bool]:
    """Value of one number word in ``lang`` and whether it is soft (a "two" that may not be)."""
    lw = w.lower()
    if lang == "en":
        if lw in _WORDS_EN:
            return _WORDS_EN[lw], False
        return (float(_SOFT_EN[lw]), True) if lw in _SOFT_EN else (None, False)
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
        scales = {k: v for k, v in _SCALE_EN.items() if len(k) > 3}
        scales["hundred"] = 100.0
        return scales
    return dict(_SCALE_RU)


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
        if lang == "ru" and val == 0 and i > 0 and words[i - 1].group().lower() in ("с", "c"):
            soft = True  # "начать с нуля": "start from scratch", an idiom, not a zero
        if val is None and w not in _ONE:
            i += 1
            continue
        total = val if val is not None else 1.0
        start, end, j, scaled = m.start(), m.end(), i + 1, False
        while j < len(words) and text[end : words[j].start()].strip() in ("", "-", "and"):
            nxt = words[j].group().lower()
            nval, nsoft = _word_value(nxt, lang)
            factor = scales.get(nxt)
            if factor is None and lang == "kk":
                factor = _kk_scale(nxt)
            if factor is not None:
                total, scaled = total * factor, True
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
            elif nval is not None and not nsoft and val is not None and not soft:
                if not scaled and nval < total and total % 10 == 0:
                    total += nval
                elif scaled and nval < 100:
                    total += nval
                else:
                    break
            else:
                break
            end, j = words[j].end(), j + 1
        firm = (val is not None and not soft) or (scaled and w in _ONE)
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


def _en_compound(text: str, words: list, i: int) -> bool:
    """Whether English number word ``i`` opens a hyphenated compound with a non-number word
    (three-way, five-year), as opposed to standing alone or joining a number (twenty-five)."""
    end = words[i].end()
    if i + 1 >= len(words) or not regex.fullmatch(r"[-‑]", text[end : words[i + 1].start()]):
        return False
    nxt = words[i + 1].group().lower()
    return _word_value(nxt, "en")[0] is None and nxt not in _word_scales("en")


def _times(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Clock times (22:00, 7.55am): the hour may be written 12-hour on the other side."""
    pats = (_TIME, _TIME_EN_DOT) if lang == "en" else (_TIME,)
    out: list[Mention] = []
    for m in (m for p in pats for m in p.finditer(text)):
        h, mi = int(m.group(1)), int(m.group(2))
        if h > 24 or mi > 59 or taken.covers(m.start()):
            continue
        hv = {float(h)} | ({float(h - 12)} if h > 12 else set())
        out.append(Mention(m.start(1), m.end(1), m.group(1), frozenset(hv)))
        out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({float(mi)}), soft=mi == 0))
        taken.append((m.start(), m.end()))
    return out


def _dates(text: str, taken: Taken) -> list[Mention]:
    """Numeric dates (16.02.2020): day and year must match, the month number need not."""
    out: list[Mention] = []
    for m in _DATE.finditer(text):
        d, mo, y = (int(g) for g in m.groups())
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append(Mention(m.start(1), m.end(1), m.group(1), frozenset({float(d)})))
            out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({float(mo)}), soft=True))
            out.append(Mention(m.start(3), m.end(3), m.group(3), frozenset({float(y)})))
            taken.append((m.start(), m.end()))
    return out


def _add_units(text: str, mentions: list[Mention]) -> None:
    """Attach units; a range's first number takes the unit of its second (5–10 см)."""
    units: list[tuple[str, float, int] | None] = [_unit_after(text, m.end) for m in mentions]
    for k in range(len(mentions) - 2, -1, -1):
        nxt = mentions[k + 1]
        gap = text[mentions[k].end : nxt.start]
        if units[k] is None and units[k + 1] is not None and _RANGE_GAP.fullmatch(gap):
            units[k] = units[k + 1]
    for k, (m, u) in enumerate(zip(mentions, units, strict=True)):
        if u is None:
            continue
        dim, factor, _ = u
        m.measure = (dim, frozenset(v * factor for v in m.values))
        m.unit = factor
        # "6 метров (18 feet)": a conversion given in brackets adds no number of its own.
        if k > 0 and mentions[k - 1].measure and mentions[k - 1].measure[0] == dim:
            if regex.fullmatch(
                r"[^\d(]{0,12}\(\s*(?:около|about|approx\.?|~)?\s*",
                text[mentions[k - 1].end : m.start],
            ):
                m.soft = True


# The number of a disease or virus name (COVID-19, SARS-CoV-2, ковид-19): see the module comment.
_DISEASE_BEFORE = regex.compile(r"(?:covid|ковид|cov|сov)[-‑–]?\s?$", regex.IGNORECASE)


# Fashion season codes: SS19 (spring/summer 2019), AW20 / FW20 (autumn or fall/winter), PF21
# (pre-fall), RS22 (resort): the two digits are the year, which Russian and Kazakh write out.
_SEASON = regex.compile(r"\b(?:SS|AW|FW|PF|RS)(\d{2})\b")


def _seasons(text: str, taken: Taken) -> list[Mention]:
    out = []
    for m in _SEASON.finditer(text):
        year = float(m.group(1))
        out.append(Mention(m.start(1), m.end(1), m.group(), frozenset({year, 2000 + year})))
        taken.append((m.start(), m.end()))
    return out


def extract_numbers(text: str, lang: str) -> list[Mention]:
    """All number mentions of ``text`` (``lang`` "en", "ru" or "kk")."""
    taken = Taken()
    mentions = _dates(text, taken) + _times(text, lang, taken) + _seasons(text, taken)
    for m in _NUM.finditer(text):
        if taken.covers(m.start()):
            continue
        vals = _digit_values(m.group("num"), lang)
        end = m.end()
        if lang != "en" and regex.match(r"-?[еех]\b|-х\b|-е\b|-жылдар", text[end:]):
            vals |= {1900 + v for v in vals if v % 10 == 0 and v < 100}  # 30-е годы = 1930s
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
    if lang == "en":
        for m in _N_AND_A_HALF.finditer(text):
            if not taken.covers(m.start()):
                n = _WORDS_EN[m.group(1).lower()]
                mentions.append(Mention(m.start(), m.end(), m.group(), frozenset({n, n + 0.5}),
                                        word=True))  # fmt: skip
                taken.append((m.start(), m.end()))
        for pattern, value in ((_A_AND_A_HALF, 1.5), (_IN_HALF, 2.0)):
            for m in pattern.finditer(text):
                if not taken.covers(m.start()):
                    mentions.append(Mention(m.start(), m.end(), m.group(), frozenset({value}),
                                            soft=True))  # fmt: skip
                    taken.append((m.start(), m.end()))
    for m in _ROMAN_CENTURY.finditer(text):
        value = _roman(m.group(1))
        if value:
            mentions.append(Mention(m.start(1), m.end(1), m.group(1), frozenset({float(value)})))
            taken.append((m.start(1), m.end(1)))
    mentions.extend(_fractions_of_scale(text, lang, taken))
    mentions.extend(_word_mentions(text, lang, taken))
    mentions.sort(key=lambda x: x.start)
    _add_units(text, mentions)
    return mentions


# "a year and a half", "an hour and a half": полтора / бір жарым (1.5), said without a digit.
_A_AND_A_HALF = regex.compile(r"\b(?:a|an|one)\s+\p{L}+\s+and\s+a\s+half\b", regex.IGNORECASE)
# "two and a half": два с половиной (read as 2) or екі жарым (2.5); it may match either.
_N_AND_A_HALF = regex.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half\b", regex.IGNORECASE
)
# "cut in half": в два раза, екі есе (a factor of two).
_IN_HALF = regex.compile(r"\bin\s+half\b", regex.IGNORECASE)

# Fractions of a scale word: half a million, a quarter of a billion, two and a half million;
# полмиллиона, четверть миллиарда, два с половиной миллиона; жарты миллион. Read word by word
# they were "a million" (1e6) against nothing, or четверть (a soft 4) times a million.
_FRACTION_OF_SCALE = {
    "en": regex.compile(
        r"\b(?:(?P<n>one|a|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half"
        r"|(?P<f>" + "|".join(sorted(FRACTIONS_EN, key=len, reverse=True)) + r"))"
        r"\s+(?:of\s+)?(?:an?\s+)?(?P<s>thousand|million|billion|trillion)s?\b", regex.I),
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
            if lang != "en" and fraction == 0.5 and m.group("f").lower() == "пол" and (
                    m.start("s") != m.end("f")):  # fmt: skip
                continue  # "пол" is a prefix (полмиллиона), not a word of its own
        else:
            whole = m.group("n").lower()
            if lang == "en":
                base = 1.0 if whole in ("a", "one") else _WORDS_EN.get(whole)
            else:
                base = _word_value(whole, lang)[0]
                base = 1.0 if base is None and whole in _ONE else base
            if base is None:
                continue
            fraction = base + 0.5
        value = frozenset({_r(fraction * scale)})
        out.append(Mention(m.start(), m.end(), m.group(), value, word=True, scaled=value))
        taken.append((m.start(), m.end()))
    return out
_ROMAN_CENTURY = regex.compile(r"\b([IVXL]{1,6})(?:[-–]\w+)?\s+(?:век\w*|в\.|ғасыр\w*|century)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(s: str) -> int:
    """Value of a Roman numeral (XIX -> 19), 0 when it is not a well-formed small one."""
    total = 0
    for k, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(s) and _ROMAN[s[k + 1]] > v else v
    return total if 0 < total < 40 else 0


def _meet(a: Mention, b: Mention) -> bool:
    """Same number: a shared value, or the same measure within 10 % after unit conversion.

    When both sides wrote a scale (млрд, million), the scaled values must agree: 2,5 млрд is
    not 2.5 million even though both say 2.5.
    """
    if a.scaled is not None and b.scaled is not None:
        return bool(a.scaled & b.scaled)
    if (a.measure and b.measure and a.measure[0] == b.measure[0] != "temp"
            and a.unit != b.unit):  # fmt: skip
        # Different units of one dimension (10 см, 10 inches): only the converted measure
        # counts, so that "до 25 см" finds "10 inches" and not the "10" of another measure.
        return any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in a.measure[1]
                   for y in b.measure[1])  # fmt: skip
    if a.values & b.values:
        return True
    if a.measure and b.measure and a.measure[0] == b.measure[0] != "temp":
        return False  # the same unit on both sides: the values themselves must agree
    if a.measure and b.measure and a.measure[0] == b.measure[0] and a.measure[0] != "temp":
        return any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in a.measure[1]
                   for y in b.measure[1])  # fmt: skip
    if a.measure and b.measure and a.measure[0] == b.measure[0] == "temp":
        return any(abs(x * 9 / 5 + 32 - y) <= 1.5 or abs(y * 9 / 5 + 32 - x) <= 1.5
                   for x in a.values for y in b.values)  # fmt: skip
    return False


# Every source number is tried against every English one; a pair with more pairs of numbers
# than this (a table or a text without full stops) gets one notice instead (issue 24).
MAX_MENTION_PAIRS = 40_000


def match_mentions(src: list[Mention], tgt: list[Mention]) -> dict[int, int]:
    """Maximum bipartite matching of source to target mentions whose values meet (Kuhn)."""
    adj = [[j for j, t in enumerate(tgt) if _meet(s, t)] for s in src]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    # Firm-to-firm links first; Kuhn's augmenting paths never unmatch a matched mention, so a
    # soft "a" or "both" added in the second pass cannot steal a firm number's partner.
    full = adj
    adj = [[j for j in row if not (src[i].soft or tgt[j].soft)] for i, row in enumerate(full)]
    for i in range(len(src)):
        augment(i, set())
    # Second pass: a soft mention may take a firm partner, but two soft mentions never link:
    # neither would be flagged alone, and Kazakh "екі" taken by an English "both" would leave
    # the firm "two" of the same sentence unmatched.
    adj = [[j for j in row if not (src[i].soft and tgt[j].soft)] for i, row in enumerate(full)]
    for i in range(len(src)):
        if i not in owner.values():
            augment(i, set())
    return {i: j for j, i in owner.items()}


def _show(m: Mention) -> str:
    return m.text.strip()


@register
class NumberMismatch(PairCheck):
    """Flags numbers that differ between source and English, or appear on one side only.

    Catches changed digits, dropped or invented figures, wrong scale (млн vs billion), changed
    written-out numbers and changed growth multiples (втрое / doubled). Does not judge units,
    currency, ordinal words, or "one"/"a".
    """

    id = "number-mismatch"
    category = "number"
    severity = "critical"
    description = "A number in the English differs from the source or has no counterpart."

    def check_pair(self, ctx: CheckContext, pair: AlignedPair) -> list[Flag]:
        return self._pair(ctx, pair.source, pair.target)

    def _pair(self, ctx: CheckContext, s_idx: tuple[int, ...], t_idx: tuple[int, ...]) -> list:
        assert ctx.source is not None
        src = _side_mentions(ctx.source.text, ctx.source.sentences, s_idx, ctx.source.lang)
        tgt = _side_mentions(ctx.target.text, ctx.target.sentences, t_idx, "en")
        if len(src) * len(tgt) > MAX_MENTION_PAIRS and s_idx:
            first = ctx.source.sentences[s_idx[0]]
            return [self.flag(
                "source", first.start, first.start, f"Numbers were not compared in this pair: it "
                f"has {len(src):,} numbers in the source and {len(tgt):,} in the English, more "
                "than the number check matches in one pair (a text without full stops?).",
                {"over_budget": MAX_MENTION_PAIRS}, severity="minor",
            )]  # fmt: skip
        matched = match_mentions(src, tgt)
        used_t = set(matched.values())
        # "Three men, aged 33, 34 and 39" <- "мужчины в возрасте 33, 34 и 39 лет": a number word
        # that counts a list of numbers on the other side is said by the list.
        src_lists = _list_lengths(ctx.source.text, src)
        tgt_lists = _list_lengths(ctx.target.text, tgt)
        lost = [m for i, m in enumerate(src) if i not in matched and not m.soft
                and not (m.word and m.values & tgt_lists)]  # fmt: skip
        extra = [m for j, m in enumerate(tgt) if j not in used_t and not m.soft
                 and not (m.word and m.values & src_lists)]  # fmt: skip
        flags: list[Flag] = []
        for k, t in enumerate(extra):
            sev = "major" if t.word else self.severity
            if k < len(lost):
                s = lost[k]
                msg = f"The source says {_show(s)}, the English says {_show(t)}."
                ev = {"source": [_show(s)], "target": [_show(t)]}
            else:
                msg = f"The English has {_show(t)}, which is not in the source."
                ev = {"source": [], "target": [_show(t)]}
            flags.append(self.flag("target", t.start, t.end, msg, ev, severity=sev))
        for s in lost[len(extra) :]:
            sev = "major" if s.word else self.severity
            msg = f"The source has {_show(s)}, which is missing from the English."
            ev = {"source": [_show(s)], "target": []}
            flags.append(self.flag("source", s.start, s.end, msg, ev, severity=sev))
        flags += self._multiples(ctx, s_idx, t_idx, flags)
        return flags

    def _multiples(self, ctx: CheckContext, s_idx: tuple[int, ...], t_idx: tuple[int, ...],
                   flags: list[Flag]) -> list[Flag]:  # fmt: skip
        """A growth multiple that differs ("втрое" -> "doubled"): the words are soft mentions
        above, which never flag, so both sides' multiples are compared here."""
        assert ctx.source is not None
        src = _side_multiples(ctx.source.text, ctx.source.sentences, s_idx, ctx.source.lang)
        tgt = _side_multiples(ctx.target.text, ctx.target.sentences, t_idx, "en")
        if not src or not tgt or {v for *_, v in src} & {v for *_, v in tgt}:
            return []
        said_flagged = [(f.start, f.end) for f in flags if f.side == "source"]
        if any(a < end and start < b for start, end, _ in src for a, b in said_flagged):
            return []  # "үш есе" -> "doubled": the three is flagged already
        flagged = [(f.start, f.end) for f in flags if f.side == "target"]
        out = []
        for start, end, value in tgt:
            if any(a < end and start < b for a, b in flagged):
                continue
            said = ctx.source.text[src[0][0] : src[0][1]]
            written = ctx.target.text[start:end]
            out.append(self.flag(
                "target", start, end,
                f"The source says “{said}” (x{src[0][2]:g}), the English says “{written}” "
                f"(x{value:g}).",
                {"source": [said], "target": [written]}, severity="major",
            ))  # fmt: skip
        return out


# Growth multiples, which say a number in a word ("втрое", "tripled", "үш есе"); "twice" and
# "double" are left out (twice a week, a double agent), and so is "в три раза", whose three is a
# written number already.
_MULTIPLES: dict[str, tuple[tuple[regex.Pattern, float], ...]] = {
    lang: tuple((regex.compile(rf"\b(?:{p})\b", regex.IGNORECASE), v) for p, v in table)
    for lang, table in {
        "en": ((r"doubled|doubling|twofold|halved|halving", 2),
               (r"tripl(?:ed|ing)|trebl(?:ed|ing)|threefold", 3),
               (r"quadrupl(?:ed|ing)|fourfold", 4), (r"fivefold", 5), (r"tenfold", 10)),
        "ru": ((r"вдвое|удво\w*|двукратн\w*", 2),
               (r"втрое|утро(?:и|ен|ени)\w*|тр[её]хкратн\w*", 3),
               (r"вчетверо|учетвер\w*|четыр[её]хкратн\w*", 4), (r"впятеро|пятикратн\w*", 5),
               (r"вдесятеро|десятикратн\w*", 10)),
        "kk": ((r"екі\s+есе\w*", 2), (r"үш\s+есе\w*", 3), (r"төрт\s+есе\w*", 4),
               (r"бес\s+есе\w*", 5), (r"он\s+есе\w*", 10)),
    }.items()
}  # fmt: skip


def _side_multiples(
    text: str, sentences: list, idx: tuple[int, ...], lang: str
) -> list[tuple[int, int, float]]:
    """(start, end, factor) of each growth multiple in the given sentences."""
    out = []
    for i in idx:
        s = sentences[i]
        for pattern, value in _MULTIPLES.get(lang, ()):
            out += [(m.start(), m.end(), value) for m in pattern.finditer(text, s.start, s.end)]
    return sorted(out)


_LIST_COMMA = regex.compile(r"\s*,\s*")
_LIST_LAST = regex.compile(r"\s*,?\s*(?:and|or|и|или|және|мен|не)\s+", regex.IGNORECASE)


def _list_lengths(text: str, mentions: list[Mention]) -> frozenset[float]:
    """Lengths of the enumerations of digit numbers in ``mentions`` ("33, 34 and 39" is 3):
    numbers separated by commas, the last one after "and" / "или" / "және"."""
    lengths: set[float] = set()
    run = 1
    digits = [m for m in mentions if not m.word]
    for a, b in zip(digits, digits[1:], strict=False):
        gap = text[a.end : b.start]
        if _LIST_LAST.fullmatch(gap):
            lengths.add(float(run + 1))
            run = 1
        elif _LIST_COMMA.fullmatch(gap):
            run += 1
        else:
            run = 1
    return frozenset(lengths)


def _side_mentions(text: str, sentences: list, idx: tuple[int, ...], lang: str) -> list[Mention]:
    """Mentions of the given sentences, with offsets into the full text."""
    out: list[Mention] = []
    for i in idx:
        s = sentences[i]
        for m in extract_numbers(text[s.start : s.end], lang):
            m.start += s.start
            m.end += s.start
            out.append(m)
    return out
