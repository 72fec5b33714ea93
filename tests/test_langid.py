import pytest

from compare.errors import InputError
from compare.langid import detect_document_languages, detect_language, resolve_language
from compare.reading import split_paragraphs
from compare.splits import NTREX_DEV_LINES, ntrex_lines


def _lines(shared_dir, suffix, n=150):
    lines = ntrex_lines(suffix, NTREX_DEV_LINES, shared_dir, strip=False)
    return [x for x in lines if x.strip()][:n]


@pytest.mark.parametrize("lang, suffix", [("kk", "kaz"), ("ru", "rus"), ("en", "eng")])
def test_real_sentences_are_detected(shared_dir, lang, suffix):
    lines = _lines(shared_dir, suffix)
    found = [detect_language(line).lang for line in lines]
    assert sum(f == lang for f in found) >= len(lines) - 1


def test_short_kazakh_without_kazakh_letters_is_still_kazakh():
    # no ә ғ қ ң ө ұ ү һ і: decided by the Kazakh model, not by letters
    assert detect_language("Ол азат болды деп айтты.").lang == "kk"


def test_langdetect_alone_would_call_kazakh_russian_but_we_do_not():
    text = "Қазақстан Президенті Астанада шетелдік инвесторлармен кездесу өткізді."
    assert detect_language(text).lang == "kk"


def test_too_short_is_none_with_no_confidence():
    guess = detect_language("5.")
    assert guess.lang is None and guess.confidence == 0.0
    assert detect_language("Да.").confidence < detect_language(
        "Да, мы готовы обсуждать это предложение на следующей неделе."
    ).confidence


def test_other_languages_are_not_forced_into_ours():
    assert detect_language(
        "Le gouvernement a annoncé hier une nouvelle réforme des retraites très contestée."
    ).lang is None
    assert detect_language(
        "Президент України заявив, що її позиція щодо переговорів не змінилася, і їхні "
        "вимоги залишаються."
    ).lang is None


def test_single_words_never_get_a_confident_answer():
    for word in ("Алматы", "Путин", "Hello", "Абай"):
        assert detect_language(word).confidence < 0.5, word


@pytest.mark.parametrize(
    "text",
    [
        # Kyrgyz: ң ө ү but none of ә ғ қ ұ і һ
        "Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн Бишкекте чет өлкөлүк "
        "инвесторлор менен жолугушуп, өнүгүү маселелерин талкуулады.",
        # Mongolian
        "Монгол Улсын Ерөнхийлөгч өнөөдөр Улаанбаатар хотод гадаадын хөрөнгө оруулагчидтай "
        "уулзаж, хөгжлийн асуудлыг хэлэлцэв.",
        # Belarusian: ў
        "Прэзідэнт Беларусі заявіў, што краіна гатовая да перамоў, але ўмовы павінны быць "
        "справядлівымі.",
        # Uzbek (Cyrillic): ў ҳ
        "Ўзбекистон Республикаси Президенти бугун Тошкентда хорижий инвесторлар билан "
        "учрашди ва ҳамкорликни муҳокама қилди.",
    ],
)
def test_other_cyrillic_languages_are_not_taken_for_kazakh_or_russian(text):
    assert detect_language(text).lang is None


def test_russian_text_quoting_belarusian_words_stays_russian(shared_dir):
    lines = _lines(shared_dir, "rus", n=10)
    text = "\n".join(lines + ["Лукашэнка заявіў, что «ўсё будзе добра»."])
    assert resolve_language(text, [], None, ("ru", "kk"), "source") == "ru"


def test_russian_with_english_quotes_stays_russian():
    text = (
        'Компания Apple представила новый iPhone 15 Pro Max на конференции "Wonderlust" '
        "в Купертино, сообщает The Verge."
    )
    assert detect_language(text).lang == "ru"


def test_a_russian_paragraph_quoting_a_kazakh_name_stays_russian():
    text = (
        "На встрече присутствовал аким города, который рассказал о планах развития "
        "региона и строительстве новых школ, а также упомянул проект «Қазақстан жолы»."
    )
    assert detect_language(text).lang == "ru"


