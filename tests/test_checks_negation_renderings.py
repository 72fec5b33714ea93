"""negation-mismatch on how professional translators render negation (session 36, made-up
news-style probes, no evaluation data): each convention has faithful renderings that must not be
flagged and a lost or added negation beside it that still must be."""

from __future__ import annotations

import pytest
from test_checks_negation import one_pair

from compare.checks.negation import NegationMismatch


def flags(src: str, eng: str, lang: str) -> list:
    return NegationMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(("src", "eng"), [
    # болмаса opening its clause is "or" / "otherwise", as әйтпесе
    ("Шай ма, болмаса кофе ме?", "Tea or coffee?"),
    ("Жұмысты уақытында бітіру керек, болмаса айыппұл салынады.",
     "The work must be finished on time, otherwise a fine will be imposed."),
    # кездейсоқтық емес "no coincidence", сөзсіз "undoubtedly", көп болған жоқ "recently"
    ("Бұл кездейсоқтық емес.", "This is no coincidence."),
    ("Ол сөзсіз жеңеді.", "He will undoubtedly win."),
    ("Ол бұл қызметке тағайындалғанына көп болған жоқ.", "He was recently appointed to this post."),
    # litotes of rank: "not the first time" is "has happened before"
    ("Бұл бірінші рет емес.", "This has happened before."),
    # жоқтың қасы "next to nothing"; аз адам "few people"
    ("Бұл аймақта су жоқтың қасы.", "There is almost no water in this region."),
    ("Бұл туралы аз адам біледі.", "Not many people know about this."),
    # a negated verb after a -сыз word: a double negation, said with or without "not ... un-"
    ("Бұл қылмыс жазасыз қалмайды.", "This crime will be punished."),
    ("Бұл қылмыс жазасыз қалмайды.", "This crime will not go unpunished."),
    ("Үкімет бұл мәселені елеусіз қалдырмайды.", "The government will address this issue."),
    ("Үкімет бұл мәселені елеусіз қалдырмайды.", "The government will not ignore this issue."),
    ("Бұл жаңалық көпшілікті бей-жай қалдырмады.", "The news moved many people."),
    # English words that carry the negation: broke a promise, pending, in vain, withheld
    ("Ол айтқан уәдесін орындамады.", "He broke his promise."),
    ("Дауыс беру нәтижесі әлі жарияланған жоқ.", "The voting results are still pending."),
    ("Бұл ешқандай нәтиже бермеді.", "This was in vain."),
    ("Оның аты-жөні жарияланбады.", "His name was withheld."),
    # "whether or not" for a concessive "-маса да"
    ("Ол келмесе де, біз бастаймыз.", "We will start whether or not he comes."),
])  # fmt: skip
def test_faithful_kazakh_renderings_are_not_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "kk") == [], (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    # болмаса after its noun is "if there is no": a negation
    ("Егер келісім болмаса, соғыс басталады.", "If there is an agreement, war will start."),
    ("Ол келмеді, бұл кездейсоқтық емес.", "He came, and this is no coincidence."),
    ("Ол сөзсіз жеңеді.", "He will not win."),
    ("Ол бұл қызметке тағайындалған жоқ.", "He was appointed to this post."),
    ("Бұл бірінші рет.", "This is not the first time."),
    ("Бұл аймақта су көп.", "There is almost no water in this region."),
    ("Бұл туралы көп адам біледі.", "Not many people know about this."),
    ("Бұл қылмыс жазасыз қалды.", "This crime will not go unpunished."),
    ("Ол уәдесін орындады.", "He did not break his promise."),
    # disclose is no negated "close": it explains no lost negation
    ("Оның аты-жөні жарияланбады.", "His identity was disclosed."),
    ("Ол келеді, біз бастаймыз.", "Whether or not he comes, we will not start."),
])  # fmt: skip
def test_kazakh_negations_beside_those_renderings_are_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "kk"), (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    # "не более" + amount is a bound: "at most", "no more than" or "will not exceed"
    ("Срок составит не более трёх лет.", "The term will not exceed three years."),
    ("Срок составит не более трёх лет.", "The term will be at most three years."),
    # English double negation "could not fail to", as "не мог не"
    ("Он не мог не заметить этого.", "He could not fail to notice this."),
    ("Ситуация далеко не простая.", "The situation is anything but simple."),
    # "никто иной, как" as it is often written, for "не кто иной, как"
    ("Это был никто иной, как сам президент.", "It was none other than the president himself."),
    ("Это был никто иной, как сам президент.", "It was the president himself."),
    ("Не исключено, что выборы перенесут.",
     "It is not ruled out that the election will be postponed."),
    ("Он не стал комментировать решение.", "He refrained from commenting on the decision."),
    ("Двое воздержались.", "Two did not vote."),
    ("Сделка так и не состоялась.", "The deal fell through."),
    ("Переговоры не принесли результатов.", "The talks were in vain."),
    ("Решение пока не принято.", "A decision is pending."),
    ("Компания не выполнила обещание.", "The company broke its promise."),
    ("Новость не оставила равнодушными многих.", "The news moved many people."),
    ("Полиция не допустила столкновений.", "Police averted clashes."),
    # "not begin until March" for "не раньше марта"
    ("Переговоры начнутся не раньше марта.", "Talks will not begin until March."),
])  # fmt: skip
def test_faithful_russian_renderings_are_not_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "ru") == [], (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Срок составит более трёх лет.", "The term will not exceed three years."),
    ("Они не больше обеспокоены.", "They are more concerned."),  # degree: a plain negation
    ("Он не заметил этого.", "He could not fail to notice this."),
    ("Ситуация простая.", "The situation is anything but simple."),
    ("Это был никто иной, как сам президент, но он не выступил.",
     "It was the president himself, and he spoke."),
    ("Не исключено, что выборы перенесут.", "The election will not be postponed."),
    ("Двое воздержались.", "Two did not abstain."),
    ("Сделка состоялась.", "The deal did not fall through."),
    ("Переговоры не принесли результатов.", "The talks were not in vain."),
    ("Новость оставила его равнодушным.", "The news did not leave him indifferent."),
    # one verb between "not" and "until" only: "will not remain closed until" is a negation
    ("Аэропорт будет закрыт до октября.", "The airport will not remain closed until October."),
])  # fmt: skip
def test_russian_negations_beside_those_renderings_are_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "ru"), (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    # degree and eagerness: "couldn't be happier", "couldn't care less", "can't wait"
    ("Мен өте бақыттымын.", "I couldn't be happier.", "kk"),
    ("Асыға күтеміз.", "We can't wait.", "kk"),
    ("Мне всё равно.", "I couldn't care less.", "ru"),
    # "маған бәрібір" is "I don't care", as "мне всё равно"
    ("Бұл маған бәрібір.", "It doesn't matter to me.", "kk"),
    # "not far from" is "near"; алыс емес is "недалеко"
    ("Ауыл қалаға жақын орналасқан.", "The village is not far from the city.", "kk"),
    ("Ауыл қаладан алыс емес.", "The village is near the city.", "kk"),
    ("Ол келісімге қол қоюға асықпайды.", "He is reluctant to sign the deal.", "kk"),
    ("Цены на нефть не изменились.", "Oil prices held steady.", "ru"),
    ("Ему не впервой.", "He has done this before.", "ru"),
])  # fmt: skip
def test_faithful_renderings_of_degree_and_distance(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Ол бәрібір келді.", "He did not come anyway.", "kk"),  # бәрібір alone is "anyway"
    ("Ол бақытты.", "He could not be happy.", "kk"),
    ("Ол келісімге қол қоюға асығады.", "He is not reluctant to sign the deal.", "kk"),
    ("Цены на нефть изменились.", "Oil prices did not hold steady.", "ru"),
    ("Ему впервой.", "It's not his first time.", "ru"),
])  # fmt: skip
def test_negations_beside_degree_and_distance_are_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang), (src, eng)


