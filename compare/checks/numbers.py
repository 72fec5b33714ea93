"""The number check: every number in the source must reappear in the English, and vice versa.

Each side's numbers are read as mentions (:mod:`compare.number_mentions`: a span and the set of
values it may stand for, soft or firm; the reading conventions are listed there). Mentions
match when their value sets meet, found by a maximum bipartite matching in which two soft
mentions never pair; measures in different units of one dimension match only after conversion
(до 25 см ~ up to 10 inches, never the "10" of another measure), and measures in the same unit
must agree exactly; when both sides wrote a scale word, the scaled values must agree. A firm
mention left unmatched is flagged, and so is a growth multiple that differs (втрое ->
"doubled"); a growth or a fall said as a percentage on one side and as a multiple on the other
is one number ("снизились на 50 %" / "halved"). A number word that counts an enumeration on
the other side ("Three men, aged 33, 34 and 39") is said by it.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext, PairCheck, register
from compare.flags import Flag
from compare.lang.number_words import FALL_WORDS, MORE_AFTER_EN
from compare.number_mentions import Mention, extract_numbers
from compare.number_ordinals import ordinal_swap
from compare.number_rates import rate_swaps

CONVERSION_TOLERANCE = 0.1
"""Two measures in different units of one dimension are one measure within this share after
conversion (25 см ~ 10 inches)."""
HEDGED_CONVERSION_TOLERANCE = 0.15
"""... and within this share of the smaller figure when either side hedges it ("около 2 кг" ~
"about five pounds", 2.27 kg; "около 100 км" ~ "about 70 miles", 113 km): a translator
converting an approximate measure rounds it to a figure a reader expects, and the hedge says
the figure is not exact. Not wider: "up to 5 inches" (12.7 cm) against "до 15 см" is a changed
figure (a synthetic dev error that 25 % let through), though "over half an inch" against "до
1,5 см" (18 %) is a professional rounding that stays flagged."""


def _meet(a: Mention, b: Mention, hedged: bool = False) -> bool:
    """Same number: a shared value, or the same measure within 10 % after unit conversion (15 %
    of the smaller where either side is ``hedged``, see :data:`HEDGED_CONVERSION_TOLERANCE`).

    When both sides wrote a scale (млрд, million), the scaled values must agree: 2,5 млрд is
    not 2.5 million even though both say 2.5 (after conversion, for measures in two units).
    """
    if a.measure and b.measure and "tdelta" in (a.measure[0], b.measure[0]) and (
            {a.measure[0], b.measure[0]} <= {"temp", "tdelta"}):
        # a temperature difference: 20 °F warmer is 11 °C warmer (a reading as a temperature,
        # 27 градусов ~ 80 degrees, still counts where the difference was misread)
        return bool(a.values & b.values) or any(
            _fahrenheit_difference(x, y) or _fahrenheit_difference(y, x)
            or _celsius_fahrenheit(x, y) or _celsius_fahrenheit(y, x)
            for x in a.values for y in b.values)  # fmt: skip
    if (a.measure and b.measure and a.measure[0] == b.measure[0] != "temp"
            and a.unit != b.unit):  # fmt: skip
        # Different units of one dimension (10 см, 10 inches): only the converted measure
        # counts, so that "до 25 см" finds "10 inches" and not the "10" of another measure;
        # scaled where both wrote a scale ("100 тыс. кв. м" ~ "1 million square feet").
        xs, ys = a.measure[1], b.measure[1]
        if a.scaled is not None and b.scaled is not None and a.unit and b.unit:
            xs = frozenset(v * a.unit for v in a.scaled)
            ys = frozenset(v * b.unit for v in b.scaled)
        return any(abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))
                   or (hedged and abs(x - y) <= HEDGED_CONVERSION_TOLERANCE * min(abs(x), abs(y)))
                   for x in xs for y in ys)  # fmt: skip
    if a.scaled is not None and b.scaled is not None:
        return bool(a.scaled & b.scaled)
    if a.values & b.values:
        return True
    if _rounded(a, b, hedged):
        return True
    if a.measure and b.measure and a.measure[0] == b.measure[0] != "temp":
        return False  # the same unit on both sides: the values themselves must agree
    if a.measure and b.measure and a.measure[0] == b.measure[0] and a.measure[0] != "temp":
        return any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in a.measure[1]
                   for y in b.measure[1])  # fmt: skip
    if a.measure and b.measure and a.measure[0] == b.measure[0] == "temp":
        return any(_celsius_fahrenheit(x, y) or _celsius_fahrenheit(y, x)
                   for x in a.values for y in b.values)  # fmt: skip
    return False


