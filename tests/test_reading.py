import textwrap

import pytest

from compare.errors import InputError
from compare.reading import read_bytes, read_file, read_pasted, split_paragraphs

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
    folder = shared_dir / "corpora" / "ntrex128"
    for suffix, encoding in (("rus", "cp1251"), ("kaz", "kz1048"), ("eng", "cp1252")):
        lines = (folder / f"dev.{suffix}.txt").read_text("utf-8").splitlines()[:200]
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
    lines = (shared_dir / "corpora" / "ntrex128" / "dev.rus.txt").read_text("utf-8").splitlines()
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
