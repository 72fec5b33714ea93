"""The antonym check: true positives in Russian and Kazakh, and translations it must not flag."""

from __future__ import annotations

import pathlib

import pytest
import regex

from compare.alignment_types import AlignedPair
from compare.checks import all_checks
from compare.checks.antonyms import OPPOSITE_GAIN, AntonymSwap
from compare.checks.base import CheckContext
from compare.document import Document, Sentence, Span
from compare.lang.antonym_lexicon import LEXICON
from compare.reversals import find_reversals
from compare.risk import decide_severity, decision_key
from compare.splits import NTREX_DEV_LINES, ntrex_lines


def doc(sentences: list[str], lang: str) -> Document:
    text, sents, pos = " ".join(sentences), [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, pos, pos + len(s), 0))
        pos += len(s) + 1
    return Document(text, lang, [Span(0, len(text))], sents)


def flags(src: list[str], eng: list[str], lang: str = "ru") -> list:
    source, target = doc(src, lang), doc(eng, "en")
    pair = AlignedPair(tuple(range(len(src))), tuple(range(len(eng))), 1.0)
    return AntonymSwap().run(CheckContext(target=target, source=source, pairs=[pair]))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "word"),
    [
        ("Цены на нефть выросли на 3 % за неделю.", "Oil prices fell 3% in a week.", "ru", "fell"),
        ("Сборная России победила в финале.", "The Russian team lost in the final.", "ru", "lost"),
        ("Вчера Республиканская партия заявила.", "Yesterday the Democratic Party said.", "ru",
         "Democratic"),
        ("Лейбористы победили.", "The Tories won.", "ru", "Tories"),
        ("Магазин открылся в понедельник.", "The shop closed on Monday.", "ru", "closed"),
        ("Парламент одобрил законопроект.", "Parliament rejected the bill.", "ru", "rejected"),
        ("Бағалар өткен айда төмендеді.", "Prices rose last month.", "kk", "rose"),
        ("Біздің команда финалда жеңілді.", "Our team won the final.", "kk", "won"),
        ("Дүкен дүйсенбіде жабылды.", "The shop opened on Monday.", "kk", "opened"),
        ("Ол үйін сатып алды.", "He sold his house.", "kk", "sold"),
        # Pairs of the grown lexicon.
        ("Товары стали дешевле.", "Goods became more expensive.", "ru", "expensive"),
        ("Полиция задержала двух подозреваемых.", "Police released two suspects.", "ru",
         "released"),
        ("Зимой в городе выпало много снега.", "A lot of snow fell in the city in summer.", "ru",
         "summer"),
        ("Стороны подписали перемирие.", "The sides signed a war.", "ru", "war"),
        ("Тауар бағасы арзандады.", "The goods became more expensive.", "kk", "expensive"),
        ("Полиция екі күдіктіні босатты.", "Police arrested two suspects.", "kk", "arrested"),
        ("Ол жауға айналды.", "He became a friend.", "kk", "friend"),
        ("Ол кеше келді.", "He came tomorrow.", "kk", "tomorrow"),
        # Kazakh forms found missing on dev (NTREX kk-en 1-700 beside the Russian of the same
        # English): the superlative ең, "exceeding", жоғалт- (lose a thing), маңында (near),
        # арғы (far side), кейінгі (after), шет ел (foreign) written as two words.
        ("Бұл ең маңызды сайлау.", "This is the least important election.", "kk", "least"),
        ("Есть много причин для беспокойства.", "There are few reasons for concern.", "ru", "few"),
        ("Кредитор приостановил взыскание.", "The borrower suspended collection.", "ru",
         "borrower"),
        ("Жұмыссыздық 20 пайыздан асатын елде.", "In a country with less than 20 percent "
         "unemployment.", "kk", "less"),
        ("Ол көзәйнегін жоғалтып алды.", "He won his glasses.", "kk", "won"),
        ("Шабуыл жағажайдың маңында болды.", "The attack happened on a distant beach.", "kk",
         "distant"),
        ("Ол арғы бағанаға соқты.", "He shot at the near post.", "kk", "near"),
        ("Цунамиден кейінгі екінші түн.", "The second night before the tsunami.", "kk", "before"),
        ("Шет ел тілдерін оқыды.", "He studied domestic languages.", "kk", "domestic"),
        # Every case of дальний (far), not only the first ones listed.
        ("Он отдал передачу на дальнюю штангу.", "He passed to the near post.", "ru", "near"),
        # A negation on both sides keeps the reversal; one elsewhere in the sentence does not
        # hide it.
        ("Эти акулы не опасны.", "These sharks are not safe.", "ru", "safe"),
        ("Он не пришёл, потому что цены выросли.", "He did not come because prices fell.", "ru",
         "fell"),
        # A made-up new-user probe of session 27: "удачным" (fortunate) read as its opposite.
        ("Этот год оказался очень удачным для компании.",
         "This year turned out to be very unfortunate for the company.", "ru", "unfortunate"),
        ("Бұл маусым команда үшін сәтті болды.", "This season was unlucky for the team.", "kk",
         "unlucky"),
        # The wounded are not the dead
        ("В результате взрыва ранены три человека.", "Three people were killed in the blast.",
         "ru", "killed"),
        ("Он погиб при взрыве.", "He was injured in the blast.", "ru", "injured"),
        ("Жарылыстан үш адам жараланды.", "Three people died in the blast.", "kk", "died"),
    ],
)
def test_opposite_in_the_english_is_flagged(src: str, eng: str, lang: str, word: str) -> None:
    found = flags([src], [eng], lang)
    assert len(found) == 1
    assert eng[found[0].start : found[0].end] == word
    assert found[0].check == "antonym" and found[0].severity == "major"
    assert found[0].side == "target"


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        # Both poles in the sentence.
        ("Цены выросли в марте после падения в феврале.",
         "Prices rose in March after falling in February.", "ru"),
        # A negation on either side is the negation check's business.
        ("Цены не выросли.", "Prices fell.", "ru"),
        ("Цены упали.", "Prices did not rise.", "ru"),
        # Phrases whose pole word does not carry the pole.
        ("Молодой человек 20 лет задержан.", "A 20-year-old man was detained.", "ru"),
        ("Впервые с прошлого года он выступил первым.", "He spoke first, for the first time since"
         " last year.", "ru"),
        ("Это уже третий случай за неделю.", "This is the third wide-ranging case in a week.",
         "ru"),
        ("Ол бір қорғаушыдан өтті, сонан соң тағы бірнеше ойыншыдан өтті.",
         "He passed one defender before outrunning several more.", "kk"),
        # Same pole, other words.
        ("Продажи выросли.", "Sales increased.", "ru"),
        ("Бағалар өсті.", "Prices went up.", "kk"),
        # A negation next to the pole word on one side only: a paraphrase.
        ("Акулы не опасны.", "The sharks are safe.", "ru"),
        ("Бұл акулалар қауіпті емес.", "These sharks are safe.", "kk"),
        ("Он не согласился.", "He refused.", "ru"),
        # Both poles in the sentence.
        ("Одни акции подешевели, другие подорожали.", "Some shares got cheaper, others more"
         " expensive.", "ru"),
        ("Полиция задержала мужчину, но позже отпустила.", "Police detained a man but later"
         " released him.", "ru"),
        # Words that hold a stem or a pole word but not the pole: "друг друга" (each other, not
        # "friend"), "20-летний" (not "summer"), "выход на рынок" (entering, not leaving),
        # "Secretary" (not "secret"), "жауап ал-" (question, not "answer"), "бет алыс"
        # (trend, not "far"), "health ministry" (not "healthy").
        ("Компании конкурируют друг с другом.", "The companies are rivals.", "ru"),
        ("Компания отметила 20-летний юбилей.", "The company marked its 20th anniversary this"
         " winter.", "ru"),
        ("Выход на рынок занял три года.", "Entering the market took three years.", "ru"),
        ("Госсекретарь опубликовал доклад.", "The Secretary of State published a report.", "ru"),
        ("Минздрав сообщил о 500 новых заболевших.", "The health ministry reported 500 new"
         " cases.", "ru"),
        ("Полиция күдіктіден жауап алды.", "Police questioned the suspect.", "kk"),
        ("Сән үйлерінің жаңа бет алысы жақында сізге жетеді.", "The new fashion line is on its"
         " way to a high street near you.", "kk"),
        ("Ауыл шаруашылығы министрі қалалық әкімдікке барды.", "The agriculture minister visited"
         " the urban administration.", "kk"),
        # "department" (not "depart"), жылы "in the year" (not "warm"), үнемі "always" (not
        # үнемде- "save").
        ("Департамент сообщил о прибытии делегации.", "The department reported the delegation's"
         " arrival.", "ru"),
        ("Зауыт 2018 жылы ашылды.", "The plant opened in 2018 despite the cold.", "kk"),
        ("Ол үнемі жұмыс істейді.", "He always works and spends little.", "kk"),
        ("Бұл ең маңызды сайлау.", "This is the most important election.", "kk"),
        ("Ол ең аз дауыс алды.", "He got the fewest votes.", "kk"),  # ең аз is "fewest"
        ("Оған ең кемі жүз адам келді.", "At least a hundred people came to him.", "kk"),
        ("Шабуыл жағажайдың маңында болды.", "The attack happened near the beach.", "kk"),
        ("Аз да болса жеңіске жетті.", "They won, if narrowly, and many cheered.", "kk"),
        # WMT22 MT outputs of dev documents scored well by people (session 16): "quite a few"
        # is many; a creditor is the lending pole, so "borrower" has its counterpart заемщик.
        ("Есть достаточно много причин для беспокойства.", "There are quite a few reasons for"
         " concern.", "ru"),
        ("Кредитор приостановил взыскание с заемщика.", "The creditor suspended collection from"
         " the borrower.", "ru"),
        # "Unfortunately" opens a sentence whose source says "к сожалению": not a pole word.
        ("К сожалению, удачных решений пока нет.", "Unfortunately, there are no good solutions"
         " yet.", "ru"),
        ("Это была неудачная попытка.", "It was an unlucky attempt.", "ru"),
        # The dead and the injured both named, or injuries said as "травмы"
        ("Погибли пять человек, еще десять ранены.", "Five people were killed and ten injured.",
         "ru"),
        ("Найдены тела погибших; травмы получили 540 человек.",
         "Bodies of victims were found; 540 people were injured.", "ru"),
        ("Он был приговорен к смертной казни, а его сообщник ранен.",
         "He was sentenced to death and his accomplice was wounded.", "ru"),
    ],
)
def test_faithful_translations_are_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags([src], [eng], lang) == []