ROUNDED_DIGITS = 2
"""How many significant digits the English figure must have fewer than the source's to read as
the source's figure rounded (:func:`_rounded`)."""


def _digits(value: float) -> tuple[int, int]:
    """Significant digits of ``value`` as written, and the power of ten of the last of them:
    1234567 -> (7, 0), 1.2 million -> (2, 5), 400 -> (1, 2)."""
    shown = Decimal(repr(abs(value))).normalize().as_tuple()
    return len(shown.digits), int(shown.exponent)


def _rounded(source: Mention, english: Mention, hedged: bool) -> bool:
    """The English rounds the source's figure: "1 234 567 человек" / "about 1.2 million people",
    "385 жертв" / "some 400 victims". The English figure must say it is round, by a hedge
    (``hedged``, :func:`hedged_mentions`) or a scale word (1.2 million), have at least
    :data:`ROUNDED_DIGITS` significant digits fewer than the source's, and lie within half a
    unit of its last digit. One way only: an English figure more exact than the source's is an
    addition, and a digit changed in a figure still differs (1.3 million is not 1 234 567;
    "about 409" is as exact as 385). Measures in two units are the conversion's business."""
    if source.soft or english.soft or not (hedged or english.scaled is not None):
        return False
    if (source.measure or english.measure) and not (
            source.measure and english.measure and source.unit == english.unit):
        return False
    for x in source.scaled or source.values:
        x_digits, _ = _digits(x)
        for y in english.scaled or english.values:
            if x <= 0 or y <= 0:
                continue
            y_digits, last = _digits(y)
            if y_digits + ROUNDED_DIGITS <= x_digits and abs(x - y) <= 0.5 * 10.0**last:
                return True
    return False


def _celsius_fahrenheit(celsius: float, fahrenheit: float) -> bool:
    """The same temperature: within 1.5 °F, or within 4.6 °F of a Celsius figure rounded to
    five, as news rounds a converted one ("около 25 градусов" for "near 80 degrees")."""
    allowed = 4.6 if celsius % 5 == 0 else 1.5
    return abs(celsius * 9 / 5 + 32 - fahrenheit) <= allowed


def _fahrenheit_difference(celsius: float, fahrenheit: float) -> bool:
    """The same temperature difference: 5/9 of the Fahrenheit one, within a degree or 10 %, as
    a translator rounds it ("a 20-degree drop", на 11 градусов)."""
    return abs(fahrenheit * 5 / 9 - celsius) <= max(1.0, 0.1 * abs(celsius))


# Every source number is tried against every English one; a pair with more pairs of numbers
# than this (a table or a text without full stops) gets one notice instead (issue 24).
MAX_MENTION_PAIRS = 40_000


