"""The app's Corpus page and the reshaping behind it (:mod:`compare.corpus.view`).

One results database is built per module from a three-document manifest (a changed number,
a lost negation, a faithful Kazakh translation) with the real runner, so the page is tested
on what ``corpus run`` really writes. The page itself is driven headless by AppTest.
"""

from __future__ import annotations

import csv
import io
import pathlib
import sqlite3
import zipfile

import pytest
from lxml import html as lxml_html

from compare.corpus import view
from compare.corpus.manifest import read_manifest, write_manifest
from compare.corpus.runner import RunSettings, load_report, run_corpus
from compare.corpus.stats import group_stats, load_documents
from compare.errors import InputError

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

PAGE = str(pathlib.Path(__file__).resolve().parent.parent / "pages" / "2_Corpus.py")

TEXTS = {
    "lib.ru.txt": "В понедельник в Алматы открылась новая библиотека. Её площадь составляет "
                  "4500 квадратных метров. Вход для читателей будет бесплатным.",
    "lib.en.txt": "A new library opened in Almaty on Monday. Its area is 5400 square metres. "
                  "Entry for readers will be free.",
    "decree.ru.txt": "Министр не подписал указ. Документ вернули на доработку.",
    "decree.en.txt": "The minister signed the decree. The document was sent back for revision.",
    "park.kk.txt": "Астанада жаңа саябақ ашылды. Саябақтың ауданы 35 гектар.",
    "park.en.txt": "A new park opened in Astana. The park covers 35 hectares.",
}
ROWS = [
    {"id": "lib", "outlet": "lenta.ru", "date": "2024-05-01", "source_lang": "ru",
     "source_path": "lib.ru.txt", "target_path": "lib.en.txt", "tags": ["culture"]},
    {"id": "decree", "outlet": "lenta.ru", "date": "2024-06-02", "source_lang": "ru",
     "source_path": "decree.ru.txt", "target_path": "decree.en.txt"},
    {"id": "park", "outlet": "kazinform", "source_lang": "kk",
     "source_path": "park.kk.txt", "target_path": "park.en.txt"},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """The folder of the texts and their manifest."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    write_manifest(folder / "manifest.csv", ROWS)
    return folder


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> RunSettings:
    return RunSettings(embedding_cache=str(tmp_path_factory.mktemp("emb") / "emb.sqlite"),
                       qe=False)


@pytest.fixture(scope="module")
def results(corpus: pathlib.Path, settings: RunSettings) -> str:
    out = corpus / "results.sqlite"
    summary = run_corpus(corpus / "manifest.csv", out, settings, jobs=1, progress=False)
    assert (summary.processed, summary.failed) == (3, 0)
    return str(out)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """The page opens files only in its data folder: here, the test run's temporary folder."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("COMPARE_DATA_DIR", str(base))
    return base


def _page(path: str = "") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    if path:
        at.text_input(key="corpus_db").input(path).run()
        assert not at.exception
    return at


def _frame(at: AppTest, column: str):  # noqa: ANN202 (a pandas frame; pandas stays untyped here)
    """The first table on the page with this column (the page's tables move as it grows)."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def _marks(at: AppTest) -> list:
    body = next(h.proto.body for h in at.get("html") if "table" in h.proto.body)
    return lxml_html.fromstring(body).xpath("//table[@class='pairs']//mark")


# --------------------------------------------------------------------------- the page
def test_page_shows_figures_chart_and_drills_down_to_a_document(results: str) -> None:
    at = _page(results)
    assert not at.error
    table = at.dataframe[0].value
    assert list(table["outlet"]) == ["kazinform", "lenta.ru"]
    assert list(table["documents"]) == [1, 2]
    # Three Altair charts: the bars with error bars, the per-document distribution per group,
    # and one small chart per category.
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    assert "errorbar" in charts[0].proto.spec
    assert '"facet"' in charts[2].proto.spec
    at.selectbox(key="corpus_group").select("lenta.ru").run()
    docs = _frame(at, "id")
    assert sorted(docs["id"]) == ["decree", "lib"]
    at.selectbox(key="corpus_doc").select("lib").run()
    assert not at.exception
    marks = _marks(at)
    assert any("5400" in (m.text_content() or "") for m in marks)
    assert any("sev-critical" in m.get("class", "") for m in marks)


def test_grouping_by_month_and_the_csv_download(results: str) -> None:
    at = _page(results)
    at.radio(key="corpus_by").set_value("month").run()
    assert not at.exception
    groups = list(at.dataframe[0].value["month"])
    assert groups == ["(none)", "2024-05", "2024-06"]
    assert at.selectbox(key="corpus_group").options == groups
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download the statistics (CSV)", "Download every table (Parquet, .zip)",
        "Download the per-category table (CSV)", "Download the comparisons (CSV)"]


def test_categories_and_the_difference_between_two_outlets(results: str) -> None:
    at = _page(results)
    categories = _frame(at, "category")
    # The changed number and the lost negation are lenta.ru's; each category lists both outlets.
    number = categories[categories["category"] == "number"]
    assert dict(zip(number["outlet"], number["critical+major /100"], strict=True))[
        "kazinform"] == 0.0
    assert dict(zip(number["outlet"], number["critical+major /100"], strict=True))[
        "lenta.ru"] > 0
    diffs = _frame(at, "A - B")
    assert (list(diffs["A"]), list(diffs["B"])) == (["kazinform"], ["lenta.ru"])
    assert "too few documents" in diffs["note"][0]
    assert any("Too few documents" in w.value for w in at.warning)
    at.selectbox(key="corpus_compare_metric").select("serious:number").run()
    assert not at.exception
    diffs = _frame(at, "A - B")
    assert diffs["A rate"][0] == 0.0 and diffs["B rate"][0] > 0


def test_running_an_uploaded_manifest_fills_a_new_database(
    corpus: pathlib.Path, settings: RunSettings, tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view, "run_settings", lambda: settings)  # the module's own cache
    out = tmp_path / "new.sqlite"
    at = _page(str(out))
    assert not at.error and any("No results" in i.value for i in at.info)  # nothing there yet
    at.get("file_uploader")[0].upload("manifest.csv", (corpus / "manifest.csv").read_bytes(),
                                      "text/csv").run()
    at.text_input(key="corpus_base").input(str(corpus))
    at.button(key="corpus_run").click().run()
    assert not at.exception and not at.error
    assert "3 checked now" in at.success[0].value
    assert list(at.dataframe[0].value["documents"]) == [1, 2]


def test_running_without_a_manifest_says_so(tmp_path: pathlib.Path) -> None:
    at = _page(str(tmp_path / "new.sqlite"))
    at.button(key="corpus_run").click().run()
    assert not at.exception
    assert any("Choose a" in e.value for e in at.error)


def test_running_an_uploaded_zip_of_articles_with_its_manifest(
    corpus: pathlib.Path, settings: RunSettings, tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch, data_dir: pathlib.Path,
) -> None:
    monkeypatch.setattr(view, "run_settings", lambda: settings)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in [*TEXTS, "manifest.csv"]:
            zf.write(corpus / name, f"articles/{name}")
    home = tmp_path / "home"  # the glossary saved on the article page applies here too
    home.mkdir()
    (home / "glossary.csv").write_text("source,english\nбиблиотека,library\n", "utf-8")
    monkeypatch.setenv("COMPARE_HOME", str(home))
    at = _page("zipped.sqlite")  # a bare name lands in the data folder
    at.get("file_uploader")[0].upload("articles.zip", buf.getvalue(), "application/zip").run()
    at.button(key="corpus_run").click().run()
    assert not at.exception and not at.error
    assert "3 checked now" in at.success[0].value
    assert list(at.dataframe[0].value["documents"]) == [1, 2]
    stored = load_report(str(data_dir / "zipped.sqlite"), "lib")
    assert stored.signature.extra["glossary"].startswith("1 terms")


@pytest.mark.parametrize("member", ["../evil.txt", "/abs/evil.txt"])
def test_a_zip_escaping_its_folder_is_refused(tmp_path: pathlib.Path, member: str) -> None:
    from compare.app_files import unpack_articles_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(member, "x")
        zf.writestr("manifest.csv", "id,source_path,target_path\n")
    with pytest.raises(InputError, match="outside its own folder"):
        unpack_articles_zip(buf.getvalue(), tmp_path / "out")
    assert not (tmp_path / "evil.txt").exists()


def _zip_of(*members: tuple[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.csv", "id,source_path,target_path\n")
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def _patch_member(data: bytes, name: str, offset_local: int, offset_central: int,
                  value: bytes) -> bytes:  # fmt: skip
    """Overwrite a field of ``name``'s local header and central directory entry."""
    out = bytearray(data)
    encoded = name.encode()
    local = out.find(b"PK\x03\x04")
    while local != -1:
        if out[local + 30 : local + 30 + len(encoded)] == encoded:
            out[local + offset_local : local + offset_local + len(value)] = value
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        if out[central + 46 : central + 46 + len(encoded)] == encoded:
            out[central + offset_central : central + offset_central + len(value)] = value
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


@pytest.mark.parametrize("damage, message", [
    ("name clash", "also holds a file or folder of that name"),
    ("lying size", "damaged or its sizes do not match"),
    ("encrypted", "is encrypted"),
])  # fmt: skip
def test_a_zip_that_cannot_be_unpacked_gives_one_line(tmp_path: pathlib.Path, damage: str,
                                                      message: str) -> None:  # fmt: skip
    from compare.app_files import unpack_articles_zip

    if damage == "name clash":
        data = _zip_of(("a.txt", "x"), ("a.txt/b.txt", "y"))
    elif damage == "lying size":  # the uncompressed size says 3 bytes, the data holds 5,000
        import struct

        data = _patch_member(_zip_of(("a.txt", "x" * 5000)), "a.txt", 22, 24,
                             struct.pack("<I", 3))  # fmt: skip
    else:  # the general-purpose flag's bit 0: encrypted
        data = _patch_member(_zip_of(("a.txt", "x" * 100)), "a.txt", 6, 8, b"\x01\x00")
    with pytest.raises(InputError, match=message):
        unpack_articles_zip(data, tmp_path / "out")


def test_a_path_outside_the_data_folder_is_refused(tmp_path: pathlib.Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPARE_DATA_DIR", str(tmp_path / "data"))
    at = _page("/etc/passwd")
    assert not at.exception
    assert len(at.error) == 1 and "outside the data folder" in at.error[0].value
    at = _page("../escape.sqlite")
    assert len(at.error) == 1 and "outside the data folder" in at.error[0].value


@pytest.mark.parametrize("kind", ["text", "other_sqlite", "folder"])
def test_a_wrong_path_gives_a_message_not_a_traceback(tmp_path: pathlib.Path, kind: str) -> None:
    path = tmp_path / "x.sqlite"
    if kind == "text":
        path.write_text("not a database at all\n" * 50)
    elif kind == "other_sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    elif kind == "folder":
        path = tmp_path
    at = _page(str(path))
    assert not at.exception
    assert len(at.error) == 1
    assert not at.get("vega_lite_chart")


def test_the_page_opens_on_results_sqlite_and_asks_for_a_name_when_emptied() -> None:
    at = _page()
    assert not at.error and not at.exception
    # No results.sqlite in the data folder yet: the page says so and opens the run section.
    assert "No results at" in at.info[0].value and "results\\.sqlite" in at.info[0].value
    assert at.expander[0].proto.expanded
    at.text_input(key="corpus_db").input("").run()
    assert "Give the name" in at.info[0].value


def test_every_table_downloads_as_parquet(results: str) -> None:
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(view.parquet_zip(results))).namelist()
    assert {"documents.parquet", "pairs.parquet", "flags.parquet",
            "group_figures.parquet"} <= set(names)


# --------------------------------------------------------------------------- view functions
def test_stats_records_and_chart_records_carry_the_intervals(results: str) -> None:
    docs = load_documents(results)
    stats = group_stats(docs, "outlet", resamples=200)
    rows = view.stats_records(stats, "outlet")
    lenta = next(r for r in rows if r["outlet"] == "lenta.ru")
    # lib has a critical number flag and decree a lost negation: both in critical+major.
    assert lenta["critical+major /100"] > 0
    bars = {r["group"]: r for r in view.chart_records(stats)}
    assert bars["lenta.ru"]["low"] <= bars["lenta.ru"]["value"] <= bars["lenta.ru"]["high"]
    # The faithful Kazakh translation must not be flagged as critical or major.
    assert bars["kazinform"]["value"] == 0


def test_document_records_filter_by_group_and_give_rates(results: str) -> None:
    docs = load_documents(results)
    every = view.document_records(docs, "outlet")
    assert {r["id"] for r in every} == {"lib", "decree", "park"}
    lenta = view.document_records(docs, "outlet", "lenta.ru")
    assert {r["id"] for r in lenta} == {"lib", "decree"}
    lib = next(r for r in lenta if r["id"] == "lib")
    assert lib["critical+major /100"] == pytest.approx(100 * lib["critical+major"] / 3, abs=0.01)
    assert view.document_records(docs, "tag", "culture")[0]["id"] == "lib"


def test_open_results_rejects_empty_and_folder(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="Give the path"):
        view.open_results("  ")
    with pytest.raises(InputError, match="folder"):
        view.open_results(str(tmp_path))


def test_localise_manifest_resolves_relative_paths(corpus: pathlib.Path,
                                                   tmp_path: pathlib.Path) -> None:
    data = (corpus / "manifest.csv").read_bytes()
    out = view.localise_manifest(data, str(corpus), tmp_path / "m.csv")
    rows, errors = read_manifest(out, allow_outside_paths=True)  # absolute now, by design
    assert not errors and [r.id for r in rows] == ["lib", "decree", "park"]
    with pytest.raises(InputError, match="folder"):
        view.localise_manifest(data, str(tmp_path / "nowhere"), tmp_path / "m2.csv")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "source_path", "target_path"])
    writer.writerows([[f"d{i}", "a.txt", "b.txt"] for i in range(view.MAX_APP_DOCUMENTS + 1)])
    with pytest.raises(InputError, match="at most"):
        view.localise_manifest(buf.getvalue().encode(), str(corpus), tmp_path / "m3.csv")


def test_failed_documents_are_listed(results: str) -> None:
    assert view.failed_documents(results) == []
