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

This package's top holds the entry points (:func:`read_file`, :func:`read_bytes`,
:func:`read_pasted`, :func:`update_digest`); each format's work has its own module:
:mod:`~compare.reading.decoding` (bytes to text), :mod:`~compare.reading.docx_text` (the
streaming .docx reader), :mod:`~compare.reading.html_text` (a web page's text) and
:mod:`~compare.reading.paragraphs` (paragraph spans).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.document import Span
from compare.errors import InputError
from compare.reading.decoding import control_share, decode_text, refuse_binary
from compare.reading.docx_text import docx_paragraphs
from compare.reading.html_text import page_text
from compare.reading.paragraphs import split_paragraphs, strip_span

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "InputText", "decode_text", "input_notices",
    "read_bytes", "read_file", "read_limited", "read_pasted", "replace_lone_surrogates",
    "split_paragraphs", "update_digest",
]

DEFAULT_MAX_BYTES = 5_000_000
SUPPORTED_EXTENSIONS = (".txt", ".text", ".md", ".docx", ".html", ".htm")
_SURROGATE = re.compile("[\ud800-\udfff]")


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
        return _finish_docx(docx_paragraphs(data, filename, max_bytes), filename)
    refuse_binary(data, filename)
    text, encoding, notes = decode_text(data, filename)
    kind = "txt"
    if ext in (".html", ".htm"):
        text, html_notes = page_text(text, filename)
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


def _finish_docx(paras: list[str], name: str) -> InputText:
    """Join Word's paragraphs with newlines; Word already says where a paragraph ends, so a
    soft line break (Shift+Enter) stays inside its paragraph instead of starting a new one."""
    paras = [p.replace("\r\n", "\n").replace("\r", "\n") for p in paras]
    text = "\n".join(paras)
    spans, start = [], 0
    for para in paras:
        span = strip_span(text, start, start + len(para))
        if span.end > span.start:
            spans.append(span)
        start += len(para) + 1
    return _finish(text, name, "docx", None, [], spans)


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
    if control_share(text) > 0.01:
        raise InputError(f"{name} looks binary (it is full of control characters), not text.")
    return InputText(
        text=text,
        paragraphs=split_paragraphs(text) if paragraphs is None else paragraphs,
        name=name,
        kind=kind,
        encoding=encoding,
        notes=notes,
    )
