"""name-mismatch: names lost, changed or invented; transliterated and translated names kept."""

from __future__ import annotations

import pathlib

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.countries import CountryMismatch
from compare.checks.names import NameMismatch
from compare.document import Document, Sentence, Span
from compare.name_matching import src_matches_en
from compare.splits import demetr_rows, ntrex_lines, wmt22_rows


def one_pair(src: str, eng: str, lang: str = "ru") -> CheckContext:
    """A one-sentence-per-side document with a single 1-1 pair."""
    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    return CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])


def flags(src: str, eng: str, lang: str = "ru") -> list:
    """The name check's flags and the country check's, to which it leaves a swapped state."""
    ctx = one_pair(src, eng, lang)
    return NameMismatch().run(ctx) + CountryMismatch().run(ctx)


def test_changed_city_is_flagged_on_both_sides() -> None:
    src = "В понедельник Токаев встретился с журналистами в Астане."
    eng = "On Monday Tokayev met journalists in Almaty."
    found = flags(src, eng)
    shown = {(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found}
    assert shown == {("source", "Астане"), ("target", "Almaty")}
    assert all(f.category == "name" and f.severity == "major" for f in found)


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Вчера в Жанаозене прошёл митинг.", "A rally was held in Aktau yesterday.", "kk"),
        ("Вчера Жанаозенде шеру өтті.", "A rally was held in Aktau yesterday.", "kk"),
        ("Встреча с Назарбаевым прошла в Москве.", "The meeting with Tokayev was in Moscow.", "ru"),
        ("Программа наблюдала галактику в Стрельце.", "It observed the galaxy in .", "ru"),
        ("Хьюн и Прайс явятся в суд.", "Hyun and North will appear in court.", "ru"),
        # A capital after a title is a place, not the title's country (Германия канцлері):
        ("Премьер-министр кеше Сеулге келді.", "The prime minister arrived yesterday.", "kk"),
        ("Жапония премьері Сеулге келді.", "Japan's prime minister arrived in Beijing.", "kk"),
        ("Премьер-министр вчера прибыл в Пекин.", "The prime minister arrived yesterday.", "ru"),
        # Nor is a Kazakh country after an office (Russian order: министр обороны России):
        ("Президент бүгін Францияға сапармен барады.", "The president will visit today.", "kk"),
        ("Полиция кеше Түркияда екі адамды ұстады.", "Police detained two people yesterday.", "kk"),
    ],
)
def test_lost_or_replaced_names_are_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang), (src, eng)


def test_added_name_in_english_is_flagged() -> None:
    src = "Так же, как Луна притягивает Землю, Млечный Путь воздействует на галактику."
    eng = "Just as the Yangtze River pulls on the Earth, the Milky Way acts on the galaxy."
    found = flags(src, eng)
    shown = {(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found}
    # The Moon was replaced: lost on the source side, invented on the English side.
    assert shown == {("source", "Луна"), ("target", "Yangtze River")}


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Президент Токаев прибыл в Шымкент.", "President Tokayev arrived in Shymkent.", "ru"),
        (
            "Встреча с Токаевым прошла в Нурсултане.",
            "The meeting with Tokaev was in Nursultan.",
            "ru",
        ),  # fmt: skip
        ("Делегация Германии посетила США.", "A German delegation visited the U.S.", "ru"),
        (
            "Так же, как Луна притягивает Землю, так и Млечный Путь воздействует на галактику "
            "в Стрельце.",
            "Just like the moon pulls the earth, so does the Milky Way pull on the "
            "Sagittarius galaxy.",
            "ru",
        ),  # fmt: skip
        (
            "Суд назначен на 16 февраля в Вестминстере.",
            "The hearing is on February 16 in Westminster.",
            "ru",
        ),  # fmt: skip
        ("Они изучали Библию на латинском языке.", "They studied the Bible in Latin.", "ru"),
        ("Заседание ООН прошло в Нью-Йорке.", "The UN met in New York.", "ru"),
        (
            "Ол Қазақстан мен Қытай арасындағы келісімге қол қойды.",
            "He signed the agreement between Kazakhstan and China.",
            "kk",
        ),  # fmt: skip
        ("Кеше Жанаозенде шеру өтті.", "A rally was held in Zhanaozen yesterday.", "kk"),
        (
            "Толпа заставила Короля и Королеву открыть окна.",
            "The crowd forced the King and Queen to open the windows.",
            "ru",
        ),  # fmt: skip
        ("Эксперт Национального центра сообщил об этом.", "An expert said so.", "ru"),
    ],
)
def test_rendered_names_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


