"""The name and number checks on conventions nobody here wrote a rule against.

Every name and number figure so far comes from the NTREX, WMT22 and post-edit lines the checks'
tables and conventions were written against; held-out NTREX keeps several times as many name
and number flags as dev. Two maintained libraries write the same thing in English, Russian and
Kazakh without anyone here choosing the examples:

* **names** (Unicode CLDR through Babel): each country, each time-zone city and each language
  in the three languages, written by CLDR's translators. Each goes into a few short sentences,
  inflected as the sentence needs it (Russian by pymorphy3; Kazakh by its regular case
  endings, below):
  ``Кездесу дүйсенбіде Жаңа Зеландияда өтті.`` / ``The meeting took place in New Zealand on
  Monday.``
* **people**: Russian first names and surnames from Faker (``ru_RU``), in three cases, against
  their English forms by iuliia's transliteration schemes (Wikipedia's, BGN/PCGN, ICAO's); recall:
  the same first name with another surname.
* **numbers**: CLDR's number, percent, currency, compact ("1,5 млн" / "1.5 million"), date and
  time formats of each language, and written-out cardinals and ordinals from num2words
  ("тоғыз жүз он алты" / "nine hundred sixteen" / "916"); years said as ordinals; measures the
  source converts from US units (CLDR's unit names, long and short: "9 miles" / "14 км") and
  Fahrenheit to Celsius, below zero too.

The check (the rule flags before any decision) should flag none of these: the share flagged is
its false-alarm rate on a correct rendering. The same sentence with another name of the same
kind, or another number, in the English should be flagged: its recall.

Splits: a name is dev or held out by a hash of its CLDR code (half each, fixed); numbers are
drawn with one seed for dev and another for held out. ``--show-dev N`` prints flagged dev
sentences; held-out ones are never printed.

Usage::

    python benchmarks/cldr_conventions.py [--part names,numbers] [--split dev|heldout]
        [--show-dev N]

Why the Kazakh endings are written here: no maintained Kazakh inflector installs from PyPI (and
num2words has no Kazakh ordinals). They are the regular rules of a grammar (vowel harmony, and
the ending's first consonant after a vowel, a sonorant, a voiced or a voiceless consonant); a
name that breaks them makes a flag of the benchmark, not of the check, so they follow the
common pattern.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pathlib
import random
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.rule_flags import run_check  # noqa: E402
from compare.checks.names import NameMismatch  # noqa: E402
from compare.checks.numbers import NumberMismatch  # noqa: E402
from compare.intervals import wilson  # noqa: E402

# Sentences by grammatical case: (Russian, Kazakh, English); {x} is the name.
TEMPLATES = {
    "nominative": ("Сегодня {x} объявила о новых правилах.", "Бүгін {x} жаңа ережелерді жариялады.",
                   "Today {x} announced new rules."),
    "genitive": ("Власти {x} ввели новые правила.", "{x} билігі жаңа ережелер енгізді.",
                 "The authorities of {x} introduced new rules."),
    "locative": ("Встреча прошла в {x} в понедельник.", "Кездесу дүйсенбіде {x} өтті.",
                 "The meeting took place in {x} on Monday."),
    "dative": ("Делегация прибыла в {x} во вторник.", "Делегация сейсенбіде {x} келді.",
               "The delegation arrived in {x} on Tuesday."),
    "ablative": ("Он вернулся из {x} вчера.", "Ол кеше {x} оралды.",
                 "He returned from {x} yesterday."),
}
RU_CASE = {"nominative": "nomn", "genitive": "gent", "locative": "loct", "dative": "accs",
           "ablative": "gent"}

BACK = set("аоұыуяё")
FRONT = set("әөүіеиэю")
VOICELESS = set("пткқсшфхцчщ")
SONORANT_NASAL = set("мнң")
VOICED_OTHER = set("рйулзжбвгд")  # д, б, г devoice in loans (Мадридке) and are counted voiceless
DEVOICED = set("бгд")


def kazakh_case(name: str, case: str) -> str:
    """The last word of a name with a Kazakh case ending (regular rules only)."""
    if case == "nominative":
        return name
    word = name.lower()
    vowels = [c for c in word if c in BACK | FRONT]
    front = bool(vowels) and vowels[-1] in FRONT
    last = word[-1]
    if last in "ьъ’'":
        last = word[-2] if len(word) > 1 else last
    vowel_end = last in BACK | FRONT
    voiceless = last in VOICELESS or last in DEVOICED
    nasal = last in SONORANT_NASAL
    if case == "genitive":
        head = "н" if vowel_end or nasal else ("т" if voiceless else "д")
        tail = "ің" if front else "ың"
    elif case == "dative":
        head = ("к" if front else "қ") if voiceless else ("г" if front else "ғ")
        tail = "е" if front else "а"
    elif case == "locative":
        head = "т" if voiceless else "д"
        tail = "е" if front else "а"
    else:  # ablative
        head = "н" if nasal else ("т" if voiceless else "д")
        tail = "ен" if front else "ан"
    return name + head + tail


_MORPH = []


def _morph():
    """pymorphy3's analyser, built once."""
    if not _MORPH:
        import pymorphy3

        _MORPH.append(pymorphy3.MorphAnalyzer())
    return _MORPH[0]


