import os
import textwrap

import pytest

from compare.errors import InputError
from compare.reading import read_bytes, read_file, read_pasted, split_paragraphs
from compare.splits import ntrex_lines

RU = (
    "Президент Казахстана Касым-Жомарт Токаев провёл встречу в Астане.\n"
    "Цены выросли на 5 процентов, сообщил министр."
)
KK = "Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада кездесу өткізді."


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1251", "cp1251"),
        ("koi8_r", "koi8_r"),
        ("cp866", "cp866"),
    ],
)
def test_russian_text_round_trips_in_every_encoding(tmp_path, encoding, expected):
    path = tmp_path / "ru.txt"
    path.write_bytes(RU.encode(encoding))
    got = read_file(path)
    assert got.text == RU  # BOM stripped, nothing else changed
    assert got.encoding == expected
    assert got.kind == "txt"
    if expected.startswith("utf"):
        assert not any("Decoded as" in n and "not UTF-8" in n for n in got.notes)
    else:
        assert any("not UTF-8" in n for n in got.notes)


def test_kazakh_in_kz1048_is_not_mistaken_for_cp1251(tmp_path):
    path = tmp_path / "kk.txt"
    path.write_bytes(KK.encode("kz1048"))
    got = read_file(path)
    assert got.text == KK
    assert got.encoding == "kz1048"


def test_english_in_cp1252_keeps_its_accents():
    text = "He ordered a café au lait and a naïve “latte”."
    got = read_bytes(text.encode("cp1252"), "en.txt")
    assert got.text == text


def test_pound_sign_in_cp1252_is_not_read_as_koi8_r():
    # KOI8-R reads the byte of "£" as "ё": "ё2.8bn" must lose to "£2.8bn".
    text = "Sainsbury's is pushing into the UK's £2.8bn beauty market, its chief said."
    got = read_bytes(text.encode("cp1252"), "en.txt")
    assert got.text == text
    assert got.encoding == "cp1252"


def test_real_lines_in_legacy_encodings_are_decoded_exactly(shared_dir):
    for suffix, encoding in (("rus", "cp1251"), ("kaz", "kz1048"), ("eng", "cp1252")):
        lines = ntrex_lines(suffix, range(0, 200), shared_dir, strip=False)
        for line in lines:
            data = line.encode(encoding, "ignore")
            if data.strip():
                assert read_bytes(data, "a.txt").text == data.decode(encoding), line


def test_damaged_utf8_is_reported_with_its_line_not_read_as_cp1251():
    data = "Первая строка текста.\nВторая строка текста.\n".encode() * 5
    damaged = data[:60] + b"\xff" + data[60:]
    with pytest.raises(InputError) as err:
        read_bytes(damaged, "a.txt")
    assert "UTF-8 text damaged in 1 place" in str(err.value)
    assert "line 2" in str(err.value)


def test_homoglyphs_and_line_content_are_kept_as_given():
    text = "Pоссия и Мoscow — «как есть»."  # Latin P, Latin o
    got = read_pasted(text)
    assert got.text == text


def test_windows_line_endings_become_newlines_and_paragraphs_follow():
    got = read_bytes("Первая строка.\r\nВторая строка.\r\n".encode(), "a.txt")
    assert got.text == "Первая строка.\nВторая строка.\n"
    assert [got.text[p.start : p.end] for p in got.paragraphs] == [
        "Первая строка.",
        "Вторая строка.",
    ]


@pytest.mark.parametrize(
    "data, name, words",
    [
        (b"", "a.txt", ["empty"]),
        (b"   \n\t  \n", "a.txt", ["empty"]),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "photo.txt", ["PNG", "not a text"]),
        (b"%PDF-1.7\n" + bytes(range(256)), "doc.txt", ["PDF"]),
        (b"abc\x00\x01\x02\x03def\x00\xff\xfe\x00\x07", "x.txt", ["binary"]),
        ("Привет".encode(), "notes.pdf", ["not supported", ".txt, .docx or .html"]),
        (b"not a zip at all", "report.docx", ["not a valid .docx"]),
    ],
)
def test_bad_input_gives_one_clear_error(data, name, words):
    with pytest.raises(InputError) as err:
        read_bytes(data, name)
    message = str(err.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_size_limit_names_the_size_and_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("Текст. " * 200_000).encode())  # about 2.6 MB
    with pytest.raises(InputError, match=r"2\.\d MB, over the 1 MB limit"):
        read_file(path, max_bytes=1_000_000)
    with pytest.raises(InputError, match="over the 1 MB limit"):
        read_pasted("x" * 1_000_001, max_bytes=1_000_000)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_file(tmp_path / "nope.txt")


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Первый абзац.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ячейка один."
    table.cell(0, 1).text = "Ячейка два."
    document.add_paragraph("Последний абзац.")
    path = tmp_path / "a.docx"
    document.save(path)
    got = read_file(path)
    assert got.kind == "docx"
    paras = [got.text[p.start : p.end] for p in got.paragraphs]
    assert paras == ["Первый абзац.", "Ячейка один.", "Ячейка два.", "Последний абзац."]


