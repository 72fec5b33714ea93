"""Shares, halves and other numbers said without a digit, for :mod:`compare.number_mentions`.

News writes one share in several ways: "треть" / "a third" / "33 %", "три четверти" / "75 %",
"каждый пятый" / "one in five" / "20 %", "вдвое меньше" / "half as many". Each reading here is
a mention whose values hold every way the share may be written (the share, its percentage and,
for a numerator or an ordinal, that number too), so that the other side's notation meets it.
A bare share word is *soft* (it may satisfy a number, never demands one); a share with a
numerator written as a firm word (две трети, "two thirds") stays firm, as that word was.

Also here: the English halves and quarters of time and quantity (half an hour, a year and a
half, Q3), "три с половиной" (3.5), fractions in digits (2/3; "1/8 финала" is the last 16;
"17 1/2" and "14½" are 17.5 and 14.5), an age said as a decade ("in his 30s", от 30 до 40 лет), a
goalless draw (0:0 said as a word), phrases that say a number (a hat-trick, half a dozen, every
other year) and a sum in two scale words ("2 млн 300 тыс.", one number: 2.3 million).
"""

from __future__ import annotations

import regex

from compare.lang.number_words import (
    EVERY_NTH,
    GOALLESS,
    NUMERATORS_EN,
    NUMERATORS_KK,
    NUMERATORS_RU,
    ORDINAL_UNIT_VALUES,
    ORDINAL_UNITS,
    SHARES_EN,
    SHARES_KK,
    SHARES_RU,
    SOFT_PHRASES,
    WORDS_EN,
)
from compare.number_types import Mention, Taken, rounded

# A quarter or half of a year as business English writes it (Q3 2018, H1): soft, as the Russian
# ordinal is (третий квартал), so that it matches "3 квартал" and demands nothing itself.
_QUARTER_EN = regex.compile(r"\b[QH]([1-4])\b")
# "a year and a half", "an hour and a half": полтора / бір жарым (1.5), said without a digit.
_A_AND_A_HALF = regex.compile(r"\b(?:a|an|one)\s+(?:\p{L}+\s+)?and\s+a\s+half\b",
                              regex.IGNORECASE)  # fmt: skip
# "two and a half": два с половиной (read as 2) or екі жарым (2.5); it may match either.
_N_AND_A_HALF = regex.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half\b", regex.IGNORECASE
)
# "half a percentage point", "half an hour": 0,5 процентного пункта (полчаса is soft 30 anyway);
# after "half a million" and "a year and a half" have taken theirs.
_HALF_A = regex.compile(r"\bhalf\s+an?\b(?!\s+hour)", regex.IGNORECASE)
# "a quarter mile", "a quarter of an hour": 400 метров, 15 минут (soft, as четверть); 25 %.
_QUARTER_A = regex.compile(r"\ba\s+quarter(?:\s+of\s+an?)?\b(?!\s+of\b)", regex.IGNORECASE)
# "half of those polled", "cut by half": половина, вдвое, 50 %.
_HALF_OF = regex.compile(r"\bhalf\b(?=\s+(?:of|the|its|their|his|her|our|all)\b)|\bby\s+half\b",
                         regex.IGNORECASE)  # fmt: skip
# "half as many", "half as high": в два раза меньше, вдвое ниже, на 50 % меньше.
_HALF_AS = regex.compile(r"\bhalf\s+as\b", regex.IGNORECASE)
# "half an hour": 30 минут, полчаса.
_HALF_HOUR = regex.compile(r"\bhalf\s+an\s+hour\b", regex.IGNORECASE)
# "cut in half": в два раза, екі есе (a factor of two).
_IN_HALF = regex.compile(r"\bin\s+half\b(?!\s+an?\b)", regex.IGNORECASE)
_SOFT_EN = ((_HALF_HOUR, {0.5, 30.0}), (_A_AND_A_HALF, {1.5}), (_IN_HALF, {2.0}),
            (_HALF_A, {0.5}), (_QUARTER_A, {0.25, 25.0}), (_HALF_AS, {0.5, 2.0, 50.0}),
            (_HALF_OF, {0.5, 50.0}))  # fmt: skip

