"""Language detection in a child process while the CLI loads its models (issue 25): the child's
answer is what the pipeline finds itself, and no answer at all (the pipeline then finds it in
process) is what anything amiss gives."""

from __future__ import annotations

import pytest

from compare.errors import InputError
from compare.langid import TextLanguages, resolve_languages, text_languages
from compare.languages_ahead import LanguagesAhead, detect_languages_ahead
from compare.reading import read_pasted

ENGLISH = read_pasted(
    "Oil prices fell by three percent in a week, traders said on Friday.\n"
    "The central bank kept its key rate unchanged for the third month in a row."
)
RUSSIAN = read_pasted(
    "Цены на нефть за неделю снизились на три процента, сообщили трейдеры в пятницу.\n"
    "Центральный банк третий месяц подряд оставил ключевую ставку без изменений."
)
KAZAKH = read_pasted(
    "Мұнай бағасы бір аптада үш пайызға төмендеді, деп хабарлады трейдерлер жұма күні.\n"
    "Ұлттық банк негізгі мөлшерлемені қатарынан үшінші ай өзгеріссіз қалдырды."
)


@pytest.mark.parametrize(
    ("source", "source_lang"), [(RUSSIAN, "auto"), (KAZAKH, "auto"), (RUSSIAN, "kk")]
)
def test_the_child_answers_as_the_pipeline_detects(source, source_lang: str) -> None:
    ahead = detect_languages_ahead(ENGLISH, source, source_lang, threads=2)
    assert ahead is not None
    expected = text_languages(ENGLISH.text, ENGLISH.paragraphs, source.text, source.paragraphs,
                              source_lang=source_lang)
    assert ahead.result() == expected
    assert ahead.result() is None  # asked once; the child is gone


def test_mixed_paragraphs_come_back_too() -> None:
    """A Russian paragraph in Latin letters and an English one in Cyrillic: the child asks
    langdetect, as the pipeline would, and says which paragraphs they are."""
    english = read_pasted(ENGLISH.text + "\nЭто предложение написано по-русски, а не по-английски.")
    russian = read_pasted(RUSSIAN.text + "\nThis paragraph of the source is written in English.")
    found = LanguagesAhead(english, russian).result()
    assert found == TextLanguages("en", "ru", [2], [2])
    assert found == text_languages(english.text, english.paragraphs, russian.text,
                                   russian.paragraphs)


def test_a_side_in_the_wrong_language_gives_no_answer() -> None:
    """The pipeline then detects in process and raises its own error, as without the child."""
    with pytest.raises(InputError):
        resolve_languages(RUSSIAN.text, RUSSIAN.paragraphs, RUSSIAN.text, RUSSIAN.paragraphs)
    assert LanguagesAhead(RUSSIAN, RUSSIAN).result() is None
    assert LanguagesAhead(ENGLISH, ENGLISH).result() is None


def test_no_child_without_a_source_or_a_second_thread() -> None:
    assert detect_languages_ahead(ENGLISH, None, "auto", threads=2) is None
    assert detect_languages_ahead(ENGLISH, RUSSIAN, "auto", threads=1) is None
    assert detect_languages_ahead(ENGLISH, RUSSIAN, "auto", threads=None) is None


def test_close_stops_the_child_and_leaves_detection_to_the_pipeline() -> None:
    ahead = LanguagesAhead(ENGLISH, RUSSIAN)
    process = ahead._process
    ahead.close()
    assert process.poll() is not None
    assert ahead.result() is None
