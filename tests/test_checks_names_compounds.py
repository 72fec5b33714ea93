"""name-mismatch on names inside Russian compound adjectives, Chinese leaders named by their
family name alone, and feasts, faiths and regions that English names by other words.

Probes written from general knowledge (no corpus rows). The patterns came from the name flags
on the MLQE-PE ru-en train post-edits (a dev source none of the rules was written against;
``benchmarks/README.md``, session 15), rewritten as news sentences: each faithful pair must not
be flagged, and the same pair with the name swapped must be.
"""

from __future__ import annotations

import pytest

from compare.name_candidates import chinese_family_name, chinese_given_name
from compare.name_matching import exonym_targets
from tests.test_checks_names_foreign import flags, shown

FAITHFUL = [
    ("ru", "Он изучал древнегреческую философию.", "He studied ancient Greek philosophy."),
    ("ru", "Учёные изучали древнеегипетские папирусы.",
     "Scientists studied ancient Egyptian papyri."),
    ("ru", "Это крупнейшая среднеазиатская страна.", "It is the largest Central Asian country."),
    ("ru", "Восточноевропейские страны протестовали.", "Eastern European countries protested."),
    ("ru", "Запад ввёл новые антироссийские санкции.",
     "The West imposed new sanctions against Russia."),
    ("ru", "Он читает англоязычные газеты.", "He reads English-language newspapers."),
    ("ru", "Это был древнеримский храм.", "It was an ancient Roman temple."),
    ("ru", "Он учился в Высшей школе экономики.", "He studied at the Higher School of Economics."),
    ("ru", "Председатель Си Цзиньпин прибыл в Москву.", "President Xi arrived in Moscow."),
    ("ru", "Во время визита Си Цзиньпина в США прошла встреча.",
     "During Xi's visit to the US a meeting was held."),
    ("kk", "Си Цзиньпиннің сапары басталды.", "Xi's visit began."),
    ("ru", "Премьер Ли прибыл в Пекин.", "Premier Li Keqiang arrived in Beijing."),
    ("ru", "Мусульмане отмечают Курбан-байрам.", "Muslims celebrate Eid al-Adha."),
    ("kk", "Мұсылмандар Құрбан айтты тойлайды.", "Muslims celebrate Eid al-Adha."),
    ("ru", "Он приехал из Подмосковья.", "He came from the Moscow region."),
    ("ru", "Господь милостив.", "The Lord is merciful."),
    ("ru", "Служба прошла в Успенском соборе.", "The service was held in the Dormition Cathedral."),
    ("ru", "Он вывел 700 миллионов долларов США.", "He withdrew $700 million."),
    ("kk", "Ол 700 миллион АҚШ долларын шығарды.", "He withdrew $700 million."),
    ("ru", "Прокуратура последовала примеру МВД.",
     "Prosecutors followed the Ministry of Internal Affairs."),
    ("ru", "Он остановил это в Госдепе.", "He stopped it at the State Department."),
    ("ru", "Немцы отказали в визе.", "The Germans refused the visa."),
    ("ru", "Пожар вспыхнул в Лос-Анджелесе, штат Калифорния.", "A fire broke out in Los Angeles."),
    ("ru", "Он был на приёме по случаю Дня независимости Казахстана.",
     "He attended a reception for Kazakhstan's Independence Day."),
    ("ru", "Это был орден Октябрьской Революции.", "It was the Order of the October Revolution."),
    ("ru", "США воюют с ИГИЛ и Аль-Каидой.", "The US is at war with ISIS and Al Qaeda."),
    # A film title the source quotes in common words, translated in title case (a WMT22 MT
    # output of a dev document scored well by people, session 16).
    ("ru", "На премьере фильма «Не время умирать» он был в бархатном пиджаке.",
     "At the premiere of No Time To Die, he wore a velvet jacket."),
    # Kazakh probes from general knowledge (session 16): a Korean given name with a Kazakh case
    # ending on its last syllable, and Kazakh cities English names by their Russian forms.
    ("kk", "Ким Чен Ынның әпкесі мәлімдеме жасады.", "Kim Jong Un's sister made a statement."),
    ("kk", "Өскемен мен Семейде ауа райы суық.",
     "The weather is cold in Ust-Kamenogorsk and Semipalatinsk."),
    ("kk", "Оралда өрт болды.", "There was a fire in Uralsk."),
    # A temperature converted to another scale (session 16): the scale's name is no name.
    ("ru", "Температура поднялась до 35 градусов по Цельсию.",
     "The temperature rose to 95 degrees Fahrenheit."),
    # A government or market named by the place that houses it (session 16).
    ("ru", "Министерство обороны США заявило об этом.", "The Pentagon said so."),
    ("ru", "Фондовый рынок США упал.", "Wall Street fell."),
    ("ru", "Технологические компании Калифорнии растут.", "Silicon Valley companies are growing."),
    # Places whose English name is not the Russian one transliterated, and a book of faith
    # (session 17, from MLQE-PE dev post-edits).
    ("ru", "Россия выделила деньги на пенсии в Приднестровье.",
     "Russia allocated money for pensions in Transnistria."),
    ("ru", "Он приехал из Кишинёва в Тирасполь.", "He came from Chisinau to Tiraspol."),
    ("ru", "Он читал Евангелие каждый день.", "He read the Gospel every day."),
    # A people named in the source, its country in the English (session 17).
    ("ru", "Власти обещали помочь кубинцам.", "The authorities promised to help Cuba."),
    ("ru", "Власти обещали помочь марокканцам.", "The authorities promised to help Morocco."),
    ("ru", "Власти обещали помочь датчанам.", "The authorities promised to help Denmark."),
    ("ru", "Власти обещали помочь хорватам.", "The authorities promised to help Croatia."),
    ("kk", "Үкімет ауғандықтарға көмек көрсетуге уәде берді.",
     "The government promised to help Afghans."),
]  # fmt: skip

