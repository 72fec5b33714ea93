"""number-mismatch: changed, dropped and invented numbers; equivalent notations left alone."""

from __future__ import annotations

import pathlib

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.numbers import NumberMismatch
from compare.document import Document, Sentence, Span
from compare.number_mentions import extract_numbers
from compare.splits import demetr_rows, ntrex_lines, wmt22_rows


def one_pair(src: str, eng: str, lang: str = "ru") -> CheckContext:
    """A one-sentence-per-side document with a single 1-1 pair."""
    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    return CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])


def flags(src: str, eng: str, lang: str = "ru") -> list:
    return NumberMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("В городе живут 238 тысяч человек.", "The city has 283,000 people.", "ru"),
        ("Выборы прошли в 2011 году.", "The elections took place in 2013.", "ru"),
        ("Рост составил 3,5 %.", "Growth was 5.3%.", "ru"),
        ("Бюджет — 2,5 млрд долларов.", "The budget is $2.5 million.", "ru"),
        ("Восемьдесят процентов товаров облагалось налогом.", "Fifty percent were taxed.", "ru"),
        ("Сайлау 2011 ж. өтті.", "The election was held in 2012.", "kk"),
        ("Оған 42 жас.", "He is 24.", "kk"),
        ("Храм построен в ХХ веке.", "The church was built in the 19th century.", "ru"),
        ("ХХІ ғасырда бұл мүмкін емес.", "In the 20th century this was impossible.", "kk"),
        ("Ураган третьей категории обрушился на побережье.",
         "A Category 4 hurricane hit the coast.",
         "ru"),
        # a bracketed number that is no conversion, or a sum that differs beside one
        ("Штраф составил 5 млн рублей.", "The fine was 5 million rubles (80,000 people came).",
         "ru"),
        ("Штраф составил 5 млн рублей.", "The fine was 8 million rubles ($80,000).", "ru"),
        # a duration in another unit is another number
        ("Он провёл в тюрьме 5 лет.", "He spent 5 months in prison.", "ru"),
        ("Переговоры шли 3 дня.", "The talks lasted three weeks.", "ru"),
        ("Ол 2 жыл күтті.", "He waited 2 days.", "kk"),
    ],
)
def test_changed_numbers_are_flagged(src: str, eng: str, lang: str) -> None:
    found = flags(src, eng, lang)
    assert found, (src, eng)
    assert all(f.category == "number" for f in found)
    assert any(f.side == "target" for f in found)


def test_message_and_offsets_point_at_the_wrong_number() -> None:
    src, eng = "Погибли 238 человек.", "The death toll is 283."
    (flag,) = flags(src, eng)
    assert eng[flag.start : flag.end] == "283"
    assert flag.message == "The source says 238, the English says 283."
    assert flag.severity == "critical"
    assert flag.evidence == {"source": ["238"], "target": ["283"]}


def test_same_figure_in_another_unit_names_both_units() -> None:
    # WMT22 even document 22: "до 6 мм" / "up to 6 cm" read "The source says 6, the English says 6".
    (flag,) = flags("Утолщённое дно до 6 мм.", "Thickened bottom up to 6 cm.")
    assert flag.message == "The source says 6 мм, the English says 6 cm."


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Температура воздуха +32°С.", "It was 90 degrees Fahrenheit.", "ru"),  # Cyrillic С
    ("Площадь 400 гектаров.", "An area of 1,000 acres.", "ru"),
    ("Пожар охватил 12 кв. км леса.", "The fire covered 5 square miles of forest.", "ru"),
    ("Около 4 литров воды.", "About a gallon of water.", "ru"),
    ("Ветер до 130 км в час.", "Winds of 80 miles per hour.", "ru"),
    ("Жел жылдамдығы сағатына 135 км.", "Winds of 85 mph.", "kk"),
    ("Қашықтығы 16 шақырым.", "It is 10 miles away.", "kk"),
    ("Оның салмағы шамамен 100 келі.", "He weighs about 220 pounds.", "kk"),  # a kilo
])
def test_converted_measures_are_one_number(src: str, eng: str, lang: str) -> None:
    assert not [f for f in flags(src, eng, lang) if f.severity in ("major", "critical")]


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Площадь 400 гектаров.", "An area of 400 acres.", "ru"),
    ("Около 4 литров воды.", "About 4 gallons of water.", "ru"),
    ("Жел жылдамдығы сағатына 135 км.", "Winds of 135 mph.", "kk"),
    ("Қашықтығы 16 шақырым.", "It is 16 miles away.", "kk"),
    ("Температура воздуха +32°С.", "It was 40 degrees.", "ru"),
    ("Оның салмағы 100 келі.", "He weighs 100 pounds.", "kk"),
])
def test_a_measure_in_the_wrong_unit_is_still_flagged(src: str, eng: str, lang: str) -> None:
    assert [f for f in flags(src, eng, lang) if f.severity in ("major", "critical")]


