"""Reading input: plain text, .docx and .html, decoded carefully and kept as given.

The text a user gives is the text the report shows: nothing visible is normalised (a Latin
"P" inside a Russian word stays; a check reports it). Only line endings become ``\\n``, which
nobody can see. Every failure is an :class:`~compare.errors.InputError` whose message says
what is wrong and what to do, because a translator should never meet a traceback.

The size limit bounds memory and time, not just the file: at most ``max_bytes + 1`` bytes
are read from anything (a link to ``/dev/zero`` or a FIFO is refused before reading); a
.docx is read as a stream whose unpacked XML, largest paragraph or table, paragraph count and
text are each capped, so a small "zip bomb" is refused in a second with tens of megabytes.
What reading had to guess or could not read (an encoding, a page nested too deeply, broken
characters) is said in :attr:`InputText.notes`, which :func:`input_notices` turns into report
notices.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
_SURROGATE = re.compile("[\ud800-\udfff]")
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
_READ_CHUNK = 1 << 20


def read_file(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> InputText:
    """Read a .txt, .docx or .html file from disk.

    At most ``max_bytes + 1`` bytes are ever read, whatever the file claims to be: a device
    (a link to ``/dev/zero``), a FIFO or a socket is refused before reading, since its size
    says nothing and reading it may never end.
    """
    p = Path(path)
    data = read_limited(p, max_bytes)
    return read_bytes(data, p.name, max_bytes)


def read_limited(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; an :class:`InputError` otherwise.

    Refuses missing files, folders, devices, FIFOs and sockets with one line each, and never
    reads more than ``max_bytes + 1`` bytes (a file that grows while read is caught too).
    """
    p = Path(path)
    with _open_regular(p) as handle:
        size = os.fstat(handle.fileno()).st_size
        _check_size(size, max_bytes, p.name)
        data = _read_at_most(handle, max_bytes + 1, p)
    _check_size(len(data), max_bytes, p.name)
    return data


def update_digest(digest: Any, path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES
                  ) -> None:  # fmt: skip
    """Feed a file's bytes to ``digest`` (a hashlib object) in chunks, reading at most
    ``max_bytes + 1`` bytes, so hashing inputs never holds a whole file nor hangs on a FIFO.

    A file that cannot be read (missing, not a regular file, unreadable, over the limit) adds
    a marker instead of (the rest of) its bytes, since :func:`read_file` refuses it anyway;
    this never raises for a bad file.
    """
    p = Path(path)
    try:
        handle = _open_regular(p)
    except InputError:
        digest.update(b"<not a readable regular file>")
        return
    with handle:
        left = max_bytes + 1
        while left > 0:
            try:
                chunk = handle.read(min(_READ_CHUNK, left))
            except OSError:
                digest.update(b"<unreadable>")
                return
            if not chunk:
                return
            digest.update(chunk)
            left -= len(chunk)
        digest.update(b"<over the size limit>")


def _open_regular(p: Path):
    """Open ``p`` for reading only when it is a regular file (after following links).

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer; the
    type is then checked on the open descriptor, so a file swapped in between cannot slip by.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError as exc:
        raise InputError(f"File not found: {p}.") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{p} is a folder, not a file.") from exc
    except PermissionError as exc:
        raise InputError(
            f"Cannot read {p}: permission denied (on the file or a folder above it)."
        ) from exc
    except OSError as exc:
        raise InputError(f"Cannot open {p}: {exc.strerror or exc}.") from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{p} is a folder, not a file.")
        if not stat.S_ISREG(mode):
            what = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "a device")  # fmt: skip
            raise InputError(f"{p} is {what}, not a regular file; give a saved file.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_at_most(handle, limit: int, p: Path) -> bytes:
    parts: list[bytes] = []
    left = limit
    try:
        while left > 0:
            chunk = handle.read(min(_READ_CHUNK, left))
            if not chunk:
                break
            parts.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise InputError(f"Cannot read {p.name}: {exc.strerror or exc}.") from exc
    return b"".join(parts)


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
        return _finish_docx(_docx_paragraphs(data, filename, max_bytes), filename)
    _refuse_binary(data, filename)
    text, encoding, notes = decode_text(data, filename)
    kind = "txt"
    if ext in (".html", ".htm"):
        text, html_notes = _html_text(text, filename)
        notes = notes + html_notes
        kind = "html"
    return _finish(text, filename, kind, encoding, notes)


def read_pasted(text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> InputText:
    """Take text pasted into a box.

    A browser can hand over half of a surrogate pair (an emoji cut in two): such lone
    surrogates cannot be written as UTF-8, so every export would fail on them. They become
    U+FFFD here, and a note says how many; whole pairs become the character they encode.
    """
    _check_size(len(text.encode("utf-8", "surrogatepass")), max_bytes, "The pasted text")
    text, replaced = replace_lone_surrogates(text)
    notes = []
    if replaced:
        notes.append(
            f"{replaced} broken character(s) (half of an emoji or other symbol) in the pasted "
            "text were replaced by the replacement character \ufffd."
        )
    return _finish(text, "pasted text", "paste", None, notes)


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with surrogate pairs joined and lone surrogates replaced by U+FFFD, and the
    number replaced."""
    if not _SURROGATE.search(text):
        return text, 0
    before = text.count("\ufffd")
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - before