_SHARE = {
    "ru": regex.compile(
        r"(?<!\p{L})(?:(?P<n>" + "|".join(NUMERATORS_RU) + r")\s+)?(?P<f>"
        + "|".join(p for p, _ in SHARES_RU) + r")(?!\p{L})", regex.IGNORECASE),
    "kk": regex.compile(
        r"(?<!\p{L})(?:(?P<f>" + "|".join(k for k in SHARES_KK if k != "жартыс")
        + r")\s+(?P<n>" + "|".join(NUMERATORS_KK) + r")\p{L}*|(?P<half>жартыс\p{L}*))",
        regex.IGNORECASE),
    "en": regex.compile(
        r"\b(?:(?P<n>a|one)[\s-]+(?P<f>" + "|".join(SHARES_EN) + r")"
        r"|(?P<n2>two|three|four)(?P<gap>[\s-]+)(?P<f2>" + "|".join(SHARES_EN) + r")s)\b",
        regex.IGNORECASE),
}  # fmt: skip
_SHARES_RU_C = tuple((regex.compile(p, regex.IGNORECASE), v) for p, v in SHARES_RU)
_EVERY_NTH = {lang: regex.compile(rf"(?<!\p{{L}})(?:{EVERY_NTH})\s+(?P<o>{ORDINAL_UNITS[lang]})"
                                  r"(?!\p{L})", regex.IGNORECASE) for lang in ("ru", "kk")}
_IN = regex.compile(r"\s+(?:in|out\s+of)\s+", regex.IGNORECASE)
_ONE_IN = regex.compile(r"\b(?:one|1)\s+(?:in|out\s+of)\s+$", regex.IGNORECASE)
_PHRASES = {lang: tuple((regex.compile(rf"(?<!\p{{L}})(?:{p})(?!\p{{L}})", regex.IGNORECASE), v)
                        for p, v in table) for lang, table in SOFT_PHRASES.items()}  # fmt: skip
# A round of a knockout said as a fraction of the final: 1/8 финала is "the last 16", "the round
# of 16"; 1/4 финала the quarterfinals (soft: English may say no number at all).
_ROUND_OF = regex.compile(r"(?<![\d/.,])1/(\d{1,2})(?=\s+финал)", regex.IGNORECASE)
# A fraction in digits, 2/3 or 3/4 (две трети, "two-thirds", 67 %): one number, not two.
_DIGIT_SHARE = regex.compile(r"(?<![\d/.,:])([1-9])/([2-9]|10)(?![\d/]|[.,]\d)")
# A whole number and a fraction, as English writes a half point (the Ryder Cup "17 1/2 to 10
# 1/2", "14½ points"; Russian 17,5): one number.
_MIXED = regex.compile(r"(?<![\d/.,:])(\d{1,3})(?:\s(1/2|1/4|3/4)(?![\d/]|[.,]\d)|([½¼¾]))")
_MIXED_PART = {"1/2": 0.5, "1/4": 0.25, "3/4": 0.75, "½": 0.5, "¼": 0.25, "¾": 0.75}
# An age said as a decade, "a man in his 30s", which Russian and Kazakh may write as a span
# ("от 30 до 40 лет", "30 бен 40 аралығындағы"): the decade's end is a soft second number.
_AGE_DECADE = regex.compile(r"\bin\s+(?:his|her|their)\s+(?:early\s+)?([1-9])0(s)\b", regex.I)
# "три с половиной года", "3 с половиной" is 3.5 ("three and a half", 3,5).
_AND_A_HALF_RU = regex.compile(r"\s+с\s+половиной\b", regex.IGNORECASE)
_GOALLESS = {k: regex.compile(rf"(?<!\p{{L}})(?:{p})(?!\p{{L}})", regex.IGNORECASE)
             for k, p in GOALLESS.items()}  # fmt: skip


def _share_values(numerator: float, denominator: float) -> frozenset[float]:
    """Every way a share is written: 2/3 is 0.667, 67 %, 66.7 % (and the 2 of "две трети"; a
    numerator of one is no number the other side must write)."""
    pct = 100 * numerator / denominator
    values = {rounded(numerator / denominator), float(round(pct)), round(pct, 1)}
    return frozenset(values | ({numerator} if numerator > 1 else set()))


def _take(m: Mention, taken: Taken, out: list[Mention]) -> None:
    out.append(m)
    taken.append((m.start, m.end))


