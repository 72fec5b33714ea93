"""Reading input: plain text, .docx and .html, decoded carefully and kept as given.

The text a user gives is the text the report shows: nothing visible is normalised (a Latin
"P" inside a Russian word stays; a check reports it). Only line endings become ``\\n``, which
nobody can see. Every failure is an :class:`~compare.errors.InputError` whose message says
what is wrong and what to do, because a translator should never meet a traceback.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from compare.document import Span
from compare.errors import InputError

DEFAULT_MAX_BYTES = 5_000_000
SUPPORTED_EXTENSIONS = (".txt", ".text", ".md", ".docx", ".html", ".htm")

# Files that are surely not text, recognised by their first bytes.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office file with the wrong extension)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel (.doc/.xls) file; save it as .docx or .txt",
    b"{\\rtf": "an RTF document; save it as .docx or .txt",
}

# Legacy single-byte encodings a Russian or Kazakh text may come in, with a readable name.
_LEGACY = {
    "cp1251": "Windows-1251 (Cyrillic)",
    "kz1048": "KZ-1048 (Kazakh Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)",
    "cp866": "DOS 866 (Cyrillic)",
    "cp1252": "Windows-1252 (Western)",
}
_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SENTENCE_END = tuple(".!?…:;\"”»)’'")


@dataclass
class InputText:
    """A text as read, ready for the pipeline."""

    text: str
    paragraphs: list[Span]
    name: str
    kind: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- entry points
def read_file(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> InputText:
    """Read a .txt, .docx or .html file from disk."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"File not found: {p}.")
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a file.")
    size = p.stat().st_size
    _check_size(size, max_bytes, p.name)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {p.name}: {exc.strerror or exc}.") from exc
    return read_bytes(data, p.name, max_bytes)


