"""Sentence segmentation: hard cases per language, real defects kept attached, offset invariants.

The hard-case tables are the regression set the module docstring refers to: each row is a
paragraph and the sentences a careful reader would cut it into.
"""

from __future__ import annotations

import pathlib

import pytest

from compare.document import Document, Sentence, Span
from compare.segment import segment, segment_document
from compare.splits import NTREX_DEV_LINES, ntrex_lines

RU_CASES = [
    ("В 2020 г. цены выросли. Это факт.", ["В 2020 г. цены выросли.", "Это факт."]),
    (
        "Президент В. В. Путин прибыл в Астану. Визит продлится два дня.",
        ["Президент В. В. Путин прибыл в Астану.", "Визит продлится два дня."],
    ),
    (
        "Поэт А.С. Пушкин родился в Москве. Это известно всем.",
        ["Поэт А.С. Пушкин родился в Москве.", "Это известно всем."],
    ),
    (
        "Рост составил 3.5%, т.е. больше прогноза. Аналитики удивлены.",
        ["Рост составил 3.5%, т.е. больше прогноза.", "Аналитики удивлены."],
    ),
    (
        "«Мы готовы», — сказал он. Переговоры продолжатся.",
        ["«Мы готовы», — сказал он.", "Переговоры продолжатся."],
    ),
    (
        "«Вы готовы?» — спросил он. Все молчали.",
        ["«Вы готовы?» — спросил он.", "Все молчали."],
    ),
    (
        "— Когда начнется стройка? — Думаю, в следующем году.",
        ["— Когда начнется стройка?", "— Думаю, в следующем году."],
    ),
    ("1. Первое. 2. Второе.", ["1. Первое.", "2. Второе."]),
    ("Он замолчал… Потом продолжил.", ["Он замолчал…", "Потом продолжил."]),
    ("Он сказал... и ушёл.", ["Он сказал... и ушёл."]),
    (
        "Подробности на сайте www.kremlin.ru. Пишите на info@mail.ru.",
        ["Подробности на сайте www.kremlin.ru.", "Пишите на info@mail.ru."],
    ),
    (
        "Бюджет составит 5 млн. руб. на год. Это много.",
        ["Бюджет составит 5 млн. руб. на год.", "Это много."],
    ),
    (
        "Он живёт на ул. Ленина, д. 5. Соседи довольны.",
        ["Он живёт на ул. Ленина, д. 5.", "Соседи довольны."],
    ),
    ("Улица им. Абая закрыта. Проезд запрещён.", ["Улица им. Абая закрыта.", "Проезд запрещён."]),
    (
        "Он купил хлеб, молоко и т.д. Затем ушёл.",
        ["Он купил хлеб, молоко и т.д.", "Затем ушёл."],
    ),
    (
        "Цены, напр. на хлеб, выросли. См. таблицу.",
        ["Цены, напр. на хлеб, выросли.", "См. таблицу."],
    ),
    (
        "Вышла версия 1.2.3 программы. Обновитесь.",
        ["Вышла версия 1.2.3 программы.", "Обновитесь."],
    ),
    (
        "Выделено более 37 млрд. долл. США на питание. Это рекорд.",
        ["Выделено более 37 млрд. долл. США на питание.", "Это рекорд."],
    ),
    (
        "Это было в 1990-х гг. Тогда всё было иначе.",
        ["Это было в 1990-х гг.", "Тогда всё было иначе."],
    ),
    ("Новости экономики", ["Новости экономики"]),
    (
        "«Цены падают (на сырьё. - Ред.)», - добавил он. Рынок замер.",
        ["«Цены падают (на сырьё. - Ред.)», - добавил он.", "Рынок замер."],
    ),
    (
        "Комплект: картридж, фланец; 3 потребителя. Расход 65 л/мин.",
        ["Комплект: картридж, фланец; 3 потребителя.", "Расход 65 л/мин."],
    ),
]