def test_numbers_that_are_names_need_no_counterpart() -> None:
    assert not flags("Магазин работает круглосуточно.", "The shop is open 24/7.")
    assert not flags("Теракты 11 сентября.", "The 9/11 attacks.")
    assert not flags("Работаем 24 часа в сутки, 7 дней в неделю.", "We work 24/7.")
    # ... but the day of 9/11 is still a number
    assert flags("Теракты 12 сентября.", "The 9/11 attacks.")
    assert flags("Вышло 9 из 11 томов.", "Volume 9 of 12 came out.")


def test_a_kazakh_dative_after_a_year_is_not_hectares() -> None:
    (mention,) = extract_numbers("1990-ға дейін", "kk")
    assert mention.measure is None


def test_dropped_number_is_flagged_on_the_source_side() -> None:
    src, eng = "В 2020 году в деревне жили 150 человек.", "In 2020 the village was home to people."
    (flag,) = flags(src, eng)
    assert flag.side == "source"
    assert src[flag.start : flag.end] == "150"


def test_offsets_are_into_the_full_text_of_multi_sentence_documents() -> None:
    src = "Первое предложение. Погибли 12 человек."
    eng = "First sentence. Twelve people died. Officials said 21 were hurt."
    source = Document(
        src, "ru", [Span(0, len(src))], [Sentence(0, 0, 19, 0), Sentence(1, 20, 39, 0)]
    )
    target = Document(
        eng, "en", [Span(0, len(eng))], [Sentence(0, 0, 15, 0), Sentence(1, 16, 35, 0),
                                         Sentence(2, 36, len(eng), 0)]
    )  # fmt: skip
    ctx = CheckContext(
        target=target,
        source=source,
        pairs=[AlignedPair((0,), (0,), 1.0), AlignedPair((1,), (1, 2), 1.0)],
    )
    found = NumberMismatch().run(ctx)
    assert [eng[f.start : f.end] for f in found] == ["21"]


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Рост составил 3,5 %.", "Growth was 3.5 percent.", "ru"),
        ("Население — 1\u00a0000\u00a0000 человек.", "The population is 1,000,000.", "ru"),
        ("Население — 1 000 000 человек.", "The population is one million.", "ru"),
        ("На митинг пришли 300 тыс. человек.", "300,000 people came to the rally.", "ru"),
        ("Бюджет — 2,5 млрд долларов.", "The budget is $2.5bn.", "ru"),
        ("Отпуск длится 5–7 дней.", "The leave lasts 5-7 days.", "ru"),
        ("Это было в 2011-го году, 5-го числа.", "It was on the 5th, in 2011.", "ru"),
        ("Праздник отмечают 1 мая.", "The holiday is on May 1.", "ru"),
        ("Суд назначен на 16.02.2020.", "The hearing is set for February 16, 2020.", "ru"),
        ("Встреча начнется в 22:00.", "The meeting starts at 10 p.m.", "ru"),
        ("Ураган прошел в 65 км от границы.", "The storm passed within 40 miles of it.", "ru"),
        ("Задержаны двое подозреваемых.", "Two suspects were arrested.", "ru"),
        ("Шестеро полицейских ранены.", "Six officers were hurt.", "ru"),
        ("Обе команды вышли на поле.", "Both teams came out.", "ru"),
        ("В 30-е годы храм закрыли.", "The church closed in the 1930s.", "ru"),
        (
            "Волна высотой 6 метров обрушилась на берег.",
            "A wave six meters (20 feet) high hit the shore.",
            "ru",
        ),  # fmt: skip
        ("Одна из версий оказалась верной.", "One of the theories was right.", "ru"),
        ("Бір адам келді.", "A man came.", "kk"),
        ("Сайлау 2011 ж. өтті.", "The election was held in 2011.", "kk"),
        ("Ол XIX ғасырда салынған.", "It was built in the 19th century.", "kk"),
        # the same centuries typed with the Cyrillic look-alikes Х and І
        ("ХХ ғасырдың басында салынған.", "It was built at the beginning of the 20th century.",
         "kk"),
        ("ХХІ ғасырда бұл мүмкін емес.", "In the 21st century this is impossible.", "kk"),
        ("Храм построен в ХIХ веке.", "The church was built in the 19th century.", "ru"),
        # ordinals in any case: a date and a category written in digits in English
        ("Первого сентября дети пошли в школу.", "On September 1 the children went to school.",
         "ru"),
        ("Ураган третьей категории обрушился на побережье.",
         "A Category 3 hurricane hit the coast.",
         "ru"),
        # durations converted to another unit
        ("Он провёл там двое суток.", "He spent 48 hours there.", "ru"),
        ("Он отсидел полтора года.", "He served 18 months.", "ru"),
        ("Ол екі тәулік күтті.", "He waited 48 hours.", "kk"),
        ("Это заняло четверть часа.", "It took 15 minutes.", "ru"),
        # a temperature written onto its number, both scales ("30C (86F)")
        ("Температура — 30 градусов.", "It will be 30C (86F).", "ru"),
        # a sum converted into dollars in brackets, for the English reader
        ("Штраф составил 5 млн рублей.", "The fine was 5 million rubles ($80,000).", "ru"),
        ("Бюджет — 2 млрд тенге.", "The budget is 2 billion tenge (about $4.6 million).", "kk"),
        ("Ол жарты жыл бойы жұмыс істеді.", "He worked for six months.", "kk"),
        ("Жарты ғасыр бұрын бұл жерде зауыт болған.", "Fifty years ago there was a factory here.",
         "kk"),
        ("Переговоры шли 3 дня.", "The talks lasted 72 hours.", "ru"),
        ("Он родился в 1980 году.", "He was born in 1980.", "ru"),
        ("Погиб 56-летний мужчина.", "A 56-year-old man died.", "ru"),
        ("Екі жақтан да қолдау болды.", "There was support on both sides.", "kk"),
        # Kazakh inflected tens and bare scale words; "two and a half" for екі жарым or два с
        # половиной.
        ("Ол елуге толды.", "He turned fifty.", "kk"),
        ("Мыңнан астам адам келді.", "More than a thousand people came.", "kk"),
        ("Ол екі жарым жыл тұрды.", "He lived there for two and a half years.", "kk"),
        ("Он провёл там два с половиной года.", "He spent two and a half years there.", "ru"),
        # Times of day, decades of age and a century said in words.
        ("Взрыв прогремел в 00:00.", "The explosion went off at midnight.", "ru"),
        ("Встреча начнётся в 12:00.", "The meeting will start at noon.", "ru"),
        ("Встреча начнётся в полдень.", "The meeting will start at 12 noon.", "ru"),
        ("Ему за пятьдесят.", "He is in his fifties.", "ru"),
        ("Сто лет назад здесь был лес.", "A century ago there was a forest here.", "ru"),
        # "A year and a half" is полтора; a fortnight is two weeks; "cut in half" is в два раза.
        ("Он провёл там полтора года.", "He spent a year and a half there.", "ru"),
        ("Выборы пройдут через две недели.", "The election will be held in a fortnight.", "ru"),
        ("Доходы сократились в два раза.", "Income was cut in half.", "ru"),
        # Multiples: "tripled" is the три / үш of the source.
        ("Бағалар үш есе өсті.", "Prices tripled.", "kk"),
        ("Цены выросли в четыре раза.", "Prices quadrupled.", "ru"),
    ],
)
def test_equivalent_notations_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