def test_inflected_and_translated_forms_match() -> None:
    assert src_matches_en("Токаеву", "Tokayev")
    assert src_matches_en("Астане", "Astana")
    assert src_matches_en("Германии", "Germany")
    assert src_matches_en("февраля", "February")
    assert not src_matches_en("Астане", "Almaty")
    assert src_matches_en("Мажарстанның", "Hungary")  # Kazakh's own name for Hungary
    assert src_matches_en("Құдыста", "Jerusalem")


def _demetr(shared_dir: pathlib.Path) -> list[dict]:
    """DEMETR's dev rows (ids 551-575: 25 source sentences, 875 rows; compare.splits)."""
    return demetr_rows("dev", shared_dir)


@pytest.mark.parametrize("kind", ["ne_replaced", "ne_removed"])
def test_demetr_name_perturbations_are_caught(shared_dir: pathlib.Path, kind: str) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_name"].endswith(kind) and r["pert_check"]]
    assert rows
    caught = sum(bool(flags(r["src_sent"], r["pert_sent"])) for r in rows)
    # dev: 6 of 7 caught for both; bound 0.8 (no slack: one more miss, 5 of 7, fails)
    assert caught / len(rows) >= 0.8


def test_demetr_human_reference_is_not_flagged(shared_dir: pathlib.Path) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_name"] == "base_id35_reference"]
    flagged = [r["pert_sent"] for r in rows if flags(r["src_sent"], r["pert_sent"])]
    assert len(flagged) <= 1, flagged  # dev: 0 of 25 flagged; bound 1 (slack 1)


@pytest.mark.parametrize(("lang", "bound"), [("ru", 48), ("kk", 12)])
def test_ntrex_professional_translations_bounded(
    shared_dir: pathlib.Path, lang: str, bound: int
) -> None:
    """NTREX dev lines 1-300; measured 29 (ru) and 2 (kk), bounds 48 and 12 (slack 19 and 10;
    set when the check flagged 41 and 7). Most are real divergences of this corpus (its Russian
    adds names the English original leaves as "he", or drops them), the rest translated titles
    of shows and organisations ("This Morning", "Save the Children")."""
    lines = range(0, 300)
    eng = ntrex_lines("en", lines, shared_dir, strip=False)
    src = ntrex_lines(lang, lines, shared_dir, strip=False)
    flagged = sum(bool(flags(s, e, lang)) for s, e in zip(src, eng, strict=True))
    assert flagged <= bound


def test_wmt22_russian_original_bounded(shared_dir: pathlib.Path) -> None:
    """The 950 segments of the WMT22 ru-en dev documents (even positions) with their
    professional reference: dev 0 flagged; bound 3 (slack 3). (On all 2,016 segments, before
    the split was kept, 39 were: some real, "WНO" typed with a Cyrillic Н, the rest translated
    institution names and spellings beyond the fuzzy tolerance.)"""
    rows = wmt22_rows("dev", shared_dir)
    flagged = sum(bool(flags(r["src"], r["ref_A"])) for r in rows)
    assert flagged <= 3


