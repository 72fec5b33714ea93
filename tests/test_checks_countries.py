"""The country check: another state in the English than in the source (made-up news sentences;
the faithful ones are renderings a translator writes), and the name check leaving such a swap
to it."""

from __future__ import annotations

import pathlib

import pytest
from test_checks_negation import one_pair

from compare.checks import all_checks
from compare.checks.countries import CountryMismatch
from compare.checks.names import NameMismatch
from compare.country_swaps import country_swap, english_countries, source_countries
from compare.splits import ntrex_lines, wmt22_rows


def flags(src: str, eng: str, lang: str = "ru") -> list:
    return CountryMismatch().run(one_pair(src, eng, lang))


@pytest.mark.parametrize(
    ("src", "eng", "lang", "said"),
    [
        # A nationality opening either sentence, or said by a lower-case adjective, which the
        # name check does not read.
        ("Российские войска вошли в город.", "Ukrainian troops entered the city.", "ru",
         "Ukrainian"),
        ("В город вошли российские войска.", "Ukrainian troops entered the city.", "ru",
         "Ukrainian"),
        ("Американские санкции ударили по экономике.", "British sanctions hit the economy.", "ru",
         "British"),
        ("Китайский экспорт вырос на 5 %.", "Japanese exports rose 5%.", "ru", "Japanese"),
        ("Французский президент встретился с немецким канцлером.",
         "The French president met the Italian chancellor.", "ru", "Italian"),
        ("Переговоры прошли в Южной Корее.", "The talks were held in North Korea.", "ru",
         "North Korea"),
        ("Кремль отверг обвинения.", "Kyiv rejected the accusations.", "ru", "Kyiv"),
        ("Ресей әскері қалаға кірді.", "Ukrainian troops entered the city.", "kk", "Ukrainian"),
        ("Американдық санкциялар экономикаға соққы берді.", "British sanctions hit the economy.",
         "kk", "British"),
        ("Қытай экспорты 5 пайызға өсті.", "Japanese exports rose 5%.", "kk", "Japanese"),
        ("Ол Германияға барды.", "He went to France.", "kk", "France"),
    ],
)
def test_swapped_state_is_flagged(src: str, eng: str, lang: str, said: str) -> None:
    found = flags(src, eng, lang)
    assert len(found) == 1
    flag = found[0]
    assert flag.side == "target" and flag.severity == "major" and flag.category == "name"
    assert eng[flag.start : flag.end] == said


@pytest.mark.parametrize(
    ("src", "eng", "lang"),
    [
        ("Российские войска вошли в город.", "Russian troops entered the city.", "ru"),
        # A capital or seat for its state, either way round.
        ("Россия обвинила Украину.", "Moscow accused Kyiv.", "ru"),
        ("Кремль обвинил Киев.", "Russia accused Ukraine.", "ru"),
        ("Пекин ответил Вашингтону.", "China responded to the United States.", "ru"),
        ("Ресей Украинаны айыптады.", "Moscow accused Kyiv.", "kk"),
        # A state the English adds to clarify, or leaves out.
        ("Лавров встретился с коллегой из Китая.",
         "Russia's Lavrov met his Chinese counterpart.", "ru"),
        ("Власти США заявили, что страна готова.", "The authorities said the country is ready.",
         "ru"),
        # One name, several forms: the United States, Britain and England, the language.
        ("Американские власти ответили.", "The U.S. authorities responded.", "ru"),
        ("Британия проголосовала.", "England voted.", "ru"),
        ("Книга переведена на английский.", "The book was translated into English.", "ru"),
        ("Голландские фермеры протестуют.", "Dutch farmers are protesting.", "ru"),
        # Not a state: Latin America, New Mexico, San Francisco, a first name, Korea alone (the
        # English adds a state, so the source's word would be a swap if it were read as one).
        ("Он работал в Латинской Америке.", "He worked in Latin America, like many Canadians.",
         "ru"),
        ("Выборы прошли в Нью-Мексико.", "Elections were held in New Mexico, a US state.", "ru"),
        ("Он живёт в Сан-Франциско.", "He lives in San Francisco, like many Germans.", "ru"),
        ("Герман Греф выступил в Лондоне.", "Russia's Herman Gref spoke in London.", "ru"),
        ("Корея подписала договор.", "South Korea signed a treaty.", "ru"),
        ("Оңтүстік Америка елдері келісті.", "South American countries, like Brazil, agreed.",
         "kk"),
    ],
)
def test_faithful_rendering_is_not_flagged(src: str, eng: str, lang: str) -> None:
    assert flags(src, eng, lang) == []