def match_mentions(src: list[Mention], tgt: list[Mention],
                   hedged: frozenset[int] = frozenset()) -> dict[int, int]:  # fmt: skip
    """Maximum bipartite matching of source to target mentions whose values meet (Kuhn);
    ``hedged`` holds the ``id`` of each mention written with a hedge (:func:`hedged_mentions`)."""
    adj = [[j for j, t in enumerate(tgt) if _meet(s, t, id(s) in hedged or id(t) in hedged)]
           for s in src]  # fmt: skip
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
    written-out numbers, changed growth multiples (втрое / doubled), a multiple said as a
    percentage (:mod:`compare.number_rates`) and a changed rank where both sides have an
    ordinal word (:mod:`compare.number_ordinals`). Currencies are the currency check's; "one"
    and "a" are not judged.
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
        # hedged figures: a converted measure may be rounded further, an exact one rounded
        hedged: frozenset[int] = frozenset()
        if src and tgt:
            hedged = (hedged_mentions(ctx.source.text, src, ctx.source.lang)
                      | hedged_mentions(ctx.target.text, tgt, "en"))  # fmt: skip
        matched = match_mentions(src, tgt, hedged)
        used_t = set(matched.values())
        # "Three men, aged 33, 34 and 39" <- "мужчины в возрасте 33, 34 и 39 лет": a number word
        # that counts a list of numbers on the other side is said by the list.
        src_lists = _list_lengths(ctx.source.text, src)
        tgt_lists = _list_lengths(ctx.target.text, tgt)
        lost = [m for i, m in enumerate(src) if i not in matched and not m.soft
                and not (m.word and m.values & tgt_lists)]  # fmt: skip
        extra = [m for j, m in enumerate(tgt) if j not in used_t and not m.soft
                 and not (m.word and m.values & src_lists)]  # fmt: skip
        if lost or extra:
            # "выросли на 100 %" -> "doubled", "в 1,5 раза" -> "by 50 %": one growth, two ways
            src_factors = _growth_factors(ctx.source.text, src, ctx.source.sentences, s_idx,
                                          ctx.source.lang)  # fmt: skip
            tgt_factors = _growth_factors(ctx.target.text, tgt, ctx.target.sentences, t_idx,
                                          "en")  # fmt: skip
            lost = [m for m in lost if not (src_factors.get(id(m), set()) & tgt_factors["all"])]
            extra = [m for m in extra
                     if not (tgt_factors.get(id(m), set()) & src_factors["all"])]  # fmt: skip
        flags: list[Flag] = []
        for k, t in enumerate(extra):
            sev = "major" if t.word else self.severity
            if k < len(lost):
                s = lost[k]
                said, written = _show(s), _show(t)
                if said == written and (s.unit_text or t.unit_text):
                    # "6 мм" / "6 cm": the same figure in another unit.
                    said = f"{said} {s.unit_text}".strip()
                    written = f"{written} {t.unit_text}".strip()
                msg = f"The source says {said}, the English says {written}."
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
        for s, s_end, t, t_end in rate_swaps(src, tgt, matched, ctx.source.text,
                                             ctx.target.text, ctx.source.lang):  # fmt: skip
            said, written = ctx.source.text[s.start : s_end], ctx.target.text[t.start : t_end]
            flags.append(self.flag(
                "target", t.start, t_end, f"The source says “{said}”, the English says "
                f"“{written}”: a multiple and a percentage.", {"source": [said],
                "target": [written]}, severity="major"))  # fmt: skip
        if not flags and (swap := ordinal_swap(src, tgt, ctx.source.lang)):
            said, written = (_show(m) for m in swap)
            flags.append(self.flag("target", swap[1].start, swap[1].end,
                                   f"The source says {said}, the English says {written}.",
                                   {"source": [said], "target": [written]}, severity="major"))
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


# Words that say a figure is approximate or a bound: before it, and in Kazakh after it too
# (postpositions: 2 келіге дейін "up to 2 kg", 5 шақырымнан астам "over 5 km").
_HEDGE_BEFORE = {
    "en": regex.compile(
        r"\b(?:about|around|roughly|approximately|approx\.|nearly|almost|some|over|under|"
        r"up\s+to|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|close\s+to|"
        r"upwards\s+of|just\s+(?:over|under)|as\s+(?:much|many|high|low)\s+as)\s+(?:an?\s+)?$",
        regex.IGNORECASE),
    "ru": regex.compile(
        r"\b(?:около|примерно|приблизительно|почти|порядка|до|более|свыше|больше|менее|меньше|"
        r"не\s+менее|не\s+более|не\s+больше|чуть|едва|под|от)\s+$",
        regex.IGNORECASE),
    "kk": regex.compile(r"\b(?:шамамен|шамасы|жуық|кем\s+дегенде|мөлшермен|таяу)\s+$",
                        regex.IGNORECASE),
}  # fmt: skip
_HEDGE_AFTER_KK = regex.compile(
    r"^\s*\S{0,20}?\s*(?:дейін|шейін|астам|аса|жуық|шақты|шамасында|шамалы)\b",
    regex.IGNORECASE)
_HEDGE_REACH = 30  # characters before a figure (and after it in Kazakh) read for a hedge