def input_notices(target: InputText | None, source: InputText | None) -> list[str]:
    """What reading each side noted (encoding guessed, page partly unparsable, characters
    replaced), as report notices: ``"English: ..."`` and ``"Source: ..."``."""
    return [
        f"{side}: {note}"
        for side, text in (("English", target), ("Source", source))
        for note in (text.notes if text is not None else [])
    ]


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
    if _utf8_cyrillic_share(data) >= MIXED_UTF8_SHARE:
        return _decode_mixed(data, name)
    best = _best_legacy(data, name)
    note = f"Decoded as {_LEGACY[best]}, not UTF-8: check that the text looks right."
    return data.decode(best), best, [note]


# A text that is not valid UTF-8 but whose non-ASCII bytes are this much UTF-8 Cyrillic
# (two-byte sequences D0-D3 xx) is a UTF-8 file with a legacy-encoded part pasted in: no
# single encoding reads it, and KZ-1048 would read the UTF-8 part as Kazakh letters. In a
# Windows-1251, KOI8-R or DOS-866 text such byte pairs are rare signs, a few per cent at most.
MIXED_UTF8_SHARE = 0.2
_UTF8_CYRILLIC = re.compile(rb"[\xd0-\xd3][\x80-\xbf]")


def _utf8_cyrillic_share(data: bytes) -> float:
    high = sum(1 for b in data if b >= 0x80) if len(data) < 1_000_000 else len(
        re.findall(rb"[\x80-\xff]", data)
    )
    return 2 * len(_UTF8_CYRILLIC.findall(data)) / max(1, high)


def _best_legacy(data: bytes, name: str) -> str:
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
    return best


