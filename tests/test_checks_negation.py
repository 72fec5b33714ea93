"""negation-mismatch: negation on one side only; fixed phrases and concord left alone."""

from __future__ import annotations

import pathlib

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.negation import NegationMismatch
from compare.document import Document, Sentence, Span
from compare.negations import count_negations
from compare.splits import demetr_rows, ntrex_lines, wmt22_rows


def one_pair(src: str, eng: str, lang: str = "ru") -> CheckContext:
    """A one-sentence-per-side document with a single 1-1 pair."""
    source = Document(src, lang, [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    return CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])


def flags(src: str, eng: str, lang: str = "ru") -> list:
    return NegationMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "side"),
    [
        ("Он не пришёл на встречу.", "He came to the meeting.", "ru", "source"),
        ("Он пришёл на встречу.", "He did not come to the meeting.", "ru", "target"),
        ("Он пришёл на встречу.", "He didn't come to the meeting.", "ru", "target"),
        ("Здесь нет дождливых сезонов.", "There are rainy seasons here.", "ru", "source"),
        ("Никто его не видел.", "Everybody saw him.", "ru", "source"),
        ("Ол жиналысқа келмеді.", "He came to the meeting.", "kk", "source"),
        ("Бұл шешім дұрыс емес.", "This decision is right.", "kk", "source"),
        ("Ол жиналысқа келді.", "He never came to the meeting.", "kk", "target"),
        # "пока не" is "not yet" without the comma of an "until" clause, or before a short
        # participle or adjective: a real negation.
        ("Решение пока не принято.", "The decision has been made.", "ru", "source"),
        ("Он не мог согласиться.", "He agreed.", "ru", "source"),
        ("Никто не пришёл.", "Everyone came.", "ru", "source"),  # no "кроме": a real one
        ("Данные о других каналах, пока не доступны.", "Data on other channels are available.",
         "ru", "source"),
    ],
)
def test_one_sided_negation_is_flagged(src: str, eng: str, lang: str, side: str) -> None:
    (flag,) = flags(src, eng, lang)
    assert flag.side == side
    assert flag.category == "negation" and flag.severity == "critical"


def test_flag_points_at_the_negation_word() -> None:
    eng = "Scientists say the plumage was not brown."
    (flag,) = flags("Учёные говорят, что оперение было коричневым.", eng)
    assert eng[flag.start : flag.end] == "not"


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Он не только пел, но и танцевал.", "He not only sang but also danced.", "ru"),
        ("Он не только пел, но и танцевал.", "He sang and danced as well.", "ru"),
        ("Он никогда не был в Париже.", "He has never been to Paris.", "ru"),
        ("Ни он, ни она не пришли.", "Neither he nor she came.", "ru"),
        ("Я пришёл без зонта.", "I came without an umbrella.", "ru"),
        (
            "Атомы распадаются при малом воздействии или без него.",
            "Atoms decay with little or no impact.",
            "ru",
        ),  # fmt: skip
        ("Тем не менее, налоги выросли.", "However, taxes rose.", "ru"),
        ("Пришло не менее 5 человек.", "At least 5 people came.", "ru"),
        ("Несколько человек пришли.", "Several people came.", "ru"),
        ("Незадолго до выборов он уехал.", "Shortly before the election he left.", "ru"),
        (
            "Как бы на то ни надеялись лидеры, денег не хватит.",
            "The money will not last as long as leaders hope.",
            "ru",
        ),  # fmt: skip
        ("Здесь нельзя курить.", "You cannot smoke here.", "ru"),
        ("Это нестабильное ядро.", "This is an unstable nucleus.", "ru"),
        (
            "Там преобладает арабский колорит, а не африканский.",
            "It has more of an Arabic flair than African.",
            "ru",
        ),  # fmt: skip
        ("Ол жиналысқа келмеді.", "He did not come to the meeting.", "kk"),
        ("Жұма күні жиналыс өтті.", "The meeting took place on Friday.", "kk"),
        ("Ол кітапты немесе журналды оқыды.", "He read the book or the magazine.", "kk"),
        ("Ешкім сене алмады.", "Nobody could believe it.", "kk"),
        # The expletive "не" of "until" and "едва не" (nearly).
        ("Он ждал, пока она не вернётся.", "He waited until she came back.", "ru"),
        ("Мы будем ждать до тех пор, пока не получим ответ.", "We will wait until we get an "
         "answer.", "ru"),
        ("Власти ждали, пока Пхеньян не сделает заявление.", "The authorities waited until "
         "Pyongyang made a statement.", "ru"),
        ("Он едва не погиб.", "He nearly died.", "ru"),
        ("Он не мог не согласиться.", "He had to agree.", "ru"),  # double: "could not but"
        ("Он не мог не согласиться.", "He could not help but agree.", "ru"),
        # Idioms whose "не" negates nothing, and their English counterparts.
        ("Не секрет, что он болен.", "It is well known that he is ill.", "ru"),
        ("Не секрет, что он болен.", "It is no secret that he is ill.", "ru"),
        ("Не удивительно, что он ушёл.", "No wonder he left.", "ru"),
        ("Не удивительно, что он ушёл.", "It is not surprising that he left.", "ru"),
        ("Выборы не за горами.", "The election is just around the corner.", "ru"),
        ("Не прошло и года, как он вернулся.", "Within a year he was back.", "ru"),
        ("Никто, кроме него, не пришёл.", "Only he came.", "ru"),
        ("Он не ел ничего, кроме хлеба.", "He ate nothing but bread.", "ru"),
        ("Он ничего, кроме хлеба, не ел.", "He ate nothing but bread.", "ru"),
        ("Оның кеткені таңқаларлық емес.", "It is not surprising that he left.", "kk"),
        ("Оның ауырып жүргені құпия емес.", "It is no secret that he is ill.", "kk"),
        ("Ол наннан басқа ештеңе жеген жоқ.", "He ate nothing but bread.", "kk"),
    ],
)
def test_matching_or_formal_negations_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == [], (src, eng)


