"""Manifest reading: good rows resolve relative to the manifest, bad rows get their own error."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.corpus.manifest import COLUMNS, read_manifest, write_manifest
from compare.errors import InputError

HEADER = ",".join(COLUMNS)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    for name in ("a.ru.txt", "a.en.txt", "b.kk.txt", "b.en.txt"):
        (tmp_path / "texts" / name).write_text("Text.\n", encoding="utf-8")
    return tmp_path


def _write(folder: Path, *lines: str, name: str = "manifest.csv") -> Path:
    path = folder / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_good_rows_resolve_paths_relative_to_the_manifest(folder: Path) -> None:
    manifest = _write(
        folder,
        "a,lenta.ru,2024-05-01,https://x.test/a,ru,texts/a.ru.txt,texts/a.en.txt,news;politics",
        "b,kazinform,2024-06,,KK,texts/b.kk.txt,texts/b.en.txt,",
    )
    rows, errors = read_manifest(manifest)
    assert errors == []
    assert [r.id for r in rows] == ["a", "b"]
    assert rows[0].source_path == str((folder / "texts" / "a.ru.txt").resolve())
    assert rows[0].tags == ("news", "politics")
    assert rows[0].month == "2024-05"
    assert rows[1].source_lang == "kk" and rows[1].tags == () and rows[1].month == "2024-06"


def test_each_bad_row_gets_its_own_message_and_the_rest_still_load(folder: Path) -> None:
    manifest = _write(
        folder,
        "a,o,,,ru,texts/a.ru.txt,texts/a.en.txt,",
        "missing,o,,,ru,texts/gone.ru.txt,texts/a.en.txt,",
        "lang,o,,,de,texts/a.ru.txt,texts/a.en.txt,",
        "a,o,,,ru,texts/a.ru.txt,texts/a.en.txt,",
        ",o,,,ru,texts/a.ru.txt,texts/a.en.txt,",
        "date,o,May 2024,,ru,texts/a.ru.txt,texts/a.en.txt,",
        "notarget,o,,,ru,texts/a.ru.txt,,",
        "b,o,,,auto,texts/b.kk.txt,texts/b.en.txt,",
    )
    rows, errors = read_manifest(manifest)
    assert [r.id for r in rows] == ["a", "b"]
    messages = {e.line: e.message for e in errors}
    assert "texts/gone.ru.txt does not exist" in messages[3]
    assert "unknown source language 'de'" in messages[4]
    assert "already used on row 2" in messages[5]
    assert "id is empty" in messages[6]
    assert "not YYYY-MM-DD" in messages[7]
    assert "target_path is empty" in messages[8]
    assert all("\n" not in m for m in messages.values())


def test_whole_file_problems_raise_one_input_error(folder: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_manifest(folder / "nope.csv")
    bad = folder / "bad.csv"
    bad.write_text("id,outlet,source_path\nx,o,texts/a.ru.txt\n", encoding="utf-8")
    with pytest.raises(InputError, match="target_path"):
        read_manifest(bad)


def test_excel_bom_and_blank_lines_are_accepted(folder: Path) -> None:
    path = folder / "bom.csv"
    path.write_text("\ufeff" + HEADER + "\n\na,o,,,ru,texts/a.ru.txt,texts/a.en.txt,x\n,,,,,,,\n",
                    encoding="utf-8")
    rows, errors = read_manifest(path)
    assert [r.id for r in rows] == ["a"] and errors == []


def test_write_manifest_round_trips(folder: Path) -> None:
    path = folder / "out.csv"
    write_manifest(path, [{"id": "a", "outlet": "kp", "source_lang": "ru",
                           "source_path": "texts/a.ru.txt", "target_path": "texts/a.en.txt",
                           "tags": ["sys1", "news"]}])
    rows, errors = read_manifest(path)
    assert errors == [] and rows[0].tags == ("sys1", "news") and rows[0].outlet == "kp"


def test_a_field_over_the_csv_limit_is_a_row_error(folder: Path) -> None:
    long_url = "https://x.test/" + "a" * 140_000
    manifest = _write(
        folder,
        f'big,o,,"{long_url}",ru,texts/a.ru.txt,texts/a.en.txt,',
        "b,o,,,auto,texts/b.kk.txt,texts/b.en.txt,",
    )
    rows, errors = read_manifest(manifest)  # raised _csv.Error before
    assert [r.id for r in rows] == ["b"]
    assert len(errors) == 1 and errors[0].id == "big"
    assert "url is 140,015 characters long" in errors[0].message
    import csv

    assert csv.field_size_limit() == 131_072  # the module's global limit is put back


def test_paths_outside_the_manifest_folder_are_refused_unless_allowed(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_text("Secret.\n", encoding="utf-8")
    sub = folder / "sub"
    sub.mkdir()
    manifest = _write(
        sub,
        "up,o,,,ru,../texts/a.ru.txt,../texts/a.en.txt,",
        f"abs,o,,,ru,{outside},../texts/a.en.txt,",
        "link,o,,,ru,inside.txt,../texts/a.en.txt,",
    )
    (sub / "inside.txt").symlink_to(outside)
    rows, errors = read_manifest(manifest)
    assert rows == []
    assert [e.id for e in errors] == ["up", "abs", "link"]
    assert all("outside the manifest's folder" in e.message for e in errors)
    assert all("--allow-outside-paths" in e.message for e in errors)
    rows, errors = read_manifest(manifest, allow_outside_paths=True)
    assert [r.id for r in rows] == ["up", "abs", "link"] and errors == []
    assert rows[1].source_path == str(outside.resolve())


def test_an_unclosed_quote_costs_its_own_row_only(folder: Path) -> None:
    manifest = _write(
        folder,
        "a,o,,,ru,texts/a.ru.txt,texts/a.en.txt,",
        'open,"Reuters,,,ru,texts/a.ru.txt,texts/a.en.txt,',
        "b,o,,,auto,texts/b.kk.txt,texts/b.en.txt,",
        "c,o,,,ru,texts/a.ru.txt,texts/a.en.txt,",
    )
    rows, errors = read_manifest(manifest)  # read rows b and c into one field before
    assert [r.id for r in rows] == ["a", "b", "c"]
    assert [(e.line, e.id) for e in errors] == [(3, "open")]
    assert errors[0].message.startswith("Row 3 (open): a quote opened on this line is never "
                                        "closed")
    assert [r.line for r in rows] == [2, 4, 5]


def test_a_line_with_more_fields_than_the_header_is_its_own_error(folder: Path) -> None:
    manifest = _write(
        folder,
        "a,Reuters, London,,,ru,texts/a.ru.txt,texts/a.en.txt,",
        "b,o,,,auto,texts/b.kk.txt,texts/b.en.txt,",
    )
    rows, errors = read_manifest(manifest)
    assert [r.id for r in rows] == ["b"]
    assert len(errors) == 1 and errors[0].line == 2
    assert "9 fields where the header has 8" in errors[0].message


def test_a_path_no_file_system_accepts_is_a_row_error(folder: Path) -> None:
    manifest = _write(
        folder,
        "nul,o,,,ru,texts/a\x00.ru.txt,texts/a.en.txt,",
        f"long,o,,,ru,texts/{'x' * 300}.txt,texts/a.en.txt,",
        f"deep,o,,,ru,texts/a.ru.txt,{'d/' * 3000}a.en.txt,",
        "b,o,,,auto,texts/b.kk.txt,texts/b.en.txt,",
    )
    rows, errors = read_manifest(manifest)  # ValueError / OSError ended the whole run before
    assert [r.id for r in rows] == ["b"]
    messages = {e.id: e.message for e in errors}
    assert set(messages) == {"nul", "long", "deep"}
    assert "source_path texts/a\\x00.ru.txt cannot name a file (it holds a NUL byte)" in (
        messages["nul"])
    assert "cannot name a file (File name too long)" in messages["long"]
    assert "target_path" in messages["deep"] and "cannot name a file" in messages["deep"]
    assert all(len(m) < 300 and "\x00" not in m for m in messages.values())


@pytest.mark.parametrize("date", ["2024-13-01", "2024-02-30", "2023-02-29", "2024-00",
                                  "0000", "２０２４"])
def test_a_date_that_is_not_in_the_calendar_is_a_row_error(folder: Path, date: str) -> None:
    manifest = _write(folder, f"a,o,{date},,ru,texts/a.ru.txt,texts/a.en.txt,",
                      "b,o,2024-02-29,,auto,texts/b.kk.txt,texts/b.en.txt,")
    rows, errors = read_manifest(manifest)
    assert [r.id for r in rows] == ["b"] and rows[0].month == "2024-02"
    assert len(errors) == 1 and f"the date {date!r}" in errors[0].message
