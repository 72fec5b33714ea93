"""Reading a .docx as a stream: its paragraphs and table cells in order, with every size capped.

The main XML part is parsed one body element (paragraph or table) at a time, so memory stays
small however large the XML, and the unpacked XML, the largest paragraph or table, the number
of paragraphs and the text are each capped against the file limit: a small "zip bomb" is
refused in a second with tens of megabytes. A password-protected file, a DTD and a package
without a Word body are refused with one line each.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from compare.errors import InputError

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


def docx_paragraphs(data: bytes, name: str, max_bytes: int) -> list[str]:
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