def test_docx_soft_line_break_stays_inside_its_paragraph(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph("Первая строка абзаца,")
    paragraph.add_run().add_break()  # Shift+Enter in Word
    paragraph.add_run("вторая строка того же абзаца.")
    document.add_paragraph("")
    document.add_paragraph("Следующий абзац.")
    path = tmp_path / "soft.docx"
    document.save(path)
    got = read_file(path)
    assert [got.text[p.start : p.end] for p in got.paragraphs] == [
        "Первая строка абзаца,\nвторая строка того же абзаца.",
        "Следующий абзац.",
    ]


def test_empty_docx_says_it_has_no_text(tmp_path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "empty.docx"
    docx.Document().save(path)
    with pytest.raises(InputError, match="has no text"):
        read_file(path)


def test_html_main_text_without_scripts_or_navigation():
    body = " ".join(["Это длинный абзац статьи о выборах в Казахстане, и в нём много слов."] * 4)
    html = f"""<html><head><title>T</title><script>alert('x')</script>
    <style>p {{color: red}}</style></head><body>
    <nav><a href="/">Главная</a> | <a href="/news">Новости</a></nav>
    <article><h1>Заголовок статьи</h1><p>{body}</p>
    <p>Второй абзац: министр заявил, что цены выросли на 5 процентов за год.</p></article>
    <footer>© 2024 Все права защищены</footer></body></html>"""
    got = read_bytes(html.encode("utf-8"), "page.html")
    assert got.kind == "html"
    assert "министр заявил" in got.text
    assert "alert" not in got.text and "color: red" not in got.text
    # trafilatura keeps the article and drops the menu and the footer
    assert "Главная" not in got.text and "права защищены" not in got.text


def test_paragraphs_are_lines_with_exact_spans():
    text = "  Первая строка.  \n\nВторая строка.\nТретья."
    spans = split_paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == ["Первая строка.", "Вторая строка.", "Третья."]


def test_hard_wrapped_text_joins_lines_into_paragraphs():
    text = (
        "This is a long paragraph that\nwraps across several lines and\nends here.\n\n"
        "The second paragraph also\nwraps before it ends.\n"
    )
    spans = split_paragraphs(text)
    assert len(spans) == 2
    assert text[spans[0].start : spans[0].end].endswith("ends here.")
    assert text[spans[1].start : spans[1].end].startswith("The second")


def test_headings_and_one_line_paragraphs_are_not_taken_for_wrapped_text():
    para = "Министр заявил, что цены на продукты выросли на пять процентов за прошедший год."
    text = f"Заголовок статьи\n{para}\n{para}\n\nПодзаголовок\n{para}\n{para}"
    assert len(split_paragraphs(text)) == 6


def test_hard_wrapped_text_without_blank_lines_splits_at_short_last_lines():
    text = (
        "The minister said on Tuesday that prices had risen by five percent\n"
        "over the last year, and that the government would act soon, as\n"
        "it had promised in the spring.\n"
        "Critics said the measures came too late and would do little for\n"
        "families who had already cut their spending on food and fuel in\n"
        "the last months.\n"
        "The central bank kept its key rate unchanged."
    )
    spans = split_paragraphs(text)
    firsts = [" ".join(text[s.start : s.end].split()[:2]) for s in spans]
    assert firsts == ["The minister", "Critics said", "The central"]
    assert text[spans[1].start : spans[1].end].endswith("the last months.")


def test_real_paragraphs_hard_wrapped_at_any_width_come_back(shared_dir):
    lines = ntrex_lines("ru", range(0, 45), shared_dir, strip=False)
    paras = [" ".join(lines[i : i + 3]) for i in range(0, 45, 3)]
    for width in (60, 72, 80):
        text = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in paras)
        got = [text[s.start : s.end] for s in split_paragraphs(text)]
        assert got == [textwrap.fill(p, width, break_on_hyphens=False) for p in paras]


def test_interview_lines_stay_separate_paragraphs():
    text = "— Какие темы обсудят лидеры?\n— Прежде всего экономические.\n— А политику?"
    assert len(split_paragraphs(text)) == 3


def test_real_seed_article_reads_one_paragraph_a_line(shared_dir):
    path = shared_dir / "corpora" / "seed" / "pravda-mendkovich.en.txt"
    got = read_file(path)
    assert got.encoding == "utf-8"
    lines = [x.strip() for x in path.read_text("utf-8").splitlines() if x.strip()]
    assert [got.text[p.start : p.end] for p in got.paragraphs] == lines
    assert "“language patrols.” ”" in got.text


# ------------------------------------------------------------------ hostile input (issue 10)
def _docx_with_body(path, body: bytes) -> None:
    """A real .docx whose document body is replaced by ``body`` (raw WordprocessingML)."""
    import io
    import zipfile

    docx = pytest.importorskip("docx")
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = data.split(b"<w:body>")
                data = head + b"<w:body>" + body + b"<w:sectPr/></w:body></w:document>"
            out.writestr(info.filename, data)


W_P = b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>"


def test_docx_bomb_is_refused_by_its_unpacked_size(tmp_path):
    path = tmp_path / "bomb.docx"
    _docx_with_body(path, W_P % b"a" * 150_000)  # 5 MB of XML in a small zip
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="zip bomb"):
        read_file(path, max_bytes=100_000)