SWAPPED = [
    ("ru", "Он изучал древнегреческую философию.", "He studied ancient Roman philosophy."),
    ("ru", "Это крупнейшая среднеазиатская страна.", "It is the largest Central African country."),
    ("ru", "Восточноевропейские страны протестовали.", "Eastern Asian countries protested."),
    ("ru", "Запад ввёл новые антироссийские санкции.",
     "The West imposed new sanctions against China."),
    ("ru", "Председатель Си Цзиньпин прибыл в Москву.", "President Li arrived in Moscow."),
    ("ru", "Во время визита Си Цзиньпина в США прошла встреча.",
     "During the visit of Kim to the US a meeting was held."),
    ("ru", "Премьер Ли Кэцян провел встречу.", "Premier Wang Yi held a meeting."),
    ("ru", "Мусульмане отмечают Курбан-байрам.", "Muslims celebrate Christmas."),
    ("ru", "Он приехал из Подмосковья.", "He came from the Leningrad region."),
    ("ru", "Сенатские слушания по делу судьи Бретта Кавано начались.",
     "Senate hearings on Judge Brett League began."),
    ("ru", "Президент Георге Иванов не будет голосовать.", "President Gjorge May will not vote."),
    ("ru", "Он вывел 700 миллионов долларов США в Канаду.", "He withdrew $700 million to Mexico."),
    ("ru", "Немцы отказали в визе.", "The French refused the visa."),
    ("ru", "Пожар вспыхнул в Сакраменто, штат Калифорния.", "A fire broke out in Reno, Nevada."),
    ("ru", "Он был на приёме по случаю Дня независимости Казахстана.",
     "He attended a reception for Uzbekistan's Independence Day."),
    ("ru", "США воюют с ИГИЛ и Аль-Каидой.", "The US is at war with ISIS and Hamas."),
    ("ru", "На премьере фильма «Не время умирать» Джеймс Бонд был в смокинге.",
     "At the premiere of No Time To Die, James Smith wore a tuxedo."),
    ("kk", "Ким Чен Ынның әпкесі мәлімдеме жасады.", "Kim Jong Nam's sister made a statement."),
    ("kk", "Ким Петровтың әпкесі мәлімдеме жасады.", "Kim Smith's sister made a statement."),
    ("kk", "Өскемен мен Семейде ауа райы суық.",
     "The weather is cold in Ust-Kamenogorsk and Pavlodar."),
    ("ru", "Министерство обороны США заявило об этом.", "The Kremlin said so."),
    ("ru", "Фондовый рынок Германии упал.", "Wall Street fell."),
    ("ru", "Россия выделила деньги на пенсии в Приднестровье.",
     "Russia allocated money for pensions in Abkhazia."),
    ("ru", "Он приехал из Кишинёва.", "He came from Bucharest."),
    ("ru", "Он читал Евангелие каждый день.", "He read the Koran every day."),
    ("ru", "Власти обещали помочь кубинцам.", "The authorities promised to help Mexico."),
    ("ru", "Власти обещали помочь датчанам.", "The authorities promised to help Norway."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "src", "eng"), FAITHFUL)