def hedged_mentions(text: str, mentions: list[Mention], lang: str) -> frozenset[int]:
    """The ``id`` of each mention whose figure a hedge qualifies (:data:`_HEDGE_BEFORE`): a
    converted measure may then be rounded further (:data:`HEDGED_CONVERSION_TOLERANCE`)."""
    before = _HEDGE_BEFORE.get(lang, _HEDGE_BEFORE["ru"])
    out = set()
    for m in mentions:
        if before.search(text[max(0, m.start - _HEDGE_REACH): m.start]) or (
                lang == "kk" and _HEDGE_AFTER_KK.match(text[m.end: m.end + _HEDGE_REACH])):
            out.add(id(m))
    return frozenset(out)


# A sum converted into another currency in brackets, as English news adds for its readers
# ("5 million rubles ($80,000)", "2 млрд тенге (около $4,6 млн)"): the bracketed sum adds no
# number of its own (a soft mention, never flagged; it may still pair).
_CONVERSION_BEFORE = regex.compile(
    r"(?:[$€£¥₽₸]|\b(?:rubles?|roubles?|tenge|yuan|euros?|pounds?|dollars?|hryvnias?|lira|"
    r"rupees?|yen|won|francs?|рубл\w*|тенге|долл\w*|евро|юан\w*|фунт\w*|гривен\w*|"
    r"доллар\w*|теңге))\s*\(\s*(?:about|around|approx\.?|roughly|some|около|примерно|шамамен|"
    r"~)?\s*(?:US|C|A)?[$€£¥₽₸]\s*$", regex.IGNORECASE)


# A growth said as a multiple or as a percentage: "в 1,5 раза" / "1.5 times" (the factor
# itself), "на 50 %" / "by 50%" / "50% more" (1.5), and the multiple words of _MULTIPLES. A
# fall by a percentage is the factor it divides by ("снизились на 50 %" / "halved", "вдвое
# сократились" / "fell by 50%": 2; by 75 %: 4), read where a fall word (FALL_WORDS) stands in
# the percentage's clause.
_TIMES_AFTER = {"en": regex.compile(r"\s*times\b", regex.IGNORECASE),
                "ru": regex.compile(r"\s*раз(?:а)?\b", regex.IGNORECASE),
                "kk": regex.compile(r"\s*есе\w*", regex.IGNORECASE)}
_PERCENT = regex.compile(r"\s*(?:%|per\s?cent|percent|процент\w*|пайыз\w*)", regex.IGNORECASE)
_POINTS = regex.compile(r"\s*(?:per\s?cent\w*|процент\w*|пайыз\w*)\s+(?:points?|пункт|тармақ)"
                        r"|\s*(?:п\.\s?п\.|п\.\s?т\.|pp\b)", regex.IGNORECASE)  # a rate's change
_LESS_AFTER = regex.compile(r"\s*(?:меньше|ниже|less|lower|fewer|кем|төмен)", regex.IGNORECASE)
_PERCENT_BEFORE = {"en": regex.compile(r"\b(?:by|up|rose|grew|increased|jumped|surged|soared)"
                                       r"(?:\s+\w+)?\s+$", regex.IGNORECASE),
                   "ru": regex.compile(r"\bна\s+$", regex.IGNORECASE),
                   "kk": regex.compile(r"(?!)")}  # Kazakh: "50 пайызға өсті", read after it
_GROWTH_AFTER = {"en": regex.compile(rf"\s+(?:{MORE_AFTER_EN})\b", regex.IGNORECASE),
                 "kk": regex.compile(r"(?<=[ғк][аеә])\s+(?:өс|арт)|(?<=%)-?[ғк][аеә]\s+(?:өс|арт)",
                                     regex.IGNORECASE)}  # fmt: skip