def russian_case(name: str, case: str) -> str:
    """A Russian name in a case, each word inflected by pymorphy3 (a place reading first)."""
    if case == "nominative":
        return name
    grammeme = RU_CASE[case]
    words = []
    for word in name.split(" "):
        parses = _morph().parse(word)
        place = [p for p in parses if "Geox" in p.tag] or [p for p in parses if "nomn" in p.tag]
        parse = (place or parses)[0]
        inflected = parse.inflect({grammeme})
        form = inflected.word if inflected is not None else word.lower()
        # keep the name's own capitals (Нью-Йорк, Сан-Паулу)
        form = "-".join(part[:1].upper() + part[1:] if orig[:1].isupper() else part
                        for part, orig in zip(form.split("-"), word.split("-"), strict=False))
        words.append(form if len(form.split("-")) == len(word.split("-")) else word)
    return " ".join(words)


NOT_COUNTRIES = ("ZZ", "EU", "EZ", "UN", "XA", "XB")  # CLDR's unions and pseudo-regions


@dataclass(frozen=True)
class NamePair:
    kind: str
    code: str
    en: str
    ru: str
    kk: str


def _usable(*names: str) -> bool:
    return all(n and not any(c in n for c in "(),/") and len(n) < 40 for n in names)


def cldr_pairs(kinds: set[str]) -> list[NamePair]:
    """Country and city names in the three languages, from Babel's CLDR data."""
    from babel import Locale
    from babel.dates import get_timezone_location

    en, ru, kk = Locale("en"), Locale("ru"), Locale("kk")
    pairs = []
    if "country" in kinds:
        for code, name in en.territories.items():
            if not (len(code) == 2 and code.isalpha()) or code in NOT_COUNTRIES:
                continue
            r, k = ru.territories.get(code), kk.territories.get(code)
            if _usable(name, r, k):
                pairs.append(NamePair("country", code, name, r, k))
    if "city" in kinds:
        for zone in sorted(kk.time_zones):
            if zone.startswith("Etc/"):
                continue
            try:
                names = [get_timezone_location(zone, locale=loc, return_city=True)
                         for loc in ("en", "ru", "kk")]
            except Exception:  # noqa: BLE001 - a zone CLDR cannot name is skipped
                continue
            if _usable(*names):
                pairs.append(NamePair("city", zone, *names))
    seen, unique = set(), []
    for p in pairs:
        if (p.kind, p.en) not in seen:
            seen.add((p.kind, p.en))
            unique.append(p)
    return unique


def split_of(pair: NamePair) -> str:
    return "dev" if zlib.crc32(pair.code.encode()) % 2 == 0 else "heldout"


def major_flags(check, src: str, eng: str, lang: str) -> list:
    """The check's major and critical flags on one pair (``rule_flags.run_check``)."""
    return [f for f in run_check(check, src, eng, lang) if f.severity in ("major", "critical")]