# Professional renderings that must pass: English spellings Russian writes by sound, inflected
# and Kazakh forms, both Kazakh romanisations, and names whose words are translated.
RENDERED = [
    ("ru", "Сенатор от штата Юта выступил против.", "The senator from Utah spoke against it."),
    ("ru", "Об этом написал философ Хьюм.", "The philosopher Hume wrote about it."),
    ("ru", "Клуб покинул защитник Сэвидж.", "Defender Savage has left the club."),
    ("ru", "Карнавал в Рио-де-Жанейро отменили.", "The carnival in Rio de Janeiro was cancelled."),
    ("ru", "На вопросы ответила Макинани.", "McEnany answered the questions."),
    ("ru", "Верующие отмечают Ид аль-Фитр.", "Believers are celebrating Eid al-Fitr."),
    ("ru", "Заявление сделали в Белом доме.", "The statement was made at the White House."),
    ("ru", "Данными обменялись страны Пять глаз.", "The Five Eyes countries shared the data."),
    ("ru", "Указ подписал президент РФ.", "The President of the Russian Federation signed it."),
    ("ru", "Указ подписал президент РФ.", "Russia's president signed the decree."),
    ("ru", "Делегация США прибыла в ЕС.", "A US delegation arrived in the EU."),
    ("ru", "Генсек ООН выступил в Женеве.", "The UN Secretary-General spoke in Geneva."),
    ("ru", "Песню исполнила Рэйчел Райт.", "The song was performed by Rachel Wright."),
    ("ru", "Вчера выступил Хью Найт.", "Hugh Knight spoke yesterday."),
    ("ru", "Матч прошёл в Ньюкасле.", "The match was played in Newcastle."),
    ("ru", "С ним согласился Джордж Ли.", "George Lee agreed with him."),
    ("ru", "Победу одержал «Эр».", "Ayr won."),
    ("ru", "Праздник Хеллоуина приходится на осень.", "Halloween falls in autumn."),
    ("ru", "Проект поддержал Кавано.", "Kavanaugh supported the project."),
    ("ru", "Вопрос задал Джо Роу.", "The question came from Joe Rowe."),
    ("ru", "По мнению Питера Джонса, это ошибка.", "Jones thinks it is a mistake."),
    ("ru", "Его принял Ким Чен Ын.", "Kim received him."),
    # The same three syllables opening the sentence, spelled by two systems (Чен Ын / Jong Un).
    ("ru", "Ким Чен Ын провел испытание.", "Kim Jong Un held a test."),
    ("ru", "Ким Ё Чжон сделала заявление.", "Kim Yo Jong made a statement."),
    ("ru", "Вчера Мун Чжэ Ин прибыл в Пхеньян.", "Yesterday Moon Jae-in arrived in Pyongyang."),
    ("ru", "Ли Ён Хо выступил в ООН.", "Ri Yong Ho spoke at the UN."),
    ("ru", "Беспорядки начались в тюрьме в Вустершире.", "Disorder broke out at a jail in "
     "Worcestershire."),
    ("ru", "Читатели The New York Times возмутились.", "NYT readers were outraged."),
    ("ru", "Газопровод «Северный поток» достроен.", "The Nord Stream pipeline is complete."),
    ("kk", "Қасым-Жомарт Тоқаев Нұрсұлтанда сөйледі.", "Kassym-Jomart Tokayev spoke in Nursultan."),
    ("kk", "Қасым-Жомарт Тоқаев Нұрсұлтанда сөйледі.", "Qasym-Jomart Toqaev spoke in Nur-Sultan."),
    ("kk", "Тоқаевқа хат берілді.", "A letter was given to Tokayev."),
    ("kk", "Делегация АҚШ-қа барды.", "The delegation went to the US."),
]