def test_span_points_into_the_document_across_sentences() -> None:
    src = ["Компания отчиталась за год.", "Её прибыль выросла вдвое."]
    eng = ["The company reported its annual results.", "Its profit fell by half."]
    found = flags(src, eng)
    assert len(found) == 1
    assert doc(eng, "en").text[found[0].start : found[0].end] == "fell"


def test_every_lexicon_entry_has_two_english_poles() -> None:
    for entry in LEXICON:
        assert entry.en[0] and entry.en[1], entry.name
        assert entry.ru[0] or entry.ru[1], entry.name
    assert find_reversals("Выросли.", "Rose.", "ru") == []


def test_lexicon_size_and_patterns() -> None:
    """About 150 pairs, one name each; every pattern compiles and matches letters only (a
    pattern with a space or a hyphen could never match one word)."""
    assert len(LEXICON) >= 140
    assert len({e.name for e in LEXICON}) == len(LEXICON)
    for entry in LEXICON:
        for pattern in (*entry.en, *entry.ru, *entry.kk, *entry.ru_quiet):
            regex.compile(pattern)
            assert " " not in pattern and "\\s" not in pattern and "-" not in pattern, entry.name


def test_kazakh_sell_and_buy_are_told_apart() -> None:
    """сатып ал- is "buy" (joined before matching), bare сат- "sell"."""
    assert find_reversals("Ол көлікті сатты.", "He bought the car.", "kk")
    assert find_reversals("Ол көлікті сатып алды.", "He bought the car.", "kk") == []


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # a Kazakh pole word negated by its own -сыз or by "емес" after it: a paraphrase
        ("Ол тоқтаусыз күлді.", "She laughed continuously.", False),
        ("Ресми емес деректер бойынша, он адам зардап шекті.",
         "According to unofficial data, ten people were injured.", False),
        ("Ресми деректер бойынша, он адам зардап шекті.",
         "According to unofficial data, ten people were injured.", True),
        # a pole that is the negative form itself (заңсыз "illegal") is not negated by it
        ("Бұл заңсыз шешім.", "This is not a legal decision.", False),
        ("Бұл заңсыз шешім.", "This is a legal decision.", True),
    ],
)
def test_kazakh_pole_words_negated_by_their_own_suffix(src: str, eng: str, flagged: bool
                                                        ) -> None:  # fmt: skip
    assert bool(flags([src], [eng], "kk")) is flagged, (src, eng)