def name_sentences(pair: NamePair, lang: str, case: str, en_name: str | None = None
                   ) -> tuple[str, str]:
    ru_t, kk_t, en_t = TEMPLATES[case]
    if lang == "ru":
        src = ru_t.format(x=russian_case(pair.ru, case))
    else:
        src = kk_t.format(x=kazakh_case(pair.kk, case))
    return src, en_t.format(x=en_name or pair.en)


def name_cases(split: str, rng: random.Random):
    """(lang, kind, case, source, English, swapped English or None) for every CLDR name."""
    pairs = [p for p in cldr_pairs({"country", "city"}) if split_of(p) == split]
    for lang in ("ru", "kk"):
        for kind in ("city", "country"):
            same = [p for p in pairs if p.kind == kind]
            for case in TEMPLATES:
                for p in same:
                    src, eng = name_sentences(p, lang, case)
                    other = rng.choice(same)
                    swapped = None
                    if other.en.split()[-1][:3].lower() != p.en.split()[-1][:3].lower():
                        swapped = name_sentences(p, lang, case, other.en)[1]
                    yield lang, kind, case, src, eng, swapped


def language_cases(split: str, rng: random.Random):
    """(lang, "language", "spoke in", source, English, swapped English or None) for CLDR's
    language names: Russian writes them as adjectives (на венгерском языке) or after языке,
    Kazakh before тілінде, English capitalises them."""
    from babel import Locale

    en, ru, kk = Locale("en"), Locale("ru"), Locale("kk")
    names = []
    for code, name in en.languages.items():
        r, k = ru.languages.get(code), kk.languages.get(code)
        if ("_" in code or not name[:1].isupper() or not _usable(name, r, k)
                or zlib.crc32(code.encode()) % 2 != (split == "heldout")):
            continue
        names.append((name, r, k))
    for name, r, k in names:
        other = rng.choice(names)[0]
        swapped = None if other[:3] == name[:3] else f"He spoke in {other}."
        words = r.split()
        parse = _morph().parse(words[0])[0] if len(words) == 1 else None
        if parse is not None and parse.tag.POS == "ADJF" and parse.inflect({"loct", "masc"}):
            src_ru = f"Он выступил на {parse.inflect({'loct', 'masc'}).word} языке."
        else:
            src_ru = f"Он выступил на языке {r}."
        stem = k[: -len(" тілі")] if k.endswith(" тілі") else k
        for lang, src in (("ru", src_ru), ("kk", f"Ол {stem} тілінде сөйледі.")):
            yield lang, "language", "spoke in", src, f"He spoke in {name}.", swapped


# People: Russian names from Faker (ru_RU), rendered in English by iuliia's transliteration
# schemes (Wikipedia's, BGN/PCGN, the ICAO passport one), in three cases; Kazakh text writes
# such names as Russian does, with its own endings on the surname.
PERSON = {
    "nominative": ("{x} заявил журналистам, что переговоры продолжатся.",
                   "{x} журналистерге келіссөздер жалғасатынын мәлімдеді.",
                   "{x} told journalists that the talks would continue."),
    "genitive": ("По словам {x}, переговоры продолжатся.", "{x} айтуынша, келіссөздер жалғасады.",
                 "According to {x}, the talks will continue."),
    "dative": ("Вчера {x} вручили государственную награду.",
               "Кеше {x} мемлекеттік марапат табысталды.",
               "Yesterday {x} was given a state award."),
}
PERSON_GRAMMEME = {"nominative": "nomn", "genitive": "gent", "dative": "datv"}


def _person_form(word: str, case: str, gender: str) -> str:
    """A Russian first name or surname in a case (pymorphy3, reading it as a name)."""
    parses = _morph().parse(word)
    named = [p for p in parses if {"Name", "Surn"} & set(p.tag.grammemes)] or parses
    chosen = [p for p in named if gender in p.tag] or named
    form = chosen[0].inflect({PERSON_GRAMMEME[case], gender}) or chosen[0].inflect(
        {PERSON_GRAMMEME[case]})
    word = form.word if form is not None else word.lower()
    return word[:1].upper() + word[1:]