@pytest.mark.parametrize(("lang", "src", "eng"), RENDERED)
def test_professional_renderings_are_not_flagged(lang: str, src: str, eng: str) -> None:
    found = flags(src, eng, lang)
    shown = [(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found]
    assert found == [], shown


# Real name errors around the same conventions: still caught.
@pytest.mark.parametrize(
    ("lang", "src", "eng"),
    [
        ("ru", "Сенатор от штата Юта выступил против.", "The senator from Ohio spoke against it."),
        ("ru", "Об этом написал философ Хьюм.", "The philosopher Kant wrote about it."),
        ("ru", "Заявление сделали в Белом доме.", "The statement was made at the Kremlin."),
        ("ru", "Выступила Ангела Меркель.", "Angela Davis spoke."),  # surname replaced
        ("ru", "Это подтвердила Макинани.", "This was confirmed by Psaki."),
        ("ru", "Матч прошёл в Ньюкасле.", "The match was played in Manchester."),
        ("ru", "С ним согласился Джордж Ли.", "George Lucas agreed with him."),
        ("kk", "Қасым-Жомарт Тоқаев Нұрсұлтанда сөйледі.", "Kassym-Jomart Tokayev was in Almaty."),
        ("kk", "Делегация АҚШ-қа барды.", "The delegation went to France."),
        ("ru", "Ким Чен Ын провел испытание.", "Moon Jae-in held a test."),
        # Short syllables are excused only beside a family name the other side renders.
        ("ru", "Вчера Ким Чен Ын провел испытание.", "Yesterday Moon Jae-in held a test."),
    ],
)
def test_name_errors_near_conventions_are_flagged(lang: str, src: str, eng: str) -> None:
    assert flags(src, eng, lang), (src, eng)


# Kazakh: a possessive and a case stacked on a short exonym (Сот-ы-нда, Үй-де); the generic
# words of Kazakh institution names, as in Russian; Kazakh exonyms (Еділ, Таяу Шығыс).
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Іс Жоғарғы Сотында қаралды.", "The case was heard by the Supreme Court.", False),
        ("Іс Жоғарғы Сотында қаралды.", "The case was heard by the Senate.", True),
        ("Кездесу Ақ Үйде өтті.", "The meeting took place at the White House.", False),
        ("Кездесу Ақ Үйде өтті.", "The meeting took place at the Kremlin.", True),
        ("Бұл туралы Халықаралық валюта қоры хабарлады.", "The IMF reported it.", False),
        ("Бұл туралы Халықаралық Лонсдейл қоры хабарлады.", "The IMF reported it.", True),
        ("Олар Еділ бойында тұрады.", "They live on the Volga.", False),
        ("Олар Еділ бойында тұрады.", "They live on the Thames.", True),
        ("Бұл Таяу Шығыстағы соғыс.", "This is a war in the Middle East.", False),
    ],
)
def test_kazakh_endings_generic_words_and_exonyms(src: str, eng: str, flagged: bool) -> None:
    found = flags(src, eng, "kk")
    shown = [(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found]
    assert bool(found) is flagged, shown


# Capitals that are conventions, not names (issue 8, WMT22 dev documents): English title case
# of institutions, posts, days and products; translated titles of works in quotes; job titles;
# the head noun of a Russian document title; stump compounds; a Latin model code before the
# first Cyrillic word; Cyrillic look-alike letters in a Latin word. The real errors beside
# them are still caught.
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Фонду поддержки российских литераторов передадут имущество.",
         "The property will go to the Fund for the Support of Russian Writers.", False),
        ("Фонду Потанина передадут имущество.",
         "The property will go to the Fund for the Support of Russian Writers.", True),
        ("Об этом рассказала научный руководитель клиники Системной медицины Зухра Павлова.",
         "Academic Advisor of Systems Medicine Clinic, Zukhra Pavlova, said so.", False),
        ("Об этом рассказала научный руководитель клиники Системной медицины Зухра Павлова.",
         "Academic Advisor of Systems Medicine Clinic, Zukhra Ivanova, said so.", True),
        ("В связи с Международным днем всеобщего охвата услугами здравоохранения ВОЗ "
         "опубликовала доклад.",
         "On International Universal Health Coverage Day, the WHO published a report.", False),
        ("Премьер Великобритании Мэй обвинила критиков.", "British PM May accused critics.",
         False),
        ("Премьер Великобритании Мэй обвинила критиков.", "British PM Kavanaugh accused critics.",
         True),
        ("На премьере фильма \"Не время умирать\" он появился в пиджаке.",
         "At the premiere of \"No Time to Die\", he appeared in a jacket.", False),
        ("Спектакль \"Вишнёвый сад\" идёт в театре.",
         "The play \"The Cherry Orchard\" is on at the theatre.", False),
        ("Новый спектакль идёт в театре.",
         "The new play \"The Cherry Orchard\" is on at the theatre.", True),
        ("Принят приказ \"Об утверждении Порядка предоставления отсрочки\".",
         "The order 'On Approval of the Procedure for Granting Deferrals' was adopted.", False),
        ("Здания принадлежали Союзу писателей и Литфонду.",
         "The buildings belonged to the Union of Writers and the Literary Fund.", False),
        ("Здания принадлежали Союзу писателей и Роснефти.",
         "The buildings belonged to the Union of Writers and the Literary Fund.", True),
        ("SONEX 2085/EL Люстра с ПДУ Nores", "SONEX 2085/EL Chandelier with Nores PDU", False),
        ("SONEX 2085/EL Люстра с ПДУ Nores", "SONEX 2085/EL Chandelier with Philips PDU", True),
        ("По данным ВОЗ, болеют 55 млн человек.",
         "According to W\u041dO data, 55 million people are ill.", False),
        ("По данным ВОЗ, болеют 55 млн человек.",
         "According to UNICEF data, 55 million people are ill.", True),
    ],
)
def test_title_case_and_conventional_capitals(src: str, eng: str, flagged: bool) -> None:
    found = flags(src, eng)
    shown = [(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found]
    assert bool(found) is flagged, shown


# Ministries by stump compound, demonyms, English title segments of product lines, and a
# title-cased "Day of ..." joined by "of"; an invented name in an ordinary clause still counts.
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Об этом сообщили в Минцифры.", "The Ministry of Digital Development said so.", False),
        ("Об этом сообщили в Минцифры.", "The press service said so.", True),
        ("Испанцы провели марш в Мадриде.", "The Spaniards held a march in Madrid.", False),
        ("Мольберт настольный \"Студия\" 20*24 см.", "Studio Tabletop Easel 20*24 cm.", False),
        ("Набор столовый \"Эгоист-единство\" с позолотой (4 предмета).",
         "Egoist Unity Gilded Table Set (4 pieces).", False),
        ("Покупатели хвалят этот набор.", "Buyers praise the Kavanaugh Table Set.", True),
        ("В связи с Международным днем всеобщего охвата услугами здравоохранения ВОЗ "
         "опубликовала доклад.",
         "On the International Day of Universal Health Coverage, the WHO published a report.",
         False),
    ],
)
def test_ministries_demonyms_and_title_segments(src: str, eng: str, flagged: bool) -> None:
    found = flags(src, eng)
    shown = [(f.side, (src if f.side == "source" else eng)[f.start : f.end]) for f in found]
    assert bool(found) is flagged, shown