def test_faithful_compounds_feasts_and_family_names_are_not_flagged(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


@pytest.mark.parametrize(("lang", "src", "eng"), SWAPPED)
def test_the_same_pairs_with_a_swapped_name_are_flagged(lang, src, eng):
    assert flags(src, eng, lang), (src, eng)


def test_a_compound_adjective_offers_both_of_its_parts():
    assert {"east*", "europe*"} <= set(exonym_targets("восточноевропейские"))
    assert "egypt*" in exonym_targets("древнеегипетских")
    assert exonym_targets("прованс") == ()  # про- is a head only before a known stem


def test_chinese_names_are_read_by_their_syllables():
    assert chinese_given_name("Цзиньпина") and chinese_given_name("Keqiang")
    assert chinese_given_name("Jin-ping")
    assert not chinese_given_name("Иванов")  # и-ван: each syllable needs its consonant
    # Кавано (ка-ван-о) and Game (ga-me) read as syllables too; what keeps Brett Kavanaugh's
    # and Still Game's second word asked for is the family name, which must be one syllable.
    assert chinese_given_name("Кавано") and chinese_given_name("Game")
    assert chinese_family_name("Си") and chinese_family_name("Wang")
    assert not chinese_family_name("Бретта") and not chinese_family_name("Still")


# A Kazakh institution's name capitalises its first word, a common word the English translates
# (session 18, from made-up probes of 70 Kazakh news sentences): the faithful pairs, and each
# with a real name that must still be flagged.
KAZAKH_INSTITUTIONS = [
    ("Кеше Ішкі істер министрлігі тергеу бастады.",
     "Yesterday the Interior Ministry opened an investigation."),
    ("Кеше Денсаулық сақтау министрлігі ескерту жасады.",
     "Yesterday the Health Ministry issued a warning."),
    ("Кеше Ресей Сыртқы істер министрлігінің өкілі мәлімдеді.",
     "Yesterday a Russian Foreign Ministry spokesman said."),
    ("Кеше Әділет министрі отставкаға кетті.", "Yesterday the Justice Minister resigned."),
    ("Кеше Төтенше жағдайлар министрлігі құтқарушыларды жіберді.",
     "Yesterday the Emergencies Ministry sent rescuers."),
    ("Кеше Өкілдер палатасы заң жобасын қабылдады.",
     "Yesterday the House of Representatives passed the bill."),
]  # fmt: skip
KAZAKH_NAMES_KEPT = [
    # a person in front of the head noun as a subject or object, not an institution's name
    ("Кеше Тоқаев министрлерді жинады.", "Yesterday the president gathered the ministers."),
    ("Кеше Тоқаев сотты сынады.", "Yesterday the president criticised the court."),
    # an institution named after a person keeps the person's name
    ("Кеше Назарбаев университетінің ғалымдары зерттеу жүргізді.",
     "Yesterday scientists at Harvard University conducted a study."),
    # and without an institution in the English, the capitalised word is read as a name
    ("Кеше Қаржы министрлігі бюджетті ұсынды.", "Yesterday Kairat presented the budget."),
]  # fmt: skip


@pytest.mark.parametrize(("src", "eng"), KAZAKH_INSTITUTIONS)
def test_a_kazakh_institutions_capitalised_first_word_is_no_name(src, eng):
    found = flags(src, eng, "kk")
    assert not found, shown(src, eng, found)


@pytest.mark.parametrize(("src", "eng"), KAZAKH_NAMES_KEPT)
def test_a_kazakh_name_before_a_head_noun_is_still_a_name(src, eng):
    found = [f for f in flags(src, eng, "kk") if f.side == "source"]
    assert found, (src, eng)


# A government named by its capital or seat on one side and by its country on the other
# (session 18, made-up probes); a different country is still a changed name.
SEATS = [
    ("ru", "Вчера Пекин ответил на обвинения.", "Yesterday China responded to the accusations."),
    ("ru", "Вчера в Кремле заявили, что переговоры продолжатся.",
     "Yesterday Moscow said the talks would continue."),
    ("ru", "Вчера в Пентагоне сообщили о новых учениях.",
     "Yesterday the Defense Department announced new exercises."),
    ("ru", "Вчера Сеул ответил Пхеньяну.", "Yesterday South Korea answered North Korea."),
    ("ru", "Вчера Тель-Авив нанёс удар.", "Yesterday Israel launched a strike."),
    ("ru", "Вчера Туманный Альбион объявил о выходе.",
     "Yesterday Britain announced its withdrawal."),
    ("kk", "Кеше Ақорда мәлімдеме жасады.",
     "Yesterday the presidential administration made a statement."),
    ("kk", "Кеше Мәскеу жауап берді.", "Yesterday Russia responded."),
    # a hyphenated old name the exonym table keys whole
    ("ru", "Вчера в Алма-Ате прошёл митинг.", "Yesterday a rally was held in Almaty."),
    ("kk", "Кеше Алма-Атада митинг өтті.", "Yesterday a rally was held in Almaty."),
]  # fmt: skip
SEATS_SWAPPED = [
    ("ru", "Вчера в Алма-Ате прошёл митинг.", "Yesterday a rally was held in Tashkent."),
    ("kk", "Олар Қытай мен Ресей сияқты елдерге бұрылып, Еуропа-Азия интеграциясына қосылуы "
     "мүмкін.", "They may turn to China and Russia and join Euro-Truly integration."),
    ("ru", "Вчера Пекин ответил на обвинения.", "Yesterday Japan responded to the accusations."),
    ("ru", "Вчера Тель-Авив нанёс удар.", "Yesterday Iran launched a strike."),
    ("kk", "Кеше Мәскеу жауап берді.", "Yesterday Ukraine responded."),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "src", "eng"), SEATS)
def test_a_capital_or_seat_may_stand_for_its_country(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


@pytest.mark.parametrize(("lang", "src", "eng"), SEATS_SWAPPED)
def test_a_capital_against_another_country_is_flagged(lang, src, eng):
    assert flags(src, eng, lang), (src, eng)


# A state, province or country that English news puts after a town for its readers, which a
# translation leaves out (session 18, made-up probes); a town put in place of another, or a
# further place, is still flagged.
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Вчера в Портленде прошёл митинг.", "Yesterday a rally was held in Portland, Oregon."),
    ("ru", "Вчера в Лагосе прошёл митинг.", "Yesterday a rally was held in Lagos, Nigeria."),
    ("kk", "Кеше Хьюстонда дауыл болды.", "Yesterday a storm hit Houston, Texas."),
])  # fmt: skip
def test_a_clarifying_state_or_country_after_a_town_is_no_name(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


def test_a_changed_town_or_a_further_place_beside_a_clarifying_state_is_flagged():
    eng = "Yesterday a rally was held in Portland, Maine."
    found = flags("Вчера в Бангоре прошёл митинг.", eng)
    assert ("target", "Portland") in shown("", eng, [f for f in found if f.side == "target"])
    eng = "Yesterday a storm hit Houston, Texas, and Miami."
    found = flags("Вчера в Хьюстоне бушевал шторм.", eng)
    assert shown("", eng, found) == [("target", "Miami")]


# The source's side: a country the translator adds after a region or a town for its readers
# (session 18, made-up probes); a country the English changes, or one without such a place,
# is still flagged.
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "В отдельных районах юго-запада США ожидаются дожди.",
     "Rain is expected in parts of the Southwest."),
    ("ru", "Вчера на севере Англии прошли дожди.", "Yesterday it rained in the North."),
    ("ru", "Вчера в Портленде (США) прошёл митинг.", "Yesterday a rally was held in Portland."),
    ("kk", "Кеше АҚШ-тың оңтүстік-батысында жаңбыр жауды.",
     "Yesterday it rained in the Southwest."),
    ("kk", "Кеше АҚШ-тағы Портленд қаласында митинг өтті.",
     "Yesterday a rally was held in Portland."),
    ("kk", "Кеше оңтүстік-батыс АҚШ-та жаңбыр жауды.", "Yesterday it rained in the Southwest."),
])  # fmt: skip
def test_a_country_added_after_a_region_or_town_is_no_lost_name(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Вчера на севере Англии прошли дожди.", "Yesterday it rained in northern Scotland."),
    ("ru", "Вчера США ввели пошлины.", "Yesterday tariffs were imposed."),
    ("kk", "Кеше АҚШ-тағы Портленд қаласында митинг өтті.",
     "Yesterday a rally was held in Portland, Mexico."),
])  # fmt: skip
def test_a_changed_or_plainly_lost_country_is_still_flagged(lang, src, eng):
    assert flags(src, eng, lang), (src, eng)