def person_cases(split: str, rng: random.Random):
    """(lang, "person", "case scheme", source, English, English with another surname)."""
    import iuliia
    from faker import Faker

    fake = Faker("ru_RU")
    fake.seed_instance(1 if split == "dev" else 2)
    people = [(fake.first_name_male(), fake.last_name_male(), "masc") if k % 2 == 0 else
              (fake.first_name_female(), fake.last_name_female(), "femn") for k in range(60)]
    schemes = {"wikipedia": iuliia.WIKIPEDIA, "bgn-pcgn": iuliia.BGN_PCGN,
               "icao": iuliia.ICAO_DOC_9303}
    for first, last, gender in people:
        other = rng.choice([p for p in people if p[1][:3] != last[:3]])[1]
        for scheme_name, scheme in schemes.items():
            english, swapped = scheme.translate(f"{first} {last}"), scheme.translate(
                f"{first} {other}")
            for case, (ru, kk, en) in PERSON.items():
                src_ru = ru.format(x=f"{_person_form(first, case, gender)} "
                                     f"{_person_form(last, case, gender)}")
                src_kk = kk.format(x=f"{first} {kazakh_case(last, case)}")
                for lang, src in (("ru", src_ru), ("kk", src_kk)):
                    yield (lang, "person", f"{case[:3]} {scheme_name}", src,
                           en.format(x=english), en.format(x=swapped))


# Numbers: (Russian, Kazakh, English) sentences around a figure, and around a date or a time.
FIGURE = ("По данным ведомства, показатель составил {x}.",
          "Ведомство мәліметі бойынша, көрсеткіш {x} болды.",
          "According to the agency, the figure was {x}.")
WHEN = ("Дата встречи: {x}.", "Кездесу күні: {x}.", "Meeting date: {x}.")
PLACE = ("Команда заняла {x} место.", "Команда {x} орын алды.", "The team took {x} place.")
YEAR = ("{x} год стал рекордным.", "{x} жыл рекордтық болды.", "{x} was a record year.")
NUMBER_KINDS = ("integer", "decimal", "percent", "dollars", "euros", "compact-long",
                "compact-short", "date", "time", "cardinal-words", "ordinal", "year-words",
                "converted-long", "converted-short", "fahrenheit")
# A measure the English gives in US units and the source converts (CLDR's unit names, long
# and short): English unit, source unit, factor. Inches are left out of the short form: "5 in"
# is mostly the preposition.
CONVERSIONS = (("length-mile", "length-kilometer", 1.609344), ("length-foot", "length-meter",
               0.3048), ("mass-pound", "mass-kilogram", 0.45359237), ("length-inch",
               "length-centimeter", 2.54), ("volume-gallon", "volume-liter", 3.785411784),
               ("speed-mile-per-hour", "speed-kilometer-per-hour", 1.609344),
               ("length-yard", "length-meter", 0.9144))  # fmt: skip


def kazakh_ordinal(value: int) -> str:
    """A Kazakh ordinal in words: the cardinal and -ыншы/-інші (-ншы/-нші after a vowel)."""
    from num2words import num2words

    words = num2words(value, lang="kz")
    if words.endswith("жиырма"):
        return words + "сыншы"  # the one irregular ordinal
    vowels = [c for c in words if c in BACK | FRONT]
    front = bool(vowels) and vowels[-1] in FRONT
    if words[-1] in BACK | FRONT and words[-1] != "у":  # елу -> елуінші: у is a glide there
        return words + ("нші" if front else "ншы")
    return words + ("інші" if front else "ыншы")