# Translated words of names: tale animals and nicknames after them, the Ballon d'Or.
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Только и знал, что Зайца донимать.", "He was too busy pestering the Hare.", False),
        ("Любопытная Белочка, вы правы.", "Curious Squirrel, you are right.", False),
        ("Любопытная Белочка, вы правы.", "Curious Fox, you are right.", True),
        ("Он забрал седьмой \"Золотой мяч\".", "He took his seventh Ballon d'Or.", False),
    ],
)
def test_translated_character_and_award_names(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, (src, eng)


def _major(src: str, eng: str, lang: str = "ru") -> list:
    return [f for f in flags(src, eng, lang) if f.severity != "minor"]


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # a possessive English name read by sound without its 's
        ("Решение Флейка возымело эффект.", "Flake's choice had power.", "ru", False),
        ("Решение Флейка возымело эффект.", "Moore's choice had power.", "ru", True),
        # a government named by its capital
        ("Правительство Греции давно настаивало на этом.", "Athens has long insisted on it.",
         "ru", False),
        ("Правительство Греции давно настаивало на этом.", "Ankara has long insisted on it.",
         "ru", True),
        # compass compounds
        ("В ближайшие дни на Юго-Западе ожидаются ливни.",
         "Heavy rainfall is expected in the Southwest.", "ru", False),
        ("В ближайшие дни на Юго-Западе ожидаются ливни.",
         "Heavy rainfall is expected in the Southeast.", "ru", True),
        # -ический adjectives open translated institution names
        ("Форд выступила перед Юридическим комитетом Сената.",
         "Ford spoke before the Senate Judiciary Committee.", "ru", False),
        ("Форд выступила перед Юридическим комитетом Сената.",
         "Ford spoke before the Senate.", "ru", False),
        ("Форд выступила перед Атлантическим советом.", "Ford spoke before the Pacific Council.",
         "ru", True),
        # Евро- compounds
        ("«Челси» сыграет в матче Евролиги.", "Chelsea plays in the Europa League.",
         "ru", False),
        # English institution names joined by "on"
        ("Законодательство о создании комиссии по искусственному интеллекту не принято.",
         "Legislation to create a National Security Commission on Artificial Intelligence has "
         "not seen action.", "ru", False),
        ("Министрлік Біріктірілген орталық құрды.", "The ministry set up a Joint Center.",
         "kk", False),
    ],
)
def test_professional_name_conventions(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(_major(src, eng, lang)) is flagged


def test_a_name_the_english_gives_as_a_pronoun_is_minor() -> None:
    """"Трамп подчеркнул" -> "he defended": minor; with no spare pronoun it stays major, and a
    place name (exonym table) never passes as a pronoun."""
    found = flags("По словам Трампа, его усилия принесли плоды.",
                  "He said his efforts have brought results.")
    assert [f.severity for f in found] == ["minor"]
    assert [f.severity for f in flags("По словам Трампа, усилия принесли плоды.",
                                      "The efforts have brought results, officials said.")] == [
        "major"
    ]
    assert [f.severity for f in flags("Он прилетел в Германию.", "He flew there himself.")] == [
        "major"
    ]
    assert [f.severity for f in flags("Сондай-ақ Трамптың айтуынша, күш-жігері нәтиже берді.",
                                      "He said his efforts have brought results.", "kk")] == [
        "major"
    ]


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # US state postal codes
        ("Ураган прошёл в 65 км от границы Аризоны.",
         "It was a hurricane within 40 miles of the AZ border.", "ru", False),
        ("Ураган прошёл в 65 км от границы Аризоны.",
         "It was a hurricane within 40 miles of the TX border.", "ru", True),
        # named scales are units
        ("Цунами последовало за землетрясением магнитудой 7,5 по шкале Рихтера.",
         "The tsunami followed a 7.5 magnitude earthquake.", "ru", False),
        ("Цунами последовало за землетрясением, о котором сообщил Рихтер.",
         "The tsunami followed an earthquake.", "ru", True),
        # an institution named by its initials
        ("Отец также играл в команде Университета штата Луизиана.",
         "The father also played basketball for LSU.", "ru", False),
        ("Отец также играл в команде Университета штата Луизиана.",
         "The father also played basketball for MIT.", "ru", True),
        # the capital for the government, the inflected Германии too
        ("Лидеры Турции и Германии встретились за завтраком.",
         "The leaders of Turkey and Germany met for breakfast in Berlin.", "ru", False),
    ],
)
def test_codes_scales_and_initials(src: str, eng: str, lang: str, flagged: bool) -> None:
    assert bool(_major(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # a title the source quotes, translated and unquoted in English
        ("Звезда шоу «Логово дракона» Питер Джонс разгневан.",
         "Dragons Den star Peter Jones was furious.", False),
        ("Звезда шоу «Логово змеи» Питер Джонс разгневан.",
         "Dragons Den star Peter Jones was furious.", True),
        # a country's acronym after an institution word may stay implicit
        ("В четверг Кавано дал показания в Конгрессе США.",
         "Kavanaugh testified before Congress on Thursday.", False),
        ("В четверг матч Лиги Европы пройдёт в Вене.", "The League match is on Thursday.", True),
    ],
)
def test_quoted_titles_and_implicit_countries(src: str, eng: str, flagged: bool) -> None:
    assert bool(_major(src, eng)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # letter names spell English capitals
        ("Бывший соавтор Уэста, рэппер Джей-Зи, тоже менял имя.",
         "A former West collaborator, JAY-Z, has also changed the name.", False),
        ("Бывший соавтор Уэста, рэппер Джей-Зи, тоже менял имя.",
         "A former West collaborator, JAY-K, has also changed the name.", True),
        ("Об этом сообщила служба Би-би-си.", "The BBC reported it.", False),
        ("Об этом сообщила служба Би-би-си.", "The CNN reported it.", True),
        # a unit symbol after a number
        ("После землетрясения магнитудой 7,1 Mw активность выросла.",
         "Activity increased after a 7.1-magnitude earthquake.", False),
        ("После землетрясения, о котором сообщил Mw, активность выросла.",
         "Activity increased after the earthquake.", True),
    ],
)
def test_letter_names_and_unit_symbols(src: str, eng: str, flagged: bool) -> None:
    assert bool(_major(src, eng)) is flagged


