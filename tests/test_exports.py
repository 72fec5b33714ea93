"""Exports: offline HTML with escaped text, TMX 1.4 and XLIFF 1.2 that parse back."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from lxml import html as lxml_html

from compare.app_run import run_review
from compare.demos import demo_texts
from compare.exports import FORMATS, XLIFF_NS, export, to_html, to_tmx, to_xliff
from compare.reading import read_pasted
from compare.report import Report
from compare.review import build_rows

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
X = f"{{{XLIFF_NS}}}"


@pytest.fixture(scope="module")
def report(embedder):
    src, tgt = demo_texts("Russian → English")
    return run_review(read_pasted(tgt), read_pasted(src), {}, embedder)


@pytest.fixture(scope="module")
def hostile(embedder):
    """Both sides with markup, quotes, ampersands and a control character in them."""
    text = (
        'The <script>alert("x")</script> tag & "quotes.\n'
        "A form feed\x0c here, and <b>bold</b> text.\n"
    )
    source = (
        'Тег <script>alert("x")</script> и & "кавычки.\n'
        "Разрыв страницы\x0c здесь и <b>жирный</b> текст.\n"
    )
    return run_review(read_pasted(text), read_pasted(source), {}, embedder)


# --------------------------------------------------------------------------- HTML
def test_html_is_self_contained_and_highlights_every_flag(report):
    page = to_html(report, title="Demo")
    tree = lxml_html.fromstring(page)
    marked = {c for m in tree.xpath("//mark") for c in m.get("data-check").split()}
    assert marked == {f.check for f in report.all_flags()}
    assert tree.xpath("//mark[@data-check='number-mismatch']")[0].text_content() == "5400"
    doubled = tree.xpath("//mark[contains(@data-check, 'doubled-punctuation')]")[0]
    # one flag for "..": a doubled period, not also "ends with an ellipsis"
    assert doubled.text_content() == ".." and doubled.get("data-check") == "doubled-punctuation"
    assert not tree.xpath("//script|//link|//img|//iframe")
    assert "http://" not in page and "https://" not in page
    assert len(tree.xpath("//table[@class='pairs']/tbody/tr")) == len(report.pairs)


def test_html_escapes_user_text(hostile):
    page = to_html(hostile, title="<i>title</i>")
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script|//b|//i")
    body = tree.text_content()
    assert '<script>alert("x")</script>' in body and "<b>bold</b>" in body
    assert "<i>title</i>" in body
    for item in tree.xpath("//section[@class='read-first']//li"):
        assert not item.xpath(".//*[not(self::a or self::span)]")  # no markup of the texts


def test_html_reads_first_the_riskiest_pairs_linked_to_their_rows(report):
    from compare.report import READ_FIRST_FLOOR
    from compare.risk import riskiest

    ranked = riskiest(report, 10)
    picked = [n for n in ranked if report.pairs[n].main_flag is not None
              or (report.pairs[n].risk or 0.0) >= READ_FIRST_FLOOR]  # fmt: skip
    assert picked  # the demo has planted errors
    tree = lxml_html.fromstring(to_html(report))
    items = tree.xpath("//section[@class='read-first']//li")
    assert [li.xpath("a")[0].get("href") for li in items] == [f"#pair-{n + 1}" for n in picked]
    for li, n in zip(items, picked, strict=True):
        assert tree.xpath(f"//table[@class='pairs']//tr[@id='pair-{n + 1}']")
        pair = report.pairs[n]
        assert li.xpath("span[@class='risk']")[0].text_content() == f"{pair.risk:.0%}"
        words = report.pair_text(pair, "target").split()[:3]
        assert " ".join(words) in li.xpath("span[@class='opening']")[0].text_content()
        if pair.main_flag is not None:
            assert pair.main_flag.message in li.text_content()
    # and every row carries its own risk under its number
    risks = tree.xpath("//table[@class='pairs']//td[@class='n']/span[@class='risk']")
    assert [r.text_content() for r in risks] == [f"{p.risk:.0%}" for p in report.pairs]


def test_html_read_first_names_the_next_flag_when_one_is_dismissed(report):
    n = next(i for i, p in enumerate(report.pairs)
             if any(f.check == "number-mismatch" for f in p.flags))
    assert n in _riskiest(report)  # a critical number change is among the ten to read first
    number = next(f for f in report.pairs[n].flags if f.check == "number-mismatch")
    item = _read_first_item(to_html(report), n)
    assert number.message in item.text_content()
    item = _read_first_item(to_html(report, {_number_key(report)}), n)
    assert number.message not in item.text_content()


def _read_first_item(page: str, n: int):
    tree = lxml_html.fromstring(page)
    return tree.xpath(f"//section[@class='read-first']//li[a/@href='#pair-{n + 1}']")[0]


def _riskiest(report) -> list[int]:
    from compare.risk import riskiest

    return riskiest(report, 10)


def test_json_export_has_a_risk_for_every_pair(report):
    data = json.loads(export(report, "JSON"))
    assert [p["risk"] for p in data["pairs"]] == [p.risk for p in report.pairs]
    assert all(0.0 <= p["risk"] <= 1.0 for p in data["pairs"])


def _number_key(report) -> str:
    return next(rf.key for r in build_rows(report) for rf in r.flags
                if rf.flag.check == "number-mismatch")


def test_html_lists_dismissed_flags_marked_and_counts_them(report):
    tree = lxml_html.fromstring(to_html(report, {_number_key(report)}))
    assert not tree.xpath("//mark[@data-check='number-mismatch']")
    assert tree.xpath("//mark[@data-check='negation-mismatch']")
    gone = tree.xpath("//td[@class='flags']//span[@class='dismissed']")
    assert len(gone) == 1 and "5400" in gone[0].text_content()
    assert tree.xpath("//td[@class='dismissed-count']")[0].text_content() == "1"


def test_every_export_keeps_dismissed_flags_marked(report):
    key = _number_key(report)
    data = json.loads(export(report, "JSON", {key}))
    flags = [f for p in data["pairs"] for f in p["flags"]]
    assert [f["check"] for f in flags if f["dismissed"]] == ["number-mismatch"]
    assert data["summary"]["dismissed"] == 1
    assert "number" not in data["summary"]["category"]
    rows = list(csv.DictReader(io.StringIO(export(report, "CSV", {key}).decode("utf-8"))))
    gone = [r for r in rows if r["dismissed_flags"]]
    assert len(gone) == 1 and "[dismissed]" in gone[0]["dismissed_flags"]
    assert "number-mismatch" not in gone[0]["flags"]
    assert b"dismissed, critical" in export(report, "TMX", {key})
    xliff = ET.fromstring(export(report, "XLIFF", {key}))
    notes = [n for n in xliff.iter(X + "note") if n.get("from") == "compare:number-mismatch"]
    assert [n.get("priority") for n in notes] == ["10"]
    assert notes[0].text.startswith("[dismissed/critical/number]")


def test_an_ignore_rule_dismisses_the_flag_in_every_pair(report):
    rule = ("number-mismatch", "5400")
    data = json.loads(export(report, "JSON", rules={rule}))
    assert data["summary"]["dismissed"] == 1


def test_csv_numbers_pairs_from_one_and_neutralises_formulas():
    text = "=HYPERLINK(\"http://x\") is here.\n+1 more line.\n"
    report = run_review(read_pasted(text), None, {}, None)
    rows = list(csv.DictReader(io.StringIO(export(report, "CSV").decode("utf-8"))))
    assert [r["pair"] for r in rows] == ["1", "2"]
    assert rows[0]["target_text"].startswith("'=HYPERLINK")
    assert rows[1]["target_text"].startswith("'+1")


def test_html_without_a_source_has_one_text_column():
    report = run_review(read_pasted("He said hello. Then he left."), None, {}, None)
    tree = lxml_html.fromstring(to_html(report))
    assert [th.text_content() for th in tree.xpath("//table[@class='pairs']//th")] == [
        "#", "English", "Flags"]
    assert "no source: added" not in tree.text_content()


# --------------------------------------------------------------------------- TMX
def test_tmx_parses_back_with_both_languages(report):
    root = ET.fromstring(to_tmx(report))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "ru"
    units = root.findall("body/tu")
    full = [p for p in report.pairs if p.source and p.target]
    assert len(units) == len(full)
    for tu, pair in zip(units, full, strict=True):
        segs = {tuv.get(XML_LANG): tuv.findtext("seg") for tu_ in [tu] for tuv in tu_.iter("tuv")}
        assert segs == {"ru": report.pair_text(pair, "source"),
                        "en": report.pair_text(pair, "target")}


def test_tmx_reads_in_translate_toolkit(report):
    tmx = pytest.importorskip("translate.storage.tmx")
    store = tmx.tmxfile.parsestring(to_tmx(report))
    units = [u for u in store.units if u.source]
    assert units[1].source == report.pair_text(report.pairs[1], "source")
    assert units[1].target == report.pair_text(report.pairs[1], "target")


def test_xml_exports_survive_hostile_text(hostile):
    for data in (to_tmx(hostile), to_xliff(hostile)):
        root = ET.fromstring(data)
        texts = " ".join(t for t in root.itertext())
        assert '<script>alert("x")</script>' in texts and "\ufffd" in texts
        assert "<b>жирный</b>" in texts


# --------------------------------------------------------------------------- XLIFF
def test_xliff_has_a_unit_per_pair_and_flags_as_notes(report):
    root = ET.fromstring(to_xliff(report))
    assert root.get("version") == "1.2"
    file_el = root.find(X + "file")
    assert file_el.get("source-language") == "ru" and file_el.get("target-language") == "en"
    units = root.iter(X + "trans-unit")
    units = list(units)
    assert len(units) == len(report.pairs)
    for unit, pair in zip(units, report.pairs, strict=True):
        notes = unit.findall(X + "note")
        assert len(notes) == len(pair.flags)
        assert unit.findtext(X + "source") in (report.pair_text(pair, "source"), None)
        if not pair.target:
            assert unit.find(X + "target").get("state") == "needs-translation"
    critical = [n for n in root.iter(X + "note") if n.get("priority") == "1"]
    assert len(critical) == report.counts()["severity"]["critical"]


def test_xliff_reads_in_translate_toolkit(report):
    xliff = pytest.importorskip("translate.storage.xliff")
    store = xliff.xlifffile.parsestring(to_xliff(report))
    units = store.getunits()
    assert len(units) == len(report.pairs)
    flagged = next(u for u, p in zip(units, report.pairs, strict=True)
                   if any(f.check == "number-mismatch" for f in p.flags))
    assert "4500" in flagged.getnotes() and "5400" in flagged.target


# --------------------------------------------------------------------------- all formats
def test_every_format_exports_and_json_round_trips(report):
    for fmt in FORMATS:
        assert export(report, fmt)
    back = Report.from_dict(json.loads(export(report, "JSON")))
    assert len(back.all_flags()) == len(report.all_flags())
    rows = list(csv.reader(io.StringIO(export(report, "CSV").decode("utf-8"))))
    assert len(rows) == len(report.pairs) + 1


def test_machine_translation_column_appears_only_when_mt_ran(report):
    from dataclasses import replace

    from compare.exports import rows_table_html

    plain = lxml_html.fromstring(rows_table_html(build_rows(report)))
    assert "Machine translation" not in plain.text_content()
    mt = {"en": "The <b>library</b> is free.", "back": "Библиотека бесплатна."}
    pairs = [replace(p, mt=mt if n == 4 else None) for n, p in enumerate(report.pairs)]
    table = lxml_html.fromstring(rows_table_html(build_rows(replace(report, pairs=pairs))))
    assert "Machine translation" in table.text_content()
    cells = table.xpath("//td[@class='mt']")
    assert len(cells) == len(report.pairs) and not table.xpath("//td[@class='mt']//b")
    assert "The <b>library</b> is free." in cells[4].text_content()


@pytest.mark.parametrize("document, fmt, expected", [
    ("library.en.txt", "JSON", "library.en-report.json"),
    ("/home/u/Статья 1.docx", "TMX", "Статья-1-pairs.tmx"),
    ("https://eadaily.com/ru/news/2022/01/10/article-name.html", "CSV", "article-name-report.csv"),
    ("https://example.com/", "XLIFF", "example.com-flags.xlf"),
    ("../../etc/passwd?.txt", "HTML", "passwd-report.html"),  # no path, no odd characters
    ("pasted text", "JSON", "report.json"),
    (None, "JSON", "report.json"),
])  # fmt: skip
def test_downloads_are_named_after_the_document(document, fmt, expected) -> None:
    from compare.exports import download_name

    assert download_name(document, fmt) == expected


def test_the_html_page_names_the_document_and_when_it_was_exported() -> None:
    import re

    from compare.exports import export
    from compare.pipeline import check_texts
    from compare.reading import read_pasted

    report = check_texts(read_pasted("The library opened on Monday."))
    page = export(report, "HTML", document="library <en>.txt").decode("utf-8")
    assert "<h1>Translation check: library &lt;en&gt;.txt</h1>" in page
    assert re.search(r"Exported \d{4}-\d\d-\d\d \d\d:\d\d UTC\.", page)
    assert 'style="overflow-wrap:anywhere"' in page  # the long signature wraps


def test_search_words_are_outlined_in_the_table_and_never_unescaped() -> None:
    from compare.exports import rows_table_html
    from compare.reading import read_pasted
    from compare.review import build_rows

    text = 'The <b>library</b> opened "on   Monday"; the LIBRARY is large.\n'
    report = run_review(read_pasted(text), None, {}, None)
    table = rows_table_html(build_rows(report), search="library")
    page = lxml_html.fromstring(table)
    hits = [h.text_content() for h in page.xpath("//span[@class='hit']")]
    assert hits == ["library", "LIBRARY"]  # case-insensitive, the text as written
    assert "<b>" not in table and "&lt;b&gt;" in table
    # A search across several spaces matches, as the row search does.
    spaced = rows_table_html(build_rows(report), search="on monday")
    assert [h.text_content() for h in lxml_html.fromstring(spaced).xpath(
        "//span[@class='hit']")] == ["on   Monday"]
    assert rows_table_html(build_rows(report)).count('class="hit"') == 0