def test_counts_collapse_concord() -> None:
    assert count_negations("Никто ничего не сказал.", "ru").strong == 1
    assert count_negations("Nobody said anything, and he didn't either.", "en").strong == 2
    assert count_negations("не только красиво, но и удобно", "ru").strong == 0
    assert count_negations("Ни двух, ни трех доз не будет достаточно.", "ru").strong == 1
    assert count_negations("Item No. 713946 is sold out.", "en").strong == 0


def _demetr(shared_dir: pathlib.Path) -> list[dict]:
    """DEMETR's dev rows (ids 551-575: 25 source sentences, 875 rows; compare.splits)."""
    return demetr_rows("dev", shared_dir)


def test_demetr_negation_perturbations_are_caught(shared_dir: pathlib.Path) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_name"].endswith("_negation")]
    caught = sum(bool(flags(r["src_sent"], r["pert_sent"])) for r in rows)
    assert caught / len(rows) >= 0.8  # dev: 21 of 25 caught; bound 0.8 (slack 1: 20 of 25)


def test_demetr_human_reference_is_not_flagged(shared_dir: pathlib.Path) -> None:
    rows = [r for r in _demetr(shared_dir) if r["pert_name"] == "base_id35_reference"]
    flagged = [r["pert_sent"] for r in rows if flags(r["src_sent"], r["pert_sent"])]
    assert len(flagged) <= 1, flagged  # dev: 0 of 25 flagged; bound 1 (slack 1)


@pytest.mark.parametrize(("lang", "bound"), [("ru", 13), ("kk", 8)])
def test_ntrex_professional_translations_rarely_flagged(
    shared_dir: pathlib.Path, lang: str, bound: int
) -> None:
    """NTREX dev lines 1-300; measured 9 (ru) and 2 (kk), bounds 13 and 8 (slack 4 and 6; set
    when the check flagged 10 and 5): litotes the translator resolved ("не возражают" -> "open
    minded"), pronoun-for-name rewrites."""
    lines = range(0, 300)
    eng = ntrex_lines("en", lines, shared_dir, strip=False)
    src = ntrex_lines(lang, lines, shared_dir, strip=False)
    flagged = sum(bool(flags(s, e, lang)) for s, e in zip(src, eng, strict=True))
    assert flagged <= bound


def test_one_english_negation_may_cover_two_source_clauses() -> None:
    src = "Ткань чехла не сминается, не растягивается со временем."
    assert flags(src, "The cover's fabric does not crumble or stretch over time.") == []
    assert flags(src, "The cover's fabric crumbles and stretches over time.")


def test_wmt22_russian_original_rarely_flagged(shared_dir: pathlib.Path) -> None:
    """The 950 segments of the WMT22 ru-en dev documents (even positions) with their
    professional reference: dev 2 flagged; bound 5 (slack 3): litotes and antonyms the
    translator resolved."""
    rows = wmt22_rows("dev", shared_dir)
    flagged = sum(bool(flags(r["src"], r["ref_A"])) for r in rows)
    assert flagged <= 5


def test_kazakh_contrast_is_not_a_lost_negation() -> None:
    """"X емес, Y" is "Y rather than X" (like Russian "не X, а Y"); a plain емес still counts."""
    from compare.negations import count_negations

    contrast = count_negations("Маскалар жоғары сәнге емес, Ганнибал Лектерге ұқсады.", "kk")
    assert contrast.strong == 0 and contrast.lexical == 1
    assert count_negations("Ол бақытты емес.", "kk").strong == 1
    assert count_negations("The defence was impenetrable.", "en").prefix == 1


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        # double negation is positive
        ("Мұндай жағдайлар жоқ емес.", "Such cases do occur."),
        ("Ол жеңіске жетпей қоймайды.", "He is sure to win."),
        # formal: "otherwise", "at least", "no accident"
        ("Әйтпесе, олар айыппұл төлейді.", "Otherwise, they will pay a fine."),
        ("Ең болмаса екі адам келеді.", "At least two people will come."),
        ("Жоқ дегенде үш адам келеді.", "At least three people will come."),
        ("Оның жеңгені кездейсоқ емес.", "His victory was well deserved."),
        # weak: attributive -мас, purpose -мас үшін, -мастан, rhetorical question, deny, absence
        ("Бұл ұмытылмас сәт болды.", "It was a memorable moment."),
        ("Полиция жұрт жиналмас үшін қоршау құрды.", "Police set up a fence to block the crowd."),
        ("Ол ештеңе айтпастан кетіп қалды.", "He left in silence."),
        ("Ол бармасқа шешті.", "He decided not to go."),  # -масқа "not to"
        ("Ұмытылмастай әсер қалдырды.", "It left an impression one cannot forget."),
        ("Бұл тамаша емес пе?", "This is wonderful!"),
        ("Министрлік бұл ақпаратты жоққа шығарды.", "The ministry dismissed the report."),
        ("Тәжірибенің жоқтығы байқалды.", "The team's inexperience showed."),
        # names that end like -мас/-мес, жоқ-words that are not negations
        ("Ойынға Томас Мюллер мен Хамас өкілі келді.", "Thomas Muller and a Hamas official came."),
        ("Ауылда жоқшылық көп болды.", "There was much poverty in the village."),
        # English un-/dis- words that negate nothing
        ("Біз оның ауданға келмегенін түсінеміз.", "We understand he did not come to the district"),
    ],
)
def test_kazakh_formal_weak_and_name_forms_are_not_flagged(src: str, eng: str) -> None:
    assert flags(src, eng, "kk") == [], (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "side"),
    [
        ("Мұндай жағдайлар жоқ.", "Such cases do occur.", "source"),
        ("Ол жеңіске жетпейді.", "He is sure to win.", "source"),
        # (against "It will be remembered" the opposite word says the negation: not flagged)
        ("Бұл ұмытылмас.", "It will be forgotten.", "source"),
        ("Екі ел елшілерін 1962 жылдан бері жібермепті.", "They have exchanged envoys.", "source"),
        ("Екі ел 1962 жылдан бері елші жіберіпті.", "They have not exchanged envoys.", "target"),
        ("Ол ешқашан Астанаға бармаған.", "He has been to Astana.", "source"),
        ("Ешқайсысы келмеді.", "All of them came.", "source"),
        ("Ойынға Томас Мюллер келді.", "Thomas Muller did not come.", "target"),
    ],
)
def test_kazakh_negations_next_to_those_forms_are_still_flagged(
    src: str, eng: str, side: str
) -> None:
    (flag,) = flags(src, eng, "kk")
    assert flag.side == side