def test_mentions_and_swap() -> None:
    assert [m[0] for m in english_countries("Russia's and Ukrainian troops, not us")] == [
        "russia", "ukraine"]  # fmt: skip
    assert {m[0] for m in source_countries("Ресейдің және Қытайдың", "kk")} == {"russia", "china"}
    swap = country_swap("Российские войска", "Ukrainian troops", "ru")
    assert swap is not None
    extra, missing = swap
    assert [m[0] for m in extra] == ["ukraine"] and [m[0] for m in missing] == ["russia"]
    assert country_swap("Российские войска", "Russian and Ukrainian troops", "ru") is None


def test_message_names_both_states() -> None:
    found = flags("Российские войска вошли в город.", "Ukrainian troops entered the city.")
    assert "Ukraine" in found[0].message and "Российские" in found[0].message
    assert found[0].evidence == {"source": ["russia"], "target": ["ukraine"]}


def test_every_state_the_english_puts_in_is_flagged() -> None:
    # The English names Russia to clarify and puts Iraq for Syria: the first extra state is not
    # the swapped one, so each is flagged at its first mention.
    src = "Лавров заявил, что войска уйдут из Сирии до конца года."
    eng = "Russia's Lavrov said the troops would leave Iraq by the end of the year."
    found = CountryMismatch().run(one_pair(src, eng))
    assert [eng[f.start : f.end] for f in found] == ["Russia", "Iraq"]
    assert all(f.evidence["source"] == ["syria"] for f in found)


def test_registered_once() -> None:
    assert [c.id for c in all_checks()].count("country-mismatch") == 1


@pytest.mark.parametrize(
    ("src", "eng"),
    [
        ("Власти заявили, что американские санкции ударили по экономике.",
         "The authorities said British sanctions hit the economy."),
        ("Вчера российские войска вошли в город.", "Yesterday Ukrainian troops entered the city."),
    ],
)
def test_name_check_leaves_the_swap_to_the_country_check(src: str, eng: str) -> None:
    ctx = one_pair(src, eng)
    assert NameMismatch().run(ctx) == []
    assert len(CountryMismatch().run(ctx)) == 1


def test_name_check_keeps_a_person_beside_a_swapped_state() -> None:
    """Only the swapped state goes to the country check; an unmatched person stays a name flag."""
    ctx = one_pair("Президент России Владимир Путин прибыл в Пекин.",
                   "Ukrainian President Volodymyr Zelensky arrived in Beijing.")
    found = NameMismatch().run(ctx)
    assert any("Путин" in f.message for f in found)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_ntrex_professional_translations_not_flagged(shared_dir: pathlib.Path, lang: str) -> None:
    """NTREX dev lines 1-700: dev 0 flagged (ru and kk); bound 1 (slack 1)."""
    lines = range(0, 700)
    eng = ntrex_lines("en", lines, shared_dir)
    src = ntrex_lines(lang, lines, shared_dir)
    assert sum(bool(flags(s, e, lang)) for s, e in zip(src, eng, strict=True)) <= 1


def test_wmt22_references_not_flagged(shared_dir: pathlib.Path) -> None:
    """The 950 WMT22 dev segments with their professional reference: dev 0; bound 1 (slack 1)."""
    rows = wmt22_rows("dev", shared_dir)
    assert sum(bool(flags(r["src"], r["ref_A"])) for r in rows) <= 1