# Regions and landmarks whose names are translated word by word (session 18, made-up probes).
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("kk", "Кеше Жартасты тауларда қар жауды.", "Yesterday snow fell in the Rockies."),
    ("kk", "Кеше Орта Батыста жаңбыр жауды.", "Yesterday it rained in the Midwest."),
    ("kk", "Кеше Ұлы жазықтарда жаңбыр жауды.", "Yesterday it rained on the Great Plains."),
    ("kk", "Кеше Ұлы көлдер маңында жаңбыр жауды.", "Yesterday it rained around the Great Lakes."),
    ("kk", "Кеше Екінші дүниежүзілік соғыс туралы көрме ашылды.",
     "Yesterday an exhibition about World War II opened."),
    ("ru", "Вчера на Среднем Западе шёл дождь.", "Yesterday it rained in the Midwest."),
    ("ru", "Вчера на Великих равнинах шёл дождь.", "Yesterday it rained on the Great Plains."),
    ("kk", "Кеше Сопақ кабинетте кездесу өтті.",
     "Yesterday a meeting was held in the Oval Office."),
    ("ru", "Вчера палата общин проголосовала.", "Yesterday the Commons voted."),
    ("ru", "Вчера Верховный суд США вынес решение.", "Yesterday the Supreme Court ruled."),
])  # fmt: skip
def test_translated_region_names_are_rendered(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("kk", "Кеше Жартасты тауларда қар жауды.", "Yesterday snow fell in the Alps."),
    ("ru", "Вчера на Среднем Западе шёл дождь.", "Yesterday it rained in Texas."),
    # a country after an institution is implicit, but not beside a name the English adds
    ("ru", "В июне комитет поддержал вариант «Парламент Уэльса».",
     "In June the committee backed the name Bob Parliament."),
])  # fmt: skip
def test_a_region_put_in_place_of_another_is_flagged(lang, src, eng):
    assert flags(src, eng, lang), (src, eng)


# A first name or a title cut to two or three letters (Вл.Сурков, Дм. Гордон, Св. Мартин):
# the abbreviation is no name, and the name after it is one, not a sentence's first word
# (session 18, from MLQE-PE dev post-edits' patterns, made-up sentences).
def test_a_short_abbreviation_before_a_name_is_no_name_and_the_name_after_it_counts():
    src = "Дм.Травин комментирует статью Вл.Суркова."
    assert not flags(src, "Dm. Travin comments on V. Surkov's article.")
    assert not flags("Это церковь Св. Мартина.", "It is St Martin's church.")
    eng = "Dm. Travin comments on V. Putin's article."
    assert shown(src, eng, flags(src, eng)) == [("source", "Суркова")]


def test_a_country_or_state_ending_in_s_is_still_a_country():
    from compare.country_words import is_country_en

    assert all(is_country_en(w) for w in ("Texas", "Philippines", "Illinois", "Britain's"))
    assert not is_country_en("Moscow")
    # so a state the English puts in place of the source's country stays flagged
    found = flags("Кеше АҚШ-тағы Портленд қаласында митинг өтті.",
                  "Yesterday a rally was held in Portland, Texas, in the Philippines.", "kk")
    assert found


# Session 19, made-up news sentences: a central bank by its short name, a title of the
# peerage, the Gulf.
@pytest.mark.parametrize(("lang", "src", "eng", "flagged"), [
    ("ru", "Федеральная резервная система повысила ставку.", "The Fed raised rates.", False),
    ("kk", "Федералдық резервтік жүйе мөлшерлемені көтерді.", "The Fed raised rates.", False),
    ("kk", "Федералдық резервтік жүйе мөлшерлемені көтерді.",
     "The Bank of England raised rates.", True),
    ("ru", "Герцогиня Сассекская посетила больницу.", "The Duchess of Sussex visited the hospital.",
     False),
    ("ru", "Герцогиня Сассекская посетила больницу.", "The Duchess of Kent visited the hospital.",
     True),
    ("kk", "Ол Парсы шығанағында болды.", "He was in the Gulf.", False),
    ("kk", "Ол Парсы шығанағында болды.", "He was in the Gulf of Mexico.", True),
])  # fmt: skip
def test_short_names_of_institutions_titles_and_seas(lang, src, eng, flagged):
    assert bool(flags(src, eng, lang)) == flagged, (src, eng)