def test_kazakh_noun_endings_are_not_negative_verbs() -> None:
    """-масын/-месін on a noun is possessive + accusative (бағдарламасын "its programme"),
    not the negative imperative; жоқшылық "poverty" is a noun."""
    for text in ("Ол бағдарламасын жариялады.", "Жоқшылық азайды."):
        assert count_negations(text, "kk").strong == 0, text
    assert count_negations("I understand the United Nations district.", "en").prefix == 0
    assert count_negations("It is unlikely and irregular; I dislike it.", "en").prefix == 3


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # "ADJ емес" where Russian writes one не-word (нелегко): weak, like the prefix word
        ("Бұл міндет оңай емес.", "This is a difficult task.", False),
        ("Бұл міндет оңай емес.", "This is an easy task.", False),  # the antonym check's job
        ("Бұл міндет мүлде жеңіл емес.", "This is a light task.", False),
        ("Бұл шешім дұрыс емес.", "This decision is right.", True),  # not among them
        ("Ол жоқ болып кетті.", "He went missing.", False),
        ("Ол жоқ.", "He is here.", True),
        # lexical words paired as in Russian (тыйым ~ запрет)
        ("Темекі шегуге тыйым салынды.", "Smoking is not allowed.", False),
        ("Темекі шегуге рұқсат етілді.", "Smoking is not allowed.", True),
        # English words that say "not" by themselves (missed ~ did not attend)
        ("Ол жиналысқа қатыспады.", "He missed the meeting.", False),
        ("Ол жиналысқа қатыспады.", "He attended the meeting.", True),
        # a negated verb of ceasing, as Russian "не прекращаются": "kept on", "continued"
        ("Бірнеше күн бойы жаңбыр тоқтамады.", "It kept raining for several days.", False),
        ("Шабуылдар түні бойы толастамады.", "The attacks continued all night.", False),
        ("Бірнеше күн бойы жаңбыр жауды.", "It did not rain for several days.", True),
        # "X емес" before its noun, an English "non-" word (hyphenated or not)
        ("Мемлекеттік емес ұйымдар наразылық білдірді.",
         "Non-governmental organisations protested.", False),
    ],
)
def test_kazakh_litotes_and_lexical_negators(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng, "kk")) is flagged, (src, eng)


def test_a_hyphenated_non_word_is_one_prefix_negation() -> None:
    assert count_negations("Non-governmental groups and non-profit ones.", "en").prefix == 2
    assert count_negations("None of the groups protested.", "en").prefix == 0


def test_kazakh_stems_ending_like_the_negative_suffix() -> None:
    """кем "less" -> кемей- "decrease": кемейді "decreased" is no negation, but кемейтпеді
    "did not reduce" is; қамауға "into custody" is a noun."""
    assert count_negations("Халық саны кемейді.", "kk").strong == 0
    assert count_negations("Ол шығынды кемейтпеді.", "kk").strong == 1
    counts = count_negations("Ол қамауға алынды.", "kk")
    assert (counts.strong, counts.prefix) == (0, 0)
    assert flags("Халық саны кемейді.", "The population decreased.", "kk") == []
    assert flags("Ол шығынды кемейтпеді.", "He cut the losses.", "kk")


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        # аз is mostly the adjective "small": it explains no English "not"
        ("Ол аз мөлшерде тамақ сатып алады.", "He does not buy small amounts of food."),
        # қауіпсіздік "security" is no "without", so ешқашан keeps its own negation
        ("Қауіпсіздік туралы мен ешқашан келіспеймін.", "I will always agree on security."),
        # жоғалту "lose" pairs with English losing, leaving the added "not" unexplained
        ("Олар бақылауды жоғалтып жатыр.", "They are not losing control."),
    ],
)
def test_kazakh_words_that_explain_no_english_negation(src: str, eng: str) -> None:
    assert flags(src, eng, "kk"), (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # -сыз is as often an English un-/il- word as "-less": one bucket for Kazakh
        ("Бұл заңсыз әрекет.", "This is an illegal act.", False),
        ("Бұл заңсыз әрекет.", "This is not an illegal act.", True),
        ("Бұл заңсыз әрекет.", "This act is against the law.", False),
        # қарсы "against" explains no "not"
        ("Ол бұл шешімге қарсы шықты.", "He opposed the decision.", False),
        ("Ол бұл шешімге қарсы шықты.", "He did not oppose the decision.", True),
    ],
)
def test_kazakh_without_words_and_against(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng, "kk")) is flagged, (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # the verbal noun -мау pairs with English prevent / avoid, leaving an added "not" bare
        ("Олар жанжалды болдырмауға тырысты.", "They tried to prevent the conflict.", False),
        ("Олар жанжалды болдырмауға тырысты.", "They did not try to prevent a conflict.", True),
        # тек ... ғана is one "only"
        ("Тек екі адам ғана келді.", "Only two people came.", False),
        ("Тек екі адам ғана келді.", "Only two people did not come.", True),
    ],
)
def test_kazakh_verbal_noun_and_only(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng, "kk")) is flagged, (src, eng)


def test_kazakh_participle_before_a_conjunction_is_a_predicate() -> None:
    src = "Адамдар дереу қашпаған және құрбан болған."
    assert flags(src, "People did not run at once and became victims.", "kk") == []
    (flag,) = flags(src, "People ran at once and became victims.", "kk")
    assert flag.side == "source"
    assert count_negations("Күтпеген жағдай болды.", "kk").strong == 0