def test_extract_reads_scales_decimals_and_words() -> None:
    values = [sorted(m.values) for m in extract_numbers("2,5 млрд и двадцать пять", "ru")]
    assert values == [[2.5, 2.5e9], [25.0]]
    en = [sorted(m.values) for m in extract_numbers("1,500 and twenty-five and 3.5", "en")]
    assert en == [[1500.0], [25.0], [3.5]]


def _demetr(shared_dir: pathlib.Path) -> list[dict]:
    """DEMETR's dev rows (ids 551-575: 25 source sentences, 875 rows; compare.splits)."""
    return demetr_rows("dev", shared_dir)


def test_demetr_numbers_replaced_are_caught(shared_dir: pathlib.Path) -> None:
    rows = [
        r for r in _demetr(shared_dir) if r["pert_name"].endswith("numbers_replaced")
        and r["pert_check"]
    ]  # fmt: skip
    assert rows
    caught = sum(bool(flags(r["src_sent"], r["pert_sent"])) for r in rows)
    assert caught / len(rows) >= 0.95  # dev: 3 of 3 caught; bound 0.95 (no slack)


def test_demetr_human_reference_is_not_flagged(shared_dir: pathlib.Path) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_name"] == "base_id35_reference"]
    flagged = [r["pert_sent"] for r in rows if flags(r["src_sent"], r["pert_sent"])]
    assert len(flagged) <= 1, flagged  # dev: 0 of 25 flagged; bound 1 (slack 1)


@pytest.mark.parametrize(("lang", "bound"), [("ru", 13), ("kk", 6)])
def test_ntrex_professional_translations_rarely_flagged(
    shared_dir: pathlib.Path, lang: str, bound: int
) -> None:
    """NTREX dev lines 1-300; measured 6 (ru) and 0 (kk), bounds 13 and 6 (slack 7 and 6; set
    when the check flagged 10 and 3), mostly real unit conversions (miles -> km), golf jargon
    and scores the translators rewrote."""
    lines = range(0, 300)
    eng = ntrex_lines("en", lines, shared_dir, strip=False)
    src = ntrex_lines(lang, lines, shared_dir, strip=False)
    flagged = sum(bool(flags(s, e, lang)) for s, e in zip(src, eng, strict=True))
    assert flagged <= bound


def test_demetr_references_with_a_changed_digit_are_caught(shared_dir: pathlib.Path) -> None:
    """Only 3 numbers_replaced dev rows apply cleanly, so also change the first number of every
    human reference that has one (1989 -> 1990, 16 -> 17) and expect each to be caught (dev: 2
    references have a number, both caught; no slack)."""
    import re

    rows = [r for r in _demetr(shared_dir) if r["pert_name"] == "base_id35_reference"]
    changed = [
        (r["src_sent"], re.sub(r"\d+", lambda m: str(int(m.group()) + 1), r["eng_sent"], count=1))
        for r in rows
        if re.search(r"\d", r["eng_sent"])
    ]
    assert len(changed) >= 2
    caught = sum(bool(flags(src, eng)) for src, eng in changed)
    assert caught == len(changed)