# A translator adds a foreign figure's country and title for local readers (Германия канцлері
# Ангела Меркель, губернатор Калифорнии) where the English original names the person alone.
@pytest.mark.parametrize(("lang", "src", "eng", "flagged"), [
    ("kk", "Кеше Германия канцлері Ангела Меркель мәлімдеді.", "Yesterday Merkel said.", False),
    ("kk", "Кеше Германия канцлері Ангела Меркель мәлімдеді.",
     "Yesterday Austria's Merkel said.", True),
    ("kk", "Кеше Ұлыбритания премьер-министрі Тереза Мэй мәлімдеді.",
     "Yesterday Prime Minister Theresa May said.", False),
    ("kk", "Кеше Солтүстік Корея басшысы Ким Чен Ын мәлімдеді.", "Yesterday Kim said.", False),
    ("kk", "Кеше Солтүстік Корея басшысы Ким Чен Ын мәлімдеді.", "Yesterday Moon said.", True),
    ("kk", "Кеше Калифорния штатының губернаторы мәлімдеді.", "Yesterday the governor said.",
     False),
    ("ru", "Вчера губернатор Калифорнии заявил об этом.", "Yesterday the governor said so.", False),
    ("ru", "Вчера губернатор Калифорнии заявил об этом.",
     "Yesterday the governor of Texas said so.", True),
    ("ru", "Вчера посол США в ООН Никки Хейли заявила об этом.", "Yesterday Nikki Haley said so.",
     False),
    ("ru", "Вчера он написал об этом в социальной сети Twitter.", "Yesterday he tweeted about it.",
     False),
    ("kk", "Кеше АҚШ-тың қаржы министрі Стивен Мнучин мәлімдеді.", "Yesterday Mnuchin said.",
     False),
    # the state of a town, in brackets or, in Kazakh, before it; not beside a state of the
    # English's own (a lower-case word that sounds like it, өтті ~ Ohio, renders no name)
    ("ru", "Вчера в городе Уилинг (штат Западная Вирджиния) прошёл митинг.",
     "Yesterday a rally was held in Wheeling.", False),
    ("ru", "Вчера в городе Уилинг (штат Западная Вирджиния) прошёл митинг.",
     "Yesterday a rally was held in Wheeling, Ohio.", True),
    ("kk", "Кеше Батыс Вирджиния штатындағы Уилинг қаласында митинг өтті.",
     "Yesterday a rally was held in Wheeling.", False),
    ("kk", "Кеше Батыс Вирджиния штатындағы Уилинг қаласында митинг өтті.",
     "Yesterday a rally was held in Wheeling, Ohio.", True),
])  # fmt: skip
def test_a_country_and_title_added_for_readers(lang, src, eng, flagged):
    assert bool(flags(src, eng, lang)) == flagged, (src, eng)


# Lower-case source words render English names by sound (чилийских / Chilean, тюркских /
# Turkic, омикрон / Omicron). Requiring them, and English words of the generic list, to open as
# the name does (so that өтті ~ Ohio or Машиши ~ Minister hide no name) caught 3 more held-out
# synthetic swaps for 11 more false alarms on held-out professional text: reverted (session 19).
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Спасатели вывели чилийских шахтёров.", "Rescuers freed the Chilean miners."),
    ("ru", "Это язык тюркских народов.", "It is a language of the Turkic peoples."),
    ("ru", "Вариант омикрон распространяется.", "The Omicron variant is spreading."),
    ("ru", "Вчера Машиши заявил об этом.", "Yesterday Mechichi said so."),
])  # fmt: skip
def test_a_lower_case_word_renders_a_name_by_sound(lang, src, eng):
    assert not flags(src, eng, lang), (src, eng)


# A country the English calls "this country" or "the nation" (MQM TED train talk pattern,
# sentences made up): a minor hint, unless the English names another country or the source
# has a word for a country of its own.
def test_a_country_the_english_calls_the_country():
    found = flags("В Германии растёт безработица.", "Unemployment is rising in the country.")
    assert [f.severity for f in found] == ["minor"] and found[0].evidence["described"]
    assert {f.severity for f in flags("В Германии растёт безработица.",
                                      "Unemployment is rising in France.")} == {"major"}
    assert [f.severity for f in flags("В этой стране, в Германии, растёт безработица.",
                                      "Unemployment is rising in this country.")] == ["major"]


# The country a region is part of, named by a translator (made-up sentences, the NTREX dev
# pattern): "из состава Испании", "отделение от Испании", "в составе России".
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Каталония добивается выхода из состава Испании.", "Catalonia seeks independence.", False),
    ("Каталонские партии выступают за отделение от Испании.",
     "The parties back Catalan independence.", False),
    ("Каталонские партии выступают за отделение от Испании.",
     "The parties back Catalan independence from France.", True),
])  # fmt: skip
def test_the_country_a_region_is_part_of(src, eng, flagged):
    assert bool(flags(src, eng)) == flagged, (src, eng)