def test_mixed_paragraph_is_reported():
    text = (
        "Цены выросли на пять процентов за последний год, сообщил министр экономики.\n"
        "Prices rose by five percent over the last year, the economy minister said.\n"
        "Инфляция замедлилась во втором квартале благодаря мерам центрального банка."
    )
    result = detect_document_languages(text, split_paragraphs(text))
    assert result.lang == "ru"
    assert result.mixed == [1]
    assert [p.lang for p in result.paragraphs] == ["ru", "en", "ru"]


def test_quoted_english_clause_makes_a_paragraph_mixed_brand_names_do_not():
    text = (
        "Цены выросли на пять процентов за последний год, сообщил министр экономики.\n"
        'Он сказал: "We will never give up on this plan", и покинул зал под аплодисменты.\n'
        "Компания Apple представила новый iPhone 15 Pro Max на конференции в Купертино.\n"
        "Sainsbury's компаниясы Boots, Superdrug және Debenhams дүкендерімен бәсекелеседі."
    )
    result = detect_document_languages(text, split_paragraphs(text))
    assert result.lang == "ru"
    assert result.mixed == [1, 3]  # 3 is Kazakh, another language than the document's


def test_real_documents_have_no_mixed_paragraphs(shared_dir):
    # Kazakh and Russian news full of English brand names (Sainsbury's, Boots, MWP ...)
    for suffix, lang in (("kaz", "kk"), ("rus", "ru"), ("eng", "en")):
        text = "\n".join(ntrex_lines(suffix, range(0, 300), shared_dir, strip=False))
        result = detect_document_languages(text, split_paragraphs(text))
        assert result.lang == lang
        assert result.mixed == []


def test_long_russian_text_with_kazakh_names_stays_russian(shared_dir):
    lines = ntrex_lines("ru", NTREX_DEV_LINES, shared_dir, strip=False)  # dev: confidence 0.989
    text = "\n".join(line + " Проект «Қазақстан жолы»." for line in lines)
    guess = detect_language(text)
    assert guess.lang == "ru" and guess.confidence > 0.9


def test_resolve_language_detects_and_overrides():
    ru = "Цены выросли на пять процентов за последний год, сообщил министр."
    assert resolve_language(ru, [], None, ("ru", "kk"), "source") == "ru"
    assert resolve_language(ru, [], "kk", ("ru", "kk"), "source") == "kk"  # the user wins
    assert resolve_language(ru, [], "auto", ("ru", "kk"), "source") == "ru"


def test_resolve_language_errors_name_the_side_and_the_fix():
    en = "Prices rose by five percent over the last year, the minister said."
    with pytest.raises(InputError) as err:
        resolve_language(en, [], None, ("ru", "kk"), "source")
    assert "source text looks like English" in str(err.value)
    assert "--source-lang" in str(err.value)
    ru = "Цены выросли на пять процентов за последний год, сообщил министр."
    with pytest.raises(InputError, match="target text looks like Russian"):
        resolve_language(ru, [], None, ("en",), "target")
    with pytest.raises(InputError, match="cannot be 'de'"):
        resolve_language(ru, [], "de", ("ru", "kk"), "source")


UKRAINIAN_PLAIN = (  # Ukrainian without ї, є or ґ: і is its only sign, which Kazakh shares
    "Уряд виділив кошти на ремонт шкіл. Роботи почнуться в березні, повідомив міністр. "
    "Він не виключив, що терміни зсунуться."
)


@pytest.mark.parametrize("text", [UKRAINIAN_PLAIN, "Вчора в місті пройшов концерт."],
                         ids=["three-sentences", "one-line"])
def test_ukrainian_without_its_own_letters_is_not_russian_or_kazakh(text):
    guess = detect_language(text)
    assert guess.lang is None and guess.other == "Ukrainian"