def test_on_before_a_date_joins_no_title_and_latin_names_are_no_pronouns() -> None:
    """"on Tuesday" is a date, not part of a name joined by "on"; a Latin source name the
    English drops keeps its severity whatever the pronouns."""
    found = flags("Ливни пройдут в районе, сообщил синоптик.",
                  "Heavy rain will spread into the Four Corners on Tuesday and last.")
    assert [f.evidence["target"] for f in found] == [["Four Corners"]]
    found = flags("Об этом он рассказал газете Guiyang Evening News.", "He told his paper.")
    assert [f.severity for f in found] == ["major"]


@pytest.mark.parametrize(
    "src, eng, flagged",
    [
        # a stage direction in brackets opens the sentence (MQM TED training talks, dev)
        ("(Смех) Теперь обман продолжается в царстве растений.",
         "(Laughter) Now deceit carries on through the plant kingdom.", False),
        ("(Смех) Здесь мы видим иланг-иланг.", "(Laughter) Here we see ylang ylang.", False),
        ("[Аплодисменты] Когда насекомое садится, оно пачкается.",
         "[Applause] When the insect lands, it gets dusty.", False),
        # a name after the note is still a name
        ("(Смех) Теперь Дарвин продолжает.", "(Laughter) Now Wallace carries on.", True),
        # a bracket in the middle of a sentence does not open it
        ("Мы видим (это важно) Теперь и здесь.", "We see (this matters) now and here.", True),
    ],
)  # fmt: skip
def test_a_bracketed_note_opens_the_sentence(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, flags(src, eng)


def test_a_pair_past_the_word_budget_gets_one_notice_not_minutes_of_work() -> None:
    import time

    from compare.checks.names import MAX_WORDS_PER_PAIR

    src = " ".join(f"Иван{i} сказал" for i in range(MAX_WORDS_PER_PAIR))
    eng = " ".join(f"Ivan{i} said" for i in range(MAX_WORDS_PER_PAIR))
    started = time.monotonic()
    found = flags(src, eng)
    assert time.monotonic() - started < 5
    assert len(found) == 1 and found[0].severity == "minor"
    assert "not compared" in found[0].message and found[0].evidence["over_budget"]
    # under the budget the names are compared as ever
    assert flags("Иван Петров сказал.", "Ivan Sidorov said.")


def _text(lines: list[str], lang: str) -> Document:
    text, sentences = "", []
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, len(text), len(text) + len(line), 0))
        text += line + " "
    return Document(text, lang, [Span(0, len(text))], sentences)