# Round 2, English first (made-up news sentences, English originals rendered by a translator):
# English words of avoiding, staying, silence and lack that the translation says with a negated
# verb, and the Russian and Kazakh words that say an English "not" without one.
@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Трамп не пришёл на встречу.", "Trump snubbed the meeting.", "ru"),
    ("Оппозиция сайлауға қатыспады.", "The opposition boycotted the election.", "kk"),
    ("Болельщики не пришли на стадион.", "Fans stayed away from the stadium.", "ru"),
    ("Ол тергеушілерге ештеңе айтпады.", "He kept quiet.", "kk"),
    ("Дождь так и не пошёл.", "The rain held off.", "ru"),
    ("Жаңбыр жаумайды.", "It will be dry.", "kk"),
    ("Самолёты не вылетали.", "Flights were grounded.", "ru"),
    ("Пойыздар жүрмеді.", "Trains were halted.", "kk"),
    ("Переговоры не продвигаются.", "Talks are at a stalemate.", "ru"),
    ("В тысячах домов не было света.", "There was a power outage in thousands of homes.", "ru"),
    ("Депутаты не поддержали соглашение.", "MPs voted down the deal.", "ru"),
    ("Депутаттар келісімді қолдамады.", "MPs voted against the deal.", "kk"),
    ("Ол құрамға енбеді.", "He was left out of the squad.", "kk"),
    ("Он не сможет играть шесть недель из-за травмы.",
     "He has been ruled out for six weeks with injury.", "ru"),
    ("Он не пострадал.", "He escaped injury.", "ru"),
    ("Ол түрмеге қамалмады.", "He was spared jail.", "kk"),
    ("Он не принял предложение.", "He turned down the offer.", "ru"),
    ("Ол ұсынысты қабылдамады.", "He declined the offer.", "kk"),
    ("Это утверждение не соответствует действительности.", "The claim is false.", "ru"),
    ("Эта команда не имеет себе равных.", "This team is second to none.", "ru"),
    ("Компания пайда әкелмейді.", "The company is loss-making.", "kk"),
    ("Он не контролирует ситуацию.", "The situation is out of his control.", "ru"),
    ("Ол ешқайда кетпейді.", "He is staying put.", "kk"),
    ("Решение ожидается не раньше следующего года.",
     "A decision is not expected until next year.", "ru"),
    ("Премьер-министр отказалась исключить жёсткий Brexit.",
     "The prime minister refused to rule out a no-deal Brexit.", "ru"),
    # innocent, asymptomatic: prefix words for a negation
    ("Ол ешқандай қылмыс жасамаған.", "He is innocent.", "kk"),
    ("У пациентов не было симптомов.", "The patients were asymptomatic.", "ru"),
    # Russian and Kazakh words for an English "not"
    ("Представитель компании уклонился от ответа.",
     "A company spokesman would not be drawn on the matter.", "ru"),
    ("Представитель компании проигнорировал запрос о комментарии.",
     "A company spokesman did not respond to a request for comment.", "ru"),
    ("Об этом сообщил чиновник, пожелавший остаться анонимным.",
     "An official who asked not to be named said this.", "ru"),
    ("Маловероятно, что он победит на следующих выборах.",
     "He is not expected to win the next election.", "ru"),
    ("Ол келесі сайлауда жеңуі екіталай.", "He is not expected to win the next election.", "kk"),
    ("Он хранил молчание.", "He said nothing.", "ru"),
    ("Это утверждение ложно.", "The claim is not true.", "ru"),
    ("Бұл мәлімдеме жалған.", "The claim is not true.", "kk"),
    ("Препарат противопоказан детям.", "The drug is not suitable for children.", "ru"),
    ("Причины пожара выясняются.", "The cause of the fire is not yet known.", "ru"),
    ("Будет сухо.", "No rain is expected.", "ru"),
    ("Ауа райы құрғақ болады.", "No rain is expected.", "kk"),
    ("Ситуация вышла из-под контроля.", "The situation is not under control.", "ru"),
    # "нет ничего важнее", "не меньше 20": literal renderings keep the "not"
    ("Нет ничего важнее безопасности.", "Nothing is more important than safety.", "ru"),
    ("Погибли не меньше 20 человек.", "At least 20 people were killed.", "ru"),
    # "whether (or not)": the Kazakh reduplicated form asks, it does not deny
    ("Оның қайта сайлауға түсетін-түспейтіні белгісіз.",
     "It is unclear whether he will stand again.", "kk"),
    # the pronoun of "ешкімді бей-жай қалдырмады" (moved everyone), "никого не оставила
    # равнодушным"
    ("Бұл жаңалық ешкімді бей-жай қалдырмады.", "The news moved everyone.", "kk"),
    ("Новость никого не оставила равнодушным.", "The news moved everyone.", "ru"),
])  # fmt: skip
def test_english_first_renderings_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    # the English adds a "not" to the phrase against a positive source
    ("Трамп пришёл на встречу.", "Trump did not snub the meeting.", "ru"),
    ("Жанкүйерлер стадионға келді.", "Fans did not stay away from the stadium.", "kk"),
    ("Жаңбыр жауады.", "It will not be dry.", "kk"),
    ("Самолёты вылетали.", "Flights were not grounded.", "ru"),
    ("Ол жарақат алды.", "He did not escape injury.", "kk"),
    ("Это утверждение соответствует действительности.", "The claim is not false.", "ru"),
    ("Эта команда лучшая.", "This team is not second to none.", "ru"),
    ("Решение ожидается в следующем году.", "A decision is not expected next year.", "ru"),
    ("Ол ұсынысты қолдады.", "He did not oppose the proposal.", "kk"),
    ("Он виновен.", "He is not guilty.", "ru"),
    # a lost negation whose English keeps the same word of avoiding (the two cancel)
    ("Он не проигнорировал запрос.", "He ignored the request.", "ru"),
    ("Трамп не бойкотировал встречу, а пришёл.", "Trump boycotted the meeting.", "ru"),
    # the source's word does not explain its own lost negation
    ("Он молчал и не ушёл.", "He was silent and left.", "ru"),
    ("Будет сухо, дождя не будет.", "It will be dry and it will rain.", "ru"),
    ("Оның келетін-келмейтіні белгісіз, бірақ ол қол қоймайды.",
     "It is unclear whether he will come, but he will sign.", "kk"),
    # not құрғақшылық "drought", not the дәрі-дәрмек kind of hyphened pair
    ("Аймақ құрғақшылықтан зардап шекпейді.", "The region suffers from drought.", "kk"),
    ("Елде дәрі-дәрмек жетіспейді.", "The country has enough medicines.", "kk"),
    # "не меньше" of degree (no less) is a negation; "не меньше 20" vs "fewer" is left to the
    # number check
    ("Он волнуется не меньше.", "He worries less.", "ru"),
    # a real "нет ничего", "никто ... не" without кроме
    ("Есть вещи важнее безопасности.", "Nothing is more important than safety.", "ru"),
    ("Никто не пришёл.", "Everyone came.", "ru"),
    ("Бұл жаңалық ешкімді қуантпады.", "The news delighted everyone.", "kk"),
])  # fmt: skip
def test_negations_beside_english_first_renderings_are_flagged(
    src: str, eng: str, lang: str
) -> None:
    assert flags(src, eng, lang), (src, eng)