# Idioms where both languages negate differently or not at all (issue 8, WMT22 dev documents):
# "have / be in no doubt" keeps its "no" against "не сомневаться"; a negated verb of ceasing
# is "continue"; "say no to" is a verb of refusal; ill- adjectives negate like un-; "no
# earlier than" and "not the only" are formal like "не раньше" and "не только".
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Россия не должна сомневаться в этом.", "Russia should be in no doubt about it.", False),
        ("У России не должно быть сомнений.", "Russia should have no doubt.", False),
        ("Россия не должна сомневаться в этом.", "Russia should doubt it.", True),
        ("Нет никаких сомнений, что он прав.", "There is no doubt that he is right.", False),
        ("Нет никаких сомнений, что он прав.", "I have no doubt that he is right.", False),
        ("Он, несомненно, знал.", "No doubt he knew.", False),
        ("В Европе не прекращаются протесты.", "Protests continue in Europe.", False),
        ("Протесты продолжаются.", "The protests did not stop.", False),
        ("Протесты продолжаются.", "The protests did not continue.", True),
        ("Жители высказались против независимости.", "Residents said no to independence.", False),
        ("По-моему, вы не в теме.", "In my opinion, you are ill-informed.", False),
        ("По-моему, вы не в теме.", "In my opinion, you are informed.", True),
        ("Покупаю арбузы не раньше августа.", "I buy watermelons no earlier than August.", False),
        ("Это достало не только меня.", "I'm not the only one annoyed by it.", False),
        ("Это не единственный случай.", "This is not the only case.", False),
        ("Это единственный случай.", "This is not the only case.", True),
    ],
)
def test_idioms_of_doubt_ceasing_refusal_and_limits(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, (src, eng)


def test_negated_ceasing_still_counts_as_negated_for_the_antonym_check() -> None:
    """The antonym check reads a negation beside a pole word: "не прекращаются" -> "continue"
    is a paraphrase there, "прекращаются" -> "continue" a reversal."""
    from compare.checks.antonyms import AntonymSwap

    counts = count_negations("В Европе не прекращаются протесты.", "ru")
    assert counts.strong == 0 and counts.litotes == 1
    paraphrase = one_pair("В Европе не прекращаются протесты.", "Protests continue in Europe.")
    assert AntonymSwap().run(paraphrase) == []
    assert AntonymSwap().run(one_pair("В Европе прекращаются протесты.", "Protests continue."))


# More limits and lexical negators found on the WMT22 dev documents' MT outputs: "no less",
# "not just", "not before" are formal like "не менее", "не только", "не раньше"; потерять
# ("lose") may be "no longer"; без-/бес- adjectives are "without" words, nouns are not.
@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Не менее успешно он применяется зимой.", "No less successfully it is used in winter.",
         False),  # fmt: skip
        ("Она создана для рыбалки, а не только для ловли взаброс.",
         "It was made for fishing, and not just for casting.", False),
        ("Покупаю арбузы не раньше августа.", "I buy watermelons not before August.", False),
        ("Газ потеряет важность через 25 лет.", "Gas will no longer be important in 25 years.",
         False),  # fmt: skip
        ("Газ сохранит важность через 25 лет.", "Gas will no longer be important in 25 years.",
         True),  # fmt: skip
        ("Вакцинация бессмысленна.", "Vaccination makes no sense.", False),
        ("Вакцинация осмысленна.", "Vaccination makes no sense.", True),
        ("Уровень безработицы высок.", "The unemployment rate is not high.", True),
        ("Это достало не только меня.", "It didn't just get to me.", False),
        ("Это достало меня.", "It didn't get to me.", True),
        ("Матрас Sontelle, артикул: 5110704.", "Sontelle mattress, Order no.: 5110704.", False),
    ],
)
def test_more_limits_and_lexical_negators(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged, (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "lang", "flagged"),
    [
        # concessive "бы ни" after any case form of the wh-word is no negation
        ("Какими бы ни были интересы ребёнка, выбор будет.",
         "Whatever your child's interest, there will be a choice.", "ru", False),
        ("Какими бы ни были интересы ребёнка, выбора не будет.",
         "Whatever your child's interest, there will be a choice.", "ru", True),
        # "не обошлось без" is a double negation: "there were clashes"
        ("Не обошлось без столкновений с полицией.", "Protesters clashed with police.", "ru",
         False),
        ("Столкновений с полицией не было.", "Protesters clashed with police.", "ru", True),
        # ... with a particle between, and in the other order
        ("Не обошлось и без курьезов.", "There were some funny moments too.", "ru", False),
        ("Без жертв, к сожалению, не обошлось.", "Sadly, there were casualties.", "ru", False),
        ("Без помощи он не обошёлся.", "He needed help.", "ru", False),
        ("Без него мы не справились.", "We managed without him.", "ru", True),
        # "им всё равно" ~ "they don't care"
        ("Им всё равно, кого они обидят.", "They don't care who they hurt.", "ru", False),
        ("Им важно, кого они обидят.", "They don't care who they hurt.", "ru", True),
        # "has yet to" ~ "ещё не"; it is no strong "not" against "предстоит"
        ("Клуб ещё не объявил состав.", "The club has yet to announce the squad.", "ru", False),
        ("Но ещё предстоит выяснить, сколько он сыграет.",
         "But how long he will play has yet to be determined.", "ru", False),
        ("Клуб ещё не объявил состав.", "The club announced the squad.", "ru", True),
        # far from, short of, landlocked, intolerant, ill advised
        ("Дело не продвигалось.", "Far from furthering the cause, the years set it back.", "ru",
         False),
        ("Они не оправдали ожиданий.", "They fell well short of those standards.", "ru", False),
        ("Боливия, не имеющая выхода к морю, надеется.", "Landlocked Bolivia hopes.", "ru", False),
        ("Она не проявляет терпимости к критикам.", "It is intolerant of critics.", "ru", False),
        ("Она не проявляет терпимости к критикам.", "It is tolerant of critics.", "ru", True),
        ("Шөлге жаяу шығуға болмайды.", "It would be ill advised to venture into the desert.",
         "kk", False),
        ("Шөлге жаяу шығуға болмайды.", "It would be wise to venture into the desert.", "kk",
         True),
        ("Больных не приняли.", "Ill patients were admitted.", "ru", True),
        # Kazakh "ойға сыймайды" ~ absurd
        ("Бұл ұсыныс тіпті ойға сыймайды деді.", "He said the proposal was preposterous.", "kk",
         False),
        ("Бұл ұсыныс қабылданбайды деді.", "He said the proposal was accepted.", "kk", True),
    ],
)
def test_concessive_double_negation_and_english_phrases(
    src: str, eng: str, lang: str, flagged: bool
) -> None:
    assert bool(flags(src, eng, lang)) is flagged


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # the imperfective of a verb of ceasing, negated, is "continue"
        ("Он забил снова, не останавливаясь.", "He scored again, keeping going.", False),
        ("Он забил снова, не уставая.", "He scored again, keeping going.", True),
        # "не составило никакого труда" is "was easy"
        ("Казалось, что это не составило ему никакого труда.", "He made it look easy.", False),
        ("Казалось, что это не доставило ему никакого удовольствия.", "He made it look fun.",
         True),
        # English "block" renders a negated "let"
        ("Полиция не подпустила толпу к мечети.", "Police blocked the crowd from the mosque.",
         False),
    ],
)
def test_ceasing_ease_and_blocking(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) is flagged


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Цены не выросли.", "Prices fell.", "ru"),
    ("Цены упали.", "Prices did not rise.", "ru"),
    ("Мост не открыт.", "The bridge is closed.", "ru"),
    ("Компания не получила прибыль.", "The company made a loss.", "ru"),
    ("Баға өскен жоқ.", "Prices fell.", "kk"),
    ("Көпір ашық емес.", "The bridge is closed.", "kk"),
    ("Бұл ұмытылмас.", "It will be remembered.", "kk"),
])
def test_a_negation_said_by_the_opposite_word_is_not_lost(src: str, eng: str, lang: str) -> None:
    assert not flags(src, eng, lang)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Цены не выросли.", "Prices rose.", "ru"),  # the pole itself, negation lost
    ("Мост не открыт.", "The bridge is open.", "ru"),
    ("Көпір ашық емес.", "The bridge is open.", "kk"),
])
def test_a_negation_lost_beside_the_same_word_is_still_flagged(src: str, eng: str,
                                                               lang: str) -> None:  # fmt: skip
    assert flags(src, eng, lang)