def read_shares(text: str, lang: str, taken: Taken) -> list[Mention]:
    """Mentions of shares, halves and goalless draws not yet ``taken`` (see the module
    comment); English halves and quarters of time first, so that "a quarter of an hour" is 15
    minutes and not a share."""
    out: list[Mention] = []
    for pattern, value in _PHRASES.get(lang, ()):
        for m in pattern.finditer(text):
            if not taken.covers(m.start()):
                values = value if isinstance(value, tuple) else (value,)
                _take(Mention(m.start(), m.end(), m.group(), frozenset(map(float, values)),
                              soft=True, word=True), taken, out)  # fmt: skip
    if lang == "en":
        for m in _N_AND_A_HALF.finditer(text):
            if not taken.covers(m.start()):
                n = WORDS_EN[m.group(1).lower()]
                _take(Mention(m.start(), m.end(), m.group(), frozenset({n, n + 0.5}), word=True),
                      taken, out)  # fmt: skip
        for m in _AGE_DECADE.finditer(text):
            end = 10.0 * int(m.group(1)) + 10
            out.append(Mention(m.start(2), m.end(2), m.group(2), frozenset({end, end - 1}),
                               soft=True))  # fmt: skip
        for m in _QUARTER_EN.finditer(text):  # Q3: третий квартал, 3-й квартал; H1: полугодие
            if not taken.covers(m.start()):
                _take(Mention(m.start(), m.end(), m.group(), frozenset({float(m.group(1))}),
                              soft=True), taken, out)  # fmt: skip
        for pattern, values in _SOFT_EN:
            for m in pattern.finditer(text):
                if not taken.covers(m.start()):
                    _take(Mention(m.start(), m.end(), m.group(), frozenset(values), soft=True),
                          taken, out)  # fmt: skip
    for m in _GOALLESS[lang].finditer(text):
        if not taken.covers(m.start()):  # 0:0 has two zeros: one mention for each
            out.append(Mention(m.start(), m.end(), m.group(), frozenset({0.0}), soft=True))
            _take(Mention(m.start(), m.end(), m.group(), frozenset({0.0}), soft=True), taken, out)
    for m in _SHARE[lang].finditer(text):
        if taken.covers(m.start()):
            continue
        mention = _share(m, lang)
        if mention is not None:
            _take(mention, taken, out)
    if lang in _EVERY_NTH:
        for m in _EVERY_NTH[lang].finditer(text):
            if taken.covers(m.start("o")):
                continue
            word = m.group("o").lower()
            n = next(v for k, v in ORDINAL_UNIT_VALUES.items() if word.startswith(k))
            # каждый пятый: the ordinal (5) and its share (20 %); soft, as an ordinal is
            _take(Mention(m.start("o"), m.end("o"), m.group("o"),
                          _share_values(1, n) | {float(n)}, soft=True, word=True), taken, out)
    return out


def read_digit_shares(text: str, taken: Taken) -> list[Mention]:
    """Fractions in digits, read before the digits themselves: "1/8 финала" (the last 16) and
    2/3, 3/4 (see :data:`_ROUND_OF`, :data:`_DIGIT_SHARE`)."""
    out: list[Mention] = []
    for m in _MIXED.finditer(text):
        if not taken.covers(m.start()):
            value = int(m.group(1)) + _MIXED_PART[m.group(2) or m.group(3)]
            _take(Mention(m.start(), m.end(), m.group(), frozenset({value})), taken, out)
    for m in _ROUND_OF.finditer(text):
        if not taken.covers(m.start()):
            teams = 2.0 * int(m.group(1))
            _take(Mention(m.start(), m.end(), m.group(), frozenset({teams}), soft=True), taken,
                  out)  # fmt: skip
    for m in _DIGIT_SHARE.finditer(text):
        n, d = int(m.group(1)), int(m.group(2))
        if n < d and not taken.covers(m.start()):
            _take(Mention(m.start(), m.end(), m.group(), _share_values(n, d)), taken, out)
    return out


