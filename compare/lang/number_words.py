"""Number words of Russian, Kazakh and English, kept apart from the logic that reads them
(:mod:`compare.number_mentions`) and the number check (:mod:`compare.checks.numbers`):

* fractions of a scale word (half a million, четверть миллиона, жарты миллион), read as one
  number: word by word they were "a million" against nothing, or четверть (a soft 4) times a
  million;
* scale words after a number (млн, billion), written-out numbers (восемьдесят, fifty, сегіз),
  *soft* words that may stand for a number without being one (both, дважды, полгода, ordinals),
  and the units whose measures are converted (км, miles, °F).

Russian forms also serve Kazakh where the languages share them (миллион, мың). General
knowledge of the three languages, written for the check.
"""

from __future__ import annotations

FRACTIONS_EN = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "quarter": 0.25,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
FRACTIONS_RU = {
    "пол": 0.5,
    "полу": 0.5,  # полумиллионом, полумиллиона: the oblique cases
    "четверть": 0.25,
    "четверти": 0.25,
    "треть": 1 / 3,
    "трети": 1 / 3,
    "две трети": 2 / 3,
    "двух третей": 2 / 3,
    "три четверти": 0.75,
    "жарты": 0.5,
    "ширек": 0.25,
}
# Shares said with a word, which news also writes as a percentage (треть "a third", "33 %";
# половина "half", "50 %"): (pattern, share). A numerator before the fraction word (две трети,
# three quarters; in Kazakh after it: үштен екісі) is read with it.
SHARES_RU: tuple[tuple[str, float], ...] = (
    (r"половин(?:а|ы|е|у|ой|ою)", 1 / 2), (r"трет(?:ь|и|ью|ей|ям|ями|ях)", 1 / 3),
    (r"четверт(?:ь|и|ью|ей|ям|ями|ях)", 1 / 4),
    # пятая часть "a fifth": пятая alone is an ordinal
    (r"пят(?:ая|ой|ую)\s+част\w*", 1 / 5), (r"десят(?:ая|ой|ую)\s+част\w*", 1 / 10),
)  # fmt: skip
NUMERATORS_RU = {"две": 2, "двух": 2, "двумя": 2, "три": 3, "трёх": 3, "трех": 3, "тремя": 3}
# Kazakh: the denominator in the ablative, then the numerator (үштен бірі "one of three").
SHARES_KK = {"жартыс": 2, "үштен": 3, "төрттен": 4, "бестен": 5, "оннан": 10}
NUMERATORS_KK = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7,
                 "сегіз": 8, "тоғыз": 9}