def _decode_mixed(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode each line of a file that mixes UTF-8 lines with legacy-encoded ones in its own
    encoding (the legacy one chosen on those lines alone), and say so."""
    lines = data.split(b"\n")
    legacy_lines = []
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_lines.append(line)
    legacy = _best_legacy(b"\n".join(legacy_lines), name)
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode(legacy))
    n_legacy = len(legacy_lines)
    note = (
        f"The file mixes UTF-8 with {_LEGACY[legacy]}: {n_legacy} of its {len(lines)} lines "
        f"were decoded as {_LEGACY[legacy]}, the others as UTF-8; check that the text looks "
        "right, and re-save it as UTF-8."
    )
    return "\n".join(out), f"utf-8+{legacy}", [note]


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
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL_TYPE_DOCUMENT = "/officeDocument"
_BLOCK_TAGS = tuple(_W + t for t in ("document", "p", "tbl", "sdt"))
# A zip is small on disk and may unpack to gigabytes (a "zip bomb"): the Word XML read is
# capped at this many times the file limit (a real document's XML is a few times its text),
# and the text taken from it at the file limit itself.
DOCX_XML_FACTOR = 20
# One paragraph or table is held whole while it is read: its XML is capped at this many times
# the limit (20 MB for 5 MB, some 350 MB of memory at worst).
DOCX_BLOCK_FACTOR = 4
# Paragraphs cost time whatever their length: at most one per this many characters of the
# limit (250,000 for 5 MB; a real document of 5 million characters has some 20,000).
DOCX_CHARS_PER_PARAGRAPH = 20
# Containers whose runs are part of a paragraph's text (hyperlinks, tracked insertions,
# smart tags, fields, content controls); deleted and moved-away text is not.
_RUN_CONTAINERS = {_W + t for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt",
                                    "sdtContent", "moveTo", "customXml", "dir", "bdo")}


class _CappedStream(io.RawIOBase):
    """A file-like view of a zip member that refuses to give more than ``cap`` bytes in all,
    nor more than ``block_cap`` bytes since ``block_start`` (the XML of one body element, all
    of which is held in memory until it ends)."""

    def __init__(self, raw, cap: int, block_cap: int, name: str) -> None:
        self.raw, self.cap, self.block_cap, self.name_for_user = raw, cap, block_cap, name
        self.consumed = self.block_start = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(min(len(buffer), self.cap + 1 - self.consumed))
        self.consumed += len(data)
        if self.consumed > self.cap:
            raise InputError(
                f"{self.name_for_user} unpacks to more than {self.cap / 1e6:g} MB of Word XML "
                "(a compressed 'zip bomb', or a document far over the size limit); "
                "split it into parts or save it as .txt."
            )
        if self.consumed - self.block_start > self.block_cap:
            raise InputError(
                f"{self.name_for_user} has one paragraph or table of over "
                f"{self.block_cap / 1e6:g} MB of Word XML (a 'zip bomb', or a table far over "
                "the size limit); split it into parts or save it as .txt."
            )
        buffer[: len(data)] = data
        return len(data)


# An OLE compound file: what Word writes for a password-protected document (or an old .doc).
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def _docx_paragraphs(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Paragraphs and table cells' paragraphs of a .docx, in document order.

    The main XML part is parsed as a stream, one body element (paragraph or table) at a time,
    so memory stays small however large the XML; the XML read is capped at
    ``DOCX_XML_FACTOR × max_bytes`` and the text at ``max_bytes`` characters. Text is taken as
    python-docx does (``w:t``, tabs, line breaks, non-breaking hyphens), plus what it drops:
    text inside tracked insertions, content controls and nested tables.
    """
    from lxml import etree

    xml_cap = DOCX_XML_FACTOR * max_bytes
    max_paragraphs = max(1_000, max_bytes // DOCX_CHARS_PER_PARAGRAPH)
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{name} is password-protected (an encrypted Word file) or an old .doc "
                         "saved as .docx; open it in Word and save it as .docx without a "
                         "password.")  # fmt: skip
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        part = _docx_main_part(archive)
        info = archive.getinfo(part)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"{name} is not a valid .docx file (it cannot be opened as one).") from exc
    if info.file_size > xml_cap:
        raise InputError(
            f"{name} unpacks to {info.file_size / 1e6:.0f} MB of Word XML, over the "
            f"{xml_cap / 1e6:g} MB allowed for a {max_bytes / 1e6:g} MB limit (a 'zip bomb' or "
            "a document far over the limit); split it into parts or save it as .txt."
        )
    try:
        with archive.open(info) as member:
            head = member.read(4096)
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, RuntimeError,
            NotImplementedError) as exc:  # fmt: skip
        raise InputError(f"{name} cannot be read: its text part is encrypted, damaged or "
                         f"compressed in a way not supported here ({exc}).") from exc  # fmt: skip
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        # Word never writes a DTD; its entities would be dropped unread (text lost without a
        # word) or, expanded, could be a billion laughs.
        raise InputError(f"{name} declares a DTD (<!DOCTYPE>), which Word never writes; it was "
                         "refused rather than read with text missing. Save it again from "
                         "Word.")  # fmt: skip
    lines: list[str] = []
    size = 0
    is_word = False
    try:
        with archive.open(info) as member:
            capped = _CappedStream(member, xml_cap, DOCX_BLOCK_FACTOR * max_bytes, name)
            stream = io.BufferedReader(capped)
            events = etree.iterparse(
                stream, events=("end",), tag=_BLOCK_TAGS, resolve_entities=False,
                no_network=True, huge_tree=False, load_dtd=False,
            )
            for _, element in events:
                parent = element.getparent()
                if parent is None:
                    is_word = True  # the w:document root, last of all
                    continue
                if parent.tag != _W + "body":
                    continue  # nested in a table: read with its table
                found = _body_element_lines(element)
                lines.extend(found)
                size += sum(len(line) + 1 for line in found)
                if size > max_bytes:
                    raise InputError(
                        f"{name} holds over {max_bytes / 1e6:g} million characters of text, "
                        "over the limit; split it into parts or raise the limit."
                    )
                if len(lines) > max_paragraphs:
                    raise InputError(
                        f"{name} has over {max_paragraphs:,} paragraphs (a generated file, or "
                        "one far over the size limit); split it into parts."
                    )
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
                capped.block_start = capped.consumed
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, zlib.error, OSError) as exc:
        raise InputError(f"{name} is not a valid .docx file (its text part is damaged).") from exc
    if not is_word:
        raise InputError(f"{name} is not a Word document (it has no Word document body).")
    return lines


def _docx_main_part(archive: zipfile.ZipFile) -> str:
    """The name of the main document part, from the package relationships."""
    from lxml import etree

    try:
        info = archive.getinfo("_rels/.rels")
    except KeyError:
        return "word/document.xml"
    if info.file_size > 1_000_000:
        raise ValueError("package relationships too large")
    root = etree.fromstring(archive.read(info), etree.XMLParser(resolve_entities=False,
                                                                 no_network=True))
    for rel in root:
        if str(rel.get("Type", "")).endswith(_REL_TYPE_DOCUMENT) and rel.get("Target"):
            return str(rel.get("Target")).lstrip("/")
    return "word/document.xml"