def number_forms(kind: str, value, lang: str) -> list[str]:
    """The ways ``lang`` writes a value of a kind (CLDR formats, num2words words)."""
    from babel.dates import format_date, format_time
    from babel.numbers import (
        format_compact_decimal,
        format_currency,
        format_decimal,
        format_percent,
    )
    from babel.units import format_unit
    from num2words import num2words

    if kind in ("integer", "decimal"):
        return [format_decimal(value, locale=lang)]
    if kind == "percent":
        return [format_percent(value, locale=lang)]
    if kind in ("dollars", "euros"):
        return [format_currency(value, "USD" if kind == "dollars" else "EUR", locale=lang)]
    if kind.startswith("compact"):
        return [format_compact_decimal(value, locale=lang, format_type=kind.split("-")[1],
                                       fraction_digits=1)]
    if kind == "date":
        return [format_date(value, format="long", locale=lang)]
    if kind == "time":
        return [format_time(value, format="short", locale=lang)]
    if kind == "cardinal-words":
        if lang == "en":  # num2words writes "one thousand, two hundred and five"
            words = num2words(value, lang="en").replace(",", "")
            return [words, words.replace(" and ", " "), str(value)]
        return [num2words(value, lang="kz" if lang == "kk" else lang)]
    if kind.startswith("converted"):  # value: (English unit, source unit, factor, number)
        en_unit, src_unit, factor, number = value
        if lang != "en":  # converted and rounded to two significant digits, as news does
            number *= factor
            number = round(number, 1 - int(math.floor(math.log10(abs(number)))))
            number = int(number) if number == int(number) else number
        return [format_unit(number, en_unit if lang == "en" else src_unit,
                            kind.split("-")[1], locale=lang)]
    if kind == "fahrenheit":  # value: degrees Fahrenheit; the source says Celsius
        celsius = round((value - 32) * 5 / 9)
        return [format_unit(value if lang == "en" else celsius, "temperature-fahrenheit"
                            if lang == "en" else "temperature-celsius", "long", locale=lang)]
    if kind == "year-words":  # a year said as an ordinal: две тысячи двадцатый год
        if lang == "en":
            return [str(value)]
        return [kazakh_ordinal(value) if lang == "kk" else num2words(value, lang="ru",
                                                                     to="ordinal")]
    if kind == "ordinal":
        if lang == "en":
            return [num2words(value, lang="en", to="ordinal"),
                    num2words(value, lang="en", to="ordinal_num")]
        return [kazakh_ordinal(value) if lang == "kk" else num2words(value, lang="ru",
                                                                     to="ordinal")]
    raise ValueError(kind)


def number_value(kind: str, rng: random.Random):
    import datetime

    if kind == "integer":
        return rng.choice([rng.randint(2, 99), rng.randint(100, 9999), rng.randint(10**4, 10**7)])
    if kind == "decimal":
        return round(rng.uniform(0.1, 999), rng.choice([1, 2]))
    if kind == "percent":
        return rng.randint(1, 99) / 100
    if kind in ("dollars", "euros"):
        return rng.choice([rng.randint(2, 999), rng.randint(1000, 999999)])
    if kind.startswith("compact"):
        return rng.choice([rng.randint(11, 99) * 10**5, rng.randint(11, 99) * 10**8,
                           rng.randint(2, 9) * 10**6])
    if kind == "date":
        return datetime.date(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28))
    if kind == "time":
        return datetime.time(rng.randint(0, 23), rng.choice([0, 15, 30, 45]))
    if kind == "cardinal-words":
        return rng.choice([rng.randint(2, 20), rng.randint(21, 99), rng.randint(100, 999),
                           rng.randint(1000, 9999)])
    if kind == "year-words":
        return rng.randint(1990, 2035)
    if kind.startswith("converted"):
        choices = [c for c in CONVERSIONS if kind == "converted-long" or c[0] != "length-inch"]
        return (*rng.choice(choices), rng.choice([rng.randint(2, 30), rng.randint(30, 500)]))
    if kind == "fahrenheit":
        return rng.randint(-30, 110)
    return rng.randint(1, 40)  # ordinal


def changed_value(kind: str, value):
    if kind.startswith("converted"):
        return (*value[:3], value[3] * 2 + 3)
    if kind == "fahrenheit":
        return value + 25
    if kind == "date":
        return value.replace(day=value.day % 28 + 1)
    if kind == "time":
        return value.replace(hour=(value.hour + 3) % 24)
    if kind == "percent":
        return round(value + 0.03, 2) if value < 0.9 else round(value - 0.05, 2)
    if kind == "decimal":
        return round(value + 1.3, 2)
    return value * 2 if kind.startswith("compact") else value + 7


