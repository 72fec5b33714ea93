"""The framing-shift check: attribution, distancing, hedges, loaded terms and quotations that one
side has and the other lacks; the human translations it must leave alone; the user's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.checks import CheckContext
from compare.checks.framing import FramingShift, quotations
from compare.flags import NOT_ERRORS
from compare.framing_lexicon import build_lexicon, load_framing_lexicon, read_framing_rows
from compare.risk_fit import line_documents
from compare.splits import NTREX_DEV_LINES, ntrex_lines, tatoeba_kk_pairs


def _notes(src: str, en: str, lang: str = "ru", lexicon=None) -> list:
    source, target, links = line_documents([(src, en)], lang)
    return FramingShift(lexicon or build_lexicon()).run(CheckContext(target, source, links))


def _kinds(src: str, en: str, lang: str = "ru", lexicon=None) -> set[tuple[str, str]]:
    return {(f.evidence["kind"], f.evidence["shift"]) for f in _notes(src, en, lang, lexicon)}


@pytest.mark.parametrize(("src", "en", "expected"), [
    # An attribution lost: the police's figure becomes a plain fact.
    ("По данным полиции, в митинге участвовали 5000 человек.",
     "Five thousand people took part in the rally.", ("attribution", "dropped")),
    ("В митинге участвовали 5000 человек.",
     "According to the organisers, 5,000 people took part in the rally.",
     ("attribution", "added")),
    ("Так называемый референдум прошел в воскресенье.",
     "The referendum took place on Sunday.", ("distancing", "dropped")),
    ("Министр якобы получил взятку.", "The minister received a bribe.",
     ("distancing", "dropped")),
    ("Министр получил взятку.", "The minister allegedly received a bribe.",
     ("distancing", "added")),
    ("Возможно, выборы перенесут.", "The elections will be postponed.", ("hedge", "dropped")),
    ("Выборы перенесут.", "The elections will probably be postponed.", ("hedge", "added")),
    ("Правительство Асада объявило перемирие.", "The Assad regime announced a ceasefire.",
     ("loaded", "added")),
    ("Боевики захватили город.", "Fighters took the town.", ("loaded", "dropped")),
    ("«Мы не отступим ни на шаг», — сказал министр.",
     "The minister said they would hold their ground.", ("quote", "dropped")),
    ("Министр сказал, что они не отступят.",
     "\"We will not retreat a single step,\" the minister said.", ("quote", "added")),
    ("Мүмкін, сайлау кейінге қалдырылады.", "The election will be postponed.",
     ("hedge", "dropped")),
])
def test_framing_shifts_are_noted(src: str, en: str, expected: tuple[str, str]) -> None:
    lang = "kk" if "ү" in src or "қ" in src else "ru"
    notes = _notes(src, en, lang)
    assert expected in {(f.evidence["kind"], f.evidence["shift"]) for f in notes}
    note = next(f for f in notes if (f.evidence["kind"], f.evidence["shift"]) == expected)
    assert note.severity == "minor" and note.category == "framing"
    assert note.category in NOT_ERRORS
    # The span is the marker itself, on the side that has it.
    text = note.side == "target" and en or src
    assert note.evidence["marker"] in text


@pytest.mark.parametrize(("src", "en"), [
    # NTREX dev lines (1-700) and their professional translations: the same framing, other words.
    ("По его словам, Украина намерена применять дроны.",
     "According to him, Ukraine intends to use drones."),
    ("«Растет напряжение», — добавил он.", "\"It's getting more and more tense,\" he said."),
    ("Видимо, все идет по плану.", "Apparently, everything is going to plan."),
    ("Основу лакомства составляет мясное филе, обработанное в соответствии со стандартами.",
     "The treat's main ingredient is meat fillet processed according to quality standards."),
    ("Таким образом, нагрузка на матрас распределяется максимально равномерно.",
     "This way, the load on the mattress is spread as evenly as possible."),
    ("Бұл өзгеріс оның Yandhi деп аталатын жаңа альбомы шығады деп күтілген.",
     "He is expected to launch his new album Yandhi."),
    ("Скорее всего, едим больше.", "We most likely eat more."),
    ("В мае выборы прошли спокойно.", "In May the elections went calmly."),
    ("Он назвал ущерб «масштабным».", "He described the damage as \"extensive.\""),
])
def test_the_same_framing_in_other_words_is_not_noted(src: str, en: str) -> None:
    lang = "kk" if "ү" in src or "ұ" in src else "ru"
    assert _kinds(src, en, lang) == set()


def test_only_long_quotations_count_and_straight_apostrophes_are_not_quotes() -> None:
    assert quotations("компания «Газпром» заявила") == []  # a name, not a quotation
    assert len(quotations("он сказал: «мы не отступим ни на шаг»")) == 1
    assert quotations("it's the workers' union that won't") == []
    assert _kinds("Он ответил: «мы не будем это обсуждать сегодня».",
                  "He said 'we will not discuss it today'.") == set()


# Kazakh quoting habits (issue 22). Made-up sentences in the style of NTREX's Kazakh.
@pytest.mark.parametrize(("src", "en"), [
    # «…», – деді ол for English reported speech, "…, he said" without quotation marks
    ("«Жағдай тұрақты, көмек уақытында жетіп жатыр», – деді ол.",
     "The situation is stable and aid is arriving on time, he said."),
    ("«Ауа райы келесі аптада жақсарады деп күтілуде», – деп хабарлады агенттік.",
     "The weather is expected to improve next week, the agency reported."),
    ("Комиссия былай деді: «Шешімді мүшелердің өздері қабылдайды».",
     "The commission said the members would decide for themselves."),
    # a name or a coined term in «», named by the word after it
    ("«Цифрлық Қазақстан: жаңа мүмкіндіктер» бағдарламасы 2017 жылы басталды.",
     "The Digital Kazakhstan programme started in 2017."),
    ("«Жасыл ел және таза қала» деп аталатын жоба қолдау тапты.",
     "A project called Green Country was supported."),
    # English partial quotation, Kazakh reported speech with деді and no quotation marks
    ("Министр бұл шешім еліміз үшін дұрыс деді.",
     "The minister said the decision was \"the right one for the country.\""),
    # сәйкес alone is "in accordance with", not a source
    ("Заңға сәйкес сайлау бес жылда бір рет өтеді.", "Elections are held every five years."),
    # an accusation keeps the claim at a distance in both languages
    ("Ол министрді пара алды деп айыптады.", "He said the minister allegedly took a bribe."),
])
def test_kazakh_quoting_habits_are_not_noted(src: str, en: str) -> None:
    assert _kinds(src, en, "kk") == set()


@pytest.mark.parametrize(("src", "en", "expected"), [
    # the quotation marks of direct speech dropped: the English still says "we"
    ("«Біз бір қадам да шегінбейміз», – деді министр.",
     "We will not retreat a single step, the minister said.", ("quote", "dropped")),
    # a quotation and no attribution at all in the English
    ("«Бұл шешім еліміз үшін дұрыс емес», – деді министр.",
     "This decision is not right for the country.", ("quote", "dropped")),
    # a quotation that no verb of saying introduces (a placard's words)
    ("Плакатта «Біз бейбітшілікті қалаймыз және соғысқа қарсымыз» жазуы болды.",
     "The placard said they wanted peace and opposed war.", ("quote", "dropped")),
    # the whole English quoted, nothing attributed outside it
    ("Бұл шешім еліміз үшін дұрыс деді министр.",
     "\"This decision is the right one for our country.\"", ("quote", "added")),
    # a partial English quotation beside a source that reports no speech
    ("Министр шешімді қолдады.",
     "The minister said the decision was \"the right one for the country.\"",
     ("quote", "added")),
    ("Полицияның мәліметіне сәйкес, митингке бес мың адам қатысты.",
     "Five thousand people took part in the rally.", ("attribution", "dropped")),
    ("Хабарларға сәйкес, ол туысымен бірге келген.", "He came with his cousin.",
     ("attribution", "dropped")),
    # дерек "data" voices its к before a vowel ending: дерегінше "according to the data"
    ("Ресми дерегінше, митингке бес мың адам қатысты.",
     "Five thousand people took part in the rally.", ("attribution", "dropped")),
])
def test_kazakh_framing_shifts_are_still_noted(src: str, en: str,
                                               expected: tuple[str, str]) -> None:
    assert expected in _kinds(src, en, "kk")


def test_kazakh_names_in_quotes_are_no_quotations() -> None:
    text = "«Цифрлық Қазақстан: жаңа мүмкіндіктер» бағдарламасы басталды."
    assert quotations(text, lang="kk") == []
    assert len(quotations(text)) == 1  # Russian and English keep the old reading


def test_ntrex_kazakh_dev_lines_are_left_alone(shared_dir: Path) -> None:
    """NTREX dev lines the check noted before issue 22's Kazakh fix (1-based): the Kazakh
    quotes English reported speech (102, 290, 395, 397, 402, 411, 420, 483), reports an English
    partial quotation with деді or айтып without quotation marks (385, 388), says сәйкес for
    "in accordance with" (11, 210) and айыптаған for "accused ... allegedly" (227)."""
    wanted = [11, 102, 210, 227, 290, 385, 388, 395, 397, 402, 411, 420, 483]
    lines = [n - 1 for n in wanted]
    pairs = zip(ntrex_lines("kk", lines, shared_dir), ntrex_lines("en", lines, shared_dir),
                strict=True)
    assert {n: _kinds(s, e, "kk") for n, (s, e) in zip(wanted, pairs, strict=True)} == {
        n: set() for n in wanted}


def test_ntrex_kazakh_dev_quotation_marks_dropped_from_direct_speech_are_noted(
        shared_dir: Path) -> None:
    """Line 107 (dev): «…», – деді ол, the English "We're doing great …," he said; without the
    English quotation marks (the benchmark's controlled edit) it is a shift: "we" is direct
    speech."""
    (src,), (en,) = ntrex_lines("kk", [106], shared_dir), ntrex_lines("en", [106], shared_dir)
    assert ("quote", "dropped") not in _kinds(src, en, "kk")
    edited = en.replace("\"", "").replace("“", "").replace("”", "")
    assert ("quote", "dropped") in _kinds(src, edited, "kk")


def test_ntrex_kazakh_dev_notes_bounded(shared_dir: Path) -> None:
    """NTREX kk-en dev lines 1-700: 20 notes before issue 22's Kazakh quoting fix, 7 after it,
    1 after the Kazakh hedge and attribution forms (2026-12-04: line 366, an English "will
    likely" the Kazakh states as plain fact); bound 3."""
    pairs = list(zip(ntrex_lines("kk", NTREX_DEV_LINES, shared_dir),
                     ntrex_lines("en", NTREX_DEV_LINES, shared_dir), strict=True))
    assert len(_notes_of_lines(pairs, "kk")) <= 3


# Kazakh hedges and attributions built by suffixes and verb forms (issue 22, 2026-12-04).
# Made-up sentences in the style of NTREX's and Tatoeba's Kazakh.
@pytest.mark.parametrize(("src", "en"), [
    # мүмкін емес is "impossible", мүмкін етеді "enables", мүмкін болады "becomes possible"
    ("Мұндай шешім қабылдау мүмкін емес.", "It is impossible to take such a decision."),
    ("Жаңа заң кәсіпкерлерге несие алуды мүмкін етеді.", "The new law lets entrepreneurs "
     "get loans."),
    ("Келесі жылы көпірден өту мүмкін болады.", "Next year the bridge will open to traffic."),
    # шамасы is "its size" unless it stands aside (Шамасы, …)
    ("Жалақы шамасы өткен жылмен салыстырғанда өсті.", "Salaries grew compared with last year."),
    # the prospective -мақ/-мек and "is about to" for "is likely to"
    ("Министр келесі аптада Астанаға бармақ.", "The minister is likely to visit Astana next week."),
    ("Үкімет салықты көбейтпек.", "The government will probably raise taxes."),
    ("Өзен арнасынан асып, ауылды су басқалы тұр.", "The river is likely to flood the village."),
    # "can" as -а/-е/-й алады
    ("Ол жарысқа қатыса алады.", "He will probably be able to compete."),
    # "reportedly", "apparently": the evidential (көрінеді, екен, -ыпты)
    ("Ол кеше Алматыға келген көрінеді.", "He reportedly arrived in Almaty yesterday."),
    ("Ол кеше Алматыға келіпті.", "He reportedly arrived in Almaty yesterday."),
    ("Ол бұл туралы білмеген екен.", "Apparently he did not know about it."),
    # "according to X" as X's verbal noun in the equative case, and "citing"
    ("Сарапшылардың бағалауынша, баға 10 пайызға өседі.",
     "Prices will rise by 10 percent, according to analysts."),
    ("Полицияға сілтеме жасап, агенттік бес адам қаза тапты деп хабарлады.",
     "Five people died, the agency reported, citing police."),
    # the suspect for "the alleged"
    ("Күдікті шабуылдаушы кеше ұсталды.", "The alleged attacker was detained yesterday."),
    # direct speech set off by dashes, the English in quotation marks
    ("– Біз кез келген жағдайға дайынбыз, – деді министр.",
     "\"We are ready for anything that comes,\" the minister said."),
    # an English quoted title; an English partial quotation after "thanked" (a verb of saying)
    ("Фильм кеше елордада көрсетілді.",
     "The film \"The Lord of the Rings\" was shown in the capital yesterday."),
    ("Әкім еріктілерге жанқиярлық еңбегі үшін алғыс айтты.",
     "The mayor thanked the volunteers for their \"selfless and tireless work.\""),
    # "May" in a title-case headline is the modal
    ("Құрғақшылық болған аймақтарға жаңбырдың пайдасы тиюі мүмкін",
     "Drought Areas May Benefit From The Rain"),
    # "according to the current rules" is no source
    ("Сайлау қазіргі ережелерде бес жылда бір рет өтеді.",
     "According to the current rules, elections are held every five years."),
])
def test_kazakh_hedges_and_attributions_in_verb_forms_are_not_noted(src: str, en: str) -> None:
    assert _kinds(src, en, "kk") == set()


@pytest.mark.parametrize(("src", "en", "expected"), [
    # the same sentences with the framing on one side only
    ("Сарапшылардың бағалауынша, баға 10 пайызға өседі.", "Prices will rise by 10 percent.",
     ("attribution", "dropped")),
    ("Ол кеше Алматыға келді.", "He reportedly arrived in Almaty yesterday.",
     ("attribution", "added")),
    ("Сайлау кейінге қалдырылуы мүмкін.", "The election will be postponed.",
     ("hedge", "dropped")),
    ("Шамасы, ол кеше келді.", "He arrived yesterday.", ("hedge", "dropped")),
    ("Ол жарысқа қатысады.", "He will probably compete.", ("hedge", "added")),
    ("Министр келесі аптада Астанаға барады.", "The minister is likely to visit Astana next "
     "week.", ("hedge", "added")),
    ("Шабуылдаушы кеше ұсталды.", "The alleged attacker was detained yesterday.",
     ("distancing", "added")),
    # no dash, no verb of saying: the English quotation is its own
    ("Министр шешімді қолдады.", "The minister praised the decision as \"the right one for "
     "the country.\"", ("quote", "added")),
    ("Министр дайын екенін айтты.", "\"We are ready for anything that comes.\"",
     ("quote", "added")),
    # Theresa May is no modal, and мүмкін is a hedge the English lacks
    ("Тереза Мэй келуі мүмкін", "Theresa May Arrives In Brussels", ("hedge", "dropped")),
])
def test_kazakh_hedges_and_attributions_one_side_only_are_noted(
        src: str, en: str, expected: tuple[str, str]) -> None:
    assert expected in _kinds(src, en, "kk")


def test_ntrex_kazakh_dev_hedges_in_verb_forms_are_left_alone(shared_dir: Path) -> None:
    """NTREX dev lines the check noted before the Kazakh hedge forms (1-based): the prospective
    for "is likely to" (358 басталмақ … әкелгелі тұр, 698 сөйлемек), "can" for "will likely"
    (688 жүргізе алады), a title-case "May" (357), "thanked … for its "…"" with алғыс айтты
    (266); line 366 ("will likely" stated as plain fact) stays noted."""
    wanted = [266, 357, 358, 366, 688, 698]
    lines = [n - 1 for n in wanted]
    pairs = zip(ntrex_lines("kk", lines, shared_dir), ntrex_lines("en", lines, shared_dir),
                strict=True)
    found = {n: _kinds(s, e, "kk") for n, (s, e) in zip(wanted, pairs, strict=True)}
    assert found == {**{n: set() for n in wanted}, 366: {("hedge", "added")}}


def test_tatoeba_kazakh_notes_bounded(shared_dir: Path) -> None:
    """Tatoeba kk-en (all dev, 434 short human pairs), the Kazakh read as the pipeline reads it
    (Latin look-alike letters folded): 1 note before the Kazakh hedge forms, "Мүмкін емес!" for
    "Impossible!" (line 179), which is no hedge; none after; bound 1."""
    from compare.script_mix import fold_lookalikes

    pairs = [(fold_lookalikes(kk, "kk").text, en) for kk, en in tatoeba_kk_pairs(shared_dir)]
    assert pairs[177] == ("Мүмкін емес!", "Impossible!")
    assert _kinds(*pairs[177], "kk") == set()
    assert len(_notes_of_lines(pairs, "kk")) <= 1


def _notes_of_lines(pairs: list[tuple[str, str]], lang: str) -> list:
    source, target, links = line_documents(pairs, lang)
    return FramingShift(build_lexicon()).run(CheckContext(target, source, links))


def test_the_users_own_words_extend_the_lists(tmp_path: Path) -> None:
    src, en = "Правительство заявило о победе.", "The Kremlin-backed government declared victory."
    assert _kinds(src, en) == set()
    user = tmp_path / "framing.csv"
    user.write_text("language,kind,phrase,strength\n"
                    "en,loaded,Kremlin-backed\n"
                    "ru,hedge,чуть ли не*,weak\n"
                    "xx,hedge,oops\n"
                    "en,spin,oops\n"
                    "en,hedge\n", encoding="utf-8")
    lexicon = load_framing_lexicon(user)
    assert lexicon.user_markers == 2
    assert [p.split(": ", 1)[1] for p in lexicon.problems] == [
        "line 4: language 'xx' is not one of ru, kk, en",
        "line 5: kind 'spin' is not one of attribution, distancing, hedge, loaded",
        "line 6: needs language,kind,phrase"]
    assert _kinds(src, en, lexicon=lexicon) == {("loaded", "added")}
    # A missing file adds nothing and is no problem; an unreadable one is named.
    assert load_framing_lexicon(tmp_path / "none.csv").problems == []
    (tmp_path / "bad.csv").write_bytes(b"\xff\xfe\x00bad")
    assert "cannot be read" in load_framing_lexicon(tmp_path / "bad.csv").problems[0]


def test_a_phrase_ending_in_a_star_takes_any_ending() -> None:
    rows, problems = read_framing_rows("ru,loaded,карател*\n")
    assert problems == [] and rows == [("ru", "loaded", "карател*", "strong")]
    lexicon = build_lexicon(rows)
    assert lexicon.strong("ru", "loaded").search("отряды карателями")
    assert not lexicon.strong("ru", "loaded").search("отряды")


def test_framing_notes_never_count_as_errors_in_corpus_figures(tmp_path: Path) -> None:
    from compare.corpus.records import DocumentResult, FlagRecord
    from compare.corpus.runner import DocumentPair, ResultStore
    from compare.corpus.stats import group_stats, load_documents

    out = tmp_path / "r.sqlite"
    store = ResultStore(out)
    flags = [FlagRecord(0, 0, "framing-shift", "framing", "minor", "source", 0, 3, "m", "{}"),
             FlagRecord(1, 1, "number-mismatch", "number", "major", "target", 0, 1, "m", "{}")]
    store.save(DocumentPair("d", "s", "t", outlet="o"),
               DocumentResult("d", "h", "ok", source_lang="ru", source_sentences=10,
                              target_sentences=10, flags=flags))
    store.close()
    (doc,) = load_documents(out)
    assert doc.flags["category:framing"] == 1
    assert doc.flags["total"] == 1 and "severity:minor" not in doc.flags
    (group,) = group_stats([doc], resamples=20)
    assert group.metrics["total"].value == pytest.approx(10.0)
    assert group.metrics["category:framing"].value == pytest.approx(10.0)