# A sentence's first word is capitalised whatever it is, so the check sets it aside; a country's
# name there is a name all the same (made-up sentences): "Сирия приняла закон" / "Iraq passed a
# law" was not flagged on either side.
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Сирия приняла новый закон.", "Iraq passed a new law."),
    ("ru", "Китай и Индия подписали договор.", "Japan and India signed a treaty."),
    ("kk", "Сирия президенті сөйледі.", "Iraq's president spoke."),
    ("kk", "Германияда сайлау өтті.", "An election was held in France."),
    ("kk", "Ирак заң қабылдады.", "Syria passed a law."),
    ("kk", "АҚШ-тың сыртқы істер министрі келді.", "China's foreign minister arrived."),
])  # fmt: skip
def test_a_country_opening_a_sentence_against_another_is_flagged(lang, src, eng):
    assert {f.severity for f in flags(src, eng, lang)} == {"major"}, (src, eng)


# ... and the same faithful, or opening with a word that only looks like a country's name: a
# word that starts like one (Делиться: New Delhi's дели), a word like an acronym (Ақша, money:
# АҚШ), an adjective (Британское), a capital the English calls by its role (Астана), a US
# state the English abbreviates, a country that opens a longer name (Уэльс Партиясы: Plaid).
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Сирия приняла новый закон.", "Syria passed a new law."),
    ("ru", "Германия приняла закон.", "Berlin passed a law."),
    ("kk", "Сирия президенті сөйледі.", "Syria's president spoke."),
    ("kk", "Сирияның президенті сөйледі.", "The Syrian president spoke."),
    ("kk", "Қытай өз жоспарын өткен жылы жариялады.", "Beijing announced its plan last year."),
    ("ru", "Делиться знаниями важно.", "Sharing knowledge matters."),
    ("kk", "Ақша жей алмайсың.", "You can't eat money."),
    ("ru", "Британское правительство отвергло план.", "Whitehall rejected the plan."),
    ("kk", "Астанада өтті.", "It was held in the capital."),
    ("kk", "Калифорниядан сайланған сенатор Дайэнн Файнстайн қарсы шықты.",
     "Sen. Dianne Feinstein, D-Calif., opposed it."),
    ("kk", "Уэльс Партиясының мүшесі сөйледі.", "A Plaid AM spoke."),
    ("ru", "Корень проблемы в Ираке.", "The root of the problem is in Iraq."),
])  # fmt: skip
def test_a_faithful_or_look_alike_sentence_opener_is_not_flagged(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


# A surname put in place of another after a first name that stays, in a sentence that opens
# with another capitalised word (made-up sentences): "Вчера" made the run three words long, as
# an East Asian name of short syllables whose family name the English gives alone (Ким Чен Ын /
# Kim), and Уэст matched the start of "Yesterday".
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Вчера Канье Уэст придумал себе новое имя.", "Yesterday Kanye Smith took a new name.", True),
    ("Вчера Джон Уэст придумал себе новое имя.", "Yesterday John Smith took a new name.", True),
    ("Вчера Джон Уэст придумал себе новое имя.", "Yesterday John West took a new name.", False),
    ("Вчера Ким Чен Ын сделал заявление.", "Yesterday Kim made a statement.", False),
    ("Ким Чен Ын сделал заявление.", "Kim made a statement.", False),
])  # fmt: skip
def test_a_word_before_a_name_does_not_make_it_east_asian(src, eng, flagged):
    assert bool(flags(src, eng)) == flagged, shown(src, eng, flags(src, eng))


# Generic words of a name that the source translates (Roa Roa қонақ үйі: Roa Roa Hotel).
def test_a_translated_hotel_or_pharmacy_is_no_missing_name():
    assert not flags("Roa Roa қонақ үйінде қалып қойды.", "He was trapped at the Roa Roa Hotel.",
                     "kk")


# Another first name before the same surname (made-up sentences): a first name may be dropped
# (Георге Иванов / Ivanov), not changed (Георге Иванов / Crescent Ivanov); a short form, a
# romanisation by another language and a patronymic are no change.
@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Президент Георге Иванов выступил вчера.", "President Crescent Ivanov spoke yesterday."),
    ("ru", "Вчера президент США Дональд Трамп выступил.", "Yesterday U.S. President Korea Trump "
     "spoke."),
    ("kk", "Кеше Роберто Кальсадилья сөз сөйледі.", "Yesterday Scotland Calzadilla spoke."),
])  # fmt: skip
def test_another_first_name_before_the_same_surname_is_flagged(lang, src, eng):
    found = flags(src, eng, lang)
    assert {f.severity for f in found} == {"major"}, (src, eng)
    assert any("first name" in f.message for f in found)


@pytest.mark.parametrize(("lang", "src", "eng"), [
    ("ru", "Президент Георге Иванов выступил вчера.", "President Ivanov spoke yesterday."),
    ("ru", "Президент Георге Иванов выступил вчера.", "President Gjorge Ivanov spoke yesterday."),
    ("ru", "Ведущим станет Энтони Макпартлин.", "The host will be Ant McPartlin."),
    ("ru", "Пас отдал Джердан Шакири.", "The pass came from Xherdan Shaqiri."),
    ("kk", "Дауыс берген Йосе Таневски риза.", "Gjose Tanevski, who voted, is content."),
    ("ru", "Владимир Владимирович Путин выступил.", "Vladimir Putin spoke."),
    ("kk", "Қазақстанның Заң Комитетіне хат келді.", "A letter reached the Judiciary Committee."),
])  # fmt: skip
def test_a_dropped_or_respelled_first_name_is_not_flagged(lang, src, eng):
    found = flags(src, eng, lang)
    assert not found, shown(src, eng, found)


