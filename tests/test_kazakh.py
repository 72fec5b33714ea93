"""Kazakh-specific rules of the negation and number checks.

Negation: the negative suffix -ма/-ме/-ба/-бе/-па/-пе must have the form its stem calls for
(-ма after a vowel or р/л/й/у, -ба after з/ж/м/н/ң, -па after a voiceless consonant), so verbs
that merely contain those letters (жабады "covers", табады "finds") are not negations; емес and
жоқ are negations except in fixed phrases (ғана емес "not only", күмән жоқ "no doubt"); the
-мас/-пес form before бұрын means "before"; бас тарту "refuse" is a weak negator, тарту "pull"
is not; -сыз/-сіз is "without" on a noun, not the polite "you" ending of a verb (аласыз); a
negative participle with a possessive ending (жібермегенін айтты "said he had not sent") is a
negated clause, a bare one (күтпеген "unexpected") is weak.

Numbers: scale words with endings (мыңнан, миллионға, миллиардтық), жүз as a multiplier
(үш жүз = 300), жарым "half" (бір жарым миллион = 1.5 million), он + a unit (он бес = 15), and
екі/он/бір before a scale make a firm number (екі мың = 2000).

The example sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.negation import NegationMismatch
from compare.checks.numbers import NumberMismatch
from compare.document import Document, Sentence, Span
from compare.negations import count_negations
from compare.number_mentions import extract_numbers


def one_pair(src: str, eng: str) -> CheckContext:
    source = Document(src, "kk", [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    return CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)])


def negation_flags(src: str, eng: str) -> list:
    return NegationMismatch().run(one_pair(src, eng))


def number_flags(src: str, eng: str) -> list:
    return NumberMismatch().run(one_pair(src, eng))


@pytest.mark.parametrize(
    ("word", "negative"),
    [
        ("келмеді", True),  # кел- + -ме- (after л)
        ("бармайды", True),  # бар- + -ма- (after р)
        ("ойламайды", True),  # ойла- + -ма- (after a vowel)
        ("жазбады", True),  # жаз- + -ба- (after з)
        ("көнбеді", True),  # көн- + -бе- (after н)
        ("айтпады", True),  # айт- + -па- (after т)
        ("кетпейді", True),
        ("болмас", True),
        ("келмесе", True),
        ("жабады", False),  # жап- "cover": a vowel before б, so not the suffix
        ("табады", False),  # тап- "find"
        ("себеді", False),  # сеп- "sow"
        ("тебеді", False),  # теп- "kick"
        ("лопес", False),  # a name
    ],
)
def test_negative_suffix_must_fit_its_stem(word: str, negative: bool) -> None:
    assert (count_negations(f"Ол {word}.", "kk").strong == 1) is negative


@pytest.mark.parametrize(
    ("src", "eng", "side"),
    [
        ("Министр бұл шешімді қолдамады.", "The minister supported this decision.", "source"),
        ("Компания жоспарды өзгертпейді.", "The company will change the plan.", "source"),
        ("Сот талапты қанағаттандырған жоқ.", "The court granted the claim.", "source"),
        ("Бұл мәлімдеме шындыққа сәйкес емес.", "This statement is true.", "source"),
        ("Ол ешқашан Астанаға бармаған.", "He has been to Astana.", "source"),
        ("Үкімет жаңа салықты енгізеді.", "The government will not add the tax.", "target"),
        ("Жүргізуші жолды табады.", "The driver does not find the road.", "target"),
        # A negative participle with a possessive ending is a negated reported clause.
        ("Ол хатты жібермегенін айтты.", "He said he had sent the letter.", "source"),
        ("Біз бұған сене алмайтынымызды білеміз.", "We know we can rely on this.", "source"),
    ],
)
def test_kazakh_negation_true_positives(src: str, eng: str, side: str) -> None:
    (flag,) = negation_flags(src, eng)
    assert flag.side == side


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        ("Жаңа көпір өзеннің екі жағасын жабады.", "The new bridge covers both banks."),
        ("Тергеушілер жаңа дәлел табады деп үміттенеді.", "Investigators hope to find proof."),
        ("Сіз бұл қызметті онлайн аласыз.", "You can get this service online."),
        ("Ол тек экономиканы ғана емес, білімді де дамытты.", "He developed not only the economy "
         "but also education."),  # fmt: skip
        ("Команданың жеңіске лайық екеніне күмән жоқ.", "No doubt the team deserved to win."),
        ("Ол алаңнан шығып кетпес бұрын допты торға жіберді.", "He put the ball into the net "
         "before sliding out of bounds."),  # fmt: skip
        ("Трактор ауыр жүкті тартты.", "The tractor pulled the heavy load."),
        ("Тәуелсіз сарапшылар есепті тексерді.", "Independent experts checked the report."),
        ("Ешкім түк білген жоқ.", "Nobody knew anything."),
        ("Ол ұсыныстан бас тартты.", "He did not accept the offer."),
        ("Бұл әдіс заңсыз деп танылды.", "The method was found not to be legal."),
        ("Министр келісімге қол қоймады.", "The minister did not sign the agreement."),
        ("Күтпеген жағдай орын алды.", "An unexpected situation arose."),
        ("Ол хатты жібермегенін айтты.", "He said he had not sent the letter."),
        ("Жаппай шеру бейбіт өтті.", "The mass rally passed peacefully."),
    ],
)
def test_professional_kazakh_is_not_flagged(src: str, eng: str) -> None:
    assert negation_flags(src, eng) == [], (src, eng)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Оған бір жарым миллион доллар бөлінді.", 1_500_000),
        ("Екі жарым мың адам келді.", 2_500),
        ("Үш жүз адам жиналды.", 300),
        ("Төрт жүз елу бес бала.", 455),
        ("Он бес адам келді.", 15),
        ("Он екі ай өтті.", 12),
        ("Елу мыңға жуық қатысушы.", 50_000),
        ("Бес миллионнан астам тұрғын.", 5_000_000),
        ("Үш жүзден астам жұмысшы.", 300),
        ("Екі мың адам.", 2_000),
        ("Жиырма бес миллиард теңге.", 25_000_000_000),
        ("Зауытта 3 мыңнан астам адам бар.", 3_000),
        ("Бюджет 2,5 млрд теңгеге жетті.", 2_500_000_000),
        ("Оның 1,5 миллиардтық келісімі.", 1_500_000_000),
    ],
)
def test_kazakh_number_words_and_scales(text: str, value: float) -> None:
    firm = [m for m in extract_numbers(text, "kk") if not m.soft]
    assert any(value in m.values for m in firm), [(m.text, m.values) for m in firm]


@pytest.mark.parametrize(
    "text",
    ["Мыңдаған адам көшеге шықты.", "Жүздеген адам келді.", "Жоба жүзеге асырылды.",
     "Оның екі баласы бар.", "Он мыңдаған тұрғын."],
)  # fmt: skip
def test_vague_and_lookalike_words_are_not_firm_numbers(text: str) -> None:
    assert [m.text for m in extract_numbers(text, "kk") if not m.soft] == []


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        ("Оған бір жарым миллион доллар бөлінді.", "He was given $1.5 million.", False),
        ("Оған бір жарым миллион доллар бөлінді.", "He was given $2.5 million.", True),
        ("Үш жүз адам жиналды.", "Three hundred people gathered.", False),
        ("Үш жүз адам жиналды.", "About 400 people gathered.", True),
        ("Он бес адам қаза тапты.", "Fifteen people died.", False),
        ("Он бес адам қаза тапты.", "Sixteen people died.", True),
        ("Елу мыңға жуық қатысушы болды.", "There were almost 50,000 participants.", False),
        ("Екі мың адам келді.", "Three thousand people came.", True),
        ("Мыңдаған адам көшеге шықты.", "Thousands of people took to the streets.", False),
    ],
)
def test_kazakh_number_pairs(src: str, eng: str, flagged: bool) -> None:
    assert bool(number_flags(src, eng)) is flagged
