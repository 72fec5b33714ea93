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