# Kazakh names of states and regions that sound unlike the English (general knowledge, made-up
# sentences): ҚХР (the PRC), КХДР (the DPRK), Шешенстан (Chechnya).
@pytest.mark.parametrize(("src", "eng", "other"), [
    ("Бүгін ҚХР мәлімдеме жасады.", "Today China made a statement.",
     "Today Japan made a statement."),
    ("Бүгін КХДР мәлімдеме жасады.", "Today North Korea made a statement.",
     "Today South Africa made a statement."),
    ("Бүгін Шешенстанда сайлау өтті.", "Today an election was held in Chechnya.",
     "Today an election was held in Dagestan."),
])  # fmt: skip
def test_kazakh_names_of_states_and_regions(src, eng, other):
    assert not flags(src, eng, "kk"), shown(src, eng, flags(src, eng, "kk"))
    assert flags(src, other, "kk")


# The country of a currency, which English gives by the symbol alone (made-up sentences; the
# convention was widened after a held-out false alarm of this kind, see benchmarks/README.md).
@pytest.mark.parametrize(("lang", "src"), [
    ("ru", "Сделка стоила 5 млн долл. США."),
    ("ru", "Сделка стоила 5 млн долларов (США)."),
    ("kk", "Мәміле АҚШ-тың 5 млн долларын құрады."),
    ("kk", "Мәміле 5 млн АҚШ долларын құрады."),
])  # fmt: skip
def test_the_country_of_a_dollar_amount_is_no_lost_name(lang, src):
    assert not flags(src, "The deal cost $5 million.", lang)


def test_a_country_apart_from_its_dollars_is_still_a_name():
    assert flags("Послы США выделили 5 млн долларов.", "The ambassadors allocated $5 million.")
    assert flags("Мәміле АҚШ-та жасалып, 5 млн доллар тұрды.",
                 "The deal was made and cost $5 million.", "kk")


# Given names that Russian writes in a form of its own for kings, popes and saints (general
# knowledge, made-up sentences): принц Вильгельм is Prince William, not Prince Harry.
@pytest.mark.parametrize(("src", "eng", "other"), [
    ("Вчера принц Вильгельм выступил.", "Yesterday Prince William spoke.",
     "Yesterday Prince Harry spoke."),
    ("Вчера вспоминали Людовика XIV.", "Yesterday Louis XIV was remembered.",
     "Yesterday Henry XIV was remembered."),
    ("Вчера вспоминали Иоанна Крестителя.", "Yesterday John the Baptist was remembered.",
     "Yesterday Paul the Apostle was remembered."),
])  # fmt: skip
def test_traditional_forms_of_royal_and_saints_names(src, eng, other):
    assert not flags(src, eng), shown(src, eng, flags(src, eng))
    assert flags(src, other)


# Words English capitalises and Russian does not, and Russian names English translates
# (general knowledge, made-up sentences): православие / Orthodoxy, иврит / Hebrew, «Эхо
# Москвы» / Echo of Moscow, Росгвардия / the National Guard.
@pytest.mark.parametrize(("src", "eng"), [
    ("Вчера говорили про историю православия.", "They spoke of the history of Orthodoxy."),
    ("Книга вышла на иврите.", "The book came out in Hebrew."),
    ("Интервью вышло на «Эхе Москвы».", "The interview aired on Echo of Moscow."),
    ("Спецназ Росгвардии задержал их.", "Special forces of the National Guard detained them."),
])  # fmt: skip
def test_capitalised_in_english_or_translated_names(src, eng):
    assert not flags(src, eng), shown(src, eng, flags(src, eng))


# Faiths, bodies and pronouns written otherwise in English (made-up sentences after MLQE-PE
# ru-en train post-edits): иеговисты / Jehovah's Witnesses, Мосгордума / the Moscow City Duma,
# Счётная палата / the Accounts Chamber, Иаков / James; a capitalised pronoun for God.
@pytest.mark.parametrize(("src", "eng"), [
    ("Вчера запретили иеговистов.", "Yesterday Jehovah's Witnesses were banned."),
    ("Вчера в Мосгордуме обсудили проблему.", "Yesterday the Moscow City Duma discussed it."),
    ("Вчера Счётная палата предупредила о рисках.", "Yesterday the Accounts Chamber warned."),
    ("Спустя годы Иаков, брат Иисуса, возгласил.", "Years later James, a brother of Jesus, spoke."),
    ("Скоро один из вас Меня предаст.", "Soon one of you will betray Me."),
])  # fmt: skip
def test_faiths_bodies_and_pronouns_written_otherwise(src, eng):
    assert not flags(src, eng), shown(src, eng, flags(src, eng))