def number_cases(split: str, per_kind: int = 60):
    """(lang, kind, form, source, English, changed English) for drawn values of each kind."""
    rng = random.Random(1 if split == "dev" else 2)
    for kind in NUMBER_KINDS:
        template = (WHEN if kind in ("date", "time") else PLACE if kind == "ordinal"
                    else YEAR if kind == "year-words" else FIGURE)
        for _ in range(per_kind):
            value = number_value(kind, rng)
            for li, lang in enumerate(("ru", "kk")):
                src = template[li].format(x=number_forms(kind, value, lang)[0])
                changed = template[2].format(x=number_forms(kind, changed_value(kind, value),
                                                            "en")[0])
                for fi, form in enumerate(number_forms(kind, value, "en")):
                    yield (lang, kind, f"en form {fi + 1}", src, template[2].format(x=form),
                           changed if fi == 0 else None)


def tally(cases, check) -> tuple[dict, list]:
    """False alarms and recall by (lang, kind, case), and the flagged correct renderings."""
    counts: dict = defaultdict(lambda: [0, 0, 0, 0])
    flagged = []
    for lang, kind, case, src, eng, wrong in cases:
        c = counts[(lang, kind, case)]
        hit = major_flags(check, src, eng, lang)
        c[0] += bool(hit)
        c[1] += 1
        if hit:
            flagged.append((lang, src, eng, [f.message for f in hit]))
        if wrong is not None:
            c[2] += bool(major_flags(check, src, wrong, lang))
            c[3] += 1
    return counts, flagged


def report(title: str, counts: dict) -> None:
    print(title)
    print(f"{'lang':4} {'kind':14} {'case':11} {'false alarms':>30} {'recall':>30}")
    totals: dict = defaultdict(lambda: [0, 0, 0, 0])
    for key in sorted(counts):
        a = counts[key]
        lo, hi = wilson(a[0], a[1])
        clo, chi = wilson(a[2], a[3]) if a[3] else (0.0, 0.0)
        print(f"{key[0]:4} {key[1]:14} {key[2]:11} {a[0] / a[1]:8.3f} [{lo:.3f}, {hi:.3f}] "
              f"n={a[1]:<5} {a[2] / max(a[3], 1):8.3f} [{clo:.3f}, {chi:.3f}] n={a[3]}")
        t = totals[key[0]]
        for i in range(4):
            t[i] += a[i]
    for lang, t in sorted(totals.items()):
        lo, hi = wilson(t[0], t[1])
        clo, chi = wilson(t[2], t[3])
        print(f"{lang}: false alarms {t[0] / t[1]:.3f} [{lo:.3f}, {hi:.3f}] (n = {t[1]}); "
              f"recall {t[2] / t[3]:.3f} [{clo:.3f}, {chi:.3f}] (n = {t[3]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="names,numbers")
    ap.add_argument("--split", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--show-dev", type=int, default=0, help="print this many flagged dev pairs")
    ap.add_argument("--seed", type=int, default=7, help="the names swapped in for recall")
    args = ap.parse_args()
    if args.show_dev and args.split != "dev":
        sys.exit("--show-dev prints dev cases only")
    shown = []
    parts = args.part.split(",")
    if "names" in parts:
        rng = random.Random(args.seed)
        cases = itertools.chain(name_cases(args.split, rng), language_cases(args.split, rng))
        counts, flagged = tally(cases, NameMismatch())
        report(f"CLDR country, city and language names, {args.split} half: major name flags on "
               "correct renderings (false alarms) and on swapped names (recall)", counts)
        shown += flagged
        counts, flagged = tally(person_cases(args.split, rng), NameMismatch())
        report(f"\nPeople (Faker ru_RU, iuliia's schemes), {args.split} draw: major name flags on "
               "correct renderings and on the same first name with another surname", counts)
        shown += flagged
    if "numbers" in parts:
        counts, flagged = tally(number_cases(args.split), NumberMismatch())
        report(f"\nCLDR number formats and num2words, {args.split} draw: major number flags on "
               "correct renderings (false alarms) and on changed numbers (recall)", counts)
        shown += flagged
    for lang, src, eng, messages in shown[: args.show_dev]:
        print(f"\n[{lang}] {src}\n     {eng}\n     " + "\n     ".join(messages))


if __name__ == "__main__":
    main()