_FALL = {lang: regex.compile(p, regex.IGNORECASE) for lang, p in FALL_WORDS.items()}
_BY_HALF = regex.compile(r"by\s+half", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[,;:!?()]|\.(?!\d)")
_FALL_REACH = 40  # characters read for a fall word on each side of a percentage


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of a figure's clause before ``start`` and after ``end``, within reach."""
    before = text[max(0, start - _FALL_REACH) : start]
    after = text[end : end + _FALL_REACH]
    cut = list(_CLAUSE_END.finditer(before))
    before = before[cut[-1].end() :] if cut else before
    cut_after = _CLAUSE_END.search(after)
    return before, after[: cut_after.start()] if cut_after else after


def _fall_factor(percent: float) -> float:
    """The factor a fall by ``percent`` divides by: 50 -> 2, 75 -> 4, 67 -> 3 (a share rounded
    to a whole percent still says a whole factor); only falls of 30 % or more, which news may
    say as a multiple ("fell by a third" is no "1.5 times")."""
    factor = 100 / (100 - percent)
    return float(round(factor)) if abs(factor - round(factor)) <= 0.03 * factor else round(
        factor, 2)


def _growth_factors(text: str, mentions: list[Mention], sentences: list, idx: tuple[int, ...],
                    lang: str) -> dict:  # fmt: skip
    """The growth factor(s) each mention says (by its ``id``), and under ``"all"`` every factor
    the sentences say, in mentions or in multiple words ("doubled", "втрое")."""
    out: dict = {"all": {float(v) for *_, v in _side_multiples(text, sentences, idx, lang)}}
    times = _TIMES_AFTER.get(lang, _TIMES_AFTER["ru"])
    before = _PERCENT_BEFORE.get(lang, _PERCENT_BEFORE["ru"])
    fall = _FALL.get(lang, _FALL["ru"])
    for m in mentions:
        factors = set()
        if times.match(text, m.end):
            factors |= set(m.values)
        if _BY_HALF.fullmatch(m.text):  # "rose by half" (в полтора раза), "fell by half" (вдвое)
            said_before, said_after = _clause(text, m.start, m.end)
            factors.add(2.0 if fall.search(said_before) or fall.search(said_after) else 1.5)
        percent = _PERCENT.match(text, m.end)
        if percent:
            less = _LESS_AFTER.match(text, percent.end())
            if not less and (before.search(text, max(0, m.start - 20), m.start)
                             or (lang in _GROWTH_AFTER
                                 and _GROWTH_AFTER[lang].match(text, percent.end()))):
                factors |= {round(1 + v / 100, 6) for v in m.values}
            said_before, said_after = _clause(text, m.start, percent.end())
            if (less or fall.search(said_before) or fall.search(said_after)) and (
                    not _POINTS.match(text, m.end)):
                factors |= {_fall_factor(v) for v in m.values if 30 <= v < 100}
        if factors:
            out[id(m)] = factors
            out["all"] |= factors
    return out


# An hour of the 24-hour clock said with a word rather than a colon ("в 15 часов", "сағат
# 15-те"), which English writes on the 12-hour clock ("at 3 pm"), as _times reads 15:00. In
# Russian only after a preposition of time ("в", "к", "до", "с", "после", "около"): "работал
# 15 часов" is a duration.
_HOUR_BEFORE_RU = regex.compile(r"\b(?:в|к|до|с|со|после|около)\s+$", regex.IGNORECASE)
_HOUR_AFTER_RU = regex.compile(r"\s*час", regex.IGNORECASE)
_HOUR_BEFORE_KK = regex.compile(r"сағат\s*$", regex.IGNORECASE)
_MIDNIGHT_BEFORE = regex.compile(r"түнгі\s+(?:сағат\s+)?$", regex.IGNORECASE)
_MIDNIGHT_AFTER = regex.compile(r"\s*(?:час\w*\s+)?ночи\b", regex.IGNORECASE)


def _side_mentions(text: str, sentences: list, idx: tuple[int, ...], lang: str) -> list[Mention]:
    """Mentions of the given sentences, with offsets into the full text."""
    out: list[Mention] = []
    for i in idx:
        s = sentences[i]
        for m in extract_numbers(text[s.start : s.end], lang):
            m.start += s.start
            m.end += s.start
            if out and _CONVERSION_BEFORE.search(text, out[-1].end, m.start):
                m.soft = True
            hours = {v for v in m.values if v == int(v) and 13 <= v <= 23}
            if hours and lang != "en" and (
                    (_HOUR_AFTER_RU.match(text, m.end)
                     and _HOUR_BEFORE_RU.search(text, max(0, m.start - 10), m.start))
                    if lang == "ru"
                    else _HOUR_BEFORE_KK.search(text, max(0, m.start - 10), m.start)):
                m.values = m.values | {v - 12 for v in hours}
            if 12 in m.values and lang != "en" and (
                    _MIDNIGHT_BEFORE.search(text, max(0, m.start - 16), m.start)
                    or _MIDNIGHT_AFTER.match(text, m.end)):  # fmt: skip
                m.values = m.values | {0.0}  # "түнгі сағат 12-де", "в 12 ночи": midnight
            out.append(m)
    return out