# Faith and custom that English names by words of its own (general knowledge, made-up sentences
# after MLQE-PE ru-en dev post-edits): Магомет / Muhammad, цыгане / the Roma, индуистский /
# Hindu, пост / Lent, Новый Завет / the New Testament, Пятидесятница / Pentecost.
@pytest.mark.parametrize(("src", "eng"), [
    ("Он часто цитировал Магомета.", "He often quoted Muhammad."),
    ("Власти переселили цыган.", "The authorities resettled the Roma."),
    ("Вчера обезглавили индуистского священника.", "Yesterday a Hindu priest was beheaded."),
    ("Митрополит призвал отказаться от мяса в пост.", "The metropolitan urged no meat in Lent."),
    ("Он составил часть Нового Завета.", "He compiled part of the New Testament."),
    ("Служба прошла на Пятидесятницу.", "The service was held at Pentecost."),
])  # fmt: skip
def test_faith_and_custom_named_otherwise(src, eng):
    assert not flags(src, eng), shown(src, eng, flags(src, eng))


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # the same first name with another surname, not at the sentence's start: English words
        # written as one ("AngelinaFadeev") are no longer rendered by the first name alone
        ("По словам Ангелины Сидоровой, переговоры продолжатся.",
         "According to Angelina Fadeev, the talks will continue.", True),
        ("По словам Ангелины Сидоровой, переговоры продолжатся.",
         "According to Angelina Sidorova, the talks will continue.", False),
        # a surname that reads as an adjective (Сидоровой, Петровым) after a first name
        ("Вчера Ангелине Сидоровой вручили награду.",
         "Yesterday Angelina Fadeeva was given an award.", True),
        ("Вчера Ангелине Сидоровой вручили награду.",
         "Yesterday Angelina Sidorova was given an award.", False),
        ("Он говорил с Иваном Петровым.", "He spoke to Ivan Sokolov.", True),
        ("Он говорил с Иваном Петровым.", "He spoke to Ivan Petrov.", False),
        # words written as one in the source still render the English pair (Гонконг)
        ("Протесты в Гонконге продолжаются.", "Protests in Hong Kong continue.", False),
        # a street type ending a street's name translates (Ballynagard Crescent)
        ("Случай произошёл на улице Баллинагард Кресент.",
         "It happened in Ballynagard Crescent.", False),
    ],
)
def test_surnames_after_a_rendered_first_name(src: str, eng: str, flagged: bool) -> None:
    found = [f for f in flags(src, eng) if f.severity == "major"]
    assert bool(found) is flagged, found


# Kazakh acronyms of international bodies (general knowledge, session 35): ДДҰ is the WHO
# (Дүниежүзілік денсаулық сақтау ұйымы), ХВҚ the IMF, ЕҚЫҰ the OSCE, ҰҚК the KNB, ЕҚДБ the
# EBRD; each is rendered by its English acronym or its spelled-out name, and another body in
# its place is a changed name.
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Кеше ДДҰ мәлімдеме жасады.", "Yesterday the WHO made a statement.", False),
    ("Кеше ДДҰ-ның өкілі сөйледі.", "Yesterday a World Health Organization official spoke.",
     False),
    ("Кеше ДДҰ мәлімдеме жасады.", "Yesterday UNICEF made a statement.", True),
    ("Жыл сайын ХВҚ болжамын төмендетеді.", "Every year the IMF lowers its forecast.", False),
    ("Кеше ЕҚЫҰ бақылаушылары келді.", "Yesterday OSCE observers arrived.", False),
    ("Кеше ҰҚК тергеу бастады.", "Yesterday the KNB opened an investigation.", False),
    ("Биыл ЕҚДБ несие берді.", "This year the EBRD granted a loan.", False),
    # and bodies named by translated words: Қызыл Жарты ай / Красный Полумесяц (Red Crescent),
    # Шекарасыз дәрігерлер (Doctors Without Borders)
    ("Кеше Қызыл Жарты ай мәлімдеді.", "Yesterday the Red Crescent said.", False),
    ("Кеше Қызыл Жарты ай мәлімдеді.", "Yesterday the Red Cross said.", True),
    ("Кеше Шекарасыз дәрігерлер мәлімдеді.", "Yesterday Doctors Without Borders said.", False),
])  # fmt: skip
def test_kazakh_acronyms_of_international_bodies(src, eng, flagged):
    found = [f for f in flags(src, eng, "kk") if f.severity in ("major", "critical")]
    assert bool(found) is flagged, (src, eng, [f.message for f in found])


# Common words that a Kazakh (or Russian) name capitalises and English translates (session
# 35; made-up sentences): Конституция, Мектеп / Школа, Мәжіліс (the lower house), Елбасы (a
# title), Ерлер / Әйелдер (men's, women's), sports (Бейсбол), and Алғыс айту күні (Thanksgiving).
# A name beside them must still be rendered.
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Кеше Конституция өзгертілді.", "Yesterday the constitution was amended.", "kk", False),
    ("Вчера Конституция была изменена.", "Yesterday the constitution was amended.", "ru", False),
    ("Кеше Мектеп мәлімдеді.", "Yesterday the school said.", "kk", False),
    ("Кеше Мәжіліс жаңа заң қабылдады.", "Yesterday the lower house adopted a new law.", "kk",
     False),
    ("Кеше Елбасы сөз сөйледі.", "Yesterday the First President spoke.", "kk", False),
    ("Кеше Ерлер құрамасы жеңді.", "Yesterday the men's team won.", "kk", False),
    ("Кеше Бейсболдың негізгі лигасы мәлімдеді.", "Yesterday MLB said.", "kk", False),
    ("Кеше Алғыс айту күні тойланды.", "Yesterday Thanksgiving was celebrated.", "kk", False),
    ("Кеше Мектеп директоры Сапаров мәлімдеді.", "Yesterday the school principal said.", "kk",
     True),
])  # fmt: skip
def test_common_words_a_name_capitalises(src, eng, lang, flagged):
    found = [f for f in flags(src, eng, lang) if f.severity in ("major", "critical")]
    assert bool(found) is flagged, (src, eng, [f.message for f in found])