@pytest.mark.parametrize(("src", "eng", "lang"), [
    ("Ештен кеш жақсы.", "Better late than never.", "kk"),  # Tatoeba kk-en (dev)
    ("Сименс. Біз әр жанұяға қажетпіз.", "Siemens. No family can do without us.", "kk"),  # same
    ("Нам нужна вода.", "We can't do without water.", "ru"),
])
def test_english_double_and_formal_negations_are_not_flagged(src: str, eng: str,
                                                             lang: str) -> None:  # fmt: skip
    assert not flags(src, eng, lang)


def test_a_negation_beside_those_phrases_still_counts() -> None:
    assert flags("Нам нужна вода.", "We cannot do this without water.")
    assert flags("Он пришёл.", "He never came.")


# From the negation flags on MLQE-PE ru-en train post-edits (a dev source no rule was written
# against; benchmarks/README.md, session 15), rewritten as news sentences.
@pytest.mark.parametrize(("src", "eng"), [
    ("Некому было помочь.", "There was no one to help."),  # некого/некому: "no one"
    ("Пора уходить, коли некого ждать.", "It's time to go, if there's no one to wait for."),
    ("Лекарства перестанут завозить в Россию.", "The medicines will no longer be imported."),
    ("Отныне нельзя садиться за руль в маске.", "Henceforth it is forbidden to drive in a mask."),
    ("Женщинам вход воспрещён.", "Women are not allowed in."),
    ("Выяснилось, что у компании лицензии нету.", "It turned out the company has no licence."),
    ("Чаще всего они молчат.", "More often than not, they are silent."),
    ("Не смотря на это, владельцы молчат.", "Despite this, the owners are silent."),
])
def test_faithful_pairs_from_post_edits_are_not_flagged(src: str, eng: str) -> None:
    assert not flags(src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Лекарства будут завозить в Россию.", "The medicines will no longer be imported."),
    ("Отныне можно садиться за руль в маске.", "Henceforth it is not allowed to drive in a mask."),
    ("Выяснилось, что у компании лицензии нету.", "It turned out the company has a licence."),
    ("Некому было помочь.", "There was someone to help."),
    ("Чаще всего они молчат.", "More often than not, they are not silent."),
])
def test_the_same_pairs_with_the_negation_lost_or_added_are_flagged(src: str, eng: str) -> None:
    assert flags(src, eng)


# From the MQM TED training talks' pairs without any annotated error (roles swapped; dev), and
# their MT calques: a question whose negation asks is a lexical word on either side.
@pytest.mark.parametrize(("src", "eng"), [
    ("Мы помещаем туда человека, и всё, не так ли?", "We put a person in and we are done, right?"),
    ("У меня есть нектар. Не хочешь ли ты его взять?", "I've got nectar. Do you want to get it?"),
    ("Нужно понять, получим ли мы кредит или нет.", "We need to see whether or not we get a loan."),
    ("Было бы здорово, если бы мы могли их увидеть.", "Wouldn't it be great if we could see them?"),
    ("И разве не было бы здорово их увидеть?", "And wouldn't it be great to see them?"),
    ("Но мы глубоко заблуждались.", "We couldn't have been more wrong."),
])  # fmt: skip
def test_questions_that_ask_with_a_negation_are_not_flagged(src: str, eng: str) -> None:
    assert not flags(src, eng)


def test_a_plain_negation_beside_such_questions_still_counts() -> None:
    assert flags("Было бы здорово, если бы мы могли их увидеть.",
                 "It would not be great if we could see them.")
    assert flags("Он не хочет прийти.", "He wants to come.")


def test_declined_to_is_a_refusal_but_declined_alone_is_no_negation() -> None:
    assert not flags("Ол пікір білдірмеді.", "He declined to comment.", "kk")
    assert not flags("Он не стал комментировать.", "He declined to comment.")
    assert flags("Цены не снизились.", "Prices declined.")


@pytest.mark.parametrize(("src", "eng"), [  # MQM TED dev talk's human translation (dev)
    ("Вскоре я понял, что это смог.", "It didn't take long for me to realize it was smog."),
    ("Эти смерти не идут ни в какое сравнение с другими.", "These deaths pale in comparison."),
    ("Важно учитывать цену бездействия.", "It is important to consider the cost of not acting."),
])  # fmt: skip
def test_litotes_of_time_and_comparison_are_not_flagged(src: str, eng: str) -> None:
    assert not flags(src, eng)