def test_docx_one_huge_paragraph_is_refused_before_it_fills_memory(tmp_path):
    path = tmp_path / "runs.docx"
    _docx_with_body(path, b"<w:p>" + b"<w:r><w:t>a</w:t></w:r>" * 30_000 + b"</w:p>")
    with pytest.raises(InputError, match="one paragraph or table of over"):
        read_file(path, max_bytes=100_000)


def test_docx_too_many_paragraphs_or_too_much_text_is_refused(tmp_path):
    path = tmp_path / "paras.docx"
    _docx_with_body(path, b"<w:p/>" * 6_000)
    with pytest.raises(InputError, match="over 5,000 paragraphs"):
        read_file(path, max_bytes=100_000)
    long = "Очень длинный текст. ".encode() * 3_000
    _docx_with_body(path, (W_P % long) * 3)
    with pytest.raises(InputError, match="million characters of text, over the limit"):
        read_file(path, max_bytes=100_000)


def test_docx_reads_insertions_merged_cells_once_and_nested_tables(tmp_path):
    path = tmp_path / "rich.docx"
    cell = b"<w:tc>%s%s</w:tc>"
    merged_start = b"<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>"
    merged_more = b"<w:tcPr><w:vMerge/></w:tcPr>"
    nested = b"<w:tbl><w:tr>" + cell % (b"", W_P % "Вложенная.".encode()) + b"</w:tr></w:tbl>"
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Было </w:t></w:r><w:ins w:id='1'><w:r>"
        "<w:t>вставлено</w:t></w:r></w:ins><w:del w:id='2'><w:r><w:delText>удалено"
        "</w:delText></w:r></w:del><w:r><w:tab/><w:t>.</w:t></w:r></w:p>".encode()
        + b"<w:tbl><w:tr>" + cell % (merged_start, W_P % "Объединённая.".encode())
        + cell % (b"", W_P % "Справа.".encode() + nested) + b"</w:tr><w:tr>"
        + cell % (merged_more, b"<w:p/>") + cell % (b"", W_P % "Ниже.".encode())
        + b"</w:tr></w:tbl>"
    )
    _docx_with_body(path, body)
    got = read_file(path)
    assert [got.text[p.start : p.end] for p in got.paragraphs] == [
        "Было вставлено\t.", "Объединённая.", "Справа.", "Вложенная.", "Ниже.",
    ]


def test_a_spreadsheet_renamed_docx_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("word/document.xml", "<workbook><sheet>Лист</sheet></workbook>")
    with pytest.raises(InputError, match="not a Word document"):
        read_file(path)


def test_devices_fifos_and_links_to_them_are_refused_without_reading(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="is a device, not a regular file"):
        read_file(link)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes: a blocking open or read would hang here forever
    with pytest.raises(InputError, match="FIFO"):
        read_file(fifo)
    with pytest.raises(InputError, match="is a folder"):
        read_file(tmp_path)


def test_a_file_in_an_unreadable_folder_is_one_line(tmp_path, monkeypatch):
    import compare.reading as reading

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading.os, "open", denied)  # as root, chmod 000 would not stop us
    with pytest.raises(InputError, match="permission denied") as err:
        read_file(tmp_path / "locked" / "a.txt")
    assert "\n" not in str(err.value)


def test_a_file_growing_past_the_limit_while_read_is_cut_at_the_limit(tmp_path, monkeypatch):
    import compare.reading as reading

    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 10)
    real_fstat = os.fstat
    monkeypatch.setattr(reading.os, "fstat", lambda fd: os.stat_result(
        (*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))  # claims 0 bytes, like /proc files
    path.write_bytes(b"a" * 5_000)
    with pytest.raises(InputError, match="over the 0.001 MB limit"):
        read_file(path, max_bytes=1_000)


def test_update_digest_streams_at_most_the_limit_and_never_hangs(tmp_path):
    import hashlib

    from compare.reading import update_digest

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5_000)
    digest = hashlib.sha256()
    update_digest(digest, path, max_bytes=1_000)
    expected = hashlib.sha256(b"x" * 1_001 + b"<over the size limit>")
    assert digest.hexdigest() == expected.hexdigest()
    small = hashlib.sha256()
    path.write_bytes(b"small")
    update_digest(small, path, max_bytes=1_000)
    assert small.hexdigest() == hashlib.sha256(b"small").hexdigest()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    marker = hashlib.sha256()
    update_digest(marker, fifo)
    assert marker.hexdigest() == hashlib.sha256(b"<not a readable regular file>").hexdigest()
    missing = hashlib.sha256()
    update_digest(missing, tmp_path / "missing.txt")
    assert missing.hexdigest() == marker.hexdigest()