# English: "a third", "one-third", "two thirds", "three-quarters" (singular after a / one).
SHARES_EN = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
NUMERATORS_EN = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# Words that say "each n-th" before an ordinal: каждый пятый "one in five" (20 %), әрбір бесінші.
EVERY_NTH = r"кажд(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)|әрбір|әр"
# Phrases that say a number with words no word reader joins (hyphens, two words): soft, so that
# they may satisfy the other side's number ("a hat-trick" / "три мяча", "half a dozen" /
# "шесть", "every other year" / "каждые 2 года").
SOFT_PHRASES: dict[str, tuple[tuple[str, float | tuple[float, ...]], ...]] = {
    "en": ((r"hat[- ]?tricks?", 3), (r"half\s+a\s+dozen|half-a-dozen|a\s+half-dozen", 6),
           (r"every\s+other", 2), (r"trio", 3), (r"quartet", 4),
           # "won in straight sets": в двух сетах (best of three) or в трёх (best of five)
           (r"straight\s+sets", (2, 3))),
    # "век назад", "столетие спустя": "a hundred years ago, later"
    "ru": ((r"хет-?трик\w*", 3),
           (r"(?:век|столетие)\s+(?:назад|спустя)|через\s+(?:век|столетие)", 100)),
    "kk": ((r"хет-?трик\w*", 3),),
}
# Spoken hyperbole and fixed phrases whose number is soft (compare.number_idioms): "a million
# times" (тысячу раз, "very often"; not "a thousand times better", a comparison), "a hundred
# percent sure" (абсолютно, на все сто), "zero" before a noun (ни одной, никаких), "a
# one-in-a-million chance", "365 days a year" / "24 hours a day" / "seven days a week" (круглый
# год, круглосуточно, без выходных); Russian "сто / тысячу / миллион раз" and "на все сто".
_NOT_COMPARED = r"(?!\s+(?:more|less|better|worse|bigger|smaller|faster|slower|as|over|\w+er)\b)"
IDIOMS = {
    "en": (r"\b(?:a|one)\s+(?:hundred|thousand|million|billion|zillion|gazillion)\s+times\b"
           + _NOT_COMPARED + "|"
           r"\b(?:a\s+hundred|one\s+hundred|100)\s*(?:percent|per\s+cent|%)(?=\s+(?:sure|certain|"
           r"right|correct|true|honest|committed|convinced|confident|serious|behind|with)\b)|"
           r"\bzero(?=\s+(?!percent|per\b|degrees?|point|to\b|and\b|or\b|in\b|out\b|of\b|"
           r"times\b)\p{L})|"
           r"\bone[-\s]in[-\s]a[-\s]million\b|"  # not "one in a thousand", which may count
           r"\b(?:365|three\s+hundred\s+(?:and\s+)?sixty[-\s]five)\s+days\s+a\s+year\b|"
           r"\b(?:24|twenty[-\s]four)\s+hours\s+a\s+day\b|\b(?:7|seven)\s+days\s+a\s+week\b"),
    "ru": (r"\b(?:сто|тысячу|миллион|миллиард)\s+раз\b(?!\s+(?:больше|меньше|лучше|хуже|\w+ее)\b)|"
           r"\bна\s+все\s+сто\b"),
}
# A match with no goals, which English writes as a word: "a goalless draw" is 0:0.
GOALLESS = {"en": r"goalless|scoreless|nil-nil|nil-all",
            "ru": r"нулев(?:ая|ой|ую|ые)\s+ничь\w*|ничь\w*\s+всухую",
            "kk": r"(?!)"}  # fmt: skip
# Words that say a quantity fell, near a percentage: a fall by 50 % is a factor of two (вдвое
# меньше, "halved"), by 75 % of four. Stems, read within the clause of the percentage.
FALL_WORDS = {
    "en": r"\b(?:fell|falls?|falling|drop\w*|declin\w*|cut|cuts|cutting|lower\w*|down|"
          r"decreas\w*|reduc\w*|slump\w*|plung\w*|plummet\w*|shr[aiu]nk\w*|sank|sink\w*|"
          r"slid|slides?|sliding|slash\w*|less|fewer|lost|los(?:e|es|ing))\b",
    "ru": r"(?<!\p{L})(?:сниз|сниж|сократ|сокращ|упа[лв]|упад|пада|уменьш|подешев|потер|меньш|"
          r"ниже|обвал|рухн|просе[лв]|просед)\p{L}*",
    "kk": r"(?<!\p{L})(?:азай|қысқар|төменде|төмен|кеми|кем|құлда|арзанда|түсті|түсе|түсу)"
          r"\p{L}*",
}
# English words after a percentage that make it a growth ("50% more": в 1,5 раза больше).
MORE_AFTER_EN = r"more|higher|greater|larger|bigger|up|above"
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "тысяч": 1e3,
    "миллион": 1e6,
    "миллиард": 1e9,
    "триллион": 1e12,
    "мың": 1e3,
}