# From the negation flags on WMT22 MT outputs of even (dev) documents that people scored well
# (z >= 0.3; benchmarks/README.md, session 16), rewritten as news sentences: a negated verb of
# lack or bound is one lexical word.
@pytest.mark.parametrize(("src", "eng"), [
    ("Тогда я только поняла, чего мне не хватало.", "Then I just realized what I was missing."),
    ("Денег на ремонт не хватает.", "There is not enough money for repairs."),
    ("Это не выходит за нормативные рамки.", "This is within the regulatory framework."),
    ("Это не выходит за рамки закона.", "This does not go beyond the law."),
    ("Вы, мягко говоря, не в теме.", "You are, to put it mildly, out of touch."),
])  # fmt: skip
def test_negated_verbs_of_lack_and_bound_are_not_flagged(src: str, eng: str) -> None:
    assert not flags(src, eng)


def test_a_negation_beside_a_verb_of_lack_still_counts() -> None:
    assert flags("Денег хватает.", "There is not enough money.")
    assert flags("Это выходит за рамки закона.", "This is not within the law.")
    assert flags("Денег не хватает, но он не уйдёт.", "There is little money, and he will leave.")


@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Не успел он уйти, как начался дождь.", "No sooner had he left than it started to rain.",
     False),
    ("Врачи не исключают осложнений.", "Doctors do not rule out complications.", False),
    ("Врачи не исключают осложнений.", "Doctors don't rule out complications.", False),
    ("Он не успел уйти.", "He managed to leave.", True),
])  # fmt: skip
def test_no_sooner_and_not_ruling_out(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags(src, eng)) == flagged


# The concessive "ни" without "бы" (wherever, whatever, however much), a correlative "ни ...,
# ни" rendered "no ..., no ...", and "a no-brainer" (session 17, from MLQE-PE dev post-edits
# and made-up sentences).
@pytest.mark.parametrize(("src", "eng"), [
    ("Куда он ни пойдёт, везде его узнают.", "Wherever he goes, he is recognised."),
    ("Где бабка ни бери, а внука корми.", "Wherever grandma gets it, feed the grandson."),
    ("Во что свинья ни оденется, хвост видно.", "Whatever the pig puts on, its tail shows."),
    ("Куда ни глянь, везде снег.", "Wherever you look, there is snow."),
    ("Рад бы выиграть, да ни козырей, ни масти.",
     "I'd be glad to win, but I have no trumps, no suit."),
    ("Ясно, что это решение очевидно.", "It is a no-brainer that this decision is obvious."),
])  # fmt: skip
def test_concessive_and_correlative_ni_are_not_flagged(src: str, eng: str) -> None:
    assert not flags(src, eng), (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Куда он ни пойдёт, везде его узнают.", "He will not go anywhere, he is recognised."),
    ("Кто ни разу не был в Москве, тот не поймёт.", "Whoever has been to Moscow will understand."),
    ("Известно, что он ни при чём.", "It is known that he was involved."),
    ("Он сказал, что ни денег, ни работы нет.", "He said there was money and work."),
    ("Рад бы выиграть, да ни козырей, ни масти.",
     "I'd be glad to win, but I don't have no trumps, no suit."),
    ("Это очевидное решение.", "It is not a no-brainer."),
])  # fmt: skip
def test_a_negation_beside_the_concessive_or_correlative_still_counts(src: str, eng: str) -> None:
    assert flags(src, eng), (src, eng)


# Words that only look like не-words (несколько, несущий, небесный) and names (Невада,
# Небраска) excuse no English "not" (session 17, from the synthetic dev errors the rule missed).
@pytest.mark.parametrize(("src", "eng"), [
    ("Мы побывали в нескольких штатах.", "We did not visit several states."),
    ("Он приехал из Невады и Небраски.", "He did not come from Nevada and Nebraska."),
    ("Несущая конструкция выдержала удар.", "The load-bearing structure did not withstand it."),
    ("Небесный свод был ясен.", "The sky was not clear."),
])  # fmt: skip
def test_look_alike_ne_words_and_names_excuse_no_english_not(src: str, eng: str) -> None:
    assert flags(src, eng), (src, eng)


def test_a_real_ne_word_still_excuses_its_not() -> None:
    assert not flags("Это было непросто.", "It was not easy.")
    assert not flags("Небраска была непростым штатом.", "Nebraska was not an easy state.")


# Idioms whose negation is no negation of the meaning: a double negation (нельзя не, ничего не
# оставалось, как), "не что иное, как", "не прочь", "не за что", "нет ничего важнее" (a
# superlative), and "no accident" as the English of "не случайно" (session 18, made-up
# probes of news idioms).
@pytest.mark.parametrize(("src", "eng"), [
    ("Нельзя не отметить его вклад.", "His contribution must be noted."),
    ("Это не что иное, как провокация.", "This is nothing but a provocation."),
    ("Он был не прочь поговорить.", "He was willing to talk."),
    ("Не за что.", "You're welcome."),
    ("Нет ничего важнее здоровья.", "Health is the most important thing."),
    ("Ему ничего не оставалось, как уйти.", "He had to leave."),
    ("Ему ничего не оставалось, как уйти.", "He had no choice but to leave."),
    ("Не случайно он выбрал этот город.", "It is no accident that he chose this city."),
    ("Это не случайно.", "This is no coincidence."),  # session 32
    ("Это не случайно.", "It is not by chance."),
    # issue 21's professional examples: "как никогда" is "than ever"; "передумали" is "no longer
    # wish", a negation said by the verb
    ("Стороны как никогда близки к соглашению.", "The two sides are closer than ever to a deal."),
    ("Стороны как никогда близки к соглашению.", "The sides are close to a deal like never before."
     ),
    ("Многие туристы передумали лететь в Египет.", "Many tourists no longer wish to fly to Egypt."),
    # a bound or staying said without a "not" (made-up professional renderings, session 32)
    ("Инфляция не превысит четырёх процентов.", "Inflation will stay below four percent."),
    ("Инфляция не превысит четырёх процентов.", "Inflation will not exceed four percent."),
    ("Мэр призвал жителей не выходить из домов.", "The mayor urged residents to stay indoors."),
    ("Мэр призвал жителей не выходить из домов.", "The mayor urged residents not to go out."),
])  # fmt: skip
def test_double_negations_and_negative_idioms_of_no_negation(src: str, eng: str) -> None:
    assert not flags(src, eng), (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Нельзя курить в зале.", "Smoking is allowed in the hall."),
    ("У него нет ничего.", "He has everything."),
    ("Ему ничего не сказали.", "He was told everything."),
    ("Это провокация.", "This is not a provocation."),
    ("Стороны как никогда близки.", "The sides have never been close."),
])  # fmt: skip
def test_a_negation_beside_those_idioms_still_counts(src: str, eng: str) -> None:
    assert flags(src, eng), (src, eng)


