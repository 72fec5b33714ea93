"""Latin look-alike letters inside Cyrillic words are read as Cyrillic (compare.script_mix)."""

from compare.pipeline import Settings, check_texts
from compare.reading import read_pasted
from compare.script_mix import fold_lookalikes, folded_notice


def test_kazakh_latin_i_schwa_and_h_fold_one_character_for_one():
    text = "Бiлемiн, нəрсе hәм Əке."
    folded = fold_lookalikes(text, "kk")
    assert folded.text == "Білемін, нәрсе һәм Әке."
    assert len(folded.text) == len(text)
    assert folded.words == ("Бiлемiн", "нəрсе", "hәм", "Əке")


def test_latin_words_and_words_with_other_latin_letters_stay_as_they_are():
    text = "Компания iPhone и Rosneftь, сайт gov.kz"
    assert fold_lookalikes(text, "kk").text == text
    assert fold_lookalikes(text, "kk").words == ()


def test_russian_folds_the_shared_look_alikes_but_not_the_kazakh_letters():
    folded = fold_lookalikes("мaма и Cлово, но кiно", "ru")
    assert folded.text == "мама и Слово, но кiно"  # і is no Russian letter: left for the reader
    assert folded.words == ("мaма", "Cлово")


def test_the_notice_names_a_few_words_and_counts_them_all():
    folded = fold_lookalikes("Бiлемiн Бiлемiн екi жетi сегiз", "kk")
    notice = folded_notice(folded, "source")
    assert notice is not None and notice.startswith("5 word(s) of the source text")
    assert "“Бiлемiн”" in notice and "and 1 more" in notice
    assert folded_notice(fold_lookalikes("Білемін", "kk"), "source") is None


def test_the_pipeline_reads_a_negative_verb_typed_with_latin_i(embedder):
    source = "Мен оны бiлмеймiн."
    faithful = check_texts(read_pasted("I don't know him."), read_pasted(source),
                           Settings(source_lang="kk"), embedder=embedder)
    assert not [f for f in faithful.all_flags() if f.check == "negation-mismatch"]
    assert faithful.source.text == source  # the report keeps the text as given
    assert any("read as Cyrillic" in notice for notice in faithful.notices)
    mixed = [f for f in faithful.all_flags() if f.check == "mixed-script-word"]
    assert [source[f.start:f.end] for f in mixed] == ["бiлмеймiн"]  # still reported
    lost = check_texts(read_pasted("I know him."), read_pasted(source),
                       Settings(source_lang="kk"), embedder=embedder)
    flag = next(f for f in lost.all_flags() if f.check == "negation-mismatch")
    assert lost.source.text[flag.start:flag.end] in source  # offsets index the text as given