def test_wmt22_russian_original_rarely_flagged(shared_dir: pathlib.Path) -> None:
    """The 950 segments of the WMT22 ru-en dev documents (even positions) with their
    professional reference: dev 2 flagged; bound 5 (slack 3). Such flags: "Three-Way" in a
    product name, figures the translator rephrased ("объемные" -> "three-dimensional")."""
    rows = wmt22_rows("dev", shared_dir)
    flagged = sum(bool(flags(r["src"], r["ref_A"])) for r in rows)
    assert flagged <= 5


# An English number word opening a hyphenated compound (three-way, three-dimensional, also
# capitalised in a product title) is soft: Russian writes a numeral stem or a plain adjective.
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Механизм Hansgrohe на три выхода.", "Hansgrohe Three-Way Mechanism.", False),
        ("Механизм Hansgrohe на три выхода.", "Hansgrohe Four-Way Mechanism.", True),
        ("Это позволило создавать объемные изображения.", "It made three-dimensional images.",
         False),  # fmt: skip
        ("Это позволило создавать объемные изображения.", "It made three images.", True),
        ("Пришли двадцать пять человек.", "Twenty-six people came.", True),
        ("Он принял пятилетний план.", "He adopted a five-year plan.", False),
    ],
)
def test_number_word_compounds_are_soft(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, (src, eng)


# COVID-19's number is part of the name; "шесть десятков" is sixty, полгода six months; an
# English ordinal may stand for a Russian digit (на 1 этаже "on the first floor").
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Прошли протесты против COVID-паспортов.", "Protests against COVID-19 passports.", False),
        ("Прошли протесты против COVID-паспортов.", "19 protests against COVID passports.", True),
        ("ВОЗ нашла омикрон в шести десятках государств.", "WHO found omicron in sixty states.",
         False),  # fmt: skip
        ("ВОЗ нашла омикрон в шести десятках государств.", "WHO found omicron in six states.",
         True),  # fmt: skip
        ("Роста не ожидается в ближайшие полгода.", "No growth is expected for six months.", False),
        ("Роста не ожидается в ближайшие полгода.", "No growth is expected for seven months.",
         True),  # fmt: skip
        ("Они жили на 1 этаже.", "They lived on the first floor.", False),
        ("Они жили на 1 этаже.", "They lived on the ground floor.", True),
    ],
)
def test_disease_names_tens_half_years_and_ordinals(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # a soft Kazakh "екі" must not be taken by "both", leaving the firm "two" alone
        ("Екі жыл бұрын желіні сатып алды.", "It bought both chains two years ago.", "kk", False),
        ("Үш жыл бұрын желіні сатып алды.", "It bought both chains two years ago.", "kk", True),
        # Kazakh collective numerals
        ("Ол парапланеристердің екеуін жаттықтырған.", "He trained two of the pilots.", "kk",
         False),
        # capitalised number words are name parts on both sides
        ("Ко вторнику ливни пройдут в районе Четырех углов.",
         "Heavy rain will spread into the Four Corners on Tuesday.", "ru", False),
        ("Ко вторнику ливни пройдут в районе четырех штатов.",
         "Heavy rain will spread into five states on Tuesday.", "ru", True),
        # between implies two
        ("Он хотел наладить отношения между двумя странами.",
         "He wanted to repair relations between the allies.", "ru", False),
        ("Он хотел наладить отношения с двумя странами.",
         "He wanted to repair relations with the allies.", "ru", True),
        # fashion season codes
        ("Сумка из коллекции весна-лето 2019 года.", "The bag from the SS19 collection.", "ru",
         False),
        ("Сумка из коллекции весна-лето 2018 года.", "The bag from the SS19 collection.", "ru",
         True),
        # a number word that counts an enumeration
        ("Арестованы мужчины в возрасте 33, 34 и 39 лет.",
         "Three men, aged 33, 34 and 39, have been arrested.", "ru", False),
        ("Арестованы мужчины в возрасте 33, 34 и 39 лет.",
         "Four men, aged 33, 34 and 39, have been arrested.", "ru", True),
        # different units convert; the same unit must agree
        ("Местами до 25 см осадков.", "Up to 26 cm of rain are possible.", "ru", True),
        ("Температура поднимется до 27 градусов.", "It could reach 80 degrees.", "ru", False),
        ("Температура поднимется до 17 градусов.", "It could reach 80 degrees.", "ru", True),
    ],
)
def test_number_conventions_of_professional_translations(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged


def test_converted_measures_do_not_pair_by_bare_value() -> None:
    """"10 см" is not "10 inches": the 25 cm that 10 inches converts is matched, and the flag
    names the real difference (10 cm against 6 inches)."""
    found = flags("Выпадет 7–10 см осадков, местами до 25 см.",
                  "Totals of 3 to 6 inches, up to 10 inches in places.")
    assert len(found) == 1
    assert found[0].evidence == {"source": ["10"], "target": ["6"]}


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        ("Цены выросли втрое.", "Prices doubled.", "ru", "doubled"),
        ("Цены выросли вдвое.", "Prices tripled.", "ru", "tripled"),
        ("Доходы сократились втрое.", "Income halved.", "ru", "halved"),
        ("Бағалар екі есе өсті.", "Prices tripled.", "kk", "tripled"),
        ("Цены выросли втрое.", "Prices tripled.", "ru", None),
        ("Цены удвоились.", "Prices doubled.", "ru", None),
        ("Утром цены удвоились.", "In the morning prices doubled.", "ru", None),  # утром
        ("Цены выросли вдвое.", "Prices rose twice as fast.", "ru", None),  # no English multiple
    ],
)
def test_growth_multiples_are_compared(src: str, eng: str, lang: str, flagged: str | None) -> None:
    found = flags(src, eng, lang)
    assert [eng[f.start : f.end] for f in found] == ([flagged] if flagged else []), found