# Scale words right after a number (or a number word).
SCALE_RU = {
    "тыс": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12,
    # every case, singular and plural (в двух тысячах километров, о трёх миллионах)
    **dict.fromkeys(("тысяч" + e for e in ("а", "и", "е", "у", "ей", "ью", "", "ам", "ами",
                                            "ах")), 1e3),
    **{stem + e: factor for stem, factor in (("миллион", 1e6), ("миллиард", 1e9),
                                             ("триллион", 1e12))
       for e in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")},
    # "шесть десятков" = sixty; a bare "десятки" stays vague (soft 10, below)
    "десяток": 10, "десятка": 10, "десятков": 10, "десятках": 10, "десятки": 10,
    "десятками": 10,
    # "две сотни", "около полутора сотен домов" = 200, 150; a bare "сотни" stays vague
    **dict.fromkeys(("сотни", "сотен", "сотням", "сотнями", "сотнях"), 100),
    # Kazakh
    "мың": 1e3, "миллионға": 1e6, "миллиардқа": 1e9,
}  # fmt: skip
SCALE_EN = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

# Written-out numbers. Russian forms are matched by stem over their case forms.
WORDS_RU: tuple[tuple[str, float], ...] = (
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
    (r"полтора|полторы|полутора", 1.5), (r"двое|двоих|двоим", 2), (r"трое|троих|троим", 3),
    (r"четверо|четверых", 4), (r"пятеро|пятерых", 5), (r"шестеро|шестерых", 6),
    (r"семеро|семерых", 7), (r"восьмеро|восьмерых", 8), (r"десятеро|десятерых", 10),
)  # fmt: skip
WORDS_KK: tuple[tuple[str, float], ...] = (
    # Kazakh bare forms only (suffixed forms are too easily confused with other words); екі is
    # soft below: екі есе (double), екі жақ (both sides), сол екі арада (meanwhile).
    (r"үш", 3), (r"төрт", 4), (r"бес", 5), (r"алты", 6),
    (r"жеті", 7), (r"сегіз", 8), (r"тоғыз", 9), (r"жиырма", 20), (r"отыз", 30),
    (r"қырық", 40), (r"елу", 50), (r"алпыс", 60), (r"жетпіс", 70), (r"сексен", 80),
    (r"тоқсан", 90),
)  # fmt: skip
# Words that may stand for 2 without being a written number: never flagged, may match a 2.
# Words that may stand for a number without being one: never flagged, may match that number.
SOFT_RU: tuple[tuple[str, float], ...] = (
    (r"об[аеи]|обоих|обеих|дважды|вдвое|двойн\w*|удво\w*|пар[аыу]", 2), (r"сут(ки|ок|кам)", 24),
    (r"тысяч(?:[аиуе]|ей|ью)", 1000), (r"десятилети\w*", 10), (r"дюжин\w*", 12), (r"нул\w*", 0),
    (r"трижды|втрое", 3), (r"вчетверо", 4), (r"десятк\w*", 10), (r"семью", 7),
    (r"тройк\w*", 3), (r"четв[её]рк\w*", 4), (r"полд[её]н\w*|полудн\w*", 12), (r"полноч\w*", 0),
    # a quarter, half (четверть часа "15 minutes", жарты жыл "six months": with their unit)
    (r"четверт(?:ь|и|ью)", 0.25),
    # ordinals in every case and gender: второго типа -> type two, третьей категории -> Category
    # 3, первого сентября -> September 1
    (r"перв(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 1),
    (r"втор(?:ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)", 2),
    (r"трет(?:ий|ья|ье|ьего|ьему|ьим|ьем|ьей|ью|ьи|ьих|ьими)", 3),
    (r"четв[её]рт(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 4),
    (r"пят(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 5),
    (r"шест(?:ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)", 6),
    (r"седьм(?:ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)", 7),
    (r"восьм(?:ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми)", 8),
    (r"девят(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 9),
    (r"десят(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 10),
    *((rf"{stem}надцат(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", 10 + unit) for unit, stem in
      enumerate(("один", "две", "три", "четыр", "пят", "шест", "сем", "восем", "девят"), 1)),
    *((rf"{stem}(?:ый|ая|ое|ого|ому|ым|ом|ую|ой|ые|ых|ыми)", tens) for stem, tens in
      (("двадцат", 20), ("тридцат", 30), ("сороков", 40), ("пятидесят", 50),
       ("шестидесят", 60), ("семидесят", 70), ("восьмидесят", 80), ("девяност", 90))),
    # compounds: трехдневный, четырехдневная, двухметровый, пятикратный
    # полгода "six months", полчаса "thirty minutes", полвека, полсотни "fifty"
    (r"полгода|полугоди\w*", 6), (r"полчаса", 30), (r"полвека|полсотни", 50),
    # двухтысячный год "the year 2000" (and 2000th), before the двух- compounds below
    (r"двухтысячн(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)", 2000),
    # суточная забастовка "a 24-hour strike", двухсуточная "48-hour", стодневный "100-day"
    (r"суточн\w+", 24), (r"двухсуточн\w+", 48), (r"тр[её]хсуточн\w+", 72), (r"стодневн\w+", 100),
    (r"двух\w+|двое\w+", 2), (r"тр[её]х\w+", 3), (r"четыр[её]х\w+", 4), (r"пяти\w+", 5),
    (r"шести\w+", 6), (r"семи\w+", 7), (r"восьми\w+", 8), (r"девяти\w+", 9),
    (r"десяти\w+", 10),
    (r"одиннадцати\w+", 11), (r"двенадцати\w+", 12), (r"пятнадцати\w+", 15),
    # шестнадцатилетний "16-year-old", восемнадцатилетняя
    (r"тринадцати\w+", 13), (r"четырнадцати\w+", 14), (r"шестнадцати\w+", 16),
    (r"семнадцати\w+", 17), (r"восемнадцати\w+", 18), (r"девятнадцати\w+", 19),
    # "мы вдвоём" "the two of us", втроём, вчетвером; полминуты "thirty seconds"
    (r"вдво[её]м", 2), (r"втро[её]м", 3), (r"вчетвером", 4), (r"впятером", 5),
    (r"вшестером", 6), (r"полминуты", 30),
    (r"двадцати\w+", 20), (r"тридцати\w+", 30), (r"сорока\w+", 40), (r"пятидесяти\w+", 50),
    (r"шестидесяти\w+", 60), (r"семидесяти\w+", 70), (r"восьмидесяти\w+", 80),
    (r"девяност\w+", 90), (r"стол[еи]тн\w+|столети\w+", 100),
    # тридцатистраничный "30-page"; сотня, сотню "a hundred" (сотни "hundreds" are a scale word);
    # миллиардное состояние "a billion-dollar fortune"
    (r"сотн[яюеи]|сотней|сотнею", 100), (r"миллиардн\w+", 1e9), (r"миллионн\w+", 1e6),
    # тысячелетняя история "a 1,000-year history", стопроцентная "100%", пятёрка "top five"
    (r"тысячелетн\w+", 1000), (r"стопроцентн\w+", 100), (r"двойк\w*", 2),
    (r"пят[её]рк\w*", 5), (r"шест[её]рк\w*", 6), (r"сем[её]рк\w*", 7), (r"восьм[её]рк\w*", 8),
    (r"девятк\w*", 9),
    # сотый гол "his 100th goal", тысячный "the 1,000th"
    (r"сот(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)", 100),
    # дубль "a brace" (two goals), полдюжины "six"
    (r"дубл(?:ь|я|ем|ю|и|ей)", 2), (r"полдюжин\w*", 6),
    # стометровка "the 100 metres" (measures reads its metres), десятиборье "decathlon"
    (r"стометров\w*", 100), (r"десятиборь\w*", 10),
    (r"тысячн(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)", 1000),
)  # fmt: skip
SOFT_KK: tuple[tuple[str, float], ...] = (
    (r"екі\w*|қос\w*", 2), (r"тәулі[кг]\w*", 24), (r"он\w*", 10), (r"жүз\w*", 100),
    (r"жарты", 0.5), (r"ширек", 0.25),
    # suffixed forms: үшеуі, төрттік, бесінші
    # collective numerals: екеуі "the two of them", үшеуін, алтауы, жетеуі
    (r"екеу\w*", 2), (r"алтау\w*", 6), (r"жетеу\w*", 7), (r"бірінші\w*", 1),
    (r"үш\w+", 3), (r"төрт\w+", 4), (r"бес\w+", 5), (r"алты\w+", 6), (r"жеті\w+", 7),
    (r"сегіз\w+", 8), (r"тоғыз\w+", 9), (r"жиырма\w+", 20), (r"отыз\w+", 30),
    # елуге толды "turned fifty"; тоқсан is also "a quarter of the year", soft either way
    (r"қырық\w+", 40), (r"елу\w+", 50), (r"алпыс\w+", 60), (r"жетпіс\w+", 70),
    (r"сексен\w+", 80), (r"тоқсан\w+", 90),
    # мыңжылдық "millennium", "a thousand-year" (тысячелетний)
    (r"мыңжылды[қғ]\w*", 1000),
)  # fmt: skip
SOFT_EN = {"both": 2, "double": 2, "doubled": 2, "doubling": 2, "doubles": 2, "twice": 2,
            "fortnight": 2, "fortnights": 2, "halved": 2, "halving": 2, "halve": 2,
            "pair": 2, "couple": 2, "twin": 2, "twins": 2, "decade": 10, "dozen": 12,
            "thousand": 1000, "hundred": 100, "century": 100, "millennium": 1000,
            # times of day and decades of age (00:00 <- midnight, за пятьдесят <- in his fifties);
            # "around freezing" <- около нуля
            "noon": 12, "midday": 12, "midnight": 0, "freezing": 0, "twenties": 20, "thirties": 30,
            "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80,
            "nineties": 90,
            # multiples: "tripled" <- втрое, в три раза, үш есе
            "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3,
            "threefold": 3, "quadruple": 4, "quadrupled": 4, "fourfold": 4, "tenfold": 10,
            # ordinals: Russian writes them as digits (на 1 этаже "on the first floor")
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
            "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
            # anniversaries: 100-летие, 100 жылдығы "centenary"
            "centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
            "tercentenary": 300, "sesquicentennial": 150, "quincentenary": 500,
            # 100-летний "a centenarian", 80-летний "an octogenarian"
            "centenarian": 100, "nonagenarian": 90, "octogenarian": 80, "septuagenarian": 70,
            # goals: "a brace" (дубль, два мяча)
            "brace": 2}  # fmt: skip
# The ordinals that end a compound ordinal (twenty-first century <- XXI век).
ORDINAL_UNITS_EN = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth".split()
)
# Russian and Kazakh ordinals that end a compound ordinal (двадцать первый, жиырма бірінші).
ORDINAL_UNITS = {
    "ru": r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят)(?:ый|ой|ий|ая|ья|ое|ье|ого|"
          r"ьего|ому|ьему|ым|ьим|ом|ьем|ую|ью|ые|ьи|ых|ьих)",
    "kk": r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз)(?:інші|ыншы|нші|ншы)\w*",
}
ORDINAL_UNIT_VALUES = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7,
    "сегіз": 8, "тоғыз": 9,
}  # fmt: skip
WORDS_EN: dict[str, float] = {
    "zero": 0, "nil": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "one", "один", "бір", Kazakh "екі" and "он" (also "him") are soft alone, firm after a round
# number they complete (twenty-one, девяносто одна, тоқсан бір, тоғыз жүз он алты).
PLAIN_UNITS = {
    "en": {"one": 1.0},
    "ru": dict.fromkeys(("один", "одна", "одно", "одну", "одного", "одной", "одному", "одним",
                         "одном"), 1.0),
    "kk": {"бір": 1.0, "екі": 2.0, "он": 10.0},
}
# Russian and Kazakh ordinal endings: after a thousand, an ordinal ends a year said in words
# (две тысячи двадцатый год, екі мың жиырмасыншы жыл = 2020).
ORDINAL_ENDINGS = {
    "ru": r"\w+(?:ый|ой|ий|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ья|ье|ьего|ьему|ьим|ьем|ью|ьи|ьих)",
    "kk": r"\w+(?:ыншы|інші|ншы|нші)\w*",
}
# "one"/"a"/"один" alone are soft mentions of 1; before a scale word they make a firm number.
ONE_WORDS = {"one", "a", "an", "один", "одна", "одно", "одну", "одного", "одной", "бір"}

# Units, so that a converted measure (65 км ~ 40 miles) still counts as the same number.
# (pattern, dimension, factor to SI); speed before length so "км/ч" is not read as "км".
UNITS: tuple[tuple[str, str, float], ...] = (
    (r"км/ч|(?:км|километр\w*)/сағ\w*|km/h|kph|kmh|(?:км|километр\w*) в час|"
     r"kilomet\w+ (?:per|an) hour",
     "speed", 1 / 3.6),
    # areas before lengths ("кв. км" is not "км"); "га" only after a space (Kazakh "1990-ға"
    # is a dative ending, not hectares)
    (r"(?<=\d[\s\u00a0])га|гектар\w*|hectares?|ha", "area", 1e4),
    (r"акр\w*|acres?", "area", 4046.86),
    (r"кв\.?\s?(?:км|километр\w*)|квадратн\w+ километр\w*|шаршы (?:км|шақырым\w*)|km²|км²|"
     r"sq\.?\s?km|square[- ]kilomet\w+", "area", 1e6),
    (r"квадратн\w+ мил\w*|square[- ]miles?|sq\.?\s?mi", "area", 2.589988e6),
    (r"кв\.?\s?м|кв\.?\s?метр\w*|квадратн\w+ метр\w*|шаршы метр\w*|м²|m²|sq\.?\s?m|"
     r"square[- ]met\w+", "area", 1.0),
    # "a 2,000-square-foot home" is hyphenated
    (r"квадратн\w+ фут\w*|square[- ]f(?:ee|oo)t|sq\.?\s?ft", "area", 0.09290304),
    (r"миль? в час|мил[ья]/сағ\w*|mph|miles? per hour|miles? an hour", "speed", 0.44704),
    # metres per second, as Russian and Kazakh weather gives a wind (порывы до 20 м/с)
    (r"м/с(?:ек)?|метр\w* в секунду|m/s|metres? per second|meters? per second", "speed", 1.0),
    # a rate's change: 25 basis points is a quarter of a percentage point
    (r"базисн\w+ пункт\w*|б\.\s?п\.|basis points?|bps?", "rate", 0.01),
    (r"процентн\w+ пункт\w*|п\.\s?п\.|percentage points?", "rate", 1.0),
    (r"км|километр\w*|шақырым\w*|km|kilomet\w+", "length", 1000.0),
    (r"см|сантиметр\w*|cm|centimet\w+", "length", 0.01),
    (r"мм|миллиметр\w*|mm|millimet\w+", "length", 0.001),
    (r"метр\w*|м|met(?:er|re)s?|m", "length", 1.0),
    (r"мил[ьяюие]\w*|mil(?:e|es)|mi", "length", 1609.344),
    (r"фут\w*|feet|foot|ft", "length", 0.3048),
    (r"дюйм\w*|inch(?:es)?", "length", 0.0254),
    (r"ярд\w*|yards?|yds?", "length", 0.9144),
    # Kazakh "келі" (a kilo: 100 келі, келіден), not келісім "agreement" (no ending beyond these)
    (r"кг|килограмм\w*|келі(?:ден|ге|де|нің|ні|сі|лік)?|kg|kilograms?|kilos?", "mass", 1.0),
    (r"фунт\w*|pounds?|lbs?", "mass", 0.45359),
    # "г" only before a space or the end: "2019 г." is a year
    (r"грамм\w*|г(?=\s|$)|grams?|g", "mass", 0.001),
    (r"унци\w*|унц\.?|ounces?|oz", "mass", 0.0283495), (r"стоун\w*|stones?", "mass", 6.35029),
    (r"тонн\w*|тонна\w*|tonnes?|tons?", "mass", 1000.0),
    (r"литр\w*|л|lit(?:er|re)s?", "volume", 0.001),
    (r"галлон\w*|gallons?|gal", "volume", 0.00378541),
    # durations, so that a converted one (двое суток ~ 48 hours, полтора года ~ 18 months) is
    # one number, and one in another unit is not (5 лет ~ 5 months is a changed number); the
    # Kazakh "ай" (month) only as a word or with a case ending
    (r"минут\w*|мин\.?|minutes?|mins?", "time", 60.0),
    (r"час(?:а|ов|ам|ах)?|ч(?=[.\s]|$)|сағат\w*|hours?|hrs?", "time", 3600.0),
    (r"сут(?:ки|ок|кам|ках)|тәулі[кг]\w*", "time", 86400.0),
    (r"дн(?:я|ей|ям|ях)|день|күн\w*|days?", "time", 86400.0),
    (r"недел[ьиюяе]\w*|апта\w*|weeks?", "time", 604800.0),
    (r"месяц\w*|ай(?:дан|да|ға|ы|ын|дың|лық)?|months?", "time", 2629800.0),
    (r"год(?:а|у|ом|ов|ам|ами|ах)?|лет|жыл\w*|years?", "time", 31557600.0),
    (r"десятилети\w*|онжылды[қғ]\w*|decades?", "time", 315576000.0),
    (r"век(?:а|у|ом|е|ов|ах)?|столети(?:е|я|ю|ем|и|й|ям|ями|ях)|ғасыр\w*|centur(?:y|ies)", "time",
     3155760000.0),
    # a bare "градусов" / "degrees" in weather news is Celsius in Russian and Kazakh and
    # often Fahrenheit in US English (27 градусов ~ 80 degrees): the scale is left open
    (r"°\s?[CС]|градус\w* Цельси\w*|Цельси\w* градус\w*|Фаренгейт\w* градус\w*|"
     r"degrees? Celsius|°\s?F|degrees? Fahrenheit|°|градус\w*|"
     r"degrees?|(?<=\d)[CFС]", "temp", 1.0),  # 30C (86F), written onto the number
)