# "Ни X, ни Y не ..." counts its second "ни" as a lexical word only to explain a second English
# negation; it must not cancel an English word of refusal ("declined to comment"), nor must an
# English "nor" cancel a source "отказались".
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Ни Трамп, ни Ким не прокомментировали встречу.",
     "Both Trump and Kim declined to comment on the meeting.", False),
    ("Трамп и Ким отказались от комментариев.", "Neither Trump nor Kim would comment.", False),
    ("Ни радости вечной, ни печали бесконечной.", "Neither joy is eternal, nor sorrow is endless.",
     False),
    ("Ни Трамп, ни Ким не прокомментировали встречу.",
     "Both Trump and Kim commented on the meeting.", True),
    ("Трамп и Ким прокомментировали встречу.", "Neither Trump nor Kim would comment.", True),
    ("Ни Трамп, ни Ким не пришли.", "Trump and Kim came.", True),
])  # fmt: skip
def test_neither_nor_against_a_word_of_refusal(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng, "ru")) == flagged, (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Его не допустили к гонке.", "He was barred from the race.", "ru"),
    ("Оған жарысқа қатысуға рұқсат берілмеді.", "He was barred from the race.", "kk"),
    # the passive of a verb of ceasing, as the active: "will not be stopped" is "continue"
    ("Программа будет продолжена.", "The programme will not be stopped.", "ru"),
    ("Он не выходил на связь несколько дней.", "He had been out of contact for several days.",
     "ru"),
    # "-майтын шығар" is a finite "probably will not", beside ешқашан one negation
    ("Бұл келісім ешқашан орындалмайтын шығар.", "The deal is unlikely ever to be implemented.",
     "kk"),
    # "не" before an adverbial participle is "without" (before, without)
    ("Он скончался, не дождавшись скорой помощи.", "He died before the ambulance arrived.", "ru"),
    ("Он ушёл, не попрощавшись.", "He did not say goodbye when he left.", "ru"),
])  # fmt: skip
def test_english_first_renderings_of_barring_ceasing_and_without(
    src: str, eng: str, lang: str
) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Его допустили к гонке.", "He was not barred from the race.", "ru"),
    ("Он был на связи.", "He was not out of contact.", "ru"),
    ("Бұл келісім орындалатын шығар.", "The deal will probably not be implemented.", "kk"),
    ("Бұл келісім орындалмайтын шығар.", "The deal will probably be implemented.", "kk"),
    # "не готов", "не я": a short adjective or a pronoun, a negation of its own
    ("Он не готов.", "He is ready.", "ru"),
    ("Это сделал не я.", "I did it.", "ru"),
    ("Она не оказалась дома.", "She was at home.", "ru"),
])  # fmt: skip
def test_negations_beside_barring_ceasing_and_without_are_flagged(
    src: str, eng: str, lang: str
) -> None:
    assert flags(src, eng, lang), (src, eng)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    # a stop verb under a negated "could" is "could not be stopped", which the English counts as
    # a negated verb of ceasing (session 39 probes)
    ("Өртті тоқтату мүмкін болмады.", "The fire could not be stopped.", "kk"),
    ("Оны ешкім тоқтата алмады.", "No one could stop him.", "kk"),
    # a speaker's "I doubt" is "не думаю", "істемейді деп ойлаймын"
    ("Не думаю, что это так.", "I doubt it.", "ru"),
    ("Олар мұны істемейді деп ойлаймын.", "I doubt they will do it.", "kk"),
    # "could not hold back laughter / tears": burst out laughing, burst into tears
    ("Ол күлкісін тыя алмады.", "He burst out laughing.", "kk"),
    ("Он не смог сдержать смех.", "He burst out laughing.", "ru"),
    ("Она не сдержала слёз.", "She burst into tears.", "ru"),
    ("Бірақ бұл жолы оның жолы болмады.", "But this time his luck ran out.", "kk"),
    ("Жертв удалось избежать.", "There were no casualties.", "ru"),
    ("Олимпиада чемпионы жарысқа қатыспайтынын айтты.",
     "The Olympic champion said she was pulling out of the race.", "kk"),
])
def test_renderings_of_could_not_doubt_and_luck(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == []


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Оны ешкім тоқтата алмады.", "Someone could stop him.", "kk"),
    ("Россия не должна сомневаться в этом.", "Russia should doubt it.", "ru"),
    ("Он не сдержал обещание.", "He kept his promise.", "ru"),
    ("Войска не были выведены.", "The troops were withdrawn.", "ru"),
])
def test_negations_beside_could_not_doubt_and_luck_are_flagged(
    src: str, eng: str, lang: str
) -> None:
    assert flags(src, eng, lang)