def test_a_multiple_whose_number_is_flagged_is_not_flagged_twice() -> None:
    found = flags("Бағалар үш есе өсті.", "Prices doubled.", "kk")
    assert [(f.side, f.severity) for f in found] == [("source", "major")]


def test_two_and_a_half_is_still_a_number() -> None:
    found = flags("Он провёл там три с половиной года.", "He spent two and a half years there.")
    assert [f.severity for f in found] == ["major"] and "two and a half" in found[0].message


@pytest.mark.parametrize(
    "src, eng, lang, flagged",
    [
        # fractions of a scale word (from the MQM TED training talks, dev)
        ("Команда выиграла полмиллиона долларов.", "The team won half a million dollars.", "ru",
         False),
        ("Команда выиграла полмиллиона долларов.", "The team won a million dollars.", "ru", True),
        ("Есть четверть миллиона видов растений.",
         "There are a quarter of a million species of plants.", "ru", False),
        ("Есть четверть миллиона видов растений.", "There are four million species of plants.",
         "ru", True),
        ("Бюджет составил полмиллиарда рублей.", "The budget was 500 million roubles.", "ru",
         False),
        ("Прибыло два с половиной миллиона туристов.", "2.5 million tourists arrived.", "ru",
         False),
        ("Прибыло два с половиной миллиона туристов.", "Two million tourists arrived.", "ru", True),
        ("Ол жарты миллион теңге алды.", "He received half a million tenge.", "kk", False),
        ("Нам пришлось начать с нуля.", "We had to start from scratch.", "ru", False),
        ("Температура упала до нуля.", "The temperature fell to ten degrees.", "ru", True),
    ],
)  # fmt: skip
def test_fractions_of_a_scale_and_from_scratch(src: str, eng: str, lang: str,
                                               flagged: bool) -> None:  # fmt: skip
    assert bool(flags(src, eng, lang)) is flagged, flags(src, eng, lang)


def test_a_pair_with_too_many_numbers_to_match_gets_one_notice() -> None:
    import time

    from compare.checks.numbers import MAX_MENTION_PAIRS

    count = int(MAX_MENTION_PAIRS**0.5) + 10
    src = ", ".join(f"{i} человек" for i in range(count)) + "."
    eng = ", ".join(f"{i + 1} people" for i in range(count)) + "."
    started = time.monotonic()
    found = flags(src, eng)
    assert time.monotonic() - started < 10
    assert len(found) == 1 and found[0].severity == "minor"
    assert "not compared" in found[0].message


# From the number flags on MLQE-PE ru-en train post-edits (a dev source no rule was written
# against; benchmarks/README.md, session 15), rewritten as news sentences.
@pytest.mark.parametrize(("src", "eng"), [
    ("Интервью вышло 29.08.2008 на радио.", "The interview aired on 08.29.2008 on the radio."),
    ("Он был крупным историком XX века.", "He was a great historian of the twentieth century."),
    ("Это культ XXI века.", "It is a cult of the twenty-first century."),
    ("Это организация с сотней участников.", "It is an organization with a hundred members."),
    ("Все листали тридцатистраничный доклад.", "Everyone read the 30-page report."),
    ("Он владелец миллиардного состояния.", "He owns a billion-dollar fortune."),
    ("Яхта за полмиллиона евро.", "A half-a-million-euro yacht."),
    ("За всю тысячелетнюю историю страны.", "In the 1,000-year history of the country."),
    ("Деньги вернули со стопроцентной прибылью.", "The money came back with a 100% return."),
    ("Цель – войти в пятёрку мировых лидеров.", "The goal is to be among the world's top five."),
])  # fmt: skip
def test_dates_centuries_and_compound_numerals_read_alike(src: str, eng: str) -> None:
    assert not flags(src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Интервью вышло 29.08.2008 на радио.", "The interview aired on 08.28.2008 on the radio."),
    ("Это культ XXI века.", "It is a cult of the twenty-second century."),
    ("Это культ XX века.", "It is a cult of the twenty-first century."),
    ("Он был крупным историком XX века.", "He was a great historian of the nineteenth century."),
    ("Все листали тридцатистраничный доклад.", "Everyone read the 40-page report."),
    ("Это организация с сотней участников.", "It is an organization with a thousand members."),
    ("Он владелец миллиардного состояния.", "He owns a million-dollar fortune."),
    ("Яхта за полмиллиона евро.", "A half-a-billion-euro yacht."),
    ("За всю тысячелетнюю историю страны.", "In the 500-year history of the country."),
    ("Деньги вернули со стопроцентной прибылью.", "The money came back with a 50% return."),
    ("Цель – войти в пятёрку мировых лидеров.", "The goal is to be among the world's top ten."),
])  # fmt: skip
def test_the_same_with_another_number_is_flagged(src: str, eng: str) -> None:
    assert flags(src, eng)


