"""The glossary: reading CSV and TBX, matching Russian and Kazakh inflected forms, the built-in
abbreviations, the user's own file in $COMPARE_HOME, and its feed into the name check."""

from __future__ import annotations

import pytest

from compare.alignment_types import AlignedPair
from compare.checks.base import CheckContext
from compare.checks.names import NameMismatch
from compare.document import Document, Sentence, Span
from compare.errors import InputError
from compare.glossary import (
    BUILTIN,
    Glossary,
    Term,
    load_glossary,
    load_user_glossary,
    parse_csv,
    read_glossary,
    save_user_glossary,
)


def one_pair(src: str, eng: str, glossary: Glossary | None = None) -> CheckContext:
    source = Document(src, "ru", [Span(0, len(src))], [Sentence(0, 0, len(src), 0)])
    target = Document(eng, "en", [Span(0, len(eng))], [Sentence(0, 0, len(eng), 0)])
    return CheckContext(target=target, source=source, pairs=[AlignedPair((0,), (0,), 1.0)],
                        glossary=glossary)


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(t.label, text[a:b]) for t, a, b in glossary.find_in_source(text)]


# --------------------------------------------------------------------------- matching
def test_builtin_abbreviations_are_found_in_russian_and_kazakh_with_endings() -> None:
    text = "Санкции США против РФ. АҚШ-тың және Ресейдің өкілдері БҰҰ-да. ЕС и ООН."
    assert found(Glossary(), text) == [
        ("США", "США"), ("РФ", "РФ"), ("США", "АҚШ"), ("РФ", "Ресейдің"), ("ООН", "БҰҰ"),
        ("ЕС", "ЕС"), ("ООН", "ООН"),
    ]


def test_acronyms_match_only_in_capitals() -> None:
    # Kazakh "ес" (mind) is not the EU; "сша" in lower case is not an acronym.
    assert found(Glossary(), "Оның есі кетті, ес жоқ.") == []


def test_inflected_russian_terms_match_by_stem_not_by_string() -> None:
    g = Glossary.with_user_terms(parse_csv("санкция,restrictive measures\n"
                                           "Министерство иностранных дел,Foreign Ministry\n"))
    text = "Новые санкциями; министерства иностранных дел; санки во дворе."
    assert found(g, text) == [("санкция", "санкциями"),
                              ("Министерство иностранных дел", "министерства иностранных дел")]


@pytest.mark.parametrize(("english", "present"), [
    ("The United States said", True), ("U.S. officials", True), ("the US's plan", True),
    ("American diplomats", True), ("tell us about it", False), ("the country", False),
])
def test_english_renderings_match_whole_words_and_acronyms_in_capitals(english, present) -> None:
    us = next(t for t in BUILTIN if t.label == "США")
    assert Glossary.english_has(us, english) is present


# --------------------------------------------------------------------------- reading
def test_csv_with_header_alternatives_and_note() -> None:
    terms = parse_csv("source,english,note\nМинздрав|Денсаулық сақтау министрлігі,"
                      "Health Ministry;Ministry of Health,client term\n\n# a comment\n")
    assert terms == [Term(("Минздрав", "Денсаулық сақтау министрлігі"),
                          ("Health Ministry", "Ministry of Health"), "client term")]


def test_semicolon_csv_with_bom_reads_like_excel_saves_it() -> None:
    data = "\ufeffsource;english\nРосгвардия;Rosgvardia\n".encode()
    assert read_glossary(data, "g.csv") == [Term(("Росгвардия",), ("Rosgvardia",))]


def test_tbx_basic_and_v3_entries() -> None:
    tbx = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="1"><descrip type="definition">agency</descrip>
 <langSet xml:lang="ru"><tig><term>Роскосмос</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Roscosmos</term></tig>
  <tig><term>Russian space agency</term></tig></langSet>
</termEntry>
<conceptEntry id="2">
 <langSec xml:lang="kk"><termSec><term>Парламент Мәжілісі</term></termSec></langSec>
 <langSec xml:lang="en-GB"><termSec><term>Mazhilis</term></termSec></langSec></conceptEntry>