@pytest.mark.parametrize(
    ("src", "eng", "flagged"),
    [
        # Kazakh voices a stem's final к, қ, п before a vowel ending (оңтүстік -> оңтүстігінде,
        # толық -> толығымен): the pole is read in either form.
        ("Су тасқыны елдің оңтүстігінде болды.", "The flood hit the north of the country.", True),
        ("Су тасқыны елдің оңтүстігінде болды.", "The flood hit the south of the country.", False),
        ("Жұмыс толығымен аяқталды.", "The work was partially completed.", True),
        ("Жұмыс толығымен аяқталды.", "The work was fully completed.", False),
        # патшайым is "queen", not a form of патша "king"
        ("Елизавета ІІ патшайым қайтыс болды.", "Queen Elizabeth II died.", False),
        ("Елизавета ІІ патшайым қайтыс болды.", "King Elizabeth II died.", True),
        ("Патша Карл ІІІ сөз сөйледі.", "Queen Charles III spoke.", True),
        # the other party of two-party politics (session 39)
        ("Демократиялық партия жеңді.", "Republicans won.", True),
        ("Республикашылдар жеңді.", "Republicans won.", False),
    ],
)
def test_kazakh_voiced_stems_are_poles(src: str, eng: str, flagged: bool) -> None:
    assert bool(flags([src], [eng], "kk")) is flagged, (src, eng)