# Probes from general knowledge (session 16): compound ordinals written in words, "two and a
# half million" read as one number, Kazakh мыңжылдық ("a thousand-year").
@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Двадцать первый век начался с кризиса.", "The twenty-first century began with a crisis.",
     "ru"),
    ("Он финишировал тридцать пятым.", "He finished thirty-fifth.", "ru"),
    ("Два с половиной миллиона человек проголосовали.", "Two and a half million people voted.",
     "ru"),
    ("Жиырма бірінші ғасырдың басты мәселесі.", "The main problem of the twenty-first century.",
     "kk"),
    ("Екі жарым миллион адам дауыс берді.", "Two and a half million people voted.", "kk"),
    ("Мыңжылдық тарихы бар қала.", "A city with a thousand-year history.", "kk"),
])  # fmt: skip
def test_compound_ordinals_and_fractions_of_a_million_read_alike(src: str, eng: str,
                                                                 lang: str) -> None:
    assert not flags(src, eng, lang)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Двадцать первый век начался с кризиса.", "The twenty-second century began with a crisis.",
     "ru"),
    ("Он финишировал тридцать пятым.", "He finished twenty-fifth.", "ru"),
    ("Два с половиной миллиона человек проголосовали.", "Three and a half million people voted.",
     "ru"),
    ("Жиырма бірінші ғасырдың басты мәселесі.", "The main problem of the twenty-second century.",
     "kk"),
    ("Екі жарым миллион адам дауыс берді.", "Two and a half billion people voted.", "kk"),
])  # fmt: skip
def test_the_same_with_another_ordinal_or_amount_is_flagged(src: str, eng: str,
                                                            lang: str) -> None:
    assert flags(src, eng, lang)


@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Он забил свой сотый гол.", "He scored his 100th goal.", False),
    ("Он забил свой сотый гол.", "He scored his 10th goal.", True),
    ("Безработица снизилась на 0,5 процентного пункта.",
     "Unemployment fell by half a percentage point.", False),
    ("Безработица снизилась на 1,5 процентного пункта.",
     "Unemployment fell by half a percentage point.", True),
    ("Яхта за полмиллиона евро.", "A yacht for half a million euros.", False),
])  # fmt: skip
def test_ordinal_hundredth_and_half_a_point(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) == flagged


@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("В 2019–2020 годах продажи росли.", "Sales grew in 2019-20.", False),
    ("В 2019–2021 годах продажи росли.", "Sales grew in 2019-20.", True),
    ("Он пробежал 10 км за 30 минут.", "He ran 10km in half an hour.", False),
    ("Он пробежал 10 км за 20 минут.", "He ran 10km in half an hour.", True),
    ("Цены снизились вдвое.", "Prices were cut in half.", False),
])  # fmt: skip
def test_short_year_spans_and_half_an_hour(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) == flagged