def and_a_half(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "три с половиной", "3 с половиной" is 3.5 as well: the number takes the half, and the
    share mention of "половиной" goes."""
    out: list[Mention] = []
    for m in mentions:
        if out and m.soft and m.start >= out[-1].end and _AND_A_HALF_RU.fullmatch(
                text, out[-1].end, m.end):  # fmt: skip
            last = out[-1]
            last.values = last.values | {v + 0.5 for v in last.values}
            last.end, last.text = m.end, text[last.start : m.end]
            continue
        out.append(m)
    return out


def _share(m: regex.Match, lang: str) -> Mention | None:
    """The mention of one share matched by :data:`_SHARE`."""
    if lang == "en":
        if m.group("n"):
            d, n = SHARES_EN[m.group("f").lower()], 1.0
            # "a third" may also be an ordinal ("for a third time": в третий раз)
            values = _share_values(n, d) | {float(d)}
            return Mention(m.start(), m.end(), m.group(), values, soft=True, word=True)
        d, n = SHARES_EN[m.group("f2").lower()], float(NUMERATORS_EN[m.group("n2").lower()])
        # "two-thirds" was read as a compound adjective (soft), "two thirds" as a firm two
        return Mention(m.start(), m.end(), m.group(), _share_values(n, d),
                       soft="-" in m.group("gap"), word=True)  # fmt: skip
    if lang == "kk":
        if m.group("half"):
            return Mention(m.start(), m.end(), m.group(), _share_values(1, 2), soft=True,
                           word=True)  # fmt: skip
        d = float(SHARES_KK[m.group("f").lower()])
        n = float(NUMERATORS_KK[m.group("n").lower()])
        if n >= d:
            return None  # үштен үш: not a share
        return Mention(m.start(), m.end(), m.group(), _share_values(n, d) | {d}, soft=True,
                       word=True)  # fmt: skip
    fraction = m.group("f").lower()
    share = next(v for p, v in _SHARES_RU_C if p.fullmatch(fraction))
    if m.group("n"):  # две трети: as firm as the две it holds
        n = float(NUMERATORS_RU[m.group("n").lower()])
        return Mention(m.start(), m.end(), m.group(), _share_values(n, round(1 / share)),
                       word=True)  # fmt: skip
    return Mention(m.start(), m.end(), m.group(), _share_values(1, round(1 / share)), soft=True,
                   word=True)  # fmt: skip


def one_in_n(text: str, mentions: list[Mention]) -> None:
    """ "One in five" is 20 % as well (каждый пятый, 20 % россиян): the five takes its share.
    "Nine in 10", "two out of three": the second number takes the share (90 %, 67 %) and the
    first, which a percentage does not write, turns soft (девять из десяти still finds it)."""
    for k, m in enumerate(mentions):
        if len(m.values) != 1:
            continue
        (d,) = m.values
        if d < 2:
            continue
        if _ONE_IN.search(text, max(0, m.start - 12), m.start):
            m.values = m.values | _share_values(1, d)
        elif (k > 0 and len(mentions[k - 1].values) == 1 and m.measure is None
              and mentions[k - 1].measure is None  # "5 in 10 minutes" is no share
              and _IN.fullmatch(text, mentions[k - 1].end, m.start)):  # fmt: skip
            (n,) = mentions[k - 1].values
            if 1 < n < d:
                m.values = m.values | _share_values(n, d) - {n}
                mentions[k - 1].soft = True


def join_scales(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "2 млн 300 тыс." is one number, 2.3 million, as English writes it: a scaled number
    followed by a smaller scaled one that fills it is joined to it (in English too: "2 trillion
    784 billion")."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.scaled and m.scaled and not prev.word and not m.word
                and len(prev.scaled) == 1 and len(m.scaled) == 1
                and regex.fullmatch(r"[\s\u00a0]+", text[prev.end : m.start])):  # fmt: skip
            (big,), (small,) = prev.scaled, m.scaled
            raw = min(prev.values - prev.scaled, default=None)
            if raw and small < big / raw:  # 300 тыс. < 1 млн: it fills the millions
                total = frozenset({rounded(big + small)})
                prev.end, prev.text = m.end, text[prev.start : m.end]
                prev.values, prev.scaled = total, total
                continue
        out.append(m)
    return out


# "two or three hundred", "three, four hundred", "five to six thousand": the first figure of a
# spoken range shares the scale word of the second (200–300, 300–400 in a subtitle).
_RANGE_SCALE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "тысяч": 1e3, "тысячи": 1e3, "миллиона": 1e6, "миллионов": 1e6,
                "миллиарда": 1e9, "миллиардов": 1e9}  # fmt: skip
_RANGE_BETWEEN = regex.compile(r"\s*(?:,|or|to|или|[-–—])\s*", regex.IGNORECASE)


def range_scales(text: str, mentions: list[Mention]) -> None:
    """Give the first figure of a spoken range the scale of the second, in place."""
    for first, second in zip(mentions, mentions[1:], strict=False):
        words = second.text.split()
        factor = _RANGE_SCALE.get(words[-1].lower()) if words else None
        if (factor is None or len(first.values) != 1 or len(second.values) != 1
                or not _RANGE_BETWEEN.fullmatch(text[first.end : second.start])):  # fmt: skip
            continue
        (low,), (high,) = first.values, second.values
        if 0 < low < high / factor < 1000 and low == int(low):
            first.values = first.values | {rounded(low * factor)}