def _document_flags(src: list[str], eng: list[str], nearby: int | None = None) -> list:
    ctx = CheckContext(target=_text(eng, "en"), source=_text(src, "ru"),
                       pairs=[AlignedPair((i,), (i,), 1.0) for i in range(len(src))],
                       thresholds={} if nearby is None else {"names_nearby_pairs": nearby})
    return NameMismatch().run(ctx)


def test_a_name_given_in_a_nearby_sentence_is_a_reference_not_a_loss() -> None:
    # NTREX dev line pattern (the city named once, then "the city"), hand-written.
    src = ["В субботу президент Эрдоган прибыл в Кельн.",
           "Как известно, в Кельне проживает большая турецкая диаспора."]
    eng = ["On Saturday President Erdogan arrived in Cologne.",
           "As is well known, the city is home to a large Turkish community."]
    (note,) = _document_flags(src, eng)
    assert note.severity == "minor" and note.evidence["named_nearby"]
    assert "names it in a nearby sentence" in note.message
    # Without the context (the setting off, or the name nowhere near), it is major again.
    (alone,) = _document_flags(src, eng, nearby=0)
    assert alone.severity == "major"
    far = ["On Saturday President Erdogan arrived in Berlin.", eng[1]]
    assert sorted(f.severity for f in _document_flags(src, far)) == ["major", "major", "major"]