KK_CASES = [
    ("2020 ж. экономика өсті. Бұл жақсы.", ["2020 ж. экономика өсті.", "Бұл жақсы."]),
    (
        "Алматы, Астана т.б. қалалар үлкен. Олар дамып келеді.",
        ["Алматы, Астана т.б. қалалар үлкен.", "Олар дамып келеді."],
    ),
    (
        "ҚР Президенті Қ.К. Тоқаев сөз сөйледі. Ол реформаны айтты.",
        ["ҚР Президенті Қ.К. Тоқаев сөз сөйледі.", "Ол реформаны айтты."],
    ),
    (
        "Қ. Тоқаев сөз сөйледі. Ол реформаны айтты.",
        ["Қ. Тоқаев сөз сөйледі.", "Ол реформаны айтты."],
    ),
    ("Халық саны 19 млн. адам. Бұл көп.", ["Халық саны 19 млн. адам.", "Бұл көп."]),
    (
        "«Біз дайынбыз», — деді ол. Келіссөздер жалғасады.",
        ["«Біз дайынбыз», — деді ол.", "Келіссөздер жалғасады."],
    ),
    ("— Қашан басталады? — Келесі жылы.", ["— Қашан басталады?", "— Келесі жылы."]),
    (
        "Нан, сүт т.с.с. тауарлар қымбаттады. Сатушылар наразы.",
        ["Нан, сүт т.с.с. тауарлар қымбаттады.", "Сатушылар наразы."],
    ),
    ("Ол үндемеді... Сосын кетті.", ["Ол үндемеді...", "Сосын кетті."]),
]

EN_CASES = [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    (
        "She moved to the U.S. in 2010. It was cold.",
        ["She moved to the U.S. in 2010.", "It was cold."],
    ),
    (
        "He lives on St. James Street in London. It is quiet.",
        ["He lives on St. James Street in London.", "It is quiet."],
    ),
    ("He lives on Main St. It is quiet.", ["He lives on Main St.", "It is quiet."]),
    (
        "Bring fruit, e.g. apples, i.e. healthy food. Thanks.",
        ["Bring fruit, e.g. apples, i.e. healthy food.", "Thanks."],
    ),
    (
        "J. R. R. Tolkien wrote books. They sold well.",
        ["J. R. R. Tolkien wrote books.", "They sold well."],
    ),
    (
        "Kassym-Jomart K. Tokayev arrived. He spoke.",
        ["Kassym-Jomart K. Tokayev arrived.", "He spoke."],
    ),
    ("“We are ready.” He left.", ["“We are ready.”", "He left."]),
    ("“We are ready,” he said. Then he left.", ["“We are ready,” he said.", "Then he left."]),
    ("He asked, “Are you sure?” She nodded.", ["He asked, “Are you sure?”", "She nodded."]),
    (
        "Prices rose 3.5 percent. Version 1.2.3 is out.",
        ["Prices rose 3.5 percent.", "Version 1.2.3 is out."],
    ),
    (
        "Born on Jan. 5, 1990, she grew up in Texas. Then she moved.",
        ["Born on Jan. 5, 1990, she grew up in Texas.", "Then she moved."],
    ),
    ("It is No. 1 in sales. Rivals lag.", ["It is No. 1 in sales.", "Rivals lag."]),
    ("It was Smith vs. Jones. Smith won.", ["It was Smith vs. Jones.", "Smith won."]),
    (
        "He bought apples, pears, etc. and left. Then he came back.",
        ["He bought apples, pears, etc. and left.", "Then he came back."],
    ),
    ("Wait... What happened?", ["Wait...", "What happened?"]),
    (
        "Visit https://example.com/a.b for more. Write to info@example.org.",
        ["Visit https://example.com/a.b for more.", "Write to info@example.org."],
    ),
    ("1. First item. 2. Second item.", ["1. First item.", "2. Second item."]),
    (
        "The rally is at 7 p.m. ET tonight. Doors open at 5 p.m. Come early.",
        ["The rally is at 7 p.m. ET tonight.", "Doors open at 5 p.m.", "Come early."],
    ),
    (
        "It was built by CRRC Zhuzhou Locomotive Co. Ltd. in China. It is fast.",
        ["It was built by CRRC Zhuzhou Locomotive Co. Ltd. in China.", "It is fast."],
    ),
    (
        'I bake snacks; I bake very often. She said "Done. ", and left.',
        ["I bake snacks; I bake very often.", 'She said "Done. ", and left.'],
    ),
    (
        "It was written by Det. Dennis McCarthy. He retired.",
        ["It was written by Det. Dennis McCarthy.", "He retired."],
    ),
]


def _texts(text: str, lang: str, paragraphs: list[Span] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in segment(text, lang, paragraphs or [])]