# Measures a translator converts as English news writes them (compare/measures.py): each
# faithful conversion beside the same with the measure changed.
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Рост игрока — 2 метра.", "The player is 6-foot-7.", "ru", False),
    ("Рост игрока — 2 метра.", "The player is 5-foot-7.", "ru", True),
    ("Рост игрока — 198 см.", "The player is 6 feet 6 inches tall.", "ru", False),
    ("Двухметровый центровой перешёл в клуб.", "The 6-foot-8 center joined the club.", "ru",
     False),
    ("Двухметровый центровой перешёл в клуб.", "The 5-foot-8 center joined the club.", "ru",
     True),
    ("6 фут-6 дюйм бойы бар форвард.", "The 6-foot-6 forward.", "kk", False),
    ("6 фут-7 дюйм бойы бар форвард.", "The 6-foot-6 forward.", "kk", True),
    ("Ойыншының бойы 2 метр.", "The player is 6-foot-7.", "kk", False),
    ("Температура поднимется до 32 градусов.", "Temperatures will climb into the 90s.", "ru",
     False),
    ("Температура поднимется до 32 градусов.", "Temperatures will climb into the 70s.", "ru",
     True),
    ("Температура составит около 21 градуса.", "Temperatures will be in the low 70s.", "ru",
     False),
    ("Температура составит около 21 градуса.", "Temperatures will be in the upper 80s.", "ru",
     True),
    ("Ожидается жара до 38 °C.", "Highs near 100 are expected.", "ru", False),
    ("Ожидается жара до 28 °C.", "Highs near 100 are expected.", "ru", True),
    ("Температура 32 градусқа дейін көтеріледі.", "Temperatures will climb into the 90s.", "kk",
     False),
    ("В 1990-х годах экономика росла.", "In the '90s the economy grew.", "ru", False),
    ("В 1980-х годах экономика росла.", "In the 90s the economy grew.", "ru", True),
    ("Площадь дома — 280 кв. м.", "The house has 3,000 square feet.", "ru", False),
    ("Площадь дома — 280 кв. м.", "The house has 2,000 square feet.", "ru", True),
    ("Рыба весом 450 граммов.", "A one-pound fish.", "ru", False),
    ("Рыба весом 450 граммов.", "A two-pound fish.", "ru", True),
    ("Стейк весом 450 г на гриле.", "A 16-ounce steak on the grill.", "ru", False),
    ("Стейк весом 450 г на гриле.", "A 10-ounce steak on the grill.", "ru", True),
    ("Он весит 95 кг.", "He weighs 15 stone.", "ru", False),
    ("Туман сократил видимость до 400 метров.", "Fog cut visibility to a quarter mile.", "ru",
     False),
    ("Туман сократил видимость до 1200 метров.", "Fog cut visibility to a quarter mile.", "ru",
     True),
    ("Ставка снижена на четверть процентного пункта.", "The rate was cut by 25 basis points.",
     "ru", False),
    ("Ставка снижена на 0,5 п. п.", "The rate was cut by 25 basis points.", "ru", True),
    ("Почти 50 % опрошенных против.", "Nearly half of those polled are against.", "ru", False),
    ("Почти 40 % опрошенных против.", "Nearly half of those polled are against.", "ru", True),
    ("Температура около 25 градусов.", "Temperatures near 80 degrees.", "ru", False),
    ("Температура около 25 градусов.", "Temperatures near 90 degrees.", "ru", True),
    ("Около 30 градусов жары.", "Temperatures in the 90s.", "ru", False),
    ("Около 20 градусов жары.", "Temperatures in the 90s.", "ru", True),
    ("Жиырма жыл бұрын.", "Two decades ago.", "kk", False),
    ("Жиырма жыл бұрын.", "Three decades ago.", "kk", True),
    ("Двадцать лет назад.", "Two decades ago.", "ru", False),
    ("Баға бір жарым есе өсті.", "Prices rose one and a half times.", "kk", False),
    ("Баға бір жарым есе өсті.", "Prices rose two and a half times.", "kk", True),
])  # fmt: skip
def test_converted_measures_as_news_writes_them(src: str, eng: str, lang: str,
                                                flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) == flagged


# A quarter or half year in business English (Q3, H1) and тысяча in every case (made-up
# sentences after MLQE-PE ru-en train post-edits): the same number, and a changed one.
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Выручка за 3 квартал 2018 года выросла.", "Q3 2018 revenue rose.", False),
    ("Выручка за 3 квартал 2018 года выросла.", "Q4 2018 revenue rose.", True),
    ("Вирус H1N1 распространяется.", "The H1N1 virus is spreading.", False),
    ("Он говорил с тысячей людей.", "He spoke with a thousand people.", False),
    ("Он говорил с тысячей людей.", "He spoke with a hundred people.", True),
])  # fmt: skip
def test_quarters_and_thousands_in_every_case(src, eng, flagged):
    assert bool(flags(src, eng)) == flagged, (src, eng)


# A converted measure with a hedge on either side may be rounded further (15 % of the smaller
# figure rather than 10 %): translators round "about five pounds" (2.27 kg) to "около 2 кг" and
# "about 70 miles" (113 km) to "около 100 км". Without a hedge, beyond 15 %, or in one unit,
# the figures must agree as before (session 35; made-up sentences).
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Вес около 2 кг.", "It weighs about five pounds.", "ru", False),
    ("Вес 2 кг.", "It weighs five pounds.", "ru", True),
    ("Вес около 3 кг.", "It weighs about five pounds.", "ru", True),
    ("До города около 100 км.", "The city is about 70 miles away.", "ru", False),
    ("До города 100 км.", "The city is 70 miles away.", "ru", True),
    ("Выпадет до 15 см осадков.", "Up to 5 inches of rain will fall.", "ru", True),
    ("Вес около 2 кг.", "It weighs about 3 kilograms.", "ru", True),
    ("Салмағы шамамен 2 кг.", "It weighs about five pounds.", "kk", False),
    ("Салмағы 2 келіге дейін.", "It weighs up to five pounds.", "kk", False),
    ("Салмағы 2 келі.", "It weighs five pounds.", "kk", True),
])  # fmt: skip
def test_a_hedged_converted_measure_may_be_rounded(src, eng, lang, flagged):
    assert bool(flags(src, eng, lang)) is flagged, (src, eng)