def test_a_name_put_in_the_place_of_another_stays_major_beside_its_context() -> None:
    src = ["В понедельник Токаев прилетел в Астану.", "Во вторник Токаев встретился с министрами."]
    eng = ["On Monday Tokayev flew to Astana.", "On Tuesday Putin met the ministers."]
    found = {(f.side, f.severity) for f in _document_flags(src, eng)}
    # The source's Токаев is named nearby (minor), but Putin has no counterpart anywhere.
    assert ("target", "major") in found and ("source", "minor") in found


def test_a_person_the_english_named_earlier_may_be_repeated_by_name() -> None:
    # Kazakh "ол" is he, she and it: a translator repeats the name where the English writes
    # "he", several sentences after the English named the person (hand-written).
    src = ["Вчера Токаев прилетел в Берлин.", "В аэропорту его встретили министры.",
           "Затем состоялись переговоры.", "Стороны обсудили торговлю.",
           "Подписаны три соглашения.", "Вечером Токаев посетил выставку."]
    eng = ["Yesterday Tokayev flew to Berlin.", "Ministers met him at the airport.",
           "Negotiations followed.", "The sides discussed trade.", "Three agreements were signed.",
           "The evening ended with a visit to an exhibition."]
    (note,) = _document_flags(src, eng)
    assert note.severity == "minor" and note.evidence["named_nearby"]
    # not a name the English never gave, and not across texts that a benchmark joins (an empty
    # paragraph between them)
    unnamed = ["Yesterday the president flew to Berlin.", *eng[1:]]
    assert {f.severity for f in _document_flags(src, unnamed)} == {"major"}
    # farther back than the nearby pairs, only a name counts (a sentence's first word that
    # sounds a little like it, "Talks", does not)
    talks = unnamed[:2] + ["Talks followed."] + unnamed[3:]
    assert max(_document_flags(src, talks), key=lambda f: f.start).severity == "major"
    # but a name opening an earlier sentence is a name ("Tokayev flew ...")
    opening = ["Tokayev flew to Berlin yesterday.", *eng[1:]]
    assert [f.severity for f in _document_flags(src, opening)] == ["minor"]
    from compare.risk_fit import line_documents

    source, target, links = line_documents(list(zip(src, eng, strict=True)), "ru",
                                           texts=[0, 1, 1, 1, 1, 1])
    joined = NameMismatch().run(CheckContext(target=target, source=source, pairs=links))
    assert [f.severity for f in joined] == ["major"]


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Вчера Токаев встретился с журналистами.", "Yesterday the president met journalists.", "ru"),
    ("Кеше Тоқаев журналистермен кездесті.", "Yesterday he met journalists.", "kk"),
])  # fmt: skip
def test_a_source_name_left_out_with_nothing_in_its_place_is_marked_dropped(src, eng, lang):
    # A translator writes "he" or "the president" for a name; the severity decision
    # (compare.risk, name-mismatch+dropped) asks more evidence of such a flag.
    found = flags(src, eng, lang)
    assert [(f.side, f.evidence.get("dropped")) for f in found] == [("source", True)]


@pytest.mark.parametrize(("src", "eng"), [
    ("Встреча прошла в Берлине.", "The meeting took place on Monday."),
    ("В понедельник Токаев встретился с журналистами в Астане.",
     "On Monday Tokayev met journalists in Almaty."),
])  # fmt: skip
def test_a_source_name_with_another_capitalised_word_in_its_place_is_not_dropped(src, eng):
    found = flags(src, eng)
    assert [f for f in found if f.side == "source"]
    assert not any(f.evidence.get("dropped") for f in found)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Зеленский посетил Варшаву.", "Zelensky visited Prague.", "ru"),
    ("Мәлімдемені Ердоған жасады.", "The statement was made by Aliyev.", "kk"),
])  # fmt: skip
def test_one_unmatched_name_on_each_side_is_marked_swapped(src, eng, lang):
    # A name put in another's place: the severity decision (name-mismatch+swapped) reads it
    # as the rule's own evidence (session 31).
    found = flags(src, eng, lang)
    assert {f.side for f in found} == {"source", "target"}
    assert all(f.evidence.get("swapped") for f in found)


def test_a_name_left_out_is_not_marked_swapped():
    found = flags("Вчера Токаев встретился с журналистами.",
                  "Yesterday the president met journalists.")
    assert found and not any(f.evidence.get("swapped") for f in found)