def _line_paragraphs(text: str) -> list[Span]:
    """One paragraph per non-blank line, spans without surrounding whitespace."""
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            spans.append(Span(start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def _assert_invariants(text: str, paragraphs: list[Span], sentences: list[Sentence]) -> None:
    """Indices run 0..n-1, spans are stripped, ordered, inside their paragraph, and cover it."""
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        para = paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end
        piece = text[s.start : s.end]
        assert piece == piece.strip()
    for a, b in zip(sentences, sentences[1:], strict=False):
        assert a.end <= b.start and a.paragraph <= b.paragraph
    for p_index, para in enumerate(paragraphs):
        own = [text[s.start : s.end] for s in sentences if s.paragraph == p_index]
        assert "".join("".join(own).split()) == "".join(text[para.start : para.end].split())


@pytest.mark.parametrize(("text", "expected"), RU_CASES)
def test_russian_hard_cases(text: str, expected: list[str]) -> None:
    assert _texts(text, "ru") == expected


@pytest.mark.parametrize(("text", "expected"), KK_CASES)
def test_kazakh_hard_cases(text: str, expected: list[str]) -> None:
    assert _texts(text, "kk") == expected


@pytest.mark.parametrize(("text", "expected"), EN_CASES)
def test_english_hard_cases(text: str, expected: list[str]) -> None:
    assert _texts(text, "en") == expected


def test_seed_defects_stay_inside_their_sentence(shared_dir: pathlib.Path) -> None:
    text = (shared_dir / "corpora/seed/pravda-mendkovich.en.txt").read_text(encoding="utf-8")
    paragraphs = _line_paragraphs(text)
    sentences = segment(text, "en", paragraphs)
    _assert_invariants(text, paragraphs, sentences)
    texts = [text[s.start : s.end] for s in sentences]
    assert all(any(ch.isalnum() for ch in t) for t in texts), "a lone mark became a sentence"

    def holder(fragment: str) -> str:
        found = [t for t in texts if fragment in t]
        assert len(found) == 1, fragment
        return found[0]

    assert holder("“language patrols.” ” and advocate").startswith("If Kazakhstan really")
    quote = holder("“something is happening” . – let’s react in some way.”")
    assert quote.startswith("As for the very content") and quote.endswith("way.”")
    assert holder("seriously punished. .").endswith("punished. .")
    assert "It is not clear how." in texts
    assert "Reference EADaily." in texts


def test_kazakh_ntrex_odd_quotes_one_sentence(shared_dir: pathlib.Path) -> None:
    line = ntrex_lines("kk", range(0, 1), shared_dir)[0]
    assert "“" in line
    assert _texts(line, "kk") == [line]


@pytest.mark.parametrize(
    ("lang", "min_single"),
    [("en", 0.99), ("ru", 0.94), ("kk", 0.97)],
)
def test_ntrex_invariants_and_single_sentence_share(
    shared_dir: pathlib.Path, lang: str, min_single: float
) -> None:
    """NTREX lines are mostly one sentence each: a regression check on real professional text,
    the 700 dev lines. Dev: one sentence on 699 (en), 664 (ru) and 698 (kk) of 700 lines;
    bounds 0.99, 0.94 and 0.97 (slack 6, 6 and 19 lines). (On all 1,000 lines, before the
    split was kept, the Russian bound was 0.95.)"""
    text = "\n".join(ntrex_lines(lang, NTREX_DEV_LINES, shared_dir, strip=False)) + "\n"
    paragraphs = _line_paragraphs(text)
    sentences = segment(text, lang, paragraphs)
    _assert_invariants(text, paragraphs, sentences)
    per_para = [0] * len(paragraphs)
    for s in sentences:
        per_para[s.paragraph] += 1
    assert min(per_para) == 1
    assert per_para.count(1) / len(per_para) >= min_single


def test_empty_paragraph_list_means_one_paragraph() -> None:
    text = "  Первое предложение. Второе!\n\nПосле пустой строки  \n"
    sentences = segment(text, "ru", [])
    assert [text[s.start : s.end] for s in sentences] == [
        "Первое предложение.",
        "Второе!",
        "После пустой строки",
    ]
    assert {s.paragraph for s in sentences} == {0}
    _assert_invariants(text, [Span(0, len(text))], sentences)


def test_sentences_never_cross_paragraphs() -> None:
    text = "Заголовок без точки\nТекст статьи. Ещё одно\n\n— Вопрос?"
    paragraphs = _line_paragraphs(text)
    sentences = segment(text, "ru", paragraphs)
    assert [(text[s.start : s.end], s.paragraph) for s in sentences] == [
        ("Заголовок без точки", 0),
        ("Текст статьи.", 1),
        ("Ещё одно", 1),
        ("— Вопрос?", 2),
    ]


@pytest.mark.parametrize("lone", [".", "—", "–", "…", "”", "...", "?!"])
def test_paragraph_of_only_punctuation_is_one_sentence(lone: str) -> None:
    text = f"Первый абзац.\n{lone}\nТретий абзац."
    paragraphs = _line_paragraphs(text)
    sentences = segment(text, "ru", paragraphs)
    assert [(text[s.start : s.end], s.paragraph) for s in sentences] == [
        ("Первый абзац.", 0),
        (lone, 1),
        ("Третий абзац.", 2),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. ” And then he came back.", ["He left. ”", "And then he came back."]),
        ("It ended “yes” . Then more.", ["It ended “yes” .", "Then more."]),
        ("Done. . Next one.", ["Done. .", "Next one."]),
        ("— ... — Yes.", ["— ... — Yes."]),
    ],
)
def test_stray_marks_glue_to_a_sentence(text: str, expected: list[str]) -> None:
    assert _texts(text, "en") == expected


def test_whitespace_only_paragraph_and_unknown_language() -> None:
    text = "Erster Satz. Zweiter Satz.\n   \nDritter."
    paragraphs = [Span(0, 26), Span(27, 30), Span(31, len(text))]
    sentences = segment(text, "de", paragraphs)
    assert [(text[s.start : s.end], s.paragraph) for s in sentences] == [
        ("Erster Satz.", 0),
        ("Zweiter Satz.", 0),
        ("Dritter.", 2),
    ]


def test_segment_document_fills_sentences() -> None:
    text = "Mr. Smith came. He sat."
    doc = segment_document(text, "en", [Span(0, len(text))])
    assert isinstance(doc, Document)
    assert doc.lang == "en" and doc.paragraphs == [Span(0, len(text))]
    assert doc.sentence_texts() == ["Mr. Smith came.", "He sat."]
    assert segment("", "en", []) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An opening quote typed as ” or “ right before the capital starts a new sentence.
        (
            "Бұл менің ойым”, – деді министр. ”Біз жобаны келесі жылы аяқтаймыз”, – деп қосты ол.",
            [
                "Бұл менің ойым”, – деді министр.",
                "”Біз жобаны келесі жылы аяқтаймыз”, – деп қосты ол.",
            ],
        ),
        # A closing quote typed as “ (the `“…“` habit) after the full stop ends the sentence.
        (
            "Ол: “Жұмыс аяқталды.“ Содан кейін жиналыс жабылды.",
            ["Ол: “Жұмыс аяқталды.“", "Содан кейін жиналыс жабылды."],
        ),
        # Not cut: a quotation inside the sentence, and a quote after an abbreviation.
        ("Ол: “Бәрі дайын“ деді. Кейін кетті.", ["Ол: “Бәрі дайын“ деді.", "Кейін кетті."]),
        (
            "Мақаланы проф. “Алатау” орталығы жариялады.",
            ["Мақаланы проф. “Алатау” орталығы жариялады."],
        ),
    ],
)
def test_kazakh_quotes_facing_the_other_way(text: str, expected: list[str]) -> None:
    assert _texts(text, "kk") == expected


def test_english_quote_after_title_is_not_cut() -> None:
    assert _texts("He met Mr. “Big” Smith. Then he left.", "en") == [
        "He met Mr. “Big” Smith.",
        "Then he left.",
    ]


def test_one_abbreviation_list_for_segmenter_and_punctuation() -> None:
    """What the segmenter joins across is what the punctuation checks call an abbreviation."""
    from compare.abbreviations import MAY_END, NEVER_END, is_abbreviation

    for abbr in sorted(NEVER_END["en"] | MAY_END["en"]):
        word = abbr[:1].upper() + abbr[1:]
        text = f"It was listed as {word} 12 in the file."
        assert _texts(text, "en") == [text], abbr
        assert is_abbreviation(text, text.index(word) + len(word) - 1), abbr
    # Once only in the punctuation list, these were cut by the segmenter.
    text = "The tables are on pp. 12-14 and the map is Vol. 3 of the atlas."
    assert _texts(text, "en") == [text]