DEEP_WORDS = "Глубокий абзац статьи, в котором достаточно слов, чтобы его сохранили."


@pytest.mark.parametrize("depth", [300, 3000])
def test_deeply_nested_html_keeps_its_text(depth):
    html = (
        "<html><body><p>Первый абзац статьи о выборах, и в нём тоже много разных слов.</p>"
        + "<div>" * depth + f"<p>{DEEP_WORDS}</p>" + "</div>" * depth
        + "<p>Последний абзац после глубокой части, тоже довольно длинный текст.</p>"
        "</body></html>"
    )
    got = read_bytes(html.encode(), "deep.html")
    assert DEEP_WORDS in got.text and "Последний абзац" in got.text
    if depth > 2048:  # beyond even libxml2's deep-tree limit: read without the parser, noted
        assert any("could not be parsed" in n for n in got.notes)
    else:
        assert got.notes == []


def test_html_markup_stripping_is_linear_on_unclosed_tags():
    import time

    from compare.reading.html_text import markup_free_text

    start = time.perf_counter()
    markup_free_text("<a" * 200_000 + "<script" * 50_000)
    assert time.perf_counter() - start < 5


def test_half_utf8_half_cp1251_is_decoded_line_by_line_and_noted():
    from compare.langid import detect_language

    first = "Президент провёл встречу в Астане с министрами.\nЦены выросли на 5 процентов.\n"
    second = "Работы начнутся в марте, и сроки могут сдвинуться.\nБюджет увеличат ещё раз."
    got = read_bytes(first.encode("utf-8") + second.encode("cp1251"), "mixed.txt")
    assert got.text == first + second
    assert any("mixes UTF-8 with Windows-1251" in n for n in got.notes)
    assert detect_language(got.text).lang == "ru"  # not Kazakh, as KZ-1048 made it


def test_pasted_lone_surrogates_become_replacement_characters_with_a_note():
    got = read_pasted("Привет \ud83d мир \ud83d\ude00 и всё.")
    assert got.text == "Привет \ufffd мир \U0001f600 и всё."
    got.text.encode("utf-8")  # every export writes UTF-8
    assert any("1 broken character" in n for n in got.notes)


def test_input_notices_name_the_side():
    from compare.reading import input_notices

    target = read_bytes("Café au lait, naïve.".encode("cp1252"), "en.txt")
    source = read_bytes(RU.encode("utf-8"), "ru.txt")
    assert input_notices(target, source) == [f"English: {target.notes[0]}"]
    assert input_notices(target, None) == input_notices(target, source)


def test_page_with_too_many_elements_skips_main_text_extraction(monkeypatch):
    import compare.reading.html_text as html_text

    monkeypatch.setattr(html_text, "HTML_MAX_EXTRACT_ELEMENTS", 100)
    calls = []
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: calls.append(1) or "")
    html = "<html><body>" + "<p>Короткий абзац номер один.</p>" * 200 + "</body></html>"
    got = read_bytes(html.encode(), "many.html")
    assert not calls  # the slow extractor never ran
    assert got.text.count("Короткий абзац") == 200
    assert any("too many to separate its main text" in n for n in got.notes)


def _docx_of_xml(xml: str) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_a_docx_declaring_entities_is_refused_not_read_with_text_missing():
    main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = '<w:body><w:p><w:r><w:t>Visible &e; text.</w:t></w:r></w:p></w:body>'
    with_dtd = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "hidden words">]>'
                f'<w:document xmlns:w="{main}">{body}</w:document>')  # fmt: skip
    with pytest.raises(InputError, match="declares a DTD"):
        read_bytes(_docx_of_xml(with_dtd), "a.docx")
    plain = f'<?xml version="1.0"?><w:document xmlns:w="{main}">{body.replace("&e; ", "")}' \
            "</w:document>"
    assert read_bytes(_docx_of_xml(plain), "a.docx").text.strip() == "Visible text."


def test_a_password_protected_docx_is_named_as_such():
    encrypted = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 2048  # an OLE compound file
    with pytest.raises(InputError, match="password-protected"):
        read_bytes(encrypted, "secret.docx")