def _body_element_lines(element) -> list[str]:
    """The paragraph texts of one child of ``w:body``: a paragraph, a table (each distinct
    cell's paragraphs, a vertically merged cell once) or a content control around them."""
    tag = element.tag
    if tag == _W + "p":
        return [_paragraph_text(element)]
    lines: list[str] = []
    if tag == _W + "tbl":
        for row in element.iterchildren(_W + "tr"):
            for cell in row.iterchildren(_W + "tc"):
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(_W + "val") in (None, "continue"):
                    continue  # the lower part of a vertically merged cell
                for child in cell:
                    lines.extend(_body_element_lines(child))
    elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
        for child in element:
            lines.extend(_body_element_lines(child))
    return lines


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    stack = [iter(paragraph)]
    while stack:  # iterative: nesting depth never costs Python recursion
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _W + "r":
            parts.append(_run_text(child))
        elif child.tag in _RUN_CONTAINERS:
            stack.append(iter(child))
    return "".join(parts)


def _run_text(run) -> str:
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag == _W + "br":
            parts.append("\n" if child.get(_W + "type") in (None, "textWrapping") else "")
        elif tag == _W + "cr":
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


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


def _html_text(html: str, name: str) -> tuple[str, list[str]]:
    """The main text of a web page (trafilatura), or all visible text when that finds none.

    The page is parsed once with libxml2's deep-tree option (its default parser silently drops
    everything nested deeper than 255 elements, and so would report false omissions). The
    words of the parse are compared with the words left when the markup is simply stripped:
    when the parse lost a part (nesting beyond even the deep-tree limit, broken markup), the
    stripped text is used instead, and a note says so.
    """
    import lxml.etree
    import lxml.html

    notes: list[str] = []
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:  # "Document is empty" and the like
        raise InputError(f"{name} could not be read as a web page: {exc}.") from exc
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    visible = "\n".join(t.strip() for t in tree.itertext() if t.strip())
    stripped = _markup_free_text(html)
    parsed_words, all_words = len(_WORDS.findall(visible)), len(_WORDS.findall(stripped))
    lost = all_words - parsed_words
    if lost > max(HTML_LOST_WORDS, HTML_LOST_SHARE * all_words):
        notes.append(
            f"Part of the page could not be parsed ({lost} of its {all_words} words; it is "
            f"nested {_nesting_hint(tree)} or its markup is broken): all its text was read "
            "by removing the markup, menus and footers included; check the text."
        )
        return stripped, notes
    elements = sum(1 for _ in tree.iter())
    if elements > HTML_MAX_EXTRACT_ELEMENTS:
        notes.append(
            f"The page has {elements:,} elements, too many to separate its main text from menus "
            "and footers in reasonable time: all its visible text was read; check the text."
        )
        return visible, notes
    text = ""
    try:
        import trafilatura

        text = trafilatura.extract(
            tree, output_format="txt", include_comments=False, include_tables=True,
            favor_recall=True,
        ) or ""
    except ImportError:  # pragma: no cover - a dependency of the project
        text = ""
    except RecursionError:
        text = ""
    return (text if text.strip() else visible), notes


# Words a parse may miss (odd entities, broken markup around a word) before the page's text is
# taken from the markup-free copy instead: more than this many and this share of them.
HTML_LOST_WORDS, HTML_LOST_SHARE = 5, 0.05
# Main-text extraction (trafilatura) takes about 0.1 ms and 1 KB per element: a page of 600,000
# tiny elements (inside the 5 MB limit) took 61 s and 750 MB. Real article pages have a few
# thousand; beyond this many, all visible text is read instead.
HTML_MAX_EXTRACT_ELEMENTS = 50_000
_WORDS = re.compile(r"\w+")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)[^<>]*>|<!--")
_HTML_HIDDEN = ("script", "style", "noscript", "template")
_HTML_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul title".split()
)


def _markup_free_text(html: str) -> str:
    """The page's text with tags, comments, scripts and styles removed, in linear time
    (no backtracking pattern runs across the whole page)."""
    import html as html_module

    lower = html.lower()
    out: list[str] = []
    pos, end = 0, len(html)
    while pos < end:
        m = _HTML_TAG.search(html, pos)
        if m is None:
            out.append(html[pos:])
            break
        out.append(html[pos : m.start()])
        if m.group(0) == "<!--":
            close = html.find("-->", m.end())
            pos = end if close < 0 else close + 3
            continue
        tag = m.group(2).lower()
        pos = m.end()
        if not m.group(1) and tag in _HTML_HIDDEN:
            close = lower.find(f"</{tag}", pos)
            pos = end if close < 0 else close
            continue
        out.append("\n" if tag in _HTML_BLOCKS else " ")
    lines = (" ".join(line.split()) for line in html_module.unescape("".join(out)).split("\n"))
    return "\n".join(line for line in lines if line)


def _nesting_hint(tree) -> str:
    import lxml.etree

    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return f"at least {deepest} elements deep" if deepest > 200 else "deeply"


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