</body></text></martif>"""
    terms = read_glossary(tbx.encode(), "terms.tbx")
    assert [(t.source, t.english) for t in terms] == [
        (("Роскосмос",), ("Roscosmos", "Russian space agency")),
        (("Парламент Мәжілісі",), ("Mazhilis",)),
    ]
    assert terms[0].note == "agency"


@pytest.mark.parametrize(("data", "name", "says"), [
    (b"\xff\xfe\x00bad", "g.csv", "not UTF-8"),
    (b"only one column\n", "g.csv", "line 1"),
    (b"<martif><text><body></body></text></martif>", "g.tbx", "no entry"),
    (b"<martif><unclosed>", "g.tbx", "not a readable TBX"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><martif/>', "g.tbx", "entities"),
])
def test_bad_glossary_files_give_one_line(data, name, says) -> None:
    with pytest.raises(InputError, match=says):
        read_glossary(data, name)


def test_missing_glossary_file_is_one_line(tmp_path) -> None:
    with pytest.raises(InputError, match="Glossary not found"):
        load_glossary(tmp_path / "nope.csv")


def test_user_glossary_persists_in_compare_home(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COMPARE_HOME", str(tmp_path / "home"))
    terms = [Term(("Минздрав",), ("Health Ministry",), "")]
    path = save_user_glossary(terms)
    assert path == tmp_path / "home" / "glossary.csv"
    glossary, problem = load_user_glossary()
    assert problem == "" and glossary.user_terms == terms
    assert glossary.fingerprint() and Glossary().fingerprint() == ""


def test_a_damaged_user_glossary_is_reported_and_left_alone(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COMPARE_HOME", str(tmp_path))
    (tmp_path / "glossary.csv").write_text("no english column\n", encoding="utf-8")
    glossary, problem = load_user_glossary()
    assert "line 1" in problem and glossary.user_terms == []
    assert (tmp_path / "glossary.csv").read_text(encoding="utf-8") == "no english column\n"


def test_user_entry_replaces_the_builtin_entry_of_the_same_form() -> None:
    g = Glossary.with_user_terms([Term(("РФ",), ("Russian Federation",))])
    rf = [t for t in g.terms if "РФ" in t.source]
    assert len(rf) == 1 and rf[0].english == ("Russian Federation",)


# --------------------------------------------------------------------------- name check feed
def test_glossary_pair_is_not_a_name_flag() -> None:
    src = "Заявление сделал Роспотребнадзор в Омске."
    eng = "The statement came from the consumer watchdog in Omsk."
    assert [f.side for f in NameMismatch().run(one_pair(src, eng))] == ["source"]
    g = Glossary.with_user_terms(parse_csv("Роспотребнадзор,consumer watchdog"))
    assert NameMismatch().run(one_pair(src, eng, g)) == []


def test_builtin_abbreviations_are_not_name_flags() -> None:
    src = "Представитель МИД РФ заявил, что США и ЕС ввели санкции."
    eng = "A spokesman for the Russian Federation's Foreign Ministry said the US and the EU " \
          "imposed sanctions."
    assert NameMismatch().run(one_pair(src, eng)) == []


# --------------------------------------------------------------------------- CLI and corpus
def test_cli_glossary_removes_the_name_flag_and_names_itself(tmp_path, capsys) -> None:
    from compare.cli import main

    (tmp_path / "g.csv").write_text("source,english\nРоспотребнадзор,consumer watchdog\n",
                                    "utf-8")
    (tmp_path / "s.txt").write_text("Заявление сделал Роспотребнадзор в Омске.\n", "utf-8")
    (tmp_path / "t.txt").write_text("The statement came from the consumer watchdog in Omsk.\n",
                                    "utf-8")
    base = ["check", "--source", str(tmp_path / "s.txt"), "--target", str(tmp_path / "t.txt"),
            "--no-qe", "--no-mt", "--quiet"]
    assert main([*base, "--json", str(tmp_path / "a.json")]) == 0
    assert main([*base, "--json", str(tmp_path / "b.json"),
                 "--glossary", str(tmp_path / "g.csv")]) == 0
    import json

    without = json.loads((tmp_path / "a.json").read_text("utf-8"))
    with_it = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert without["summary"]["category"] == {"name": 1}
    assert with_it["summary"]["category"] == {}
    assert with_it["signature"]["glossary"].startswith("1 terms, ")
    assert main([*base, "--glossary", str(tmp_path / "none.csv")]) == 2
    assert "Glossary not found" in capsys.readouterr().err


def test_corpus_fingerprint_changes_with_the_glossary(tmp_path) -> None:
    from compare.corpus.runner import RunSettings

    g = Glossary.with_user_terms(parse_csv("Росгвардия,National Guard"))
    assert RunSettings().fingerprint() != RunSettings(glossary="g.csv",
                                                      glossary_id=g.fingerprint()).fingerprint()


# --------------------------------------------------------------------------- real news
def test_no_flag_for_the_builtin_abbreviations_on_professional_news(shared_dir) -> None:
    """WMT22 ru-en dev documents (even positions, 950 segments) with their professional English:
    РФ, США, ЕС and the others are neither name flags nor terminology flags (dev: 12 segments
    hold one; at least 10 must, slack 2)."""
    from compare.checks.terminology import TerminologyMismatch
    from compare.splits import wmt22_rows

    segments = [(row["src"], row["ref_A"]) for row in wmt22_rows("dev", shared_dir)]
    g = Glossary()
    with_term = [(ru, en) for ru, en in segments if g.find_in_source(ru)]
    assert len(with_term) >= 10
    abbreviations = {s for t in BUILTIN for s in t.source} | {
        "Russian Federation", "United States", "EU", "UN", "CIS", "CSTO", "EAEU"}
    for ru, en in with_term:
        ctx = one_pair(ru, en)
        assert TerminologyMismatch().run(ctx) == [], (ru, en)
        for flag in NameMismatch().run(ctx):
            shown = (ru if flag.side == "source" else en)[flag.start : flag.end]
            assert not any(a in shown.split() for a in abbreviations), (shown, ru, en)