def test_registered() -> None:
    assert "antonym" in [c.id for c in all_checks()]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_ntrex_professional_translations_rarely_flagged(
    shared_dir: pathlib.Path, lang: str
) -> None:
    """NTREX dev lines 1-700 as one-pair documents; dev 2 (ru) and 2 (kk) flagged, bound 4
    (slack 2): lines where the translator did change the meaning (benchmarks/README.md). Lines
    701-1000 are held out for benchmarks/antonym_flags.py and are not read here."""
    eng = ntrex_lines("en", NTREX_DEV_LINES, shared_dir, strip=False)
    src = ntrex_lines(lang, NTREX_DEV_LINES, shared_dir, strip=False)
    flagged = sum(bool(flags([s], [e], lang)) for s, e in zip(src, eng, strict=True))
    assert flagged <= 4


def viewed(src: str, eng: str, lang: str, embedder) -> list:
    source, target = doc([src], lang), doc([eng], "en")
    ctx = CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)],
                       embed_model=embedder, embedder=embedder.name)  # fmt: skip
    return AntonymSwap().run(ctx)


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Цены на нефть выросли на 3 % за неделю.", "Oil prices fell 3% in a week.", "ru"),
        ("Сборная России победила в финале.", "The Russian team lost in the final.", "ru"),
        ("Парламент одобрил законопроект.", "Parliament rejected the bill.", "ru"),
        ("Мұнай бағасы бір аптада 3 пайызға өсті.", "Oil prices fell 3% in a week.", "kk"),
    ],
)
def test_a_reversal_reads_closer_to_the_source_once_undone(src, eng, lang, embedder) -> None:
    (flag,) = viewed(src, eng, lang, embedder)
    view = flag.evidence["with_opposite"]
    assert view["reversed"] and view["gain"] >= OPPOSITE_GAIN


def test_a_loose_rendering_does_not_read_reversed(embedder) -> None:
    """The lexicon reads "night" against "день"; with "day" the English reads little closer."""
    (flag,) = viewed("На второй день после землетрясения спасатели всё ещё искали выживших.",
                     "As the second night fell after the earthquake, rescuers were still "
                     "searching for survivors.", "ru", embedder)  # fmt: skip
    assert not flag.evidence["with_opposite"]["reversed"]


def test_the_view_needs_e5_small_vectors_and_decides_the_severity(embedder) -> None:
    src, eng = "Цены на нефть выросли на 3 % за неделю.", "Oil prices fell 3% in a week."
    (plain,) = flags([src], [eng])
    assert "with_opposite" not in plain.evidence  # no embedder
    other = type("Other", (), {"name": "fake/other", "embed": embedder.embed})()
    (unknown,) = viewed(src, eng, "ru", other)
    assert "with_opposite" not in unknown.evidence  # not the vectors the gain is set on
    (flag,) = viewed(src, eng, "ru", embedder)
    needed = {"antonym": 0.6, "antonym+reversed": 0.0}
    assert decision_key(flag, None, needed) == "antonym+reversed"
    decide_severity([flag], 0.1, needed)
    assert flag.severity == "major"
    decide_severity([plain], 0.1, needed)
    assert plain.severity == "minor"