# An hour of the 24-hour clock said in words ("в 15 часов", "сағат 15-те") is "3 pm" in
# English, as 15:00 already was; a duration ("работал 15 часов") is not. A football score's
# "nil" is 0 (session 35; made-up sentences).
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Встреча пройдёт в 15 часов.", "The meeting will be held at 3 pm.", "ru", False),
    ("Встреча пройдёт в 15 часов.", "The meeting will be held at 5 pm.", "ru", True),
    ("Он работал 15 часов подряд.", "He worked 3 hours straight.", "ru", True),
    ("Кездесу сағат 15-те өтеді.", "The meeting will be at 3 p.m.", "kk", False),
    ("Ол 15 сағат жұмыс істеді.", "He worked 3 hours.", "kk", True),
    ("Команда выиграла со счётом 3:0.", "The team won 3-nil.", "ru", False),
    ("Команда выиграла со счётом 3:0.", "The team won 3-1.", "ru", True),
])  # fmt: skip
def test_clock_hours_in_words_and_nil(src, eng, lang, flagged):
    assert bool(flags(src, eng, lang)) is flagged, (src, eng)


# One growth said as a multiple on one side and a percentage on the other (session 35;
# made-up sentences): "на 100 %" / doubled, "в 1,5 раза" / by 50 %, "на 50 %" / 1.5 times; a
# different growth is still flagged.
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Цены выросли на 100%.", "Prices doubled.", "ru", False),
    ("Цены выросли на 100%.", "Prices tripled.", "ru", True),
    ("Цены выросли в 1,5 раза.", "Prices rose by 50%.", "ru", False),
    ("Цены выросли в 1,5 раза.", "Prices rose by 40%.", "ru", True),
    ("Цены выросли на 50%.", "Prices rose 1.5 times.", "ru", False),
    ("Цены выросли на 50%.", "Prices rose 2.5 times.", "ru", True),
    ("Бағасы 100 пайызға өсті.", "Prices doubled.", "kk", False),
    ("Бағасы 1,5 есе өсті.", "Prices rose by 50%.", "kk", False),
])  # fmt: skip
def test_a_growth_said_as_a_multiple_or_a_percentage(src, eng, lang, flagged):
    assert bool(flags(src, eng, lang)) is flagged, (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # Kazakh voices a stem's final к, қ before a vowel ending: тәулік -> тәулігіне "a day
        # (of 24 hours)", онжылдық -> онжылдығы "its decade" are read as their numbers.
        ("Кен орнында тәулігіне 100 мың баррель мұнай өндіріледі.",
         "The field produces 100,000 barrels of oil every 24 hours.", False),
        ("Кен орнында тәулігіне 100 мың баррель мұнай өндіріледі.",
         "The field produces 100,000 barrels of oil every 12 hours.", True),
        ("Екі тәулігінде 5 адам қаза тапты.", "Five people died in 48 hours.", False),
        ("Екі тәулігінде 5 адам қаза тапты.", "Five people died in 36 hours.", True),
    ],
)
def test_kazakh_voiced_number_words(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng, "kk")) is flagged, (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    # the English rounds an exact figure, saying so by a hedge or a scale word (made-up probes)
    ("В городе живут 1 234 567 человек.", "The city has about 1.2 million people.", "ru", False),
    ("В городе живут 1 234 567 человек.", "The city has 1.2 million people.", "ru", False),
    ("Погибли 385 человек.", "Some 400 people died.", "ru", False),
    ("Протяженность дороги 1 234 км.", "The road is about 1,200 km long.", "ru", False),
    ("Қалада 2 456 000 адам тұрады.", "The city has nearly 2.5 million people.", "kk", False),
    # a changed digit still differs; an unhedged round figure, a figure one digit shorter, or
    # an English figure more exact than the source's are not roundings
    ("В городе живут 1 234 567 человек.", "The city has 1.3 million people.", "ru", True),
    ("Погибли 385 человек.", "400 people died.", "ru", True),
    ("Погибли 385 человек.", "Some 409 people died.", "ru", True),
    ("Погибли 38 человек.", "About 40 people died.", "ru", True),
    ("Погибли 1,2 млн человек.", "1,234,567 people died.", "ru", True),
    ("Протяженность дороги 1 234 км.", "The road is about 1,200 miles long.", "ru", True),
])
def test_a_figure_rounded_in_the_english(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) is flagged, (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Он провел в тюрьме 18 месяцев.", "He spent a year and a half in prison.", "ru", False),
    ("Ол түрмеде 18 ай отырды.", "He spent a year and a half in prison.", "kk", False),
    ("Фильм длится 90 минут.", "The film lasts an hour and a half.", "ru", False),
    ("Он провел в тюрьме 16 месяцев.", "He spent a year and a half in prison.", "ru", True),
    ("Фильм длится 80 минут.", "The film lasts an hour and a half.", "ru", True),
])
def test_a_unit_and_a_half_is_a_measure(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(flags(src, eng, lang)) is flagged, (src, eng)