def read_bytes(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> InputText:
    """Read an uploaded file's bytes; ``filename`` gives the type by its extension."""
    _check_size(len(data), max_bytes, filename)
    ext = Path(filename).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        what = f"'{ext}' files" if ext else "files without an extension"
        raise InputError(
            f"{filename}: {what} are not supported; use .txt, .docx or .html "
            "(also .text, .md, .htm)."
        )
    if not data.strip():
        raise InputError(f"{filename} is empty.")
    if ext == ".docx":
        return _finish_docx(_docx_paragraphs(data, filename), filename)
    _refuse_binary(data, filename)
    text, encoding, notes = decode_text(data, filename)
    kind = "txt"
    if ext in (".html", ".htm"):
        text = _html_text(text, filename)
        kind = "html"
    return _finish(text, filename, kind, encoding, notes)


def read_pasted(text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> InputText:
    """Take text pasted into a box."""
    _check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, "The pasted text")
    return _finish(text, "pasted text", "paste", None, [])


# --------------------------------------------------------------------------- decoding
def decode_text(data: bytes, name: str = "the file") -> tuple[str, str, list[str]]:
    """Decode bytes to text: BOMs first, then strict UTF-8, BOM-less UTF-16, legacy Cyrillic.

    Returns ``(text, encoding, notes)``. A legacy encoding is chosen by how plausible its
    decoding looks (real Cyrillic words rather than mojibake), and always named in a note.
    """
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts like {enc.upper()} text but cannot be decoded as it."
                ) from exc
    utf16 = _bomless_utf16(data)  # before UTF-8: UTF-16 Cyrillic is also valid ASCII bytes
    if not utf16:
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError as exc:
            _refuse_damaged_utf8(data, exc, name)
    if utf16:
        return data.decode(utf16), utf16, [f"Decoded as {utf16.upper()} (no byte-order mark)."]
    if b"\x00" in data:
        raise InputError(f"{name} looks binary (it contains NUL bytes), not like text.")
    best, best_score = None, float("-inf")
    for enc in _LEGACY:
        try:
            candidate = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(candidate, enc)
        if score > best_score:
            best, best_score = enc, score
    if best is None or best_score < 0:
        raise InputError(
            f"{name} is not UTF-8 and does not look like Windows-1251, KOI8-R or DOS-866 text "
            "either; save it as UTF-8 and try again."
        )
    note = f"Decoded as {_LEGACY[best]}, not UTF-8: check that the text looks right."
    return data.decode(best), best, [note]


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> None:
    """UTF-8 text with a few bad bytes (a cut or a stray byte) must not be read as cp1251
    mojibake, nor silently repaired: say where the damage is so the user can fix the file."""
    decoded = data.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    places = len(re.findall("\ufffd+", decoded))
    good = sum(1 for ch in decoded if ord(ch) > 127) - bad
    if good >= 10 * bad:
        line = data.count(b"\n", 0, exc.start) + 1
        where = "1 place" if places == 1 else f"{places} places"
        raise InputError(
            f"{name} is UTF-8 text damaged in {where} (the first on line {line}); "
            "re-save it as UTF-8 and try again."
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NUL in every other byte for Latin text, or a fixed high
    byte 0x04 for Cyrillic; require the pattern on most pairs so binary data is not taken."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for enc, hi, lo in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        share = sum(1 for b in hi if b in (0, 4, 0x20)) / len(hi)
        if share > 0.9 and sum(1 for b in lo if b == 0) / len(lo) < 0.1:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _control_share(text) < 0.01:
                return enc
    return None


def _plausibility(text: str, enc: str) -> float:
    """How much ``text`` looks like real Russian/Kazakh/English rather than mojibake.

    Right decodings give words of lower-case Cyrillic letters with a capital at the start;
    wrong ones give capitals inside words, box-drawing signs and stray symbols.
    """
    score = 0.0
    prev = ""
    for ch in text:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                score += 1.0 if ch.islower() else 0.3
                if ch.isupper() and prev.isalpha() and prev.islower():
                    score -= 3.0  # a capital in the middle of a word
                if ch in _KAZAKH_LETTERS:
                    score += 0.5 if enc == "kz1048" else 0.0
                if ch in "ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґЄєЇї":
                    score -= 2.0  # Serbian/Ukrainian letters: in KZ-1048 these bytes are Kazakh
                if prev.isascii() and prev.isalpha():
                    score -= 3.0  # Latin and Cyrillic in one word: "Cafй" is a wrong guess
            elif ord(ch) < 128:
                score += 0.5
            else:
                score -= 1.0  # accented Latin letters: rare in our three languages
        elif ch.isdigit() and "\u0400" <= prev <= "\u04ff":
            score -= 3.0  # a letter glued to a number: "ё2.8bn" is "£2.8bn" read as KOI8-R
        elif ord(ch) >= 128 and ch not in "«»“”„‘’–—…№°\u00a0•·§©®™±×€£¥¢₸₽":
            score -= 2.0
        prev = ch
    return score / max(1, len(text))


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / max(1, len(text))


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not a text file.")


# --------------------------------------------------------------------------- formats
def _docx_paragraphs(data: bytes, name: str) -> list[str]:
    """Paragraphs and table cells' paragraphs of a .docx, in document order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise InputError("Reading .docx needs python-docx: pip install python-docx.") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name} is not a valid .docx file (it cannot be opened as one).") from exc
    except Exception as exc:  # python-docx raises several private error types
        raise InputError(f"{name} is not a valid .docx file: {exc}.") from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            seen: set[int] = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(p.text for p in cell.paragraphs)
    return lines


def _finish_docx(paras: list[str], name: str) -> InputText:
    """Join Word's paragraphs with newlines; Word already says where a paragraph ends, so a
    soft line break (Shift+Enter) stays inside its paragraph instead of starting a new one."""
    paras = [p.replace("\r\n", "\n").replace("\r", "\n") for p in paras]
    text = "\n".join(paras)
    spans, start = [], 0
    for para in paras:
        span = _strip_span(text, start, start + len(para))
        if span.end > span.start:
            spans.append(span)
        start += len(para) + 1
    return _finish(text, name, "docx", None, [], spans)


def _html_text(html: str, name: str) -> str:
    """The main text of a web page (trafilatura), or all visible text when that finds none."""
    text = ""
    try:
        import trafilatura

        text = trafilatura.extract(
            html, output_format="txt", include_comments=False, include_tables=True,
            favor_recall=True,
        ) or ""
    except ImportError:  # pragma: no cover - a dependency of the project
        text = ""
    if text.strip():
        return text
    try:
        import lxml.html

        tree = lxml.html.fromstring(html)
        for bad in tree.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        blocks = [t.strip() for t in tree.itertext() if t.strip()]
        return "\n".join(blocks)
    except Exception as exc:  # lxml raises on documents it cannot parse at all
        raise InputError(f"{name} could not be read as a web page: {exc}.") from exc


# --------------------------------------------------------------------------- paragraphs
def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans (surrounding whitespace excluded), in order.

    Each non-blank line is a paragraph, unless the text is hard-wrapped (lines broken at a
    fixed width inside paragraphs, as in e-mails and old .txt files). Then a paragraph ends
    at a blank line, or at a line that ends a sentence well short of the wrap width: word
    wrap fills every line of a paragraph but its last one.
    """
    lines = [(s, e) for s, e in _line_spans(text) if text[s:e].strip()]
    width = _wrap_width(text, lines)
    if width is None:
        return [_strip_span(text, s, e) for s, e in lines]
    spans: list[Span] = []
    first = 0
    for i, (start, end) in enumerate(lines):
        last = i + 1 == len(lines)
        if last or _blank_between(text, end, lines[i + 1][0]) or _short_sentence_end(
            text[start:end].strip(), width
        ):
            spans.append(_strip_span(text, lines[first][0], end))
            first = i + 1
    return spans


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The wrap width when the text is hard-wrapped, else None.

    A line is wrapped when it does not end a sentence and either the next line goes on in
    lower case or the line is about as long as the longest lines. Headings fail both tests
    (short, and followed by a capital), so a text of headings and one-line paragraphs is not
    taken for a wrapped one.
    """
    pairs = [
        (text[s:e].strip(), text[s2:e2].strip())
        for (s, e), (s2, e2) in itertools.pairwise(lines)
        if not _blank_between(text, e, s2)
    ]
    if len(pairs) < 2:
        return None
    lengths = sorted(len(text[s:e].strip()) for s, e in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = sum(
        1
        for line, following in pairs
        if not line.endswith(_SENTENCE_END)
        and (following[:1].islower() or (width >= 40 and len(line) >= 0.75 * width))
    )
    return width if wrapped / len(pairs) > 0.5 else None


def _blank_between(text: str, end: int, next_start: int) -> bool:
    return text.count("\n", end, next_start) >= 2


def _short_sentence_end(line: str, width: int) -> bool:
    return line.endswith(_SENTENCE_END) and len(line) < 0.75 * width


def _line_spans(text: str):
    start = 0
    for m in re.finditer("\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


# --------------------------------------------------------------------------- shared checks
def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise InputError(
            f"{name} is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit; "
            "split it into parts or raise the limit."
        )


def _finish(
    text: str,
    name: str,
    kind: str,
    encoding: str | None,
    notes: list[str],
    paragraphs: list[Span] | None = None,
) -> InputText:
    """Check the decoded text and split it into paragraphs (unless the format gave them)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        what = "has no text" if kind in ("docx", "html") else "is empty"
        raise InputError(f"{name} {what} (only whitespace).")
    if _control_share(text) > 0.01:
        raise InputError(f"{name} looks binary (it is full of control characters), not text.")
    return InputText(
        text=text,
        paragraphs=split_paragraphs(text) if paragraphs is None else paragraphs,
        name=name,
        kind=kind,
        encoding=encoding,
        notes=notes,
    )