# Kazakh idioms of the same kind (session 18, made-up probes): бекерге емес (not in vain), кем
# емес (at least), "-п қоймады" (kept asking), амал жоқ (had no choice), a negated verbal noun
# under мүмкін емес or болмайды (a double negation: must).
@pytest.mark.parametrize(("src", "eng"), [
    ("Бұл бекерге емес.", "This is not in vain."),
    ("Ол 10 адамнан кем емес.", "There are at least 10 people."),
    ("Ол ақша сұрап қоймады.", "He kept asking for money."),
    ("Амал жоқ, ол кетті.", "He had to leave."),
    ("Амал жоқ, ол кетті.", "He had no choice but to leave."),
    ("Ол бұны білмеуі мүмкін емес.", "He must know this."),
    ("Мұны ескермеуге болмайды.", "This must be taken into account."),
    ("Мұны ескермеуге болмайды.", "This cannot be ignored."),
])  # fmt: skip
def test_kazakh_double_negations_and_idioms_of_no_negation(src: str, eng: str) -> None:
    assert not flags(src, eng, "kk"), (src, eng)


@pytest.mark.parametrize(("src", "eng"), [
    ("Мұны ескеруге болмайды.", "This must be taken into account."),
    ("Ол ақша сұрады.", "He did not ask for money."),
    ("Мен қарсы емеспін.", "I am against it."),
    ("Мұндай жағдайлар сирек емес.", "Such cases are rare."),
])  # fmt: skip
def test_kazakh_negations_beside_those_idioms_still_count(src: str, eng: str) -> None:
    assert flags(src, eng, "kk"), (src, eng)


# Session 19, made-up news sentences: "не ясно" written apart is неясно (unclear), "не кто иной,
# как" is "none other than", and "too cold to swim" may render "так холодно, что невозможно".
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Пока не ясно, состоится ли встреча.", "It is unclear whether the meeting will take place.",
     False),
    ("Пока не известно, кто стоит за атакой.", "It is not yet known who is behind the attack.",
     False),
    ("Он не кто иной, как сам президент.", "He is none other than the president himself.",
     False),
    ("Он не кто иной, как сам президент.", "He is not the president himself.", True),
    ("Вода была настолько холодной, что купаться было невозможно.",
     "The water was too cold to swim.", False),
    ("Вода была настолько холодной, что купаться было невозможно.",
     "The water was warm enough to swim.", True),
])  # fmt: skip
def test_negations_written_apart_and_too_to(src, eng, flagged):
    assert any(f.severity in ("major", "critical") for f in flags(src, eng)) == flagged, (src, eng)


# A negated word of negative sense says its positive (не противоречит "is consistent with",
# үндемеді "kept silent"): a translator writes it with or without a "not".
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Это не противоречит закону.", "This is consistent with the law.", "ru", False),
    ("Это не противоречит закону.", "This does not contradict the law.", "ru", False),
    ("Инцидент не остался незамеченным.", "The incident drew attention.", "ru", False),
    ("Он промолчал.", "He did not say anything.", "ru", False),
    ("Ол үндемеді.", "He kept silent.", "kk", False),
    ("Бұл заңға қайшы келмейді.", "This is consistent with the law.", "kk", False),
    ("Бұл оқиға назардан тыс қалмады.", "The incident drew attention.", "kk", False),
    ("Олар бір-бірін көрмегелі бес жыл болды.", "They have not seen each other for five years.",
     "kk", False),
    ("Олар бір-бірін көрмегелі бес жыл болды.",
     "It has been five years since they last saw each other.", "kk", False),
    ("Олар бір-бірін көргелі бес жыл болды.", "They have not seen each other for five years.",
     "kk", True),
    # the same verbs' plain negations stay negations
    ("Он не ответил.", "He answered.", "ru", True),
    ("Ол жауап бермеді.", "He answered.", "kk", True),
])  # fmt: skip
def test_negated_words_of_negative_sense(src, eng, lang, flagged):
    found = flags(src, eng, lang)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# Litotes of rank and other negated idioms, written with or without a negation (made-up
# sentences after NTREX and WMT22 dev patterns): не первый (one of several), не последний
# человек (a senior), не подвержен (resistant), "for nothing" (просто так), көз ашпайды.
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Канье не первый рэппер, сменивший имя.", "He is one of several rappers to change names.",
     "ru", False),
    ("Канье не первый рэппер, сменивший имя.", "Kanye is not the first rapper to change names.",
     "ru", False),
    ("«В этом спорте я не последний человек», — сказал он.", "\"As a senior here,\" he said.",
     "ru", False),
    ("Материал прочный, не подвержен истираниям.", "The material is strong and wear resistant.",
     "ru", False),
    ("Мы играем просто так.", "We are playing for nothing.", "ru", False),
    ("Аймақ құрғақшылықтан көз ашпайды.", "The region is drought-stricken.", "kk", False),
    # an English "not the first" against a plain "first" is still a reversal
    ("Это первый раз.", "It is not the first time.", "ru", True),
])  # fmt: skip
def test_litotes_of_rank_and_negated_idioms(src, eng, lang, flagged):
    found = flags(src, eng, lang)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# Russian idioms whose "не" a translator may keep or drop (made-up sentences after MLQE-PE