def test_ukrainian_source_is_refused_by_name():
    with pytest.raises(InputError, match="looks like Ukrainian, not Russian or Kazakh"):
        resolve_language(UKRAINIAN_PLAIN, split_paragraphs(UKRAINIAN_PLAIN), None,
                         ("ru", "kk"), "source")


def test_a_short_russian_line_the_model_finds_ukrainian_stays_russian():
    assert detect_language("«Я стою перед вами», — сказала одна из них.").lang == "ru"


BULGARIAN = ("Министърът на външните работи заяви, че България ще подкрепи решението на "
             "Европейския съюз. Според него страната трябва да продължи реформите.")


@pytest.mark.parametrize("text", [BULGARIAN, "Днес времето ще бъде слънчево."],
                         ids=["two-sentences", "one-line"])  # fmt: skip
def test_bulgarian_is_named_not_taken_for_russian(text):
    guess = detect_language(text)
    assert guess.lang is None and guess.other == "Bulgarian"
    with pytest.raises(InputError, match="looks like Bulgarian, not Russian or Kazakh"):
        resolve_language(text, split_paragraphs(text), None, ("ru", "kk"), "source")


@pytest.mark.parametrize("text", [
    "Съезд объявил перерыв, а подъезд закрыли.",  # the hard sign before е, я
    "Он приехал в Болгарию, которую местные называют «България», и объявил о съезде.",
])  # fmt: skip
def test_russian_with_a_hard_sign_or_a_quoted_bulgarian_word_stays_russian(text):
    assert detect_language(text).lang == "ru"


def test_no_russian_or_kazakh_dev_line_is_taken_for_bulgarian(shared_dir):
    from compare.qe.data import NTREX_DEV_LINES, ntrex_lines, wmt22_documents

    corpora = shared_dir / "corpora"
    lines = [line for lang in ("ru", "kk") for line in ntrex_lines(lang, NTREX_DEV_LINES, corpora)]
    lines += [source for document in wmt22_documents(0, corpora) for source, _ in document]
    assert [line for line in lines if detect_language(line).other == "Bulgarian"] == []


KAZAKH_LATIN_2018 = "Ár oqýshynyń óz kompıýteri bar. Eshkimge meniń munda bolǵanymdy aıtpa."
KAZAKH_LATIN_2021 = "Qazaqstan Respublikasynyñ ükımetı būl mäselenı talqylady, dep habarlady."


@pytest.mark.parametrize("text", [KAZAKH_LATIN_2018, KAZAKH_LATIN_2021])
def test_kazakh_in_latin_letters_is_named_not_called_english(text):
    guess = detect_language(text)
    assert guess.lang is None and guess.other is not None and "Kazakh" in guess.other
    with pytest.raises(InputError, match="looks like Kazakh in the Latin alphabet"):
        resolve_language(text, [], None, ("ru", "kk"), "source")


@pytest.mark.parametrize("text", [
    "The Niño effect and Señor Núñez were discussed by the committee in Madrid.",
    "İstanbul'da bugün hava güneşli ve sıcak olacak, meteoroloji uyardı.",
])
def test_spanish_and_turkish_letters_are_not_kazakh(text):
    assert "Kazakh" not in (detect_language(text).other or "")


def test_an_english_text_quoting_a_kazakh_latin_name_stays_english():
    text = ("The ministry in Astana renamed the agency Ūlttyq Qordyń Ortalyǵy last year. " +
            "Officials said the reform would take several years to finish. " * 12)
    assert detect_language(text).lang == "en"


def test_a_side_set_to_kazakh_but_in_latin_letters_gets_a_notice():
    from compare.langid import script_notice

    notice = script_notice(KAZAKH_LATIN_2018, "kk", "source")
    assert notice is not None and "mostly in Latin letters" in notice
    assert script_notice("Мен оны білмеймін. Ол жұмыста.", "kk", "source") is None
    assert script_notice(KAZAKH_LATIN_2018, "en", "target") is None