# ru-en train and dev post-edits): что-то не так (something is wrong), нельзя ли (could),
# не прочь (willing / didn't mind), не помешает / лишним не будет (would be useful / won't
# hurt), and indifference, which English says with a "not" (наплевать: didn't care).
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Что-то пошло не так.", "Something went wrong.", False),
    ("Что не так с этим планом?", "What is wrong with this plan?", False),
    ("Нельзя ли перенести встречу?", "Could the meeting be moved?", False),
    ("Сестра была не прочь поехать.", "The sister didn't mind going.", False),
    ("Сестра была не прочь поехать.", "The sister was willing to go.", False),
    ("Дополнительная проверка не помешает.", "An extra check would be useful.", False),
    ("Дополнительная проверка лишней не будет.", "An extra check won't hurt.", False),
    ("Ему было наплевать на правила.", "He didn't care about the rules.", False),
    ("Мне по барабану.", "I don't care.", False),
    ("Немного отдыха не помешало бы.", "A little rest would help.", False),
    # beside them, a negation of its own still counts, and so does the verb's past (session 31)
    ("Что-то пошло не так, и он не пришёл.", "Something went wrong, and he came.", True),
    ("Погода не помешала матчу.", "The weather got in the way of the match.", True),
    ("Дождь не помешал игре.", "Rain interfered with the game.", True),
    # the known cost (benchmarks/README.md): their reversal is not this check's to flag
    ("Дополнительная проверка не помешает.", "An extra check is not needed.", False),
])  # fmt: skip
def test_russian_idioms_with_an_optional_negation(src, eng, flagged):
    found = flags(src, eng)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# More idioms from MLQE-PE ru-en train post-edits (made-up sentences): "not ... nor" is one
# negation carried on; "not without" and "and no more" are formal, as не без and не более are;
# "advises against", "defies" are lexical; не иначе (surely); насрать (doesn't care).
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Он не уточнил деталей, а также сроков.", "He did not give details nor dates.", False),
    ("Он пришёл.", "He did not come nor call.", True),
    ("Это развлечение и не более.", "It is entertainment and no more.", False),
    ("Успех не без везения.", "Success is not without luck.", False),
    ("Врачи советуют не выходить на улицу.", "Doctors advise against going out.", False),
    ("Эти истории не поддаются объяснению.", "These stories defy explanation.", False),
    ("Это он, не иначе.", "It is him, surely.", False),
    ("Ему насрать на правила.", "He doesn't care about the rules.", False),
])  # fmt: skip
def test_not_nor_and_other_idioms(src, eng, flagged):
    found = flags(src, eng)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# The Kazakh negative imperative, a bare -ма/-ме at the end of a clause (Tatoeba kk-en dev
# pattern, made-up sentences): it explains an English "don't"; a noun of the same ending
# (проблема) demands nothing, so it is weak, and a plain verb against "don't" is still flagged.
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Оған бұл туралы айтпа.", "Don't tell her about this.", False),
    ("Қорықпа, бәрі жақсы болады.", "Don't be afraid, everything will be fine.", False),
    ("Бұл үлкен проблема.", "This is a big problem.", False),
    ("Оған бұл туралы айт.", "Don't tell her about this.", True),
])  # fmt: skip
def test_kazakh_negative_imperative(src, eng, flagged):
    found = flags(src, eng, "kk")
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# "не более / не больше" is "no more than" before an amount or at a clause's end, and a plain
# negation before a word of degree (an MQM TED train-talk MT output; made-up sentences).
@pytest.mark.parametrize(("src", "eng", "flagged"), [
    ("Люди не больше обеспокоены.", "People aren't more concerned.", False),
    ("Люди не больше обеспокоены.", "People are more concerned.", True),
    ("Это займёт не более трёх дней.", "It will take no more than three days.", False),
    ("Это займёт не больше 10 минут.", "It will take at most 10 minutes.", False),
    ("Это развлечение и не более.", "It is entertainment and no more.", False),
])  # fmt: skip
def test_no_more_than_and_not_more(src, eng, flagged):
    found = flags(src, eng)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)


# Idioms whose negation is formal (session 35; made-up news sentences): "не на шутку" (in
# earnest), "чуть было не" (almost), "ни для кого не секрет" (well known), "не покладая рук"
# (tirelessly), "не говоря уже о" (let alone), "ни с того ни с сего" (out of the blue), "не в
# последнюю очередь" (largely), "не столько X, сколько Y" (more Y than X), "не у дел"
# (sidelined); English "in no time", "second to none"; Kazakh "ешкімге құпия емес". A real
# negation beside them still counts.
@pytest.mark.parametrize(("src", "eng", "lang", "flagged"), [
    ("Конфликт разгорелся не на шутку.", "The conflict flared up in earnest.", "ru", False),
    ("Конфликт не разгорелся.", "The conflict flared up in earnest.", "ru", True),
    ("Самолёт чуть было не разбился.", "The plane almost crashed.", "ru", False),
    ("Ни для кого не секрет, что цены растут.", "Everyone knows that prices are rising.", "ru",
     False),
    ("Ни для кого не секрет, что цены не растут.", "Everyone knows that prices are rising.",
     "ru", True),
    ("Врачи работают не покладая рук.", "Doctors are working tirelessly.", "ru", False),
    ("Он знает испанский, не говоря уже об английском.", "He knows Spanish, let alone English.",
     "ru", False),
    ("Ни с того ни с сего он ушёл.", "Out of the blue, he left.", "ru", False),
    ("Это произошло не в последнюю очередь благодаря ему.", "This happened largely thanks to him.",
     "ru", False),
    ("Он не столько политик, сколько бизнесмен.", "He is more a businessman than a politician.",
     "ru", False),
    ("Он не политик.", "He is a politician.", "ru", True),
    ("Он остался не у дел.", "He was sidelined.", "ru", False),
    ("Он сразу же ушёл.", "He left in no time.", "ru", False),
    ("Он не ушёл.", "He left in no time.", "ru", True),
    ("Эта команда лучшая в мире.", "This team is second to none.", "ru", False),
    ("Бұл ешкімге құпия емес.", "Everyone knows this.", "kk", False),
    ("Бұл ешкімге белгілі болмады.", "Everyone knew this.", "kk", True),
])  # fmt: skip
def test_formal_negation_idioms(src, eng, lang, flagged):
    found = flags(src, eng, lang)
    assert any(f.severity in ("major", "critical") for f in found) == flagged, (src, eng)
